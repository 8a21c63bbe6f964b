//! The patterns behind each rule. Kept as data-like regex tables so the corpus
//! report can show which rule needs work, and compiled once per process.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use super::{LintContext, Rule, Span};

/// Compiles a pattern from this file; a typo here is a bug caught by every test.
fn compile(pattern: &str) -> Regex {
    match Regex::new(pattern) {
        Ok(regex) => regex,
        Err(e) => panic!("guardrail pattern does not compile: {e}"),
    }
}

const VENDORS: &str = r"(?:AWS|Amazon(?:\s+Web\s+Services)?|Azure|Microsoft|Google(?:\s+Cloud)?|GCP|Cloudflare|Fastly|Akamai|Stripe|Twilio|Datadog|GitHub|GitLab|Okta|Salesforce|Heroku|Vercel|Netlify|DigitalOcean|Oracle|SendGrid|Mailgun|PagerDuty|Atlassian|Slack|Zoom|Shopify|PayPal|Adyen|Braintree|Auth0|Snowflake|Linode|Hetzner|OVH|Equinix|Verizon|Comcast|Zscaler|Lumen)";

static SPECULATION: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:we|i|engineers?|the\s+team)\s+(?:think|believe|suspect|assume|guess|reckon)\b|\b(?:probably|possibly|presumably|likely|apparently|seemingly)\s+(?:caused|due|because|triggered|related|the\s+result|from|a|an|the)\b|\b(?:may|might|could)\s+(?:have\s+been|be)\s+(?:caused|due|triggered|related|the\s+result)\b|\b(?:appears?|seems?|looks?)\s+(?:to\s+be\s+|to\s+have\s+been\s+|like\s+)(?:caused|due|triggered|related|the\s+result|a|an|it\s+was)\b|\broot[\s-]cause\b|\b(?:the|a|one)\s+(?:likely|probable|possible|suspected)\s+cause\b|\b(?:caused|triggered)\s+by\b|\bwhich\s+(?:caused|triggered)\b|\bdue\s+to\s+(?:a|an|the)\b|\bbecause\s+(?:of\s+)?(?:a|an|the)\s+(?:bad|faulty|broken|failed|misconfigured|buggy|expired|corrupt\w*)\b|\bour\s+(?:(?:working|leading|current)\s+)?(?:theory|hypothesis|guess|suspicion|assumption)\b|\bworking\s+(?:assumption|theory|hypothesis)\b|\b(?:findings|evidence|signs|indications|data|everything)\s+(?:points?|suggests?|indicates?)\s+to\b|\b(?:is|was|are|were)\s+(?:the\s+(?:likely\s+|probable\s+)?cause|(?:likely\s+|probably\s+)?responsible)\b|\bsuspected\b|\bthe\s+culprit\b",
    )
});

static BLAME: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        format!(r"\b{VENDORS}(?:'s|’s)?\s+(?:fault|mistake|outage|failure|error|bug|misconfiguration|bad\s+deploy\w*|deploy\w*|incident|problems?|issues?)\b"),
        format!(r"(?i:\b(?:outage|failure|fault|mistake|misconfiguration)s?\s+(?:at|from|by|of|on)\s+)(?:the\s+)?{VENDORS}\b"),
        format!(r"\b{VENDORS}\s+(?i:caused|broke|went\s+down|is\s+down|was\s+down|failed|messed\s+up|screwed\s+up|pushed|deployed|misconfigured|is\s+to\s+blame|is\s+at\s+fault)\b"),
        r"(?i)\b[\w-]+\s+team(?:'s|’s)?\s+(?:fault|mistake|error|bad\s+\w+|deploy\w*|change|push|release|misconfiguration)\b".to_owned(),
        r"(?i)\b[\w-]+\s+team\s+(?:caused|broke|pushed|deployed|shipped|rolled\s+out|misconfigured|forgot|missed|deleted|dropped|introduced|messed|screwed|failed\s+to)\b".to_owned(),
        r"(?i)\b(?:deploy\w*|change|push|release|mistake|error|misconfiguration|migration|bug)\s+(?:made\s+|shipped\s+|pushed\s+)?by\s+(?:the\s+|our\s+)?[\w-]+\s+team\b".to_owned(),
        r"(?i)\b(?:an?|one\s+of\s+our|our)\s+(?:engineer|developer|admin\w*|operator|contractor|intern|dba|sre|employee|team\s+member)s?\s+(?:accidentally\s+|mistakenly\s+)?(?:caused|broke|pushed|deployed|deleted|ran|dropped|misconfigured|forgot|made\s+a\s+mistake|introduced|shipped|typed)\b".to_owned(),
        r"(?i)\bsomeone\s+(?:on\s+\w+\s+)?(?:accidentally\s+)?(?:pushed|deployed|broke|deleted|ran|dropped|misconfigured|forgot)\b".to_owned(),
        r"(?i)\bhuman\s+error\b|\bblame\w*\b|\b(?:is|was|are|were)\s+(?:to\s+blame|at\s+fault)\b".to_owned(),
        r"(?i)\b(?:their|(?:the|our)\s+(?:[\w-]+\s+)?(?:vendor|provider|supplier|partner)(?:'s|’s)?)\s+(?:fault|mistake|outage|failure|error)\b".to_owned(),
    ]
    .iter()
    .map(|p| compile(p))
    .collect()
});

/// A time the fix is promised for ("within 2 hours", "by 16:00", "shortly").
static ETA_TIME: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:by|within|in|before|around|until|for\s+another|in\s+the\s+next|take|takes|taking)\s+(?:up\s+to\s+|about\s+|roughly\s+|approximately\s+|around\s+|the\s+next\s+|another\s+)?(?:\d+|a\s+few|a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|forty-?five|half\s+an?)\s*(?:-\s*\d+\s*)?(?:minutes?|mins?|hours?|hrs?|h|days?)\b|\b(?:by|around|before|until)\s+\d{1,2}(?::\d{2})?\s*(?:am|pm|utc|gmt|[a-z]{2,4}t)?\b|\b(?:shortly|soon|imminently|later\s+today|within\s+the\s+hour|by\s+end\s+of\s+(?:the\s+)?day|by\s+eod|by\s+(?:tonight|tomorrow|this\s+(?:afternoon|evening|morning)))\b",
    )
});

/// Words that make a time a promise about the fix rather than the next update.
static RESTORATION: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:fix(?:ed|es|ing)?|resolv(?:e|ed|ing)|resolution|restor(?:e|ed|ing|ation)|recover(?:ed|ing|y)?|back\s+(?:up|online|to\s+normal)|working\s+(?:again|normally)|fully\s+operational|available\s+again|up\s+and\s+running|mitigat(?:e|ed|ion)|normal\s+service|return\s+to\s+normal)\b",
    )
});

/// A time right after these is when the next message comes, not the fix.
static ABOUT_UPDATES: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:update|updates|updated|information|info|post|share|check\s+in|report|communicat\w*|details|news|back\s+to\s+you)\b[^.!?]{0,25}$",
    )
});

static EXPLICIT_ETA: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\bETA\b|(?i:\bestimated\s+time\s+(?:to|of)\s+(?:resolution|recovery|fix|restoration)\b|\bexpected\s+(?:resolution|recovery|fix)\s+(?:time|by|at|in|within)\b)",
    )
});

static RESOLVED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:resolved|fixed|all[\s-]clear|back\s+to\s+normal|fully\s+(?:restored|recovered|operational)|(?:operating|functioning|working)\s+normally|(?:has|have)\s+(?:now\s+)?(?:been\s+)?(?:restored|recovered)|solved|(?:back\s+)?up\s+and\s+running|(?:has|have)\s+(?:now\s+)?ended|(?:all\s+)?(?:services|systems)\s+are\s+(?:now\s+)?(?:available|operational|up)|(?:is|are)\s+(?:now\s+)?over(?:\s*[.!,;]|\s+and\b|\s*$)|no\s+longer\s+(?:affected|impacted|experiencing|seeing)|everything\s+is\s+(?:fine|ok|okay|good))\b",
    )
});

/// Words just before "resolved" that make it a hope, a condition or a denial.
static NOT_A_CLAIM: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?:\bnot|n't|\buntil|\bonce|\bwhen|\bafter|\bbefore|\bif|\byet|\bto\s+be|\bto\s+get|\bget|\bgets|\bgetting|\bbeing|\bwill\s+be|\bshould\s+be|\bwill|\bshould|\bbe|\bwhether|\bconfirm(?:ed|ing)?(?:\s+that)?|\bverify(?:ing)?(?:\s+that)?|\bsay|\bcall)\s+(?:[\w'’]+\s+){0,3}$",
    )
});

static JARGON: LazyLock<RegexSet> = LazyLock::new(|| {
    let patterns = jargon_patterns();
    match RegexSet::new(&patterns) {
        Ok(set) => set,
        Err(e) => panic!("guardrail pattern does not compile: {e}"),
    }
});

static JARGON_EACH: LazyLock<Vec<Regex>> =
    LazyLock::new(|| jargon_patterns().iter().map(|p| compile(p)).collect());

fn jargon_patterns() -> Vec<&'static str> {
    vec![
        // IPv4 addresses, with an optional port.
        r"\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b",
        // IPv6 addresses written with "::" or in full.
        r"(?i)\b(?:[0-9a-f]{1,4}:){1,7}:(?:[0-9a-f]{1,4})?|\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b",
        // Internal URLs: private hosts, internal tools, ports.
        r"(?i)\bhttps?://(?:localhost|[\d.]+|[^\s/]*\.(?:internal|local|lan|corp|intra|intranet|svc|consul|localdomain)\b|(?:grafana|kibana|jenkins|jira|confluence|wiki|admin|argocd|splunk|sentry|vault|bastion|internal|intranet|ci|git)\.[^\s/]+|[^\s/:]+:\d+)[^\s<>]*",
        // Hostnames: numbered machines and internal domains.
        r"\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:-\d+|[a-z]\d{2,})(?:\.[a-z0-9-]+)*\b",
        r"(?i)\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:internal|local|lan|corp|intra|svc|consul|cluster\.local)\b",
        // Stack traces and crash vocabulary.
        r"(?m)^\s*at\s+[\w$.<>]+\(.*?:\d+\)|\bTraceback \(most recent call last\)|\bFile\s+\x22[^\x22]+\x22,\s+line\s+\d+|\b[A-Z]\w*(?:Exception|Error)\b|\bpanicked\s+at\b|\b(?:SIGSEGV|SIGKILL|SIGTERM|segfault|OOMKilled|CrashLoopBackOff|ImagePullBackOff)\b|(?i:\bsegmentation\s+fault\b|\bcore\s+dumped\b|\bstack\s*trace\b|\bnull\s+pointer\b)",
        // Error codes.
        r"(?i)\b(?:HTTP\s*)?[45]\d\d\s+(?:errors?|responses?|status(?:es)?|codes?)\b|\bHTTP\s+[45]\d\d\b|\b[45]xx\b|\b(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|ENOSPC|EPIPE|EACCES|ENOMEM)\b|\bERR_[A-Z_]+\b|\b0x[0-9a-f]{4,}\b|\berror\s+code\s+[\w-]+|\berrno\b|\bexit\s+code\s+\d+",
        // Raw technical state.
        r"(?i)\b(?:k8s|kubernetes|kubectl|pods?|OOM|deadlocks?|shards?|replicas?|replication\s+lag|p50|p9[059]|p999|heap|GC\s+pauses?|garbage\s+collection|connection\s+pool|thread\s+pool|etcd|redis|kafka|postgres(?:ql)?|mysql|elasticsearch|nginx|haproxy|envoy|istio|terraform|cron\s*jobs?|IOPS|CPU|memory\s+leak|load\s+balancers?|read\s+replicas?|failover|VPC|subnets?|S3\s+buckets?|EC2|RDS|queue\s+depth|consumer\s+lag|TLS\s+handshake|BGP)\b",
    ]
}

static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    let names: Vec<&str> = include_str!("first_names.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect();
    compile(&format!(
        r"\b(?:{})\b(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b)?|(?:^|[\s(])@[A-Za-z][\w.-]{{1,30}}|\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+[A-Z][a-z]+",
        names.join("|")
    ))
});

/// Compiles every pattern now, so the lead's first keystroke does not wait for it.
pub(super) fn compile_all() {
    LazyLock::force(&SPECULATION);
    LazyLock::force(&BLAME);
    LazyLock::force(&ETA_TIME);
    LazyLock::force(&RESTORATION);
    LazyLock::force(&ABOUT_UPDATES);
    LazyLock::force(&EXPLICIT_ETA);
    LazyLock::force(&RESOLVED);
    LazyLock::force(&NOT_A_CLAIM);
    LazyLock::force(&JARGON);
    LazyLock::force(&JARGON_EACH);
    LazyLock::force(&PERSON);
}

pub(super) fn find_all(text: &str, context: &LintContext<'_>) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut push = |rule, start, end| spans.push(Span { rule, start, end });
    for m in SPECULATION.find_iter(text) {
        push(Rule::Speculation, m.start(), m.end());
    }
    for regex in BLAME.iter() {
        for m in regex.find_iter(text) {
            push(Rule::Blame, m.start(), m.end());
        }
    }
    if !context.eta_confirmed {
        for (start, end) in etas(text) {
            push(Rule::UnconfirmedEta, start, end);
        }
    }
    if !context.resolution_allowed {
        for m in RESOLVED.find_iter(text) {
            if !NOT_A_CLAIM.is_match(sentence_before(text, m.start())) {
                push(Rule::PrematureResolution, m.start(), m.end());
            }
        }
    }
    for index in JARGON.matches(text).iter() {
        for m in JARGON_EACH[index].find_iter(text) {
            // A leading space belongs to the "at" of a stack frame, not the span.
            let start = m.start() + (m.as_str().len() - m.as_str().trim_start().len());
            push(Rule::Jargon, start, m.end());
        }
    }
    for (start, end) in codenames(text, context.glossary) {
        push(Rule::Jargon, start, end);
    }
    for m in PERSON.find_iter(text) {
        let skip = m.as_str().len() - m.as_str().trim_start_matches([' ', '\t', '\n', '(']).len();
        push(Rule::PersonName, m.start() + skip, m.end());
    }
    spans
}

/// The text of the current sentence up to `at`.
fn sentence_before(text: &str, at: usize) -> &str {
    let before = &text[..at];
    let start = before
        .rfind(['.', '!', '?', '\n'])
        .map(|i| i + 1)
        .unwrap_or(0);
    &before[start..]
}

/// The current sentence's byte range around `at`.
fn sentence_around(text: &str, at: usize) -> (usize, usize) {
    let start = at - sentence_before(text, at).len();
    let end = text[at..]
        .find(['.', '!', '?', '\n'])
        .map(|i| at + i)
        .unwrap_or(text.len());
    (start, end)
}

/// Promised fix times: a time expression in a sentence that talks about the
/// fix, unless the time is about the next update; and explicit "ETA" wording.
fn etas(text: &str) -> Vec<(usize, usize)> {
    let mut found: Vec<(usize, usize)> = EXPLICIT_ETA
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect();
    for time in ETA_TIME.find_iter(text) {
        if ABOUT_UPDATES.is_match(sentence_before(text, time.start())) {
            continue;
        }
        let (start, end) = sentence_around(text, time.start());
        let sentence = &text[start..end.max(time.end())];
        // The fix word nearest the time is the one the promise is about.
        let nearest = RESTORATION
            .find_iter(sentence)
            .map(|m| (start + m.start(), start + m.end()))
            .min_by_key(|(s, e)| s.abs_diff(time.end()).min(e.abs_diff(time.start())));
        if let Some((fix_start, fix_end)) = nearest {
            found.push((fix_start.min(time.start()), fix_end.max(time.end())));
        }
    }
    found
}

/// Whole-word, ASCII-case-insensitive occurrences of the glossary's codenames.
fn codenames(text: &str, glossary: &[String]) -> Vec<(usize, usize)> {
    let lower = text.to_ascii_lowercase();
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut found = Vec::new();
    for term in glossary {
        let term = term.trim().to_ascii_lowercase();
        if term.is_empty() {
            continue;
        }
        for (start, _) in lower.match_indices(&term) {
            let end = start + term.len();
            let before = lower[..start].chars().next_back();
            let after = lower[end..].chars().next();
            if !before.is_some_and(is_word) && !after.is_some_and(is_word) {
                found.push((start, end));
            }
        }
    }
    found
}

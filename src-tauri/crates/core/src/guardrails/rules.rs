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

/// Hedged claims about the cause. A cause stated as found ("caused by a
/// regression", "we identified the root cause") is not speculation; a cause
/// offered as a guess is.
/// Infrastructure providers: a customer update that names one as where the
/// failure was puts the fault on it.
const CLOUDS: &str = r"(?:AWS|Amazon(?:\s+Web\s+Services)?|Azure|GCP|Google\s+Cloud|Digital\s?Ocean|Linode|Hetzner|OVH|Equinix|Cloudfront|CloudFront)";

static SPECULATION: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:we|i|engineers?|the\s+team)\s+(?:think|believe|suspect|assume|guess|reckon|hypothesi[sz]e)\b|\b(?:probably|possibly|presumably|likely|apparently|seemingly)\s+(?:caused|due|because|triggered|related|the\s+result|from|a|an|the)\b|\b(?:may|might|could)\s+(?:have\s+been|be)\s+(?:caused|due|triggered|related|linked|the\s+result)\b|\b(?:appears?|seems?|looks?)\s+(?:to\s+be\s+|to\s+have\s+been\s+|to\s+have\s+|like\s+)(?:caused|due|triggered|related|linked|the\s+result|resulted|a|an|the|it\s+was)\b|\bseems\s+to\s+be\b|\b(?:the|a|one|our)\s+(?:likely|probable|possible|suspected|potential)\s+(?:cause|culprit|trigger|source)\b|\blikely\s+culprit\b|\bour\s+(?:(?:working|leading|current|initial)\s+)?(?:theory|hypothesis|guess|suspicion|assumption)\b|\b(?:a|the)\s+hypothesis\b|\bworking\s+(?:assumption|theory|hypothesis)\b|\b(?:findings|evidence|signs|indications|data|everything|investigation|analysis)\s+(?:so\s+far\s+)?(?:points?|suggests?|indicates?)\b|\binitial\s+(?:indications|signs|findings|analysis|investigation)\b|\bpreliminary\s+(?:findings|analysis|investigation)\b|\b(?:is|was|are|were)\s+(?:likely|probably)\s+(?:the\s+cause|responsible|caused)\b|\bsuspected\b|\bcorrelat(?:es|ed|ing)\s+with\b",
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
        // A party outside the company named as where it went wrong.
        r"(?i)\b(?:third[- ]?party|3rd[- ]?party|upstream|external)\s+(?:[\w-]+\s+){0,3}?(?:providers?|vendors?|suppliers?|partners?|services?|dependency|dependencies|database|carriers?|isps?|gateways?|disruptions?|outages?)\b|(?i:\b(?:with|by|at|from)\s+the\s+(?:third|3rd)[- ]?party\b)".to_owned(),
        r"(?i:\b(?:our|the|their|one\s+of\s+our|\w+(?:'s|’s))\s+(?:[\w-]+\s+){0,3}?)(?:providers?|vendors?|suppliers?|partners?|carriers?|ISPs?)(?:'s|’s)?\b".to_owned(),
        format!(r"\b{CLOUDS}(?:'s|’s)?(?:\s+\(AWS\))?\s+(?i:(?:[\w-]+\s+){{0,3}}?(?:experienc\w+|suffer\w*|is\s+(?:having|seeing|experiencing|down)|performed|has\s+identified|identified|reported|stated|went\s+down|outage|incident|issue|disruption|failures?|problems?|maintenance|capacity\s+issue))\b"),
        format!(r"(?i:\b(?:due\s+to|caused\s+by|result\s+of|affecting|(?:errors?|failures?|issues?|problems?|outages?|disruptions?)\s+(?:from|at|in|with))\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){{0,2}}?){CLOUDS}\b"),
        // A person or a team named as the cause.
        r"(?i)\b(?:human|operator|manual)\s+error\b|\bengineer-driven\b|\bfat[- ]finger\w*|\ban\s+error\s+was\s+made\b|\bentered\s+incorrectly\b|\b(?:recogni[sz]es?|recogni[sz]ed|made)\s+(?:the|a)\s+mistake\b|\bteam\s+member\b[^.]{0,80}?\bexecuted\b|\b(?:an?|the)\s+(?:engineer|operator|administrator|employee)\s+(?:was\s+)?(?:performing|executed|ran|running|entered|typed|deleted|pushed)\b|\b[\w-]+\s+team\s+(?:upgraded|changed|executed|ran|made\s+a\s+change)\b".to_owned(),
    ]
    .iter()
    .map(|p| compile(p))
    .collect()
});

/// A time the fix is promised for ("within 2 hours", "by 16:00", "shortly").
static ETA_TIME: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:by|within|in|before|around|until|for\s+another|in\s+the\s+next|take|takes|taking|up\s+to)\s+(?:up\s+to\s+|about\s+|roughly\s+|approximately\s+|around\s+|less\s+than\s+|the\s+next\s+|another\s+)?(?:\d+|a\s+few|few|several|a\s+couple\s+of|couple\s+of|a|an|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty-?five|half\s+an?)\s*(?:-\s*\d+\s*)?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?)\b|~\s*\d+\s*(?:minutes?|mins?|hours?|hrs?|h)\b|\b(?:by|around|before|until|no\s+later\s+than)\s+\d{1,2}(?::\d{2})?\s*(?:am|pm|utc|gmt|[a-z]{2,4}t)?\b|\b(?:by|before|until|no\s+later\s+than)\s+\d{4}\s*(?:utc|gmt|hrs?)\b|\b\d{1,2}(?::\d{2})?\s*[–-]\s*\d{1,2}:\d{2}\s*(?:am|pm)?\s*(?:utc|gmt|[a-z]{2,4}t)\b|\b(?:shortly|soon|imminently|later\s+today|within\s+the\s+hour|(?:by|no\s+later\s+than)\s+(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week)|by\s+eod|by\s+(?:tonight|tomorrow|this\s+(?:afternoon|evening|morning)))\b",
    )
});

/// Words that look forward: an ETA is a time the text promises or expects,
/// not one it reports ("completed by 09:30" is history).
static LOOKS_AHEAD: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:will|shall|expect\w*|anticipat\w*|estimat\w*|should|hope|hoping|aim\w*|plan\w*|going\s+to|may|might|could|typically|usually|generally|likely\s+to|projected|target\w*|scheduled|remaining)\b|['’]ll\b",
    )
});

/// The word just before a time that makes it history ("was resolved by",
/// "detected within", "took").
static REPORTED: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:\w+ed|was|were|had|took|lasted|ran)\s+(?:\w+\s+)?$"));

/// What follows a duration that makes it the length of a symptom.
static SYMPTOM_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s+(?:to|before\s+they)\s+(?:start|load|appear|arrive|show|sync|open|send|process|go\s+through)\b",
    )
});

static PREVENTING: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)\b(?:avoid|prevent|reduce|minimi[sz]e|eliminate|without)\s+(?:[\w-]+\s+){0,2}$")
});

/// "There is no ETA" is the honest answer, not a promise.
static NO_ETA: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:no|not|n['’]t|without)\b[^.!?]{0,24}$"));

/// Words that make a time a promise about the fix rather than the next update.
static RESTORATION: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:fix(?:ed|es|ing)?|resolv(?:e|ed|ing)|resolution|restor(?:e|ed|ing|ation)|recover(?:ed|ing|y)?|back\s+(?:up|online|to\s+normal)|working\s+(?:again|normally)|fully\s+operational|available\s+again|up\s+and\s+running|mitigat(?:e|ed|ion)|normal\s+service|return\s+to\s+normal)\b",
    )
});

/// A time right after these is when the next message comes, not the fix.
static ABOUT_UPDATES: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:update|updates|updated|information|info|post|posted|published|provided|share|shared|check\s+in|report|rfo|postmortem|post-mortem|write-up|communicat\w*|details|news|back\s+to\s+you)\b[^.!?]{0,25}$",
    )
});

static EXPLICIT_ETA: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\bETA\b|(?i:\bestimated\s+time\s+(?:to|of)\s+(?:resolution|recovery|fix|restoration)\b|\bexpected\s+(?:resolution|recovery|fix)\s+(?:time|by|at|in|within)\b)",
    )
});

/// All-clear wording, hedged or not: "resolved", "back to normal", "should
/// be working normally", "we do not expect further disruption".
static RESOLVED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:resolved|fixed|solved|all[\s-]clear|back\s+to\s+normal|(?:returned|returns|came\s+back)\s+to\s+(?:normal|healthy|zero|baseline)|fully\s+(?:restored|recovered|operational|functional)|(?:operating|functioning|working|flowing|processing|operate|loading)\s+(?:normally|nominally|as\s+(?:normal|expected))|(?:normal|healthy)\s+(?:levels|capacity|state|status|latency)|(?:has|have|had|was|were|is|are)\s+(?:now\s+|since\s+|been\s+|fully\s+|completely\s+|successfully\s+)*(?:restored|recovered|mitigated|addressed|rectified|closed)|(?:has|have|had)\s+(?:now\s+)?cleared|(?:were|was)\s+able\s+to\s+(?:rectify|fix|resolve|restore|correct)|restoring\s+normal|resolving\s+the\s+(?:issue|problem)|backlog\s+(?:was|has\s+been)\s+(?:fully\s+)?(?:processed|cleared)|(?:ceased|re-?established)|(?:service|services|operations|systems|access|networking|connectivity|functionality|performance|capacity|levels)\s+(?:(?:has|have|had|was|were|is|are|now|gradually|fully|been|successfully)\s+){0,2}(?:restored|recovered|resumed)|(?:normal|full)\s+(?:service|operations?|performance|functionality)\s+(?:(?:has|have|had|was|were|is|are|now|been)\s+){0,2}(?:resumed|restored)|resumed\s+(?:normal|full)\s+(?:service|operations?|functionality)|(?:the\s+)?service\s+recovered|(?:back\s+)?up\s+and\s+running|back\s+(?:up|online)|(?:accessible|available|reachable|working|flowing|loading|online)\s+(?:again|once\s+(?:more|again))|(?:has|have)\s+(?:now\s+)?ended|(?:all\s+)?(?:services|systems)\s+(?:are|were)\s+(?:now\s+)?(?:available|operational|up|healthy)|operational\s+and\s+healthy|(?:is|are)\s+(?:now\s+)?over(?:\s*[.!,;]|\s+and\b|\s*$)|no\s+longer\s+(?:be\s+)?(?:affected|impacted|experiencing|seeing)|everything\s+(?:is|looks)\s+(?:to\s+be\s+)?(?:fine|ok|okay|good|back)|no\s+(?:further|additional|ongoing)\s+(?:disruption|degradation|impact|issues)|(?:do|does)\s+not\s+(?:expect|anticipate)\s+any\s+(?:further|additional)|known[\s-]good\s+state|caught\s+up|(?:work|maintenance)\s+(?:is|has\s+been)\s+(?:now\s+)?complete(?:d)?|stayed\s+stable|marking\s+(?:this\s+)?incident\s+as\s+resolved|confirmed\s+back\s+online|resolved\s+itself)\b",
    )
});

/// Words just before "resolved" that make it a hope, a condition or a denial.
static NOT_A_CLAIM: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)(?:\bnot|n't|\buntil|\bonce|\bwhen|\bafter|\bbefore|\bif|\byet|\bto\s+be|\bto\s+get|\bto\s+have|\bget|\bgets|\bgetting|\bbeing|\bwill\s+be|\bwill|\bshould|\bbe|\bwhether|\bconfirm(?:ing)?(?:\s+that)?|\bverify(?:ing)?(?:\s+that)?|\bsay|\bcall|\bhope|\bhoping|\bexpect\w*|\btrending|\bheading|\bstart\w*|\bbegin\w*|\bcome|\bcoming|\bbringing|\bensure|\bprogress\w*)\s+(?:[\w'’]+\s+){0,4}$",
    )
});

/// A hedged all-clear is still an all-clear: "should be working normally",
/// "appears to be resolved".
static HEDGED_CLEAR: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:should|appears?\s+to|seems?\s+to)\s+(?:now\s+|all\s+)?(?:be\s+)?(?:[\w'’]+\s+){0,2}$",
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

/// The word list in `jargon_terms.txt`, as one whole-word pattern.
fn jargon_terms() -> String {
    let terms: Vec<&str> = include_str!("jargon_terms.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    format!(r"(?i)\b(?:{})\b", terms.join("|"))
}

fn jargon_patterns() -> Vec<String> {
    let mut patterns: Vec<String> = [
        // Error strings quoted as the system printed them ("SENT PENDING").
        r#""[A-Z][A-Z _]{3,}""#,
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
    .into_iter()
    .map(str::to_owned)
    .collect();
    patterns.push(jargon_terms());
    patterns
}

static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    let names: Vec<&str> = include_str!("first_names.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect();
    compile(&format!(
        r"\b(?:{})\b(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b)?|(?:^|[\s(])@[A-Za-z][\w.-]{{1,30}}|\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+[A-Z][a-z]+|\b(?i:contact|ask|ping|call|email|reach\s+out\s+to|escalate\s+to)\s+[A-Z][a-z]+\s+[A-Z][a-z]+\b",
        names.join("|")
    ))
});

/// Compiles every pattern now, so the lead's first keystroke does not wait for it.
pub(super) fn compile_all() {
    LazyLock::force(&SPECULATION);
    LazyLock::force(&BLAME);
    LazyLock::force(&ETA_TIME);
    LazyLock::force(&LOOKS_AHEAD);
    LazyLock::force(&REPORTED);
    LazyLock::force(&NO_ETA);
    LazyLock::force(&PREVENTING);
    LazyLock::force(&SYMPTOM_AFTER);
    LazyLock::force(&RESTORATION);
    LazyLock::force(&ABOUT_UPDATES);
    LazyLock::force(&EXPLICIT_ETA);
    LazyLock::force(&RESOLVED);
    LazyLock::force(&NOT_A_CLAIM);
    LazyLock::force(&HEDGED_CLEAR);
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
            // "To avoid human error" names a risk, not a culprit.
            if !PREVENTING.is_match(sentence_before(text, m.start())) {
                push(Rule::Blame, m.start(), m.end());
            }
        }
    }
    if !context.eta_confirmed {
        for (start, end) in etas(text) {
            push(Rule::UnconfirmedEta, start, end);
        }
    }
    if !context.resolution_allowed {
        for m in RESOLVED.find_iter(text) {
            let before = sentence_before(text, m.start());
            let (_, end) = sentence_around(text, m.start());
            // "Should be fixed by 16:00" promises a time: that is the ETA rule's.
            let hedged = HEDGED_CLEAR.is_match(before)
                && !ETA_TIME.is_match(&text[m.end()..end.max(m.end())]);
            if !NOT_A_CLAIM.is_match(before) || hedged {
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
    for (start, end) in named_people(text, context.names) {
        push(Rule::PersonName, start, end);
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
        .filter(|m| !NO_ETA.is_match(sentence_before(text, m.start())))
        .map(|m| (m.start(), m.end()))
        .collect();
    for time in ETA_TIME.find_iter(text) {
        let before = sentence_before(text, time.start());
        let lower = before.to_ascii_lowercase();
        let history = REPORTED.is_match(before) && !LOOKS_AHEAD.is_match(before);
        // "As soon as", "for up to an hour" and "several minutes to load"
        // describe the wait or the symptom, not when it ends.
        let symptom = lower.ends_with("as ")
            || lower.ends_with("for ")
            || SYMPTOM_AFTER.is_match(&text[time.end()..]);
        if ABOUT_UPDATES.is_match(before) || history || symptom {
            continue;
        }
        let (start, end) = sentence_around(text, time.start());
        let sentence = &text[start..end.max(time.end())];
        // The fix word nearest the time is the one the promise is about; a
        // sentence that looks ahead with a time in it promises one too.
        let nearest = RESTORATION
            .find_iter(sentence)
            .map(|m| (start + m.start(), start + m.end()))
            .min_by_key(|(s, e)| s.abs_diff(time.end()).min(e.abs_diff(time.start())));
        if !LOOKS_AHEAD.is_match(sentence) {
            continue;
        }
        match nearest {
            Some((fix_start, fix_end)) => {
                found.push((fix_start.min(time.start()), fix_end.max(time.end())));
            }
            None => found.push((time.start(), time.end())),
        }
    }
    found
}

/// Every mention of a known person: the whole name in any case, and the
/// given name alone when it is written as a name (capitalised), since "Bo"
/// or "Ana" in an update is the person, while "bo" is not.
fn named_people(text: &str, names: &[String]) -> Vec<(usize, usize)> {
    let mut found = codenames(text, names);
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    for name in names {
        let Some(given) = name.split_whitespace().next() else {
            continue;
        };
        if given.chars().count() < 2 || !given.starts_with(char::is_uppercase) {
            continue;
        }
        for (start, _) in text.match_indices(given) {
            let end = start + given.len();
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            if !before.is_some_and(is_word) && !after.is_some_and(is_word) {
                found.push((start, end));
            }
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

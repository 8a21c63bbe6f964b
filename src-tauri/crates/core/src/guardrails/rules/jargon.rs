//! Jargon: hostnames, addresses, error codes, stack traces, infrastructure
//! words (the list in `jargon_terms.txt`), acronyms nobody spelled out, and
//! the team's own codenames.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::collections::HashSet;
use std::sync::LazyLock;

use regex::{Regex, RegexSet, RegexSetBuilder};

use super::markup::INTERNAL_URL;
use super::{
    DFA_CACHE_BYTES, SITE_WORK, TOP_POST, ascii_word_edges, compile, ends_with_ignore_case,
    sentence_around, starts_with_ignore_case,
};

static JARGON: LazyLock<RegexSet> = LazyLock::new(|| {
    let patterns: Vec<String> = jargon_patterns()
        .iter()
        .map(|p| ascii_word_edges(p))
        .collect();
    match RegexSetBuilder::new(&patterns)
        .dfa_size_limit(DFA_CACHE_BYTES)
        .build()
    {
        Ok(set) => set,
        Err(e) => panic!("guardrail pattern does not compile: {e}"),
    }
});

static JARGON_EACH: LazyLock<Vec<Regex>> =
    LazyLock::new(|| jargon_patterns().iter().map(|p| compile(p)).collect());

/// Whether `name` as a whole is a word the lexicon knows ("Cron",
/// "Kafka"): a thing of ours that went down, not a company to blame.
pub(super) fn is_term(name: &str) -> bool {
    JARGON.is_match(name)
        && JARGON_EACH
            .iter()
            .any(|p| p.find(name).is_some_and(|m| m.range() == (0..name.len())))
}

/// The word list in `jargon_terms.txt`, as one whole-word pattern.
fn jargon_terms() -> String {
    let terms: Vec<&str> = include_str!("../jargon_terms.txt")
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
        // Any error or message quoted as the reader would see it on screen:
        // the words a system printed are not words a customer should decode.
        r#"(?i)\b(?:errors?|messages?|see|seeing|saw|receiv\w*|return\w*|display\w*|show\w*|encounter\w*|get|getting|got)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:error\s+)?(?:message\s+)?(?:of\s+|saying\s+|stating\s+|reading\s+|like\s+)?["“][^"”\s]+[\s\d][^"”]{1,80}["”]"#,
        // Words quoted in a sentence about an error, or just before
        // "errors": what the screen said.
        // A request "failing with" quoted words says what the system printed.
        r#"(?i)\berror\w*\b[^.!?]{0,120}["“][^"”]{3,80}["”]|\berror\s+messages?\s+(?:like|such\s+as|saying|reading)\s+‘[^’']{3,80}[’']|["“][^"”]{3,80}["”]\s*(?:\((?:status\s+)?\d{3}\)\s*)?errors?\b|\b(?:fail\w*|respond\w*|return\w*|reject\w*|abort\w*|crash\w*|tim(?:ed|es|ing)?\s+out)\s+with\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?["“][^"”]{3,80}["”]"#,
        // An HTTP error quoted as the browser shows it: '400 Bad Request',
        // "500 Internal Server Error", or the bare "500". (Quotes are not
        // word characters, so this cannot sit in the whole-word list.)
        r#"(?:^|[\s(])["“‘']\d{3}(?:\s+[A-Z][\w ]+)?["”’']"#,
        // Numbered vendor error codes ("Error 1020", "error 50003").
        r"(?i)\berror\s+(?:code\s+)?#?\d{3,6}\b",
        // IPv4 addresses, with an optional port.
        r"\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b",
        // IPv6 addresses written with "::" or in full.
        r"(?i)\b(?:[0-9a-f]{1,4}:){1,7}:(?:[0-9a-f]{1,4})?|\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b",
        // Internal URLs: private hosts, internal tools, ports.
        INTERNAL_URL,
        // Hostnames: numbered machines and internal domains.
        r"\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:-\d+|[a-z]\d{2,})(?:\.[a-z0-9-]+)*\b",
        r"(?i)\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:internal|local|lan|corp|intra|svc|consul|cluster\.local)\b",
        // Stack traces and crash vocabulary.
        r"(?m)^\s*at\s+[\w$.<>]+\(.*?:\d+\)|\bTraceback \(most recent call last\)|\bFile\s+\x22[^\x22]+\x22,\s+line\s+\d+|\b[A-Z]\w*(?:Exception|Error)\b|\bpanicked\s+at\b|\b(?:SIGSEGV|SIGKILL|SIGTERM|segfault|OOMKilled|CrashLoopBackOff|ImagePullBackOff)\b|(?i:\bsegmentation\s+fault\b|\bcore\s+dumped\b|\bstack\s*trace\b|\bnull\s+pointer\b)",
        // Unix file system paths: "/var", "/etc/hosts".
        r"(?:^|[\s(])/(?:var|etc|usr|tmp|opt|srv|dev|mnt|proc|home|root|bin|boot)(?:/[\w.-]+)*\b",
        // A style rule pasted from a stylesheet ("{ display: none; }"): code
        // for the reader to copy, not words. (Braces are not word characters,
        // so this cannot sit in the whole-word list.)
        r"\{\s*[a-z-]+\s*:\s*[^{};]+;\s*\}",
        // Error codes.
        r"(?i)\b(?:HTTP\s*)?[45][\dx*]{2}\s+(?:(?:page|gateway|server)\s+)?(?:errors?|responses?|status(?:es)?|codes?)\b|\b(?:returned|returning|returns)\s+(?:an?\s+|HTTP\s+)?[2-5]\d\d(?:\s+(?:OK|errors?|responses?|codes?)\b|[,.;)]|\s*$|\s+(?:but|and|instead|without|for|when|while|after|before|to|on|in)\b)|\bHTTP\s+[45]\d\d\b|\b[45]xx\b|\b(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|ENOSPC|EPIPE|EACCES|ENOMEM)\b|\bERR_[A-Z_]+\b|\b0x[0-9a-f]{4,}\b|\berror\s+code\s+[\w-]+|\berrno\b|\bexit\s+code\s+\d+",
        // A vendor's error code, letters run into digits ("AADSTS50058",
        // "ORA-00942"): every tune sentence with one is labelled jargon. Two
        // letters need five digits, so a flight ("BA2490") is not one.
        r"\b(?:[A-Z]{3,10}-?\d{3,}|[A-Z]{2}-?\d{5,})\b",
        // Raw technical state.
        r"(?i)\b(?:k8s|kubernetes|kubectl|pods?|OOM|deadlocks?|shards?|replicas?|replication\s+lag|p50|p9[059]|p999|heap|GC\s+pauses?|garbage\s+collection|connection\s+pool|thread\s+pool|etcd|redis|kafka|postgres(?:ql)?|consul|boltdb|zookeeper|mysql|elasticsearch|nginx|haproxy|envoy|istio|terraform|cron\s*jobs?|IOPS|CPU|memory\s+leak|load\s+balancers?|read\s+replicas?|failover|VPC|subnets?|S3\s+buckets?|EC2|RDS|queue\s+depth|consumer\s+lag|TLS\s+handshake|BGP)\b",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    patterns.push(jargon_terms());
    patterns
}

/// A run of 2 to 6 capitals or digits starting with a capital, with an
/// optional plural ("PDUs") or possessive ("TENET's").
static ACRONYM: LazyLock<Regex> = LazyLock::new(|| compile(r"\b[A-Z][A-Z0-9&]{1,5}(?:'s|s)?\b"));

/// Workers who are people: named by their trade or workplace ("road
/// workers", "state ferry workers", "election workers", "customer service
/// workers") or caught at a task ("workers installing a light pole").
static WORKERS_BY_TRADE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:road|construction|utility|building|council|city|rail|site|field|postal|care|health|emergency|farm|factory|power|remote|office|home|key|frontline|line|ferry|transit|bus|airport|airline|port|dock|terminal|warehouse|store|shop|retail|hospital|hotel|pharmacy|state|county|government|sanitation|election|poll|polling|precinct|customer\s+service|call\s+cent(?:er|re)|support)\s+workers?$",
    )
});

/// An acronym led in by someone's post in it, or by the people it serves,
/// names an organisation: "Willie Walsh, CEO of IAG", "a spokesperson for
/// TfL", "customers of EE", or by who was told or asked: "he told CP24",
/// "the students have asked ESL for compensation".
static ORGANISATION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)\b(?:{TOP_POST}|head|owner|(?:managing\s+)?director|spokes(?:person|man|woman))\s+(?:of|at|for)\s+(?:the\s+)?$|\b(?:customers|users|subscribers|clients|members|staff|employees)\s+(?:of|at)\s+(?:the\s+)?$|\b(?:told|according\s+to|speaking\s+to|(?:an\s+)?interview\s+with|asked|contacted|emailed|petitioned)\s+(?:the\s+)?$",
    ))
});

/// A cache a customer is told to clear: their browser's or their app's.
static YOUR_CACHE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:clear|clearing|empty|emptying|delete|deleting|flush|flushing)\s+(?:your\s+|the\s+)?(?:(?:browser|app|phone)(?:['’]s)?\s+)?$",
    )
});

/// What a cluster of people or events is made of.
static A_CLUSTER_OF: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s+of\s+(?:[\w-]+\s+)?(?:reports|complaints|calls|incidents|cases|tickets|customers|users|people|homes|outages|errors|failures|software)\b",
    )
});

/// Trades whose brokers are people: "insurance brokers", "mortgage brokers".
static TRADE_BROKERS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:insurance|mortgage|stock|real\s+estate|energy|customs|travel|freight|ticket|business|independent|commodity|yacht|ship)\s+$",
    )
});

/// Racks that hold bikes, bags or coats, not servers.
static RACKS_FOR_THINGS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:bike|bicycle|cycle|luggage|roof|coat|shoe|ski|wine|drying|spice|magazine)\s+$",
    )
});

/// "The switch to the new provider", "a switch back", "a switch we had
/// done many times": a change, not a box.
static A_CHANGE_OVER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s*(?:-?\s*(?:over|to|from|back|between|away|on|off)\b|-|(?:that\s+)?(?:we|I|they)\s+(?:had\s+|have\s+)?(?:done|made|performed|tried|did)\b)",
    )
});

/// "During this switch, our billing system reassigned invoices": a period
/// of change, unless a part of the box follows ("during the switch
/// firmware upgrade").
static DURING_OR_SINCE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:during|following|since)\s+$"));
/// What follows "the switch" when it is the box after all.
static SWITCH_PART: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s*(?:'s|’s|firmware|ports?|stacks?|reboots?|restarts?|upgrades?|hardware|configs?|configuration|software|fail\w*|crash\w*|outages?)\b",
    )
});

/// "Flipping a switch", "at the flick of a switch": the one on the wall.
static A_LIGHT_SWITCH: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:flip\w*|flick\w*|throw\w*|press\w*|push\w*|hit\w*|turn\w*|toggl\w*|light|power|wall|kill|on/off)\s+(?:of\s+)?$",
    )
});

/// A partition that divides rooms, not disks.
static A_WALL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^\s+(?:between|wall|walls|door|screen)\b"));

/// Words of a railway, where switches are points on the track.
static RAILWAY: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:trains?|rail\w*|tracks?|metro|subway|dispatch\w*)\b"));

/// Words of emergency calls, where dispatchers are the people who answer
/// them ("Rock Island County dispatchers", "dispatchers could still reach
/// first responders"), not processes handing out work.
static EMERGENCY_CALLS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:911|9-1-1|999|112|emergency|police|sheriff\w*|fire\s+departments?|(?:first\s+)?responders?|ambulances?|county|radios?|callers?)\b",
    )
});

/// Queues people stand in: "lengthy queues at check-in", and a queue
/// something waits in ("visitors waited in online queues", "calls may wait
/// in the queue"), which needs no glossary.
static PEOPLE_QUEUING: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:long|lengthy|huge|big|massive|enormous|short|snaking)\s+$|\bwait(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,3}?in\s+(?:an?\s+|the\s+)?(?:online\s+|virtual\s+|digital\s+)?$",
    )
});

/// People queuing somewhere they stand: "hours queuing at airports",
/// "queueing outside the branch".
static QUEUING_AT_A_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^\s+(?:at|outside|in\s+front\s+of)\s+(?:the\s+|our\s+|their\s+)?(?:[\w-]+\s+)?(?:airports?|counters?|desks?|gates?|terminals?|stations?|branch(?:es)?|stores?|shops?|tills?|doors?|check-in|kiosks?|booths?)\b",
    )
});

/// Workers at a task, or named beside the customers they serve ("frustrating
/// workers and customers alike").
static WORKERS_AT_A_TASK: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^\s+(?:{SITE_WORK}|repairing|cutting|working\s+on|on\s+site|and\s+(?:their\s+)?(?:customers|clients|passengers|residents|families|students|drivers)\b)\b"
    ))
});

/// What follows an acronym that names an organisation, not a term: its people,
/// its posts or its premises ("ECUA crews", "HSHS officials", "SSA General
/// Manager Robert B. Davis", "the UIS website", "our CLS supplier", "MHUSD
/// communications coordinator", "ITA Airways", "CDK Global", "the BATS
/// exchange", "FORUM Credit Union", "STAR Financial", "ACI Worldwide", a
/// company word after one more name: "IRIS Software Group"), or a verb only
/// people and
/// organisations do ("IAG said", "BT apologised", "BA cancels", "VSHN is
/// currently evaluating measures", "the CPA is still looking into it", "WSF
/// found a workaround", "FHH experienced a ransomware attack"). A reader needs
/// no glossary to follow who did what.
static ORGANISATION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"^,\s+(?:the|a|an|our)\s+(?:[\w-]+\s+){{0,2}}?(?:company|firm|provider|host|vendor|supplier|operator|carrier)\b|^\s+(?:[a-z]+\s+)?(?:crews?|staff|teams?|engineers|technicians|employees|workers|officials|website|web\s+site|exchange|offices?|spokes(?:person|man|woman)|coordinator|supplier|provider|partners?|members|students|residents|campus|headquarters|cent(?:er|re)s?)\b|^\s+[A-Z][a-z]+\s+(?:Group|Ltd|Inc|plc|Limited|Corporation)\b|^\s+(?:Airways|Airlines|Bank|Credit\s+Unions?|Financial|Group|Global|Worldwide|University|College|Council|Ltd|Inc|plc|Hosting|Telecom|Networks?|Communications|Energy|Water|Rail|Railways?|Police|Hospital)\b|^\s+(?:has\s+|have\s+|had\s+)?(?:said|says|announced|apologi[sz]ed|apologi[sz]es|confirmed|stated|told|explained|tweeted|posted|wrote|declined\s+to\s+comment|released\s+a\s+statement|cancel(?:s|led|ed)|reached\s+out|decided|warned|advised|urged|admitted|promised|insisted|refused|relied|relies)\b|^\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:currently\s+|now\s+|still\s+|also\s+)?(?:evaluating|prioriti[sz]ing|planning|considering|asking|urging|advising|recommending|offering|refunding|compensating|apologi[sz]ing|continuing\s+to|investigating|looking\s+into|reviewing)\b|^\s+(?:accepts?|accepted|takes?|took)\s+(?:full\s+)?responsibility\b|^\s+found\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:workaround|fix|solution|way)\b|^\s+experienced\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:issue|problem|outage|failure|disruption|glitch|attack|incident|breach)\b|^\s+(?:{TOP_POST}|(?i:general\s+manager|managing\s+director))\b",
    ))
});

/// A dateline: two to four words in capitals opening a sentence, then a
/// dash or the agency's name in brackets.
static DATELINE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^\s*(?:[A-Z]{2,}\s+){1,3}[A-Z]{2,}\s*(?:—|–|--|\()"));

/// What follows a site's code: "our US1 data center", "the LHR datacentre".
static SITE_CODE: LazyLock<Regex> = LazyLock::new(|| compile(r"^\s+data\s*cent(?:er|re)s?\b"));

/// What names a reference the reader quotes back, before a code: "ticket
/// INC-4821", "case #SR-20931", "order ABC12345".
static REFERENCE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b(?:ticket|case|incident|issue|ref(?:erence)?|order|request|change|invoice|booking|confirmation|account)\s*(?:number|no\.?|id)?\s*[#:]?\s*$",
    )
});

/// Acronyms that name a technical function, not an organisation, even
/// before "team" or "partner": "the NOC staff", "our PSTN partner".
const FUNCTIONS: [&str; 18] = [
    "NOC", "SOC", "SRE", "DBA", "PSTN", "CDN", "SSO", "VPN", "DNS", "SMTP", "API", "SDK", "QA",
    "IAM", "SAML", "LDAP", "SIP", "VOIP",
];

/// Two-letter initials that are infrastructure terms, from general practice
/// (databases, load balancers, high availability, disaster recovery,
/// directories, severities), not names. (An availability zone's "AZ" is
/// also Arizona, which `plain_acronyms.txt` lets go.)
const TWO_LETTER_TERMS: [&str; 11] = [
    "DB", "LB", "HA", "DR", "AD", "P0", "P1", "P2", "P3", "P4", "K8",
];

/// The acronyms in `plain_acronyms.txt`, which customers know.
static PLAIN_ACRONYMS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../plain_acronyms.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
});

pub(super) fn warm() {
    LazyLock::force(&JARGON);
    LazyLock::force(&JARGON_EACH);
    LazyLock::force(&ACRONYM);
    LazyLock::force(&PLAIN_ACRONYMS);
    LazyLock::force(&WORKERS_BY_TRADE);
    LazyLock::force(&WORKERS_AT_A_TASK);
    LazyLock::force(&ORGANISATION_BEFORE);
    LazyLock::force(&PEOPLE_QUEUING);
    LazyLock::force(&QUEUING_AT_A_PLACE);
    LazyLock::force(&YOUR_CACHE);
    LazyLock::force(&A_CLUSTER_OF);
    LazyLock::force(&TRADE_BROKERS);
    LazyLock::force(&A_WALL);
    LazyLock::force(&A_CHANGE_OVER);
    LazyLock::force(&A_LIGHT_SWITCH);
    LazyLock::force(&DURING_OR_SINCE);
    LazyLock::force(&SWITCH_PART);
    LazyLock::force(&RACKS_FOR_THINGS);
    LazyLock::force(&RAILWAY);
    LazyLock::force(&EMERGENCY_CALLS);
    LazyLock::force(&ERROR_WORDING);
    LazyLock::force(&REFERENCE_BEFORE);
    LazyLock::force(&SITE_CODE);
    LazyLock::force(&DATELINE);
}

/// Acronyms a customer would have to look up: not on the plain list, not
/// spelled out anywhere in the draft, not a Roman numeral, not a name in the
/// possessive, and not in a sentence written in capitals (where every word
/// looks like one). `words` is the draft split into words, shared with
/// [`find`] so the draft is split at most once, and only if needed.
fn unexplained_acronyms<'t>(text: &'t str, words: &DraftWords<'t>) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for m in ACRONYM.find_iter(text) {
        // "SAN DIEGO —" and "NEW YORK (CNNMoney)" open a news report with
        // the place it was filed from. Only capitals followed by more
        // capitals, a dash or a bracket can be one, so the sentence is
        // looked up for those alone.
        let next = text[m.end()..].trim_start();
        let may_be_dateline = next.starts_with(['—', '–', '(', '-'])
            || next.chars().take(2).all(|c| c.is_ascii_uppercase());
        if may_be_dateline {
            let (sentence_start, _) = sentence_around(text, m.start());
            if DATELINE
                .find(&text[sentence_start..])
                .is_some_and(|line| sentence_start + line.end() >= m.end())
            {
                continue;
            }
        }
        // "TENET's service desk": an organisation's name, not a term; and
        // "INC-4821" is a reference a reader can quote, not a word to decode.
        let after = &text[m.end()..];
        let reference =
            after.starts_with('-') && after[1..].starts_with(|c: char| c.is_ascii_digit());
        // "LWN.net" is a site's address, which a reader types, not a term.
        let domain =
            after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_lowercase());
        if m.as_str().ends_with("'s") || after.starts_with("\u{2019}s") || reference || domain {
            continue;
        }
        // "TSYS' data centre" is the possessive of a name ending in S, and
        // names joined with "&" or "+" ("AT&T", "HUBER+SUHNER") are
        // companies, not terms. An acronym between quotes ("our 'ILS'") is
        // the term quoted, not a possessive.
        let before = &text[..m.start()];
        let quoted = before.ends_with('\'') || before.ends_with('\u{2018}');
        let plural_possessive = m.as_str().ends_with('S')
            && !quoted
            && (after.starts_with("' ") || after.starts_with("\u{2019} "));
        let joined_name = m.as_str().contains('&')
            || (after.starts_with('+') && after[1..].starts_with(|c: char| c.is_ascii_uppercase()))
            || (before.ends_with('+')
                && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_uppercase()));
        // "Our US1 data center" is a code for a site, not a named centre
        // (the TTC data center is still a company's).
        let site_code =
            m.as_str().contains(|c: char| c.is_ascii_digit()) && SITE_CODE.is_match(after);
        let organisation = (ORGANISATION_AFTER.is_match(after)
            || ORGANISATION_BEFORE.is_match(before))
            && !FUNCTIONS.contains(&m.as_str())
            && !site_code;
        // "Flight BA177" is the flight's number, which a traveller reads on
        // the ticket.
        let flight_number = ends_with_ignore_case(before, "flight ")
            && m.as_str().chars().any(|c| c.is_ascii_digit());
        if plural_possessive || joined_name || organisation || flight_number {
            continue;
        }
        let word = m.as_str();
        let word = match word.strip_suffix('s') {
            Some(singular) if singular.len() >= 2 => singular,
            _ => word,
        };
        // Two letters are a name as often as a term ("GO", "E2", "KV",
        // "XT" on the real pages): only the technical ones count.
        let two_letter_name = word.len() == 2 && !TWO_LETTER_TERMS.contains(&word);
        if two_letter_name
            || PLAIN_ACRONYMS.contains(word)
            || word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
            || words.spelled_out(word)
        {
            continue;
        }
        let (start, end) = sentence_around(text, m.start());
        if !written_in_capitals(&text[start..end]) {
            found.push((m.start(), m.end()));
        }
    }
    found
}

/// The draft's words, split once and only if an acronym needs them, and
/// what is known of each acronym it holds. Each question reads the whole
/// draft, so each is asked once per acronym: a paste of thousands of
/// acronyms asked them thousands of times, and a 100,000-character one
/// took 18 seconds.
struct DraftWords<'t> {
    text: &'t str,
    words: OnceCell<Vec<&'t str>>,
    spelled_out: RefCell<HashMap<&'t str, bool>>,
    named_in_full: RefCell<HashMap<&'t str, bool>>,
}

impl<'t> DraftWords<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            words: OnceCell::new(),
            spelled_out: RefCell::default(),
            named_in_full: RefCell::default(),
        }
    }

    /// "load transfer module (LTM)" or "LTM (load transfer module)", or the
    /// name the initials stand for written anywhere in the draft ("the
    /// Federal Communications Commission ... the FCC").
    fn spelled_out(&self, acronym: &'t str) -> bool {
        if let Some(&known) = self.spelled_out.borrow().get(acronym) {
            return known;
        }
        let text = self.text;
        let spelled = text.contains(&format!("({acronym})"))
            || text.contains(&format!("{acronym} ("))
            || self.named_in_full(acronym);
        self.spelled_out.borrow_mut().insert(acronym, spelled);
        spelled
    }

    fn named_in_full(&self, acronym: &'t str) -> bool {
        if let Some(&known) = self.named_in_full.borrow().get(acronym) {
            return known;
        }
        let named = named_in_full(self.words.get_or_init(|| words_of(self.text)), acronym);
        self.named_in_full.borrow_mut().insert(acronym, named);
        named
    }
}

/// The words of `text`, apostrophes kept ("Children's").
fn words_of(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether capitalised words among `words` start with the acronym's letters, in
/// order, with only "of", "and", "for" or "the" between them or standing for
/// a letter ("National Emergency Number Association" for NENA, "Reason for
/// Outage" for RFO).
fn named_in_full(words: &[&str], acronym: &str) -> bool {
    let letters: Vec<char> = acronym.chars().filter(char::is_ascii_uppercase).collect();
    if letters.len() < 2 || letters.len() != acronym.chars().count() {
        return false;
    }
    let small = |w: &str| ["of", "and", "for", "the", "&"].contains(&w);
    (0..words.len()).any(|first| {
        let mut matched = 0;
        for word in &words[first..] {
            if matched == letters.len() {
                break;
            }
            // "Reason for Outage" is RFO, "Bank of England" BE or BOE.
            let capital = word.chars().next().map(|c| c.to_ascii_uppercase());
            let fits = word.starts_with(letters[matched])
                || (small(word) && matched > 0 && capital == Some(letters[matched]));
            if word.len() > 1 && fits {
                matched += 1;
            } else if matched == 0 || !small(word) {
                return false;
            }
        }
        matched == letters.len()
    })
}

/// What a quoted message says, if the span quotes one.
fn quoted_words(span: &str) -> Option<&str> {
    let (start, open) = span.char_indices().find(|&(_, c)| c == '"' || c == '“')?;
    let rest = &span[start + open.len_utf8()..];
    let end = rest.find(['"', '”']).unwrap_or(rest.len());
    Some(&rest[..end])
}

/// How an error string reads: a word of failure (an HTTP reason such as
/// "Request Entity Too Large" among them, or a busy site's "Over
/// Capacity"), a number or code, a word in capitals, or a name joined with
/// underscores or dots.
static ERROR_WORDING: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i:\b(?:errors?|wrong|unable|fail\w*|cannot|can['’]?t|could\s+not|couldn['’]t|denied|invalid|expired|time[sd]?\s*-?out|refused|exceeded|not\s+found|unavailable|pending|reset|disconnect\w*|exception|forbidden|unauthori[sz]ed|rejected|problem|oops|sorry|too\s+(?:large|many|long)|over\s*capacity|overloaded|entity|payload|gateway|unprocessable|not\s+(?:allowed|acceptable))\b)|\d|\b[A-Z]{2,}\b|\w[_.:]\w",
    )
});

/// More than 60 % of the letters are capitals: a headline or a shout.
fn written_in_capitals(sentence: &str) -> bool {
    let letters = sentence.chars().filter(|c| c.is_alphabetic());
    let (capitals, all) = letters.fold((0, 0), |(capitals, all), c| {
        (capitals + usize::from(c.is_uppercase()), all + 1)
    });
    all > 0 && capitals * 10 > all * 6
}

/// Infrastructure words in their everyday sense: "a cluster of reports",
/// "insurance brokers", "buckets of water", "the partition between the
/// offices", "bike racks"; "clear your browser cache" is advice every web
/// user has had, and a call or a job waiting "in the queue" a plain wait.
fn plain_sense(term: &str, before: &str, after: &str) -> bool {
    (term.starts_with("cach") && YOUR_CACHE.is_match(before))
        || ((term.starts_with("the queue") || term.starts_with("a queue"))
            && ends_with_ignore_case(before, " in "))
        || (term.starts_with("cluster") && A_CLUSTER_OF.is_match(after))
        || (term.starts_with("broker") && TRADE_BROKERS.is_match(before))
        || (term.contains("bucket") && starts_with_ignore_case(after, " of "))
        || (term.starts_with("partition") && A_WALL.is_match(after))
        || (term.starts_with("rack") && RACKS_FOR_THINGS.is_match(before))
        || (term.ends_with(" switch")
            && (A_CHANGE_OVER.is_match(after)
                || A_LIGHT_SWITCH.is_match(before)
                || (DURING_OR_SINCE.is_match(before) && !SWITCH_PART.is_match(after))))
}

/// The team's codenames are found apart from this ([`super::codenames`]):
/// a codename leaks even inside a link.
pub(super) fn find(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let words = DraftWords::new(text);
    for index in JARGON.matches(text).iter() {
        for m in JARGON_EACH[index].find_iter(text) {
            // "Text-to-911" ends like a numbered host ("to-911"), but it is
            // a phrase: a host name is lower case from its first letter (a
            // tail after a hyphen is part of a chain the pattern did not
            // take whole), and has no "to" or "and" among its parts.
            let numbered = m.as_str().ends_with(|c: char| c.is_ascii_digit());
            let tail = text[..m.start()].ends_with('-');
            // "Triple-0" is the emergency number said aloud, not a host.
            let phrase = m.as_str().split('-').any(|part| {
                ["to", "and", "or", "of", "for", "the", "triple", "double"]
                    .contains(&part.to_ascii_lowercase().as_str())
            });
            if numbered && (tail || phrase) {
                continue;
            }
            // "Ticket INC-4821" is a reference for the reader to quote back,
            // not a code a system printed.
            if numbered && REFERENCE_BEFORE.is_match(&text[..m.start()]) {
                continue;
            }
            // "Calling Line Identification (CLI)": a term whose words the
            // draft spells out is explained, whichever list it is on. (A
            // bare "(TTD)" after "1.7 days" explains nothing.)
            let acronym =
                m.as_str().len() >= 2 && m.as_str().chars().all(|c| c.is_ascii_uppercase());
            if acronym && words.named_in_full(m.as_str()) {
                continue;
            }
            // "Road workers digging" are people, not background processes.
            if m.as_str().starts_with("worker")
                && (WORKERS_BY_TRADE.is_match(&text[..m.end()])
                    || WORKERS_AT_A_TASK.is_match(&text[m.end()..]))
            {
                continue;
            }
            if m.as_str().starts_with("queue") && PEOPLE_QUEUING.is_match(&text[..m.start()]) {
                continue;
            }
            if m.as_str().starts_with("queu") && QUEUING_AT_A_PLACE.is_match(&text[m.end()..]) {
                continue;
            }
            let lower = m.as_str().to_ascii_lowercase();
            if plain_sense(&lower, &text[..m.start()], &text[m.end()..]) {
                continue;
            }
            // A railway's switches move trains, not packets.
            if m.as_str().contains("switch") {
                let (start, end) = sentence_around(text, m.start());
                if RAILWAY.is_match(&text[start..end.max(m.end())]) {
                    continue;
                }
            }
            // A county's dispatchers take emergency calls.
            if lower.starts_with("dispatcher") {
                let (start, end) = sentence_around(text, m.start());
                if EMERGENCY_CALLS.is_match(&text[start..end.max(m.end())]) {
                    continue;
                }
            }
            // "Delivery is delayed" or "bounce back" quoted from a notice is
            // what the reader saw in plain words; an error string says what
            // failed, with a code, capitals or a word of failure.
            if let Some(quoted) = quoted_words(m.as_str())
                && !ERROR_WORDING.is_match(quoted)
                && !lower.starts_with("error")
            {
                continue;
            }
            // A leading space belongs to the "at" of a stack frame, not the span.
            let start = m.start() + (m.as_str().len() - m.as_str().trim_start().len());
            found.push((start, m.end()));
        }
    }
    found.extend(unexplained_acronyms(text, &words));
    found
}

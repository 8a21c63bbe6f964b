//! A company named as the subject of its own trouble ("Dropbox suffered an
//! outage"): blame when it is another company, no blame when it is the
//! writer's own. Which it is depends on the names our organisation goes by.

use std::sync::LazyLock;

use regex::Regex;

use super::super::jargon::is_term;
use super::super::{compile, names_us, sentence_around, sentence_before};
use super::parties::{NOT_A_NAME, OUR_SIDE, VENDORS};

/// A company as the subject of what it went through: "DigitalOcean
/// experienced", "Cloudflare suffered".
static SELF_REPORT: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+(?:experienced|suffered)\b"));

/// A company named as the one that had the trouble: "Dropbox recently
/// suffered an embarrassing service outage", "Royal Bank of Scotland has
/// suffered another IT failure", "Zoom went down", "CircleCI's
/// ongoing security incident". Only read
/// when our own names are known: without them it is as likely a company's
/// own postmortem speaking of itself ([`SELF_REPORT`]).
static OTHERS_TROUBLE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b([A-Z][\w.&-]*(?:\s+(?:of\s+)?[A-Z][\w.&-]*){0,2})(?:\s+(?:(?:has|have|had)\s+)?(?:(?:recently|also|briefly|again|itself)\s+)?(?:experienced|suffered|went\s+(?:down|offline|dark)|(?:was|is|were|has\s+been)\s+(?:down|offline))|['’]s\s+(?:(?:recent|ongoing|latest|major|massive|big|security|data|global|widespread|service)\s+){0,2}(?:outage|breach|incident|hack|disruption|failure)s?)\b",
    )
});

/// Other names joined to the subject ("Germany’s Lufthansa and Air France
/// suffered"), read past to find where the subject starts.
static JOINED_NAMES: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?:[A-Z][\w.&’'-]*\s+){1,3}(?:and|or|&)\s+$"));

/// Names that are our own things, not a company: "Our Payment Service".
static THINGS_OF_OURS: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^(?:Our|The|This|That|Its|Their|My|A|An)\s"));

/// What may stand before a company that is the subject of its trouble: the
/// start of the sentence, a clause's comma, a joining word, a date or time
/// ("April 19th Blackboard experienced"), or the kind of company it is
/// ("Colocation provider Colo4 experienced"). After "the", "our" or "in",
/// a capitalised name is a thing or a place ("the Clientarea went
/// offline", "customers in South Korea experienced").
static SUBJECT_START: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?:^|[,:;(—–]\s*|\b(?i:and|but|so|that|when|after|as|while|since|because|then|apparently|reportedly|recently|also|earlier|ago|today|yesterday|tonight|morning|afternoon|evening|night|week|weekend|provider|host|vendor|company|firm|giant|platform|partner|am|pm|utc|gmt|[ecmp][sd]t|bst|cet)\s+|\d(?:st|nd|rd|th)?\s+)$",
    )
});

/// A named vendor, alone: a subject that is one is a company even when its
/// name ends like a plural ("Amazon Web Services").
static VENDOR_NAME: LazyLock<Regex> = LazyLock::new(|| compile(&format!(r"^{VENDORS}$")));

/// Whether `name` is a vendor we know by name ("Visa", "Amazon Web
/// Services"): a company, never a person's surname.
pub(super) fn is_vendor(name: &str) -> bool {
    VENDOR_NAME.is_match(name)
}

/// Whether the capitalised words `name` at `start` of `text` are the subject
/// of their sentence and a company: not joined to a word before them
/// ("edge1.LBLKWA"), not after "the" or "in", and not a plural like
/// "Agents" or "London Linodes" (things, not a company), unless a vendor.
fn company_as_subject(text: &str, start: usize, name: &str) -> bool {
    if text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '-')
    {
        return false;
    }
    let mut before = sentence_before(text, start);
    if let Some(joined) = JOINED_NAMES.find(before) {
        // "Our Payment Service and Account Service": our own things.
        if THINGS_OF_OURS.is_match(joined.as_str()) {
            return false;
        }
        before = &before[..joined.start()];
    }
    let plural = name.ends_with('s') && !name.ends_with("ss");
    SUBJECT_START.is_match(before) && (!plural || VENDOR_NAME.is_match(name))
}

/// Words by which a writer speaks for their own company.
static FIRST_PERSON: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:we|our|ours|us|i|my)\b|\bwe['’]"));

pub(super) fn warm() {
    LazyLock::force(&TIMED_TO_THE_MINUTE);
    LazyLock::force(&SELF_REPORT);
    LazyLock::force(&OTHERS_TROUBLE);
    LazyLock::force(&JOINED_NAMES);
    LazyLock::force(&THINGS_OF_OURS);
    LazyLock::force(&SUBJECT_START);
    LazyLock::force(&VENDOR_NAME);
    LazyLock::force(&FIRST_PERSON);
}

/// "On Jan. 7, DigitalOcean experienced a loss of network connectivity",
/// with no "we" or "our" anywhere: a company's own postmortem speaking of
/// itself. Read only when our own names are not known.
pub(super) fn speaks_of_itself(said: &str, sentence: &str) -> bool {
    SELF_REPORT.is_match(said) && !FIRST_PERSON.is_match(sentence)
}

/// A window timed to the minute ("from 11:39 am to 2:02 pm PT"): how a
/// company's own postmortem opens ("On June 17th, from 11:39 am to 2:02
/// pm PT, ChatGPT experienced an elevated error rate", a product of ours
/// under a name Settings may not hold); the press names a day, not the
/// minutes.
static TIMED_TO_THE_MINUTE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:[a-z]{2,4}\s+)?(?:to|until|and|-|–|—)\s+\d{1,2}:\d{2}\b",
    )
});

/// Another company named as the subject of its trouble ("Dropbox recently
/// suffered an outage"), read only when our own names are known.
pub(super) fn others_in_trouble(text: &str, ourselves: &[String]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    if ourselves.is_empty() {
        return found;
    }
    for m in OTHERS_TROUBLE.captures_iter(text) {
        let (Some(all), Some(name)) = (m.get(0), m.get(1)) else {
            continue;
        };
        let (start, end) = sentence_around(text, all.start());
        if !OUR_SIDE.is_match(name.as_str())
            && !NOT_A_NAME.is_match(name.as_str())
            && !names_us(name.as_str(), ourselves)
            && !is_term(name.as_str())
            && !TIMED_TO_THE_MINUTE.is_match(&text[start..end.max(all.end())])
            && company_as_subject(text, all.start(), name.as_str())
        {
            found.push((all.start(), all.end()));
        }
    }
    found
}

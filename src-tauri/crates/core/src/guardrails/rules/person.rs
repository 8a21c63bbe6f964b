//! Person names: common given names, @handles, titles and ranks ("Dr.
//! Qureshi", "Colonel Qureshi"), "contact <Name>",
//! the speaker of a quote ("said Ann Lee", "Lee said") or a spokesperson
//! ("Ann Lee, Acme spokeswoman", "teacher Ann Lee"), and every name the
//! incident and the roster know.

use std::sync::LazyLock;

use regex::Regex;

use super::{TOP_POST, codenames, compile, compile_with_unicode_edges};

/// The first names of `first_names.txt`: those written in ASCII, or the
/// others ("André").
fn first_names(ascii: bool) -> Vec<&'static str> {
    include_str!("../first_names.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .flat_map(str::split_whitespace)
        .filter(|name| name.is_ascii() == ascii)
        .collect()
}

/// A first name written with a letter outside ASCII, and the surname after
/// it. Its own small pattern, since its word edges must be read in Unicode
/// (`compile_with_unicode_edges`), which is slow for [`PERSON`]'s size.
static ACCENTED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    compile_with_unicode_edges(&format!(
        r"\b(?:{})\b(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b)?",
        first_names(false).join("|")
    ))
});

static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    let names = first_names(true);
    compile(&format!(
        r"\b(?:{})\b(?:\s+(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b)?|(?:^|[\s(])@[A-Za-z][\w.-]{{1,30}}|\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Fr|Rev|Revd|Colonel|Col|Captain|Capt|Lieutenant|Lt|Sergeant|Sgt|Corporal|Cpl|Detective|Inspector|Constable)\.?\s+[A-Z][a-z]+|\b(?i:contact|ask|ping|call|email|reach\s+out\s+to|escalate\s+to)\s+[A-Z][a-z]+\s+[A-Z][a-z]+\b|\b(?:said|says|added|explained|commented)\s+[A-Z][a-z]+\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:,|\.|$)|\b(?:{TOP_POST}|(?i:teacher|superintendent|coordinator|spokes(?:wo)?man|spokesperson|director|manager|principal|engineer|officer|student|co-founder|secretary|councill?or|mayor|senator|owner)(?:\s+of\s+(?:[A-Z][a-zA-Z&]*\s+){{0,2}}[A-Z][a-zA-Z&]*)?)(?:,\s+|\s+)(?:[A-Z][a-z]+|[A-Z]\.?[A-Z]\.?)\s+(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b|\b[A-Z][a-z]+\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+(?:is\s+(?:the\s+)?)?{TOP_POST}\s+(?:of|at)\b|\b(?:[A-Z][a-z]+|[A-Z]\.?[A-Z]\.?)\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?,\s+(?:an?\s+|the\s+|our\s+)?(?:[\w&.'’-]+\s+){{0,4}}?(?i:spokes(?:wo)?man|spokesperson|chief\s+\w+\s+officer|CEO|CTO|COO|CIO|CFO|founder|co-founder|vice\s+president|president|director|manager|head\s+of)\b",
        names.join("|")
    ))
});

/// A person's mailbox: a given name, a dot and a surname before the "@"
/// ("susie.clark@bromley.gov.uk", "juan.agudelo@ubidots.com"), however rare
/// the name. A desk's address ("it.support@", "service.desk@") names nobody.
static MAILBOX: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b([a-z]{2,})\.([a-z]{2,})@[a-z0-9-]+(?:\.[a-z0-9-]+)+"));

/// Words that make a mailbox a desk's, not a person's.
const DESK_WORDS: [&str; 24] = [
    "support",
    "help",
    "helpdesk",
    "it",
    "service",
    "services",
    "servicedesk",
    "desk",
    "admin",
    "info",
    "team",
    "contact",
    "noreply",
    "reply",
    "sales",
    "ops",
    "status",
    "security",
    "office",
    "customer",
    "care",
    "billing",
    "press",
    "news",
];

/// A name signing the update off ("Best, Jacopo", "Thanks,\nSam Lee"): a
/// person however rare the name.
static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?m)\b(?:Best|Regards|Cheers|Thanks|Sincerely|Best\s+regards|Kind\s+regards|Warm\s+regards|Many\s+thanks|Thank\s+you),?\s+((?:[A-Z]\.\s*)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)[ \t]*$",
    )
});

/// Who wrote, posted or led something ("Updated by Dan Miller", "engineers
/// led by Ines Duarte"), who signs off after a dash ("— Mateo, Customer
/// Success"), who introduces themselves ("Kwame here with an update"), who
/// is "from our support team", or who changed the incident in a tool's
/// timeline ("11:21 UTC Ines Duarte set the status"): a person however
/// rare the name.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?m)\b(?i:updated|posted|written|signed|authored|published|approved|led|headed|coordinated)\s+by\s+((?:[A-Z]\.\s*)?[A-Z][a-z]+\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)|^[ \t]*[—–][ \t]*([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:,|[ \t]*$)|(?:^|[.!?,][ \t]+)([A-Z][a-z]+)[ \t]+here[ \t]+(?:with|from|again|to)\b|\b([A-Z][a-z]+)[ \t]+(?:from|on|in)[ \t]+(?:our|the)[ \t]+(?:[\w-]+[ \t]+){0,3}?team\b|^[ \t]*\d{1,2}:\d{2}(?::\d{2})?[ \t]*(?:UTC|GMT|[A-Z]{2,4})?[ \t]*[-–—:]?[ \t]*([A-Z][a-z]+[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+(?:set|updated|changed|edited)[ \t]+the[ \t]+(?:status|summary|severity|impact|priority)\b",
    )
});

/// A reply that apologises or thanks and ends by addressing someone ("So
/// sorry we let you down, Steff."): a person however rare the name.
static ADDRESSED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?m)\b(?i:sorry|thanks|thank\s+you|apologi[sz]e\w*|hi|hey|hello)\b[^.!?\n]{0,80},\s+([A-Z][a-z]+)[ \t]*[.!?]*[ \t]*$",
    )
});

/// A speaker named by surname alone, as news reports do after the first
/// mention: "Meehan said", "…,” Meahan said.", "…,” Eierman added.", "but
/// Arnone said", "Arnone goes on to explain", and after the quote the
/// other way round: "…,” said Mrdeza."; "McCabe said" and "Van Voorhis
/// said" too. "Added" counts
/// only before what was said ("Lee added that…") or after a quote:
/// "Capacity added:" is a heading.
static SURNAME_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?:^|[.!?;:]\s+|,\s+|[“”\x22]\s*|\b(?:but|and|so|yet)\s+)((?:(?:Van|Von|De|Del|Da|Di|Le)\s+)?(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:(?:said|says|explained|noted|stated|wrote|goes\s+on\s+to\s+(?:explain|say|add))\b|added\s*(?:,|that\b|[“\x22]))|[”\x22]\s*((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+added\s*[.!?](?:\s|$)|[”\x22]\s*(?:said|says|added|explained|wrote)\s+((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s*(?:[.!?,]|$)",
    )
});

/// An organisation speaks of itself as "it": "Sky said it was working on
/// it", "Barclays says use of its app is returning to normal".
static SPEAKS_OF_ITSELF: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^(?:\s+[\w'’-]+){0,4}?\s+(?:it|its)\b"));

/// A new subject right after "said", whom a later "its" is about: "Morgan-
/// Welch said the museum increased its online capacity" is a person.
static NEW_SUBJECT: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^\s+(?:that\s+)?(?:the|a|an|our|their|his|her)\s"));

/// Capitalised words that say things without being a person's name.
const NOT_A_SPEAKER: [&str; 47] = [
    "That",
    "This",
    "It",
    "He",
    "She",
    "They",
    "We",
    "You",
    "Police",
    "Officials",
    "Company",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "Management",
    "Everyone",
    "Someone",
    "Experts",
    "Analysts",
    "Traders",
    "Investors",
    "Students",
    "Researchers",
    "Sources",
    "Customers",
    "Users",
    "Engineers",
    "Staff",
    "Support",
    "Government",
    "Council",
    "Having",
    "Also",
    "Engineering",
    "Operations",
    "Security",
    "Legal",
    "Leadership",
    "Team",
    "Another",
    "Others",
    "Some",
    "Many",
    "Most",
    "One",
    "Both",
    "Nobody",
];

/// A company's own account, not a person's: "@ZendeskOps", "@GitHubStatus",
/// "@TeamYouTube";
/// or a placeholder for the reader's own ("your @username").
static COMPANY_HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?i)^@(?:team[\w.-]+|[\w.-]*(?:ops|status|support|help|team|hq|app|news|official|cares?|service|updates|eng)|user(?:name)?|handle|your[\w-]*)$",
    )
});

/// People named by the company they work for: "Tyler analysts".
static STAFF_OF: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^\s+(?:analysts|engineers|technicians|developers|staff|employees|consultants|support\s+(?:staff|engineers|team))\b",
    )
});

/// What makes a given name part of a place or an institution: "Victoria
/// Road", "Albert Hall", the "Elizabeth line", "John Muir Health".
const PLACE_WORDS: [&str; 28] = [
    "Road",
    "Street",
    "Avenue",
    "Lane",
    "Drive",
    "Way",
    "Close",
    "Place",
    "Square",
    "Park",
    "House",
    "Hall",
    "Station",
    "Bridge",
    "Court",
    "Terrace",
    "Crescent",
    "Gardens",
    "line",
    "Line",
    "Health",
    "Hospital",
    "Medical",
    "University",
    "College",
    "School",
    "Institute",
    "Foundation",
];

/// A place and a comma just before a lone given name make the name the
/// state or region the place is in: "near Nowa Nowa in Gippsland, Victoria".
static IN_A_PLACE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b(?:in|near|at|from|of)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s*$"));

/// A two-letter state or province code right after a name and a comma.
static STATE_AFTER: LazyLock<Regex> = LazyLock::new(|| compile(r"^,\s*[A-Z]{2}\b"));

/// A capitalised word with a word before it in the same sentence, just
/// before a lone given name.
static AFTER_A_PROPER_NOUN: LazyLock<Regex> = LazyLock::new(|| compile(r"[\w,]\s+[A-Z][a-z]+\s+$"));

/// A post written as a title just before a given name makes it a person,
/// not a place: "SSA General Manager Robert B. Davis", "Undersheriff
/// Michael McCabe".
static POST_AS_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?:Manager|Director|President|Officer|Executive|Chair(?:man|woman|person)?|Founder|Secretary|Mayor|Minister|Spokes(?:person|man|woman)|Superintendent|Principal|Coordinator|Undersheriff|Sheriff|Commissioner)\s+$",
    )
});

/// Who a sign-off can thank, or a byline name, without naming a person:
/// "Thanks, Everyone", "Hello from the support team", "Engineers led by".
static NOT_A_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:Everyone|All|Folks|Again|Team|Someone|Somebody|Anyone|Staff|Engineers?|Members?|People|Colleagues|Experts?|Technicians?|Volunteers|Contractors?|Agents?|Specialists?|Everybody|Nobody|Nothing|Help|More|Updates?|News|This|That|It|Hello|Hi|Hey|Greetings|Thanks|Sorry|Apologies|Message|Note|Word)\b",
    )
});

/// The verbs of PERSON's "contact <Name>" alternative.
const CONTACT_VERBS: [&str; 7] = [
    "contact ",
    "ask ",
    "ping ",
    "call ",
    "email ",
    "reach out to ",
    "escalate to ",
];

/// Words that follow "contact" as a department, not a person.
static DEPARTMENT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?:Customer|Customers|Service|Services|Support|Sales|Help|Desk|Team|Success|Care|Account|Technical|Client|Billing|Security|Operations|Network|IT|Your|Our|The)\b",
    )
});

pub(super) fn warm() {
    LazyLock::force(&PERSON);
    LazyLock::force(&ACCENTED_NAME);
    LazyLock::force(&DEPARTMENT);
    LazyLock::force(&BYLINE);
    LazyLock::force(&SIGN_OFF);
    LazyLock::force(&ADDRESSED);
    LazyLock::force(&STAFF_OF);
    LazyLock::force(&COMPANY_HANDLE);
    LazyLock::force(&NOT_A_PERSON);
    LazyLock::force(&IN_A_PLACE);
    LazyLock::force(&AFTER_A_PROPER_NOUN);
    LazyLock::force(&POST_AS_TITLE);
    LazyLock::force(&STATE_AFTER);
    LazyLock::force(&SURNAME_SPEAKER);
    LazyLock::force(&SPEAKS_OF_ITSELF);
    LazyLock::force(&NEW_SUBJECT);
    LazyLock::force(&MAILBOX);
}

pub(super) fn find(text: &str, names: &[String]) -> Vec<(usize, usize)> {
    let mut found = named_people(text, names);
    for mailbox in MAILBOX.captures_iter(text) {
        let (Some(given), Some(surname)) = (mailbox.get(1), mailbox.get(2)) else {
            continue;
        };
        let desk = [given.as_str(), surname.as_str()]
            .iter()
            .any(|part| DESK_WORDS.contains(&part.to_ascii_lowercase().as_str()));
        if !desk {
            found.push((given.start(), surname.end()));
        }
    }
    let signed = SIGN_OFF.captures_iter(text);
    let addressed = ADDRESSED.captures_iter(text);
    let bylines = BYLINE.captures_iter(text);
    let names = signed
        .chain(addressed)
        .chain(bylines)
        .filter_map(|found| found.iter().skip(1).flatten().next());
    for name in names {
        // "Google Cloud updated the status" is a company, not a person.
        if !DEPARTMENT.is_match(name.as_str())
            && !NOT_A_PERSON.is_match(name.as_str())
            && !super::blame::is_vendor(name.as_str())
        {
            found.push((name.start(), name.end()));
        }
    }
    for speaker in SURNAME_SPEAKER.captures_iter(text) {
        let Some(name) = speaker
            .get(1)
            .or_else(|| speaker.get(2))
            .or_else(|| speaker.get(3))
        else {
            continue;
        };
        // "Golden Gate Transit and Ferry said": a capitalised word joined by
        // "and" to another ends an organisation's name.
        let joined = text[..name.start()]
            .trim_end()
            .strip_suffix("and")
            .and_then(|before| before.split_whitespace().last())
            .is_some_and(|word| word.starts_with(|c: char| c.is_uppercase()));
        // "Visa said" is a company speaking, not a surname.
        if !joined
            && !NOT_A_SPEAKER.contains(&name.as_str())
            && !super::blame::is_vendor(name.as_str())
            && {
                let after = &text[speaker.get(0).map_or(name.end(), |m| m.end())..];
                !SPEAKS_OF_ITSELF.is_match(after) || NEW_SUBJECT.is_match(after)
            }
        {
            found.push((name.start(), name.end()));
        }
    }
    for m in PERSON.find_iter(text).chain(ACCENTED_NAME.find_iter(text)) {
        let said = m.as_str();
        let skip = said.len() - said.trim_start_matches([' ', '\t', '\n', '(']).len();
        // "Contact Customer Service" names a desk, not a person.
        let lower = said.trim_start().to_lowercase();
        let asked = CONTACT_VERBS.iter().any(|verb| lower.starts_with(verb));
        let after_verb = said
            .split_whitespace()
            .skip(1)
            .collect::<Vec<_>>()
            .join(" ");
        if asked && DEPARTMENT.is_match(&after_verb) {
            continue;
        }
        // "Tyler analysts" and "Morgan engineers" are a company's staff.
        if STAFF_OF.is_match(&text[m.end()..])
            || COMPANY_HANDLE.is_match(said.trim_start_matches([' ', '\t', '\n', '(']))
        {
            continue;
        }
        // "The Victoria Road area" is a street, not a person.
        let next = text[m.end()..].split_whitespace().next().unwrap_or("");
        let last = said.split_whitespace().last().unwrap_or("");
        if [last, next.trim_end_matches([',', '.', ';'])]
            .iter()
            .any(|word| PLACE_WORDS.contains(word))
        {
            continue;
        }
        let lone = !said.trim().contains(char::is_whitespace);
        // "Charlotte, NC" and "Austin, TX" are a city and its state.
        if lone && STATE_AFTER.is_match(&text[m.end()..]) {
            continue;
        }
        if lone && IN_A_PLACE.is_match(&text[..m.start()]) {
            continue;
        }
        // "London Victoria" and "Gatwick Express and London Victoria" name a
        // station: a lone given name right after a capitalised word that
        // does not open the sentence.
        if lone
            && AFTER_A_PROPER_NOUN.is_match(&text[..m.start()])
            && !POST_AS_TITLE.is_match(&text[..m.start()])
        {
            continue;
        }
        found.push((m.start() + skip, m.end()));
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

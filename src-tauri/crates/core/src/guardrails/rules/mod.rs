//! The patterns behind each rule, one module per rule. Kept as data-like
//! regex tables so the corpus report can show which rule needs work, and
//! compiled once per process.

mod blame;
mod eta;
mod jargon;
mod learned;
mod markup;
mod person;
mod resolution;
mod speculation;

use regex::{Regex, RegexBuilder};

use super::{LintContext, Rule, Span};

/// How much memory each pattern's lazy DFA may cache, up from the `regex`
/// crate's 2 MiB default. The largest tables (the all-clear phrases, the
/// jargon word list) outgrow 2 MiB of states on a dense draft; the crate
/// then throws its cache away again and again and falls back to a slower
/// engine, which took the 5,000-character lint bench from 0.63 ms to 22 ms.
/// With 8 MiB it is back under 1 ms, for about 2 MB more resident memory.
pub(super) const DFA_CACHE_BYTES: usize = 8 << 20;

/// What people at a work site are doing when they break a cable or a pipe:
/// blame reads "workers digging" as a party outside, and jargon reads it as
/// people, not background processes.
pub(super) const SITE_WORK: &str = r"(?:installing|digging|laying|building|excavating|drilling)";

/// A fix told in the present tense, as how fixes go rather than news of
/// one: "water is usually back on", "breaks are repaired". The ETA rule
/// reads it just before "within" a time; the all-clear rule reads it with
/// "within" after, so that neither takes the other's sentence.
pub(super) const FIX_TOLD: &str = r"\b(?:is|are)\s+(?:usually\s+|normally\s+|typically\s+|generally\s+)?(?:fixed|repaired|restored|resolved|back(?:\s+on|\s+online|\s+up)?)";

/// A post at the top of an organisation. Before a capitalised name it
/// makes the name a person ("chief executive Jane Doe"); before "of" and an
/// acronym it makes the acronym an organisation ("CEO of IAG"). The
/// acronyms are matched as written, the words in any case.
pub(super) const TOP_POST: &str = r"(?:CEO|CTO|COO|CIO|CFO|(?i:chief\s+executive|chair(?:man|woman|person)?|president|founder|boss))";

/// A party's own systems and how they stood: "its systems were", "their
/// own network continued to". A party saying so vouches for its own things
/// ("Visa confirmed that its systems were working normally"), which blames
/// nobody (`blame::innocent`) and is no all-clear of ours (`resolution`); a
/// lead writes "our systems".
pub(super) const ITS_OWN_SYSTEMS: &str = r"(?:its|their)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:systems?|networks?|services?|platforms?)\s+(?:were|was|are|is|(?:continue|continues|continued)\s+to)";

/// The pattern with its word edges (`\b`, `\B`) read in ASCII. The regex
/// crate's fast engines cannot decide a Unicode word edge once the text
/// holds a character outside ASCII (a curly apostrophe is enough), so
/// every search of such a draft fell back to its slowest engine: 5,000
/// characters of real status-page sentences took 66 ms, against 2.4 ms
/// now. Read in ASCII, a word edge beside an accented letter is missed
/// ("André"); on both corpora only the first-name list met one, so that
/// pattern keeps Unicode edges ([`compile_with_unicode_edges`]).
pub(super) fn ascii_word_edges(pattern: &str) -> String {
    pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\B", r"(?-u:\B)")
}

/// Compiles a pattern from this file, its word edges read in ASCII; a typo
/// here is a bug caught by every test.
pub(super) fn compile(pattern: &str) -> Regex {
    compile_with_unicode_edges(&ascii_word_edges(pattern))
}

/// Compiles a pattern whose word edges must hold beside any letter (names
/// such as "André"). It runs on the slower engine in drafts with letters
/// outside ASCII, so only patterns that need it use it.
pub(super) fn compile_with_unicode_edges(pattern: &str) -> Regex {
    match RegexBuilder::new(pattern)
        .dfa_size_limit(DFA_CACHE_BYTES)
        .build()
    {
        Ok(regex) => regex,
        Err(e) => panic!("guardrail pattern does not compile: {e}"),
    }
}

/// Compiles every pattern now, so the lead's first keystroke does not wait for it.
pub(super) fn compile_all() {
    speculation::warm();
    blame::warm();
    eta::warm();
    resolution::warm();
    jargon::warm();
    markup::warm();
    person::warm();
    learned::warm();
}

/// Every rule's spans; with `learned`, the model's too, for sentences the
/// ETA and all-clear rules do not settle themselves.
pub(super) fn find_all(text: &str, context: &LintContext<'_>, learned: bool) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut push = |rule, found: Vec<(usize, usize)>, by_model| {
        spans.extend(found.into_iter().map(|(start, end)| Span {
            rule,
            start,
            end,
            by_model,
        }));
    };
    push(Rule::Speculation, speculation::find(text), false);
    push(Rule::Blame, blame::find(text, context.ourselves), false);
    // With the model, a pattern's finding it doubts is dropped, and a
    // sentence the patterns leave alone is the model's to read. The draft
    // is read once for both rules, and not at all when both gates are open.
    let gates_open = context.eta_confirmed && context.resolution_allowed;
    let reading = (learned && !gates_open).then(|| learned::Reading::new(text));
    let mut with_model = |rule, found, settled| match &reading {
        Some(reading) => {
            push(rule, reading.unless_doubted(rule, found), false);
            push(rule, reading.find(rule, settled), true);
        }
        None => push(rule, found, false),
    };
    if !context.eta_confirmed {
        with_model(Rule::UnconfirmedEta, eta::find(text), eta_settled);
    }
    if !context.resolution_allowed {
        with_model(
            Rule::PrematureResolution,
            resolution::find(text),
            all_clear_settled,
        );
    }
    // Our own name is no acronym to explain ("ACME", the "CI" of "Travis
    // CI", the "POS" of "POS Portal"), though a term after it still is
    // ("crates.io endpoints"), and no person ("said Jackson Hewitt" in
    // Jackson Hewitt's own update).
    let ours = context.ourselves;
    let our_names = our_names(ours);
    let mut jargon = jargon::find(text);
    jargon.retain(|&(start, end)| {
        !our_names.contains(&joined(&text[start..end]))
            && !part_of_our_name(text, start, end, &our_names)
    });
    let mut people = person::find(text, context.names);
    people.retain(|&(start, end)| !names_us(&text[start..end], ours));
    push(Rule::Jargon, jargon, false);
    push(Rule::PersonName, people, false);
    let leaks = codenames(text, context.glossary);
    push(Rule::Jargon, leaks.clone(), false);
    // Words inside a public link or an emoji shortcode are not the update's
    // prose; a codename leaks wherever it is written, a link's address included.
    let not_prose = markup::not_prose(text);
    spans.retain(|s| {
        !markup::inside(&not_prose, s.start, s.end)
            || (s.rule == Rule::Jargon && leaks.contains(&(s.start, s.end)))
    });
    spans
}

/// Whether `said` names our own organisation: some run of one to three of
/// its words, joined and read without case or punctuation ("Digital Ocean",
/// "GitLab.com", "Acme's"), is one of `ourselves`.
pub(super) fn names_us(said: &str, ourselves: &[String]) -> bool {
    if ourselves.is_empty() {
        return false;
    }
    let words: Vec<String> = said
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let ours = our_names(ourselves);
    (0..words.len()).any(|start| {
        (1..=3)
            .filter(|n| start + n <= words.len())
            .any(|n| ours.contains(&words[start..start + n].concat()))
    })
}

/// Whether the span at `start..end` is one end of a name of ours whose other
/// words, one or two, are joined to it by a space or a hyphen: the "CI" of
/// "Travis CI", the "POS" of "POS Portal".
fn part_of_our_name(text: &str, start: usize, end: usize, our_names: &[String]) -> bool {
    if our_names.is_empty() {
        return false;
    }
    let span = joined(&text[start..end]);
    let before = words_joined_to(&text[..start], true);
    let after = words_joined_to(&text[end..], false);
    let ends_it = (1..=before.len()).any(|n| {
        let name: String = before[..n].iter().rev().map(|w| joined(w)).collect();
        our_names.contains(&(name + &span))
    });
    let begins_it = (1..=after.len()).any(|n| {
        let name: String = after[..n].iter().map(|w| joined(w)).collect();
        our_names.contains(&(span.clone() + &name))
    });
    ends_it || begins_it
}

/// Up to two words that touch a span across a space or a hyphen, nearest
/// first: `side` is the text before the span when `before`, else after it.
fn words_joined_to<'a>(side: &'a str, before: bool) -> Vec<&'a str> {
    let gap = [' ', '-'];
    let rest = if before {
        side.trim_end_matches(gap)
    } else {
        side.trim_start_matches(gap)
    };
    let touches = if before {
        rest.ends_with(char::is_alphanumeric)
    } else {
        rest.starts_with(char::is_alphanumeric)
    };
    if rest.len() == side.len() || !touches {
        return Vec::new();
    }
    // Two words at most: splitting the whole side first made each finding
    // cost the length of the draft.
    let not_word = |c: char| !c.is_alphanumeric();
    let nearest = |words: &mut dyn Iterator<Item = &'a str>| -> Vec<&'a str> {
        words.take_while(|w| !w.is_empty()).take(2).collect()
    };
    if before {
        nearest(&mut rest.rsplit(not_word))
    } else {
        nearest(&mut rest.split(not_word))
    }
}

/// The trade words a company's name goes without in its own updates:
/// "Spruce" for Spruce Health, "Postmark" for postmarkapp, "Datadog" for
/// datadoghq, "ASX" for asxonline. Only words that say what kind of
/// business it is; "io", "cloud" and "networks" are left on, since
/// "Customer" or "Cloud" alone would name anybody.
const TRADE_WORDS: [&str; 18] = [
    "app",
    "online",
    "apps",
    "hq",
    "health",
    "labs",
    "status",
    "inc",
    "group",
    "technologies",
    "technology",
    "technologygroup",
    "systems",
    "software",
    "solutions",
    "media",
    "studios",
    "games",
];

/// Our names as [`names_us`] reads them: each joined, and each again
/// without a trade word at its end when at least three letters are left.
fn our_names(ourselves: &[String]) -> Vec<String> {
    let mut names = Vec::new();
    for name in ourselves {
        let whole = joined(name);
        names.extend(
            TRADE_WORDS
                .iter()
                .filter_map(|word| whole.strip_suffix(word))
                .filter(|short| short.chars().count() >= 3)
                .map(str::to_owned),
        );
        names.push(whole);
    }
    names
}

/// A name read without case, spaces or punctuation.
fn joined(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The ETA rule settles a sentence with a time or "ETA" it judged, and a
/// sentence that says things are back ("we should be back up and running
/// now") is the all-clear rule's, however much its "should" sounds like a
/// promise to the model.
fn eta_settled(sentence: &str) -> bool {
    eta::settled(sentence) || resolution::says_all_clear(sentence)
}

/// The all-clear rule settles a sentence with an all-clear phrase it judged
/// or something still failing, and a sentence that promises when the fix
/// comes ("processing times should return to normal within 24 hours") is
/// the ETA rule's: a prediction, not an all-clear. The ETA rule reads the
/// sentence alone here, though `find_all` has read the whole draft: the
/// model was trained behind this very guard, sentence by sentence
/// (`settled_by_patterns`), and the draft's spans can differ where the two
/// split sentences differently ("1.5 hours"). It costs a fraction of the
/// lint bench's 1 ms.
fn all_clear_settled(sentence: &str) -> bool {
    resolution::settled(sentence) || !eta::find(sentence).is_empty()
}

/// The rules with a learned model that settle `sentence` themselves, so the
/// model leaves it to them.
pub(super) fn settled_by_patterns(sentence: &str) -> Vec<Rule> {
    let mut rules = Vec::new();
    if eta_settled(sentence) {
        rules.push(Rule::UnconfirmedEta);
    }
    if all_clear_settled(sentence) {
        rules.push(Rule::PrematureResolution);
    }
    rules
}

/// The byte ranges where the text promises a time for the fix: the ETA
/// rule's spans whether or not the IC confirmed the ETA. The promises ledger
/// reads its times from them.
pub(crate) fn promised_fix_times(text: &str) -> Vec<(usize, usize)> {
    eta::find(text)
}

/// Whether `text` starts with `prefix`, ignoring ASCII case, without a
/// lowercased copy of the text.
pub(super) fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Whether `text` ends with `suffix`, ignoring ASCII case.
pub(super) fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    text.len()
        .checked_sub(suffix.len())
        .and_then(|start| text.get(start..))
        .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix))
}

/// How far the rules read for the sentence around a phrase, each way, in
/// bytes. A paste with no full stop or line break (a log line, a run of
/// error codes) is one "sentence", and reading all of it again for each of
/// its thousands of phrases made the time grow with the square of the
/// draft; the longest sentence in either corpus is under 700 bytes.
const SENTENCE_REACH: usize = 1_000;

/// The text of the current sentence up to `at` (at most [`SENTENCE_REACH`]
/// bytes of it).
pub(super) fn sentence_before(text: &str, at: usize) -> &str {
    let from = text.floor_char_boundary(at.saturating_sub(SENTENCE_REACH));
    let before = &text[..at];
    let start = before[from..]
        .char_indices()
        .rev()
        .find(|&(i, c)| ends_sentence(text, from + i, c))
        .map_or(from, |(i, _)| from + i + 1);
    &before[start..]
}

/// The current sentence's byte range around `at` (at most
/// [`SENTENCE_REACH`] bytes each way).
pub(super) fn sentence_around(text: &str, at: usize) -> (usize, usize) {
    let start = at - sentence_before(text, at).len();
    let to = text.ceil_char_boundary(at.saturating_add(SENTENCE_REACH).min(text.len()));
    let end = text[at..to]
        .char_indices()
        .find(|&(i, c)| ends_sentence(text, at + i, c))
        .map_or(to, |(i, _)| at + i);
    (start, end)
}

/// Words a full stop follows without ending the sentence: titles, months
/// as dates write them ("Jan. 7"), "approx." and "vs.".
const ABBREVIATIONS: [&str; 19] = [
    "Mr", "Mrs", "Ms", "Dr", "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "approx", "vs",
];

/// Whether the character `c` at byte `i` of `text` ends a sentence. A full
/// stop does only before a space, a quote or the end: "4:30 p.m. on Friday",
/// "2.5 hours" and "status.example.com" go on, and so do the stops of
/// one-letter abbreviations ("a.m.", "e.g.", "U.S.") and of `ABBREVIATIONS`.
fn ends_sentence(text: &str, i: usize, c: char) -> bool {
    if c != '.' {
        return matches!(c, '!' | '?' | '\n');
    }
    let next = text[i + 1..].chars().next();
    if next.is_some_and(|n| !(n.is_whitespace() || matches!(n, '"' | '\'' | '”' | '’' | ')' | ']')))
    {
        return false;
    }
    let word_start = text[..i]
        .char_indices()
        .rev()
        .find(|&(_, w)| !w.is_alphabetic())
        .map_or(0, |(j, w)| j + w.len_utf8());
    let word = &text[word_start..i];
    let one_letter = word.chars().count() == 1 && text[..word_start].ends_with('.');
    !(one_letter || ABBREVIATIONS.contains(&word))
}

/// Whole-word, ASCII-case-insensitive occurrences of the glossary's codenames.
pub(super) fn codenames(text: &str, glossary: &[String]) -> Vec<(usize, usize)> {
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

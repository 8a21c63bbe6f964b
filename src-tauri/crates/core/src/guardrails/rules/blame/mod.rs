//! Blame: a vendor, a cloud, a team or a person named as at fault. Working
//! with a provider, or moving to a backup one, is not blame. What names a
//! party is in [`parties`], a company named with its own trouble in
//! [`company`], and what clears a party named beside a fault in
//! [`innocent`].

mod company;
mod innocent;
mod parties;

use super::{sentence_around, sentence_before, starts_with_ignore_case};
use innocent::{
    A_COMPANY_IS, NOT_THE_CAUSE, PREVENTING, SWITCHED_TO, WENT_WRONG, WORKING_WITH,
    how_we_are_built,
};
use parties::{
    BLAME, BLOCKED_BY, ESCALATED_TO, IN_OTHER_HANDS, LET_DOWN, OTHER_CUSTOMERS, OUR_OWN_WATCH,
    OUR_SIDE, PARTIES, PICKS_UP_SOMETHING, PROVIDER, ROLES, THEIR_OWN, THIRD_PARTY,
    WHERE_WE_PUBLISH,
};

pub(super) fn warm() {
    parties::warm();
    company::warm();
    innocent::warm();
}

/// Whether `name` is a vendor we know by name, for the rules beside blame
/// that must not read "Visa said" as a person speaking.
pub(super) fn is_vendor(name: &str) -> bool {
    company::is_vendor(name)
}

pub(super) fn find(text: &str, ourselves: &[String]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for m in THIRD_PARTY.captures_iter(text) {
        let (Some(all), Some(next)) = (m.get(0), m.get(1)) else {
            continue;
        };
        let before = sentence_before(text, all.start());
        let (start, end) = sentence_around(text, all.start());
        let reach = end.max(all.end());
        let own = THEIR_OWN.contains(&next.as_str().to_ascii_lowercase().as_str());
        // "To detect third-party issues earlier" names a risk, not a culprit;
        // "relied on a third-party vendor to manage" and "we use a
        // third-party verification system that approves or declines
        // orders" tell how we are built; "our third party provider was not
        // the cause" clears it.
        if !own
            && !how_we_are_built(before, &text[all.end()..reach], &text[start..reach])
            && !WORKING_WITH.is_match(before)
            && !SWITCHED_TO.is_match(before)
            && !PREVENTING.is_match(before)
            && !NOT_THE_CAUSE.is_match(&text[all.end()..])
        {
            found.push((all.start(), all.end()));
        }
    }
    // Somebody else's hands count when the sentence says something failed.
    for m in IN_OTHER_HANDS.find_iter(text) {
        let (start, end) = sentence_around(text, m.start());
        let named = text[m.start()..m.end()].rsplit(' ').next().unwrap_or("");
        // "They're owned by Salesforce" says who owns a company, not whose
        // hands our things are in.
        if WENT_WRONG.is_match(&text[start..end.max(m.end())])
            && !OUR_SIDE.is_match(named)
            && !(starts_with_ignore_case(m.as_str(), "owned")
                && A_COMPANY_IS.is_match(sentence_before(text, m.start())))
        {
            found.push((m.start(), m.end()));
        }
    }
    // "Our monitoring did not alert us" is our own tool's miss, not a
    // party letting us down.
    found.extend(
        LET_DOWN
            .find_iter(text)
            .filter(|m| !OUR_OWN_WATCH.is_match(sentence_before(text, m.start())))
            .filter(|m| {
                !(m.as_str().ends_with("up") && PICKS_UP_SOMETHING.is_match(&text[m.end()..]))
            })
            .map(|m| (m.start(), m.end())),
    );
    found.extend(company::others_in_trouble(text, ourselves));
    found.extend(
        OTHER_CUSTOMERS
            .find_iter(text)
            .map(|m| (m.start(), m.end())),
    );
    for m in ESCALATED_TO.captures_iter(text) {
        if let (Some(all), Some(name)) = (m.get(0), m.get(1))
            && !OUR_SIDE.is_match(name.as_str())
            && !ROLES.contains(&name.as_str())
            && !WHERE_WE_PUBLISH.contains(&name.as_str())
        {
            found.push((all.start(), all.end()));
        }
    }
    for m in BLOCKED_BY.captures_iter(text) {
        if let (Some(all), Some(name)) = (m.get(0), m.get(1))
            && !OUR_SIDE.is_match(name.as_str())
            && !innocent::cleared(text, all.start(), all.end(), false, false, ourselves)
        {
            found.push((all.start(), all.end()));
        }
    }
    // Each pattern says whether it names a party (checked against our own
    // side) and whether it mentions one only in passing (checked for trouble).
    let patterns = BLAME
        .iter()
        .map(|r| (r, false, false))
        .chain(PARTIES.iter().map(|r| (r, true, false)))
        .chain(std::iter::once((&*PROVIDER, false, true)));
    for (regex, named, in_passing) in patterns {
        for m in regex.find_iter(text) {
            if !innocent::cleared(text, m.start(), m.end(), named, in_passing, ourselves) {
                found.push((m.start(), m.end()));
            }
        }
    }
    found
}

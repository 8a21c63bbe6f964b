use chrono::TimeZone;

use super::*;

/// A text and the promises (kind, due) it should yield.
type Reading<'a> = (&'a str, &'a [(PromiseKind, Option<DateTime<Utc>>)]);
/// Updates so far, the instant judged, and the state and lateness expected.
type Judging<'a> = (
    &'a [(Audience, DateTime<Utc>)],
    DateTime<Utc>,
    PromiseState,
    Option<i64>,
);

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, h, m, 0)
        .single()
        .unwrap()
}

fn day(d: u32, h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, d, h, m, 0).single().unwrap()
}

/// Each text, posted at 14:00 UTC on 27 November with Europe/Berlin (CET,
/// UTC+1) as the lead's zone, and the promises it should yield.
#[test]
fn promises_are_read_from_the_words_with_their_times() {
    use PromiseKind::*;
    let berlin = chrono_tz::Europe::Berlin;
    let cases: &[Reading<'_>] = &[
        // The footer Herald writes, in the lead's zone and in UTC.
        (
            "Next update by 15:30 CET",
            &[(NextUpdate, Some(at(14, 30)))],
        ),
        (
            "Next update by 14:30 UTC",
            &[(NextUpdate, Some(at(14, 30)))],
        ),
        // The executives' brief: a bare label, then its time.
        (
            "ETA: about 15:30 CET (confidence: high)",
            &[(Eta, Some(at(14, 30)))],
        ),
        // No zone written: the lead's zone.
        ("Next update by 15:20.", &[(NextUpdate, Some(at(14, 20)))]),
        // Another zone by its abbreviation.
        (
            "Next update by 9:30 am ET.",
            &[(NextUpdate, Some(at(14, 30)))],
        ),
        (
            "We will post another update within 30 minutes.",
            &[(NextUpdate, Some(at(14, 30)))],
        ),
        (
            "We'll share more in an hour.",
            &[(NextUpdate, Some(at(15, 0)))],
        ),
        (
            "We will update this page within the hour.",
            &[(NextUpdate, Some(at(15, 0)))],
        ),
        (
            "We will provide an update by 1600 UTC.",
            &[(NextUpdate, Some(at(16, 0)))],
        ),
        // Past midnight in the lead's zone is tomorrow's time.
        (
            "Next update by 00:10 CET",
            &[(NextUpdate, Some(day(27, 23, 10)))],
        ),
        // An ETA, with and without a time.
        (
            "A fix should be live by 16:00 UTC.",
            &[(Eta, Some(at(16, 0)))],
        ),
        (
            "We expect full recovery within 2 hours.",
            &[(Eta, Some(at(16, 0)))],
        ),
        ("Service should be restored shortly.", &[(Eta, None)]),
        (
            "We expect the fix to be deployed by 10:00pm UTC tomorrow.",
            &[(Eta, Some(day(28, 22, 0)))],
        ),
        // Both in one message, one per sentence.
        (
            "We expect a fix by 17:00 UTC. Next update by 15:30 CET",
            &[(Eta, Some(at(17, 0))), (NextUpdate, Some(at(14, 30)))],
        ),
        // Not promises: history, no time, the honest "no ETA".
        ("The fix was deployed at 13:40 UTC.", &[]),
        ("We updated the page at 13:00.", &[]),
        ("We do not have an ETA yet.", &[]),
        ("We will share more as soon as we can.", &[]),
        ("Some customers may see errors at checkout.", &[]),
    ];
    for (text, expected) in cases {
        let found: Vec<(PromiseKind, Option<DateTime<Utc>>)> = find::find(text, at(14, 0), berlin)
            .into_iter()
            .map(|f| (f.kind, f.due_at))
            .collect();
        assert_eq!(&found, expected, "{text}");
    }
}

#[test]
fn the_words_kept_are_the_promising_sentence() {
    let found = find::find(
        "Payments are failing. A fix should be live by 16:00 UTC. Sorry.",
        at(14, 0),
        chrono_tz::Tz::UTC,
    );
    assert_eq!(found[0].said, "A fix should be live by 16:00 UTC.");
}

fn promise(
    id: &str,
    kind: PromiseKind,
    made: DateTime<Utc>,
    due: Option<DateTime<Utc>>,
) -> Promise {
    Promise {
        id: id.into(),
        incident_id: "i".into(),
        update_id: "u".into(),
        audience: Audience::Customers,
        kind,
        said: "…".into(),
        due_at: due,
        made_at: made,
    }
}

#[test]
fn a_next_update_promise_is_kept_by_the_audience_hearing_from_us_in_time() {
    use PromiseState::*;
    let p = promise("p", PromiseKind::NextUpdate, at(14, 0), Some(at(14, 30)));
    let exec = (Audience::Executives, at(14, 10));
    let cases: &[Judging<'_>] = &[
        (&[], at(14, 20), Open, None),
        // A minute's grace: promises are written to the minute.
        (&[], at(14, 31), Open, None),
        (&[], at(14, 40), Broken, Some(600)),
        (
            &[(Audience::Customers, at(14, 25))],
            at(15, 0),
            Kept,
            Some(-300),
        ),
        (
            &[(Audience::Customers, at(14, 31))],
            at(15, 0),
            Kept,
            Some(60),
        ),
        (
            &[(Audience::Customers, at(14, 45))],
            at(15, 0),
            Broken,
            Some(900),
        ),
        // Another audience's update does not keep it.
        (&[exec], at(14, 40), Broken, Some(600)),
    ];
    for (updates, now, state, late) in cases {
        let after = After {
            updates,
            restored: &[],
            promises: &[],
        };
        let outcome = judge(&p, &after, *now);
        assert_eq!(
            (outcome.state, outcome.late_by),
            (*state, *late),
            "{updates:?} at {now}"
        );
    }
}

#[test]
fn an_eta_is_kept_by_the_fix_and_superseded_by_a_newer_eta_before_its_time() {
    use PromiseState::*;
    let first = promise("a", PromiseKind::Eta, at(14, 0), Some(at(15, 0)));
    let revised = promise("b", PromiseKind::Eta, at(14, 50), Some(at(15, 30)));
    let too_late = promise("c", PromiseKind::Eta, at(15, 10), Some(at(15, 30)));
    let judged = |restored: &[DateTime<Utc>], others: &[Promise], now| {
        let all: Vec<Promise> = std::iter::once(first.clone())
            .chain(others.iter().cloned())
            .collect();
        judge(
            &first,
            &After {
                updates: &[],
                restored,
                promises: &all,
            },
            now,
        )
    };
    assert_eq!(judged(&[], &[], at(14, 30)).state, Open);
    let kept = judged(&[at(14, 55)], &[], at(16, 0));
    assert_eq!((kept.state, kept.late_by), (Kept, Some(-300)));
    let late = judged(&[at(15, 20)], &[], at(16, 0));
    assert_eq!((late.state, late.late_by), (Broken, Some(1200)));
    assert_eq!(judged(&[], &[], at(15, 10)).state, Broken);
    // A restoration before the promise does not settle it.
    assert_eq!(judged(&[at(13, 0)], &[], at(14, 30)).state, Open);
    let replaced = judged(&[], &[revised], at(16, 0));
    assert_eq!(
        (replaced.state, replaced.superseded_by.as_deref()),
        (Superseded, Some("b"))
    );
    // A new time given after the old one passed does not unbreak it.
    assert_eq!(judged(&[], &[too_late], at(16, 0)).state, Broken);
    // Undated ETAs can still be replaced, and otherwise stay undated.
    let vague = promise("v", PromiseKind::Eta, at(14, 0), None);
    let after = After {
        updates: &[],
        restored: &[at(14, 30)],
        promises: &[],
    };
    assert_eq!(judge(&vague, &after, at(16, 0)).state, Undated);
}

#[test]
fn the_summary_counts_states_and_takes_medians() {
    let p = |kind| promise("x", kind, at(14, 0), Some(at(15, 0)));
    let o = |state, settled: Option<DateTime<Utc>>, late: Option<i64>| PromiseOutcome {
        state,
        settled_at: settled,
        late_by: late,
        superseded_by: None,
    };
    let next = p(PromiseKind::NextUpdate);
    let eta = p(PromiseKind::Eta);
    let judged = [
        (
            next.clone(),
            o(PromiseState::Kept, Some(at(14, 50)), Some(-600)),
        ),
        (next.clone(), o(PromiseState::Broken, None, Some(300))),
        (
            eta.clone(),
            o(PromiseState::Kept, Some(at(14, 58)), Some(-120)),
        ),
        (
            eta.clone(),
            o(PromiseState::Broken, Some(at(15, 30)), Some(1800)),
        ),
        (
            eta.clone(),
            o(PromiseState::Superseded, Some(at(14, 40)), None),
        ),
        (eta, o(PromiseState::Undated, None, None)),
    ];
    let refs: Vec<(&Promise, &PromiseOutcome)> = judged.iter().map(|(p, o)| (p, o)).collect();
    let summary = PromiseSummary::of(&refs, &[600, 1800, 120]);
    assert_eq!(
        (
            summary.made,
            summary.kept,
            summary.broken,
            summary.superseded,
            summary.undated
        ),
        (6, 2, 2, 1, 1)
    );
    assert_eq!(summary.kept_percent, Some(50));
    // ETA errors 120 s and 1,800 s: the median is their mean.
    assert_eq!(summary.median_eta_error, Some(960));
    assert_eq!(summary.first_public_update, Some(600));
    assert_eq!(PromiseSummary::of(&[], &[]).kept_percent, None);
}

#[test]
fn a_next_update_promise_needs_its_own_countdown_only_when_it_differs_from_the_deadline() {
    let deadline = Deadline {
        audience: Audience::Customers,
        due_at: at(14, 30),
        cadence_minutes: 30,
        relaxed: false,
        snoozed: false,
    };
    let same = promise("s", PromiseKind::NextUpdate, at(14, 0), Some(at(14, 30)));
    let sooner = promise("e", PromiseKind::NextUpdate, at(14, 0), Some(at(14, 15)));
    let eta = promise("t", PromiseKind::Eta, at(14, 0), Some(at(14, 30)));
    assert!(!same.beside_cadence(Some(&deadline)));
    assert!(sooner.beside_cadence(Some(&deadline)));
    assert!(same.beside_cadence(None));
    assert!(eta.beside_cadence(Some(&deadline)));
    assert!(!promise("u", PromiseKind::Eta, at(14, 0), None).beside_cadence(None));
}

//! Guardrails: the "what not to say" linter run on every draft.
//!
//! Pure functions over text: [`lint`] finds every span a rule objects to, and
//! [`GuardrailSettings::apply`] decides, per audience, which findings matter and
//! whether they block publishing. The rules themselves live in `rules`; the
//! labelled corpus that measures them is read by `corpus`.

pub mod corpus;
mod rules;
mod settings;

pub(crate) use rules::promised_fix_times;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use settings::{AudienceGuardrails, GuardrailSettings, Strictness};

/// Which guardrail a finding comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    Speculation,
    Blame,
    UnconfirmedEta,
    PrematureResolution,
    Jargon,
    PersonName,
    /// The draft disagrees with what another audience was told (see `told`).
    Contradiction,
    /// The draft is current and another audience still reads older news.
    AudienceBehind,
    /// A ticket, channel, host or codename told internally, about to go out.
    InternalDetail,
}

impl Rule {
    /// The linter's rules, the ones the corpus measures. The consistency
    /// rules ([`Rule::CONSISTENCY`]) compare audiences, not one text.
    pub const ALL: [Rule; 6] = [
        Self::Speculation,
        Self::Blame,
        Self::UnconfirmedEta,
        Self::PrematureResolution,
        Self::Jargon,
        Self::PersonName,
    ];

    pub const CONSISTENCY: [Rule; 3] = [
        Self::Contradiction,
        Self::AudienceBehind,
        Self::InternalDetail,
    ];

    /// Whether a strict audience's finding of this rule stops publishing. An
    /// audience left behind is news for the lead, not a fault in the draft.
    pub fn can_block(self) -> bool {
        self != Self::AudienceBehind
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Speculation => "speculation",
            Self::Blame => "blame",
            Self::UnconfirmedEta => "unconfirmed_eta",
            Self::PrematureResolution => "premature_resolution",
            Self::Jargon => "jargon",
            Self::PersonName => "person_name",
            Self::Contradiction => "contradiction",
            Self::AudienceBehind => "audience_behind",
            Self::InternalDetail => "internal_detail",
        }
    }

    pub fn parse(text: &str) -> Option<Rule> {
        Self::ALL
            .into_iter()
            .chain(Self::CONSISTENCY)
            .find(|r| r.as_str() == text)
    }

    /// Why the rule exists, in one sentence the lead can act on.
    pub fn why(self) -> &'static str {
        match self {
            Self::Speculation => {
                "Guessing at the cause mid-incident is often wrong, and a wrong public cause is hard to take back."
            }
            Self::Blame => {
                "Naming a team, a person or a vendor as at fault shifts blame instead of owning the problem."
            }
            Self::UnconfirmedEta => {
                "An ETA the IC has not confirmed becomes a broken promise if it slips."
            }
            Self::PrematureResolution => {
                "Calling it resolved before the metrics have held through monitoring risks a second, worse announcement."
            }
            Self::Jargon => {
                "Hostnames, addresses, codenames and error codes mean nothing to readers outside the team and can expose internals."
            }
            Self::PersonName => "Naming people in incident updates exposes them and invites blame.",
            Self::Contradiction => {
                "Two audiences told different things about one incident will compare notes, and trust neither."
            }
            Self::AudienceBehind => {
                "An audience that reads older news than the others hears it from someone else first."
            }
            Self::InternalDetail => {
                "Tickets, channels, hosts and codenames meant for the team mean nothing outside it and can expose internals."
            }
        }
    }

    /// A sentence the lead could publish in its place: honest, and clear of
    /// every rule (a test lints each one).
    pub fn suggestion(self) -> &'static str {
        match self {
            Self::Speculation => {
                "We are still investigating the cause, and we will share what we learn once we are sure."
            }
            Self::Blame => {
                "Some customers cannot complete payments, and our team is working to restore service."
            }
            Self::UnconfirmedEta => "Our next update will be by 15:00 UTC.",
            Self::PrematureResolution => {
                "A fix has been implemented and we are monitoring the results."
            }
            Self::Jargon => "Some requests to our service are failing or are slow.",
            Self::PersonName => "Our on-call engineer is working on the issue.",
            Self::Contradiction => {
                "We are investigating an issue, and our next update will be by 15:00 UTC."
            }
            Self::AudienceBehind => "We have identified the cause and are working on a fix.",
            Self::InternalDetail => "Some customers cannot complete payments.",
        }
    }
}

/// One thing a rule objects to, with its exact span.
///
/// `start` and `end` count UTF-16 code units, the unit the editor's text uses,
/// so the window can highlight the span directly; `text` is the span itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Finding {
    pub rule: Rule,
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub why: String,
    pub suggestion: String,
    /// Whether it stops publishing (the audience is strict) until overridden.
    pub blocking: bool,
}

/// What the linter needs to know beyond the text.
#[derive(Debug, Clone, Copy, Default)]
pub struct LintContext<'a> {
    /// The latest IC sync marks the ETA as confirmed.
    pub eta_confirmed: bool,
    /// The resolution gate is open: all-clear wording may go out.
    pub resolution_allowed: bool,
    /// Internal codenames (user-edited) that must not reach outsiders.
    pub glossary: &'a [String],
    /// People's names to catch whatever they are: the roster in Settings and
    /// the incident's own people (commander, comms lead, ask owners).
    pub names: &'a [String],
    /// The names our own organisation goes by (Settings): a company named
    /// as having had the trouble is blamed unless it is one of these.
    pub ourselves: &'a [String],
}

/// Compiles the rules' patterns ahead of the first draft (about 0.3 s once per
/// process on a 2-core machine); the shell calls it on a background thread at
/// start, so the window never waits for it.
pub fn warm_up() {
    rules::compile_all();
}

/// Every finding in `text`, in order of position. None blocks yet: that depends
/// on the audience (see [`GuardrailSettings::apply`]).
pub fn lint(text: &str, context: &LintContext<'_>) -> Vec<Finding> {
    lint_with(text, context, true)
}

/// [`lint`] by the hand-written patterns alone, without the learned model:
/// the baseline `.dev/classifier-experiment.py` trains the model against.
pub fn lint_by_patterns(text: &str, context: &LintContext<'_>) -> Vec<Finding> {
    lint_with(text, context, false)
}

/// The rules beside a learned model (ETA, all-clear) that settle `sentence`
/// themselves (a phrase they judge, an honest "no estimate", a promise of
/// the next update, or what is still failing): the model leaves those
/// sentences to them, and
/// `.dev/classifier-experiment.py` measures it the same way.
pub fn settled_by_patterns(sentence: &str) -> Vec<Rule> {
    rules::settled_by_patterns(sentence)
}

fn lint_with(text: &str, context: &LintContext<'_>, learned: bool) -> Vec<Finding> {
    let mut spans = rules::find_all(text, context, learned);
    spans.sort_by_key(|s| (s.start, s.rule, s.end));
    merge_overlaps(&mut spans);
    let units = Utf16Offsets::new(text, spans.iter().flat_map(|s| [s.start, s.end]));
    spans
        .into_iter()
        .map(|span| Finding {
            rule: span.rule,
            start: units.at(span.start),
            end: units.at(span.end),
            text: text[span.start..span.end].to_owned(),
            why: why(&span),
            suggestion: span.rule.suggestion().to_owned(),
            blocking: false,
        })
        .collect()
}

/// A byte range a rule matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    rule: Rule,
    start: usize,
    end: usize,
    /// Found by the learned model rather than the rule's patterns.
    by_model: bool,
}

/// Why the span is a finding. The learned model's findings say so, since
/// the lead sees words highlighted that no phrase list names.
fn why(span: &Span) -> String {
    let why = span.rule.why();
    if !span.by_model {
        return why.to_owned();
    }
    let like = match span.rule {
        Rule::UnconfirmedEta => "a promised time for the fix",
        _ => "an all-clear",
    };
    format!("Herald's trained model reads these words as {like}. {why}")
}

/// Joins overlapping spans of the same rule, so one phrase is one finding.
fn merge_overlaps(spans: &mut Vec<Span>) {
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans.drain(..) {
        if let Some(same) = merged
            .iter_mut()
            .rev()
            .find(|m| m.rule == span.rule && span.start < m.end)
        {
            same.end = same.end.max(span.end);
        } else {
            merged.push(span);
        }
    }
    *spans = merged;
}

/// The UTF-16 offsets of a set of byte offsets, counted in one pass over
/// the draft. Spans of different rules overlap, so their offsets do not
/// come in order; counting from the start again for each one that goes
/// back made a draft with thousands of findings quadratic.
struct Utf16Offsets {
    /// Byte offsets in increasing order, each with its UTF-16 offset.
    table: Vec<(usize, u32)>,
}

impl Utf16Offsets {
    fn new(text: &str, bytes: impl Iterator<Item = usize>) -> Self {
        let mut bytes: Vec<usize> = bytes.collect();
        bytes.sort_unstable();
        bytes.dedup();
        let mut table = Vec::with_capacity(bytes.len());
        let (mut byte, mut unit) = (0, 0u32);
        for at in bytes {
            let units = text[byte..at].encode_utf16().count();
            unit = unit.saturating_add(u32::try_from(units).unwrap_or(u32::MAX));
            byte = at;
            table.push((at, unit));
        }
        Self { table }
    }

    fn at(&self, byte: usize) -> u32 {
        // Every offset asked for was given to `new`, so it is found.
        let found = self.table.binary_search_by_key(&byte, |&(at, _)| at);
        debug_assert!(found.is_ok(), "a span's offset was not counted");
        found.map_or(0, |i| self.table[i].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_in(text: &str, context: &LintContext<'_>) -> Vec<&'static str> {
        lint(text, context)
            .iter()
            .map(|f| f.rule.as_str())
            .collect()
    }

    /// The rules that fire on `text` in a customer update with no gate open
    /// and nothing known of the incident: the strictest reading.
    fn strict_rules(text: &str) -> Vec<&'static str> {
        rules_in(text, &LintContext::default())
    }

    /// Whether `rule` fires on `text` read the strictest way.
    fn strictly_finds(rule: &str, text: &str) -> bool {
        strict_rules(text).contains(&rule)
    }

    #[test]
    fn word_edges_hold_beside_letters_outside_ascii() {
        // The first-name list keeps Unicode word edges: a name ending in an
        // accented letter is a name, and one running on into more letters
        // is not that name.
        let found = lint("Generated by André Luís on 8 Oct.", &LintContext::default());
        assert!(
            found
                .iter()
                .any(|f| f.rule == Rule::PersonName && f.text.starts_with("André")),
            "{found:?}"
        );
        assert!(!strictly_finds(
            "person_name",
            "The Andréa Building was closed."
        ));
        // The other patterns read word edges in ASCII: a curly apostrophe
        // or an accented word beside a phrase changes nothing.
        assert!(strictly_finds(
            "speculation",
            "We think the café’s cache broke."
        ));
        assert!(strictly_finds(
            "blame",
            "The outage was caused by AWS in Zürich."
        ));
        assert!(!strictly_finds("jargon", "Le déploiement est terminé."));
    }

    #[test]
    fn a_draft_with_no_full_stop_is_still_read_phrase_by_phrase() {
        // A paste longer than the rules' reach (a thousand bytes each way
        // from a phrase) with no sentence end: each phrase is still judged
        // by the words near it, and the spans still quote the draft.
        let filler = "and the queue kept growing ".repeat(60);
        let text =
            format!("{filler}we think the cache broke {filler}the issue is resolved {filler}");
        let found = lint(&text, &LintContext::default());
        for rule in [Rule::Speculation, Rule::PrematureResolution] {
            assert!(
                found.iter().any(|f| f.rule == rule),
                "no {rule:?}: {found:?}"
            );
        }
        let units: Vec<u16> = text.encode_utf16().collect();
        for f in &found {
            assert_eq!(
                String::from_utf16_lossy(&units[f.start as usize..f.end as usize]),
                f.text
            );
        }
    }

    #[test]
    fn a_finding_names_its_exact_span_in_utf16_units() {
        let text = "🙏 We think the cache broke.";
        let findings = lint(text, &LintContext::default());
        let first = &findings[0];
        assert_eq!(first.rule, Rule::Speculation);
        assert_eq!(first.text, "We think");
        // The emoji is two UTF-16 units, then a space.
        assert_eq!((first.start, first.end), (3, 11));
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let second = &findings[1];
        assert_eq!(
            String::from_utf16_lossy(&utf16[second.start as usize..second.end as usize]),
            second.text
        );
        assert!(!first.why.is_empty() && !first.suggestion.is_empty());
    }

    #[test]
    fn every_suggestion_is_a_sentence_that_passes_every_rule() {
        let strict = LintContext::default();
        for rule in Rule::ALL.into_iter().chain(Rule::CONSISTENCY) {
            let suggestion = rule.suggestion();
            assert!(suggestion.ends_with('.'), "{suggestion}");
            let found = rules_in(suggestion, &strict);
            assert!(found.is_empty(), "{rule:?}'s suggestion trips {found:?}");
        }
    }

    #[test]
    fn a_quoted_failure_is_jargon_in_any_quotes_but_a_plain_notice_is_not() {
        let strict = LintContext::default();
        for text in [
            "We saw the error \"Service Unavailable\" on the login page.",
            "Customers saw “upstream connect error or disconnect/reset before headers” in the app.",
            "Some received “Error 50003: session expired” when signing in.",
            // An HTTP reason as the server words it, and a vendor's code.
            "Some uploads failed with \"Payload Too Large\" this morning.",
            "Sign-ins through single sign-on failed with AADSTS700016.",
            "Reports failed with ORA-01555 overnight.",
        ] {
            assert!(rules_in(text, &strict).contains(&"jargon"), "{text}");
        }
        for text in [
            "You may see a \"Delivery is delayed\" notice in your inbox.",
            "You may get a “bounce back” message for a while.",
            "Some checkouts failed with \"Payment declined\" this morning.",
        ] {
            assert!(rules_in(text, &strict).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_speaker_named_by_surname_alone_is_a_person_but_a_heading_is_not() {
        let strict = LintContext::default();
        for text in [
            "Okafor said the repairs were going well.",
            "\"We are on it,\" Okafor said.",
            "Okafor added that the repairs were going well.",
        ] {
            assert_eq!(rules_in(text, &strict), ["person_name"], "{text}");
        }
        for text in [
            "Capacity added: two more servers.",
            "Acme said it was working on a fix.",
            "That said, we are still investigating.",
        ] {
            let found = rules_in(text, &strict);
            assert!(!found.contains(&"person_name"), "{text}: {found:?}");
        }
    }

    #[test]
    fn part_of_the_way_back_is_progress_but_a_fix_for_most_is_still_claimed() {
        let strict = LintContext::default();
        assert!(
            rules_in(
                "Service has been restored to about half of our customers.",
                &strict
            )
            .is_empty()
        );
        assert!(rules_in("Power was restored for most homes by noon.", &strict).is_empty());
        assert_eq!(
            rules_in("The issue is fully resolved for most users.", &strict),
            ["premature_resolution"]
        );
    }

    #[test]
    fn context_turns_eta_and_resolution_rules_off() {
        let text = "The issue is resolved and service will be restored within 30 minutes.";
        assert_eq!(
            rules_in(text, &LintContext::default()),
            ["premature_resolution", "unconfirmed_eta"]
        );
        let open = LintContext {
            eta_confirmed: true,
            resolution_allowed: true,
            ..LintContext::default()
        };
        assert!(rules_in(text, &open).is_empty());
    }

    #[test]
    fn the_roster_and_the_incidents_people_are_caught_by_name() {
        let names = vec!["Xiomara Quist".to_owned(), "Bo Chen".to_owned()];
        let context = LintContext {
            names: &names,
            ..LintContext::default()
        };
        let found = lint("xiomara quist and Bo are on it; bo knows.", &context);
        let spans: Vec<_> = found.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(spans, ["xiomara quist", "Bo"]);
        assert!(found.iter().all(|f| f.rule == Rule::PersonName));
        assert!(lint("Xiomara Quist", &LintContext::default()).is_empty());
    }

    #[test]
    fn words_inside_a_public_link_or_an_emoji_are_no_finding_but_an_internal_link_and_a_codename_are()
     {
        for clean in [
            "Details: https://status.acme.com/incidents/01HZX4Q7M2R9T3B5/updates?utm_source=herald&view=full",
            "See https://www.githubstatus.com/incidents/abc123def456.",
            "Read the postmortem at https://blog.acme.com/2024/05/post_mortem_api_outage.",
            "See https://acme.com/posts/John-Smith-explains-the-outage for the details.",
            "Pick your region at www.acme.com/status?region=eu-west-1 for updates.",
            // Links pasted from a shouting email or a printed notice, in capitals.
            "Details: HTTPS://STATUS.ACME.COM/INCIDENTS/01HZX4Q7?UTM_SOURCE=HERALD",
            "Visit Www.Acme.com/Status_Page_Updates for updates.",
            ":rotating_light: Card payments are failing for some customers.",
            "Status: :large_orange_circle: Investigating",
        ] {
            assert_eq!(strict_rules(clean), Vec::<&str>::new(), "{clean}");
        }
        // Colons inside a word are no emoji: what they hold is still read.
        assert_eq!(
            strict_rules("The backup stopped at 14:05:etcd_timeout: overnight."),
            ["jargon"]
        );
        // The words around a link are still read.
        assert_eq!(
            strict_rules(
                "We think the DNS change broke https://acme.com/login, and a fix will be live by 15:00 UTC."
            ),
            ["speculation", "jargon", "unconfirmed_eta"]
        );
        let internal = "Errors came from http://payments.internal:8080/health yesterday.";
        let found = lint(internal, &LintContext::default());
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].text, "http://payments.internal:8080/health");
        let glossary = vec!["bluefin".to_owned()];
        let context = LintContext {
            glossary: &glossary,
            ..LintContext::default()
        };
        let leaked = lint("See https://acme.com/projects/bluefin/status.", &context);
        let spans: Vec<_> = leaked.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(spans, ["bluefin"], "a codename leaks inside a link too");
    }

    #[test]
    fn a_time_counted_from_an_event_to_come_is_a_target_not_a_promise() {
        let eta = |text: &str| strictly_finds("unconfirmed_eta", text);
        assert!(eta("We expect to roll back within 15 minutes."));
        assert!(!eta(
            "The new process will allow a rollback within 15 minutes of detecting a problem."
        ));
        assert!(!eta(
            "We will page an engineer within 5 minutes of an alert firing."
        ));
    }

    #[test]
    fn a_named_vendors_bad_change_and_slow_engineers_are_blame() {
        let strict = LintContext::default();
        for text in [
            "The root cause was a bug introduced to the Google Cloud networking stack.",
            "Diagnosis and resolution took Google engineers over 24 hours.",
        ] {
            assert!(rules_in(text, &strict).contains(&"blame"), "{text}");
        }
    }

    /// Whether `text` blames a party when our own names are `ourselves`.
    fn blamed_by(ourselves: &[&str], text: &str) -> bool {
        let names: Vec<String> = ourselves.iter().map(|name| (*name).to_owned()).collect();
        let context = LintContext {
            ourselves: &names,
            ..LintContext::default()
        };
        rules_in(text, &context).contains(&"blame")
    }

    #[test]
    fn a_named_vendor_shipping_the_fix_or_telling_of_it_is_blame_unless_it_is_us() {
        for text in [
            "Twilio is rolling out a fix for the delayed texts.",
            "Fastly has deployed a patch to its edge network.",
            "Login errors were fixed by Okta at 10:20 UTC.",
            "Zendesk confirms that ticket creation is working again.",
        ] {
            assert!(blamed_by(&["Acme"], text), "{text}");
        }
        // Our own fix, and our own name, are no party to blame.
        assert!(!blamed_by(
            &["Acme"],
            "We are rolling out a fix for the delayed texts."
        ));
        assert!(!blamed_by(
            &["GitHub"],
            "GitHub has deployed a fix for the failing Actions runs."
        ));
    }

    #[test]
    fn somebody_who_broke_in_is_blamed_but_the_risk_of_them_is_not() {
        let blamed = |text: &str| strictly_finds("blame", text);
        for text in [
            "The fibre was cut by third party road works.",
            "Hackers gained access to the network through a stolen laptop.",
            "The token had been compromised by an unauthorized third party.",
            "This threat actor successfully stole a valid session.",
        ] {
            assert!(blamed(text), "{text}");
        }
        for text in [
            "We are adding checks that protect your account against hackers.",
            "Hackers are bypassing multifactor authentication across the industry.",
        ] {
            assert!(!blamed(text), "{text}");
        }
    }

    #[test]
    fn our_own_tools_and_our_own_status_page_are_no_party_at_fault() {
        let blamed = |text: &str| strictly_finds("blame", text);
        assert!(blamed("The vendor did not alert us to the change."));
        assert!(!blamed("Our monitoring did not alert us to any issues."));
        assert!(blamed("We escalated it to Fibrelink."));
        assert!(!blamed("At 10:52 PM we reported it to StatusPage."));
        // A named cloud is somebody else's even when it is "our" account there.
        assert!(blamed(
            "The root cause was an issue within our Google Cloud project's region."
        ));
    }

    #[test]
    fn event_handlers_submodules_volumes_and_tracing_are_jargon() {
        let jargon = |text: &str| strictly_finds("jargon", text);
        for text in [
            "The event handler fell behind.",
            "A git submodule reference was missing.",
            "Persistent volumes were slow to attach.",
            "Our metrics and tracing showed fewer jobs.",
        ] {
            assert!(jargon(text), "{text}");
        }
        // Tracing a cause is plain work, not a system.
        assert!(!jargon("We are tracing the cause of the delays."));
    }

    #[test]
    fn a_backlog_worked_through_is_an_all_clear_and_a_jobs_queue_is_jargon() {
        let rules = strict_rules;
        assert!(
            rules("We have worked through all of the backlog.").contains(&"premature_resolution")
        );
        assert!(rules("We have drained the email backlog.").contains(&"premature_resolution"));
        assert!(!rules("We are working through the backlog.").contains(&"premature_resolution"));
        assert!(rules("Our jobs queue was growing quickly.").contains(&"jargon"));
    }

    #[test]
    fn a_term_spelled_out_in_the_draft_and_the_emergency_number_are_plain() {
        let jargon = |text: &str| strictly_finds("jargon", text);
        assert!(jargon("The CLI information was missing."));
        assert!(!jargon(
            "There was no Calling Line Identification (CLI) information on the calls."
        ));
        // Initials in brackets after other words explain nothing.
        assert!(jargon("It was found 1.7 days (CLI) later."));
        assert!(jargon("Calls to db-03 failed."));
        assert!(!jargon("Calls to triple-0 could not be transferred."));
        assert!(jargon("The routing information changed after the upgrade."));
    }

    #[test]
    fn a_service_running_stably_is_an_all_clear_and_a_union_secretary_a_person() {
        let rules = strict_rules;
        assert!(
            rules("From 5:00 the service was running stably.").contains(&"premature_resolution")
        );
        assert!(
            rules("Union secretary Danny Hill said it was distressing.").contains(&"person_name")
        );
    }

    #[test]
    fn a_service_healthy_again_is_an_all_clear() {
        let rules = strict_rules;
        assert!(
            rules("Pages was considered healthy again by 22:21 UTC.")
                .contains(&"premature_resolution")
        );
        assert!(!rules("We are working to make Pages healthy.").contains(&"premature_resolution"));
    }

    #[test]
    fn another_hour_is_an_eta_and_a_cloud_s_instances_are_jargon() {
        let rules = strict_rules;
        assert!(rules("We estimate another hour of downtime.").contains(&"unconfirmed_eta"));
        assert!(
            rules("The rollout was fully completed at 14:30.").contains(&"premature_resolution")
        );
        assert!(rules("Two of our instances were rebooted.").contains(&"jargon"));
        assert!(!rules("In both instances engineers responded.").contains(&"jargon"));
    }

    #[test]
    fn a_provider_named_by_a_slashed_role_is_blamed_and_a_kv_store_is_jargon() {
        let rules = strict_rules;
        let found = rules("Pipes, our CI/CD provider, experienced a complete outage.");
        assert!(found.contains(&"blame"), "{found:?}");
        assert!(rules("Latency rose in our KV Store.").contains(&"jargon"));
        assert!(rules("The aggregation layer was unstable.").contains(&"jargon"));
        assert!(rules("Client connections failed to authenticate.").contains(&"jargon"));
    }

    #[test]
    fn limits_set_by_another_and_a_diagnosis_pointing_somewhere_are_flagged() {
        let rules = strict_rules;
        assert!(rules("Rate limits imposed by Acme slowed syncing.").contains(&"blame"));
        assert!(!rules("Rate limits imposed by our team slowed syncing.").contains(&"blame"));
        let found = rules("Current diagnosis points to issues at the data centre.");
        assert!(found.contains(&"speculation"), "{found:?}");
        assert!(
            rules("The monitor is no longer reporting errors.").contains(&"premature_resolution")
        );
        assert!(rules("Queries resumed normal performance.").contains(&"premature_resolution"));
    }

    #[test]
    fn investigating_with_a_vendor_s_team_blames_nobody_and_a_failback_is_jargon() {
        let rules = strict_rules;
        let with_them = "We are investigating the issues with the Google Cloud Platform team.";
        assert!(!rules(with_them).contains(&"blame"));
        assert!(rules("We saw issues with Google Cloud all morning.").contains(&"blame"));
        assert!(
            rules("Engineers had to manually failback to the original region.").contains(&"jargon")
        );
    }

    #[test]
    fn a_timeline_line_where_it_recovers_and_a_full_recovery_seen_are_all_clears() {
        let strict = LintContext::default();
        let clear = |text: &str| strictly_finds("premature_resolution", text);
        assert!(clear(
            "19:17 UTC - Control Panel recovers; teams continue to investigate"
        ));
        assert!(clear(
            "22:32 UTC - Outage to Billing area of Control Panel ends"
        ));
        assert!(clear(
            "By 00:12 UTC, users saw some improvement and full recovery of Pages."
        ));
        assert!(!clear("We are working towards full recovery of Pages."));
        let blame = |text: &str| strictly_finds("blame", text);
        assert!(blame("A bug in the GCP User Console removed the groups."));
        assert!(blame(
            "It was caused by a disruption of the load balancer service provided by AWS."
        ));
        assert!(!blame("We fixed a bug in our console."));
        assert!(rules_in("Blob storage endpoints were unreachable.", &strict).contains(&"jargon"));
    }

    #[test]
    fn a_cloud_machine_failing_a_tool_s_timeline_and_a_deadline_error_are_caught() {
        let rules = strict_rules;
        assert!(
            rules("Requests stalled after an EC2 instance hosting our API failed.")
                .contains(&"blame")
        );
        assert!(rules("An AWS server became unresponsive at 17:28.").contains(&"blame"));
        assert!(!rules("We replaced the server that failed.").contains(&"blame"));
        // A person who changed the incident in the tool's timeline, however
        // rare the name; a company doing so is not a person.
        let person = |text: &str| rules(text).contains(&"person_name");
        assert!(person(
            "11:21 UTC Ines Duarte set the status to Investigating."
        ));
        assert!(!person("11:21 UTC Google Cloud updated the status page."));
        assert!(
            rules("Jobs stopped with a \"context deadline exceeded\" error.").contains(&"jargon")
        );
        assert!(rules("We moved the project to another pageserver.").contains(&"jargon"));
        // What could not be restored yet is no all-clear, even to the model.
        let not_yet = "Even after fixing the underlying issue, we weren't able to restore service right away.";
        assert!(
            !rules(not_yet).contains(&"premature_resolution"),
            "{not_yet}"
        );
    }

    #[test]
    fn a_question_claims_no_all_clear_and_a_database_s_inner_words_are_jargon() {
        let rules = strict_rules;
        assert!(!rules("Could it have been resolved sooner?").contains(&"premature_resolution"));
        assert!(rules("It was resolved sooner than expected.").contains(&"premature_resolution"));
        let jargon = |text: &str| rules(text).contains(&"jargon");
        assert!(jargon("A few requests returned 200, but slowly."));
        assert!(!jargon("The search returned 200 results."));
        assert!(jargon("An inefficient query plan slowed every page."));
        assert!(jargon("A virtual instance hosting a database went dark."));
    }

    #[test]
    fn a_vendor_s_service_that_had_an_outage_is_blamed_and_our_own_kit_is_not() {
        let blamed = |text: &str| strictly_finds("blame", text);
        assert!(blamed("Amazon’s Route53 DNS service had an outage."));
        assert!(blamed("We found our hosting provider was to blame."));
        assert!(!blamed(
            "We found that our ingest instances in one region were to blame."
        ));
        assert!(!blamed(
            "A misconfigured alert that did not trigger and didn’t alert us."
        ));
        let cleared = |text: &str| strictly_finds("premature_resolution", text);
        assert!(cleared("The user interface recovered around 14:48 UTC."));
        assert!(cleared("Ingestion came back around 15:15 UTC."));
        assert!(!cleared(
            "We expect the service to have recovered by 15:00 UTC."
        ));
        assert!(!strictly_finds(
            "speculation",
            "As it turned out, our initial diagnosis was incorrect."
        ));
        assert!(strictly_finds(
            "speculation",
            "Our initial diagnosis is a failed disk."
        ));
        let jargon = |text: &str| strictly_finds("jargon", text);
        assert!(jargon("We last ingested data for each field an hour ago."));
        assert!(jargon("Execution resulted in a nil pointer dereference."));
        assert!(jargon("It slowed our dogfooding environment."));
        assert!(!jargon("That’s a switch we had done many times."));
        assert!(jargon("The failed switch was replaced."));
    }

    #[test]
    fn a_fix_planned_for_a_month_s_end_is_an_eta_and_a_machine_s_code_is_jargon() {
        assert!(strictly_finds(
            "unconfirmed_eta",
            "The provider plans a full fix by the end of June."
        ));
        assert!(!strictly_finds(
            "unconfirmed_eta",
            "The outage began at the end of June."
        ));
        let jargon = |text: &str| strictly_finds("jargon", text);
        assert!(jargon("The osc-secnum-fr1 region was unaffected."));
        assert!(!jargon("Text-to-911 worked throughout."));
        assert!(jargon(
            "We are working on a new orchestration architecture."
        ));
        assert!(jargon(
            "Time series systems fail to receive ingress traffic."
        ));
        assert!(jargon("Logs drains are delayed."));
    }

    #[test]
    fn a_program_s_slip_is_no_blame_and_a_finished_catch_up_is_an_all_clear() {
        let blamed = |text: &str| strictly_finds("blame", text);
        assert!(!blamed(
            "This automated process inadvertently deployed a set of rules."
        ));
        assert!(blamed(
            "The change was inadvertently pushed to every region."
        ));
        assert!(blamed("A manual mistake in a rule triggered the surge."));
        let cleared = |text: &str| strictly_finds("premature_resolution", text);
        assert!(cleared("After 18 hours, all the events were processed."));
        assert!(cleared(
            "It took 6 hours to completely synchronize the data."
        ));
        assert!(strictly_finds(
            "jargon",
            "A daily compaction process sorts new data."
        ));
    }

    #[test]
    fn relying_on_a_vendor_is_no_blame_until_the_sentence_has_trouble() {
        let blamed = |text: &str| strictly_finds("blame", text);
        assert!(!blamed(
            "We have relied on a third-party vendor to manage encryption keys."
        ));
        assert!(!blamed(
            "We are migrating from this third-party vendor to our own product."
        ));
        assert!(blamed(
            "All servers relying on the affected DNS provider experienced downtime."
        ));
        assert!(blamed(
            "It lasted until 01:50 UTC due to cascading outages at critical vendors."
        ));
        let jargon = |text: &str| strictly_finds("jargon", text);
        assert!(jargon("A migration caused locks on critical tables."));
        assert!(jargon("We found malformed API payloads."));
        assert!(!jargon("Your tables in Glide were not affected."));
        assert!(strictly_finds(
            "premature_resolution",
            "Delayed checks were eventually processed across all regions."
        ));
    }

    #[test]
    fn watching_a_third_party_is_no_blame_and_resumed_notifications_are_an_all_clear() {
        let blamed = |text: &str| strictly_finds("blame", text);
        assert!(!blamed(
            "Monitor 3rd party statuses to catch trouble early."
        ));
        assert!(blamed("We're monitoring the AWS ongoing issue."));
        assert!(strictly_finds(
            "premature_resolution",
            "At 10:01 UTC the endpoints were re-enabled and notifications resumed."
        ));
        let jargon = |text: &str| strictly_finds("jargon", text);
        assert!(jargon("Only a single dispatcher was active."));
        assert!(jargon("The old snapshot expired today."));
        // Jobs that completed are not the incident's end.
        assert!(!strictly_finds(
            "premature_resolution",
            "We got an alert for a buildup of successfully completed jobs."
        ));
    }

    #[test]
    fn the_acronym_closing_or_opening_our_own_name_is_no_jargon() {
        let ours = ["travis-ci".to_owned(), "pos-portal".to_owned()];
        let context = LintContext {
            ourselves: &ours,
            ..LintContext::default()
        };
        let jargon = |text: &str| rules_in(text, &context).contains(&"jargon");
        assert!(!jargon("We know you rely on Travis CI every day."));
        assert!(!jargon("Travis CI’s infrastructure is many services."));
        assert!(!jargon("The POS Portal API is unavailable"));
        // Not ours: another company's initials still need explaining.
        assert!(jargon("We know you rely on Acme CI every day."));
        assert!(jargon("The PBX terminal is unavailable"));
    }

    #[test]
    fn counted_instances_are_jargon_and_a_clause_after_but_claims_on_its_own() {
        let jargon = |text: &str| strictly_finds("jargon", text);
        assert!(jargon("The remaining instances were overwhelmed."));
        assert!(jargon("Scaling increased the number of instances."));
        assert!(jargon("We restarted one of our in-memory storage nodes."));
        assert!(jargon("Impact: Backend API offline"));
        assert!(!jargon("In this instance, the page loaded slowly."));
        let cleared = |text: &str| strictly_finds("premature_resolution", text);
        assert!(cleared("This restored the platform."));
        assert!(cleared(
            "We'll continue to monitor closely but we don't anticipate any other regression."
        ));
        // The promise still reaches an all-clear in its own clause.
        assert!(!cleared(
            "We will continue to monitor until it is resolved."
        ));
        assert!(strictly_finds(
            "speculation",
            "The incident was closed, tracing it back to a plausible network outage."
        ));
    }

    #[test]
    fn how_calls_travel_is_jargon_and_a_network_that_healed_itself_is_an_all_clear() {
        let jargon = |text: &str| strictly_finds("jargon", text);
        assert!(jargon("Overlapping packets were dropped."));
        assert!(jargon("Multicast traffic was causing this activity."));
        assert!(jargon("The cause was a file system error."));
        assert!(jargon("New session handshakes failed globally."));
        assert!(jargon("Our web socket signalling layer was overloaded."));
        // Railway signalling is a plain word.
        assert!(!jargon("Trains were held at the signalling centre."));
        let cleared = |text: &str| strictly_finds("premature_resolution", text);
        assert!(cleared(
            "Resolution: The network auto-healed itself within 10 minutes."
        ));
        assert!(cleared(
            "The source of the traffic was turned off, resulting in a clearing of the issue."
        ));
        assert!(strictly_finds(
            "blame",
            "Simultaneously, the vendor was engaged to revert their breaking release."
        ));
    }

    #[test]
    fn a_timeline_line_where_trouble_ceases_or_an_error_is_corrected_is_an_all_clear() {
        let cleared = |text: &str| strictly_finds("premature_resolution", text);
        assert!(cleared(
            "17:00 UTC - Intermittent network unavailability ceases"
        ));
        assert!(cleared(
            "1213PST: Configuration error corrected and the certificate deployed."
        ));
        // What ceases at the start of an outage is the service, not the trouble.
        assert!(!cleared("03:39 - Network operations ceases"));
        assert!(cleared("11:25- Networking exceptions in VMs subside."));
        // Trouble that spikes up again is no service coming up again.
        assert!(!cleared("14:40- Network exceptions spike up again."));
        assert!(cleared("15:19- The site is up again."));
        let jargon = |text: &str| strictly_finds("jargon", text);
        assert!(jargon("Some customers received ServiceUnavailable errors."));
        assert!(jargon(
            "Refreshing the page failed with a JavaScript error."
        ));
        assert!(!jargon("Some customers received errors."));
    }

    #[test]
    fn a_vendor_telling_of_its_outage_is_blame_and_no_person() {
        let rules = strict_rules;
        let found = rules("Visa said the outage was caused by a hardware failure.");
        assert!(found.contains(&"blame"), "{found:?}");
        assert!(!found.contains(&"person_name"), "{found:?}");
        assert!(rules("Later the company said its systems had been down.").contains(&"blame"));
        // A surname speaking is still a person.
        assert!(rules("Hogg stated that customers would be compensated.").contains(&"person_name"));
        // An exchange that takes responsibility is an organisation, not a term.
        assert!(!rules("Despite the testing, ASX accepts responsibility.").contains(&"jargon"));
        assert!(
            !rules("Dominic Stevens, managing director of the ASX, said sorry.")
                .contains(&"jargon")
        );
    }

    #[test]
    fn a_denied_correlation_and_a_safeguards_effect_are_no_guess() {
        let guessed = |text: &str| strictly_finds("speculation", text);
        assert!(guessed("The errors correlated with the deploy."));
        assert!(!guessed(
            "No code or operational changes correlated with the timing."
        ));
        assert!(guessed("We believe the deploy caused the errors."));
        assert!(guessed(
            "We now believe we have narrowed the cause to a router."
        ));
        assert!(guessed(
            "A spokesman said the company believes a failed breaker caused the outage."
        ));
        assert!(!guessed("Officials believe everything is back to normal."));
        assert!(!guessed(
            "Owners of older phones are believed to have been most impacted."
        ));
        assert!(!guessed(
            "We added alerting, which we believe would have flagged this issue sooner."
        ));
    }

    #[test]
    fn a_hedge_about_the_scope_or_the_recovery_is_no_guess_at_the_cause() {
        let guessed = |text: &str| strictly_finds("speculation", text);
        for text in [
            "It looks like the issue is limited to Android users.",
            "We are seeing what appears to be a recovery in error rates.",
            "Early signs suggest the fix is working.",
        ] {
            assert!(!guessed(text), "{text}");
        }
        // The same hedges before a cause still guess.
        for text in [
            "It looks like the issue is a faulty disk in one rack.",
            "Early signs suggest a bad certificate caused the errors.",
            "The data points to a misconfigured firewall.",
            "It appears to be a recovery job that overloaded the database.",
        ] {
            assert!(guessed(text), "{text}");
        }
    }

    #[test]
    fn a_hedge_about_a_symptom_a_forecast_or_a_start_time_is_no_guess_at_the_cause() {
        let guessed = |text: &str| strictly_finds("speculation", text);
        for text in [
            "It appears the service is slow for some users.",
            "It seems that the problem is intermittent.",
            "It seems like the outage is over.",
            "We think the backlog will be cleared within the hour.",
            "The outage is believed to have started at around 2:30pm.",
            // A known bug told by what sets it off, and a suspicion confirmed.
            "We have found a bug that could be triggered by a rare combination of settings.",
            "At 10:05 we confirmed the change we suspected was the cause.",
        ] {
            assert!(!guessed(text), "{text}");
        }
        for text in [
            "It appears that a faulty switch caused the outage.",
            "It seems the database is slow because of a bad index.",
            "We think a bad deploy will turn out to be the cause.",
            "The outage is believed to have been caused by a power cut.",
            "The slowdown could be triggered by the nightly backup.",
            "We suspected a network fault, and we are still checking.",
        ] {
            assert!(guessed(text), "{text}");
        }
    }

    #[test]
    fn a_condition_still_to_come_goes_on_past_and() {
        let cleared = |text: &str| strictly_finds("premature_resolution", text);
        for text in [
            "We will keep monitoring until the backlog is processed and all services have recovered.",
            "We will update you once the engineer has left site and all works are completed.",
            "As soon as the carrier repairs the line and the situation has returned to normal we will tell you.",
        ] {
            assert!(!cleared(text), "{text}");
        }
        // A condition told in the past is history, and "and" after no
        // condition joins two things done.
        for text in [
            "As soon as we had restarted the servers and the queue had drained all services were back to normal.",
            "We rolled back the change and the service has recovered.",
        ] {
            assert!(cleared(text), "{text}");
        }
    }

    #[test]
    fn an_issue_we_consider_resolved_is_cleared_and_one_we_await_word_of_is_not() {
        let cleared = |text: &str| strictly_finds("premature_resolution", text);
        assert!(cleared(
            "We now consider this technical issue to be resolved."
        ));
        assert!(cleared("We consider the incident to have been resolved."));
        // Backups that were never hit, unless they are back "now".
        assert!(cleared(
            "Backup power systems are now functioning normally."
        ));
        for text in [
            "We are awaiting confirmation from our payment partner that they have resolved the issue.",
            "Alternative payment methods are functioning as normal and can be used meanwhile.",
            "We will consider the issue resolved once error rates stay at zero for an hour.",
        ] {
            assert!(!cleared(text), "{text}");
        }
    }

    #[test]
    fn a_college_s_own_name_is_no_blame_and_initials_name_a_person() {
        // A college or university speaks of itself by its bare name, and
        // its IT department is its own; another company named so is not.
        assert!(!blamed_by(
            &["tcd"],
            "As you might already be aware, College experienced a loss of network connectivity."
        ));
        assert!(!blamed_by(
            &["ubc"],
            "IT has released its review of the outage."
        ));
        assert!(blamed_by(&["tcd"], "Dropbox experienced an outage."));
        // A fix found with a vendor is how it gets mended; trouble with
        // one is still theirs.
        assert!(!strictly_finds(
            "blame",
            "There will be planned downtime once we have identified a lasting fix with our vendor."
        ));
        assert!(strictly_finds(
            "blame",
            "The outage was caused by a fault with our vendor."
        ));
        // A signature with initials for a first name is a person's.
        assert!(strictly_finds(
            "person_name",
            "A message from PJ Hemmaway, Director of IT"
        ));
        let jargon = |text: &str| strictly_finds("jargon", text);
        assert!(jargon("A network interface became unresponsive."));
        assert!(jargon(
            "The cause was a failure within the routing and switching hardware."
        ));
    }

    #[test]
    fn a_provider_that_mends_the_trouble_itself_is_blamed_though_we_worked_with_it() {
        let blamed = |text: &str| strictly_finds("blame", text);
        for text in [
            "We contacted our cloud provider and they fixed the issue within minutes.",
            "The vendor began investigating at 2:07pm.",
            "We alerted our hosting provider, Example Hosting, who restored connectivity.",
            "We are awaiting confirmation from our card partner that they have resolved the issue.",
        ] {
            assert!(blamed(text), "{text}");
        }
        assert!(!blamed(
            "We are working with our provider to restore service."
        ));
        assert!(!blamed(
            "We contacted our provider and they are looking into it with us."
        ));
    }

    #[test]
    fn a_failing_provider_is_blamed_and_one_we_send_to_or_that_helps_is_not() {
        let blamed = |text: &str| strictly_finds("blame", text);
        for text in [
            "Messages were delayed by communication with our SMS provider timing out.",
            "Our ISP indicated the faulty hardware had been replaced.",
        ] {
            assert!(blamed(text), "{text}");
        }
        for text in [
            "The timeout on uploading a file to the provider was set too low, causing a backlog.",
            "A rescue operation from our ISP's datacenter team started on the down server.",
            "We will better handle logins when the third party servers are unavailable.",
            "The servers were accidentally removed from their pool during the update.",
            "We found a storage issue with the F5 firewall at our main site.",
        ] {
            assert!(!blamed(text), "{text}");
        }
        // A person's slip is still one, and so is a maker's own servers.
        assert!(blamed(
            "An engineer accidentally removed the servers from their pool."
        ));
        assert!(blamed(
            "There was an issue with the Microsoft servers this morning."
        ));
    }

    #[test]
    fn our_name_without_its_trade_word_is_still_ours() {
        let text = "Spruce identified this issue from customer complaints.";
        assert!(!blamed_by(&["Spruce Health"], text));
        assert!(!blamed_by(&["sprucehealth"], text));
        assert!(blamed_by(&["Acme"], text));
        // Only a trade word comes off: "Sprucewood" is not "Spruce".
        assert!(blamed_by(&["Sprucewood"], text));
        assert!(!blamed_by(
            &["asxonline"],
            "ASX experienced a technical issue at the open."
        ));
    }

    #[test]
    fn another_company_s_service_gone_offline_is_blamed_unless_it_is_ours() {
        let text =
            "Contoso's object storage service in the western region has been offline since noon.";
        assert!(blamed_by(&["Acme"], text));
        assert!(!blamed_by(&["Contoso"], text));
        assert!(!blamed_by(
            &["Acme"],
            "Our object storage service in the western region has been offline since noon."
        ));
    }

    #[test]
    fn round_140_all_clears_and_the_work_told_in_the_past() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        for text in [
            "We have already restored all our services and are checking for lost mail.",
            "At that point in time, the platform resumed a normal operating state.",
            "Queued emails were relayed and should be working without pause at this time.",
        ] {
            assert!(finds("premature_resolution", text), "{text}");
        }
        assert!(!finds(
            "premature_resolution",
            "The database issue was resolved, but the broker still was unresponsive."
        ));
        assert!(!finds(
            "unconfirmed_eta",
            "Our engineers worked dedicatedly over the next few hours to restore access."
        ));
        assert!(finds(
            "unconfirmed_eta",
            "Our engineers will work over the next few hours to restore access."
        ));
    }

    #[test]
    fn round_140_our_own_watch_a_mailbox_and_service_discovery() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        assert!(!finds(
            "blame",
            "Our monitoring of the gateway service failed to notify us of the impact."
        ));
        assert!(finds(
            "blame",
            "Our provider failed to notify us of the maintenance."
        ));
        assert!(finds(
            "person_name",
            "For questions, write to susie.clark@example.gov.uk today."
        ));
        assert!(!finds(
            "person_name",
            "For questions, write to it.support@example.gov.uk today."
        ));
        assert!(finds(
            "jargon",
            "A bug in the service discovery code was found."
        ));
    }

    #[test]
    fn round_141_a_possible_cause_recoveries_told_and_a_blockchain_s_words() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        assert!(finds(
            "speculation",
            "We missed the payment run due to possible bug in the scheduler."
        ));
        for text in [
            "9:21 AM - Finished reprocessing transaction backlog.",
            "A full health review verified no residual issues.",
            "A restart of the scheduler brought it back to operational state.",
            "Approximately 3 hours before all services were fully restored.",
        ] {
            assert!(finds("premature_resolution", text), "{text}");
        }
        assert!(!finds(
            "jargon",
            "This temporarily prevented us from processing BTC transactions."
        ));
        for text in [
            "We missed a single block during epoch 270.",
            "Our validator services were unreachable for seven minutes.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
    }

    #[test]
    fn round_142_a_vendor_s_network_failing_and_work_done_with_a_vendor() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        assert!(finds(
            "blame",
            "Around 07:30 the Cloudflare network began to fault worldwide."
        ));
        for text in [
            "Our engineering team and the service vendor applied new filters and service was restored.",
            "According to the vendors supporting documentation, these cards had no known issue.",
        ] {
            assert!(!finds("blame", text), "{text}");
        }
        assert!(finds(
            "jargon",
            "The maintenance also restarted a single access switch in our cabinet."
        ));
    }

    #[test]
    fn round_143_a_cloud_event_status_codes_and_job_servers() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        assert!(finds(
            "blame",
            "The root cause was a large-scale AWS event that took many websites down."
        ));
        for text in [
            "Users began seeing 504 page errors when opening their courses.",
            "Support found an unresponsive jobs server as the culprit.",
            "We had a failure of a single-point dependency in one region.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
    }

    #[test]
    fn round_144_asked_causes_unannounced_changes_and_work_that_can_be_finished() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        assert!(!finds(
            "speculation",
            "We first tried to work out what the root cause might be."
        ));
        for text in [
            "All signing requests can be completed, including those sent yesterday.",
            "No data was lost, and all received orders were correctly processed.",
        ] {
            assert!(finds("premature_resolution", text), "{text}");
        }
        for text in [
            "Our hosting provider renewed the certificate, which was not communicated beforehand.",
            "One of our clients made an unusual flood of requests to the API.",
        ] {
            assert!(finds("blame", text), "{text}");
        }
        assert!(finds(
            "jargon",
            "The postback calls to your server were delayed."
        ));
    }

    #[test]
    fn round_145_who_saw_it_who_slipped_and_a_guess_about_the_past() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        for text in [
            "The outage was noticed by the developer running the deployment.",
            "While moving it we accidentally misconfigured our replication settings.",
            "Our alerting system did not alert us to this; a partner alerted us instead.",
            "After that we were able to restore access to all partners.",
        ] {
            assert!(!finds("blame", text), "{text}");
        }
        assert!(!finds(
            "unconfirmed_eta",
            "The outage is estimated to have started around 2:00 AM."
        ));
        assert!(finds(
            "premature_resolution",
            "The change was reverted, fixing the uploads again."
        ));
        for text in [
            "A bug sat in the upload code path.",
            "Our write root went down on Sunday.",
            "Several Docker images failed to build.",
            "Our servers ran out of connections to the storage layer.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
    }

    #[test]
    fn round_146_a_vendor_that_corrected_it_and_who_owns_a_company() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        assert!(finds(
            "blame",
            "Our supplier has rectified the billing record that locked the account."
        ));
        for text in [
            "Afterwards we began a joint effort with our vendor to understand the reasons behind the outage.",
            "The problem is that nobody else is as good (they're owned by Salesforce).",
        ] {
            assert!(!finds("blame", text), "{text}");
        }
        for text in [
            "I immediately had some theories about the login failures.",
            "At first I wondered whether it might be on their side.",
        ] {
            assert!(finds("speculation", text), "{text}");
        }
        for text in [
            "Every device checks in through an API call.",
            "We scaled the servers both horizontally and vertically.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
    }

    #[test]
    fn round_147_people_at_the_data_centre_and_an_instant_restoration() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        assert!(finds(
            "blame",
            "Last night the staff at the data center decided to reboot our racks."
        ));
        assert!(!finds(
            "blame",
            "We will make our tooling robust to human error."
        ));
        assert!(finds(
            "speculation",
            "We are still asking why the switch restarted (probably, a firmware bug)."
        ));
        assert!(finds(
            "premature_resolution",
            "Once the setting was reverted, restoration of service was immediate."
        ));
        assert!(finds(
            "jargon",
            "A new congestion control feature mishandled one connection state."
        ));
    }

    #[test]
    fn round_148_a_provider_in_title_case_and_another_platform_s_slowness() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        for text in [
            "The link between our Network Provider’s core router and ours failed.",
            "Checkout was slow, and it was traced to Stripe API degradation.",
            "Errors fell as Shopify performance improved.",
            "BT’s sessions failed to move to another node.",
        ] {
            assert!(finds("blame", text), "{text}");
        }
        for text in [
            "High API latency was caused by routine database maintenance.",
            "Checkout performance has improved since the fix.",
        ] {
            assert!(!finds("blame", text), "{text}");
        }
    }

    #[test]
    fn round_149_a_guess_at_a_vendor_restores_in_their_hands_and_dns_configuration() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        assert!(finds(
            "speculation",
            "Their status page listed an issue, which suggested that the outage was caused by Fastly."
        ));
        assert!(!finds(
            "speculation",
            "The vendor suggested that the outage had been fixed."
        ));
        assert!(finds(
            "blame",
            "I hope the rest will be back soon, but it's entirely in their hands."
        ));
        for text in [
            "Update: the forums and the wiki are now back too.",
            "The platform is running quite stable again.",
        ] {
            assert!(finds("premature_resolution", text), "{text}");
        }
        // "Back" before another word still needs that word to say so.
        assert!(!finds(
            "premature_resolution",
            "The engineers are back at work."
        ));
        for text in [
            "A deploy overwrote the DNS configuration of the app.",
            "We moved the backup route server to new hardware.",
            "Traffic grew and caused client disconnects.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
    }

    #[test]
    fn round_150_a_provider_s_trouble_a_mostly_complete_restore_and_routing_words() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        assert!(finds(
            "blame",
            "One of these carriers has experienced trouble this morning."
        ));
        assert!(finds(
            "premature_resolution",
            "The restore process for all accounts was mostly complete by noon."
        ));
        // What should have happened and did not is no all-clear.
        assert!(!finds(
            "premature_resolution",
            "The nodes that should have restored themselves were unable to do so."
        ));
        assert!(finds(
            "unconfirmed_eta",
            "I will be rectifying this tomorrow by moving the page."
        ));
        for text in [
            "This allows for low io intensive backups.",
            "Peer routers flooded our route tables.",
            "The remaining control machine failed.",
            "The data centre peers with two providers.",
            "We run nodejs on the new server.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
    }

    #[test]
    fn round_151_a_vendor_implementing_a_fix_a_late_completion_and_an_rca_time() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        assert!(finds(
            "blame",
            "Fastly worked on implementing a fix for the issue."
        ));
        assert!(finds(
            "premature_resolution",
            "The repair was delayed when the part arrived late but has since been completed."
        ));
        // When a report comes out is no fix time.
        assert!(!finds(
            "unconfirmed_eta",
            "We will prepare a full RCA within 72 hours."
        ));
        for text in [
            "Customers on EU instances were unaffected.",
            "Jobs hit their concurrency limits.",
            "The storage scale units crashed.",
            "The write-back failed for some users.",
            "Persistent connections will be terminated.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
    }

    #[test]
    fn round_152_a_founder_s_own_slip_a_latency_still_high_and_storage_words() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // "I accidentally" owns the slip as "we accidentally" does.
        assert!(!finds(
            "blame",
            "I accidentally ran an update script in the wrong directory."
        ));
        assert!(!finds(
            "premature_resolution",
            "Latency seems to have stabilized but is still higher than usual."
        ));
        for text in [
            "Our hosting provider is performing a backbone connection maintenance.",
            "Customers of the Block Storage product saw errors.",
            "We will split the optical multiplexing system in two.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
        assert!(finds(
            "person_name",
            "This is what Artur was doing this morning."
        ));
    }

    #[test]
    fn round_153_a_partner_s_issue_a_review_with_providers_and_no_uplink_yet() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        assert!(finds(
            "blame",
            "Payments were delayed by an issue at our FPS partners gateway."
        ));
        // Reviewing what happened with a provider is working with it.
        assert!(!finds(
            "blame",
            "We will be reviewing this with our providers to understand what the underlying issue was."
        ));
        for text in [
            "Everything is good on both ends, but we still have no circuit uplink.",
            "These issues are typically resolved rather quickly.",
        ] {
            assert!(!finds("premature_resolution", text), "{text}");
        }
        for text in [
            "Both fibre circuits failed overnight.",
            "The device uplink was replaced.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
    }

    #[test]
    fn round_154_a_title_case_provider_s_fix_an_investigation_with_it_and_a_return() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        assert!(finds(
            "blame",
            "The SMS Provider released a fix on Tuesday."
        ));
        // An investigation made together with the provider, told as a
        // stage of the work, neither blames nor guesses.
        let together = "Upon initial investigation with our SMS provider it was determined the issue impacted more than one customer.";
        assert!(!finds("blame", together));
        assert!(!finds("speculation", together));
        assert!(finds(
            "premature_resolution",
            "All services started responding again at 07:20 UTC."
        ));
        for text in [
            "JavaScript assets were not loading.",
            "The API rate threshold was exceeded.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
    }

    #[test]
    fn round_155_a_vendor_grappling_outside_another_s_infrastructure_and_script_hashes() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        for text in [
            "SendGrid has been grappling with a security issue for days.",
            "This is occurring entirely outside of Acme's infrastructure.",
            "Fastly is working to address the issue.",
        ] {
            assert!(finds("blame", text), "{text}");
        }
        assert!(finds(
            "jargon",
            "The build failed to generate the integrity hashes for Subresource Integrity."
        ));
    }

    #[test]
    fn a_replacement_provider_is_the_way_out_and_the_failing_one_is_still_blamed() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        assert!(!finds(
            "blame",
            "After the crash we moved to MailGun as our replacement email service provider."
        ));
        assert!(finds(
            "blame",
            "The outage at our email service provider delayed mail."
        ));
    }

    #[test]
    fn round_156_our_own_processors_a_slip_in_a_change_and_stability_said_plainly() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        for text in [
            "One of the notification processors was experiencing a failure.",
            "During a network configuration change, a firewall rule was inadvertently applied to the wrong servers.",
        ] {
            assert!(!finds("blame", text), "{text}");
        }
        assert!(finds(
            "blame",
            "One of our payment processors was experiencing a failure."
        ));
        for text in [
            "You should know that our services are now stable.",
            "Connectivity has remained stable for the past hour.",
        ] {
            assert!(finds("premature_resolution", text), "{text}");
        }
        assert!(!finds(
            "premature_resolution",
            "All of the messages that were sent to you today will be delivered as the backlog is processed."
        ));
        for text in [
            "We lost reachability to our IP ranges.",
            "We saw errors on our core routing equipment.",
            "The database firewall blocked the app.",
            "The server was taken out of rotation.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
        assert!(!finds(
            "jargon",
            "Our monitoring probes reported the fault."
        ));
    }

    #[test]
    fn round_157_successful_repairs_and_a_network_s_routing_kit() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        for text in [
            "The repair works were successful.",
            "The remediation steps have been successful.",
        ] {
            assert!(finds("premature_resolution", text), "{text}");
        }
        assert!(!finds(
            "premature_resolution",
            "Our first pass of fixes was successful for some mailboxes."
        ));
        for text in [
            "We changed our routing and switching infrastructure overnight.",
            "The fault was in the routing platform.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
    }

    #[test]
    fn round_158_work_that_starts_helpers_who_are_no_culprits_and_a_fibre_s_optics() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // When work starts is no promise of when it ends.
        for text in [
            "The engineers' repair work shall recommence from 02.00 tonight.",
            "Repairs will begin from 22:00 tonight.",
        ] {
            assert!(!finds("unconfirmed_eta", text), "{text}");
        }
        assert!(finds(
            "unconfirmed_eta",
            "The repair will be finished by 22:00 tonight."
        ));
        // A provider brought in to help, others hit by the same outage, and
        // news that the carrier makes available are not to blame.
        for text in [
            "At 09:10 our fibre provider was engaged to help trace the fault.",
            "This outage is also affecting a dozen other network operators.",
            "The reason for the outage will follow once made available from the carrier.",
        ] {
            assert!(!finds("blame", text), "{text}");
        }
        assert!(finds(
            "blame",
            "The carrier was experiencing an outage on its backbone."
        ));
        assert!(finds(
            "speculation",
            "Early diagnostics suggested it could be a faulty card in the router."
        ));
        for text in [
            "The forms service could not reconnect to the database after the restart.",
            "Every sign-in wrote needless database updates.",
            "Two hosts were marked unhealthy.",
            "We are splitting the platform into micro services.",
            "The carrier is seeing low light levels on the span.",
            "Technicians swapped optics at both ends.",
            "We removed the traffic engineering this morning.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
    }

    #[test]
    fn round_159_a_provider_cleared_a_problem_suspected_and_a_symptom_guessed() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // A provider found not to be the cause is cleared, by the third-party
        // path and the provider path alike; one found to be it is not.
        for text in [
            "We confirmed that the third-party email provider was not the cause of the delays.",
            "Our hosting provider was not the cause of the outage.",
        ] {
            assert!(!finds("blame", text), "{text}");
        }
        assert!(finds(
            "blame",
            "The third-party email provider was the cause of the delays."
        ));
        // Suspecting that something is wrong names no cause; suspecting a
        // faulty part does.
        assert!(!finds(
            "speculation",
            "Having suspected a problem, the team rolled back the change at 10:02."
        ));
        assert!(finds(
            "speculation",
            "We suspected a faulty switch in the rack."
        ));
        assert!(finds(
            "speculation",
            "The drop in traffic was possibly symptomatic of an overly strict firewall rule."
        ));
    }

    #[test]
    fn round_160_systems_that_work_a_restoral_done_and_a_disk_array() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        for text in [
            "The phone systems are working.",
            "A tape-to-disk restoral process was finally completed on Thursday.",
        ] {
            assert!(finds("premature_resolution", text), "{text}");
        }
        // Work still going on is no all-clear.
        for text in [
            "Our systems are working on the backlog.",
            "The engineers are working on it.",
        ] {
            assert!(!finds("premature_resolution", text), "{text}");
        }
        assert!(finds(
            "speculation",
            "The pattern was consistent with degradation of a shared cable."
        ));
        for text in [
            "Two disks failed within the array overnight.",
            "The disk array failed.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
    }

    #[test]
    fn round_161_control_elsewhere_pages_correct_again_and_a_bare_404() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        assert!(finds(
            "blame",
            "Although the data center is not under our control, we apologise."
        ));
        assert!(!finds(
            "blame",
            "We will do everything within our control to keep you informed."
        ));
        for text in [
            "After clearing the cache, the pages were correct again.",
            "Customer sites recovered.",
        ] {
            assert!(finds("premature_resolution", text), "{text}");
        }
        for text in [
            "The site answered every request with a 404.",
            "Two code bundles were redeployed.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
    }

    #[test]
    fn round_162_hands_assurances_and_plans_for_the_short_term() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        for text in [
            "The maintenance was entirely out of our hands.",
            "Our hosting provider is investigating why this happened.",
        ] {
            assert!(finds("blame", text), "{text}");
        }
        for text in [
            "We will sit down with our third party providers to plan improvements.",
            "We were assured by our hosting provider that they are tracking this down.",
        ] {
            assert!(!finds("blame", text), "{text}");
        }
        // A plan for the short term is no ETA; a fix in the short term is.
        assert!(!finds(
            "unconfirmed_eta",
            "One thing we will be doing in the short term is to find ways to prevent this."
        ));
        assert!(finds(
            "unconfirmed_eta",
            "The network should stabilize in the short term."
        ));
    }

    #[test]
    fn round_163_wireless_kit_and_messages_queued_again() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        for text in [
            "The outage came from our wireless controllers.",
            "We moved the access points to new hardware.",
            "Failed messages are re-queued for a second attempt.",
            "We added more task runners to process messages.",
            "The change caused database latency for a few minutes.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
        // A game's controllers, and latency on its own, are plain words.
        for text in [
            "Some players saw their controllers disconnect.",
            "We saw higher latency on the website.",
        ] {
            assert!(!finds("jargon", text), "{text}");
        }
    }

    #[test]
    fn round_164_a_tool_to_check_with_and_records_now_correct() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // A third-party tool the customer checks with blames nobody; a
        // third-party provider's outage still does.
        assert!(!finds(
            "blame",
            "To confirm your domain works, check it via a third-party tool like DNSChecker."
        ));
        assert!(finds(
            "blame",
            "A third-party provider outage stopped our emails."
        ));
        for text in [
            "All DNS records are now correctly configured on our global nodes.",
            "Traffic is now properly routing to the new servers.",
        ] {
            assert!(finds("premature_resolution", text), "{text}");
        }
        assert!(!finds(
            "premature_resolution",
            "Please check that your settings are correctly configured."
        ));
    }

    #[test]
    fn round_165_a_charge_customers_will_see_and_words_in_capitals() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // What a customer may see next is no guess at a cause; a cause
        // called possible still is.
        assert!(!finds(
            "speculation",
            "It is possible that your customer will see this charge after the refund is complete."
        ));
        assert!(finds(
            "speculation",
            "It is possible that the upgrade triggered the slowdown."
        ));
        // A word written in capitals for emphasis is no acronym, and a
        // switch "during" which something happened is a change-over; the
        // box's own parts still are jargon.
        for text in [
            "Clients with OLD invoices were charged again.",
            "During this switch our billing tool reassigned some invoices.",
        ] {
            assert!(!finds("jargon", text), "{text}");
        }
        assert!(finds(
            "jargon",
            "During the switch firmware upgrade, the devices crashed."
        ));
    }

    #[test]
    fn round_166_line_workers_vendors_consulted_and_data_partly_recovered() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        assert!(!finds(
            "jargon",
            "Restoration follows every safety rule to protect our line workers."
        ));
        assert!(!finds(
            "blame",
            "After discussing the issue with our vendors, we doubled our capacity."
        ));
        assert!(finds(
            "blame",
            "The outage was caused by an issue with our vendors."
        ));
        // Part of the lost data recovered is no all-clear; the service
        // recovered still is.
        assert!(!finds(
            "premature_resolution",
            "We were able to recover a significant percentage of the email data."
        ));
        assert!(finds(
            "premature_resolution",
            "We were able to recover the service within the hour."
        ));
    }

    #[test]
    fn round_167_an_upgrade_of_our_hosting_names_a_plan() {
        let blamed = |text: &str| strictly_finds("blame", text);
        assert!(!blamed(
            "Traffic has increased a lot, so it was time to upgrade our hosting service."
        ));
        assert!(blamed(
            "Traffic grew a lot this year, and our hosting service failed under it."
        ));
    }

    #[test]
    fn round_168_placeholders_backups_and_problems_not_limited() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // A placeholder for the reader's own handle names nobody; a real
        // handle still does.
        assert!(!finds(
            "person_name",
            "Recreate your account using the same @username as before."
        ));
        assert!(finds("person_name", "Thanks to @jsmith for the report."));
        // Restored from backup tells the procedure; restored on its own is
        // still the all-clear.
        assert!(!finds(
            "premature_resolution",
            "It was suspended again, since it was restored from backup."
        ));
        assert!(finds(
            "premature_resolution",
            "The forum was restored at noon."
        ));
        // What a problem was not limited to is its reach, not a guess at
        // its cause.
        assert!(!finds(
            "speculation",
            "It appears that the hardware problems weren't limited to the disk."
        ));
    }

    #[test]
    fn round_169_past_hopes_moves_that_begin_and_beliefs_about_the_fix() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // A hope already past, and a move that begins in two days, promise
        // no end; a hope now still does.
        for text in [
            "I was hoping to have it all done in about an hour.",
            "Consoles will begin their move in a couple of days.",
        ] {
            assert!(!finds("unconfirmed_eta", text), "{text}");
        }
        assert!(finds(
            "unconfirmed_eta",
            "We are hoping to have it all done in about an hour."
        ));
        // Believing the issues are addressed is an all-clear, not a guess
        // at the cause.
        assert!(!finds(
            "speculation",
            "I believe we’ve now addressed all the known issues from last week."
        ));
    }

    #[test]
    fn round_170_planned_moves_ways_to_do_it_inodes_and_propagation() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // When a move or an install is planned to happen is no promise of
        // when service returns; a return in the same words still is.
        for text in [
            "Sometime within the next day or two we plan to install a major upgrade.",
            "The site will be moving to a new server, hopefully in the next few days.",
        ] {
            assert!(!finds("unconfirmed_eta", text), "{text}");
        }
        for text in [
            "Within the next day or two we plan to restore full service.",
            "The site will be back online, hopefully in the next few days.",
        ] {
            assert!(finds("unconfirmed_eta", text), "{text}");
        }
        // Believing there are ways to do something guesses at no cause.
        assert!(!finds(
            "speculation",
            "I believe there are ways to automate it, but that can get ugly."
        ));
        assert!(finds(
            "speculation",
            "We believe there was a fault in the storage layer."
        ));
        // Inodes, and records that propagate across the internet, are the
        // machine room's words; news spreading across it is not.
        for text in [
            "The server ran out of inodes.",
            "You may see errors as the corrected records propagate across the internet.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
        assert!(!finds(
            "jargon",
            "News of the outage spread across the internet."
        ));
    }

    #[test]
    fn round_171_probable_places_shut_departments_and_zip_files() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // "Was probably with a router" guesses where the fault lies; the
        // same said plainly does not.
        assert!(finds(
            "speculation",
            "The problem was probably with a router at our provider."
        ));
        assert!(!finds(
            "speculation",
            "The problem was with a router at our provider."
        ));
        // A department or desk that was closed is a place shut for the
        // night, even beside the word "issue"; closing the issue itself
        // is still the all-clear.
        for text in [
            "This issue began at 5:14 PM, while our support department was closed.",
            "The reports came in while our support desk was closed, and no issue was escalated.",
        ] {
            assert!(!finds("premature_resolution", text), "{text}");
        }
        for text in ["We have closed the incident.", "The issue is closed."] {
            assert!(finds("premature_resolution", text), "{text}");
        }
        // A ZIP file is an everyday word; other capitals still are not.
        assert!(!finds("jargon", "Download your files as a ZIP file."));
        assert!(finds("jargon", "The BGP session returned errors."));
    }

    #[test]
    fn round_172_what_we_expected_and_when_a_failover_starts() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // What we expected then, and when a failover is about to start,
        // promise no end; what we expect now, and a return at that time,
        // still do.
        for text in [
            "We opened a case with the vendor and expected new hardware within 24 hours.",
            "In 10 minutes, we will be failing over to a standby site.",
        ] {
            assert!(!finds("unconfirmed_eta", text), "{text}");
        }
        for text in [
            "We expect the new hardware to be installed within 24 hours.",
            "In 10 minutes, we will be back online.",
        ] {
            assert!(finds("unconfirmed_eta", text), "{text}");
        }
    }

    #[test]
    fn round_173_what_an_app_is_built_from_is_jargon() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // Crash logs, build settings, embedded frameworks and Swift code
        // are a developer's words; a swift decision is not.
        for text in [
            "We checked the crash logs from the last release.",
            "We resubmitted the app with new build settings.",
            "Our iOS app is written in Swift code.",
            "It affects every app with embedded frameworks.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
        assert!(!finds(
            "jargon",
            "We made a swift decision to roll it back."
        ));
    }

    #[test]
    fn round_174_a_curly_negation_a_reply_time_and_a_pasted_style_rule() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // "weren’t working properly" with a typographic apostrophe is no
        // all-clear, as with a straight one; the plain words still are.
        for text in [
            "We couldn’t tell you that things weren’t working properly.",
            "We couldn't tell you that things weren't working properly.",
        ] {
            assert!(!finds("premature_resolution", text), "{text}");
        }
        assert!(finds(
            "premature_resolution",
            "Everything is working properly again."
        ));
        // A guess at what the problem results from.
        assert!(finds(
            "speculation",
            "The problem appears to result from a missing title."
        ));
        // How soon a reply to an e-mail comes is the next message, not the
        // fix; a fix within two days still is an ETA.
        assert!(!finds(
            "unconfirmed_eta",
            "You will receive a reply to your e-mail within 2 business days."
        ));
        assert!(finds(
            "unconfirmed_eta",
            "We expect to fix the mail problem within 2 business days."
        ));
        // A style rule pasted from a stylesheet is code; capitals for
        // emphasis are words.
        assert!(finds("jargon", ".post-title { display: none; }"));
        for text in [
            "AFTER whitelisting us, please check your SPAM folder.",
            "Our address is {see below}; write to us.",
        ] {
            assert!(!finds("jargon", text), "{text}");
        }
    }

    #[test]
    fn round_175_a_guessed_hit_spoiling_things_and_the_verb_pop() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // "Seems to have been hit by" guesses what happened.
        for text in [
            "Our offices seem to have been hit by a power failure.",
            "The office appears to have been hit by a power cut overnight.",
        ] {
            assert!(finds("speculation", text), "{text}");
        }
        // Someone messing things up again is no service coming up; the
        // site being up again still is.
        assert!(!finds(
            "premature_resolution",
            "So, here's to the weather messing things up again!"
        ));
        assert!(finds("premature_resolution", "The site is up again."));
        // POP the mail protocol and a network's PoP are jargon; "pop it on
        // the new host" is a verb.
        assert!(!finds(
            "jargon",
            "Copy the mail and pop it on the new host."
        ));
        for text in [
            "Users that connect via POP may see errors.",
            "Traffic moved to the London PoP.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
    }

    #[test]
    fn round_176_the_end_of_the_afternoon_and_a_quoted_acronym() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // The end of the afternoon is a time, as the end of the day is.
        assert!(finds(
            "unconfirmed_eta",
            "We expect that everything will be back to normal before the end of the afternoon."
        ));
        assert!(!finds(
            "unconfirmed_eta",
            "The end of the afternoon was quiet."
        ));
        // An acronym between quotes is the term quoted; a name ending in S
        // before an apostrophe is still a possessive.
        for text in [
            "What is our 'ILS' and why are they making us upgrade?",
            "What is our \u{2018}ILS\u{2019} and why are they making us upgrade?",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
        assert!(!finds("jargon", "TSYS' data centre lost power."));
    }

    #[test]
    fn round_177_a_hedge_with_a_word_before_like() {
        // "Seems at least like a flaw", "looks more like a problem": the
        // same guess as "seems like a flaw", with a word between.
        for text in [
            "This seems at least like a fundamental flaw in the mail software.",
            "It looks more like a problem with the router.",
        ] {
            assert!(strictly_finds("speculation", text), "{text}");
        }
        assert!(!strictly_finds(
            "speculation",
            "The new page looks more modern than the old one."
        ));
    }

    #[test]
    fn round_178_a_councillor_by_name_and_out_of_my_control() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // A councillor, a mayor or a senator before a full name is a
        // person, as a director or a secretary is; the council is not.
        for text in [
            "Councillor Desley Simpson said the work went well.",
            "Mayor Tory Whanau thanked the crews.",
        ] {
            assert!(finds("person_name", text), "{text}");
        }
        assert!(!finds("person_name", "The council met on Monday."));
        // "Out of my control" puts the fault elsewhere, as "out of our
        // control" does.
        assert!(finds("blame", "This is completely out of my control."));
        assert!(!finds("blame", "It was my call to make."));
    }

    #[test]
    fn round_179_a_spammer_at_work_and_an_ip_address() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // A spammer who compromised or sent something is blamed, as a
        // hacker is; spammers in general are not.
        for text in [
            "A customer had their email address compromised by a spammer.",
            "The spammer then sent several thousand messages.",
        ] {
            assert!(finds("blame", text), "{text}");
        }
        assert!(!finds(
            "blame",
            "We filter mail to protect you from spammers."
        ));
        // An IP address is a network word; IP alone stays plain.
        assert!(finds("jargon", "Many sites share the same IP address."));
        assert!(!finds("jargon", "IP rights belong to the author."));
    }

    #[test]
    fn round_180_back_on_line_and_my_thought_is_that() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // "Back on line" in two words is "back online": an all-clear when
        // we are, not when systems still have to come back.
        for text in [
            "At 6.10 this morning we were back on line.",
            "We are back on-line now.",
        ] {
            assert!(finds("premature_resolution", text), "{text}");
        }
        assert!(!finds(
            "premature_resolution",
            "They have to come back on line in a certain order."
        ));
        // "My thought is that" offers a guess, as "our thinking is" does.
        assert!(finds(
            "speculation",
            "My thought is that the heavy mail caused the delay."
        ));
        assert!(!finds("speculation", "Thank you for your thoughts."));
    }

    #[test]
    fn round_181_a_microphone_picks_up_and_an_external_exchange_fails() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // "Wasn't picking up" a voice is a microphone; a party not picking
        // up the phone still lets us down.
        assert!(!finds(
            "blame",
            "I realized that the program wasn't picking up Chris's voice."
        ));
        assert!(!finds(
            "blame",
            "The microphone was not picking up the guest's audio."
        ));
        for text in [
            "The supplier's helpdesk wasn't picking up, so we drove over.",
            "Their engineers were not picking up the phone when we called.",
        ] {
            assert!(finds("blame", text), "{text}");
        }
        // An external exchange is somebody else's, as an external provider
        // is; "appears to relate to" guesses as "appears to be related to".
        let text = "The fault appears to relate to the external exchange that handles calls.";
        assert!(finds("blame", text));
        assert!(finds("speculation", text));
        assert!(!finds("blame", "Calls to the exchange were slow."));
        // A busy site's quoted "Over Capacity" is an error string.
        assert!(finds(
            "jargon",
            "Users for all events received \u{201c}Over Capacity\u{201d} errors."
        ));
        assert!(!finds("jargon", "We were over capacity for four hours."));
        // Capitals for emphasis: "episode ZERO will never be heard".
        assert!(!finds(
            "jargon",
            "So, alas, episode ZERO will never be heard."
        ));
    }

    #[test]
    fn round_182_an_http_failure_by_its_words_and_more_given_names() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // An HTTP failure named as the browser printed it, without its
        // number; the same words in plain English stay plain.
        for text in [
            "Any time you turned around there was an Internal Server Error.",
            "Some visitors saw occasional internal server errors.",
            "Browsers showed a Bad Gateway page.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
        assert!(!finds("jargon", "The service is unavailable right now."));
        // A database's processes are the running program.
        assert!(finds(
            "jargon",
            "The database processes were still open this morning."
        ));
        assert!(!finds("jargon", "We are reviewing our processes."));
        // Given names the list lacked.
        for text in [
            "I didn't really know what to expect from Darren.",
            "From Shayne: it was a day I will never forget.",
            "The tour Dexs and Dylan are travelling to.",
            "Toby published a retrospective a few days later.",
        ] {
            assert!(finds("person_name", text), "{text}");
        }
    }

    #[test]
    fn round_183_the_readers_patience_is_no_guess_and_a_priest_is_a_person() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // A belief about how patient the readers have been guesses at no
        // cause; a belief about the cause still does.
        for text in [
            "I think that our members watching have been gracious and patient.",
            "We think our customers have been very patient.",
        ] {
            assert!(!finds("speculation", text), "{text}");
        }
        assert!(finds(
            "speculation",
            "We think our customers have been hit by a bad update."
        ));
        // A priest's or minister's title before a name, as "Dr" is.
        for text in ["Fr Johannes", "Rev. Smith will lead the service."] {
            assert!(finds("person_name", text), "{text}");
        }
    }

    #[test]
    fn round_184_church_partners_are_served_and_a_machine_came_back_on_line() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // Partners named by the kind of customer they are are the ones we
        // serve; delivery partners are still a supplier.
        for text in [
            "We experienced the increased latency again and our church partners were unable to log in.",
            "We apologize that we did not give our church partners a good experience.",
        ] {
            assert!(!finds("blame", text), "{text}");
        }
        assert!(finds(
            "blame",
            "Our delivery partners were unable to collect parcels because their vans broke down."
        ));
        // "Came back on-line" is "came back online".
        assert!(finds(
            "premature_resolution",
            "Once the upgrade was complete, the machine came back on-line."
        ));
        assert!(!finds(
            "premature_resolution",
            "They have to come back on line in a certain order."
        ));
        // Front end and back end servers, spelled as two words.
        for text in [
            "Restarted Apache on the front end servers",
            "Restarted the database on the back end servers",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
    }

    #[test]
    fn round_185_how_long_things_usually_take_is_no_eta() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // A sentence that opens on how things usually go tells how long
        // such things take, not when this one ends.
        for text in [
            "Usually they clear this up and get de-listed within a few days.",
            "Sometimes a payment may show up as pending, but the payment will reverse automatically within a couple of hours.",
        ] {
            assert!(!finds("unconfirmed_eta", text), "{text}");
        }
        // The same time for this incident is still an estimate.
        assert!(finds(
            "unconfirmed_eta",
            "They will clear this up and get us de-listed within a few days."
        ));
    }

    #[test]
    fn round_186_an_attack_mitigated_with_a_partner_and_a_null_route() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // A partner whose help mitigated the attack is how the fix
        // happened; being able to mitigate it is an all-clear.
        let text = "We were able to mitigate the web services attacks with usage of our partner Cloudflare.";
        assert!(!finds("blame", text));
        assert!(finds("premature_resolution", text));
        assert!(finds(
            "blame",
            "The attacks were made worse by our partner Cloudflare, which failed to filter them."
        ));
        // A host's null route and bandwidth in bits per second.
        for text in [
            "A couple of the hosts null route the server when they detect an attack.",
            "This nullroute can last from anywhere between a couple of hours to a whole day.",
            "It was the biggest attack in our datacenter, with over a 500 Gbit/s traffic.",
        ] {
            assert!(finds("jargon", text), "{text}");
        }
        assert!(!finds("jargon", "The route to the venue is closed."));
    }

    #[test]
    fn round_187_a_host_that_shut_us_down_and_a_host_we_moved_to() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // A server shut down by the host is the host's act.
        assert!(finds(
            "blame",
            "The server was shut down by our host soon shortly thereafter, as response to the insane data transfers."
        ));
        assert!(!finds("blame", "The server was shut down for maintenance."));
        // The provider a move goes to is the way out, not the culprit.
        assert!(!finds(
            "blame",
            "On June 9th, we began a transition to one of the premiere hosting companies in the world."
        ));
    }

    #[test]
    fn round_188_out_of_my_hands_and_what_we_think_we_will_do() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // "Out of my hands" hands the fault on, as "out of our hands" does.
        assert!(finds("blame", "It is out of my hands!"));
        assert!(!finds("blame", "It is in our hands now."));
        // A belief about what we will do next guesses at no cause.
        assert!(!finds("speculation", "I think I'll write my congressman."));
        assert!(finds("speculation", "I think a storm cut the line."));
    }

    #[test]
    fn round_189_once_again_up_reopening_and_a_guess_told_early() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // "Once again" says it came back; "once" alone sets a condition.
        assert!(finds(
            "premature_resolution",
            "The card network is once again up and running."
        ));
        assert!(!finds(
            "premature_resolution",
            "Once it is up and running we will tell you."
        ));
        // A fix told by how long it took, and what a library names by itself.
        assert!(finds(
            "premature_resolution",
            "The fault took four hours to be repaired."
        ));
        assert!(finds(
            "premature_resolution",
            "Computers are operational in every branch."
        ));
        assert!(finds(
            "premature_resolution",
            "The page loads fine as of now."
        ));
        assert!(!finds(
            "premature_resolution",
            "We will tell you when the catalog is up."
        ));
        // A place that reopens at a time is a promised end.
        assert!(finds(
            "unconfirmed_eta",
            "The west branch will reopen at 3 this afternoon."
        ));
        assert!(!finds(
            "unconfirmed_eta",
            "The west branch reopened at 3 this afternoon."
        ));
        // A hedge a few words before the cause is a guess; a chance of a
        // loss still to come is not.
        assert!(finds(
            "speculation",
            "Apparently this, like last week's slowness, was due to our success."
        ));
        assert!(!finds(
            "speculation",
            "There is a chance the office may lose power for an hour."
        ));
        assert!(finds(
            "speculation",
            "There is a chance the outage was caused by the roadworks."
        ));
        // Mail server programs by name are jargon; capitals for emphasis are not.
        assert!(finds("jargon", "The newsletter went out through qmail."));
        assert!(!finds("jargon", "It has been a LONG night."));
    }

    #[test]
    fn round_190_a_third_party_in_use_a_gateway_error_and_a_reason_guessed() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // A third party we use is how we are built, until something in the
        // sentence goes wrong.
        assert!(!finds(
            "blame",
            "We use a third-party fraud check that approves orders for us."
        ));
        assert!(finds(
            "blame",
            "We use a third-party fraud check that failed this morning."
        ));
        // The error a payment page prints, in its capitals.
        assert!(finds("jargon", "The page showed a Gateway Error."));
        // What may have happened for a reason is a guess at the reason.
        assert!(finds(
            "speculation",
            "Your order may have been cancelled due to a typo in the address."
        ));
        assert!(!finds(
            "speculation",
            "Your order was cancelled due to a typo in the address."
        ));
    }

    #[test]
    fn round_191_a_contraction_names_nobody_and_a_curse_blames() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // "There's" and "Today's" are no company with an outage of its own.
        for text in [
            "There's an outage.",
            "Here's an outage on the east line.",
            "Today's outage was short.",
        ] {
            assert!(!finds("blame", text), "{text}");
        }
        assert!(finds("blame", "Dropbox's outage took our uploads down."));
        // A curse or an idiom puts the fault on a party.
        assert!(finds(
            "blame",
            "We spent the night cursing the phone company."
        ));
        assert!(finds("blame", "It was not Comcast's finest hour."));
        assert!(!finds("blame", "It was not our finest hour."));
        // A guess at what I can do next is no guess at a cause.
        assert!(!finds("speculation", "I guess I can call them tomorrow."));
        assert!(finds("speculation", "I guess the storm cut the line."));
    }

    #[test]
    fn round_192_an_attack_from_bots_blames_and_a_fix_ensuring_restoration_clears() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // Who the attack comes from is named as acting on us.
        assert!(finds(
            "blame",
            "The forum is under attack from spambots again."
        ));
        assert!(finds(
            "blame",
            "We saw a flood of attacks from a botnet overnight."
        ));
        assert!(!finds(
            "blame",
            "The filter protects the forum against spambots."
        ));
        // A fix said to ensure the service came back is an all-clear.
        assert!(finds(
            "premature_resolution",
            "We changed the setting, ensuring immediate restoration of logins."
        ));
        assert!(!finds(
            "premature_resolution",
            "We are changing the setting to ensure the restoration of logins."
        ));
    }

    #[test]
    fn round_193_a_control_panel_and_a_recovery_told_by_its_hour() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // The hosting control panel by name is jargon.
        assert!(finds("jargon", "The host patched cPanel overnight."));
        assert!(!finds(
            "jargon",
            "The host patched the settings page overnight."
        ));
        // A status line's "Restored ... as of", and how long it stayed down.
        assert!(finds(
            "premature_resolution",
            "Card payments - Restored across the site as of 10:08"
        ));
        assert!(finds(
            "premature_resolution",
            "The site did not come back online until 9 am."
        ));
        assert!(!finds(
            "premature_resolution",
            "The site will not come back online until the power is restored."
        ));
        // A party named by "every" or "any" is none in particular.
        assert!(!finds(
            "blame",
            "Every external dependency is a risk we carry."
        ));
        assert!(finds("blame", "The external dependency failed at noon."));
    }

    #[test]
    fn round_194_ferry_workers_a_station_back_on_air_and_a_colonel() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // Workers named by their workplace are people; a queue's are not.
        assert!(!finds(
            "jargon",
            "State ferry workers had to take cash at the booths."
        ));
        assert!(finds("jargon", "Our queue workers are overloaded."));
        // An organisation's initials before a post or a fix it found.
        assert!(!finds(
            "jargon",
            "Said WSA General Manager Robert Davis: we are sorry."
        ));
        assert!(!finds("jargon", "WSF found a workaround for the booths."));
        assert!(finds("jargon", "WSF reported the delays."));
        // A station back on air, and a fix found to get things working.
        assert!(finds(
            "premature_resolution",
            "The station returned to air about 9:15am."
        ));
        assert!(!finds(
            "premature_resolution",
            "Once the station is back on air we will let you know."
        ));
        assert!(finds(
            "premature_resolution",
            "The team found a workaround to get all systems working again."
        ));
        assert!(!finds(
            "premature_resolution",
            "We need to find a workaround to get all systems working again."
        ));
        // A rank before a surname, and a given name after a post.
        assert!(finds(
            "person_name",
            "Colonel Qureshi said the pharmacy could not dispense."
        ));
        assert!(finds(
            "person_name",
            "Said the General Manager Robert B. Davis: we are sorry."
        ));
        assert!(!finds("person_name", "Delays at London Victoria continue."));
    }

    #[test]
    fn round_195_surnames_after_a_quote_and_an_exam_platform_s_outage() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // A surname after a quote, either way round, and a professor.
        assert!(finds("person_name", "“Pay at the machine,” said Mrdeza."));
        assert!(finds("person_name", "“It was an anomaly,” Eierman added."));
        assert!(!finds(
            "person_name",
            "“It has affected our airports,” it added."
        ));
        assert!(finds(
            "person_name",
            "Professor Cragg wrote to the students."
        ));
        // An organisation's initials while it investigates, or when asked.
        assert!(!finds(
            "jargon",
            "The CPA is still looking into what went wrong."
        ));
        assert!(!finds("jargon", "The students have asked ESL for a resit."));
        assert!(finds("jargon", "The CPA rebooted overnight."));
        // The browser's developer tools are jargon; a games console is not.
        assert!(finds(
            "jargon",
            "Please open your developer tools and copy the errors."
        ));
        assert!(!finds("jargon", "The games console could not connect."));
        // How long it took to solve the problem.
        assert!(finds(
            "premature_resolution",
            "It took some 30 minutes to solve the problem."
        ));
        // An outage to a vendor's platform, and demand piling onto it;
        // reporting an outage to a vendor's trouble line is no blame, nor a
        // fix made with the vendor.
        assert!(finds(
            "blame",
            "A technical outage to the Blackboard platform affected exams."
        ));
        assert!(finds(
            "blame",
            "The outage was caused by a spike in demand on Blackboard."
        ));
        assert!(!finds(
            "blame",
            "Report the outage to the AT&T trouble line 611."
        ));
        assert!(!finds(
            "blame",
            "The disruption has been resolved with the cellular vendor."
        ));
        assert!(finds(
            "blame",
            "The disruption was caused by the cellular vendor."
        ));
        // A return to service named as the aim of the work is no all-clear
        // (the retrained model had read this tune sentence as one).
        assert!(!finds(
            "premature_resolution",
            "The team continue to monitor recovery and ensure return to normal service."
        ));
        assert!(finds(
            "premature_resolution",
            "Engineers watched the queues and service returned to normal."
        ));
    }

    #[test]
    fn round_196_a_hospital_s_officials_and_a_card_issuing_bank() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // An acronym's officials, or an attack it suffered, name it.
        assert!(!finds("jargon", "HSHS officials say the review goes on."));
        assert!(!finds(
            "jargon",
            "On Monday FHH experienced a ransomware attack."
        ));
        assert!(finds("jargon", "On Monday the FHH flapped twice."));
        // A card-issuing bank is a party, whoever's it is.
        assert!(finds(
            "blame",
            "Payments failed after a problem at your card-issuing bank."
        ));
        assert!(!finds(
            "blame",
            "Contact your card-issuing bank about the refund."
        ));
        // Given names the list lacked.
        assert!(finds("person_name", "Liz Stinchcombe wrote to us."));
        assert!(finds("person_name", "Charley Francis wrote to us."));
    }

    #[test]
    fn round_197_a_city_s_own_portal_and_a_surname_after_but() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // A city names itself: its own portal failing blames nobody else.
        assert!(!finds(
            "blame",
            "The City's Online Payment Portal suffered an outage on Monday."
        ));
        assert!(finds(
            "blame",
            "Stripe's payment portal suffered an outage on Monday."
        ));
        // A surname speaking after "but", or going on to explain, and one
        // whose "its" belongs to a new subject.
        assert!(finds(
            "person_name",
            "It went badly, but Arnone said bots were not the problem."
        ));
        assert!(finds(
            "person_name",
            "Arnone goes on to explain that the queue stalled."
        ));
        assert!(finds(
            "person_name",
            "Morgan-Welch said the museum increased its online capacity."
        ));
        assert!(!finds(
            "person_name",
            "Barclays said its app was working again."
        ));
        // Waiting in a queue needs no glossary; a message queue does.
        assert!(!finds(
            "jargon",
            "Visitors waited in online queues for 20 minutes."
        ));
        assert!(finds("jargon", "The message queues backed up overnight."));
    }

    #[test]
    fn round_198_queuing_at_airports_and_a_vendor_s_failure_in_brackets() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // People queuing at a place; jobs queuing in a system.
        assert!(!finds(
            "jargon",
            "Travellers complained of hours queuing at airports."
        ));
        assert!(finds("jargon", "Jobs began queuing rather than starting."));
        // A vendor's failure named in brackets.
        assert!(finds(
            "blame",
            "This was a worldwide failure (of the Amadeus system)."
        ));
        assert!(!finds(
            "blame",
            "This was a worldwide failure (of the booking system)."
        ));
        assert!(finds(
            "person_name",
            "Writer Stefano Andrean waited an hour at the desk."
        ));
    }

    #[test]
    fn round_199_the_dmv_by_name_outside_its_realm_and_offices_back_in_business() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // The agency's initials are its name; other capitals stay jargon.
        assert!(!finds(
            "jargon",
            "The DMV reopened its field offices on Friday."
        ));
        assert!(finds("jargon", "The PDU in rack four failed overnight."));
        // Trouble put outside an organisation's realm blames someone else.
        assert!(finds(
            "blame",
            "The spokesman said the fault was outside the realm of the Registry."
        ));
        assert!(!finds(
            "blame",
            "That outcome is outside the realm of possibility."
        ));
        // Offices back to full service, and a headline's "back in business".
        assert!(finds(
            "premature_resolution",
            "Most of the state's offices returned to offering full services Thursday \
             following a computer failure that crippled operations for days."
        ));
        assert!(finds(
            "premature_resolution",
            "Library computers back in business after a weekend outage"
        ));
        assert!(!finds(
            "premature_resolution",
            "We will let you know once we are back in business."
        ));
        // A guess at what a party did, or at the work behind the trouble.
        assert!(finds(
            "speculation",
            "It looks like they had changed a setting at the exchange."
        ));
        assert!(finds(
            "speculation",
            "It was probably scheduled maintenance at the exchange."
        ));
        assert!(!finds(
            "speculation",
            "It looks like they have restored service for most customers."
        ));
        assert!(!finds(
            "speculation",
            "It was probably busier than usual at the counters."
        ));
    }

    #[test]
    fn round_200_transit_initials_a_software_group_back_in_operation_and_curious_timing() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // Transit systems known by their initials; other capitals stay jargon.
        assert!(!finds(
            "jargon",
            "Riders waited at BART and WMATA stations during the outage."
        ));
        assert!(finds("jargon", "The ONT in the cabinet rebooted twice."));
        // Initials before a company word are the company's name.
        assert!(!finds(
            "jargon",
            "The ZKT Software Group confirmed its products are unaffected."
        ));
        assert!(finds("jargon", "The ZKT Software build failed twice."));
        // Back in operation is an all-clear; expected back in it is not.
        assert!(finds(
            "premature_resolution",
            "The ticketing system was back in operation by noon."
        ));
        assert!(!finds(
            "premature_resolution",
            "The portal is expected to be back in operation soon."
        ));
        // Timing found suspicious hints at a cause.
        assert!(finds(
            "speculation",
            "The spokesman found the timing of the outage very suspicious."
        ));
        assert!(!finds(
            "speculation",
            "The timing of the next update is 14:00."
        ));
        // A capitalised word joined by "and" ends an organisation's name.
        assert!(!finds(
            "person_name",
            "Harbour Transit and Ferry said fares were unchanged."
        ));
        assert!(finds(
            "person_name",
            "The fare rose and Arnone said riders were angry."
        ));
    }

    #[test]
    fn round_201_poll_workers_a_maker_owing_responsibility_and_regular_service() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // Poll workers are people; background workers are processes.
        assert!(!finds("jargon", "Poll workers checked voters in by hand."));
        assert!(finds(
            "jargon",
            "Background workers stopped picking up jobs."
        ));
        // Where a fault seems to have come from is a guess.
        assert!(finds(
            "speculation",
            "The fault seems to have originated in the card readers."
        ));
        assert!(!finds(
            "speculation",
            "The fault originated in the card readers."
        ));
        // The maker said to owe responsibility is blamed; we owning it is not.
        assert!(finds(
            "blame",
            "The firm that supplied the scanners should accept some responsibility."
        ));
        assert!(!finds(
            "blame",
            "We should accept some responsibility for the delay."
        ));
        // Regular service resumed is an all-clear; one hoped for is not.
        assert!(finds(
            "premature_resolution",
            "The ticket office resumed regular service at noon."
        ));
        assert!(!finds(
            "premature_resolution",
            "The ticket office hopes to have resumed regular service by noon."
        ));
        assert!(finds(
            "person_name",
            "The count was slow, said County Clerk Bobbie Koepp."
        ));
    }

    #[test]
    fn round_202_a_support_reply_time_the_internet_and_a_vendor_outage_headline() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // A support desk's reply time is no promise of a fix.
        assert!(!finds(
            "unconfirmed_eta",
            "You will get a response within 4 hours."
        ));
        assert!(finds(
            "unconfirmed_eta",
            "The fix will be deployed within 4 hours."
        ));
        // "Internet" opening a line is the connection; a named company is not.
        assert!(!finds("blame", "Internet is down in the east wing."));
        assert!(finds("blame", "Comcast is down in the east wing."));
        // A headline's named vendor outage doing harm.
        assert!(finds(
            "blame",
            "Crowdstrike Outage Cripples Hotel Check-Ins"
        ));
        assert!(!finds("blame", "Hotel Outage Cripples Check-Ins"));
    }

    #[test]
    fn round_203_a_possible_outage_our_hq_a_carrier_at_work_and_a_school_district() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // A possible outage is no guess at a cause; a possible cause is.
        assert!(!finds(
            "speculation",
            "It’s possible that the portal could be down tonight."
        ));
        assert!(finds(
            "speculation",
            "It’s possible that a bad deploy caused the outage."
        ));
        // "HQ" is our own; a named company down is someone else.
        assert!(!finds("blame", "HQ is down for everyone this morning."));
        assert!(finds("blame", "Zendesk is down for everyone this morning."));
        // A named carrier at work on the problem is where the problem is.
        assert!(finds(
            "blame",
            "Cincinnati Bell worked to find and resolve the problem."
        ));
        assert!(!finds(
            "blame",
            "Our team worked to find and resolve the problem."
        ));
        // A Texas school district's initials; other capitals stay jargon.
        assert!(!finds(
            "jargon",
            "Students in Midlothian ISD were sent home early."
        ));
        assert!(finds("jargon", "The TOR switch rebooted twice."));
    }

    #[test]
    fn round_204_fifa_by_name_a_stream_s_bitrate_and_a_team_handle() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // FIFA is a name; other capitals stay jargon.
        assert!(!finds("jargon", "FIFA moved the final to Sunday."));
        assert!(finds("jargon", "The SBC dropped calls all morning."));
        // A stream's bitrate is jargon; its picture quality is not.
        assert!(finds("jargon", "The stream's bitrate fell sharply."));
        assert!(!finds(
            "jargon",
            "The stream's picture quality fell sharply."
        ));
        // A company's "@Team…" account is no person; a named person is.
        assert!(!finds(
            "person_name",
            "The @TeamYouTube account never followed up."
        ));
        assert!(finds("person_name", "Jane Miller posted about the outage."));
    }

    #[test]
    fn round_205_county_dispatchers_a_pharmacy_chain_and_quoted_all_clears() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // A county's dispatchers are people; a webhook's are still jargon.
        assert!(!finds(
            "jargon",
            "Callers were rerouted to Rock Island County dispatchers."
        ));
        assert!(finds("jargon", "The webhook dispatchers were restarted."));
        // CVS is a pharmacy chain's name.
        assert!(!finds("jargon", "CVS stores could not fill prescriptions."));
        // A sheriff's title before a given name, and a "Mc" surname.
        assert!(finds(
            "person_name",
            "We are back, said Undersheriff Michael McCabe."
        ));
        assert!(finds(
            "person_name",
            "The county Sheriff Michael told reporters the lines were down."
        ));
        assert!(finds(
            "person_name",
            "McCabe said the vendor was installing an update."
        ));
        // Calls getting through again is an all-clear; a quoted claim after
        // "were" is the claim itself, while a screen's words stay printed.
        assert!(finds(
            "premature_resolution",
            "911 calls are now getting through to all centers."
        ));
        assert!(finds(
            "premature_resolution",
            "The supplier said systems were “back online”."
        ));
        assert!(!finds(
            "premature_resolution",
            "The page showed “back online” while the app still failed."
        ));
        // "Today, … said" is when it was said, not when the fix lands.
        assert!(!finds(
            "unconfirmed_eta",
            "Today, the chair said that he expected service to be slow as pharmacies recover."
        ));
        assert!(finds(
            "unconfirmed_eta",
            "We expect pharmacies to recover today."
        ));
    }

    #[test]
    fn round_206_a_cause_left_between_candidates_service_workers_and_two_names() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // Candidate causes named and left open are a guess; a fix whose
        // permanence is open is not about the cause.
        assert!(finds(
            "speculation",
            "He could not determine if it was a power surge or something else."
        ));
        assert!(finds(
            "speculation",
            "It is not known if the problem is a technical one or a cyber attack."
        ));
        assert!(!finds(
            "speculation",
            "I am not sure whether this fix is permanent or temporary."
        ));
        // Customer service workers are people; background workers are not.
        assert!(!finds(
            "jargon",
            "Customer service workers said the website had problems."
        ));
        assert!(finds("jargon", "The background workers stalled overnight."));
        // Grace and Robbie are given names.
        assert!(finds(
            "person_name",
            "It was stressful,” junior Grace Jenkins said."
        ));
        assert!(finds(
            "person_name",
            "The tour marks the return of singer Robbie Williams."
        ));
    }

    #[test]
    fn round_207_flights_and_airports_by_code_and_coincidences_offered_as_links() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // A flight's number and a well-known airport's code are plain; a
        // code with no flight before it is still jargon.
        assert!(!finds(
            "jargon",
            "They flew from Heathrow to New York JFK on flight BA177."
        ));
        assert!(finds("jargon", "Customers on the BA177 plan saw delays."));
        // An outage at the same time as another is offered as a link.
        assert!(finds(
            "speculation",
            "The outage occurred at the same time as a major outage elsewhere."
        ));
        // Wondering whether something caused it is a guess; wondering
        // whether the rides happened at all is not.
        assert!(finds(
            "speculation",
            "Another user was wondering whether the update had overloaded the servers."
        ));
        assert!(!finds(
            "speculation",
            "Users were left wondering whether their rides had happened at all."
        ));
    }

    #[test]
    fn round_208_owners_workers_beside_customers_and_hedged_restorations() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // Workers named beside customers are people.
        assert!(!finds(
            "jargon",
            "The apps were down, frustrating workers and customers alike."
        ));
        assert!(finds(
            "jargon",
            "The workers and the website were restarted."
        ));
        // An owner's title before a name makes a person.
        assert!(finds(
            "person_name",
            "Restaurant owner Liza Russo told the paper about the glitch."
        ));
        // A restoration that "appeared" to happen still claims it.
        assert!(finds(
            "premature_resolution",
            "Service appeared to be restored after a brief outage."
        ));
        // A system suspected to be down doubts the outage, not its cause; a
        // cause suspected is still a guess.
        assert!(!finds(
            "speculation",
            "Customers said that the system was suspected to be down."
        ));
        assert!(finds(
            "speculation",
            "The outage was suspected to be caused by a bad update."
        ));
    }

    #[test]
    fn round_209_traders_speak_as_a_crowd_particle_surnames_and_limited_recovery() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // Traders and students said as a crowd; a surname with a particle
        // is one person.
        assert!(!finds(
            "person_name",
            "Traders said there was confusion about what stocks were affected."
        ));
        assert!(finds(
            "person_name",
            "“Whenever you bring up a new system there are going to be bugs,” Van Voorhis said."
        ));
        // An exchange known by its initials is a name.
        assert!(!finds(
            "jargon",
            "The BATS exchange also said it disabled trading."
        ));
        // Running again with limitations is no all-clear; running again is.
        assert!(!finds(
            "premature_resolution",
            "The website is running again but with some limitations."
        ));
        assert!(finds(
            "premature_resolution",
            "The website is running again."
        ));
    }

    #[test]
    fn round_210_datelines_institutions_named_for_people_and_resumed_operations() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // A dateline's capitals are a place; capitals later in the
        // sentence are still read.
        assert!(!finds(
            "jargon",
            "SAN DIEGO — Several hospitals diverted ambulances."
        ));
        assert!(finds(
            "jargon",
            "SAN DIEGO — Several hospitals lost their PACS viewers."
        ));
        // An institution named after a person is no person.
        assert!(!finds(
            "person_name",
            "John Muir Health reported intermittent outages on Monday."
        ));
        assert!(finds(
            "person_name",
            "John Muir reported the outage on Monday."
        ));
        // Resuming full operations is an all-clear.
        assert!(finds(
            "premature_resolution",
            "The hospitals stopped taking ambulances for two hours, resuming full operations at 6 p.m."
        ));
    }

    #[test]
    fn round_211_a_global_company_the_dot_and_most_of_its_systems() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // Initials before "Global" name a company; the DOT is a public body.
        assert!(!finds(
            "jargon",
            "Here is what the CDK Global outage means for car buyers."
        ));
        assert!(!finds(
            "jargon",
            "All the DOT would say is that anyone who does not pay can get a ticket."
        ));
        assert!(finds("jargon", "Our CDK rebuilt its index overnight."));
        // Most of its systems back is part of the way; all of them is not.
        assert!(!finds(
            "premature_resolution",
            "The company said most of its critical computer systems were back online."
        ));
        assert!(finds(
            "premature_resolution",
            "The company said its critical computer systems were back online."
        ));
    }

    #[test]
    fn round_212_credit_unions_stand_in_mode_speculation_and_sites_got_back_up() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // Capitals before "Credit Union" or "Financial" name a bank, and
        // the games company by its initials is a name.
        assert!(!finds(
            "jargon",
            "Affected are FORUM Credit Union and STAR Financial."
        ));
        assert!(!finds("jargon", "SIE has yet to give a timeline."));
        assert!(finds("jargon", "Our FORUM rebuilt its index overnight."));
        // A card network's stand-in mode is jargon; standby mode is not.
        assert!(finds(
            "jargon",
            "Card machines were put into limited stand-in mode."
        ));
        assert!(!finds(
            "jargon",
            "Card machines were put into standby mode."
        ));
        // Speculation reported as such, and investigations into the cause
        // that point somewhere, are guesses.
        assert!(finds(
            "speculation",
            "Speculation among players ranges from an overload to a bad update."
        ));
        assert!(finds(
            "speculation",
            "Preliminary investigations into the cause of the outage point towards a faulty update."
        ));
        assert!(!finds(
            "speculation",
            "Investigations into the cause of the outage are under way."
        ));
        // Sites someone was able to get back up are back; most customers
        // back online is part of the way.
        assert!(finds(
            "premature_resolution",
            "They were able to get their websites back up quickly."
        ));
        assert!(!finds(
            "premature_resolution",
            "They were able to get most customers back online."
        ));
    }

    #[test]
    fn round_213_a_day_blocks_nobody_a_party_vouching_for_itself_and_issues_with_a_system() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // "Blocked on Thursday" names a day; "blocked by Cloudflare" a party.
        assert!(!finds(
            "blame",
            "Card payments were blocked on Thursday morning."
        ));
        assert!(finds("blame", "We were blocked by Cloudflare for an hour."));
        // A party vouching for its own systems blames nobody and clears
        // nothing of ours; our own systems working normally is an all-clear.
        let vouched = "Payments firm Visa confirmed that its systems were working normally.";
        assert!(!finds("blame", vouched));
        assert!(!finds("premature_resolution", vouched));
        assert!(finds("blame", "Visa confirmed that it had an outage."));
        assert!(finds(
            "premature_resolution",
            "We confirmed that our systems were working normally."
        ));
        // Issues that appeared to stem from, or appear to be with, a system
        // are a guess; issues that are with it are not.
        assert!(finds(
            "speculation",
            "The issues appeared to stem from a provider."
        ));
        assert!(finds(
            "speculation",
            "The issues appear to be with the payment system."
        ));
        assert!(!finds(
            "speculation",
            "The issues are with the payment system."
        ));
        // Initials before "Worldwide" name a company.
        assert!(!finds(
            "jargon",
            "The payment system is run by ACI Worldwide."
        ));
        assert!(finds("jargon", "Our ACI rebuilt its index overnight."));
    }

    #[test]
    fn round_214_a_cause_that_could_potentially_be_a_start_time_and_a_forecast() {
        let guess = |text: &str| strictly_finds("speculation", text);
        // A hedge between "could" and "have been caused" still guesses, and
        // so does a headline's "maybe X, maybe not".
        assert!(guess(
            "The outage could potentially have been caused by the update."
        ));
        assert!(guess("Services are down, maybe coronavirus, maybe not."));
        // When it started, and harm still to come, are no guess at a cause.
        assert!(!guess(
            "It would appear that it started early this morning."
        ));
        assert!(guess("It would appear that it was caused by the update."));
        assert!(!guess(
            "There is a good chance that the rush of new players will overwhelm the shop."
        ));
        assert!(guess(
            "There is a good chance that the rush of new players caused it."
        ));
    }

    #[test]
    fn round_215_a_break_in_a_cause_left_open_calls_again_and_who_was_affected() {
        let finds = |rule: &str, text: &str| strictly_finds(rule, text);
        // Whoever broke in is a party; a break in service is not.
        assert!(finds(
            "blame",
            "We had a break in last night at one of our facilities."
        ));
        assert!(!finds(
            "blame",
            "We are sorry for the unexpected break in service."
        ));
        // A cause left open between two named ones is a guess; a confirmed
        // one is not.
        assert!(finds(
            "speculation",
            "The company did not confirm whether the damage was caused by vandalism or faulty equipment."
        ));
        assert!(!finds(
            "speculation",
            "The company confirmed that the damage was caused by faulty equipment."
        ));
        // "Should be able to make calls again" is a hedged all-clear, unless
        // a condition still to come follows.
        assert!(finds(
            "premature_resolution",
            "Customers should be able to make calls again."
        ));
        assert!(!finds(
            "premature_resolution",
            "Customers should be able to make calls again once the repair is complete."
        ));
        // Who was affected is no guess at a cause.
        assert!(!finds(
            "speculation",
            "The problems are believed to have affected people across the country."
        ));
        assert!(finds(
            "speculation",
            "The problems are believed to have been caused by a faulty update."
        ));
    }

    #[test]
    fn a_downstream_provider_is_blamed_and_our_own_downstream_service_is_not() {
        let blamed = |text: &str| strictly_finds("blame", text);
        assert!(blamed(
            "A failure of a downstream communications provider delayed messages."
        ));
        assert!(blamed("The upstream provider had a network outage."));
        for text in [
            "The root cause was a change to a downstream service which the app depends on.",
            "Downstream services experienced cascading slowdowns.",
            // Naming an outage as a risk to be ready for is no blame.
            "We are making our storage more resilient to service provider outages.",
            "This protects us against upstream provider outages.",
        ] {
            assert!(!blamed(text), "{text}");
        }
    }

    #[test]
    fn people_among_the_causes_are_blamed() {
        for text in [
            "A mix of human and tooling error caused the outage.",
            "Operator or process mistakes were to blame.",
        ] {
            assert!(strictly_finds("blame", text), "{text}");
        }
        // A thing alone said to be to blame is a cause, not a party.
        assert!(!strictly_finds("blame", "A tooling error was to blame."));
    }

    #[test]
    fn a_company_that_had_the_outage_is_blamed_unless_it_is_us() {
        let acme = vec!["Acme".to_owned(), "Acme Cloud".to_owned()];
        let ours = LintContext {
            ourselves: &acme,
            ..LintContext::default()
        };
        let blamed =
            |text: &str, context: &LintContext<'_>| rules_in(text, context).contains(&"blame");
        // Another company's outage, however it is put.
        for text in [
            "Cloudflare experienced an outage that slowed our pages.",
            "Dropbox recently suffered an outage.",
            "Starting at 12:15 PM, Blackboard experienced a brief interruption.",
            "A month earlier, Lufthansa and Air France suffered a system outage.",
            "That is because Word Press was down.",
            "Initech's ongoing security incident has caused a stir.",
            "Royal Bank of Scotland has suffered another IT failure.",
            "Initech has revealed the cause of the outage.",
        ] {
            assert!(blamed(text, &ours), "{text}");
        }
        // Our own name, our own things, places and plural nouns are not
        // a company at fault.
        for text in [
            "Acme Cloud experienced an outage in our EU region.",
            "ACME experienced elevated errors.",
            "On Friday, the Clientarea went offline.",
            "Our customers in Japan and South Korea experienced slow pages.",
            "Between 10:00 and 10:20 UTC, Agents experienced errors.",
            "Our Payment Service and Account Service experienced a disruption.",
            // A window timed to the minute opens a company's own
            // postmortem, under a product name Settings may not hold.
            "On June 17th, from 11:39 am to 2:02 pm PT, ChatGPT experienced errors.",
            "Acme's security incident is over.",
            "Acme has revealed the cause of the outage.",
            "In Wednesday's incident, the grid was never at fault.",
            // A part of our own system named like a product is jargon,
            // not a company that went down.
            "Kafka was down for twenty minutes.",
            "Cron went down overnight.",
        ] {
            assert!(!blamed(text, &ours), "{text}");
        }
        assert_eq!(
            rules_in("Kafka was down for twenty minutes.", &ours),
            ["jargon"]
        );
        // Our own name is no acronym to explain and no person.
        let ours_in_capitals = vec!["ACME".to_owned(), "Jackson Hewitt".to_owned()];
        let ourselves = LintContext {
            ourselves: &ours_in_capitals,
            ..LintContext::default()
        };
        let text = "Payments to ACME accounts are delayed, said Jackson Hewitt.";
        assert_eq!(
            rules_in(text, &LintContext::default()),
            ["jargon", "person_name"]
        );
        assert!(rules_in(text, &ourselves).is_empty());
        // Without our names, a company speaking of itself with no "we" is
        // read as its own postmortem, as before.
        assert!(!blamed(
            "Cloudflare experienced an outage.",
            &LintContext::default()
        ));
        // A named vendor's trouble stays blame whoever we are, and is ours
        // when we are that vendor.
        let slack = vec!["Slack".to_owned()];
        let slack_writes = LintContext {
            ourselves: &slack,
            ..LintContext::default()
        };
        let text = "Slack is currently experiencing degraded performance.";
        assert!(blamed(text, &ours));
        assert!(!blamed(text, &slack_writes));
    }

    #[test]
    fn a_name_signing_the_update_off_is_caught_on_its_own_line() {
        let text = "Payments are delayed.\n\nThanks,\nJacopo Rossi";
        let found = lint(text, &LintContext::default());
        let spans: Vec<_> = found.iter().map(|f| (f.rule, f.text.as_str())).collect();
        assert_eq!(spans, [(Rule::PersonName, "Jacopo Rossi")]);
        assert!(
            rules_in(
                "Payments are delayed.\n\nThanks,\nSupport Team",
                &LintContext::default()
            )
            .is_empty()
        );
    }

    #[test]
    fn glossary_codenames_are_found_whole_word_and_any_case() {
        let glossary = vec!["Bluebird".to_owned(), "  ".to_owned()];
        let context = LintContext {
            glossary: &glossary,
            ..LintContext::default()
        };
        assert_eq!(
            rules_in("The BLUEBIRD project is slow.", &context),
            ["jargon"]
        );
        assert!(rules_in("Bluebirds sing.", &context).is_empty());
    }

    #[test]
    fn an_acronym_nobody_spelled_out_is_jargon() {
        let spans = |text: &str| -> Vec<String> {
            lint(text, &LintContext::default())
                .into_iter()
                .filter(|f| f.rule == Rule::Jargon)
                .map(|f| f.text)
                .collect()
        };
        assert_eq!(
            spans("The LTM showed a fault and our NOC saw it."),
            ["LTM", "NOC"]
        );
        assert_eq!(spans("Two PDUs tripped."), ["PDUs"]);
        // Spelled out anywhere in the draft, either way round.
        assert!(
            spans("The load transfer module (LTM) showed a fault. The LTM is fine.").is_empty()
        );
        assert!(spans("The LTM (load transfer module) showed a fault.").is_empty());
        // Or named in full by its capitalised words, small words between.
        assert!(
            spans("The Federal Energy Regulatory Commission said the FERC is looking.").is_empty()
        );
        assert!(spans("The National Emergency Number Association and NENA agree.").is_empty());
        assert!(spans("The Bank of England says the BE is fine.").is_empty());
        assert!(spans("The Bank of England says the BOE is fine.").is_empty());
        assert_eq!(
            spans("The Federal Trade office said the FERC is looking."),
            ["FERC"]
        );
        // Words every reader knows, Roman numerals, a name in the possessive
        // and a headline in capitals are not jargon.
        assert!(spans("Logins in the US and UK work again as of 14:00 UTC (9 AM EST).").is_empty());
        assert!(spans("Age of Empires II and III servers are slow.").is_empty());
        assert!(spans("TENET's service desk is on it (ticket INC-4821).").is_empty());
        assert!(spans("UPDATE: WE ARE LOOKING INTO SLOW PAGES").is_empty());
        // A shop's card terminal is a word of the till, like ATM and PIN.
        assert!(spans("Card payments at POS terminals may be declined.").is_empty());
        // An organisation's people or premises name it; a function's do not.
        assert!(spans("KCWA crews finished the repair overnight.").is_empty());
        assert!(spans("The report will be on the FHSU website tomorrow.").is_empty());
        assert!(spans("Flights with KLX Airways are not affected.").is_empty());
        assert_eq!(
            spans("Our PSTN partner and the NOC staff replaced a part."),
            ["PSTN", "NOC"]
        );
    }

    #[test]
    fn a_full_stop_inside_a_sentence_does_not_end_it() {
        let strict = LintContext::default();
        let by_patterns = |text: &str| -> Vec<&'static str> {
            let mut found: Vec<_> = lint_by_patterns(text, &strict)
                .iter()
                .map(|f| f.rule.as_str())
                .collect();
            found.dedup();
            found
        };
        // "p.m." and "a.m." sit inside the sentence: "until 8:30" still
        // reads with its "will", by the patterns alone.
        let planned = "Students will have no access to their email accounts after 4:30 p.m. on August 22 until 8:30 a.m. August 24.";
        assert_eq!(by_patterns(planned), ["unconfirmed_eta"], "{planned}");
        // A decimal does not split what a provider confirmed from the
        // damage it confirmed.
        let decimal = "The provider confirmed approximately 17.5 miles of damaged fiber was located below the river.";
        assert_eq!(by_patterns(decimal), ["blame"], "{decimal}");
        // Two real sentences stay two: the first's "will" promises nothing
        // about the second's time.
        let two = "We will post again. It was down until 4:30 p.m. yesterday.";
        assert!(by_patterns(two).is_empty(), "{two}");
    }

    #[test]
    fn overlapping_matches_of_one_rule_become_one_finding() {
        let mut spans = vec![
            Span {
                rule: Rule::Jargon,
                start: 0,
                end: 5,
                by_model: false,
            },
            Span {
                rule: Rule::Jargon,
                start: 3,
                end: 9,
                by_model: false,
            },
            Span {
                rule: Rule::Blame,
                start: 4,
                end: 6,
                by_model: false,
            },
            Span {
                rule: Rule::Jargon,
                start: 10,
                end: 12,
                by_model: false,
            },
        ];
        merge_overlaps(&mut spans);
        assert_eq!(spans.len(), 3);
        assert_eq!((spans[0].start, spans[0].end), (0, 9));
    }
}

//! The twenty templates Herald ships, in the voice PRODUCT.md gives each
//! audience.
//!
//! Every answer from the IC sits in a section, so a blank answer leaves no
//! empty label behind. What is affected starts its own sentence with a verb
//! that reads the same for one thing or many ("Card payments may not be
//! working", "Checkout may not be working"), because the IC's words arrive in
//! any case and number. `tests/templates.rs` renders every template for every
//! mix of empty and filled answers and lints the result.

use super::{Template, TemplateKind, TemplateSet};
use crate::terms::Audience;

/// The sentence each audience gets about what is affected, kept in one place
/// so the audiences cannot drift apart on it.
const MAY_BE_AFFECTED: &str = "{?affected} {affected} may not be working as expected.{/affected}";

pub(super) fn set() -> TemplateSet {
    use Audience::*;
    use TemplateKind::*;
    let rows: [(Audience, TemplateKind, String); 20] = [
        (
            Customers,
            Investigating,
            format!(
                "We are investigating an issue.{MAY_BE_AFFECTED}{{?customer_impact}} {{customer_impact}}{{/customer_impact}}\n\nOur team is engaged and working to restore normal service."
            ),
        ),
        (
            Customers,
            Identified,
            "We have identified the cause of the issue and are working on a fix.{?affected} {affected} may not be working as expected until then.{/affected}{?customer_impact} {customer_impact}{/customer_impact}{?doing}\n\n{doing}{/doing}".into(),
        ),
        (
            Customers,
            Monitoring,
            "A fix has been put in place, and we are monitoring the results.{?affected} {affected} may still see errors while we confirm that the fix holds.{/affected}".into(),
        ),
        (
            Customers,
            Holding,
            format!(
                "{{?previous_update}}We are still working on this issue. There is no change since our last update, and our team remains fully engaged.{{/previous_update}}{{!previous_update}}We are investigating an issue, and our team is fully engaged.{MAY_BE_AFFECTED} We will share more as soon as we can.{{/previous_update}}"
            ),
        ),
        (
            Customers,
            Resolution,
            "This incident has been resolved.{?affected} {affected} should now be working normally.{/affected} We apologise for the disruption, and we will share what we learn.".into(),
        ),
        (
            Executives,
            Investigating,
            executive_brief("investigating"),
        ),
        (
            Executives,
            Identified,
            executive_brief("cause identified"),
        ),
        (
            Executives,
            Monitoring,
            "{severity} {title}: fix in place, monitoring.{?affected}\nAffected: {affected}{/affected}{?known}\nWhat we know: {known}{/known}{?doing}\nNext steps: {doing}{/doing}".into(),
        ),
        (
            Executives,
            Holding,
            "{severity} {title}: {?previous_update}no change since the last update. The team is still working on it.{/previous_update}{!previous_update}{status}. The team is working on it, and details will follow.{?affected}\nAffected: {affected}{/affected}{/previous_update}{?eta}\nETA: {eta} (confidence: {eta_confidence}){/eta}".into(),
        ),
        (
            Executives,
            Resolution,
            "{severity} {title}: resolved. Customer impact has ended. A postmortem will follow.".into(),
        ),
        (
            Internal,
            Investigating,
            format!(
                "Holding line for customers (approved): we are investigating an issue.{MAY_BE_AFFECTED}{{?customer_impact}} {{customer_impact}}{{/customer_impact}} Our team is engaged. Please do not share causes or ETAs.{{?known}}\n\nFor you: {{known}}{{/known}}"
            ),
        ),
        (
            Internal,
            Identified,
            "Holding line for customers (approved): we have identified the issue and are working on a fix.{?affected} {affected} may not be working as expected until then.{/affected} Please do not share causes or ETAs.{?known}\n\nFor you: {known}{?doing} {doing}{/doing}{/known}{!known}{?doing}\n\nFor you: {doing}{/doing}{/known}".into(),
        ),
        (
            Internal,
            Monitoring,
            "Holding line for customers (approved): a fix is in place and we are monitoring.{?affected} {affected} may still see errors while we confirm that the fix holds.{/affected} Please do not call it resolved yet.".into(),
        ),
        (
            Internal,
            Holding,
            format!(
                "{{?previous_update}}No change to the holding line: we are still working on the issue. Please keep pointing customers to the status page.{{/previous_update}}{{!previous_update}}Holding line for customers (approved): we are investigating an issue, and our team is engaged.{MAY_BE_AFFECTED} Please point customers to the status page, and do not share causes or ETAs.{{/previous_update}}"
            ),
        ),
        (
            Internal,
            Resolution,
            "Resolved.{?affected} {affected} should be working normally again.{/affected} You may tell customers the issue is resolved.".into(),
        ),
        (
            IncidentChannel,
            Investigating,
            "[{severity}] {title} — investigating.{?affected} Affected: {affected}.{/affected}{?known} Known: {known}{/known}{?doing} Doing: {doing}{/doing}".into(),
        ),
        (
            IncidentChannel,
            Identified,
            "[{severity}] {title} — identified.{?known} Known: {known}{/known}{?doing} Doing: {doing}{/doing}{?eta} ETA {eta} ({eta_confidence}).{/eta}".into(),
        ),
        (
            IncidentChannel,
            Monitoring,
            "[{severity}] {title} — monitoring.{?doing} {doing}{/doing}".into(),
        ),
        (
            IncidentChannel,
            Holding,
            "[{severity}] {title} — {?previous_update}no change. Still {status}.{/previous_update}{!previous_update}{status}. Working on it.{/previous_update}".into(),
        ),
        (
            IncidentChannel,
            Resolution,
            "[{severity}] {title} — resolved.".into(),
        ),
    ];
    TemplateSet {
        templates: rows
            .into_iter()
            .map(|(audience, kind, body)| Template {
                audience,
                kind,
                body,
            })
            .collect(),
    }
}

/// The executives' brief while the incident is open: the headline, then one
/// labelled line per answer the IC gave.
fn executive_brief(headline: &str) -> String {
    format!(
        "{{severity}} {{title}}: {headline}.{{?affected}}\nAffected: {{affected}}{{/affected}}{{?customer_impact}}\nCustomer impact: {{customer_impact}}{{/customer_impact}}{{?known}}\nWhat we know: {{known}}{{/known}}{{?doing}}\nNext steps: {{doing}}{{/doing}}{{?eta}}\nETA: {{eta}} (confidence: {{eta_confidence}}){{/eta}}{{!eta}}\nNo estimate yet for the fix.{{/eta}}"
    )
}

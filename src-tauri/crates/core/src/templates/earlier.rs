//! The templates Herald shipped before the current ones. A lead who saved
//! Settings stored all twenty, changed or not; a stored template still equal
//! to one shipped here is one the lead never edited, so it moves to today's
//! shipped text instead of freezing the old wording (an empty "For you:", an
//! ETA with no confidence) forever.

use super::TemplateKind;
use super::TemplateKind::*;
use crate::terms::Audience;
use crate::terms::Audience::*;

/// Shipped until sections came (Herald 0.1).
pub(super) const FIRST: [(Audience, TemplateKind, &str); 20] = [
    (
        Customers,
        Investigating,
        "We are investigating an issue affecting {affected}. {customer_impact}\n\nOur team is engaged and working to restore normal service.",
    ),
    (
        Customers,
        Identified,
        "We have identified the issue affecting {affected}. {customer_impact}\n\n{doing}",
    ),
    (
        Customers,
        Monitoring,
        "A fix has been implemented for the issue affecting {affected}, and we are monitoring the results.",
    ),
    (
        Customers,
        Holding,
        "We are still investigating the issue affecting {affected}. There is no change since our last update, and our team remains fully engaged.",
    ),
    (
        Customers,
        Resolution,
        "This incident has been resolved. {affected} is operating normally. We apologise for the disruption, and we will share what we learn.",
    ),
    (
        Executives,
        Investigating,
        "{severity} {title}: investigating.\nImpact: {affected}. {customer_impact}\nWhat we know: {known}\nNext steps: {doing}\nETA: {eta} (confidence: {eta_confidence})",
    ),
    (
        Executives,
        Identified,
        "{severity} {title}: cause identified.\nImpact: {affected}. {customer_impact}\nWhat we know: {known}\nNext steps: {doing}\nETA: {eta} (confidence: {eta_confidence})",
    ),
    (
        Executives,
        Monitoring,
        "{severity} {title}: fix in place, monitoring.\nImpact: {affected}.\nWhat we know: {known}\nNext steps: {doing}",
    ),
    (
        Executives,
        Holding,
        "{severity} {title}: no change since the last update. The team is still working on it.\nETA: {eta} (confidence: {eta_confidence})",
    ),
    (
        Executives,
        Resolution,
        "{severity} {title}: resolved. Customer impact has ended. A postmortem will follow.",
    ),
    (
        Internal,
        Investigating,
        "Holding line for customers (approved): we are investigating an issue affecting {affected}. {customer_impact} Our team is engaged. Please do not share causes or ETAs.\n\nFor you: {known}",
    ),
    (
        Internal,
        Identified,
        "Holding line for customers (approved): we have identified the issue affecting {affected} and are working on a fix. Please do not share causes or ETAs.\n\nFor you: {known} {doing}",
    ),
    (
        Internal,
        Monitoring,
        "Holding line for customers (approved): a fix is in place for the issue affecting {affected} and we are monitoring. Please do not call it resolved yet.",
    ),
    (
        Internal,
        Holding,
        "No change to the holding line: we are still working on the issue affecting {affected}. Please keep pointing customers to the status page.",
    ),
    (
        Internal,
        Resolution,
        "Resolved: {affected} is operating normally. You may tell customers the issue is resolved.",
    ),
    (
        IncidentChannel,
        Investigating,
        "[{severity}] {title} — investigating. Affected: {affected}. Known: {known}. Doing: {doing}.",
    ),
    (
        IncidentChannel,
        Identified,
        "[{severity}] {title} — identified. Known: {known}. Doing: {doing}. ETA {eta} ({eta_confidence}).",
    ),
    (
        IncidentChannel,
        Monitoring,
        "[{severity}] {title} — monitoring. {doing}",
    ),
    (
        IncidentChannel,
        Holding,
        "[{severity}] {title} — no change. Still {status}.",
    ),
    (
        IncidentChannel,
        Resolution,
        "[{severity}] {title} — resolved.",
    ),
];

//! The scenarios Herald ships, each a file in `crates/core/drills/` read
//! through the same parser as a lead's own, so a broken one fails its test.

use super::{Scenario, ScenarioError, parse};

/// Each shipped scenario's id and file text.
pub const SHIPPED: [(&str, &str); 5] = [
    ("warm-up", include_str!("../../drills/warm-up.toml")),
    (
        "checkout-sev1",
        include_str!("../../drills/checkout-sev1.toml"),
    ),
    (
        "escalation-sev2",
        include_str!("../../drills/escalation-sev2.toml"),
    ),
    (
        "data-exposure",
        include_str!("../../drills/data-exposure.toml"),
    ),
    (
        "long-handoff",
        include_str!("../../drills/long-handoff.toml"),
    ),
];

/// A shipped scenario by id, or `None` for an id Herald does not ship.
pub fn shipped(id: &str) -> Option<Result<Scenario, ScenarioError>> {
    SHIPPED
        .iter()
        .find(|(name, _)| *name == id)
        .map(|(_, text)| parse(text))
}

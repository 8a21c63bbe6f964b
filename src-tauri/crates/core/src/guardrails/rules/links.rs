//! Links a reader follows. A customer clicks "https://status.acme.com/
//! incidents/abc123?utm_source=email" and never reads its path as prose, so
//! words inside a public link ("utm_source", "abc123", a name in a blog
//! post's address) are no finding of any rule. A link to an internal host
//! is still jargon, whole (see [`INTERNAL_URL`]).

use std::sync::LazyLock;

use regex::Regex;

use super::compile;

/// Internal URLs: private hosts, internal tools, ports. Jargon, as a whole.
pub(super) const INTERNAL_URL: &str = r"(?i)\bhttps?://(?:localhost|[\d.]+|[^\s/]*\.(?:internal|local|lan|corp|intra|intranet|svc|consul|localdomain)\b|(?:grafana|kibana|jenkins|jira|confluence|wiki|admin|argocd|splunk|sentry|vault|bastion|internal|intranet|ci|git)\.[^\s/]+|[^\s/:]+:\d+)[^\s<>]*";

/// A link as written in a draft: with its scheme, or from "www.".
static LINK: LazyLock<Regex> =
    LazyLock::new(|| compile(r#"(?i)\b(?:https?://|www\.)[^\s<>"“”‘’]+"#));

static INTERNAL: LazyLock<Regex> = LazyLock::new(|| compile(&format!("^(?:{INTERNAL_URL})")));

pub(super) fn warm() {
    LazyLock::force(&LINK);
    LazyLock::force(&INTERNAL);
}

/// The byte ranges of the public links in `text`, without the sentence's
/// punctuation after them ("see https://acme.com/status." ends at "status").
pub(super) fn public(text: &str) -> Vec<(usize, usize)> {
    if !text.contains("http") && !text.contains("www.") && !text.contains("WWW.") {
        return Vec::new();
    }
    LINK.find_iter(text)
        .filter(|m| !INTERNAL.is_match(m.as_str()))
        .map(|m| {
            let link = m
                .as_str()
                .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']']);
            (m.start(), m.start() + link.len())
        })
        .collect()
}

/// Whether `start..end` lies wholly inside one of `links`.
pub(super) fn inside(links: &[(usize, usize)], start: usize, end: usize) -> bool {
    links.iter().any(|&(from, to)| from <= start && end <= to)
}

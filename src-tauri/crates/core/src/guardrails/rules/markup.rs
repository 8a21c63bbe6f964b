//! What a reader does not read as words: a link they click, an emoji a chat
//! shows as a picture. A customer clicks "https://status.acme.com/
//! incidents/abc123?utm_source=email" and never reads its path as prose, and
//! an executive sees a siren, not ":rotating_light:", so words inside either
//! ("utm_source", "abc123", a name in a blog post's address) are no finding
//! of any rule. A link to an internal host is still jargon, whole (see
//! [`INTERNAL_URL`]).

use std::sync::LazyLock;

use regex::Regex;

use super::compile;

/// Internal URLs: private hosts, internal tools, ports. Jargon, as a whole.
pub(super) const INTERNAL_URL: &str = r"(?i)\bhttps?://(?:localhost|[\d.]+|[^\s/]*\.(?:internal|local|lan|corp|intra|intranet|svc|consul|localdomain)\b|(?:grafana|kibana|jenkins|jira|confluence|wiki|admin|argocd|splunk|sentry|vault|bastion|internal|intranet|ci|git)\.[^\s/]+|[^\s/:]+:\d+)[^\s<>]*";

/// A link as written in a draft: with its scheme, or from "www.".
static LINK: LazyLock<Regex> =
    LazyLock::new(|| compile(r#"(?i)\b(?:https?://|www\.)[^\s<>"“”‘’]+"#));

static INTERNAL: LazyLock<Regex> = LazyLock::new(|| compile(&format!("^(?:{INTERNAL_URL})")));

/// An emoji shortcode as Slack and GitHub write it (":rotating_light:",
/// ":white_check_mark:"), standing apart: a letter inside, and no digit or
/// colon just before it, so "14:05:30" is a time, not a shortcode.
static SHORTCODE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?:^|[\s(\[])(:[a-z0-9_+-]*[a-z][a-z0-9_+-]*:)(?:$|[\s.,;!?)\]])"));

pub(super) fn warm() {
    LazyLock::force(&LINK);
    LazyLock::force(&INTERNAL);
    LazyLock::force(&SHORTCODE);
}

/// The byte ranges of the public links and emoji shortcodes in `text`; a
/// link without the sentence's punctuation after it ("see
/// https://acme.com/status." ends at "status").
pub(super) fn not_prose(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    if text.contains("://") || has_www(text) {
        found.extend(
            LINK.find_iter(text)
                .filter(|m| !INTERNAL.is_match(m.as_str()))
                .map(|m| {
                    let link = m
                        .as_str()
                        .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']']);
                    (m.start(), m.start() + link.len())
                }),
        );
    }
    if text.contains(':') {
        found.extend(
            SHORTCODE
                .captures_iter(text)
                .filter_map(|c| c.get(1))
                .map(|m| (m.start(), m.end())),
        );
    }
    found
}

/// Whether "www." stands anywhere in `text`, in any case ("WWW.ACME.COM"
/// from a pasted notice): a cheap check that spares most drafts the link
/// pattern, which is case-blind too.
fn has_www(text: &str) -> bool {
    text.as_bytes()
        .windows(4)
        .any(|four| four.eq_ignore_ascii_case(b"www."))
}

/// Whether `start..end` lies wholly inside one of `ranges`.
pub(super) fn inside(ranges: &[(usize, usize)], start: usize, end: usize) -> bool {
    ranges.iter().any(|&(from, to)| from <= start && end <= to)
}

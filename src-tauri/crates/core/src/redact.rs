//! What may be written to Herald's log file. Nothing secret is logged on
//! purpose (channels appear by name, errors are scrubbed first); this is the
//! second line: every web address loses its path and query (where webhook
//! tokens live), and signing secrets and authorization tokens are masked.

/// The text with addresses cut to scheme and host, and tokens masked.
pub fn for_log(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find_address(rest) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = tail
            .find(|c: char| {
                c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '`' | ')' | ']')
            })
            .unwrap_or(tail.len());
        out.push_str(&address(&tail[..end]));
        rest = &tail[end..];
    }
    out.push_str(rest);
    mask_tokens(&out)
}

fn find_address(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    [lower.find("https://"), lower.find("http://")]
        .into_iter()
        .flatten()
        .min()
}

/// `https://hooks.example.com/services/T0/B0/xyz?sig=1` → `https://hooks.example.com/••••`.
fn address(raw: &str) -> String {
    match url::Url::parse(raw) {
        Ok(url) => {
            let host = url.host_str().unwrap_or("");
            let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
            let hidden = url.path() != "/" || url.query().is_some() || !url.username().is_empty();
            format!(
                "{}://{host}{port}{}",
                url.scheme(),
                if hidden { "/••••" } else { "/" }
            )
        }
        Err(_) => "••••".to_owned(),
    }
}

/// `whsec_…`, `OAuth …`, `Bearer …`, `Basic …` and `password=…` keep their name only.
fn mask_tokens(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut mask_next = false;
    for word in text.split_inclusive(char::is_whitespace) {
        let bare = word.trim_end();
        let space = &word[bare.len()..];
        if mask_next && !bare.is_empty() {
            out.push_str("••••");
            out.push_str(space);
            mask_next = false;
            continue;
        }
        if let Some(at) = bare.find("whsec_") {
            out.push_str(&bare[..at + "whsec_".len()]);
            out.push_str("••••");
        } else if let Some((key, _)) = bare.split_once('=').filter(|(k, _)| {
            let k = k.to_ascii_lowercase();
            k.ends_with("password") || k.ends_with("token") || k.ends_with("secret") || k == "sig"
        }) {
            out.push_str(key);
            out.push_str("=••••");
        } else {
            out.push_str(bare);
            mask_next = matches!(bare, "OAuth" | "Bearer" | "Basic");
        }
        out.push_str(space);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::for_log;

    #[test]
    fn addresses_lose_their_path_and_tokens_their_value() {
        for (input, expect) in [
            (
                "posting to https://hooks.slack.com/services/T0/B0/XXXsecret failed",
                "posting to https://hooks.slack.com/•••• failed",
            ),
            (
                "url=\"https://x.example:8443/hook?sig=abc123\"",
                "url=\"https://x.example:8443/••••\"",
            ),
            (
                "see https://status.example.com/ now",
                "see https://status.example.com/ now",
            ),
            (
                "Authorization: OAuth abcdef123 next",
                "Authorization: OAuth •••• next",
            ),
            ("key whsec_MfKQ9r8GKYqrTwjU end", "key whsec_•••• end"),
            (
                "smtp password=hunter2 refused",
                "smtp password=•••• refused",
            ),
            ("nothing secret here", "nothing secret here"),
        ] {
            assert_eq!(for_log(input), expect, "{input}");
        }
    }
}

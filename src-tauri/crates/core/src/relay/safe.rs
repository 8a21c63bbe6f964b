//! Text that leaves Herald must say only what the lead wrote: no mention that
//! pings a whole channel, no link whose visible text hides its target, no
//! control characters, and no server-returned id that could reshape a URL.
//!
//! Decisions, per channel kind:
//! - Mentions (`@channel`, `@here`, `@all`, `@everyone`, `@someone`, Slack's
//!   `<!channel>`, Google Chat's `<users/all>`) are defused everywhere by a
//!   zero-width space after the `@` or `<`: they read the same and ping no one.
//!   Slack and e-mail already escape `<`, `>` and `&`; Discord also sends
//!   `allowed_mentions: {parse: []}`.
//! - Bare web addresses stay live: every client shows their target. Links
//!   whose text differs from their target (`<url|text>` and Markdown
//!   `[text](url)`) are defused on chat kinds, Teams and Statuspage, so a
//!   pasted phishing link cannot hide behind friendly words. The incident link
//!   Herald adds itself (a button or the card's title) stays live.

use super::channel::ChannelKind;

/// A zero-width space: invisible, and enough to break mention and link syntax.
const BREAK: char = '\u{200B}';

/// Mentions and hidden-target links made inert.
pub fn defuse(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        let next = chars.get(i + 1).copied();
        let before = i.checked_sub(1).map(|j| chars[j]);
        let starts_word = before.is_none_or(|b| !b.is_alphanumeric() && b != '.' && b != '_');
        let breaks = match c {
            // "@channel", "@here", "@someone" — but not "ops@example.com".
            '@' => starts_word && next.is_some_and(|n| n.is_alphanumeric()),
            // "<!channel>", "<users/all>", "<https://x|text>", "<@U123>", "<#C1>".
            '<' => next.is_some_and(|n| n.is_alphanumeric() || matches!(n, '!' | '@' | '#')),
            // "[text](url)": break between "]" and "(".
            ']' => next == Some('('),
            _ => false,
        };
        if breaks {
            out.push(BREAK);
        }
    }
    out
}

/// One-line text (titles, names) with control characters removed.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !c.is_control())
        .collect()
}

/// Whether an id a service returned may be kept (and later put into a path).
pub fn remote_id_ok(kind: ChannelKind, id: &str) -> bool {
    let plain = |s: &str, extra: &[char]| {
        !s.is_empty()
            && s.len() <= 128
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || extra.contains(&c))
    };
    match kind {
        ChannelKind::Discord => {
            !id.is_empty() && id.len() <= 25 && id.chars().all(|c| c.is_ascii_digit())
        }
        ChannelKind::Statuspage => plain(id, &[]),
        ChannelKind::GoogleChat => {
            let parts: Vec<&str> = id.split('/').collect();
            matches!(parts.as_slice(), ["spaces", space, "messages", message]
                if plain(space, &['_', '-']) && plain(message, &['_', '-', '.']))
        }
        _ => id.is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        assert_eq!(defuse(input).replace(BREAK, "|"), expect, "{input:?}");
    }

    #[test]
    fn mentions_and_hidden_links_are_defused_and_plain_text_is_not() {
        check(
            "@channel @here @all @everyone",
            "@|channel @|here @|all @|everyone",
        );
        check(
            "<!channel> <users/all> <@U123> <#C1>",
            "<|!channel> <|users/all> <|@|U123> <|#C1>",
        );
        check(
            "<https://evil.example|Status page>",
            "<|https://evil.example|Status page>",
        );
        check(
            "[Status page](https://evil.example)",
            "[Status page]|(https://evil.example)",
        );
        check(
            "Write to ops@example.com, not @ops.",
            "Write to ops@example.com, not @|ops.",
        );
        check(
            "errors < 5% and x > y; a @ b",
            "errors < 5% and x > y; a @ b",
        );
        check(
            "See https://status.example.com",
            "See https://status.example.com",
        );
    }

    #[test]
    fn one_line_text_loses_control_characters() {
        assert_eq!(
            one_line("Checkout\u{7} down\n\u{1b}[31m"),
            "Checkout down [31m"
        );
    }

    #[test]
    fn only_ids_of_the_expected_shape_are_kept() {
        use ChannelKind::*;
        for (kind, id, ok) in [
            (Statuspage, "p31zjtct2jer", true),
            (Statuspage, "../../pages/x", false),
            (Statuspage, "", false),
            (Discord, "1234567890123", true),
            (Discord, "12/../3", false),
            (GoogleChat, "spaces/AAA_b-1/messages/x.Y-z_1", true),
            (GoogleChat, "spaces/AAA/messages/../../x", false),
            (Slack, "", true),
        ] {
            assert_eq!(remote_id_ok(kind, id), ok, "{kind:?} {id:?}");
        }
    }
}

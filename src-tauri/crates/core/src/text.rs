//! Checks and cleaning shared by every free-text input: one-line fields refuse
//! control characters (a bell or an escape in a title reaches every channel's
//! payload and the e-mail subject), and multi-line text keeps only line breaks
//! and tabs among them.

/// Why a one-line field is not acceptable, or `None`.
pub fn single_line_problem(value: &str, max_chars: usize) -> Option<String> {
    if value.chars().count() > max_chars {
        return Some(format!("keep it to {max_chars} characters or fewer"));
    }
    if value.chars().any(char::is_control) {
        return Some("it contains control characters (such as a line break or a bell)".into());
    }
    None
}

/// Multi-line text with every control character except line breaks and tabs
/// removed, and Windows line endings made plain.
pub fn clean_multiline(value: &str) -> String {
    value
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// Byte ranges of the sentences (and lines) of a text: the promises ledger,
/// what each audience was told, and the guardrails' trained model all read
/// text a sentence at a time.
pub(crate) fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let ends = match b {
            b'\n' | b'!' | b'?' => true,
            // A full stop ends a sentence, not the one in "a.m." or "3.5".
            b'.' => bytes
                .get(i + 1)
                .is_none_or(|next| next.is_ascii_whitespace()),
            _ => false,
        };
        if ends {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_fields_refuse_controls_and_length() {
        for (value, ok) in [
            ("Checkout errors", true),
            ("Checkout\u{7} errors", false),
            ("Checkout\nerrors", false),
            ("\u{1b}[31mred", false),
            ("é".repeat(20).as_str(), true),
            ("é".repeat(21).as_str(), false),
        ] {
            assert_eq!(single_line_problem(value, 20).is_none(), ok, "{value:?}");
        }
    }

    #[test]
    fn sentences_break_at_stops_and_lines_but_not_inside_numbers() {
        let text = "Version 3.5 is out at 9 a.m. today. Is it? Yes!\nNext line";
        let parts: Vec<&str> = sentences(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            parts,
            [
                "Version 3.5 is out at 9 a.m.",
                " today.",
                " Is it?",
                " Yes!",
                "\n",
                "Next line"
            ]
        );
    }

    #[test]
    fn multiline_text_keeps_breaks_and_tabs_only() {
        assert_eq!(clean_multiline("a\r\nb\tc\u{7}\u{0}d\u{1b}"), "a\nb\tcd");
    }
}

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
    fn multiline_text_keeps_breaks_and_tabs_only() {
        assert_eq!(clean_multiline("a\r\nb\tc\u{7}\u{0}d\u{1b}"), "a\nb\tcd");
    }
}

//! A draft saved whole, turned into the one splice that changes it, so the
//! shared text keeps everyone else's characters around the edit.

/// The byte range of `old` to replace and the text to put there, on char
/// boundaries: the common prefix and suffix are left alone.
pub(crate) fn splice<'a>(old: &str, new: &'a str) -> (usize, usize, &'a str) {
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .find(|((_, a), b)| a != b)
        .map(|((i, _), _)| i)
        // One is a prefix of the other: it ends where the shorter one does.
        .unwrap_or_else(|| old.len().min(new.len()));
    let old_rest = &old[prefix..];
    let new_rest = &new[prefix..];
    let suffix = old_rest
        .chars()
        .rev()
        .zip(new_rest.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    (prefix, old.len() - suffix, &new[prefix..new.len() - suffix])
}

#[cfg(test)]
mod tests {
    use super::splice;

    #[test]
    fn a_splice_is_the_smallest_change_on_char_boundaries() {
        assert_eq!(splice("abc", "abc"), (3, 3, ""));
        assert_eq!(splice("abc", "abXc"), (2, 2, "X"));
        assert_eq!(splice("abc", "ac"), (1, 2, ""));
        assert_eq!(splice("", "new"), (0, 0, "new"));
        assert_eq!(splice("old", ""), (0, 3, ""));
        assert_eq!(splice("ab", "abcd"), (2, 2, "cd"));
        assert_eq!(splice("café au lait", "café noir"), (6, 13, "noir"));
        assert_eq!(splice("naïve", "naive"), (2, 4, "i"));
        // A repeated letter is kept once, not matched twice.
        assert_eq!(splice("aa", "a"), (1, 2, ""));
    }
}

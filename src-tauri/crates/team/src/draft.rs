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

/// The lead's edit (from `base`, the text both sides last agreed on, to
/// `local`) placed on `shared`, which others may have changed meanwhile: a
/// range of `shared` to replace and what to put there. Edits in different
/// places both stay; where they overlap, the lead's words win the overlap.
pub(crate) fn rebase(base: &str, local: &str, shared: &str) -> (usize, usize, String) {
    let (start, end, insert) = splice(base, local);
    if shared == base {
        return (start, end, insert.to_owned());
    }
    let (their_start, their_end, theirs) = splice(base, shared);
    if end <= their_start && !(start == end && end == their_start && !theirs.is_empty()) {
        (start, end, insert.to_owned())
    } else if start >= their_end {
        let shift = |at: usize| at + theirs.len() - (their_end - their_start);
        (shift(start), shift(end), insert.to_owned())
    } else {
        // Overlapping edits: the lead's text replaces the span both touched.
        let from = start.min(their_start);
        let to_base = end.max(their_end);
        let to_shared = to_base + theirs.len() - (their_end - their_start);
        let local_end = to_base + local.len() - base.len();
        (from, to_shared, local[from..local_end].to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::{rebase, splice};

    fn apply(text: &str, (start, end, insert): (usize, usize, String)) -> String {
        format!("{}{insert}{}", &text[..start], &text[end..])
    }

    #[test]
    fn the_leads_edit_lands_beside_what_others_typed_meanwhile() {
        let base = "Checkout is failing.";
        // Others added at the start; the lead added at the end.
        let shared = "UPDATE: Checkout is failing.";
        let local = "Checkout is failing. Next update at 21:00.";
        let merged = apply(shared, rebase(base, local, shared));
        assert_eq!(merged, "UPDATE: Checkout is failing. Next update at 21:00.");
        // And the other way round.
        let merged = apply(local, rebase(base, shared, local));
        assert_eq!(merged, "UPDATE: Checkout is failing. Next update at 21:00.");
        // Nothing changed elsewhere: the edit as it is.
        assert_eq!(apply(base, rebase(base, local, base)), local);
        // Both deleted or rewrote the same words: the lead's version of them.
        let merged = apply(
            "Checkout is down.",
            rebase(base, "Checkout is slow.", "Checkout is down."),
        );
        assert_eq!(merged, "Checkout is slow.");
        // Both typed at the same spot: both kept, theirs first.
        let merged = apply("ab X", rebase("ab ", "ab Y", "ab X"));
        assert_eq!(merged, "ab XY");
    }

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

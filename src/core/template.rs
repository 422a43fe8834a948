//! Tiny `{name}` placeholder filling for user-facing strings that carry numbers or names.

/// Replaces each `{key}` in `template` with its value. Unknown placeholders are left as they
/// are, so a translator's typo shows up visibly instead of crashing anything.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (key, value) in values {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

/// The placeholders (`{name}`) a template uses, in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                found.push(&after[..end]);
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_every_occurrence_and_leaves_unknown_keys() {
        assert_eq!(
            fill(
                "Question {n} of {total} ({n})",
                &[("n", "4"), ("total", "20")]
            ),
            "Question 4 of 20 (4)"
        );
        assert_eq!(fill("{missing} stays", &[("n", "1")]), "{missing} stays");
    }

    #[test]
    fn lists_placeholders() {
        assert_eq!(placeholders("{a} and {b}, {"), vec!["a", "b"]);
        assert!(placeholders("plain").is_empty());
        assert_eq!(placeholders("{} of {total}"), vec!["", "total"], "a typo");
    }
}

//! The small, safe text format used in FAQ answers and other long copy.
//!
//! Publishers and translators write plain text; `*words*` becomes emphasis and
//! `[words](https://…)` a link. Nothing else is interpreted, so no markup can ever be
//! injected: every piece is rendered as text by the UI and escaped by the HTML renderer.

/// One run of inline text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Emphasis(String),
    Link { text: String, href: String },
}

/// Parses one paragraph. Malformed markers are kept as literal text.
pub fn parse(source: &str) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut text = String::new();
    let mut rest = source;
    while let Some(c) = rest.chars().next() {
        if c == '*' {
            if let Some(end) = rest[1..].find('*') {
                let inner = &rest[1..1 + end];
                if !inner.is_empty() && !inner.starts_with(' ') {
                    flush(&mut text, &mut out);
                    out.push(Inline::Emphasis(inner.to_owned()));
                    rest = &rest[end + 2..];
                    continue;
                }
            }
        } else if c == '[' {
            if let Some((link, used)) = parse_link(rest) {
                flush(&mut text, &mut out);
                out.push(link);
                rest = &rest[used..];
                continue;
            }
        }
        text.push(c);
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut text, &mut out);
    out
}

fn flush(text: &mut String, out: &mut Vec<Inline>) {
    if !text.is_empty() {
        out.push(Inline::Text(std::mem::take(text)));
    }
}

/// `[text](href)` at the start of `s`; returns the link and the bytes it used.
fn parse_link(s: &str) -> Option<(Inline, usize)> {
    let close = s.find("](")?;
    let text = &s[1..close];
    let after = &s[close + 2..];
    let end = after.find(')')?;
    let href = after[..end].trim();
    if text.is_empty() || text.contains('[') || !is_safe_href(href) {
        return None;
    }
    Some((
        Inline::Link {
            text: text.to_owned(),
            href: href.to_owned(),
        },
        close + 2 + end + 1,
    ))
}

/// True for URLs a visitor can follow safely: http(s), tel:, mailto:, or a relative
/// reference (`#contact`, `/book`). Anything with another scheme (`javascript:`, `data:`)
/// is refused.
pub fn is_safe_href(href: &str) -> bool {
    let href = href.trim();
    if href.is_empty() || href.chars().any(|c| c.is_control() || c == ' ') {
        return false;
    }
    let lower = href.to_ascii_lowercase();
    let scheme_end = lower.find(':');
    let path_start = lower.find(['/', '?', '#']).unwrap_or(lower.len());
    match scheme_end {
        Some(i) if i < path_start => {
            let scheme = &lower[..i];
            matches!(scheme, "http" | "https" | "tel" | "mailto")
                && (scheme != "http" && scheme != "https" || lower[i..].starts_with("://"))
        }
        // Protocol-relative URLs inherit the host page's scheme, which is fine.
        _ => true,
    }
}

/// The text of a paragraph with its markers removed (for JSON-LD and plain contexts).
pub fn plain(source: &str) -> String {
    parse(source)
        .into_iter()
        .map(|inline| match inline {
            Inline::Text(t) | Inline::Emphasis(t) => t,
            Inline::Link { text, .. } => text,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_emphasis_and_links() {
        assert_eq!(
            parse("Read *this* at [our page](https://example.org/a)."),
            vec![
                Inline::Text("Read ".into()),
                Inline::Emphasis("this".into()),
                Inline::Text(" at ".into()),
                Inline::Link {
                    text: "our page".into(),
                    href: "https://example.org/a".into()
                },
                Inline::Text(".".into()),
            ]
        );
    }

    #[test]
    fn keeps_markup_and_unsafe_links_as_text() {
        assert_eq!(
            parse("<b>hi</b> [x](javascript:alert(1)) 2 * 3"),
            vec![Inline::Text(
                "<b>hi</b> [x](javascript:alert(1)) 2 * 3".into()
            )]
        );
    }

    #[test]
    fn stars_and_brackets_that_mark_nothing_stay_as_written() {
        for literal in ["2 * 3 * 4", "a ** b", "[](https://example.org)"] {
            assert_eq!(
                parse(literal),
                vec![Inline::Text(literal.into())],
                "{literal}"
            );
        }
    }

    #[test]
    fn href_safety() {
        for ok in [
            "https://a.org",
            "http://a.org/x",
            "tel:+18007997233",
            "mailto:a@b.org",
            "#contact",
            "/book",
            "book?x=1",
            "/book?at=10:30",
            "#faq:intro",
            "//cdn.org/x",
        ] {
            assert!(is_safe_href(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:x",
            "data:text/html,x",
            "vbscript:x",
            "",
            "https:evil",
            "http://a b",
        ] {
            assert!(!is_safe_href(bad), "{bad}");
        }
    }

    #[test]
    fn plain_strips_markers() {
        assert_eq!(plain("A *b* [c](#d)"), "A b c");
    }
}

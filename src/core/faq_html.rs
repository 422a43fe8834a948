//! Static renderings of the FAQ for places where the widget's JavaScript does not run:
//! a `<details>` snippet for the host page's light DOM (crawlers, no-JS visitors) and
//! schema.org `FAQPage` JSON-LD.

use super::json::Value;

use super::content::FaqEntry;
use super::rich_text::{parse, plain, Inline};

/// Escapes text for HTML element content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn paragraph(source: &str) -> String {
    let mut html = String::from("<p>");
    for inline in parse(source) {
        match inline {
            Inline::Text(t) => html.push_str(&escape(&t)),
            Inline::Emphasis(t) => html.push_str(&format!("<em>{}</em>", escape(&t))),
            Inline::Link { text, href } => html.push_str(&format!(
                "<a href=\"{}\">{}</a>",
                escape(&href),
                escape(&text)
            )),
        }
    }
    html.push_str("</p>");
    html
}

/// The ready-to-paste light-DOM snippet: plain `<details><summary>` markup, one per entry,
/// with the same ids the widget uses for deep links.
pub fn snippet(title: &str, entries: &[FaqEntry]) -> String {
    let mut html = format!(
        "<!-- FAQ for visitors without JavaScript and for search engines; the widget hides it once it loads. -->\n<div class=\"eiw-faq-fallback\">\n  <h2>{}</h2>\n",
        escape(title)
    );
    for entry in entries {
        html.push_str(&format!(
            "  <details id=\"faq-{}\">\n    <summary>{}</summary>\n",
            escape(&entry.slug),
            escape(&entry.question)
        ));
        for p in &entry.answer {
            html.push_str("    ");
            html.push_str(&paragraph(p));
            html.push('\n');
        }
        html.push_str("  </details>\n");
    }
    html.push_str("</div>\n");
    html
}

/// schema.org `FAQPage` structured data for the entries shown.
pub fn json_ld(entries: &[FaqEntry]) -> String {
    let items: Vec<Value> = entries
        .iter()
        .map(|e| {
            let answer: Vec<String> = e.answer.iter().map(|p| plain(p)).collect();
            Value::object([
                ("@type", "Question".into()),
                ("name", e.question.as_str().into()),
                (
                    "acceptedAnswer",
                    Value::object([
                        ("@type", "Answer".into()),
                        ("text", answer.join("\n\n").into()),
                    ]),
                ),
            ])
        })
        .collect();
    Value::object([
        ("@context", "https://schema.org".into()),
        ("@type", "FAQPage".into()),
        ("mainEntity", items.into()),
    ])
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(slug: &str, q: &str, a: &[&str]) -> FaqEntry {
        FaqEntry {
            slug: slug.into(),
            question: q.into(),
            answer: a.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn snippet_escapes_and_renders_the_safe_subset() {
        let html = snippet(
            "FAQ",
            &[entry(
                "a-b",
                "Is <this> \"safe\"?",
                &["Yes & *really* [see](https://x.org/?a=1&b=2)", "Two"],
            )],
        );
        assert!(html.contains("<details id=\"faq-a-b\">"));
        assert!(html.contains("<summary>Is &lt;this&gt; &quot;safe&quot;?</summary>"));
        assert!(html.contains(
            "<p>Yes &amp; <em>really</em> <a href=\"https://x.org/?a=1&amp;b=2\">see</a></p>"
        ));
        assert!(html.contains("<p>Two</p>"));
        assert!(!html.contains("<this>"));
    }

    /// The snippet goes into a publisher's page, where a tool's command means nothing.
    #[test]
    fn snippet_names_no_tool() {
        let html = snippet("FAQ", &[entry("a", "Q?", &["A."])]);
        assert!(html.starts_with("<!-- FAQ for visitors without JavaScript"));
        for tool in ["run.sh", "cargo", "Generated"] {
            assert!(!html.contains(tool), "{tool}");
        }
    }

    #[test]
    fn json_ld_is_valid_faq_page() {
        let text = json_ld(&[entry("a", "Q1?", &["A *one*", "Para </script> two"])]);
        assert!(
            !text.contains("</script>"),
            "safe inside a script element: {text}"
        );
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["@type"], "FAQPage");
        assert_eq!(v["mainEntity"][0]["name"], "Q1?");
        assert_eq!(
            v["mainEntity"][0]["acceptedAnswer"]["text"],
            "A one\n\nPara </script> two"
        );
    }
}

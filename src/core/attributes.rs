//! The element's attributes, from `attributes.json` at the repository root.
//!
//! The table is written once, as JSON, because Rust is not its only reader: the loader, the
//! npm package's types and manifest, the docs and the WordPress plugin are generated from the
//! same file by Node tools that should not need a Rust build to run (see the file's
//! `$comment`). `build.rs` checks the file and turns it into the Rust included below:
//! `TABLE`, and the fields of [`Attributes`], so adding an attribute to the JSON adds its
//! field, and reading, checking and fuzzing it follow without another edit. What a value
//! *means* stays code, in `settings::from_attributes`.

/// What kind of value an attribute takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Any text (a link, a label).
    Text,
    /// Present turns it on (any value but `false`).
    Flag,
    /// One of `values` (or, when `open`, another value of the same sort).
    Choice,
    /// `on` or `off`.
    Switch,
}

/// What a change of the attribute on a live element does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnChange {
    /// The loader restarts the widget with the new settings (it observes the attribute).
    Restart,
    /// The stylesheet follows it at once; nothing restarts.
    Apply,
    /// Read once, when the element is first connected.
    Ignore,
}

/// Who reads the attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadBy {
    /// The widget, through [`Attributes`] and `settings::from_attributes`.
    Widget,
    /// The loader (static/emotional-intimacy-widget.js) alone.
    Loader,
}

/// One row of the table. The words for people (description, how the default reads) are
/// only in `attributes.json`: no Rust code needs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribute {
    pub name: &'static str,
    pub kind: Kind,
    /// A choice's values, in the order the docs show them; empty for other kinds.
    pub values: &'static [&'static str],
    /// A choice that also accepts other values of the same sort (`values` are examples).
    pub open: bool,
    /// The value that means the same as leaving the attribute out, if there is one.
    pub default: Option<&'static str>,
    pub on_change: OnChange,
    pub read_by: ReadBy,
}

/// Declares [`Attributes`] with one field per attribute the widget reads; `build.rs` calls it
/// with the table's names (a hyphen becomes an underscore: `faq-mode` → `faq_mode`).
macro_rules! element_attributes {
    ($($field:ident = $name:literal,)*) => {
        /// The raw attribute values read from the host element and page.
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct Attributes {
            $(
                #[doc = concat!("The `", $name, "` attribute.")]
                pub $field: Option<String>,
            )*
            /// The host page's `<html lang>`.
            pub page_lang: Option<String>,
            /// The host page's URL fragment, for FAQ deep links.
            pub page_hash: Option<String>,
            /// The visitor's browser languages (`navigator.languages`), most preferred
            /// first: where crisis resources come from when the publisher sets no `region`.
            pub browser_languages: Vec<String>,
        }

        impl Attributes {
            /// The element attributes the widget reads, in the table's order.
            pub const NAMES: &'static [&'static str] = &[$($name),*];

            /// Sets the attribute `name`; false when the widget reads no such attribute.
            pub fn set(&mut self, name: &str, value: String) -> bool {
                let slot = match name {
                    $($name => &mut self.$field,)*
                    _ => return false,
                };
                *slot = Some(value);
                true
            }
        }
    };
}

include!(concat!(env!("OUT_DIR"), "/attributes.rs"));

/// The table's row for `name`.
pub fn find(name: &str) -> Option<&'static Attribute> {
    TABLE.iter().find(|a| a.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_struct_has_a_field_for_every_attribute_the_widget_reads() {
        let widget: Vec<&str> = TABLE
            .iter()
            .filter(|a| a.read_by == ReadBy::Widget)
            .map(|a| a.name)
            .collect();
        assert_eq!(Attributes::NAMES, widget);
        for name in Attributes::NAMES {
            let mut a = Attributes::default();
            assert!(a.set(name, "x".into()), "{name}");
            assert_ne!(a, Attributes::default(), "{name} has its own field");
        }
        assert!(!Attributes::default().set("loading", "eager".into()));
        assert!(!Attributes::default().set("page-lang", "en".into()));
    }

    #[test]
    fn lookups() {
        assert_eq!(find("compare").map(|a| a.kind), Some(Kind::Switch));
        assert_eq!(find("theme").map(|a| a.on_change), Some(OnChange::Apply));
        assert_eq!(find("colour"), None);
    }
}

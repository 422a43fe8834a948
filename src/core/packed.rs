//! The compact text the widget reads its content from: a built-in language file
//! (`lang/<code>.txt`, made at build time from `content/<code>.json`) and the configuration
//! module's result. Both are written from content that `language` and `config` have already
//! checked, so the widget carries this small reader instead of a JSON parser and the
//! validator (together about 25 KB of its gzip download, measured on the 2026-11-29 build).
//!
//! Format: a version field, then fields separated by U+001F (the ASCII unit separator), in
//! the order the `Pack` impls below write them; a list is its length, then its items.
//! The reader never panics and refuses anything out of shape.

use super::content::{BandText, Content, Dimension, Direction, FaqEntry, Item};
use super::report::{Problem, Severity};
use super::resources::{Kind, Resource, Sms};

const SEPARATOR: char = '\u{1f}';
/// The first field; a reader of another version refuses the text rather than misread it.
const VERSION: &str = "eiw1";
/// No list in real content comes near this; it bounds what garbage can allocate.
const MAX_LIST: usize = 10_000;

pub struct Writer(String);

impl Writer {
    fn new() -> Writer {
        Writer(VERSION.to_owned())
    }

    pub fn text(&mut self, text: &str) {
        self.0.push(SEPARATOR);
        // The separator never appears in real text; keep the field boundaries whatever comes.
        self.0
            .extend(text.chars().map(|c| if c == SEPARATOR { ' ' } else { c }));
    }

    pub fn count(&mut self, n: usize) {
        self.text(&n.to_string());
    }

    pub fn flag(&mut self, on: bool) {
        self.text(if on { "1" } else { "0" });
    }

    pub fn option(&mut self, text: Option<&str>) {
        self.flag(text.is_some());
        if let Some(text) = text {
            self.text(text);
        }
    }

    pub fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Writer, &T)) {
        self.count(items.len());
        for item in items {
            each(self, item);
        }
    }

    pub fn texts(&mut self, texts: &[String]) {
        self.list(texts, |w, t| w.text(t));
    }
}

pub struct Reader<'a>(std::str::Split<'a, char>);

impl Reader<'_> {
    pub fn text(&mut self) -> Option<String> {
        self.0.next().map(str::to_owned)
    }

    pub fn count(&mut self) -> Option<usize> {
        self.0.next()?.parse().ok().filter(|n| *n <= MAX_LIST)
    }

    pub fn flag(&mut self) -> Option<bool> {
        match self.0.next()? {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        }
    }

    pub fn option(&mut self) -> Option<Option<String>> {
        if self.flag()? {
            self.text().map(Some)
        } else {
            Some(None)
        }
    }

    pub fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        // A loop rather than `collect::<Option<_>>()`: the adapter it needs is generic
        // code repeated per item type, a few kilobytes of the download in all.
        let n = self.count()?;
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(each(self)?);
        }
        Some(items)
    }

    pub fn texts(&mut self) -> Option<Vec<String>> {
        self.list(Reader::text)
    }
}

/// A type with a packed form.
pub trait Pack: Sized {
    fn pack(&self, w: &mut Writer);
    fn unpack(r: &mut Reader) -> Option<Self>;
}

pub fn to_text<T: Pack>(value: &T) -> String {
    let mut w = Writer::new();
    value.pack(&mut w);
    w.0
}

/// `None` for text of another version, out of shape, or with fields left over.
pub fn from_text<T: Pack>(text: &str) -> Option<T> {
    let mut r = Reader(text.split(SEPARATOR));
    if r.0.next()? != VERSION {
        return None;
    }
    let value = T::unpack(&mut r)?;
    r.0.next().is_none().then_some(value)
}

impl Pack for Content {
    fn pack(&self, w: &mut Writer) {
        w.text(&self.lang);
        w.text(self.dir.as_str());
        w.text(&self.digits);
        for (_, text) in self.ui.texts() {
            w.text(text);
        }
        w.texts(&self.ui.intro);
        w.texts(&self.scale);
        for band in [&self.bands.strength, &self.bands.grow, &self.bands.explore] {
            w.text(&band.label);
            w.text(&band.sentence);
            w.text(&band.summary);
        }
        w.list(&self.dimensions, |w, d| {
            w.text(&d.id);
            w.text(&d.name);
            w.text(&d.description);
            w.list(&d.items, |w, item| {
                w.text(&item.text);
                w.flag(item.reverse);
            });
            w.texts(&d.tips);
            w.texts(&d.starters);
        });
        for (_, text) in self.safety.texts().chain(self.compare.texts()) {
            w.text(text);
        }
        w.list(&self.faq, |w, entry| {
            w.text(&entry.slug);
            w.text(&entry.question);
            w.texts(&entry.answer);
        });
        w.flag(self.statements_replaced);
    }

    fn unpack(r: &mut Reader) -> Option<Content> {
        let mut c = Content {
            lang: r.text()?,
            dir: match r.text()?.as_str() {
                "rtl" => Direction::Rtl,
                _ => Direction::Ltr,
            },
            digits: r.text()?,
            ..Content::default()
        };
        for slot in c.ui.texts_mut() {
            *slot = r.text()?;
        }
        c.ui.intro = r.texts()?;
        c.scale = r.texts()?;
        let mut band = || {
            Some(BandText {
                label: r.text()?,
                sentence: r.text()?,
                summary: r.text()?,
            })
        };
        (c.bands.strength, c.bands.grow, c.bands.explore) = (band()?, band()?, band()?);
        c.dimensions = r.list(|r| {
            Some(Dimension {
                id: r.text()?,
                name: r.text()?,
                description: r.text()?,
                items: r.list(|r| {
                    Some(Item {
                        text: r.text()?,
                        reverse: r.flag()?,
                    })
                })?,
                tips: r.texts()?,
                starters: r.texts()?,
            })
        })?;
        for slot in c.safety.texts_mut().chain(c.compare.texts_mut()) {
            *slot = r.text()?;
        }
        c.faq = r.list(|r| {
            Some(FaqEntry {
                slug: r.text()?,
                question: r.text()?,
                answer: r.texts()?,
            })
        })?;
        c.statements_replaced = r.flag()?;
        Some(c)
    }
}

impl Pack for Resource {
    fn pack(&self, w: &mut Writer) {
        w.text(match self.kind {
            Kind::Violence => "violence",
            Kind::Crisis => "crisis",
            Kind::Directory => "directory",
            Kind::Emergency => "emergency",
        });
        w.text(&self.name);
        w.option(self.phone.as_deref());
        w.option(self.tel.as_deref());
        w.flag(self.sms.is_some());
        if let Some(sms) = &self.sms {
            w.text(&sms.number);
            w.option(sms.keyword.as_deref());
        }
        w.option(self.url.as_deref());
        w.option(self.country.as_deref());
    }

    fn unpack(r: &mut Reader) -> Option<Resource> {
        Some(Resource {
            kind: match r.text()?.as_str() {
                "violence" => Kind::Violence,
                "crisis" => Kind::Crisis,
                "directory" => Kind::Directory,
                "emergency" => Kind::Emergency,
                _ => return None,
            },
            name: r.text()?,
            phone: r.option()?,
            tel: r.option()?,
            sms: match r.flag()? {
                true => Some(Sms {
                    number: r.text()?,
                    keyword: r.option()?,
                }),
                false => None,
            },
            url: r.option()?,
            country: r.option()?,
        })
    }
}

impl Pack for Problem {
    fn pack(&self, w: &mut Writer) {
        w.flag(self.severity == Severity::Error);
        w.text(&self.path);
        w.text(&self.message);
    }

    fn unpack(r: &mut Reader) -> Option<Problem> {
        Some(Problem {
            severity: if r.flag()? {
                Severity::Error
            } else {
                Severity::Warning
            },
            path: r.text()?,
            message: r.text()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::BUILTIN_LANGUAGES;
    use crate::core::language::builtin;

    #[test]
    fn every_builtin_language_round_trips_and_equals_its_source() {
        for code in BUILTIN_LANGUAGES {
            let content = builtin(code).unwrap();
            let text = to_text(&*content);
            let back: Content = from_text(&text).unwrap();
            // Content's `==` is identity (see its `PartialEq`): texts compare as Debug forms.
            let back = format!("{back:?}");
            assert_eq!(back, format!("{content:?}"), "{code}");
            let source = std::fs::read_to_string(format!("content/{code}.json")).unwrap();
            assert_eq!(
                back,
                format!("{:?}", Content::from_json(&source).unwrap()),
                "{code}: the shipped text is the JSON file"
            );
        }
    }

    #[test]
    fn separators_in_text_cannot_shift_fields() {
        let mut content = (*builtin("en").unwrap()).clone();
        content.ui.title = "a\u{1f}b".into();
        let back: Content = from_text(&to_text(&content)).unwrap();
        assert_eq!(back.ui.title, "a b");
        assert_eq!(back.faq, content.faq);
    }

    #[test]
    fn anything_out_of_shape_is_refused() {
        let text = to_text(&*builtin("es").unwrap());
        assert!(from_text::<Content>("").is_none());
        assert!(from_text::<Content>("eiw1").is_none());
        assert!(from_text::<Content>(&text.replacen("eiw1", "eiw2", 1)).is_none());
        assert!(from_text::<Content>(&format!("{text}\u{1f}extra")).is_none());
        // Any field short (a cut within the last text would still read: its bytes are text).
        let ends: Vec<usize> = text.match_indices(SEPARATOR).map(|(i, _)| i).collect();
        for cut in [ends[1], ends[ends.len() / 2], ends[ends.len() - 1]] {
            assert!(from_text::<Content>(&text[..cut]).is_none(), "cut at {cut}");
        }
        let huge = text.replacen("\u{1f}5\u{1f}", "\u{1f}99999999999\u{1f}", 1);
        assert!(from_text::<Content>(&huge).is_none());
    }

    #[test]
    fn resources_and_problems_round_trip() {
        // Regions between them listing every kind of line, the emergency number included.
        let mut kinds = Vec::new();
        for region in ["US", "CA", "MX"] {
            let list = crate::core::resources::builtin().select(Some(region), "es");
            let mut w = Writer::new();
            w.list(&list, |w, r| r.pack(w));
            let text = w.0;
            let mut r = Reader(text.split(SEPARATOR));
            r.0.next();
            assert_eq!(r.list(Resource::unpack).unwrap(), list, "{region}");
            kinds.extend(list.iter().map(|resource| resource.kind));
        }
        for kind in [
            Kind::Violence,
            Kind::Crisis,
            Kind::Directory,
            Kind::Emergency,
        ] {
            assert!(kinds.contains(&kind), "{kind:?}");
        }
        let problem = Problem {
            severity: Severity::Warning,
            path: "config.x".into(),
            message: "unknown key".into(),
        };
        assert_eq!(from_text::<Problem>(&to_text(&problem)), Some(problem));
    }
}

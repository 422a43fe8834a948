//! What one widget shows: its attributes, the language it downloaded, and, when the page
//! configures it, the configuration module's result (`Compiled`, made by `config::compile`).
//! This is the widget's side of configuration; the JSON reading and checking stays in the
//! configuration module, which only pages with a configuration download.

use std::rc::Rc;

use super::content::Content;
use super::packed::{Pack, Reader, Writer};
use super::report::{Problem, Report};
use super::resources::{self, Resource};
use super::settings::{from_attributes, Attributes, Settings};

/// The configuration module's result: the publisher's configuration checked and applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Compiled {
    /// Every problem found in the configuration, with its path and fix.
    pub problems: Vec<Problem>,
    /// The language codes the page offers: the built-in ones, then the publisher's own.
    pub languages: Vec<String>,
    /// The content to show, with the publisher's texts, statements and FAQ applied.
    pub content: Content,
    pub cta_label: Option<String>,
    pub cta_href: Option<String>,
    pub cta_phone: Option<String>,
    /// The publisher's own helplines, replacing the regional list.
    pub resources: Option<Vec<Resource>>,
}

impl Pack for Compiled {
    fn pack(&self, w: &mut Writer) {
        w.list(&self.problems, |w, p| p.pack(w));
        w.texts(&self.languages);
        self.content.pack(w);
        w.option(self.cta_label.as_deref());
        w.option(self.cta_href.as_deref());
        w.option(self.cta_phone.as_deref());
        w.flag(self.resources.is_some());
        if let Some(list) = &self.resources {
            w.list(list, |w, r| r.pack(w));
        }
    }

    fn unpack(r: &mut Reader) -> Option<Compiled> {
        Some(Compiled {
            problems: r.list(Problem::unpack)?,
            languages: r.texts()?,
            content: Content::unpack(r)?,
            cta_label: r.option()?,
            cta_href: r.option()?,
            cta_phone: r.option()?,
            resources: match r.flag()? {
                true => Some(r.list(Resource::unpack)?),
                false => None,
            },
        })
    }
}

/// Everything a widget instance needs.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub settings: Settings,
    pub content: Rc<Content>,
    pub resources: Vec<Resource>,
    pub problems: Vec<Problem>,
}

/// Resolves a widget from its attributes, the configuration module's result if the page
/// has a configuration, and the built-in languages downloaded so far (`available` lists
/// those the page could still download; a language whose file failed is not in it).
/// Fails only if there is no content to show at all.
pub fn resolve(
    attributes: &Attributes,
    compiled: Option<Compiled>,
    downloaded: &[Rc<Content>],
    available: &[&str],
) -> Result<Resolved, Vec<Problem>> {
    let mut report = Report(Vec::new());
    let offered: Vec<&str> = match &compiled {
        Some(c) => c.languages.iter().map(String::as_str).collect(),
        None => available.to_vec(),
    };
    let (mut settings, attribute_problems) = from_attributes(attributes, &offered);
    let Compiled {
        problems,
        content,
        cta_label,
        cta_href,
        cta_phone,
        resources,
        ..
    } = match compiled {
        Some(compiled) => compiled,
        None => {
            let wanted = &settings.locale.language;
            let content = downloaded
                .iter()
                .find(|c| &c.lang == wanted)
                .or_else(|| downloaded.iter().find(|c| c.lang == "en"))
                .or(downloaded.first())
                .ok_or_else(|| {
                    report.error("content", "no language could be loaded");
                    report.0.clone()
                })?;
            Compiled {
                problems: Vec::new(),
                languages: Vec::new(),
                content: (**content).clone(),
                cta_label: None,
                cta_href: None,
                cta_phone: None,
                resources: None,
            }
        }
    };
    report.0.extend(problems);
    for p in attribute_problems {
        // Attribute messages read `name="value": what is wrong`; the first part is the path.
        let text = p.to_string();
        let (path, message) = text.split_once(": ").unwrap_or((p.attribute(), &text));
        report.error(path, message);
    }
    // Attributes win over the configuration, even when they are invalid (then the button
    // is hidden rather than silently using another link).
    if attributes.cta_label.is_none() {
        settings.cta_label = cta_label;
    }
    if attributes.cta_href.is_none() {
        settings.cta_href = cta_href;
    }
    settings.cta_phone = cta_phone;
    let resources = resources.unwrap_or_else(|| {
        let directory = resources::builtin();
        let region = directory.region(settings.region.as_deref(), &attributes.browser_languages);
        directory.select(region.as_deref(), &content.lang)
    });
    Ok(Resolved {
        settings,
        content: Rc::new(content),
        resources,
        problems: report.0,
    })
}

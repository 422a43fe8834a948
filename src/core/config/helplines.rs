//! Helpline lists: the publisher's `resources` and the built-in directory, through the same
//! checks. The built-in directory must also say where each entry was confirmed (`source`: the
//! service's own page) and name each country in every built-in language.

use crate::core::json::{Map, Value};
use crate::core::report::{describe, Problem, Report};
use crate::core::resources::{self, phone_digits, Directory, Kind, Region, Resource, Sms};
use crate::core::rich_text::is_safe_href;

const RESOURCE_KEYS: [&str; 6] = ["kind", "name", "phone", "tel", "sms", "url"];
/// A built-in entry's keys: a publisher's, and where its numbers were confirmed.
const BUILTIN_KEYS: [&str; 7] = ["kind", "name", "phone", "tel", "sms", "url", "source"];

/// The publisher's `resources`. `None` if none is usable.
pub fn resource_list(report: &mut Report, base: &str, value: &Value) -> Option<Vec<Resource>> {
    read_list(report, base, value, false)
}

/// A list of helplines: the publisher's `resources`, or a list of the built-in directory
/// (`builtin`), whose entries each need a `source`. `None` if none is usable.
fn read_list(
    report: &mut Report,
    base: &str,
    value: &Value,
    builtin: bool,
) -> Option<Vec<Resource>> {
    let list = report.list(base, value)?;
    let mut out = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let path = format!("{base}[{i}]");
        let Some(map) = report.object(&path, v) else {
            continue;
        };
        let keys: &[&str] = if builtin {
            &BUILTIN_KEYS
        } else {
            &RESOURCE_KEYS
        };
        report.unknown_keys(&path, map, keys);
        if builtin {
            source(report, map, &path);
        }
        let kind = match map.get("kind").and_then(Value::as_str) {
            Some("violence") => Some(Kind::Violence),
            Some("crisis") => Some(Kind::Crisis),
            Some("directory") => Some(Kind::Directory),
            Some("emergency") => Some(Kind::Emergency),
            _ => {
                report.error(
                    &format!("{path}.kind"),
                    "expected \"violence\", \"crisis\", \"directory\" or \"emergency\"",
                );
                None
            }
        };
        let name = report.required_text(map, &path, "name", "name the service");
        let phone = map
            .get("phone")
            .and_then(|p| report.text(&format!("{path}.phone"), p));
        let tel = match map.get("tel").or(map.get("phone")) {
            None => None,
            Some(v) => match v.as_str().and_then(phone_digits) {
                Some(d) => Some(d),
                None => {
                    report.error(
                        &format!("{path}.tel"),
                        format!("{} is not a phone number", describe(v)),
                    );
                    None
                }
            },
        };
        let url = map
            .get("url")
            .and_then(|u| web_address(report, &path, "url", u));
        let sms = map.get("sms").and_then(|s| {
            let m = report.object(&format!("{path}.sms"), s)?;
            let number = m
                .get("number")
                .and_then(Value::as_str)
                .filter(|n| phone_digits(n).is_some())
                .map(|n| n.trim().to_owned());
            let keyword = match m.get("keyword") {
                None => Some(None),
                Some(Value::String(k)) if !k.trim().is_empty() => Some(Some(k.clone())),
                Some(_) => None,
            };
            if number.is_none() || keyword.is_none() {
                report.error(
                    &format!("{path}.sms"),
                    "expected { \"number\": \"88788\", \"keyword\": \"START\" } (the keyword only where the service asks for one)",
                );
            }
            Some(Sms {
                number: number?,
                keyword: keyword?,
            })
        });
        if let (Some(kind), Some(name)) = (kind, name) {
            if tel.is_none() && url.is_none() && sms.is_none() {
                report.error(
                    &path,
                    "needs at least a phone number, text number or website",
                );
                continue;
            }
            out.push(Resource {
                kind,
                name,
                phone: phone.or(tel.clone()),
                tel,
                sms,
                url,
                country: None,
            });
        }
    }
    if out.is_empty() {
        return None;
    }
    Some(resources::violence_first(&out))
}

/// An http(s) address at `map.key`, reported if it is anything else.
fn web_address(report: &mut Report, path: &str, key: &str, value: &Value) -> Option<String> {
    let path = format!("{path}.{key}");
    report.text(&path, value).filter(|u| {
        let ok = is_safe_href(u) && u.starts_with("http");
        if !ok {
            report.error(&path, format!("\"{u}\" is not an http(s) URL"));
        }
        ok
    })
}

/// A built-in entry's `source`: the page of the service's own where its number and address
/// were confirmed. Checked, not shipped: it is for whoever updates the directory.
fn source(report: &mut Report, map: &Map, path: &str) {
    match map.get("source") {
        Some(value) => {
            web_address(report, path, "source", value);
        }
        None => report.error(
            &format!("{path}.source"),
            "is missing; give the page of the service's own that confirms this entry",
        ),
    }
}

/// The built-in helpline directory from `content/resources.json` (minified by build.rs).
/// `languages` are the built-in languages: each region names its country in every one.
pub fn builtin_directory(value: &Value, languages: &[&str]) -> Result<Directory, Vec<Problem>> {
    let mut report = Report(Vec::new());
    let mut directory = Directory {
        regions: Vec::new(),
        international: Vec::new(),
    };
    if let Some(map) = report.object("resources", value) {
        report.unknown_keys("resources", map, &["regions", "international"]);
        let regions = map
            .get("regions")
            .and_then(|r| report.list("resources.regions", r))
            .unwrap_or_default();
        for (i, region) in regions.iter().enumerate() {
            let path = format!("resources.regions[{i}]");
            let Some(r) = report.object(&path, region) else {
                continue;
            };
            report.unknown_keys(&path, r, &["code", "name", "resources"]);
            let code = report
                .required_text(r, &path, "code", "each region needs its code")
                .filter(|code| {
                    let ok = code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase());
                    if !ok {
                        report.error(
                            &format!("{path}.code"),
                            format!("\"{code}\" is not a two-letter country code in capitals, such as \"GB\""),
                        );
                    }
                    ok
                });
            let names = country_names(&mut report, r, &path, languages);
            let resources = r
                .get("resources")
                .and_then(|list| read_list(&mut report, &format!("{path}.resources"), list, true));
            if let (Some(code), Some(names), Some(resources)) = (code, names, resources) {
                directory.regions.push(Region {
                    code,
                    names,
                    resources,
                });
            }
        }
        if let Some(list) = map.get("international") {
            directory.international =
                read_list(&mut report, "resources.international", list, true).unwrap_or_default();
        }
    }
    if report.0.is_empty() {
        Ok(directory)
    } else {
        Err(report.0)
    }
}

/// A region's `name`: the country's name in each built-in language, and no other.
fn country_names(
    report: &mut Report,
    region: &Map,
    path: &str,
    languages: &[&str],
) -> Option<Vec<(String, String)>> {
    let path = format!("{path}.name");
    let Some(value) = region.get("name") else {
        report.error(
            &path,
            "is missing; name the country in every built-in language: { \"en\": \"United Kingdom\", … }",
        );
        return None;
    };
    let map = report.object(&path, value)?;
    report.unknown_keys(&path, map, languages);
    let mut names = Vec::new();
    for language in languages {
        match map.get(language) {
            Some(name) => names.extend(
                report
                    .text(&format!("{path}.{language}"), name)
                    .map(|name| ((*language).to_owned(), name)),
            ),
            None => report.error(
                &format!("{path}.{language}"),
                "is missing; every built-in language names the country",
            ),
        }
    }
    (names.len() == languages.len()).then_some(names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::parse;

    /// The problems of a one-region directory, as "path: message".
    fn problems(region: &str) -> Vec<String> {
        let json = format!(r#"{{"regions": [{region}], "international": []}}"#);
        match builtin_directory(&parse(&json).unwrap(), &["en", "es"]) {
            Ok(_) => Vec::new(),
            Err(problems) => problems
                .iter()
                .map(|p| format!("{}: {}", p.path, p.message))
                .collect(),
        }
    }

    const LINE: &str =
        r#"{"kind": "crisis", "name": "X", "phone": "116 123", "source": "https://x.org/contact"}"#;

    #[test]
    fn a_built_in_region_is_named_and_sourced() {
        let ok = format!(
            r#"{{"code": "GB", "name": {{"en": "United Kingdom", "es": "Reino Unido"}}, "resources": [{LINE}]}}"#
        );
        assert_eq!(problems(&ok), Vec::<String>::new());
        let unsourced = ok.replace(r#", "source": "https://x.org/contact""#, "");
        assert_eq!(
            problems(&unsourced),
            ["resources.regions[0].resources[0].source: is missing; give the page of the service's own that confirms this entry"]
        );
        let bad_source = ok.replace("https://x.org/contact", "javascript:x");
        assert_eq!(
            problems(&bad_source),
            [r#"resources.regions[0].resources[0].source: "javascript:x" is not an http(s) URL"#]
        );
        let unnamed = ok.replace(r#", "es": "Reino Unido""#, "");
        assert_eq!(
            problems(&unnamed),
            ["resources.regions[0].name.es: is missing; every built-in language names the country"]
        );
        let extra = ok.replace(
            r#""es": "Reino Unido""#,
            r#""es": "Reino Unido", "fr": "Royaume-Uni""#,
        );
        assert!(problems(&extra)[0].starts_with("resources.regions[0].name.fr: unknown key"));
        let code = ok.replace(r#""GB""#, r#""uk""#);
        assert_eq!(
            problems(&code),
            [
                r#"resources.regions[0].code: "uk" is not a two-letter country code in capitals, such as "GB""#
            ]
        );
    }

    #[test]
    fn a_text_keyword_only_where_the_service_asks_for_one() {
        let mut report = Report(Vec::new());
        let list = parse(
            r#"[{"kind": "crisis", "name": "A", "sms": {"number": "0458 737 732"}},
                {"kind": "crisis", "name": "B", "sms": {"number": "88788", "keyword": "START"}},
                {"kind": "crisis", "name": "C", "sms": {"number": "1", "keyword": 5}, "url": "https://c.org"}]"#,
        )
        .unwrap();
        let out = resource_list(&mut report, "config.resources", &list).unwrap();
        assert_eq!(out[0].sms_href().as_deref(), Some("sms:0458737732"));
        assert_eq!(
            out[0].sms.as_ref().map(|s| s.number.as_str()),
            Some("0458 737 732")
        );
        assert_eq!(out[1].sms_href().as_deref(), Some("sms:88788?body=START"));
        assert_eq!(out[2].sms, None);
        assert_eq!(report.0.len(), 1);
        assert!(report.0[0].path == "config.resources[2].sms");
        // A publisher's list needs no source, and an entry's source is the built-in data's.
        let mut report = Report(Vec::new());
        let sourced = parse(&format!("[{LINE}]")).unwrap();
        assert!(resource_list(&mut report, "config.resources", &sourced).is_some());
        assert!(report.0[0].message.starts_with("unknown key, ignored"));
    }
}

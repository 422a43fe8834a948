//! Helpline lists: the publisher's `resources` and the built-in directory, through the same
//! checks.

use crate::core::json::Value;
use crate::core::report::{describe, Problem, Report};
use crate::core::resources::{self, phone_digits, Directory, Kind, Region, Resource, Sms};
use crate::core::rich_text::is_safe_href;

const RESOURCE_KEYS: [&str; 6] = ["kind", "name", "phone", "tel", "sms", "url"];

/// A list of helplines: the publisher's `resources`, or a region of the built-in directory.
/// `None` if none is usable.
pub fn resource_list(report: &mut Report, base: &str, value: &Value) -> Option<Vec<Resource>> {
    let list = report.list(base, value)?;
    let mut out = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let path = format!("{base}[{i}]");
        let Some(map) = report.object(&path, v) else {
            continue;
        };
        report.unknown_keys(&path, map, &RESOURCE_KEYS);
        let kind = match map.get("kind").and_then(Value::as_str) {
            Some("violence") => Some(Kind::Violence),
            Some("crisis") => Some(Kind::Crisis),
            Some("directory") => Some(Kind::Directory),
            _ => {
                report.error(
                    &format!("{path}.kind"),
                    "expected \"violence\", \"crisis\" or \"directory\"",
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
            .and_then(|u| report.text(&format!("{path}.url"), u))
            .filter(|u| {
                let ok = is_safe_href(u) && u.starts_with("http");
                if !ok {
                    report.error(
                        &format!("{path}.url"),
                        format!("\"{u}\" is not an http(s) URL"),
                    );
                }
                ok
            });
        let sms = map.get("sms").and_then(|s| {
            let m = report.object(&format!("{path}.sms"), s)?;
            let number = m
                .get("number")
                .and_then(Value::as_str)
                .and_then(phone_digits);
            let keyword = m.get("keyword").and_then(Value::as_str).map(str::to_owned);
            if number.is_none() || keyword.is_none() {
                report.error(
                    &format!("{path}.sms"),
                    "expected { \"number\": \"88788\", \"keyword\": \"START\" }",
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
            });
        }
    }
    if out.is_empty() {
        return None;
    }
    Some(resources::violence_first(&out))
}

/// The built-in helpline directory from `content/resources.json` (minified by build.rs).
pub fn builtin_directory(value: &Value) -> Result<Directory, Vec<Problem>> {
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
            report.unknown_keys(&path, r, &["code", "default_for", "resources"]);
            let code = report.required_text(r, &path, "code", "each region needs its code");
            let default_for = r
                .get("default_for")
                .and_then(|d| report.list(&format!("{path}.default_for"), d))
                .unwrap_or_default()
                .iter()
                .filter_map(|l| l.as_str().map(str::to_owned))
                .collect();
            let resources = r
                .get("resources")
                .and_then(|list| resource_list(&mut report, &format!("{path}.resources"), list));
            if let (Some(code), Some(resources)) = (code, resources) {
                directory.regions.push(Region {
                    code,
                    default_for,
                    resources,
                });
            }
        }
        if let Some(list) = map.get("international") {
            directory.international =
                resource_list(&mut report, "resources.international", list).unwrap_or_default();
        }
    }
    if report.0.is_empty() {
        Ok(directory)
    } else {
        Err(report.0)
    }
}

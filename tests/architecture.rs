//! The layering ARCHITECTURE.md promises, read from the source itself: `core` uses nothing
//! of the browser or of the layers above it, `ui` never reaches into `embed`, and no two
//! modules of `src/` need each other (directly or round a longer circle). Tests are left
//! out: a test may use whatever it checks against.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, recursively.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A file's module path below `src/`, without `mod.rs`: `src/core/quiz.rs` → `core::quiz`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The node a module belongs to in the graph: the layer and its first-level module
/// (`core::config::helplines` counts as `core::config`).
fn node(path: &[String]) -> Option<String> {
    match path {
        [layer, module, ..] => Some(format!("{layer}::{module}")),
        _ => None,
    }
}

/// The code that ships: everything before the file's test module (a top-level
/// `#[cfg(test)]`, which the project keeps at the end of a file).
fn shipped(text: &str) -> &str {
    text.find("\n#[cfg(test)]").map_or(text, |i| &text[..i])
}

/// The first path segments a `use` tree names after a prefix: `a::b` → `[a]`,
/// `{a::b, c}` → `[a, c]`.
fn heads(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(inner) = tree.strip_prefix('{') else {
        let head: String = tree
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        return vec![head];
    };
    let mut out = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                out.extend(heads(&inner[start..i]));
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.extend(heads(&inner[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    out.retain(|h| !h.is_empty() && h != "self");
    out
}

/// Every module of `src/` that `text` (the file of module `me`) refers to, as graph nodes.
fn references(me: &[String], text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        let layer: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if let Some(tree) = rest.get(layer.len()..).and_then(|r| r.strip_prefix("::")) {
            for head in heads(tree) {
                found.insert(format!("{layer}::{head}"));
            }
        }
    }
    // `super::x` in `layer/file.rs` is `layer::x`; deeper files' `super` stays inside their
    // own first-level module, so it adds no edge.
    if let [layer, _] = me {
        for (i, _) in text.match_indices("super::") {
            if text[..i].ends_with("super::") {
                continue;
            }
            for head in heads(&text[i + "super::".len()..]) {
                found.insert(format!("{layer}::{head}"));
            }
        }
    }
    found
}

struct Graph {
    edges: BTreeMap<String, BTreeSet<String>>,
    /// Per node, the external crates its shipped code names.
    externs: BTreeMap<String, BTreeSet<&'static str>>,
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    assert!(
        files.len() > 20,
        "found the sources under {}",
        src.display()
    );
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut externs: BTreeMap<String, BTreeSet<&'static str>> = BTreeMap::new();
    for file in files {
        let path = module_of(&src, &file);
        if path
            .last()
            .is_some_and(|p| p == "tests" || p.ends_with("_test"))
        {
            continue;
        }
        let Some(me) = node(&path) else {
            continue;
        };
        let text = fs::read_to_string(&file).unwrap_or_default();
        let code = shipped(&text);
        let targets = edges.entry(me.clone()).or_default();
        for target in references(&path, code) {
            if target != me {
                targets.insert(target);
            }
        }
        for name in ["web_sys", "js_sys", "wasm_bindgen", "yew", "gloo"] {
            if code.contains(&format!("{name}::")) || code.contains(&format!("use {name}")) {
                externs.entry(me.clone()).or_default().insert(name);
            }
        }
    }
    Graph { edges, externs }
}

#[test]
fn core_uses_nothing_of_the_browser_or_the_layers_above() {
    let g = graph();
    for (module, targets) in g.edges.iter().filter(|(m, _)| m.starts_with("core::")) {
        let above: Vec<_> = targets
            .iter()
            .filter(|t| !t.starts_with("core::"))
            .collect();
        assert!(above.is_empty(), "{module} uses {above:?}");
        // `core::events` builds no DOM event: the embed layer does.
        assert_eq!(g.externs.get(module), None, "{module} uses the browser");
    }
    assert!(
        g.edges.contains_key("core::quiz"),
        "the quiz's rules are in core"
    );
}

#[test]
fn ui_never_reaches_into_the_embed_layer() {
    let g = graph();
    for (module, targets) in g.edges.iter().filter(|(m, _)| m.starts_with("ui::")) {
        let embed: Vec<_> = targets
            .iter()
            .filter(|t| t.starts_with("embed::"))
            .collect();
        assert!(embed.is_empty(), "{module} uses {embed:?}");
    }
}

/// A circle in `edges`, if there is one, as the modules round it.
fn find_circle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    // Depth-first search; a node met again while still on the stack closes a circle.
    fn visit<'a>(
        node: &'a str,
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeMap<&'a str, bool>,
        stack: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match done.get(node) {
            Some(true) => return None,
            Some(false) => {
                let from = stack.iter().position(|n| *n == node).unwrap_or(0);
                let mut circle: Vec<String> =
                    stack.iter().skip(from).map(|s| s.to_string()).collect();
                circle.push(node.to_owned());
                return Some(circle);
            }
            None => {}
        }
        done.insert(node, false);
        stack.push(node);
        for next in edges.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, edges, done, stack) {
                return Some(circle);
            }
        }
        stack.pop();
        done.insert(node, true);
        None
    }
    let mut done = BTreeMap::new();
    edges
        .keys()
        .find_map(|start| visit(start, edges, &mut done, &mut Vec::new()))
}

#[test]
fn no_two_modules_need_each_other() {
    assert_eq!(find_circle(&graph().edges), None, "an import circle");
}

#[test]
fn the_reader_understands_use_trees() {
    assert_eq!(
        heads("{content::{A, B}, quiz::X, self}"),
        ["content", "quiz"]
    );
    assert_eq!(heads("quiz::{Action, Step};"), ["quiz"]);
    let me = ["ui".to_owned(), "quiz".to_owned()];
    let found = references(
        &me,
        "use crate::core::{pair::{self, means}, quiz};\nuse super::app::App;",
    );
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        ["core::pair", "core::quiz", "ui::app"]
    );
    // Circles of any length are found; a chain is not one.
    let graph = |pairs: &[(&str, &str)]| {
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (from, to) in pairs {
            edges
                .entry((*from).to_owned())
                .or_default()
                .insert((*to).to_owned());
        }
        edges
    };
    assert_eq!(find_circle(&graph(&[("a", "b"), ("b", "c")])), None);
    assert_eq!(
        find_circle(&graph(&[("a", "b"), ("b", "c"), ("c", "a")])),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}

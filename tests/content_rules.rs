//! The rules of docs/writing.md that a program can check, over every built-in language file
//! (`content/<code>.json`): the reading level of the English, no *vosotros* in the Spanish,
//! the same keys, placeholders and reverse-keyed statements in every language, no FAQ
//! question asked twice, and every statement a single sentence. Each failure names the text
//! and what to change.
#![cfg(test)] // Lets clippy.toml's allow-…-in-tests apply to helpers here too.
#![cfg(not(target_arch = "wasm32"))]

use cmudict_fast::Cmudict;
use eiw::core::content::BUILTIN_LANGUAGES;
use eiw::core::rich_text::plain;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::OnceLock;

/// The highest Flesch–Kincaid grade an English text of [`GRADED_WORDS`] words or more may have.
const MAX_GRADE: f64 = 8.0;
/// Shorter texts (labels, buttons, headings) have too few words for a grade to mean anything.
const GRADED_WORDS: usize = 12;

/// Keys whose values are identifiers or settings, never shown to a visitor as text.
const NOT_TEXT: [&str; 5] = ["lang", "dir", "digits", "id", "slug"];

/// `content/<code>.json`, or the file in `EIW_CONTENT_DIR` when set: a writer can check a
/// draft (or a planted mistake) without touching the shared files.
fn language(code: &str) -> Value {
    let dir = std::env::var("EIW_CONTENT_DIR")
        .unwrap_or_else(|_| format!("{}/content", env!("CARGO_MANIFEST_DIR")));
    let path = format!("{dir}/{code}.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every visitor-facing text of a language file with its path (`ui.intro[0]`).
fn texts(value: &Value) -> Vec<(String, String)> {
    fn walk(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
        match value {
            Value::String(s) => out.push((path.to_owned(), s.clone())),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}[{i}]"), out);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    if !NOT_TEXT.contains(&key.as_str()) {
                        let path = if path.is_empty() {
                            key.clone()
                        } else {
                            format!("{path}.{key}")
                        };
                        walk(item, &path, out);
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, "", &mut out);
    out
}

// ---------------------------------------------------------------------------------------
// Reading level: Flesch–Kincaid grade, syllables from the CMU Pronouncing Dictionary.

/// The CMU Pronouncing Dictionary as the `cmudict-fast` crate ships it (a dev-dependency, so
/// the file is in cargo's registry; cargo says where). Its licence lets us read it from there.
fn dictionary() -> &'static Cmudict {
    static DICT: OnceLock<Cmudict> = OnceLock::new();
    DICT.get_or_init(|| {
        let output = std::process::Command::new(env!("CARGO"))
            .args(["metadata", "--format-version", "1", "--offline"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("cargo metadata runs");
        assert!(output.status.success(), "cargo metadata failed");
        let metadata: Value = serde_json::from_slice(&output.stdout).expect("cargo's JSON");
        let manifest = metadata["packages"]
            .as_array()
            .expect("packages")
            .iter()
            .find(|p| p["name"] == "cmudict-fast")
            .and_then(|p| p["manifest_path"].as_str())
            .expect("cmudict-fast is a dev-dependency");
        let file = PathBuf::from(manifest).with_file_name("resources/cmudict.dict");
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file:?}: {e}"));
        Cmudict::from_str(&text).expect("the dictionary parses")
    })
}

fn dictionary_syllables(word: &str) -> Option<usize> {
    let rules = dictionary().get(word)?;
    let first = rules.first()?;
    Some(
        first
            .pronunciation()
            .iter()
            .filter(|s| s.is_syllable())
            .count(),
    )
}

/// British spellings the (American) dictionary lacks, as the American spelling it has.
fn american(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (from, to) in [
        ("ll", "l"),
        ("our", "or"),
        ("ise", "ize"),
        ("isi", "izi"),
        ("gement", "gment"),
        ("tre", "ter"),
    ] {
        if word.contains(from) {
            out.push(word.replacen(from, to, 1));
        }
    }
    out
}

/// Syllables by vowel groups, for a word the dictionary lacks (a name, a new coinage). Tested
/// against the dictionary below.
fn estimated_syllables(word: &str) -> usize {
    let letters: Vec<char> = word.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    let vowel = |c: char| "aeiouy".contains(c);
    let mut count = 0;
    let mut previous = false;
    for &c in &letters {
        let v = vowel(c);
        if v && !previous {
            count += 1;
        }
        previous = v;
    }
    // A silent final e ("time"), but not "-le" after a consonant ("gentle").
    let n = letters.len();
    if n > 2 && letters[n - 1] == 'e' && !vowel(letters[n - 2]) {
        let le = letters[n - 2] == 'l' && n > 3 && !vowel(letters[n - 3]);
        if !le {
            count -= 1;
        }
    }
    count.max(1)
}

/// A number as it is read aloud (up to 9999), for its syllables.
fn number_words(n: u32) -> Vec<&'static str> {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let mut out = Vec::new();
    let mut n = n % 10_000;
    if n >= 1000 {
        out.push(ONES[(n / 1000) as usize]);
        out.push("thousand");
        n %= 1000;
    }
    if n >= 100 {
        out.push(ONES[(n / 100) as usize]);
        out.push("hundred");
        n %= 100;
    }
    if n >= 20 {
        out.push(TENS[(n / 10) as usize]);
        n %= 10;
        if n > 0 {
            out.push(ONES[n as usize]);
        }
    } else if n > 0 || out.is_empty() {
        out.push(ONES[n as usize]);
    }
    out
}

/// Syllables of one word (lower case, straight apostrophe), and whether the dictionary knew it.
fn syllables(word: &str) -> (usize, bool) {
    if let Ok(n) = word.parse::<u32>() {
        return (number_words(n).iter().map(|w| syllables(w).0).sum(), true);
    }
    if word.contains('-') {
        return word
            .split('-')
            .filter(|p| !p.is_empty())
            .map(syllables)
            .fold((0, true), |(n, known), (m, k)| (n + m, known && k));
    }
    let candidates = std::iter::once(word.to_owned())
        .chain(word.strip_suffix("'s").map(str::to_owned))
        .chain(american(word));
    for candidate in candidates {
        if let Some(n) = dictionary_syllables(&candidate) {
            return (n, true);
        }
    }
    (estimated_syllables(word), false)
}

/// A text's words for counting: links and emphasis gone (as shown), a placeholder counts as
/// one word of one syllable, and a hyphenated word as one word.
fn words(text: &str) -> Vec<String> {
    let shown = plain(text);
    shown
        .split(|c: char| c.is_whitespace() || "·/—–".contains(c))
        .map(|w| {
            let w = w.replace('’', "'").to_lowercase();
            if w.starts_with('{') {
                return "it".to_owned();
            }
            w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let ends = chars
        .iter()
        .enumerate()
        .filter(|&(i, c)| {
            ".!?…".contains(*c)
                && chars
                    .get(i + 1)
                    .is_none_or(|n| n.is_whitespace() || "”’\"'".contains(*n))
        })
        .count();
    ends.max(1)
}

struct Reading {
    words: usize,
    grade: f64,
    unknown: Vec<String>,
}

fn reading(text: &str) -> Reading {
    let words = words(text);
    let mut total = 0;
    let mut unknown = Vec::new();
    for w in &words {
        let (n, known) = syllables(w);
        total += n;
        if !known {
            unknown.push(w.clone());
        }
    }
    let w = words.len().max(1) as f64;
    let grade = 0.39 * (w / sentences(text) as f64) + 11.8 * (total as f64 / w) - 15.59;
    Reading {
        words: words.len(),
        grade,
        unknown,
    }
}

/// English texts of twelve words or more over grade 8, each with its grade.
fn hard_texts(english: &Value) -> Vec<String> {
    texts(english)
        .into_iter()
        .filter_map(|(path, text)| {
            let r = reading(&text);
            (r.words >= GRADED_WORDS && r.grade > MAX_GRADE)
                .then(|| format!("{path} (grade {:.1}): {text}", r.grade))
        })
        .collect()
}

#[test]
fn english_texts_read_at_grade_8_or_below() {
    let english = language("en");
    let hard = hard_texts(&english);
    let mut unknown: BTreeSet<String> = BTreeSet::new();
    let mut graded = 0;
    for (_, text) in texts(&english) {
        let r = reading(&text);
        if r.words >= GRADED_WORDS {
            graded += 1;
        }
        unknown.extend(r.unknown);
    }
    if !unknown.is_empty() {
        println!("not in CMUdict, syllables estimated: {unknown:?}");
    }
    assert!(
        graded > 40,
        "only {graded} texts graded: is the walk right?"
    );
    assert!(
        hard.is_empty(),
        "Above grade {MAX_GRADE} (docs/writing.md, 'Reading level': split the sentence, then \
         use shorter words):\n{}",
        hard.join("\n")
    );
}

#[test]
fn the_grade_is_flesch_kincaid_with_dictionary_syllables() {
    // Known counts from the dictionary, including the traps of a vowel counter.
    for (word, n) in [
        ("emotional", 4),
        ("every", 3),
        ("closeness", 2),
        ("area", 3),
        ("counsellor", 3),
        ("ten-minute", 3),
        ("100", 3),
        ("phone's", 1),
    ] {
        assert_eq!(syllables(word).0, n, "{word}");
    }
    // 12 words, 1 sentence, 12 syllables: 0.39 × 12 + 11.8 × 1 − 15.59 = 0.89.
    let r = reading("We sat and ate the bread and drank the milk we had.");
    assert_eq!(r.words, 12);
    assert!((r.grade - 0.89).abs() < 1e-9, "{}", r.grade);
    // A planted text that is far too hard is reported.
    let planted = serde_json::json!({ "ui": { "intro": [
        "Comprehensive psychotherapeutic interventions facilitate interpersonal communication \
         and emotional understanding between individuals experiencing relationship difficulties."
    ] } });
    let hard = hard_texts(&planted);
    assert_eq!(hard.len(), 1, "{hard:?}");
    assert!(hard[0].starts_with("ui.intro[0] (grade "), "{hard:?}");
}

#[test]
fn the_estimate_for_unknown_words_agrees_with_the_dictionary() {
    // Over every word of the English content the dictionary knows.
    let english = language("en");
    let mut agree = 0;
    let mut total = 0;
    for (_, text) in texts(&english) {
        for w in words(&text) {
            if w.contains('-') || w.parse::<u32>().is_ok() {
                continue;
            }
            if let Some(n) = dictionary_syllables(&w) {
                total += 1;
                agree += usize::from(estimated_syllables(&w) == n);
            }
        }
    }
    assert!(total > 500, "{total} words");
    let share = agree as f64 / total as f64;
    assert!(share >= 0.9, "the estimate agrees on {:.1}%", 100.0 * share);
}

// ---------------------------------------------------------------------------------------
// Spanish: tú for the reader, never vosotros.

/// Vosotros pronouns and possessives, and the short verbs no ending gives away.
const VOSOTROS_WORDS: [&str; 11] = [
    "vosotros", "vosotras", "os", "vuestro", "vuestra", "vuestros", "vuestras", "sois", "vais",
    "dais", "veis",
];

/// Infinitives that carry the vosotros pronoun (ayudaros: "to help you all"). Plural nouns end
/// the same way (faros, compañeros), so these are listed, the verbs a text like ours uses.
const INFINITIVES_WITH_OS: [&str; 16] = [
    "ayudaros",
    "sentiros",
    "acercaros",
    "escucharos",
    "cuidaros",
    "hablaros",
    "entenderos",
    "conoceros",
    "veros",
    "haceros",
    "uniros",
    "apoyaros",
    "abriros",
    "contaros",
    "tomaros",
    "daros",
];

/// Words that end like a vosotros form but are not one.
const NOT_VOSOTROS: [&str; 14] = [
    "país", "anís", "parís", "red", "pared", "sed", "usted", "merced", "huésped", "césped", "lid",
    "vid", "seis", "caos",
];

/// Why a word (lower case) is a vosotros form, if it is one.
fn vosotros(word: &str) -> Option<&'static str> {
    if VOSOTROS_WORDS.contains(&word) {
        return Some("a vosotros pronoun");
    }
    if INFINITIVES_WITH_OS.contains(&word) || word.ends_with("ndoos") {
        return Some("the vosotros pronoun attached to a verb (ayudaros, sintiéndoos)");
    }
    if NOT_VOSOTROS.contains(&word) || word.chars().count() < 3 {
        return None;
    }
    const ENDINGS: [(&str, &str); 9] = [
        ("áis", "present or subjunctive (habláis, estéis)"),
        ("éis", "present or subjunctive (tenéis, habléis)"),
        ("ís", "present (vivís, decís)"),
        ("abais", "imperfect (hablabais)"),
        ("íais", "imperfect or conditional (teníais, hablaríais)"),
        ("steis", "preterite (crecisteis)"),
        ("seis", "subjunctive (hablaseis)"),
        ("rais", "subjunctive (hablarais)"),
        ("aos", "imperative with os (cuidaos, sentaos)"),
    ];
    if let Some((_, why)) = ENDINGS.iter().find(|(e, _)| word.ends_with(e)) {
        return Some(why);
    }
    // Imperatives: probad, proteged, decid. Nouns in -dad/-tad (edad, amistad) are not.
    let imperative = ["ad", "ed", "id"].iter().any(|e| word.ends_with(e))
        && !word.ends_with("dad")
        && !word.ends_with("tad");
    imperative.then_some("imperative (probad, proteged, decid)")
}

fn vosotros_in(spanish: &Value) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in texts(spanish) {
        for word in plain(&text)
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
        {
            if let Some(why) = vosotros(&word.to_lowercase()) {
                found.push(format!("{path}: \"{word}\" ({why}) in: {text}"));
            }
        }
    }
    found
}

#[test]
fn spanish_uses_tu_never_vosotros() {
    let found = vosotros_in(&language("es"));
    assert!(
        found.is_empty(),
        "Vosotros forms (docs/writing.md: tú for the reader; rephrase for the couple, or \
         ustedes):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_vosotros_check_catches_each_form() {
    for (text, word) in [
        ("Probad algo nuevo juntos.", "Probad"),
        ("Proteged una actividad cada semana.", "Proteged"),
        ("Desde cómo habláis hasta cómo se habla.", "habláis"),
        ("Lo que tenéis en común.", "tenéis"),
        ("Las casas donde crecisteis.", "crecisteis"),
        ("Un terapeuta puede ayudaros.", "ayudaros"),
        ("Cuidaos mucho.", "Cuidaos"),
        ("Os puede ayudar.", "Os"),
        ("Vuestra relación importa.", "Vuestra"),
        ("Cuando estéis cansados.", "estéis"),
        ("Si lo hablarais con calma.", "hablarais"),
    ] {
        let found = vosotros_in(&serde_json::json!({ "ui": { "x": text } }));
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert!(found[0].contains(&format!("\"{word}\"")), "{found:?}");
    }
    for fine in [
        "Prueba algo nuevo con tu pareja: tu edad, tu amistad, tu país, seis minutos, la red.",
        "Un terapeuta puede ayudarles a sentirse más cerca: el caos pasa, los compañeros ayudan.",
        "¿Qué podríamos hacer? Queremos cosas parecidas.",
    ] {
        let found = vosotros_in(&serde_json::json!({ "ui": { "x": fine } }));
        assert!(found.is_empty(), "{fine}: {found:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Every language: the same keys, placeholders and reverse-keyed statements as English.

fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        out.insert(after[..end].to_owned());
        rest = &after[end + 1..];
    }
    out
}

/// Where `other` differs from `english` in shape: a key or list item one lacks, other
/// placeholders, another reverse flag, another id or slug.
fn differences(english: &Value, other: &Value, path: &str, out: &mut Vec<String>) {
    match (english, other) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for key in keys {
                let sub = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                match (a.get(key), b.get(key)) {
                    (Some(x), Some(y)) if key == "id" || key == "slug" || key == "reverse" => {
                        if x != y {
                            out.push(format!("{sub}: {y} where English has {x}"));
                        }
                    }
                    (Some(x), Some(y)) => differences(x, y, &sub, out),
                    (Some(_), None) => out.push(format!("{sub}: missing")),
                    (None, _) => out.push(format!("{sub}: not in English")),
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                out.push(format!(
                    "{path}: {} items where English has {}",
                    b.len(),
                    a.len()
                ));
            }
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                differences(x, y, &format!("{path}[{i}]"), out);
            }
        }
        (Value::String(a), Value::String(b)) => {
            let (pa, pb) = (placeholders(a), placeholders(b));
            if pa != pb {
                out.push(format!(
                    "{path}: placeholders {pb:?} where English has {pa:?}"
                ));
            }
        }
        (a, b) if std::mem::discriminant(a) != std::mem::discriminant(b) => {
            out.push(format!("{path}: another kind of value than English's"));
        }
        _ => {}
    }
}

#[test]
fn every_language_has_the_keys_placeholders_and_reverse_flags_of_english() {
    let english = language("en");
    let mut problems = Vec::new();
    for code in BUILTIN_LANGUAGES.iter().filter(|c| **c != "en") {
        let mut out = Vec::new();
        differences(&english, &language(code), "", &mut out);
        problems.extend(out.into_iter().map(|p| format!("{code}: {p}")));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_shape_check_catches_each_difference() {
    let english = serde_json::json!({
        "ui": { "progress": "Question {n} of {total}", "start": "Start" },
        "dimensions": [{ "id": "trust", "items": [{ "text": "A." }, { "text": "B.", "reverse": true }] }]
    });
    let mut fine = Vec::new();
    differences(&english, &english.clone(), "", &mut fine);
    assert!(fine.is_empty(), "{fine:?}");
    let cases = [
        (
            serde_json::json!({ "ui": { "progress": "Pregunta {n}", "start": "Empezar" },
              "dimensions": [{ "id": "trust", "items": [{ "text": "A." }, { "text": "B.", "reverse": true }] }] }),
            "ui.progress: placeholders",
        ),
        (
            serde_json::json!({ "ui": { "progress": "{n} {total}" },
              "dimensions": [{ "id": "trust", "items": [{ "text": "A." }, { "text": "B.", "reverse": true }] }] }),
            "ui.start: missing",
        ),
        (
            serde_json::json!({ "ui": { "progress": "{n} {total}", "start": "x" },
              "dimensions": [{ "id": "trust", "items": [{ "text": "A." }, { "text": "B.", "reverse": false }] }] }),
            "dimensions[0].items[1].reverse",
        ),
        (
            serde_json::json!({ "ui": { "progress": "{n} {total}", "start": "x" },
              "dimensions": [{ "id": "trust", "items": [{ "text": "A.", "reverse": true }, { "text": "B." }] }] }),
            "dimensions[0].items[0].reverse: not in English",
        ),
        (
            serde_json::json!({ "ui": { "progress": "{n} {total}", "start": "x", "extra": "y" },
              "dimensions": [{ "id": "trust", "items": [{ "text": "A." }, { "text": "B.", "reverse": true }] }] }),
            "ui.extra: not in English",
        ),
    ];
    for (other, expected) in cases {
        let mut out = Vec::new();
        differences(&english, &other, "", &mut out);
        assert!(
            out.iter().any(|p| p.starts_with(expected)),
            "{expected}: {out:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// FAQ questions, statements.

fn repeated_questions(value: &Value) -> Vec<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut repeated = Vec::new();
    for (i, entry) in value["faq"].as_array().into_iter().flatten().enumerate() {
        let question = entry["question"].as_str().unwrap_or_default();
        let key: String = question
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || c.is_whitespace())
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(first) = seen.insert(key, i) {
            repeated.push(format!("faq[{i}] asks what faq[{first}] asks: {question}"));
        }
    }
    repeated
}

#[test]
fn no_faq_question_is_asked_twice() {
    for code in BUILTIN_LANGUAGES {
        let repeated = repeated_questions(&language(code));
        assert!(repeated.is_empty(), "{code}: {}", repeated.join("\n"));
    }
    let planted = serde_json::json!({ "faq": [
        { "question": "How can counselling help?" },
        { "question": "Where do my answers go?" },
        { "question": "How can  counselling help" },
    ] });
    assert_eq!(repeated_questions(&planted).len(), 1);
}

/// Why a statement is not a single sentence, if it is not.
fn not_one_sentence(text: &str) -> Option<&'static str> {
    let text = text.trim();
    let Some(last) = text.chars().last() else {
        return Some("it is empty");
    };
    if !".?!؟".contains(last) {
        return Some("it does not end with a full stop or question mark");
    }
    let body = &text[..text.len() - last.len_utf8()];
    if body.contains([';', '؛']) {
        return Some("a semicolon joins two sentences");
    }
    let chars: Vec<char> = body.chars().collect();
    let inner_end = chars
        .iter()
        .enumerate()
        .any(|(i, c)| ".?!؟".contains(*c) && chars.get(i + 1).is_some_and(|n| n.is_whitespace()));
    inner_end.then_some("a sentence ends inside it")
}

fn statements(value: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (d, dimension) in value["dimensions"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        for (i, item) in dimension["items"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            let text = item["text"].as_str().unwrap_or_default().to_owned();
            out.push((format!("dimensions[{d}].items[{i}]"), text));
        }
    }
    out.push((
        "safety.item".to_owned(),
        value["safety"]["item"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    ));
    out
}

#[test]
fn every_statement_is_a_single_sentence() {
    let mut problems = Vec::new();
    for code in BUILTIN_LANGUAGES {
        let all = statements(&language(code));
        assert_eq!(
            all.len(),
            21,
            "{code}: twenty statements and the safety statement"
        );
        for (path, text) in all {
            if let Some(why) = not_one_sentence(&text) {
                problems.push(format!("{code} {path}: {why}: {text}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    for bad in [
        "I feel close to them. We talk every day.",
        "I feel close to them; we talk every day.",
        "I feel close to them",
        "أشعر بالقرب. نتحدث كل يوم.",
    ] {
        assert!(not_one_sentence(bad).is_some(), "{bad}");
    }
    for good in [
        "I can tell them how I feel.",
        "¿Puedo contarle cómo me siento?",
        "أستطيع أن أخبر هذا الشخص بما أشعر به.",
    ] {
        assert_eq!(not_one_sentence(good), None, "{good}");
    }
}

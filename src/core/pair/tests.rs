//! Round trips against scoring's own arithmetic, exhaustive error detection, tolerant
//! reading, fingerprints and the comparison.

use super::*;
use crate::core::content::{Content, Item, QuestionRef, BUILTIN_LANGUAGES};
use crate::core::language::builtin;
use crate::core::scoring::{score, Response};
use proptest::prelude::*;

fn mean(twelfths: u8) -> Option<Mean> {
    Some(Mean::from_twelfths(twelfths).unwrap())
}

/// Codes to attack: extremes, every level, a report from real answers, odd fingerprints.
fn samples() -> Vec<([Option<Mean>; DIMENSIONS], u16)> {
    let mut reachable = [None; DIMENSIONS];
    for (d, slot) in reachable.iter_mut().enumerate() {
        *slot = mean([0, 4, 6, 8, 18, 24, 30, 40, 44, 48][d]);
    }
    vec![
        ([None; DIMENSIONS], BUILTIN_FINGERPRINT),
        ([mean(48); DIMENSIONS], FINGERPRINT_MASK),
        ([mean(0); DIMENSIONS], 1),
        (reachable, 4321),
        (
            std::array::from_fn(|d| mean((d * 5) as u8).filter(|_| d % 3 != 1)),
            fingerprint(StatementSet::Custom(&builtin("es").unwrap().dimensions)),
        ),
        (
            std::array::from_fn(|d| mean(48 - d as u8 * 4)),
            BUILTIN_FINGERPRINT,
        ),
    ]
}

/// The code without its dashes: prefix, version and the 16 body symbols.
fn symbols(code: &str) -> Vec<u8> {
    code.bytes().filter(|&b| b != b'-').collect()
}

fn text(symbols: &[u8]) -> String {
    String::from_utf8(symbols.to_vec()).unwrap()
}

/// Scores answers to a dimension 0 of `items` statements; everything else skipped.
fn score_first_dimension(items: &[bool], answers: &[Option<u8>]) -> Option<Score> {
    let mut content: Content = (*builtin("en").unwrap()).clone();
    content.dimensions[0].items = items
        .iter()
        .map(|&reverse| Item {
            text: "A statement.".into(),
            reverse,
        })
        .collect();
    let questions = content.questions();
    let responses: Vec<Option<Response>> = questions
        .iter()
        .map(|q| match *q {
            QuestionRef::Item { dimension: 0, item } => {
                Some(answers[item].map_or(Response::Skipped, Response::Agree))
            }
            _ => Some(Response::Skipped),
        })
        .collect();
    let report = score(&content, &questions, &responses);
    assert!(report.dimensions[1..].iter().all(Option::is_none));
    report.dimensions[0]
}

#[test]
fn every_mean_scoring_can_produce_survives_exactly() {
    let mut reached = Vec::new();
    for count in 1..=3 {
        for flags in 0..1_u8 << count {
            let items: Vec<bool> = (0..count).map(|i| (flags >> i) & 1 == 1).collect();
            for combination in 0..6_u32.pow(count as u32) {
                // Each statement skipped (0) or answered 1–5.
                let answers: Vec<Option<u8>> = (0..count)
                    .map(|i| {
                        let a = (combination / 6_u32.pow(i as u32) % 6) as u8;
                        (a > 0).then_some(a)
                    })
                    .collect();
                let Some(expected) = score_first_dimension(&items, &answers) else {
                    assert!(answers.iter().all(Option::is_none));
                    continue;
                };
                let m = Mean::from_f64(expected.mean).unwrap();
                assert_eq!(m.score(), expected, "{items:?} {answers:?}");
                assert_eq!(m.value().to_bits(), expected.mean.to_bits());
                let mut scores = [None; DIMENSIONS];
                scores[0] = Some(expected);
                let decoded = decode(&encode(&means(&scores), 77), 77).unwrap();
                assert_eq!(decoded.map(|d| d.map(Mean::score)), scores);
                if !reached.contains(&m.twelfths()) {
                    reached.push(m.twelfths());
                }
            }
        }
    }
    reached.sort_unstable();
    // Means 1 + j/k for k ≤ 3: twelfths that are multiples of 4 or 6.
    let expected: Vec<u8> = (0..=48).filter(|t| t % 4 == 0 || t % 6 == 0).collect();
    assert_eq!(reached, expected);
}

#[test]
fn every_twelfth_converts_both_ways() {
    for t in 0..=48 {
        let m = Mean::from_twelfths(t).unwrap();
        assert_eq!(Mean::from_f64(m.value()), Some(m));
        let float = ((m.value() - 1.0) / 4.0 * 100.0).round() as u8;
        assert_eq!(m.percent(), float, "{t}");
    }
    assert_eq!(Mean::from_twelfths(49), None);
    for bad in [f64::NAN, 0.99, 5.01, f64::INFINITY, -1.0] {
        assert_eq!(Mean::from_f64(bad), None, "{bad}");
    }
    assert_eq!(Mean::from_f64(4.0 / 3.0).unwrap().twelfths(), 4);
    assert_eq!(
        mean(30).unwrap().percent(),
        63,
        "62.5 rounds up, as scoring does"
    );
}

#[test]
fn the_format_is_stable() {
    let code = encode(&[None; DIMENSIONS], 0);
    assert_eq!(code, "EI1-2222-2222-2222-22NP");
    let code = encode(&samples()[3].0, 4321);
    assert_eq!(code.len(), 23);
    assert_eq!(code, "EI1-JW8Q-LXT7-75ZN-5HQT");
}

#[test]
fn every_single_substitution_is_caught() {
    let others: Vec<u8> = (b'0'..=b'9').chain(b'A'..=b'Z').collect();
    for (scores, fp) in samples() {
        let code = symbols(&encode(&scores, fp));
        assert_eq!(decode(&text(&code), fp), Ok(scores));
        for pos in 0..code.len() {
            for &c in others.iter().filter(|&&c| c != code[pos]) {
                let mut typed = code.clone();
                typed[pos] = c;
                let expected = match pos {
                    0 | 1 => PairError::NotACode,
                    2 if !c.is_ascii_digit() || c == b'0' => PairError::NotACode,
                    _ => PairError::Typo,
                };
                assert_eq!(decode(&text(&typed), fp), Err(expected), "{}", text(&typed));
            }
        }
    }
}

#[test]
fn every_adjacent_transposition_is_caught() {
    for (scores, fp) in samples() {
        let code = symbols(&encode(&scores, fp));
        for pos in 0..code.len() - 1 {
            if code[pos] == code[pos + 1] {
                continue; // swapping equal symbols changes nothing
            }
            let mut typed = code.clone();
            typed.swap(pos, pos + 1);
            let result = decode(&text(&typed), fp);
            match pos {
                0 | 1 => assert_eq!(result, Err(PairError::NotACode)),
                // The version swaps with the first symbol: a letter is no version, and a
                // digit leaves a 1 among the symbols.
                2 if code[3].is_ascii_digit() => assert_eq!(result, Err(PairError::Typo)),
                2 => assert_eq!(result, Err(PairError::NotACode)),
                _ => assert_eq!(result, Err(PairError::Typo), "{}", text(&typed)),
            }
        }
    }
}

/// Distance 3 in full: every change to any two symbols of version and body, not only
/// substitutions next to each other.
#[test]
fn every_error_in_two_symbols_is_caught() {
    for (scores, fp) in samples().into_iter().take(3) {
        let code = symbols(&encode(&scores, fp));
        for i in 3..code.len() {
            for j in i + 1..code.len() {
                for &a in ALPHABET.iter().filter(|&&a| a != code[i]) {
                    for &b in ALPHABET.iter().filter(|&&b| b != code[j]) {
                        let mut typed = code.clone();
                        typed[i] = a;
                        typed[j] = b;
                        assert_eq!(decode(&text(&typed), fp), Err(PairError::Typo));
                    }
                }
            }
            // The version digit and one body symbol.
            for v in (b'2'..=b'9').filter(|&v| v != code[2]) {
                for &a in ALPHABET.iter().filter(|&&a| a != code[i]) {
                    let mut typed = code.clone();
                    typed[2] = v;
                    typed[i] = a;
                    assert_eq!(decode(&text(&typed), fp), Err(PairError::Typo));
                }
            }
        }
    }
}

/// Mistakes in the code as displayed, dashes included: never other scores.
#[test]
fn no_typo_in_the_displayed_code_yields_other_scores() {
    let mut replacements: Vec<char> = ('0'..='9').chain('A'..='Z').collect();
    replacements.extend(['-', ' ', 'a', 'z']);
    for (scores, fp) in samples() {
        let code: Vec<char> = encode(&scores, fp).chars().collect();
        let check = |typed: &[char]| {
            let typed: String = typed.iter().collect();
            if let Ok(decoded) = decode(&typed, fp) {
                assert_eq!(decoded, scores, "{typed}");
            }
        };
        for pos in 0..code.len() {
            for &c in &replacements {
                let mut typed = code.clone();
                typed[pos] = c;
                check(&typed);
            }
            if pos + 1 < code.len() {
                let mut typed = code.clone();
                typed.swap(pos, pos + 1);
                check(&typed);
            }
        }
    }
}

#[test]
fn reads_codes_as_people_type_them() {
    let (scores, fp) = samples()[3];
    let code = encode(&scores, fp);
    let bare = code.replace('-', "");
    for typed in [
        code.clone(),
        code.to_lowercase(),
        bare.clone(),
        format!("  {}  ", bare.to_lowercase()),
        bare.chars()
            .flat_map(|c| [c, ' '])
            .collect::<String>()
            .replace("E ", "E-"),
        code.replace('-', " – "),
        code.replace('-', "\u{2014}"),
        code.replace('-', "\n"),
        format!("{}\t{}", &code[..9], &code[9..]),
        format!("--{}--", code.replace('-', "---")),
    ] {
        assert_eq!(decode(&typed, fp), Ok(scores), "{typed:?}");
    }
}

#[test]
fn a_code_from_other_statements_says_so() {
    let (scores, _) = samples()[3];
    let custom = fingerprint(StatementSet::Custom(&builtin("en").unwrap().dimensions));
    let code = encode(&scores, BUILTIN_FINGERPRINT);
    assert_eq!(decode(&code, custom), Err(PairError::OtherStatements));
    assert_eq!(decode(&code, BUILTIN_FINGERPRINT), Ok(scores));
    // Only the bits a code has room for count.
    assert_eq!(decode(&encode(&scores, 0xE001), 1), Ok(scores));
}

/// The English statements as hashed for a custom set: any edit to a statement's text or
/// reverse flag, or to how many there are, changes it.
const PINNED_BUILTIN_STATEMENTS: u16 = 614;

#[test]
fn the_builtin_statements_are_the_pinned_edition() {
    let en = builtin("en").unwrap();
    assert_eq!(
        fingerprint(StatementSet::Custom(&en.dimensions)),
        PINNED_BUILTIN_STATEMENTS,
        "The built-in statements changed. If a statement now asks something else, append a \
         value to BUILTIN_EDITIONS (pair.rs) so codes made with the old statements are \
         refused, and say so in CHANGELOG.md; then pin the new value here."
    );
}

#[test]
fn codes_from_an_earlier_edition_of_the_builtin_statements_are_refused() {
    let (scores, _) = samples()[3];
    for &old in &BUILTIN_EDITIONS[..BUILTIN_EDITIONS.len() - 1] {
        let code = encode(&scores, old);
        assert_eq!(
            decode(&code, BUILTIN_FINGERPRINT),
            Err(PairError::OtherStatements),
            "edition {old}"
        );
    }
    assert_eq!(
        decode(&encode(&scores, BUILTIN_FINGERPRINT), BUILTIN_FINGERPRINT),
        Ok(scores)
    );
}

#[test]
fn a_custom_set_that_hashes_to_a_builtin_edition_gets_the_retired_one() {
    // Custom fingerprints are 1..=8191 before the exchange, so 0 shows one that was
    // exchanged; about one set in 8191 is, so a bounded search finds one.
    let mut dimensions = Content::skeleton().dimensions;
    let mut found = None;
    for n in 0..200_000 {
        dimensions[0].items = vec![Item {
            text: format!("Statement {n}"),
            reverse: false,
        }];
        let fp = fingerprint(StatementSet::Custom(&dimensions));
        assert_ne!(fp, BUILTIN_FINGERPRINT, "statement {n}");
        if fp == RETIRED_EDITION {
            found = Some(n);
            break;
        }
    }
    assert!(found.is_some(), "no custom set took the retired value");
}

#[test]
fn codes_of_other_versions_are_recognised() {
    let payload: Vec<u8> = (0..14).map(|i| i * 2).collect();
    for version in 2..=9 {
        let code = frame(version, &payload);
        assert!(code.starts_with(&format!("EI{version}-")));
        assert_eq!(decode(&code, 0), Err(PairError::OtherVersion), "{code}");
    }
    // A later version may carry more.
    let longer: Vec<u8> = (0..28).collect();
    assert_eq!(decode(&frame(2, &longer), 0), Err(PairError::OtherVersion));
    let too_long: Vec<u8> = (0..29).collect();
    assert_eq!(decode(&frame(2, &too_long), 0), Err(PairError::NotACode));
    // Ours has exactly 16 symbols: one more or one fewer is not a code.
    let (scores, fp) = samples()[1];
    let code = encode(&scores, fp);
    assert_eq!(decode(&format!("{code}2"), fp), Err(PairError::NotACode));
    assert_eq!(
        decode(&code[..code.len() - 1], fp),
        Err(PairError::NotACode)
    );
    assert_eq!(
        decode(&frame(2, &longer[..13]), 0),
        Err(PairError::NotACode)
    );
    // Mistyping our own version digit is a typo, not a newer version.
    let typed = code.replacen("EI1", "EI2", 1);
    assert_eq!(decode(&typed, fp), Err(PairError::Typo));
}

#[test]
fn a_checked_code_with_impossible_scores_is_a_typo() {
    let code = frame(1, &[31; 14]);
    assert_eq!(decode(&code, FINGERPRINT_MASK), Err(PairError::Typo));
}

#[test]
fn junk_is_not_a_code() {
    let code = encode(&samples()[3].0, 4321);
    let arabic_digits: String = code
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x0660 + d).unwrap(),
            None => c,
        })
        .collect();
    let huge = format!("{code}{}", "A".repeat(1_000_000));
    for junk in [
        "",
        " ",
        "-",
        "EI",
        "EI1",
        "EI1-",
        "hello",
        "EI0-2222-2222-2222-2222",
        "EIA-2222-2222-2222-2222",
        "IE1-2222-2222-2222-2223",
        "XEI1-2222-2222-2222-2222",
        "EI1-2222-2222-2222-222😀",
        "EI1-2222-2222-2222-222.",
        "ＥＩ1-2222-2222-2222-2223",
        &code[4..],
        &arabic_digits,
        &huge,
        &"😀".repeat(10_000),
    ] {
        assert_eq!(decode(junk, 4321), Err(PairError::NotACode), "{junk:.40}");
    }
}

#[test]
fn the_builtin_languages_share_a_fingerprint_and_custom_sets_do_not() {
    let builtin_fp = fingerprint(StatementSet::Builtin);
    assert_eq!(builtin_fp, BUILTIN_FINGERPRINT);
    // One fingerprint is right only while the languages are one set in translation.
    let en = builtin("en").unwrap();
    for code in BUILTIN_LANGUAGES {
        let lang = builtin(code).unwrap();
        for (a, b) in lang.dimensions.iter().zip(&en.dimensions) {
            let flags = |d: &Dimension| d.items.iter().map(|i| i.reverse).collect::<Vec<_>>();
            assert_eq!(flags(a), flags(b), "{code}");
        }
        let custom = fingerprint(StatementSet::Custom(&lang.dimensions));
        assert_ne!(custom, builtin_fp, "{code}");
        assert!(custom < 1 << FINGERPRINT_BITS);
    }
}

#[test]
fn any_change_to_custom_statements_changes_the_fingerprint() {
    let base = builtin("en").unwrap().dimensions.clone();
    let fp = |dims: &[Dimension]| fingerprint(StatementSet::Custom(dims));
    let original = fp(&base);
    assert_eq!(original, fp(&base.clone()), "stable");
    // Pinned: a page's codes must still match after the widget updates.
    let mut pinned = Content::skeleton().dimensions;
    for (d, dimension) in pinned.iter_mut().enumerate() {
        dimension.items = vec![Item {
            text: format!("Statement {d}"),
            reverse: d % 2 == 0,
        }];
    }
    assert_eq!(fp(&pinned), 6818);

    let mut changed = Vec::new();
    let mut edit = |f: &dyn Fn(&mut Vec<Dimension>)| {
        let mut dims = base.clone();
        f(&mut dims);
        changed.push(fp(&dims));
    };
    edit(&|d| d[3].items[1].text.push('.'));
    edit(&|d| d[0].items[0].text = d[0].items[0].text.to_uppercase());
    edit(&|d| d[5].items[0].reverse = !d[5].items[0].reverse);
    edit(&|d| d[9].items[1].reverse = !d[9].items[1].reverse);
    edit(&|d| {
        d[2].items.pop();
    });
    edit(&|d| {
        let item = d[4].items[0].clone();
        d[4].items.push(item);
    });
    // The same statements, one moved to the neighbouring dimension.
    edit(&|d| {
        let item = d[6].items.pop().unwrap();
        d[7].items.insert(0, item);
    });
    edit(&|d| d[1].items.swap(0, 1));
    // Text moved between two statements: length prefixes keep these apart.
    edit(&|d| {
        let moved = d[8].items[0].text.pop().unwrap();
        d[8].items[1].text.insert(0, moved);
    });
    for (i, fp) in changed.iter().enumerate() {
        assert_ne!(*fp, original, "change {i}");
        assert_ne!(*fp, BUILTIN_FINGERPRINT, "change {i}");
    }
}

#[test]
fn compare_lists_closest_and_furthest_areas() {
    let yours: [Option<Mean>; DIMENSIONS] =
        [0, 12, 24, 48, 30, 6, 0, 20, 40, 44].map(Mean::from_twelfths);
    let mut theirs = [0, 12, 36, 0, 30, 18, 4, 8, 40, 48].map(Mean::from_twelfths);
    // Gaps: 0, 0, 12, 48, 0, 12, 4, 12, 0, 4.
    let result = compare(&yours, &theirs);
    assert_eq!(result.closest, vec![0, 1, 4], "ties by order");
    assert_eq!(result.furthest, vec![3, 2, 5], "widest first, then order");

    theirs[0] = None; // not scored by them: no longer compared
    theirs[3] = None;
    let result = compare(&yours, &theirs);
    assert_eq!(result.closest, vec![1, 4, 8]);
    assert_eq!(result.furthest, vec![2, 5, 7]);

    // Never both close and far, even with few areas.
    let mut few = [None; DIMENSIONS];
    few[0] = mean(0);
    few[1] = mean(0);
    few[2] = mean(0);
    let mut other = [None; DIMENSIONS];
    other[0] = mean(11);
    other[1] = mean(36);
    other[2] = mean(FAR_APART);
    let result = compare(&few, &other);
    assert_eq!(result.closest, vec![0], "11 twelfths is under one step");
    assert_eq!(result.furthest, vec![1, 2], "one whole step apart is far");
    assert_eq!(compare(&[None; DIMENSIONS], &yours), Comparison::default());
    // One step in exact means is at least 25 in the percents shown.
    for a in 0..=36 {
        let (x, y) = (mean(a).unwrap(), mean(a + FAR_APART).unwrap());
        assert!(y.percent() - x.percent() >= 25);
    }
}

fn any_scores() -> impl Strategy<Value = [Option<Mean>; DIMENSIONS]> {
    proptest::array::uniform10(proptest::option::of(
        (0..=Mean::MAX_TWELFTHS).prop_map(|t| Mean::from_twelfths(t).unwrap()),
    ))
}

proptest! {
    #[test]
    fn what_it_encodes_it_decodes(scores in any_scores(), fp in any::<u16>()) {
        let code = encode(&scores, fp);
        prop_assert!(code.len() == 23 && code.starts_with("EI1-"), "{}", code);
        prop_assert!(code[4..].split('-').all(|g| g.len() == 4 && g.bytes().all(|b| ALPHABET.contains(&b))));
        prop_assert_eq!(decode(&code, fp), Ok(scores));
        prop_assert_eq!(decode(&code.to_lowercase(), fp & FINGERPRINT_MASK), Ok(scores));
    }

    #[test]
    fn any_text_decodes_without_panicking(text in any::<String>()) {
        let result = decode(&text, 0);
        let first = text.chars().find(|&c| !c.is_whitespace() && !is_dash(c));
        if !first.is_some_and(|c| c.eq_ignore_ascii_case(&'e')) {
            prop_assert_eq!(result, Err(PairError::NotACode));
        }
    }

    #[test]
    fn near_codes_decode_without_panicking(text in "(EI|ei|E)?[0-9A-Za-z \\-–٠-٩😀]{0,40}") {
        let _ = decode(&text, 0);
    }
}

//! Answers → dimension scores → connection score → bands. Pure arithmetic, no panics.

use super::content::{BandText, Bands, Content, QuestionRef};

/// A visitor's response to one question: a point on the 1–5 agreement scale, or a skip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Response {
    Agree(u8),
    Skipped,
}

/// Descriptive bands, the same for the overall score and each dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    /// mean < 3.0
    Explore,
    /// 3.0 ≤ mean < 4.0
    Grow,
    /// mean ≥ 4.0
    Strength,
}

impl Band {
    pub fn from_mean(mean: f64) -> Band {
        if mean >= 4.0 {
            Band::Strength
        } else if mean >= 3.0 {
            Band::Grow
        } else {
            Band::Explore
        }
    }

    /// This band's words in `bands` (a language's, or a publisher's).
    pub fn text(self, bands: &Bands) -> &BandText {
        match self {
            Band::Strength => &bands.strength,
            Band::Grow => &bands.grow,
            Band::Explore => &bands.explore,
        }
    }

    /// The stable id used in host events and CSS classes.
    pub fn id(self) -> &'static str {
        match self {
            Band::Strength => "strength",
            Band::Grow => "grow",
            Band::Explore => "explore",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// Mean on the 1–5 scale, after reverse-keying.
    pub mean: f64,
    /// `(mean − 1) / 4 × 100`, rounded: 0 is least connected, 100 most.
    pub percent: u8,
    pub band: Band,
}

impl Score {
    fn from_mean(mean: f64) -> Score {
        let mean = mean.clamp(1.0, 5.0);
        Score {
            mean,
            percent: ((mean - 1.0) / 4.0 * 100.0).round() as u8,
            band: Band::from_mean(mean),
        }
    }
}

/// The outcome of a quiz: each area's score and the overall one (named apart from
/// `report::Report`, the list of a publisher's configuration problems).
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// `None` when every question was skipped.
    pub overall: Option<Score>,
    /// One entry per dimension, in content order; `None` = not scored (all skipped).
    pub dimensions: Vec<Option<Score>>,
}

/// A response's value after reverse-keying, or `None` if it does not count.
fn value(response: Option<Response>, reverse: bool) -> Option<f64> {
    match response {
        Some(Response::Agree(x @ 1..=5)) => Some(f64::from(if reverse { 6 - x } else { x })),
        _ => None,
    }
}

/// Scores `responses` (one per question in `questions`, missing ones count as skipped).
pub fn score(
    content: &Content,
    questions: &[QuestionRef],
    responses: &[Option<Response>],
) -> Outcome {
    let mut sums = vec![(0.0_f64, 0_u32); content.dimensions.len()];
    for (i, q) in questions.iter().enumerate() {
        let QuestionRef::Item { dimension, .. } = *q else {
            continue; // the safety statement is never scored
        };
        let reverse = content.item(*q).map(|item| item.reverse).unwrap_or(false);
        if let (Some(v), Some(slot)) = (
            value(responses.get(i).copied().flatten(), reverse),
            sums.get_mut(dimension),
        ) {
            slot.0 += v;
            slot.1 += 1;
        }
    }
    let dimensions: Vec<Option<Score>> = sums
        .iter()
        .map(|&(sum, n)| (n > 0).then(|| Score::from_mean(sum / f64::from(n))))
        .collect();
    let scored: Vec<f64> = dimensions.iter().flatten().map(|s| s.mean).collect();
    let overall = (!scored.is_empty())
        .then(|| Score::from_mean(scored.iter().sum::<f64>() / scored.len() as f64));
    Outcome {
        overall,
        dimensions,
    }
}

impl Outcome {
    /// Up to three lowest-scoring dimensions that are not already a strength, lowest first.
    // Not inlined: the results screen and the keepsake both call it.
    #[inline(never)]
    pub fn areas_to_explore(&self) -> Vec<usize> {
        let low = self
            .dimensions
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.filter(|s| s.band != Band::Strength).map(|s| (i, s.mean)))
            .collect();
        lowest(low, 3)
    }

    /// "Where you feel most connected": the areas scoring at least 75 (the strength band),
    /// highest first, at most three. Areas tied on a score are listed together or not at
    /// all, so nothing is picked arbitrarily: when a tie would pass three, the list stops
    /// before it (the band sentence already says closeness is a strength).
    // Not inlined: the results screen and the keepsake both call it.
    #[inline(never)]
    pub fn strengths(&self) -> Vec<usize> {
        const MOST: usize = 3;
        let high: Vec<(usize, f64)> = self
            .dimensions
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.filter(|s| s.band == Band::Strength).map(|s| (i, -s.mean)))
            .collect();
        let mean = |i: usize| self.dimensions.get(i).copied().flatten().map(|s| s.mean);
        let ranked = lowest(high.clone(), high.len());
        let mut out: Vec<usize> = Vec::with_capacity(MOST);
        for (n, &i) in ranked.iter().enumerate() {
            let starts_group = n == 0 || ranked.get(n - 1).is_some_and(|&p| mean(p) != mean(i));
            if starts_group {
                let group = ranked.iter().filter(|&&j| mean(j) == mean(i)).count();
                if out.len() + group > MOST {
                    break;
                }
            }
            out.push(i);
        }
        out
    }
}

/// The indices of the `n` lowest values, lowest first, ties in index order. Picks rather
/// than sorts: ten values at most, and each sort instance costs the download kilobytes.
pub(crate) fn lowest(mut values: Vec<(usize, f64)>, n: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let Some(pos) = values
            .iter()
            .enumerate()
            .min_by(|(_, a), (_, b)| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
            .map(|(pos, _)| pos)
        else {
            break;
        };
        out.push(values.remove(pos).0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::QuestionRef;
    use crate::core::language::builtin;

    fn run(answer: impl Fn(bool) -> Option<Response>) -> Outcome {
        let en = builtin("en").unwrap();
        let qs = en.questions();
        let responses: Vec<Option<Response>> = qs
            .iter()
            .map(|q| {
                en.item(*q)
                    .map_or(Some(Response::Agree(5)), |i| answer(i.reverse))
            })
            .collect();
        score(&en, &qs, &responses)
    }

    #[test]
    fn each_band_speaks_with_its_own_words() {
        let en = builtin("en").unwrap();
        let bands = &en.bands;
        for (band, words) in [
            (Band::Strength, &bands.strength),
            (Band::Grow, &bands.grow),
            (Band::Explore, &bands.explore),
        ] {
            assert_eq!(band.text(bands).label, words.label, "{band:?}");
            assert_eq!(band.text(bands).summary, words.summary, "{band:?}");
            assert!(!words.label.is_empty());
        }
    }

    #[test]
    fn most_connected_answers_score_100() {
        let report = run(|reverse| Some(Response::Agree(if reverse { 1 } else { 5 })));
        let overall = report.overall.unwrap();
        assert_eq!(overall.percent, 100);
        assert_eq!(overall.band, Band::Strength);
        assert!(report.dimensions.iter().all(|d| d.unwrap().percent == 100));
    }

    #[test]
    fn least_connected_answers_score_0() {
        let report = run(|reverse| Some(Response::Agree(if reverse { 5 } else { 1 })));
        assert_eq!(report.overall.unwrap().percent, 0);
        assert_eq!(report.overall.unwrap().band, Band::Explore);
    }

    #[test]
    fn skipping_everything_scores_nothing() {
        let report = run(|_| Some(Response::Skipped));
        assert_eq!(report.overall, None);
        assert!(report.dimensions.iter().all(Option::is_none));
        assert!(report.areas_to_explore().is_empty());
        assert!(report.strengths().is_empty());
    }

    #[test]
    fn mixed_case_by_hand() {
        let en = builtin("en").unwrap();
        let qs = en.questions();
        // Question i (0-based) answers (i % 5) + 1; the second item of "communication"
        // (question 10) is skipped, so that dimension rests on question 0 alone.
        let responses: Vec<Option<Response>> = (0..qs.len())
            .map(|i| {
                Some(if i == 10 {
                    Response::Skipped
                } else {
                    Response::Agree((i % 5) as u8 + 1)
                })
            })
            .collect();
        let report = score(&en, &qs, &responses);
        let mut expected_means = Vec::new();
        for d in 0..10 {
            let mut values = Vec::new();
            for (i, q) in qs.iter().enumerate() {
                if matches!(q, QuestionRef::Item { dimension, .. } if *dimension == d) && i != 10 {
                    let x = (i % 5) as f64 + 1.0;
                    values.push(if en.item(*q).unwrap().reverse {
                        6.0 - x
                    } else {
                        x
                    });
                }
            }
            expected_means.push(values.iter().sum::<f64>() / values.len() as f64);
        }
        for (d, expected) in expected_means.iter().enumerate() {
            let got = report.dimensions[d].unwrap();
            assert!((got.mean - expected).abs() < 1e-9, "dimension {d}");
        }
        // Communication: question 0 answered 1, positive item → mean 1 → 0 of 100.
        assert_eq!(report.dimensions[0].unwrap().percent, 0);
        let overall_mean = expected_means.iter().sum::<f64>() / 10.0;
        let overall = report.overall.unwrap();
        assert_eq!(
            overall.percent,
            ((overall_mean - 1.0) / 4.0 * 100.0).round() as u8
        );
    }

    #[test]
    fn a_dimension_mean_of_a_single_item_and_band_edges() {
        assert_eq!(Band::from_mean(4.0), Band::Strength);
        assert_eq!(Band::from_mean(3.99), Band::Grow);
        assert_eq!(Band::from_mean(3.0), Band::Grow);
        assert_eq!(Band::from_mean(2.99), Band::Explore);
        assert_eq!(Score::from_mean(3.5).percent, 63); // 62.5 rounds half away from zero
        assert_eq!(Score::from_mean(3.0).percent, 50);
    }

    #[test]
    fn safety_statement_is_unscored() {
        let en = builtin("en").unwrap();
        let qs = en.questions();
        let safety = qs.iter().position(|q| *q == QuestionRef::Safety).unwrap();
        let mut responses = vec![Some(Response::Agree(3)); qs.len()];
        let base = score(&en, &qs, &responses);
        for answer in [Response::Skipped, Response::Agree(1), Response::Agree(5)] {
            responses[safety] = Some(answer);
            assert_eq!(score(&en, &qs, &responses), base, "never changes the score");
        }
    }

    #[test]
    fn out_of_range_answers_are_ignored() {
        let report = run(|_| Some(Response::Agree(9)));
        assert_eq!(report.overall, None);
    }

    #[test]
    fn areas_and_strengths() {
        let mut report = Outcome {
            overall: None,
            dimensions: vec![None; 10],
        };
        let means = [4.5, 2.0, 3.5, 5.0, 1.5, 3.0, 4.0, 2.5, 4.5, 3.9];
        for (i, m) in means.iter().enumerate() {
            report.dimensions[i] = Some(Score::from_mean(*m));
        }
        assert_eq!(report.areas_to_explore(), vec![4, 1, 7]);
        // At least 75 only (a mean of 4), highest first; 0 and 8 tie and fit in three.
        assert_eq!(report.strengths(), vec![3, 0, 8]);
        report.dimensions = vec![Some(Score::from_mean(4.5)); 10];
        assert!(report.areas_to_explore().is_empty());
        assert_eq!(
            report.strengths(),
            Vec::<usize>::new(),
            "ten tied: none picked"
        );
        // A tie that would pass three stops the list before it.
        let set = |report: &mut Outcome, means: &[f64]| {
            report.dimensions = means.iter().map(|m| Some(Score::from_mean(*m))).collect();
        };
        set(
            &mut report,
            &[5.0, 4.5, 4.5, 4.5, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0],
        );
        assert_eq!(report.strengths(), vec![0]);
        set(
            &mut report,
            &[5.0, 4.5, 4.5, 4.0, 4.0, 3.0, 3.0, 3.0, 3.0, 3.0],
        );
        assert_eq!(report.strengths(), vec![0, 1, 2]);
        set(
            &mut report,
            &[3.9, 3.5, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0],
        );
        assert_eq!(report.strengths(), Vec::<usize>::new(), "nothing under 75");
    }

    /// Property tests run natively only (proptest is a native dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_answers_give_a_score_in_range(raw in proptest::collection::vec(proptest::option::of(0u8..8), 0..30)) {
                let en = builtin("en").unwrap();
                let qs = en.questions();
                let responses: Vec<Option<Response>> = raw
                    .iter()
                    .map(|r| r.map(|x| if x == 0 { Response::Skipped } else { Response::Agree(x) }))
                    .collect();
                let report = score(&en, &qs, &responses);
                if let Some(o) = report.overall {
                    prop_assert!(o.percent <= 100);
                    prop_assert!((1.0..=5.0).contains(&o.mean));
                }
                for d in report.dimensions.iter().flatten() {
                    prop_assert!(d.percent <= 100);
                }
                prop_assert!(report.areas_to_explore().len() <= 3);
            }
        }
    }
}

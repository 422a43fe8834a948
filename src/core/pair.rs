//! Pair codes: a short code carrying a visitor's ten area scores, so a partner who took the
//! quiz on another device can compare. A code carries scores only: never an answer, never
//! anything about the unscored safety statement.
//!
//! Format: `EI1-JW8Q-LXT7-75ZN-5HQT` = the prefix `EI`, one version digit, then 16 body
//! symbols shown in groups of four. Symbols come from a 32-letter alphabet without `0`, `O`,
//! `1` and `I`, so a code survives being read aloud or copied from a phone. Decoding ignores
//! case, white space and dashes (typographic ones too) anywhere.
//!
//! The frame, shared by every version so that this decoder can tell a newer code from a typo:
//! `EI`, a version digit 1–9, 16 to 30 body symbols, the last two of which are check symbols
//! over the version and the body (see `syndrome` below). Version 1 has exactly 16 body symbols:
//! 14 payload symbols (70 bits, most significant first) then the 2 check symbols.
//!
//! Version 1 payload, bit 69 down to bit 0:
//! - bits 69–57: the statement-set fingerprint (13 bits);
//! - bits 56–0: the scores, the base-50 number d₀ + 50·d₁ + … + 50⁹·d₉ where dᵢ is 0 for a
//!   dimension not scored and 1 + twelfths otherwise (see [`Mean`]).
//!
//! Why 16 symbols: the scores need 50¹⁰ ≈ 9.8·10¹⁶ < 2⁵⁷ values, so 57 bits. Twelve payload
//! symbols (60 bits) would leave a 3-bit fingerprint, which would wave through one changed
//! statement set in eight; fourteen leave 13 bits (one in 8191, below). Two check symbols
//! make 16, four groups of four: as long as a licence key, which people read out fine.

use std::iter::once;
use thiserror::Error;

use super::content::{Dimension, DIMENSION_IDS};
use super::scoring::{lowest, Band, Score};

/// The number of areas a code carries.
pub const DIMENSIONS: usize = DIMENSION_IDS.len();

/// A visitor's ten area scores, as a code carries them.
pub type Means = [Option<Mean>; DIMENSIONS];

/// Bits of fingerprint a version 1 code carries; [`fingerprint`] returns values below
/// `1 << FINGERPRINT_BITS`.
pub const FINGERPRINT_BITS: u32 = 13;

/// The fingerprints the built-in statements have had, one per edition, oldest first: a code
/// made before the statements changed is refused as made with other statements. Custom sets
/// never get the current one (see [`fingerprint`]). A new edition appends a value; the test
/// `the_builtin_statements_are_the_pinned_edition` fails until it does.
/// - 0: the first statements (until December 2026);
/// - 1: rewritten to docs/writing.md (issue 23).
pub const BUILTIN_EDITIONS: [u16; 2] = [RETIRED_EDITION, BUILTIN_FINGERPRINT];

/// The fingerprint of the statements shipped with the widget: the current edition.
pub const BUILTIN_FINGERPRINT: u16 = 1;

/// What a custom set that hashes to a built-in edition's value gets instead: the first
/// edition's, retired, so no custom page takes a current built-in code as its own.
const RETIRED_EDITION: u16 = 0;

/// A gap of at least this many twelfths (25 points: one whole step of the 1–5 scale) puts an
/// area among the largest gaps; see [`compare`].
pub const FAR_APART: u8 = 12;

const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const VERSION: u8 = 1;
const BODY: usize = 16;
const PAYLOAD: usize = BODY - 2;
/// Body lengths any version may use. 30 body symbols plus the version make 31 positions, the
/// most for which the check symbols still catch every two-symbol error (α has order 31).
const FRAME_BODY: std::ops::RangeInclusive<usize> = 16..=30;
const MAX_CHARS: usize = 2 + 1 + 30;
/// Levels per dimension: not scored, or 0..=48 twelfths.
const LEVELS: u64 = 50;
const SCORE_BITS: u32 = 57;
const SCORE_SPACE: u64 = LEVELS.pow(DIMENSIONS as u32);
const FINGERPRINT_MASK: u16 = (1 << FINGERPRINT_BITS) - 1;

/// A dimension's mean, held exactly as a whole number of twelfths above 1 (0..=48).
///
/// A dimension's mean is j/k above 1 with k ≤ 3 statements answered, and twelve is a multiple
/// of every such k (and of 4, should a publisher ever get four statements), so twelfths hold
/// every mean a quiz can produce without rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mean(u8);

impl Mean {
    pub const MAX_TWELFTHS: u8 = 48;

    pub fn from_twelfths(twelfths: u8) -> Option<Mean> {
        (twelfths <= Self::MAX_TWELFTHS).then_some(Mean(twelfths))
    }

    pub fn twelfths(self) -> u8 {
        self.0
    }

    /// The nearest twelfth: exact for every mean scoring produces (its floating-point error
    /// is far below half a twelfth). `None` for NaN or a mean outside 1–5.
    pub fn from_f64(mean: f64) -> Option<Mean> {
        if !(1.0..=5.0).contains(&mean) {
            return None;
        }
        Some(Mean(((mean - 1.0) * 12.0).round() as u8))
    }

    /// The mean on the 1–5 scale, bit for bit the value scoring computes for it: IEEE
    /// division is correctly rounded, so (12 + t) / 12 and scoring's sum / n are the same
    /// double whenever they are the same fraction.
    pub fn value(self) -> f64 {
        f64::from(12 + u16::from(self.0)) / 12.0
    }

    /// `(mean − 1) / 4 × 100` rounded half away from zero, as scoring rounds, in integers.
    pub fn percent(self) -> u8 {
        ((25 * u16::from(self.0) + 6) / 12) as u8
    }

    /// The score scoring gives a dimension with this mean.
    pub fn score(self) -> Score {
        Score {
            mean: self.value(),
            percent: self.percent(),
            band: Band::from_mean(self.value()),
        }
    }
}

/// The means of a report's dimensions, ready for [`encode`]; missing entries are not scored.
pub fn means(dimensions: &[Option<Score>]) -> [Option<Mean>; DIMENSIONS] {
    std::array::from_fn(|i| {
        dimensions
            .get(i)
            .copied()
            .flatten()
            .and_then(|s| Mean::from_f64(s.mean))
    })
}

/// Why a text is not a usable pair code. The UI maps each to a sentence from content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum PairError {
    /// Not shaped like a pair code: no `EI` prefix, foreign characters, wrong length.
    #[error("not a pair code")]
    NotACode,
    /// Shaped like a code, but the check symbols disagree: most likely mistyped.
    #[error("pair code fails its check symbols")]
    Typo,
    /// A valid code in a format version this widget does not read.
    #[error("pair code from another format version")]
    OtherVersion,
    /// A valid code made with other statements, so the scores do not compare.
    #[error("pair code from another statement set")]
    OtherStatements,
}

/// Which statements a visitor answered, for [`fingerprint`].
#[derive(Debug, Clone, Copy)]
pub enum StatementSet<'a> {
    /// The statements shipped with the widget. Every built-in language is a translation of
    /// one set, so bilingual couples can compare: all share one fingerprint.
    Builtin,
    /// A publisher's own statements, dimension by dimension in content order.
    Custom(&'a [Dimension]),
}

/// The fingerprint a code carries, below `1 << FINGERPRINT_BITS`.
///
/// A custom set hashes every statement's text and reverse flag and every dimension's count
/// (FNV-1a, 64 bits, length-prefixed so no two sets serialise alike) into 1..=8191. The one
/// in 8191 sets that land on a later built-in edition's value get the retired first edition's
/// (0) instead, so a custom set's fingerprint never changes unless its statements do, except
/// on that one value. Two different custom sets collide with probability about 1 in 8191:
/// that is the chance a code from before a publisher's edit is taken as current.
pub fn fingerprint(set: StatementSet<'_>) -> u16 {
    match set {
        StatementSet::Builtin => BUILTIN_FINGERPRINT,
        StatementSet::Custom(dimensions) => {
            let mut hash = Fnv1a::default();
            hash.write_len(dimensions.len());
            for dimension in dimensions {
                hash.write_len(dimension.items.len());
                for item in &dimension.items {
                    hash.write_len(item.text.len());
                    hash.write(item.text.as_bytes());
                    hash.write(&[u8::from(item.reverse)]);
                }
            }
            // 8191 is prime and 2¹³ ≡ 1 mod 8191, so every bit of the hash counts.
            let custom = 1 + (hash.0 % u64::from(FINGERPRINT_MASK)) as u16;
            if BUILTIN_EDITIONS.contains(&custom) {
                RETIRED_EDITION
            } else {
                custom
            }
        }
    }
}

struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_len(&mut self, len: usize) {
        self.write(&(len as u64).to_le_bytes());
    }
}

/// The code for ten dimension means. Only the low [`FINGERPRINT_BITS`] of `fingerprint`
/// travel (all of them, for values [`fingerprint`] returns).
pub fn encode(scores: &[Option<Mean>; DIMENSIONS], fingerprint: u16) -> String {
    // The scores fit in 57 bits, so u64 arithmetic: u128 division would cost the download
    // a kilobyte of compiler runtime.
    let index = scores.iter().rev().fold(0_u64, |acc, s| {
        acc * LEVELS + s.map_or(0, |m| u64::from(m.0) + 1)
    });
    let value = (u128::from(fingerprint & FINGERPRINT_MASK) << SCORE_BITS) | u128::from(index);
    let payload: [u8; PAYLOAD] =
        std::array::from_fn(|j| ((value >> (5 * (PAYLOAD - 1 - j))) & 31) as u8);
    frame(VERSION, &payload)
}

/// A code of any version: payload symbols (values below 32) sealed with the check symbols.
fn frame(version: u8, payload: &[u8]) -> String {
    let checks = check_symbols(version, payload);
    let mut code = format!("EI{version}");
    for (i, &symbol) in payload.iter().chain(&checks).enumerate() {
        if i % 4 == 0 {
            code.push('-');
        }
        code.push(char::from(
            ALPHABET.get(usize::from(symbol)).copied().unwrap_or(b'?'),
        ));
    }
    code
}

/// The scores in a code, if it is a version 1 code made with statements of `fingerprint`.
pub fn decode(text: &str, fingerprint: u16) -> Result<[Option<Mean>; DIMENSIONS], PairError> {
    use PairError::*;
    // A fixed buffer: a pasted novel costs no allocation, and is rejected at its 34th symbol.
    let mut buffer = [0_u8; MAX_CHARS];
    let mut len = 0;
    for c in text.chars() {
        if c.is_whitespace() || is_dash(c) {
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            return Err(NotACode);
        }
        *buffer.get_mut(len).ok_or(NotACode)? =
            u8::try_from(c.to_ascii_uppercase()).map_err(|_| NotACode)?;
        len += 1;
    }
    let chars = buffer.get(..len).ok_or(NotACode)?;
    let [b'E', b'I', digit @ b'1'..=b'9', body @ ..] = chars else {
        return Err(NotACode);
    };
    let version = digit - b'0';
    let length_fits = if version == VERSION {
        body.len() == BODY
    } else {
        FRAME_BODY.contains(&body.len())
    };
    if !length_fits {
        return Err(NotACode);
    }
    // The right shape with a 0, 1, O or I in it: a misread symbol, so a typo.
    let mut symbols = [0_u8; MAX_CHARS];
    for (slot, &c) in symbols.iter_mut().zip(body) {
        *slot = ALPHABET
            .iter()
            .position(|&a| a == c)
            .ok_or(Typo)
            .map(|p| p as u8)?;
    }
    let symbols = symbols.get(..body.len()).ok_or(NotACode)?;
    if syndrome(once(version).chain(symbols.iter().copied())) != (0, 0) {
        return Err(Typo);
    }
    if version != VERSION {
        return Err(OtherVersion);
    }
    let value = symbols
        .iter()
        .take(PAYLOAD)
        .fold(0_u128, |acc, &s| (acc << 5) | u128::from(s));
    let mut index = (value & ((1 << SCORE_BITS) - 1)) as u64;
    // Unreachable from `encode`: a code that passes its check yet was changed in three or
    // more symbols. The advice is the same as for any typo.
    if index >= SCORE_SPACE {
        return Err(Typo);
    }
    if (value >> SCORE_BITS) as u16 != fingerprint & FINGERPRINT_MASK {
        return Err(OtherStatements);
    }
    Ok(std::array::from_fn(|_| {
        let level = (index % LEVELS) as u8;
        index /= LEVELS;
        level.checked_sub(1).map(Mean)
    }))
}

/// Dashes a phone keyboard or word processor may put in place of `-`.
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

/// GF(32) as GF(2)[x] / (x⁵ + x² + 1). That polynomial is primitive, so `ALPHA` = x has
/// order 31: α⁰ … α³⁰ are distinct.
const ALPHA: u8 = 0b10;

/// Symbols are below 32, so five rounds, one per bit of `b`: a fixed count, so that no slip
/// in the loop can make it endless (a wasm that never returns freezes the host page).
fn gf_mul(mut a: u8, b: u8) -> u8 {
    let mut product = 0;
    for bit in 0..5 {
        if (b >> bit) & 1 != 0 {
            product ^= a;
        }
        a <<= 1;
        if a & 0b10_0000 != 0 {
            a ^= 0b10_0101;
        }
    }
    product
}

fn gf_pow(a: u8, n: usize) -> u8 {
    (0..n).fold(1, |acc, _| gf_mul(acc, a))
}

/// The syndrome (Σ sᵢ, Σ αⁱ·sᵢ) of symbols s₀ (the version), s₁, … over GF(32); a code is
/// valid when both are zero.
///
/// Why every error in one or two symbols is caught: the parity checks have column (1, αⁱ) at
/// position i. One wrong symbol (error e ≠ 0 at i) gives (e, e·αⁱ) ≠ 0. Two (e at i, f at
/// j) cancel only if e + f = 0, so e = f in characteristic 2, and then e·(αⁱ + αʲ) = 0,
/// so αⁱ = αʲ, impossible for i ≠ j below 31. A substitution changes one symbol; swapping
/// two different symbols changes two. (Any other error passes with chance 1 in 1024.)
fn syndrome(symbols: impl Iterator<Item = u8>) -> (u8, u8) {
    let mut sum = 0;
    let mut weighted = 0;
    let mut weight = 1;
    for s in symbols {
        sum ^= s;
        weighted ^= gf_mul(weight, s);
        weight = gf_mul(weight, ALPHA);
    }
    (sum, weighted)
}

/// The two symbols that, appended to `payload`, make the syndrome zero: with A and B the
/// syndrome so far and p, q their positions, c_p + c_q = A and αᵖ·c_p + α^q·c_q = B.
fn check_symbols(version: u8, payload: &[u8]) -> [u8; 2] {
    let (a, b) = syndrome(once(version).chain(payload.iter().copied()));
    let p = payload.len() + 1;
    let (alpha_p, alpha_q) = (gf_pow(ALPHA, p), gf_pow(ALPHA, p + 1));
    // Division by αᵖ + α^q ≠ 0 is multiplication by its 30th power (every non-zero x has
    // x³¹ = 1).
    let c_p = gf_mul(b ^ gf_mul(alpha_q, a), gf_pow(alpha_p ^ alpha_q, 30));
    [c_p, a ^ c_p]
}

/// What the results page says about two visitors' scores side by side.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Comparison {
    /// Up to three areas where you are closest, closest first; each under [`FAR_APART`].
    pub closest: Vec<usize>,
    /// Up to three areas at least [`FAR_APART`] apart, widest gap first.
    pub furthest: Vec<usize>,
}

/// Compares two visitors' areas; only areas both scored count, ties go in dimension order.
///
/// [`FAR_APART`] is one whole step of the answer scale (25 points), the width of a band. On
/// the built-in two-statement areas that takes two answer steps between you, say "agree"
/// twice against "neutral" twice; a single answer one step apart (12.5 points) is the
/// wobble of answering the same statement on another day, not a difference worth raising.
/// A gap of 25 in the exact means is also at least 25 in the rounded percents shown.
pub fn compare(
    yours: &[Option<Mean>; DIMENSIONS],
    theirs: &[Option<Mean>; DIMENSIONS],
) -> Comparison {
    let gaps: Vec<(usize, u8)> = yours
        .iter()
        .zip(theirs)
        .enumerate()
        .filter_map(|(i, (a, b))| Some((i, (*a)?.0.abs_diff((*b)?.0))))
        .collect();
    let near = gaps
        .iter()
        .filter(|(_, gap)| *gap < FAR_APART)
        .map(|&(i, gap)| (i, f64::from(gap)))
        .collect();
    let far = gaps
        .iter()
        .filter(|(_, gap)| *gap >= FAR_APART)
        .map(|&(i, gap)| (i, -f64::from(gap)))
        .collect();
    Comparison {
        closest: lowest(near, 3),
        furthest: lowest(far, 3),
    }
}

// Native only: the tests use proptest, a native dev-dependency.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests;

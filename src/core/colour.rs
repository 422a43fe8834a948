//! Colours that stay readable: which scheme (light or dark) a page around the widget has,
//! and accent colours whose text keeps WCAG's 4.5:1. The embed layer reads what the browser
//! computed (the page's backgrounds, its `color-scheme`, the accent the publisher set) and
//! applies the result; the builder warns with the same figures.
//!
//! Relative luminance and contrast ratio are WCAG 2's definitions
//! (<https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio>).

/// The contrast text needs against its background (WCAG 1.4.3, level AA).
pub const MIN_TEXT_CONTRAST: f64 = 4.5;

/// An opaque sRGB colour, 0–255 per channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

/// A colour with its opacity (0 transparent … 1 opaque), as `background-color` computes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgba {
    pub rgb: Rgb,
    pub alpha: f64,
}

pub const BLACK: Rgb = Rgb::new(0, 0, 0);
pub const WHITE: Rgb = Rgb::new(255, 255, 255);

/// The widget's card background in each scheme when the publisher sets no `--eiw-bg`
/// (static/widget.css; a test checks they agree). The builder's figures are against these.
pub const LIGHT_BACKGROUND: Rgb = Rgb::new(0xff, 0xff, 0xff);
pub const DARK_BACKGROUND: Rgb = Rgb::new(0x16, 0x1b, 0x22);

/// What the browser paints behind a page that has no background of its own: white, or
/// Chromium's dark canvas when the page's `color-scheme` lets it be dark.
const LIGHT_CANVAS: Rgb = WHITE;
const DARK_CANVAS: Rgb = Rgb::new(0x12, 0x12, 0x12);

/// Light or dark: the widget's two sets of colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
}

/// What the `theme` attribute asks for. Anything but `light` or `dark` is `Auto` (an
/// unknown value is reported by `settings`, and the widget then follows the page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeChoice {
    Light,
    Dark,
    Auto,
}

impl ThemeChoice {
    pub fn from_attribute(value: Option<&str>) -> Self {
        match value.map(str::trim) {
            Some("light") => Self::Light,
            Some("dark") => Self::Dark,
            _ => Self::Auto,
        }
    }
}

impl Rgb {
    pub const fn new(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b }
    }

    /// WCAG's relative luminance: 0 for black, 1 for white.
    pub fn luminance(self) -> f64 {
        fn linear(channel: u8) -> f64 {
            let c = f64::from(channel) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b)
    }

    /// WCAG's contrast ratio, from 1 (the same) to 21 (black and white).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// Dark when white text on it would read better than black.
    pub fn is_dark(self) -> bool {
        WHITE.contrast(self) > BLACK.contrast(self)
    }

    /// Black or white, whichever contrasts more with this colour (never under 4.58:1).
    pub fn text_colour(self) -> Rgb {
        if self.is_dark() {
            WHITE
        } else {
            BLACK
        }
    }

    /// `t` of the way from this colour to `other` (0 this, 1 `other`), per sRGB channel.
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let channel = |a: u8, b: u8| {
            let value = f64::from(a) + (f64::from(b) - f64::from(a)) * t.clamp(0.0, 1.0);
            // In 0–255 by construction; the cast saturates in any case.
            value.round() as u8
        };
        Rgb::new(
            channel(self.r, other.r),
            channel(self.g, other.g),
            channel(self.b, other.b),
        )
    }

    /// The nearest shade of this colour with at least `min` contrast against `background`:
    /// itself when it has it, else mixed with white on a dark background (black on a light
    /// one) just enough. When not even white (black) reaches `min`, that is returned.
    pub fn readable_on(self, background: Rgb, min: f64) -> Rgb {
        if self.contrast(background) >= min {
            return self;
        }
        let target = background.text_colour();
        if target.contrast(background) < min {
            return target;
        }
        // Contrast only falls, then rises, on the way to `target`, and `target` is enough:
        // the shades that are enough form one stretch ending at `target`.
        let (mut low, mut high) = (0.0_f64, 1.0_f64);
        for _ in 0..24 {
            let middle = (low + high) / 2.0;
            if self.mix(target, middle).contrast(background) >= min {
                high = middle;
            } else {
                low = middle;
            }
        }
        self.mix(target, high)
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// `#rgb` or `#rrggbb`, as the builder's accent field takes it.
    pub fn from_hex(text: &str) -> Option<Rgb> {
        let digits = text.trim().strip_prefix('#')?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let value = |s: &str| u8::from_str_radix(s, 16).ok();
        match digits.len() {
            3 => {
                let mut channels = digits.chars().map(|c| value(&format!("{c}{c}")));
                Some(Rgb::new(
                    channels.next()??,
                    channels.next()??,
                    channels.next()??,
                ))
            }
            6 => Some(Rgb::new(
                value(digits.get(0..2)?)?,
                value(digits.get(2..4)?)?,
                value(digits.get(4..6)?)?,
            )),
            _ => None,
        }
    }
}

impl Rgba {
    pub fn is_transparent(self) -> bool {
        self.alpha <= 0.0
    }

    pub fn is_opaque(self) -> bool {
        self.alpha >= 1.0
    }

    /// This colour painted over `below`.
    pub fn over(self, below: Rgb) -> Rgb {
        below.mix(self.rgb, self.alpha)
    }

    /// A colour as `getComputedStyle` gives it: `rgb(…)`, `rgba(…)` (commas or spaces,
    /// optional `/ alpha`), `color(srgb r g b [/ a])` (what `color-mix(in srgb, …)` computes
    /// to, so any other colour can be brought to it) or `transparent`. `None` for anything
    /// else, such as `oklch(…)`.
    pub fn parse_computed(text: &str) -> Option<Rgba> {
        let text = text.trim().to_ascii_lowercase();
        if text == "transparent" {
            return Some(Rgba {
                rgb: BLACK,
                alpha: 0.0,
            });
        }
        let (inner, scale) = if let Some(rest) = text.strip_prefix("color(srgb ") {
            (rest.strip_suffix(')')?, 255.0)
        } else {
            let rest = text
                .strip_prefix("rgba(")
                .or_else(|| text.strip_prefix("rgb("))?;
            (rest.strip_suffix(')')?, 1.0)
        };
        let (channels, alpha) = match inner.split_once('/') {
            Some((channels, alpha)) => (channels, Some(alpha)),
            None => (inner, None),
        };
        let numbers: Vec<&str> = channels
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|part| !part.is_empty())
            .collect();
        let (channels, alpha) = match (numbers.as_slice(), alpha) {
            ([r, g, b], alpha) => ([*r, *g, *b], alpha),
            ([r, g, b, a], None) => ([*r, *g, *b], Some(*a)),
            _ => return None,
        };
        let mut rgb = [0_u8; 3];
        for (slot, part) in rgb.iter_mut().zip(channels) {
            let value = number(part, 255.0)? * scale;
            // Clamped to 0–255 (color-mix may compute outside sRGB's gamut).
            *slot = value.round().clamp(0.0, 255.0) as u8;
        }
        let alpha = match alpha {
            Some(a) => number(a.trim(), 1.0)?.clamp(0.0, 1.0),
            None => 1.0,
        };
        let [r, g, b] = rgb;
        Some(Rgba {
            rgb: Rgb::new(r, g, b),
            alpha,
        })
    }
}

/// A number, or a percentage of `whole`.
fn number(text: &str, whole: f64) -> Option<f64> {
    let value = match text.strip_suffix('%') {
        Some(percent) => decimal(percent)? / 100.0 * whole,
        None => decimal(text)?,
    };
    value.is_finite().then_some(value)
}

/// A plain decimal as browsers write computed colours (`255`, `0.5`, `-0.25`, `.5`).
/// Read by hand: `f64::from_str` brings the general float parser and its tables into the
/// widget's wasm, about 8 KB of the gzip download for numbers that never need it.
fn decimal(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut value = 0.0_f64;
    for c in whole.chars() {
        value = value * 10.0 + f64::from(c.to_digit(10)?);
    }
    let mut scale = 1.0_f64;
    for c in fraction.chars() {
        scale /= 10.0;
        value += f64::from(c.to_digit(10)?) * scale;
    }
    Some(if negative { -value } else { value })
}

/// The colour a page shows around the widget.
///
/// `backgrounds` are the computed `background-color`s from the widget's element outwards to
/// `<html>` (transparent ones may be left in or out). They are painted over one another
/// down to the first opaque one; if none is opaque, over the browser's canvas, which is
/// dark only when the page's `color_scheme` (the root's computed `color-scheme`, or its
/// `<meta name="color-scheme">` when that is `normal`) allows dark, and, when it allows
/// both, the visitor's device prefers dark (`prefers_dark`).
pub fn page_colour(backgrounds: &[Rgba], color_scheme: &str, prefers_dark: bool) -> Rgb {
    let mut layers: Vec<Rgba> = Vec::new();
    let mut base = None;
    for background in backgrounds.iter().filter(|b| !b.is_transparent()) {
        if background.is_opaque() {
            base = Some(background.rgb);
            break;
        }
        layers.push(*background);
    }
    let base = base.unwrap_or_else(|| match declared_scheme(color_scheme, prefers_dark) {
        Scheme::Dark => DARK_CANVAS,
        Scheme::Light => LIGHT_CANVAS,
    });
    layers
        .iter()
        .rev()
        .fold(base, |below, layer| layer.over(below))
}

/// The scheme of a page around the widget, for `theme="auto"`: dark when white text would
/// read better than black on its colour (`page_colour`).
pub fn page_scheme(backgrounds: &[Rgba], color_scheme: &str, prefers_dark: bool) -> Scheme {
    if page_colour(backgrounds, color_scheme, prefers_dark).is_dark() {
        Scheme::Dark
    } else {
        Scheme::Light
    }
}

/// The scheme a `color-scheme` value gives the page's canvas: `light`, `normal` or nothing
/// is light (browsers paint such pages white whatever the device prefers), `dark` is dark,
/// and both (`light dark`) follow the device.
pub fn declared_scheme(color_scheme: &str, prefers_dark: bool) -> Scheme {
    let words: Vec<&str> = color_scheme.split_whitespace().collect();
    let light = words.contains(&"light");
    let dark = words.contains(&"dark");
    if dark && (!light || prefers_dark) {
        Scheme::Dark
    } else {
        Scheme::Light
    }
}

/// The accent colours the widget shows, each readable where it is used.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Accent {
    /// Buttons, bars and outlines. In the dark scheme a shade of the publisher's accent
    /// with 4.5:1 against the background (a brand colour is usually chosen for a light
    /// page); in the light scheme the accent as set.
    pub fill: Rgb,
    /// Text on `fill`: the publisher's `--eiw-accent-contrast` when it keeps 4.5:1 with
    /// `fill`, else black or white, whichever contrasts more.
    pub text: Rgb,
    /// Links and other text in the accent colour: a shade with 4.5:1 against the
    /// background, in both schemes.
    pub link: Rgb,
    /// Whether the publisher's `--eiw-accent-contrast` was set but too faint, and replaced.
    pub text_replaced: bool,
}

impl Accent {
    /// `accent` and `background` as the widget's stylesheet gives them for `scheme`;
    /// `chosen_text` is the publisher's `--eiw-accent-contrast`, if set.
    pub fn new(accent: Rgb, background: Rgb, scheme: Scheme, chosen_text: Option<Rgb>) -> Self {
        let fill = match scheme {
            Scheme::Dark => accent.readable_on(background, MIN_TEXT_CONTRAST),
            Scheme::Light => accent,
        };
        let chosen = chosen_text.filter(|text| text.contrast(fill) >= MIN_TEXT_CONTRAST);
        Self {
            fill,
            text: chosen.unwrap_or_else(|| fill.text_colour()),
            link: fill.readable_on(background, MIN_TEXT_CONTRAST),
            text_replaced: chosen_text.is_some() && chosen.is_none(),
        }
    }

    /// The figures the builder shows for `accent` on the default background of `scheme`.
    pub fn on_default(accent: Rgb, scheme: Scheme) -> Self {
        let background = match scheme {
            Scheme::Light => LIGHT_BACKGROUND,
            Scheme::Dark => DARK_BACKGROUND,
        };
        Self::new(accent, background, scheme, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(text: &str) -> Rgb {
        Rgb::from_hex(text).unwrap()
    }

    fn round2(x: f64) -> f64 {
        (x * 100.0).round() / 100.0
    }

    #[test]
    fn contrast_ratios_match_wcag() {
        assert_eq!(round2(BLACK.contrast(WHITE)), 21.0);
        assert_eq!(round2(WHITE.contrast(WHITE)), 1.0);
        // The figures: white on yellow, and the dark theme's near-black text on purple.
        assert_eq!(round2(WHITE.contrast(hex("#ffff00"))), 1.07);
        assert_eq!(round2(hex("#0b1a18").contrast(hex("#6b3fa0"))), 2.42);
        assert_eq!(round2(hex("#6b3fa0").contrast(DARK_BACKGROUND)), 2.34);
        // A known pair: #777 on white is just under AA.
        assert_eq!(round2(hex("#777777").contrast(WHITE)), 4.48);
        // Very dark channels are on the straight part of the sRGB curve.
        assert_eq!(round2(hex("#0a0a0a").contrast(WHITE)), 19.8);
    }

    #[test]
    fn text_on_an_accent_is_black_or_white_whichever_reads_better() {
        assert_eq!(hex("#ffff00").text_colour(), BLACK);
        assert_eq!(hex("#6b3fa0").text_colour(), WHITE);
        assert_eq!(hex("#0f6e63").text_colour(), WHITE);
        assert_eq!(hex("#6fd3c4").text_colour(), BLACK);
        // The worst case for either: the middle grey still gets over 4.5:1.
        for v in 0..=255 {
            let grey = Rgb::new(v, v, v);
            assert!(grey.text_colour().contrast(grey) >= 4.58, "{}", grey.hex());
        }
    }

    const ACCENTS: [&str; 12] = [
        "#ffff00", "#6b3fa0", "#0f6e63", "#6fd3c4", "#000000", "#ffffff", "#ff0000", "#0000ff",
        "#00ff00", "#808080", "#ff8800", "#1a1a2e",
    ];

    #[test]
    fn every_accent_keeps_4_5_to_1_for_its_text_in_both_schemes() {
        for accent in ACCENTS.map(hex) {
            for scheme in [Scheme::Light, Scheme::Dark] {
                let shown = Accent::on_default(accent, scheme);
                assert!(
                    shown.text.contrast(shown.fill) >= MIN_TEXT_CONTRAST,
                    "{} {scheme:?}: button text {}",
                    accent.hex(),
                    shown.text.hex()
                );
                let background = match scheme {
                    Scheme::Light => LIGHT_BACKGROUND,
                    Scheme::Dark => DARK_BACKGROUND,
                };
                assert!(
                    shown.link.contrast(background) >= MIN_TEXT_CONTRAST,
                    "{} {scheme:?}: link {}",
                    accent.hex(),
                    shown.link.hex()
                );
                if scheme == Scheme::Dark {
                    assert!(shown.fill.contrast(background) >= MIN_TEXT_CONTRAST);
                }
            }
        }
    }

    #[test]
    fn the_light_scheme_keeps_the_accent_and_the_dark_one_lightens_it_just_enough() {
        let yellow = Accent::on_default(hex("#ffff00"), Scheme::Light);
        assert_eq!(yellow.fill, hex("#ffff00"));
        assert_eq!(yellow.text, BLACK);
        assert!(
            yellow.link.contrast(LIGHT_BACKGROUND) < 4.7,
            "no darker than needed"
        );

        let purple = Accent::on_default(hex("#6b3fa0"), Scheme::Dark);
        assert_ne!(purple.fill, hex("#6b3fa0"));
        let contrast = purple.fill.contrast(DARK_BACKGROUND);
        assert!((4.5..4.7).contains(&contrast), "{contrast}");
        assert!(
            purple.fill.r > 0x6b && purple.fill.b > 0xa0,
            "lighter, same hue family"
        );
        // An accent that already reads on the dark background is left alone.
        let teal = Accent::on_default(hex("#6fd3c4"), Scheme::Dark);
        assert_eq!(teal.fill, hex("#6fd3c4"));
    }

    #[test]
    fn a_chosen_text_colour_is_kept_only_when_it_reads() {
        let purple = hex("#6b3fa0");
        let kept = Accent::new(
            purple,
            LIGHT_BACKGROUND,
            Scheme::Light,
            Some(hex("#fefefe")),
        );
        assert_eq!((kept.text, kept.text_replaced), (hex("#fefefe"), false));
        let faint = Accent::new(
            purple,
            LIGHT_BACKGROUND,
            Scheme::Light,
            Some(hex("#0b1a18")),
        );
        assert_eq!((faint.text, faint.text_replaced), (WHITE, true));
    }

    #[test]
    fn a_contrast_no_shade_reaches_gets_the_best_there_is() {
        // On a middle grey black reaches 4.68:1 at most.
        let grey = hex("#777777");
        assert_eq!(hex("#888888").readable_on(grey, 7.0), BLACK);
    }

    #[test]
    fn computed_colours_parse() {
        let parse = |t| Rgba::parse_computed(t).map(|c| (c.rgb.hex(), round2(c.alpha)));
        assert_eq!(parse("rgb(107, 63, 160)"), Some(("#6b3fa0".into(), 1.0)));
        assert_eq!(parse("rgba(0, 0, 0, 0)"), Some(("#000000".into(), 0.0)));
        assert_eq!(
            parse("rgba(64, 149, 191, 0.3)"),
            Some(("#4095bf".into(), 0.3))
        );
        assert_eq!(parse("rgb(1 2 3 / 50%)"), Some(("#010203".into(), 0.5)));
        assert_eq!(parse("rgb(100% 50% 0%)"), Some(("#ff8000".into(), 1.0)));
        assert_eq!(
            parse("color(srgb 0.419608 0.247059 0.627451)"),
            Some(("#6b3fa0".into(), 1.0))
        );
        assert_eq!(
            parse("color(srgb -0.153058 0.45306 1.2 / 0.5)"),
            Some(("#0074ff".into(), 0.5))
        );
        assert_eq!(parse("transparent"), Some(("#000000".into(), 0.0)));
        // The page's backgrounds are read outwards until one hides everything behind it.
        let hides = |t| Rgba::parse_computed(t).map(Rgba::is_opaque);
        assert_eq!(hides("rgb(1, 2, 3)"), Some(true));
        assert_eq!(hides("rgba(1, 2, 3, 0.99)"), Some(false));
        for bad in [
            "oklch(0.5 0.1 200)",
            "rgb(1, 2)",
            "rgb(a, b, c)",
            "",
            "rgb(1,2,3",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn hex_codes_parse() {
        assert_eq!(Rgb::from_hex("#6B3FA0"), Some(hex("#6b3fa0")));
        assert_eq!(Rgb::from_hex("#ff0"), Some(hex("#ffff00")));
        for bad in ["6b3fa0", "#6b3fa", "#ggg", "#6b3fa0ff", "#+1+2+3"] {
            assert_eq!(Rgb::from_hex(bad), None, "{bad}");
        }
    }

    fn opaque(text: &str) -> Rgba {
        Rgba {
            rgb: hex(text),
            alpha: 1.0,
        }
    }
    const CLEAR: Rgba = Rgba {
        rgb: BLACK,
        alpha: 0.0,
    };

    #[test]
    fn a_light_article_is_light_whatever_the_device_prefers() {
        // Nothing declared, nothing painted: browsers show white.
        assert_eq!(page_scheme(&[CLEAR, CLEAR], "normal", true), Scheme::Light);
        // A white article inside a dark site's frame: the nearest opaque background counts.
        let nested = [CLEAR, opaque("#ffffff"), opaque("#111111")];
        assert_eq!(page_scheme(&nested, "dark", true), Scheme::Light);
    }

    #[test]
    fn a_dark_page_is_dark() {
        assert_eq!(
            page_scheme(&[CLEAR, opaque("#1e1e1e")], "normal", false),
            Scheme::Dark
        );
        // Declared dark, painted nothing: the browser's dark canvas.
        assert_eq!(page_scheme(&[CLEAR], "dark", false), Scheme::Dark);
        assert_eq!(page_scheme(&[CLEAR], "only dark", false), Scheme::Dark);
    }

    #[test]
    fn a_page_allowing_both_follows_the_device() {
        assert_eq!(page_scheme(&[], "light dark", true), Scheme::Dark);
        assert_eq!(page_scheme(&[], "dark light", false), Scheme::Light);
        assert_eq!(page_scheme(&[], "light", true), Scheme::Light);
    }

    #[test]
    fn translucent_backgrounds_are_painted_over_what_is_below() {
        let veil = Rgba {
            rgb: BLACK,
            alpha: 0.8,
        };
        assert_eq!(page_scheme(&[veil], "normal", false), Scheme::Dark);
        let light_veil = Rgba {
            rgb: WHITE,
            alpha: 0.1,
        };
        assert_eq!(
            page_scheme(&[light_veil, opaque("#000000")], "normal", false),
            Scheme::Dark
        );
    }

    #[test]
    fn the_theme_attribute_forces_only_light_or_dark() {
        assert_eq!(
            ThemeChoice::from_attribute(Some(" dark ")),
            ThemeChoice::Dark
        );
        assert_eq!(
            ThemeChoice::from_attribute(Some("light")),
            ThemeChoice::Light
        );
        for other in [None, Some("auto"), Some(""), Some("purple")] {
            assert_eq!(ThemeChoice::from_attribute(other), ThemeChoice::Auto);
        }
    }

    /// The backgrounds here are the stylesheet's: the builder's figures are the widget's.
    #[test]
    fn the_default_backgrounds_are_the_stylesheets() {
        let css = include_str!("../../static/widget.css");
        let fallbacks: Vec<&str> = css
            .match_indices("--_bg: var(--eiw-bg, ")
            .map(|(i, m)| &css[i + m.len()..i + m.len() + 7])
            .collect();
        assert!(
            fallbacks.contains(&LIGHT_BACKGROUND.hex().as_str()),
            "{fallbacks:?}"
        );
        assert!(
            fallbacks.contains(&DARK_BACKGROUND.hex().as_str()),
            "{fallbacks:?}"
        );
        assert!(fallbacks.iter().all(|f| Rgb::from_hex(f).is_some()));
    }

    #[test]
    fn decimals_read_as_browsers_write_them() {
        for (text, value) in [
            ("255", 255.0),
            ("0.5", 0.5),
            (".25", 0.25),
            ("-0.25", -0.25),
            ("12.", 12.0),
            ("+3", 3.0),
        ] {
            assert_eq!(decimal(text), Some(value), "{text}");
        }
        for text in ["", ".", "-", "1e3", "0x10", "1.2.3", "inf", "NaN"] {
            assert_eq!(decimal(text), None, "{text}");
        }
    }
}

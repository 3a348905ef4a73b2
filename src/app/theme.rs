//! Design tokens: the app's colours and sizes, in one place.
//!
//! Shared quotes and facts get one colour per group, the same in every column. Colours walk
//! round the hue circle by the golden angle, so neighbouring groups never look alike, and come
//! in a light and a dark variant so the text on them stays readable in either theme.

use egui::Color32;
use egui::ecolor::HsvaGamma;

use crate::report::highlights::Share;
use crate::report::matrix::Carried;

/// Secondary text: paths, provenance (kept above 4.5:1 against the background, WCAG AA).
#[must_use]
pub fn muted(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(160)
    } else {
        Color32::from_gray(90)
    }
}
/// Lines removed as page furniture, shown greyed.
pub const REMOVED: Color32 = Color32::from_gray(125);
/// Inputs that failed, failed exports; and the other text colours, each in a light-theme and a dark-theme shade that keep 4.5:1 against the
/// panel background (WCAG AA): the plain tokens below are for fills and underlines.
#[must_use]
pub fn error_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(245, 120, 110)
    } else {
        Color32::from_rgb(180, 40, 32)
    }
}

#[must_use]
pub fn inserted_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(96, 200, 122)
    } else {
        Color32::from_rgb(24, 115, 52)
    }
}

#[must_use]
pub fn deleted_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(245, 120, 110)
    } else {
        Color32::from_rgb(180, 40, 32)
    }
}

#[must_use]
pub fn framing_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(245, 160, 80)
    } else {
        Color32::from_rgb(160, 80, 0)
    }
}

/// The word in a quote matrix cell.
#[must_use]
pub fn carried(carried: Carried, dark: bool) -> Color32 {
    match carried {
        Carried::Whole => inserted_text(dark),
        Carried::Trimmed => framing_text(dark),
        Carried::Altered => deleted_text(dark),
        Carried::Absent => muted(dark),
    }
}

/// A sentence's cell in a coverage strip.
#[must_use]
pub fn share(share: Share, dark: bool) -> Color32 {
    match (share, dark) {
        (Share::Shared, _) => INSERTED,
        (Share::Altered, _) => FRAMING,
        (Share::Unique, true) => Color32::from_gray(80),
        (Share::Unique, false) => Color32::from_gray(200),
    }
}
/// Words a document adds or changes in a word-level difference.
pub const INSERTED: Color32 = Color32::from_rgb(46, 150, 80);
/// The underline of a framing wording.
pub const FRAMING: Color32 = Color32::from_rgb(230, 126, 34);
/// Find matches, and the current one.
pub const FOUND: Color32 = Color32::from_rgb(255, 214, 64);
pub const FOUND_CURRENT: Color32 = Color32::from_rgb(255, 150, 30);
/// The narrowest an article column gets before the columns scroll sideways: about 36
/// characters of body text, a newspaper column's measure.
pub const MIN_COLUMN_WIDTH: f32 = 270.0;
/// A column's head (the article's number and name).
pub const HEADER_SIZE: f32 = 17.0;
/// Body text size in the columns.
pub const BODY_SIZE: f32 = 15.0;
pub const TITLE_SIZE: f32 = 21.0;
pub const SUBHEADING_SIZE: f32 = 16.5;
pub const REMOVED_SIZE: f32 = 12.0;
/// Space after each paragraph in a column.
pub const PARAGRAPH_GAP: f32 = 9.0;

/// The golden angle as a fraction of the circle.
const GOLDEN: f32 = 0.381_966;

/// The background of group number `n` (quotes and facts are numbered apart by the caller).
/// `strong` is for the selected group.
#[must_use]
pub fn group_colour(n: usize, dark: bool, strong: bool) -> Color32 {
    #[expect(
        clippy::cast_precision_loss,
        reason = "only the fractional part of the product matters"
    )]
    let hue = (n as f32 * GOLDEN).fract();
    let (saturation, value, alpha) = match (dark, strong) {
        (false, false) => (0.22, 1.0, 1.0),
        (false, true) => (0.5, 1.0, 1.0),
        (true, false) => (0.55, 0.30, 1.0),
        (true, true) => (0.75, 0.50, 1.0),
    };
    HsvaGamma {
        h: hue,
        s: saturation,
        v: value,
        a: alpha,
    }
    .into()
}

/// The colour of a find match's background.
#[must_use]
pub fn found(current: bool) -> Color32 {
    if current { FOUND_CURRENT } else { FOUND }
}

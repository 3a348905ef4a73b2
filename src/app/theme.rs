//! Design tokens: the app's colours and sizes, in one place.

use egui::Color32;

/// Secondary text: paths, provenance.
pub const MUTED: Color32 = Color32::from_gray(140);
/// Lines removed as page furniture, shown greyed.
pub const REMOVED: Color32 = Color32::from_gray(120);
/// Inputs that failed.
pub const ERROR: Color32 = Color32::from_rgb(220, 80, 70);
/// The narrowest an article column gets before the columns scroll sideways.
pub const MIN_COLUMN_WIDTH: f32 = 320.0;

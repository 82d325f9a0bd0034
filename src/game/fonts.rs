//! The game's fonts: egui's own Latin font keeps the look of every Latin text, and behind it the icon font
//! (`icons`) and Noto Sans CJK JP for Japanese, both subset by `scripts/subset-fonts.py` and built into the binary
//! (`assets/README.md` says where each comes from and why it is embedded).
//!
//! egui looks a character up in a family's fonts in order and draws it from the first that has it. The Latin font
//! (Ubuntu Light) comes first, so English reads as it always did; the icon font next (its private-use code points
//! are in no other font, and egui's own emoji font also uses that area, so the icons must come before it); egui's
//! emoji fonts after, unchanged; and the Japanese font last, where it only supplies what no font before it has —
//! kana, kanji and CJK punctuation — rather than taking over arrows and symbols the emoji fonts drew before. The
//! monospace family gets the same fallbacks, so a Japanese name in a monospace field is not tofu either. The game
//! uses no bold face (egui's `strong` text is a colour, not a weight), so only the Regular weight ships.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::theme::UiSet;

/// Noto Sans CJK JP Regular, subset (SIL OFL 1.1).
pub const JAPANESE_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKjp-Regular-subset.otf");
/// Phosphor Icons Regular, subset to the glyphs of `icons` (MIT).
pub const ICON_FONT: &[u8] = include_bytes!("../../assets/fonts/Phosphor-subset.ttf");

const JAPANESE: &str = "Noto Sans CJK JP";
const ICONS: &str = "Phosphor";

/// Installs the fonts into egui once, at the first frame.
pub fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, install_fonts.in_set(UiSet::Style));
}

fn install_fonts(mut contexts: EguiContexts, mut installed: Local<bool>) -> Result {
    if !*installed {
        contexts.ctx_mut()?.set_fonts(definitions());
        *installed = true;
    }
    Ok(())
}

/// egui's default fonts with the icon font after the Latin font and the Japanese font at the end, in both families.
pub fn definitions() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    fonts
        .font_data
        .insert(JAPANESE.to_string(), egui::FontData::from_static(JAPANESE_FONT).into());
    fonts
        .font_data
        .insert(ICONS.to_string(), egui::FontData::from_static(ICON_FONT).into());
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let list = fonts.families.entry(family).or_default();
        list.insert(list.len().min(1), ICONS.to_string());
        list.push(JAPANESE.to_string());
    }
    fonts
}

/// The font files of a family, in the order egui looks characters up in them.
pub fn family_fonts(fonts: &egui::FontDefinitions, family: &egui::FontFamily) -> Vec<(String, &'static [u8])> {
    fonts
        .families
        .get(family)
        .into_iter()
        .flatten()
        .filter_map(|name| {
            let data = fonts.font_data.get(name)?;
            match &data.font {
                std::borrow::Cow::Borrowed(bytes) => Some((name.clone(), *bytes)),
                std::borrow::Cow::Owned(_) => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_keeps_egui_s_font_and_japanese_comes_last() {
        let fonts = definitions();
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            let names = &fonts.families[&family];
            let default = &egui::FontDefinitions::default().families[&family];
            assert_eq!(names[0], default[0], "{family:?} must start with egui's own Latin font");
            assert_eq!(names[1], ICONS);
            assert_eq!(names.last().map(String::as_str), Some(JAPANESE));
            assert_eq!(names.len(), default.len() + 2);
        }
    }
}

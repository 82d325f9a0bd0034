//! Checks the screenshots of `tradetable play --autoplay --screenshot-dir DIR`: every screen is there and none is
//! blank. Runs when `TRADETABLE_SCREENSHOTS=DIR` is set (see `scripts/check-screenshots.sh`); passes otherwise.
#![cfg(feature = "gui")]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use bevy::asset::RenderAssetUsages;
use bevy::image::{CompressedImageFormats, Image, ImageSampler, ImageType};

/// The screens autoplay passes in watch mode.
const EXPECTED: [&str; 20] = [
    "01-title",
    "02-setup",
    "03-table-round-1",
    "03b-tariff-warning",
    "04-table-mid",
    "05-table-mid-scale-1.5",
    "05b-levers-scale-1.5",
    "06-menu-scale-1.5",
    "07a-event-card",
    "07-table-late",
    "07b-save-failed",
    "07c-save-failed-quit",
    "07d-save-failed-quit-scale-1.75",
    "08-results",
    "09-results-scale-1.5",
    "10-about",
    "11-replay",
    "12-saves",
    "13-join",
    "14-debrief",
];

/// Width, height, and the share of pixels of the most common colour, and how many colours there are.
fn inspect(path: &Path) -> (u32, u32, f64, usize) {
    let (w, h, data) = pixels(path);
    let stride = data.len() / (w as usize * h as usize);
    let mut counts: HashMap<&[u8], usize> = HashMap::new();
    for pixel in data.chunks(stride) {
        *counts.entry(&pixel[..3]).or_default() += 1;
    }
    let top = counts.values().copied().max().unwrap_or(0);
    (w, h, top as f64 / (w as f64 * h as f64), counts.len())
}

/// The pixels of a PNG, with its width and height.
fn pixels(path: &Path) -> (u32, u32, Vec<u8>) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let image = Image::from_buffer(
        &bytes,
        ImageType::Extension("png"),
        CompressedImageFormats::NONE,
        true,
        ImageSampler::Default,
        RenderAssetUsages::default(),
    )
    .unwrap_or_else(|e| panic!("{}: not a PNG: {e}", path.display()));
    (image.width(), image.height(), image.data.expect("pixels"))
}

/// The share of pixels that differ between two screenshots of the same size (1 when the sizes differ).
fn changed_share(a: &Path, b: &Path) -> f64 {
    let (wa, ha, da) = pixels(a);
    let (wb, hb, db) = pixels(b);
    if (wa, ha) != (wb, hb) || da.len() != db.len() {
        return 1.0;
    }
    let stride = da.len() / (wa as usize * ha as usize);
    let changed = da
        .chunks(stride)
        .zip(db.chunks(stride))
        .filter(|(p, q)| p[..3] != q[..3])
        .count();
    changed as f64 / (wa as f64 * ha as f64)
}

fn check(dir: &Path, names: &[&str]) {
    for name in names {
        let path = dir.join(format!("{name}.png"));
        assert!(path.is_file(), "missing screenshot {}", path.display());
        let (w, h, top, colours) = inspect(&path);
        println!("{name}: {w}x{h}, {colours} colours, most common {:.0}%", top * 100.0);
        assert!(w >= 640 && h >= 360, "{name}: {w}x{h} is too small");
        assert!(
            top < 0.99,
            "{name}: {:.0}% of the pixels are one colour: blank?",
            top * 100.0
        );
        assert!(colours >= 32, "{name}: only {colours} colours: nothing drawn?");
    }
}

#[test]
#[ignore = "checks the screenshots scripts/check-screenshots.sh takes under Xvfb; that script runs it"]
fn autoplay_screenshots_exist_and_are_not_blank() {
    let dir = std::env::var_os("TRADETABLE_SCREENSHOTS")
        .map(PathBuf::from)
        .expect("TRADETABLE_SCREENSHOTS names the folder of screenshots to check");
    check(&dir, &EXPECTED);
    // The script runs hotseat and the tutorial too; a folder it made must hold their shots.
    let hotseat = dir.join("hotseat");
    if hotseat.is_dir() {
        check(&hotseat, &["00-handover", "03-table-round-1", "08-results"]);
    }
    let tutorial = dir.join("tutorial");
    if tutorial.is_dir() {
        check(&tutorial, &["03-table-round-1", "03c-coach", "03d-keys", "08-results"]);
    }
    // The Japanese game passes every screen too, and its title is not the English one: its texts were drawn in
    // Japanese, not left in English.
    let japanese = dir.join("ja");
    if japanese.is_dir() {
        check(&japanese, &EXPECTED);
        let changed = changed_share(&dir.join("01-title.png"), &japanese.join("01-title.png"));
        println!(
            "01-title in Japanese: {:.1}% of the pixels differ from English",
            changed * 100.0
        );
        assert!(
            changed > 0.005,
            "the Japanese title looks like the English one ({:.2}% differs)",
            changed * 100.0
        );
    }
    let edit = dir.join("edit");
    if edit.is_dir() {
        check(&edit, &["03b-broken-edit"]);
    }
}

/// The teacher's console of `host --autoplay` with laptops of the computer at work, and the class's debrief.
const CONSOLE: [&str; 4] = ["01-console", "02-end-class", "03-console-ended", "04-debrief"];

/// A laptop at a networked table (`play --join … --autoplay`): waiting, on its turn, the results, a failed join.
const JOINED: [&str; 4] = ["01-waiting", "02-your-turn", "03-results", "04-join-error"];

#[test]
#[ignore = "checks the screenshots scripts/check-network-screens.sh takes under Xvfb; that script runs it"]
fn network_screenshots_exist_and_are_not_blank() {
    let dir = std::env::var_os("TRADETABLE_NETWORK_SCREENSHOTS")
        .map(PathBuf::from)
        .expect("TRADETABLE_NETWORK_SCREENSHOTS names the folder of screenshots to check");
    check(&dir.join("console"), &CONSOLE);
    check(&dir.join("joined"), &JOINED);
}

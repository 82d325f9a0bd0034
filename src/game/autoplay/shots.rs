//! Screenshots saved by autoplay: each captured image written as a PNG and counted, so a script knows when its file
//! is complete.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::ScreenshotCaptured;

/// Saved screenshots, counted by the capture observer.
#[derive(Resource, Debug, Default)]
pub struct SavedShots(pub Vec<PathBuf>);

/// Writes a captured screenshot to `path` and records it, so autoplay knows when the file is complete.
pub fn save_screenshot(path: PathBuf) -> impl FnMut(On<ScreenshotCaptured>, ResMut<SavedShots>) {
    move |captured, mut saved| {
        match captured.image.clone().try_into_dynamic() {
            Ok(image) => match image.to_rgb8().save(&path) {
                Ok(()) => info!("screenshot saved to {}", path.display()),
                Err(error) => error!("cannot save {}: {error}", path.display()),
            },
            Err(error) => error!("cannot convert the screenshot for {}: {error}", path.display()),
        }
        saved.0.push(path.clone());
    }
}

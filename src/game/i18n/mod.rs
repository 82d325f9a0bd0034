//! The game's languages: every text a player reads comes from a message file (Fluent's `.ftl`) of the language in
//! play, looked up by its id with [`t!`], and every number a player reads is formatted for that language by
//! [`numbers`].
//!
//! The message files are `assets/locales/<code>/<area>.ftl`, built into the binary and listed once, in
//! [`message_files!`]: a new area is a new file name there and a file in each language's folder. The tests check that
//! both languages have the same messages, attributes and variables, that every id the sources ask for exists, and that
//! no text shown to players is written in the sources instead of a message file.
//!
//! The language in play is process-wide ([`set_language`], from the settings and `--lang`), with a per-thread
//! override for tests ([`with_language`]); the [`CurrentLanguage`] resource mirrors it for systems that redraw when
//! it changes. The core's prose (explanations, scenario texts) stays English for now.

pub mod numbers;
#[cfg(test)]
mod tests;

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use bevy::prelude::*;
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

/// A message's arguments and their values, for [`tr_with`] (the [`t!`] macro builds them).
pub use fluent_bundle::{FluentArgs, FluentValue};

use super::settings::Settings;

/// A language the game speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Language {
    /// English, the language of the sources and the core's prose.
    #[default]
    #[serde(rename = "en")]
    English,
    /// Japanese.
    #[serde(rename = "ja")]
    Japanese,
}

impl Language {
    /// Every language, in the order the settings offer them.
    pub const ALL: [Language; 2] = [Language::English, Language::Japanese];

    /// The language's code, as `--lang` takes it and as its message folder is named: `en`, `ja`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Japanese => "ja",
        }
    }

    /// The language a code or a locale names (`en`, `ja`, `ja-JP`, `en_US.UTF-8`, `english`, `japanese`), in any
    /// case.
    pub fn parse(text: &str) -> Result<Language, String> {
        let lowered = text.trim().to_ascii_lowercase();
        let primary = lowered.split(['-', '_', '.', '@']).next().unwrap_or_default();
        match primary {
            "en" | "english" => Ok(Language::English),
            "ja" | "jp" | "japanese" => Ok(Language::Japanese),
            _ => Err(format!("unknown language {text:?}: en (English) or ja (Japanese)")),
        }
    }

    /// The system's language when the game speaks it, else English.
    pub fn system() -> Language {
        sys_locale::get_locale()
            .and_then(|locale| Language::parse(&locale).ok())
            .unwrap_or_default()
    }

    /// The language's own name (`English`, `日本語`), for the language picker: a player finds their language by the
    /// name they read.
    pub fn own_name(self) -> String {
        with_language(self, || t!("language-own-name"))
    }

    fn index(self) -> usize {
        match self {
            Language::English => 0,
            Language::Japanese => 1,
        }
    }

    fn from_index(index: u8) -> Language {
        if index == 1 {
            Language::Japanese
        } else {
            Language::English
        }
    }

    fn identifier(self) -> LanguageIdentifier {
        let tag = match self {
            Language::English => "en-US",
            Language::Japanese => "ja-JP",
        };
        tag.parse().unwrap_or_default()
    }

    /// This language's message files, as (file name, text), in the order of [`MESSAGE_FILES`].
    pub fn message_sources(self) -> impl Iterator<Item = (&'static str, &'static str)> {
        let texts = match self {
            Language::English => ENGLISH,
            Language::Japanese => JAPANESE,
        };
        MESSAGE_FILES.iter().copied().zip(texts.iter().copied())
    }
}

/// Lists the message files of every language once: each name is a file in `assets/locales/en/` and in
/// `assets/locales/ja/`, built into the binary. To add an area, add its file name here and the two files.
macro_rules! message_files {
    ($($file:literal),* $(,)?) => {
        /// The message files' names, by area of the UI.
        pub const MESSAGE_FILES: &[&str] = &[$($file),*];
        const ENGLISH: &[&str] = &[$(include_str!(concat!("../../../assets/locales/en/", $file))),*];
        const JAPANESE: &[&str] = &[$(include_str!(concat!("../../../assets/locales/ja/", $file))),*];
    };
}

// `common`: words the whole UI shares (sides, OK, Cancel, Back); `menus`: the menus, settings, help, keys, glossary,
// saving, the session's messages and whatever else is outside the panels and screens; `panels`: the lever panel, the
// top bar, the news, the coach and the event cards; `table`: the table screen with its offer, preview and dashboard;
// `screens`: the other screens of a player (title, setup, results, saves, about, joining); `class`: the teacher's
// console, the debrief and the replay.
message_files![
    "common.ftl",
    "menus.ftl",
    "panels.ftl",
    "table.ftl",
    "screens.ftl",
    "class.ftl"
];

/// The text of message `id` (or `message.attribute`) in the current language, with arguments:
/// `t!("pause-title")`, `t!("saved-at", time = when, count = n)`. Argument names are Fluent's variables (`$time`);
/// values are strings or numbers (format money and months with [`numbers`] first). A missing message shows its id.
macro_rules! t {
    ($id:expr $(,)?) => {
        $crate::game::i18n::tr($id)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::game::i18n::FluentArgs::new();
        $(args.set(stringify!($name), $crate::game::i18n::FluentValue::from($value));)+
        $crate::game::i18n::tr_with($id, &args)
    }};
}
pub(crate) use t;

/// The language in play for the whole process (an index of [`Language::index`]).
static LANGUAGE: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A language this thread speaks instead of the process's, while [`with_language`] runs.
    static OVERRIDE: Cell<Option<Language>> = const { Cell::new(None) };
}

/// The language texts are looked up in on this thread.
pub fn language() -> Language {
    OVERRIDE
        .with(Cell::get)
        .unwrap_or_else(|| Language::from_index(LANGUAGE.load(Ordering::Relaxed)))
}

/// Makes `language` the language of the whole process (the settings and `--lang` do).
pub fn set_language(language: Language) {
    LANGUAGE.store(language.index() as u8, Ordering::Relaxed);
}

/// Runs `f` with this thread speaking `language` (the tests and the language picker do), then restores the thread's
/// language, also when `f` panics.
pub fn with_language<R>(language: Language, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Language>);
    impl Drop for Restore {
        fn drop(&mut self) {
            OVERRIDE.with(|cell| cell.set(self.0));
        }
    }
    let _restore = Restore(OVERRIDE.with(|cell| cell.replace(Some(language))));
    f()
}

/// The text of message `id` (or `message.attribute`) in the current language; a missing message shows its id.
pub fn tr(id: &str) -> String {
    format(language(), id, None)
}

/// The text of message `id` (or `message.attribute`) with `args`, in the current language.
pub fn tr_with(id: &str, args: &FluentArgs) -> String {
    format(language(), id, Some(args))
}

/// Whether `language` has message `id` (or `message.attribute`).
pub fn has_message(language: Language, id: &str) -> bool {
    let (message, attribute) = split_id(id);
    let Some(found) = bundles()[language.index()].get_message(message) else {
        return false;
    };
    match attribute {
        None => found.value().is_some(),
        Some(attribute) => found.get_attribute(attribute).is_some(),
    }
}

fn split_id(id: &str) -> (&str, Option<&str>) {
    match id.split_once('.') {
        Some((message, attribute)) => (message, Some(attribute)),
        None => (id, None),
    }
}

fn format(language: Language, id: &str, args: Option<&FluentArgs>) -> String {
    let bundle = &bundles()[language.index()];
    let (message, attribute) = split_id(id);
    let pattern = bundle.get_message(message).and_then(|found| match attribute {
        None => found.value(),
        Some(attribute) => found.get_attribute(attribute).map(|a| a.value()),
    });
    let Some(pattern) = pattern else {
        debug!("no message {id:?} in {}", language.code());
        return id.to_string();
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors).into_owned();
    if !errors.is_empty() {
        debug!("message {id:?} in {}: {errors:?}", language.code());
    }
    text
}

/// One bundle per language, in the order of [`Language::index`], built on first use.
fn bundles() -> &'static [FluentBundle<FluentResource>; 2] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| Language::ALL.map(bundle))
}

fn bundle(language: Language) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![language.identifier()]);
    // Unicode isolation marks around arguments help right-to-left scripts, which the game does not speak; egui would
    // show them as boxes.
    bundle.set_use_isolating(false);
    for (file, text) in language.message_sources() {
        // A broken message file (the tests catch it) keeps the messages that parse; the others show their ids.
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(resource, errors)| {
            warn!("{}/{file}: {errors:?}", language.code());
            resource
        });
        if let Err(errors) = bundle.add_resource(resource) {
            warn!("{}/{file}: {errors:?}", language.code());
        }
    }
    bundle
}

/// A side's name as a label in the language in play: the United States' from the message files (the core names it in
/// English), the partner's from its scenario (in the scenario's translation when the game shows one).
pub fn side_name(names: tradetable_core::Names, side: tradetable_core::Side) -> String {
    match side {
        tradetable_core::Side::Us => t!("common-united-states"),
        tradetable_core::Side::Partner => names.label(side).to_string(),
    }
}

/// `scenario` as a player of the language in play reads it: the scenario's own translation of its texts (titles,
/// names, briefs, news, event cards) where it gives one, its own text elsewhere. Nothing the model reads changes, nor
/// the scenario's identity, so a game, a save or a table code is the same in every language.
pub fn in_play(scenario: &tradetable_core::Scenario) -> tradetable_core::Scenario {
    scenario.in_language(language().code())
}

/// The language in play, for systems that need to notice a change (the process-wide language is what [`t!`] reads).
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CurrentLanguage(pub Language);

/// Keeps the language in play that of the settings (which `--lang` and autoplay set at startup).
pub fn plugin(app: &mut App) {
    app.init_resource::<CurrentLanguage>()
        .add_systems(PreStartup, follow_settings.after(super::settings::SettingsLoaded))
        .add_systems(Update, follow_settings.run_if(resource_changed::<Settings>));
}

fn follow_settings(settings: Res<Settings>, mut current: ResMut<CurrentLanguage>) {
    set_language(settings.language);
    if current.0 != settings.language {
        current.0 = settings.language;
    }
}

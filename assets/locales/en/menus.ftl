# The menus and dialogs (src/game/menus), and what else is outside the panels and the screens: keys, glossary,
# saving, errors, navigation, hot reload.

## Settings (src/game/menus/settings.rs)

menus-settings-title = Settings
menus-settings-scale = UI scale
menus-settings-scale-note = Larger text and controls for a classroom projector.
menus-settings-window = Window
menus-settings-windowed = In a window
menus-settings-fullscreen = Full screen
menus-settings-language = Language
menus-settings-sound = Sound
menus-settings-mute = Mute
menus-settings-volume = Volume
menus-settings-sound-note = Short cues when an offer arrives, a deal is signed, a side walks away, an event happens or the deadline nears.
menus-settings-close = Close (Esc)
menus-settings-not-saved = These settings hold until the game closes: { $error }

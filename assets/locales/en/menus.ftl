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

## Pause menu (src/game/menus/pause.rs)

menus-pause-title = Paused
menus-pause-resume = Resume (Esc)
menus-pause-settings = Settings
menus-pause-save-name-hint = name of the save
menus-pause-save-as = Save as
menus-pause-leave-table = Leave the table
menus-pause-save-and-quit = Save and quit to title
menus-pause-quit-to-title = Quit to title
menus-pause-quit-game = Quit the game
menus-pause-remote-note = The teacher's computer keeps this game. Join again with the same code to take your seat back.
menus-pause-saved-note = The game is saved after every move; Continue on the title picks it up, and "Load or replay a game" lists every save.
menus-pause-not-saved = Not saved: { $why }.
menus-pause-try-saving-again = Try saving again
# Asked before leaving a game whose last moves could not be saved; $why is the storage's sentence.
menus-pause-unsaved-title = The game is not saved
menus-pause-unsaved-why = { $why }.
menus-pause-unsaved-loses = Leaving the game now loses { $count ->
    [one] its last move
   *[other] its last { $count } moves
}.
menus-pause-back-to-game = Back to the game
menus-pause-leave-anyway = Leave anyway and lose { $count ->
    [one] its last move
   *[other] its last { $count } moves
}
# What became of "Save as"; $file is the file's name.
menus-pause-host-keeps = The host keeps this table's game for the teacher.
menus-pause-saved-replacing = Saved as "{ $name }" (replacing its earlier save)
menus-pause-saved-as = Saved as "{ $name }" ({ $file })

## The list of keys (src/game/menus/help.rs, src/game/keys.rs)

menus-help-title = Keys
menus-help-note = Every action has a key, or is reached with Tab and pressed with Space. Letters type nothing into a box but letters.
menus-help-close = Close (Esc or F1)
menus-help-controls = Any control, on any screen

menus-keys-everywhere = Everywhere
menus-keys-at-table = At the table
menus-keys-watching = Watching two AIs
# Two keys that do the same: "F1 or ?".
menus-keys-either = { $first } or { $second }
menus-keys-right-arrow = Right arrow

menus-keys-help = Show or hide this list of keys
menus-keys-send = Send your proposal (with no control focused)
menus-keys-accept = Accept the offer on the table
menus-keys-pass = Reject the offer on the table, or pass
menus-keys-walk-away = Walk away (asks first)
menus-keys-adviser = Ask the adviser for a hint
menus-keys-group-1 = Lever group 1 (US: tariffs; partner: gestures)
menus-keys-group-2 = Lever group 2 (US: threats; partner: agreement)
menus-keys-group-3 = Lever group 3 (US: goodwill)
menus-keys-group-4 = Lever group 4 (US: the trade agreement)
menus-keys-view-table = The offer table (in a narrow window)
menus-keys-view-preview = The preview
menus-keys-view-charts = The charts
menus-keys-view-news = The news
menus-keys-view-offers = The offers so far
menus-keys-view-brief = Your confidential brief
menus-keys-glossary = Open or close the glossary
menus-keys-menu = The menu: resume, settings, save, quit
menus-keys-play-pause = Play or pause
menus-keys-step = One move

# The keys egui gives every control: what they do, and the keys (.keys).
menus-keys-control-tab = Next, previous control (a ring shows it)
    .keys = Tab, Shift+Tab
menus-keys-control-press = Press the control that has the focus
    .keys = Space or Enter
menus-keys-control-arrows = Move to the control in that direction
    .keys = Arrow keys
menus-keys-control-esc = Let go of it; at the table the menu, elsewhere back
    .keys = Esc

## Why a game could not be opened or a move was refused (src/game/session)

menus-error-not-shipped = no scenario called "{ $name }" is built into this version
menus-error-scenario-missing = the game was played on "{ $title }" ({ $id }, version { $version }), which is not on this computer in that version; put its file in the scenarios folder
menus-error-nothing-to-continue = there is no game in progress to continue
menus-refused-not-your-turn = it is not { $side }'s turn
menus-refused-table-paused = the teacher has paused this table
menus-refused-awaiting-host = the last move has not reached the host yet
menus-refused-no-host = this game cannot reach the host

## Who plays which side, and where a scenario comes from (src/game/session/setup.rs)

menus-mode-play-us = Play the United States
menus-mode-play-partner = Play { $partner }
menus-mode-hotseat = Two teams on one screen
menus-mode-watch = Watch AI vs AI
menus-source-built-in = { $name } (built in)

## Saving (src/game/session/keeping.rs, src/game/save_status.rs, src/game/saves.rs)

menus-banner-finished-not-saved = The finished game is not saved
# Written as the game always wrote it ("the last 1 move are").
menus-banner-moves-not-saved = { $count ->
    [one] Not saved: the last { $count } move are only in this window
   *[other] Not saved: the last { $count } moves are only in this window
}
# $what is one of the two above; $why is the storage's sentence.
menus-banner = { $what }. { $why }. Free some space or fix the folder, then try again.
menus-banner-try-again = Try again

menus-save-kind-in-progress = in progress
menus-save-kind-named = saved
menus-save-kind-finished = finished
menus-save-kind-class = class table

## The glossary (src/game/glossary.rs): each term as shown, and what it means (.meaning)

# A term and its meaning in a tooltip.
menus-glossary-entry = { $term }: { $meaning }
menus-glossary-usjta = USJTA
    .meaning = US–Japan Trade Agreement (2019): Japan cut tariffs on US farm goods such as beef, pork and cheese. If the Diet suspends it, Japan's MFN tariffs apply to US goods and US farm exports suffer.
menus-glossary-section-232 = Section 232
    .meaning = Section 232 of the Trade Expansion Act of 1962: tariffs on imports that threaten US national security — used for steel and aluminium, autos and parts, and probes of chips, medicines, copper and lumber.
menus-glossary-aftp = AFTP
    .meaning = America First Trade Policy: the January 2025 memo ordering reviews of trade deficits; a blanket tariff of 10–20% on all imports was floated.
menus-glossary-rtt = RTT
    .meaning = Reciprocal Trade and Tariffs: tariffs matched line by line to a partner's tariffs, plus the equivalent of its non-tariff barriers.
menus-glossary-ntb = NTB
    .meaning = Non-tariff barrier: a rule that keeps out imports without a tariff — quotas, safety standards, plant-health rules, subsidies.
menus-glossary-fmvss = FMVSS
    .meaning = Federal Motor Vehicle Safety Standards: US car safety rules. Japan re-certifies US cars to its own rules; accepting FMVSS removes an NTB named by the US Trade Representative.
menus-glossary-mfn = MFN
    .meaning = Most-favoured-nation tariff: the normal rate a country charges every WTO member without a trade agreement (e.g. 2.5% on cars in the US, 38.5% on beef in Japan).
menus-glossary-lng = LNG
    .meaning = Liquefied natural gas. Japan imports about 66 Mt a year, under 10% of it from the US; buying more is one of Japan's offers.
menus-glossary-cptpp = CPTPP
    .meaning = Comprehensive and Progressive Agreement for Trans-Pacific Partnership: the eleven-country trade pact Japan joined in 2018 after the US left its predecessor. Its tariff cuts (e.g. on beef) set the level the US asked Japan to match.
menus-glossary-diet = Diet
    .meaning = Japan's parliament. Its upper house voted in July 2025; the ruling coalition lost its majority.
menus-glossary-quota = quota
    .meaning = A tariff-rate quota: imports up to the quota pay a lower (here: no extra) tariff.

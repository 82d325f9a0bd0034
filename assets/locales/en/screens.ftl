# The screens of a player (src/game/screens): title, setup, results,
# saves, about, join, handover (the table is in table.ftl; the console, debrief and replay in class.ftl).

# Shared by the screens.
screens-back = Back (Esc)
screens-about-title = About the model

## Title (src/game/screens/title.rs)

screens-title-name = TradeTable
screens-title-tagline = Sit at the trade table with the United States
screens-title-load-error = This file could not be loaded
screens-title-left-table = You have left the networked table
screens-title-dismiss = Dismiss
screens-title-new-game = New game (Enter)
screens-title-continue = Continue
screens-title-load = Load or replay a game…
screens-title-join = Join a class table…
screens-title-join-network = Join a networked table…
screens-title-debrief = Debrief a class…
screens-title-scenario = Scenario
screens-title-settings = Settings
screens-title-quit = Quit
screens-title-about-game = Play the United States or its trading partner against the AI, two teams on one screen, or watch two AIs. Every figure comes from the scenario file and its sources.
screens-title-new-here = New to TradeTable?
screens-title-start-here = Start here: the tutorial
screens-title-start-here-hover = Three short rounds as the United States, with a coach
screens-title-start-here-note = Three months at the table with a coach: use each group of levers in turn, read what the model projects, and put a package on the table.
# A scenario file in the picker that does not load, by its path.
screens-title-scenario-broken = { $scenario } (does not load)

## Setup (src/game/screens/setup.rs)

screens-setup-title = New game
screens-setup-mode-us = Set tariffs, threaten and bargain for a smaller deficit and a deal that holds.
# $agreement: the trade agreement's name, from the scenario.
screens-setup-mode-partner-agreement = Offer concessions, protect your exporters and your government, keep the { $agreement } alive.
screens-setup-mode-partner = Offer concessions, protect your exporters and your government.
screens-setup-mode-hotseat = Two teams share the screen; each move ends behind a handover screen.
screens-setup-mode-watch = Two AIs negotiate; play, pause, step and change the speed.
# $partner: the partner's name with its article, from the scenario ("Japan").
screens-setup-summary = { $rounds } rounds of one month from { $start } · { $sectors } sectors · { $instruments } US tariff instruments · { $concessions } concessions of { $partner }
# $deal: the scenario's description of the real deal.
screens-setup-compare = At the end you will compare your result with no deal and with what really happened: { $deal }
screens-setup-who-plays = Who plays
screens-setup-ai-opponent = AI opponent
screens-setup-seed = Seed
screens-setup-new-seed = New seed
screens-setup-seed-note = The seed fixes the random events; share it so a class plays the same game.
screens-setup-start = Start (Enter)
screens-setup-edit-error = The edited file has an error; this is the last version that loaded

## Results (src/game/screens/results.rs)

screens-results-player-your-team = your team
screens-results-player-computer = the computer
screens-results-player-other-team = the other team
screens-results-player-team = { $side } team
screens-results-player = player
# $name: the computer player's name.
screens-results-player-ai = AI, { $name }
screens-results-deal = A deal is signed
screens-results-no-deal = No deal
screens-results-collapse = The talks collapsed
screens-results-band = { $low }–{ $high } with the low and high parameter sets
screens-results-band-hover = The same moves played again with the scenario's low and high trade elasticities, pass-through and speed of adjustment (see About the model). A lead smaller than this range is not robust.
screens-results-objective = Objective
screens-results-average = Average
screens-results-score = Score
screens-results-weight = Weight
# $sign: + or −.
screens-results-worth = Worth at signing { $worth }, final score { $score } ({ $sign }{ $difference })
screens-results-worth-hover = 'Worth' is the figure the table showed while you bargained; the score is what the game counts.
screens-results-worth-months = Worth scored one month, { $valuation } months after signing in round { $round } ({ $month }), with approval where it was heading. The score averages all { $scored } months: { $before } played before the deal and { $after } from the signing on, the year after included.
screens-results-gaps = Where the score fell short of the worth (−) or beat it (+), largest first:
# $objective: the objective's name, from the scenario; $sign: + or −.
screens-results-gap = { $objective }: { $signing } at signing, { $averaged } averaged: { $sign }{ $points } points
screens-results-this-game = This game
screens-results-real-deal = the real deal
screens-results-outcome = Outcome
screens-results-us-score = US score
screens-results-side-score = { $side } score
screens-results-mean-deficit = Mean deficit
screens-results-final-deficit = Final deficit
# $agreement: the trade agreement's name, from the scenario.
screens-results-survived = { $agreement } survived
screens-results-low-high = …low–high
screens-results-low-high-hover = This game's mean deficit with the scenario's low and high parameter sets (the same moves played again; see About the model).
screens-results-issue = Issue
screens-results-your-deal = Your deal
screens-results-class-table = Class table { $code }: the result is saved under its code.
screens-results-export-label = Export the game's record:
screens-results-export-hint = folder, e.g. a USB stick or the class's shared folder
screens-results-export = Export result
screens-results-exported = Saved to { $path }
# $reason: why the game ended, from the core.
screens-results-when = in round { $round } ({ $month }) — { $reason }
screens-results-join-another = Join another table (Enter)
screens-results-play-again = Play again (Enter)
screens-results-to-title = Back to title (Esc)
screens-results-replay = Replay
screens-results-replay-hover = Move through this game, move by move
screens-results-seed = Seed { $seed } · { $scenario }
screens-results-networked = Networked table { $table } ({ $code }): the teacher's computer keeps the result for the class debrief.
screens-results-compared = Compared with no deal and with what really happened
screens-results-whole-game = The whole game

## Saves (src/game/screens/saves.rs)

screens-saves-us = US
screens-saves-people = { $side } (people)
# $opponent: the computer player's name.
screens-saves-computer = { $side } (AI, { $opponent })
# $saved: the date and time, as 2026-11-29 04:20 UTC.
screens-saves-describe = { $us } vs { $partner } · round { $round }, { $moves } moves · { $saved }
screens-saves-title = Saved games
screens-saves-intro = Games in progress, saves, finished games and class tables on this computer, newest first. Play on from where a game stopped, replay it move by move, or delete it. Each game in progress keeps its own save.
screens-saves-none = No saved games yet: a game is saved after every move.
screens-saves-game = Game
screens-saves-kind = Kind
screens-saves-scenario = Scenario
screens-saves-sides = Sides, progress, saved
screens-saves-results = Results
screens-saves-play-on = Play on
screens-saves-replay = Replay
screens-saves-unreadable = cannot be read
screens-saves-yes-delete = Yes, delete
screens-saves-keep = Keep
screens-saves-delete = Delete…
screens-saves-deleted = Deleted { $file }.

## About the model (src/game/screens/about.rs)

screens-about-chosen-scenario = the chosen scenario
screens-about-model = model
screens-about-band = low and high parameter sets
screens-about-observed = observed (Japan's Ministry of Finance)
screens-about-y-axis = change on a year earlier, %
screens-about-low = low parameters
screens-about-high = high parameters
screens-about-period = Period
screens-about-goods = Goods
screens-about-measure = Measure
screens-about-observed-head = Observed
screens-about-model-head = Model (low–high)
screens-about-error = Error
# $central, $low, $high: signed percentages with one decimal (+3.2).
screens-about-model-range = { $central }% ({ $low } to { $high })
screens-about-intro = Every figure of the game comes from a few formulas (docs/model.md) and the scenario's numbers, each with its source. Here the model is run through the US tariffs really in force on Japanese goods in 2025, month by month, and compared with what was observed.
# $reason: why, from the core.
screens-about-no-backtest = No backtest for { $scenario }: { $reason }.
screens-about-chart = US imports from Japan, 2025: model and observed
screens-about-chart-note = Changes on the year before, in yen. The dashed lines are the low and high parameter sets. Observed figures are Japan's exports to the US: they rose early in 2025 as firms shipped ahead of the tariffs, which the model does not try to capture, and in mid-2025 the yen was stronger than its average for the year, so yen values fell more than the model's.
screens-about-table = Every observation beside the model
screens-about-annual = Over 2025: imports { $imports }% against { $imports_observed }% observed, the balance { $balance }% against { $balance_observed }%. Hover a period for its source.

## Hotseat handover (src/game/screens/handover.rs)

screens-handover-round = Round { $round } of { $rounds } · { $month }
screens-handover-to-move = { $side } team to move
screens-handover-look-away = { $other } team: please look away. { $side } team: take the controls.
screens-handover-since = Since your last turn
screens-handover-nothing = Nothing yet: this is the first move.
screens-handover-continue = Continue as { $side } (Enter)

## Join a class table (src/game/screens/join.rs)

screens-join-students = { $side }: students
screens-join-computer = { $side }: the computer ({ $opponent })
screens-join-table = Table { $table }
# $news: the inject's headline, from the scenario.
screens-join-inject = Round { $round }: { $news }
screens-join-title = Join a class table
screens-join-intro = Type the code of your table from the class sheet. Capitals, dashes and spaces do not matter.
screens-join-injects = Class news to expect
screens-join-damaged = This table's saved game cannot be opened
screens-join-damaged-note = You can start the table again from its first round. The damaged file is kept beside it (renamed, not deleted), so your teacher can still look at it.
screens-join-afresh = Start this table afresh
screens-join-sit-down = Sit down (Enter)
screens-join-not-in-library = the scenario the code names is not in the library

## Join a networked table (src/game/screens/join_network.rs)

screens-net-either = Either
screens-net-us = US
screens-net-partner = the partner
screens-net-address = Host's address
screens-net-code = Table code
screens-net-side = Your side
screens-net-title = Join a networked table
screens-net-intro = Your teacher hosts the class: type the address and your table's join code, both shown on the teacher's screen, and the side you were given.
screens-net-join = Join (Enter)
screens-net-connecting = Connecting to { $host }…
screens-net-asking = Connected; asking the host for a seat at table { $code }…
screens-net-failed = Could not join
screens-net-cannot = This window cannot join a networked table.
screens-net-address-note = The address is the teacher's computer and port, e.g. 192.168.1.20:{ $port } (the port may be left out). If nothing answers, the teacher's firewall may need to let UDP port { $port } in.
screens-net-no-code = Type your table's join code from the teacher's console.

## The verdict in words, from its figures (the English game shows the core's own sentence)

screens-results-verdict = { $subject } { $clauses }.
screens-results-verdict-you = You
screens-results-verdict-no-deal = no deal
# A comparison followed by another: $way is beat, short or matched; $by the points to a tenth.
screens-results-verdict-clause = { $way ->
    [beat] beat { $what } by { $by } points
    [short] fell short of { $what } by { $by } points
   *[matched] matched { $what }
}
# The last (or only) comparison.
screens-results-verdict-clause-final = { $way ->
    [beat] beat { $what } by { $by } points
    [short] fell short of { $what } by { $by } points
   *[matched] matched { $what }
}
screens-results-verdict-joined = { $first }, and { $second }

## The computer players (src/game/screens/setup.rs): each difficulty's and strategy's name, and what it does

screens-opponent-easy = Easy
    .about = Concedes readily and now and then slips, taking an offer it should have refused.
screens-opponent-normal = Normal
    .about = Holds firm early, concedes as the deadline nears, answers threats in kind.
screens-opponent-hard = Hard
    .about = Models what you value, never accepts less than it would offer next, and uses the deadline.
screens-opponent-hardliner = Hardliner
    .about = Never moves from its opening package.
screens-opponent-boulware = Boulware
    .about = Holds firm until the deadline nears, then concedes.
screens-opponent-linear = Linear
    .about = Concedes at a steady pace, month by month.
screens-opponent-conceder = Conceder
    .about = Concedes early.
screens-opponent-tit-for-tat = Tit for tat
    .about = Answers your concessions and threats in kind.
screens-opponent-modelling = Modelling
    .about = Learns what you value and looks for packages good for both sides.

## How the talks ended, said from the news (the English game shows the core's own sentence)

screens-results-ending-accepted = { $side } accepted the offer of { $other }
screens-results-ending-walked-away = { $side } walked away
screens-results-ending-deadline = the deadline passed without a deal
screens-results-ending-government-fell = the { $side } government fell
screens-results-ending-terminated = the { $agreement } was terminated

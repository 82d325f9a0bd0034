# The teacher's side of a class: the console (src/game/screens/console.rs), the debrief and the replay.

## Teacher's console (src/game/screens/console.rs)

class-console-open-error = The class is not open: port { $port } cannot be opened ({ $error }). Close this window and host again with another --port, or stop whatever uses this one.
class-console-title = Teacher's console
class-console-subtitle = { $scenario } · { $count } tables
class-console-join-at = Teams join at
class-console-join-how = with their table's code: "Join a networked table" on the title screen, or
class-console-opening = Opening the class…
class-console-pause-all = ⏸ Pause all
class-console-resume-all = ▶ Resume all
class-console-no-injects = This scenario has no injects.
class-console-inject = Inject
class-console-fire-all = Fire at every table
class-console-fire-all-hint = It takes effect at the end of each table's current round; a table fires an inject once
class-console-end-class = End class…
class-console-debrief = Debrief the class
class-console-debrief-hint = Every table side by side, from the results in { $folder }
class-console-debrief-disabled = When the class has ended, or every table is over
class-console-ended = The class has ended.
# Seconds, minutes and hours since a table's last move, or since a laptop connected.
class-console-seconds = { $s } s
class-console-minutes = { $m } min
class-console-hours = { $h } h { $m } min
class-console-ago = { $time } ago

### A seat at a table
class-console-seat-waiting = not joined
class-console-seat-connected = connected
class-console-seat-disconnected = disconnected
class-console-seat-computer = computer
class-console-seat = { $side }: { $presence }

### What a table is doing
class-console-state-over = over
class-console-state-stopped = stopped: the class ended
class-console-state-paused = ⏸ paused
class-console-state-waiting = waiting for the { $side } team
class-console-state-disconnected = { $side } team disconnected
class-console-state-playing = playing

### The grid of tables
class-console-col-table = Table
class-console-col-round = Round
class-console-col-to-move = To move
class-console-col-latest-offer = Latest offer
class-console-col-deficit = Deficit
class-console-col-approval = Approval { $pair }
class-console-col-last-move = Last move
class-console-col-seats = Seats { $pair }
class-console-col-state = State
class-console-table = Table { $number }
class-console-latest-offer = { $side }, round { $round }
class-console-no-offer = none yet
class-console-resume = ▶ Resume
class-console-pause = ⏸ Pause
class-console-fire-here = Fire inject here
class-console-fire-here-hint = Fire the inject picked above at this table only
class-console-seat-computer-label = Seat the computer:
class-console-seat-computer-hint = The computer (normal) plays { $side } at this table from now on

### The laptops connected
class-console-laptops = Laptops connected ({ $count })
class-console-col-connection = Connection
class-console-col-address = Address
class-console-col-seat = Seat
class-console-col-connected = Connected
class-console-col-refused = Refused
class-console-laptop-seat = table { $table }, { $side }
class-console-laptop-no-seat = no seat yet
class-console-disconnect = Disconnect
class-console-disconnect-hint = Its team can come back with its seat token
class-console-free-seat = Free seat
class-console-free-seat-hint = Disconnect it and refuse its seat token: the next team with the code sits here
class-console-not-kept = Games in progress are not being kept on disk: { $error }
class-console-log = Log

### Ending the class
class-console-end-title = End the class?
class-console-end-text = Every laptop is told the class is over; games not finished are kept as they stand, for the debrief.
class-console-end-confirm = End the class
class-console-keep-playing = Keep playing

## Debrief (src/game/screens/debrief.rs)

class-debrief-no-folder = { $folder }: no such folder
class-debrief-written = Written: { $page } and { $sheet }
class-debrief-stopped = the debrief stopped unexpectedly
# When the scenario names no real deal: the plane's legend drops "the " and capitalises the rest.
class-debrief-real-deal = the real deal
class-debrief-x-axis = Utility of the deal to the United States (0–100; not the score)
class-debrief-y-axis = Utility to { $partner } (0–100; not the score)
class-debrief-frontier = Best deals possible (Pareto frontier)
class-debrief-nash = Nash point
class-debrief-no-deal = No deal
class-debrief-tables = Tables
class-debrief-col-table = Table
class-debrief-col-outcome = Outcome
class-debrief-col-round = Round
class-debrief-col-us-score = US score
class-debrief-col-partner-score = { $partner } score
class-debrief-col-mean-deficit = Mean deficit
class-debrief-col-agreement = Trade agreement
class-debrief-col-first-concession = First to concede
class-debrief-col-value-left = Value left
class-debrief-score-hint = The score of the whole game (0–100), month by month: not the utility the plane plots
class-debrief-no-one = no one
class-debrief-first-concession = { $side } (round { $round })
class-debrief-value-left-hint = Distance to the best deals possible, in points of both sides' utilities (0: nothing left)
class-debrief-check = Check before grading: { $message }
class-debrief-left-out = Not in this debrief: { $count } file(s) left out
class-debrief-title = Debrief a class
class-debrief-folder-hint = the folder of the tables' results
class-debrief-open = Open (Enter)
class-debrief-write = Write HTML page and CSV
class-debrief-write-hint = debrief.html (to print or project) and scores.csv (a gradebook), in the same folder
class-debrief-back = Back (Esc)
class-debrief-working = Replaying every table and finding the best deals possible…
class-debrief-how = Collect the tables' results (the files named after their codes) into one folder, type it above and open it. `tradetable class simulate` makes a rehearsal class.
class-debrief-summary = { $scenario } · { $count } tables · { $deals } signed a deal
class-debrief-plane-key = The plane: each black dot is a table (its tags beside it); red square: no deal; diamond: the Nash point; star: { $real }; the line: the best deals possible. Dots are placed by the utility of each deal (0–100); the table gives the scores of the whole game (0–100), a different measure.

## Replay (src/game/screens/replay.rs)

class-replay-start = The start: no move yet.
class-replay-propose = puts a package on the table
class-replay-accept = accepts the package on the table
class-replay-move = { $side }: { $action }
class-replay-move-labelled = { $side }: { $action } — { $label }
class-replay-x-axis = Worth to the United States (0–100)
class-replay-y-axis = Worth to { $partner } (0–100)
class-replay-offers = { $side } offers
class-replay-no-deal = No deal
class-replay-title = Replay: { $label }
class-replay-subtitle = { $scenario } · seed { $seed }
class-replay-position = Move { $at } of { $moves } · round { $round } ({ $month })
class-replay-round-back = ⏮ Round (PgUp)
class-replay-move-back = ◀ Move (Left)
class-replay-pause = ⏸ Pause (Space)
class-replay-play = ▶ Play (Space)
class-replay-move-forward = Move (Right) ▶
class-replay-round-forward = Round (PgDn) ⏭
class-replay-slider = move
class-replay-branch = Branch from here
class-replay-branch-hint = Start a new game from this moment
class-replay-back = Back (Esc)
class-replay-tab-dance = Dance
class-replay-tab-preview = Preview
class-replay-tab-charts = Charts
class-replay-tab-news = News
class-replay-dance-note = Each offer on the two sides' utilities (the value of the package to each, a year on), and no deal. Up and right is better for both.
class-replay-working = Working it out…
class-replay-offers-heading = Offers
# The name of the game just played, when it has no table's name.
class-replay-this-game = This game

## The networked table's status (src/game/remote.rs)

class-remote-your-team = your team
class-remote-other-waiting = the other team (not here yet)
class-remote-other-team = the other team
class-remote-other-disconnected = the other team (its laptop is disconnected)
class-remote-computer = the computer
class-remote-reconnecting = Reconnecting to the host… (try { $attempt } of { $tries })
class-remote-over-host-has-result = The talks are over; the host has the result
class-remote-over = The talks are over
class-remote-paused = ⏸ Paused by the teacher
class-remote-awaiting = Move sent; waiting for the host…
class-remote-your-turn = Your turn
class-remote-waiting-join = Waiting for the other team to join
class-remote-waiting-disconnected = Waiting for the other team: its laptop is disconnected
class-remote-computer-deciding = The computer is deciding
class-remote-waiting = Waiting for the other team
class-remote-seats = Table { $table } · { $mine }: { $mine_presence } · { $other }: { $other_presence }

# The table's panels (src/game/panels): top bar, levers, offer, preview, dashboard, news, coach, event cards.

## Shared by the panels (src/game/panels/mod.rs)

# A round and its month, over the news of a round and on an event card.
panels-round-month = Round { $round } · { $month }

## Levers (src/game/panels/levers.rs)

panels-levers-title = Your levers
panels-levers-group-tariffs = Tariffs
panels-levers-group-threats = Threats
panels-levers-group-goodwill = Goodwill
panels-levers-group-concessions = Gestures
panels-levers-group-counter-tariffs = Counter-tariffs
panels-levers-key = Key { $number }
panels-levers-about-tariffs = Set a tariff now: raise it to add pressure, cut or lift it as goodwill. Rates in force change the economy at the end of the round.
panels-levers-about-threats = Threaten a rate without a date, or announce one for a later month. Threats weigh on the partner's investment and on the other side; announced rates take effect unless delayed or settled by a deal.
panels-levers-about-goodwill = Delay an announced rise, or let some imports in tariff-free under a quota: gestures that lower the temperature without giving away a term of the deal.
panels-levers-about-concessions = Put a concession into force now, before any deal, as a goodwill gesture. It costs you at once and may soften the US — a deal can still set it differently.
# $partner: the partner's possessive ("Japan's").
panels-levers-about-counter-tariffs = Answer US tariffs in kind: a tariff on a basket of US goods, set now, announced for a later month, threatened, or suspended for some months. It costs US exporters, farmers and the states it targets — and { $partner } buyers of those goods.
# $agreement: the agreement's full name, capitalised; $partner: the partner inside a sentence ("Japan"); $partner_possessive: "Japan's".
panels-levers-about-trade-agreement = { $agreement } opened { $partner } to US goods. Suspending it hurts US exporters such as farmers (and { $partner_possessive } consumers); terminating it ends the talks.
# The agreement, where the scenario gives no full name.
panels-levers-the-agreement = the agreement
panels-levers-locked-paused = The teacher has paused the table: the levers are locked.
panels-levers-locked-turn = Not your turn: the levers are locked.
panels-levers-your-turn = Your turn: a lever acts at once.
panels-levers-preview-hint = Point at a lever's button to preview its move: what it changes, the rules it sets off, and how the other side would likely take it.
panels-levers-confirm = Confirm: { $label }
# $warning: the core's warning, a sentence.
panels-levers-warning-armed = ⚠ { $warning } Click again or press Enter to send.
# Where a tariff stands, in small print under its name; the parts are joined with " · ".
panels-levers-in-force-rate = in force { $rate }
panels-levers-scheduled = { $rate } from { $month }
panels-levers-threatened = threatened { $rate }
panels-levers-quota = quota { $amount }
panels-levers-suspended-until = set at { $rate }, suspended until { $month }
panels-levers-raise-now = Raise now
panels-levers-cut-now = Cut now
panels-levers-set-now = Set now
panels-levers-threaten = Threaten
panels-levers-threaten-hover = A threat without a date: it does nothing by itself, but unsettles investors.
# Followed by a month to pick.
panels-levers-announce-for = Announce for
panels-levers-delay = Delay
panels-levers-delay-hover = Push back announced rises of this tariff and drop its threat.
# After the number of months to delay by.
panels-levers-delay-months = {" "}month(s)
panels-levers-open-quota = Open quota
panels-levers-open-quota-hover = This many $bn a year of covered imports pay no tariff under this instrument.
# After the quota in $bn; $covered: the imports covered, in $bn.
panels-levers-quota-of = bn of { $covered }
panels-levers-exempt = Exempt:
panels-levers-exempt-hover = Take a sector out of this tariff (or put it back).
panels-levers-concession-in-force = in force: { $level }
panels-levers-put-into-force = Put into force
# $amount: money a year's worth of goods ("$12.0bn"); $states: the US states hit.
panels-levers-basket = A basket of { $amount } a year of US goods; hits { $states }.
# Followed by the number of months.
panels-levers-suspend-for = Suspend for
# After the number of months to suspend for.
panels-levers-months = {" "}months
panels-levers-agreement-in-force = In force
panels-levers-agreement-suspended = Suspended
panels-levers-agreement-terminated = Terminated
panels-levers-suspension-chance = Chance the { $legislature } suspends it this month: { $chance }
panels-levers-pressure-months = Months with the whole auto tariff above { $threshold }: { $months } (suspension is certain after { $certain })
panels-levers-suspend = Suspend
# $partner: the partner's possessive at the start of a sentence ("Japan's").
panels-levers-suspend-hover = { $partner } MFN tariffs then apply to US goods until it is restored.
panels-levers-restore = Restore
panels-levers-terminate-understood = I understand terminating ends the talks
panels-levers-terminate = Terminate the { $agreement }
# The watch mode's panel of the policies in force on both sides.
panels-levers-policy-title = In force
panels-levers-policy-level = in force { $level }
panels-levers-status-in-force = in force
panels-levers-status-suspended = suspended
panels-levers-status-terminated = terminated

## Top bar (src/game/panels/top_bar.rs)

# A scheduled tariff among the deadlines: $name, the tariff's short name; $rate, its rate.
panels-top-bar-deadline-rate = { $name } to { $rate }
panels-top-bar-deadline-end = Deadline: end of the talks
panels-top-bar-menu = ☰ Menu
panels-top-bar-menu-key = ☰ Menu (Esc)
panels-top-bar-glossary = Glossary
panels-top-bar-round = Round { $round } of { $rounds } · { $month }
panels-top-bar-over = The talks are over
panels-top-bar-to-move = To move:
# Who moves: $team, the side's short name ("US").
panels-top-bar-team = ({ $team } team)
panels-top-bar-you = (you)
panels-top-bar-ai = (AI)
panels-top-bar-actions-short = · { $left }/{ $of } actions
panels-top-bar-actions = · { $left } of { $of } actions left
panels-top-bar-actions-hover = Unilateral actions (tariffs, threats, gestures) you may take before ending your turn.
# $time: minutes and seconds ("4:05").
panels-top-bar-time-left = { $time } left
panels-top-bar-remote-hover = A networked table: the teacher's computer hosts the game and applies every move.
panels-top-bar-pause = ⏸ Pause
panels-top-bar-play = ▶ Play
panels-top-bar-step = Step ⏭
panels-top-bar-step-hover = One move (→)
panels-top-bar-speed = Speed
panels-top-bar-speed-hover = { $speed } moves a second
panels-top-bar-coming-up = Coming up:
panels-top-bar-end-of-round = end of this round
panels-top-bar-in-rounds = { $count ->
    [one] in 1 round
   *[other] in { $count } rounds
}
panels-top-bar-more = +{ $count } more

## News (src/game/panels/news.rs)

panels-news-none = No news yet: the first move is the United States'.
panels-news-no-offers = No package has been put on the table yet.
# An offer in the history: its number, round, side and fate.
panels-news-offer-title = #{ $number } · round { $round } · { $side } · { $fate }
panels-news-fate-pending = Pending
panels-news-fate-accepted = Accepted
panels-news-fate-rejected = Rejected
panels-news-fate-countered = Countered
panels-news-fate-lapsed = Lapsed
panels-news-start-terms = The terms in force at the start.

## Event cards (src/game/panels/event_cards.rs)

panels-cards-next = Next ({ $count } more)
panels-cards-close-all = Close all
panels-cards-keys = Enter: next · Esc: close all · every card stays in the News tab
panels-cards-why = Why
panels-cards-changed = What it changed
panels-cards-month = The month in the model, { $from } to { $to } (everything that happened in it together)
panels-cards-from-here-on = From here on

## Coach (src/game/panels/coach.rs)

panels-coach-title = Coach
panels-coach-your-proposal = Your proposal
# $consequence: the proposal's consequence, a sentence or nothing; $other: the other side inside a sentence.
panels-coach-proposal-ask = In the middle, set the terms of your proposal and watch the preview on the right. { $consequence } Then send it (Enter): it ends your turn, and { $other } answers.
# A lesson's task: $label, the group's tab; $key, its number key; $task, one of the tasks below.
panels-coach-group-ask = On the left, open { $label } (key { $key }) and { $task }
panels-coach-task-tariffs = set a tariff now: raise one to put pressure on { $partner }, or cut one as goodwill, and press Set.
panels-coach-task-threats = threaten a rate, or announce one for a later month: a threat costs nothing today but weighs on the other side.
panels-coach-task-goodwill = delay an announced rise, open a tariff-free quota or exempt a sector: a gesture that gives no term of the deal away.
panels-coach-task-concessions = put a concession into force now, as a gesture to { $us }: a purchase or a pledge.
panels-coach-task-counter-tariffs = threaten or set a counter-tariff on US goods, or suspend one.
panels-coach-task-trade-agreement = read what { $agreement } does.
# The coach's replies to a lever's move. $name: the tariff's name; $partner: the partner inside a sentence.
panels-coach-raised = You raised the { $name } from { $from } to { $to }. It is in force now: US buyers pay more and { $partner }'s sellers lose sales — pressure on { $partner }, and a cost at home (the preview's consumer cost).
panels-coach-cut = You cut the { $name } from { $from } to { $to }: goodwill, and cheaper goods for US buyers — but pressure you could have traded for a concession in a deal.
panels-coach-suspension-risk = With cars above { $threshold } all-in, { $partner }'s { $legislature } may suspend { $agreement }: its risk is in the preview. Suspending it is the last group of levers, and hurts US farm exports.
panels-coach-threatened = You threatened the { $name } at { $rate } without a date. Nothing changes in trade yet, but the uncertainty holds back { $partner }'s investment in the US, and the other side takes note.
panels-coach-announced = You announced the { $name } at { $rate } from { $month }. It takes effect then unless you delay it or a deal settles it: the top bar's calendar shows it counting down.
panels-coach-delayed = You delayed the rise of the { $name } by { $months } { $months ->
        [one] month
       *[other] months
    }: the temperature drops, and you keep the tariff to trade in a deal.
panels-coach-quota = You let { $amount } a year in free of the { $name }: { $partner }'s sellers gain, and the tariff still bites above it.
panels-coach-exempted = You exempted { $sector } from the { $name }: goodwill that costs little.
panels-coach-unexempted = You ended the exemption of { $sector } from the { $name }.
# $us: the United States inside a sentence.
panels-coach-implemented = You put "{ $name }" into force at { $level }, before any deal. It costs you now and may soften { $us }, but it is given: you cannot trade it again for a lower tariff.
# $move: the move, as the core words it.
panels-coach-other-move = You chose to { $move }.
panels-coach-consequence = With your proposal as it stands, the goods deficit a year on would be { $draft } — against { $no_deal } with no deal, and { $now } now.
panels-coach-worth = It is worth { $worth } to you against { $walk_away } for no deal: { $verdict }
panels-coach-better = better than no deal for you; would { $other } sign it?
panels-coach-no-better = no better than no deal for you: ask for more
# $other: the other side at the start of a sentence.
panels-coach-pending = Your proposal is on the table; { $other } answers next.
panels-coach-accepted = { $other } accepted: the deal is signed.
panels-coach-countered = { $other } answered with a counter-offer: it is in the column of their offer. Compare what it is worth to you with no deal, then accept it (A), counter it, or reject it (R).
panels-coach-rejected = { $other } rejected it without a counter-offer. Ask the adviser (H) what would do better.
panels-coach-lapsed = The talks ended before an answer.
# $reason: the other side's reason, as the core words it.
panels-coach-why = Why: { $reason }
panels-coach-progress = { $done } of { $total } steps done
panels-coach-now = Now — { $name }: { $ask }
panels-coach-all-done = You have used every group of levers and put a package on the table. Play on to the end: the results compare your deal with no deal and explain each score.
panels-coach-step-done = done
panels-coach-step-to-do = to do

## Event cards' titles, by kind of event (the English game shows the core's own, which may name more)

panels-cards-title-tariff = A tariff takes effect
panels-cards-title-election = { $side } election
panels-cards-title-news = News
panels-cards-title-inject = Teacher's event
panels-cards-title-suspended = { $agreement } suspended
panels-cards-title-restored = { $agreement } restored
panels-cards-title-terminated = { $agreement } terminated
panels-cards-title-government-fell = The { $side } government falls

# The table screen (src/game/screens/table) and its offer, preview and dashboard panels (src/game/panels/{offer,preview,dashboard}.rs).

## The offer table (src/game/panels/offer.rs)

# An offer's fate, in the tooltip of a column of offers.
table-fate-pending = on the table
table-fate-accepted = accepted
table-fate-rejected = rejected
table-fate-countered = countered
table-fate-lapsed = lapsed

table-offer-paused = The teacher has paused the table.
# $name: the side to move.
table-offer-waiting = Waiting for { $name }…
table-offer-heading = The table
# Before the name of the side whose offer is on the table, then its round.
table-offer-on-the-table = · on the table: a package from
table-offer-on-the-table-round = (round { $round })
table-offer-nothing = · nothing on the table
# A computer player's reasons for the offer on the table ($reasons, as the core gives them).
table-offer-reasons = { $name }: { $reasons }

# The grid of terms: its heads, the head of a side's latest offer and its tooltip.
table-terms-issue = Issue
table-terms-in-force = In force
table-terms-offer-round = { $name } offer (r{ $round })
table-terms-offer-made = { $name } offer made in round { $round }: { $fate }
table-terms-offer = { $name } offer
table-terms-none-yet = None yet.
table-terms-your-proposal = Your proposal
table-terms-us-deal-terms = US deal terms
table-terms-us-tariffs = US tariffs
# $name: the partner's possessive in English ("Japan's").
table-terms-partner-concessions = { $name } concessions

# The buttons under the terms.
table-send-counter-offer = Send counter-offer (Enter)
table-send-proposal = Send proposal (Enter)
    .tip = Put your proposal on the table; this ends your turn.
table-accept-confirm = Confirm: accept their offer
table-accept = Accept their offer
    .tip = Sign the package on the table: the deal is done and the game ends.
# $warning: the core's warning about accepting.
table-accept-warning-armed = ⚠ { $warning } Click again to accept.
table-reject = Reject
table-pass = Pass
    .tip = End your turn without an offer; an offer on the table is rejected.
table-walk-away = Walk away…
    .tip = End the talks without a deal.
table-more = More…
table-start-from = Start from:
table-start-from-their-offer = their offer
table-start-from-my-last-offer = my last offer
table-start-from-in-force = what is in force
table-start-from-my-ideal = my ideal
table-ask-adviser = Ask the adviser
    .tip = What a steady negotiator would do in your place (private to your team).
# $reaction: the other side's likely answer, as the core words it.
table-if-you-send-it = If you send it: { $reaction }

## The preview (src/game/panels/preview.rs)

# Its rows: each figure's name with its unit (the values carry none), and its tooltip. $partner: the partner as a
# sentence names it ("Japan", "the EU").
table-preview-deficit = Goods deficit, $bn
    .tip = US goods deficit with { $partner }, $bn a year.
table-preview-deficit-range = …low–high, $bn
    .tip = The deficit with the scenario's low and high parameter sets (trade elasticities, pass-through, speed of adjustment): where the published estimates disagree. A conclusion that holds across the range is robust.
# $year: the scenario's base year.
table-preview-deficit-base-fx = …at { $year } FX, $bn
    .tip = The deficit restated at the base year's exchange rate, as the paper does.
table-preview-tariff-revenue = Tariff revenue, $bn
    .tip = US tariff revenue on goods from { $partner }, $bn a year.
table-preview-consumer-cost = Consumer cost, $bn
    .tip = What the tariffs above the starting rates cost US buyers, $bn a year.
table-preview-farm-exports = Farm exports, $bn
    .tip = US farm exports to { $partner }, $bn a year.
# $name: the partner's possessive at the start of a sentence in English ("Japan's").
table-preview-investment = Investment, $bn
    .tip = { $name } direct investment into the US, $bn a year.
# $agreement: the trade agreement's name (USJTA); $legislature: the partner's (Diet).
table-preview-risk = { $agreement } risk
    .tip = The chance the { $legislature } suspends the { $agreement } next month; 'lapsed' if it is not in force.
table-preview-lapsed = lapsed
table-preview-us-approval = US approval, %
    .tip = Overall US approval (projections: where it is heading).
# $name: the partner's short name; in the tooltip its possessive in English ("Japan's").
table-preview-partner-approval = { $name } approval, %
    .tip = Overall approval of { $name } government (projections: where it is heading).

# Its columns: now, the player's proposal, the offer on the table, no deal.
table-preview-now = Now
    .tip = The last month played.
table-preview-yours = Yours
    .tip = If your proposal were signed now: the month the sides judge a deal by, a year on.
table-preview-tabled = Tabled
table-preview-theirs = Theirs
# Watching: $name is the possessive of the side that made the offer ("US", "Japan's").
table-preview-offer-of = { $name } offer
table-preview-offer =
    .tip = If the offer on the table were signed now: the month a year on.
table-preview-no-deal = No deal
    .tip = If talks failed now: every announced and threatened tariff in force, a year on.

# The private rows of a side's worth.
table-preview-worth-to-you = Worth to you
table-preview-worth-to = Worth to { $name }
table-preview-worth =
    .tip = Private: the side's objectives scored on the projected month, 0–100. Compare with 'If talks fail' — the walk-away value. Hidden from the other team.
table-preview-worth-range = …low–high
    .tip = The same worth with the scenario's low and high parameter sets. If the ranges of a package and of no deal overlap, the model cannot say for sure which is better.
table-preview-score-if-signed = Score if signed now
    .tip = The score the results screen would show if the talks ended this round with this outcome: the model plays the game on to its end and averages every month, the ones already played included, and the year after. 'Worth' scores one month a year on, with approval where it is heading, so the two differ; the final score counts what the months before the deal cost too.

# The card of one move (at the foot of the levers, and atop the preview tab).
table-move-your-next-move = Your next move
table-move-preview = Preview
# $reason: why the rules refuse the move, as the core words it.
table-move-not-possible = Not possible now: { $reason }.
table-move-click-again = Click the button again or press Enter to send it.
table-move-figures-in-preview = Its figures before and after: the Preview tab.
table-move-now = Now
    .tip = Before the move.
table-move-after = After
    .tip = After the move.
table-move-auto-tariff = Auto tariff, all-in
    .tip = The whole US tariff on cars and parts in force, trade-weighted: what the partner's legislature watches.
table-move-suspension-risk = Suspension risk
    .tip = The chance this month that the partner's legislature suspends the trade agreement, at today's approval.
table-move-deficit-if-no-deal = Deficit if no deal, $bn
    .tip = US goods deficit a year on if talks failed, $bn a year.
table-move-farm-exports-if-no-deal = Farm exports if no deal
    .tip = US farm exports a year on if talks failed, $bn a year.
table-move-investment-if-no-deal = Investment if no deal
    .tip = The partner's direct investment into the US a year on if talks failed, $bn a year.
table-move-consumer-cost-if-no-deal = Consumer cost if no deal
    .tip = What the tariffs cost US buyers a year on if talks failed, $bn a year.
table-move-no-deal-worth = No deal worth to you
    .tip = Private: what failing to agree would be worth to your side, 0–100 — your walk-away value.

## The dashboard's charts (src/game/panels/dashboard.rs)

# Each chart's title (with its unit), the tooltip on it, and its lines' names in the legend. $partner: the partner as
# a sentence names it ("Japan", "the EU"); $owner: its possessive in English ("Japan's").
table-chart-deficit = US goods deficit with { $partner } ($bn/yr)
    .tip = Nominal, and restated at { $year } exchange rates ({ $rate } { $currency } per dollar).
table-chart-nominal = nominal
table-chart-at-base-rates = at { $year } rates
table-chart-revenue = Tariff revenue and consumer cost ($bn/yr)
    .tip = US tariff revenue on goods from { $partner }, and what tariffs above the starting rates cost US buyers.
table-chart-tariff-revenue = tariff revenue
table-chart-consumer-cost = consumer cost
table-chart-farm = Farm exports and investment ($bn/yr)
    .tip = US farm exports to { $partner }, and { $owner } direct investment into the US.
table-chart-us-farm-exports = US farm exports
table-chart-investment = { $owner } investment
# $name: the side as a sentence names it by its short name ("the US", "Japan").
table-chart-approval = Approval in { $name } (%)
    .tip = Approval by constituency; the government falls below { $percent }% overall.
table-chart-overall = overall
table-chart-suspension = { $agreement }: chance of suspension (%)
    .tip = Each month's chance that { $owner } { $legislature } suspends the { $agreement }; red crosses: months it was not in force.
table-chart-suspension-risk = suspension risk
table-chart-not-in-force = { $agreement } not in force
# The x axis: round 0, before any move, then each round's month without its year ($month: 1–12).
table-chart-start = start
table-chart-month = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}

## The table screen (src/game/screens/table/draw.rs, mod.rs)

table-glossary = Glossary
# The tabs of the side views (and of the levers and the offer table when the table is laid out as tabs).
table-tab-levers = Levers
    .tip = Your unilateral actions (keys 1–4 pick a group)
table-tab-in-force = In force
table-tab-table = Table
    .tip = The offer on the table and your proposal
table-tab-brief = Your brief
    .tip = Your side's confidential brief: goals, walk-away, what to keep to yourselves
table-tab-preview = Preview
    .tip = What the model projects a year on
table-tab-charts = Charts
table-tab-news = News
table-tab-offers = Offers
table-preview-note = What the model projects a year on if a package is signed now, or if talks fail; …low–high: the same with the low and high parameter sets.
table-preview-working = Working it out…

# The adviser's hint under the offer table, and what it advises.
table-adviser = Adviser:
table-adviser-load = Load into my proposal
table-advice-propose = Put this package on the table (load it into your proposal to look at it).
table-advice-accept = Accept the offer on the table: it beats what you can expect later.
table-advice-pass = Pass this round: nothing better is within reach yet.
table-advice-walk-away = Walk away: no deal looks better than anything on offer.
# $action: the move, as the core words it.
table-advice-action = Take an action: { $action }.

# Asking before walking away.
table-walk-away-title = Walk away from the table?
table-walk-away-text = The talks end without a deal; every announced tariff takes effect.
table-walk-away-confirm = Walk away
table-walk-away-stay = Stay at the table

# The status line at the foot of the table.
table-status-keys = Keys (F1)
    .tip = Every key of the game
table-status-scenario-changed = The scenario file has changed.
table-status-reload = Reload
    .tip = Restart on the edited file with the same seed, replaying the moves so far
table-status-scenario-error = The edited scenario has an error; the game goes on with the version loaded:
# $reason: why the move was refused.
table-status-refused = Refused: { $reason }
table-status-latest = Latest:
table-status-keys-hint = Enter: send · Esc: menu · 1–4: lever groups

# A side's confidential brief ($name: the side's full name).
table-brief-none = This scenario has no confidential briefs.
table-brief-confidential = Confidential: { $name } team only
table-brief-goals = What you want
table-brief-walk-away = When to walk away
table-brief-keep-private = Keep to yourselves

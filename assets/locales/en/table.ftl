# The table screen (src/game/screens/table) and its offer, preview and dashboard panels (src/game/panels/{offer,preview,dashboard}.rs).

# A side's name where a message names it in a language other than English (English keeps the form each sentence has
# always used: "the United States", "Japan's", "US"). $side: us or partner; $partner: the partner's short name.
table-side-name = { $side ->
    [us] US
   *[other] { $partner }
}

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

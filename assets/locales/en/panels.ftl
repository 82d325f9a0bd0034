# The table's panels (src/game/panels): top bar, levers, offer, preview, dashboard, news, coach, event cards.

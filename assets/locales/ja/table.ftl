# The table screen (src/game/screens/table) and its offer, preview and dashboard panels (src/game/panels/{offer,preview,dashboard}.rs).

# The screens (src/game/screens) and the networked table (src/game/remote.rs): title, setup, table, results,
# debrief, replay, saves, about, join, handover, teacher's console.

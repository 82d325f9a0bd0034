# The teacher's side of a class: the console (src/game/screens/console.rs), the debrief and the replay.

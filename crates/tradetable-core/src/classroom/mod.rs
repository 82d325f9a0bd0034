//! For a class: game records that replay to every state (`record`), a class and its table codes (`class`), the
//! secret join codes of a networked table (`join_code`), the debrief that sets every table side by side (`debrief`),
//! where a chart's labels go (`labels`), and the colours the debrief page and the game share (`palette`). It imports
//! the layers up to `analysis`; only `network` imports it.

pub mod class;
pub mod debrief;
pub mod join_code;
pub mod labels;
pub mod palette;
pub mod record;

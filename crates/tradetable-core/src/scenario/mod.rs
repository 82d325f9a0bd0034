//! The scenario file, with no game logic: the RON schema of a scenario (`schema`), reading it from text with located
//! errors (`parse`) and checking it (`validate`), the partner's counter-tariffs (`partner_tariffs`), the two sides and the names a scenario gives them (`side`), its texts in other languages (`translation`) and the scenario in one of them (`translate`), how
//! numbers become text (`format`), the line and column of a field (`ron_spans`) and the shipped scenarios embedded
//! in the program (`library`). The bottom layer: it imports nothing from the rest of the core.

pub mod deal_terms;
pub mod format;
pub mod library;
pub mod parse;
pub mod partner_tariffs;
pub mod rivals;
pub mod ron_spans;
pub mod schema;
pub mod side;
pub mod translate;
pub mod translation;
pub mod validate;

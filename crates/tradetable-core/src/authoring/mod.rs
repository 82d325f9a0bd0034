//! For scenario authors: problems rendered with their source lines (`diagnostics`), the warnings that make a valid
//! scenario a poor game (`lint`), objectives stuck at an end of their scale (`saturation`, shared by the linter and
//! the summary), the scenario reference generated from the types and the validator (`schema`) and
//! each side's totals and objectives before any move (`summary`), with its terms that have a time or a ceiling
//! (`terms`). It imports the layers up to `analysis`, and
//! nothing imports it but the shell.

pub mod diagnostics;
pub mod lint;
pub mod saturation;
pub mod schema;
pub mod summary;
pub mod terms;

//! What `tradetable --version` prints: the release, and the versions of the file formats and network protocol it
//! reads and writes, so a teacher can tell whether two laptops, a class file and its records belong together.

use std::sync::OnceLock;

use tradetable_core::authoring::schema::reference_markdown;
use tradetable_core::classroom::class::CLASS_VERSION;
use tradetable_core::classroom::record::RECORD_VERSION;
use tradetable_core::network::host::SAVED_TABLE_VERSION;
use tradetable_core::network::protocol::PROTOCOL_VERSION;
use tradetable_core::scenario::parse::text_hash;

/// The release, from the package's version.
pub const RELEASE: &str = env!("CARGO_PKG_VERSION");

/// How many hex digits of the scenario format's fingerprint are shown.
const FINGERPRINT_DIGITS: usize = 8;

/// The scenario format's fingerprint: the start of the BLAKE3 hash of the scenario reference the code generates
/// (`tradetable schema`). Scenario files carry no version number of their own; the reference lists every field, its
/// type and the validator's rules, so two builds that show the same fingerprint read the same scenario files.
pub fn scenario_format() -> String {
    let hash = text_hash(&reference_markdown());
    hash.chars().take(FINGERPRINT_DIGITS).collect()
}

/// The lines after the release number of `--version`.
pub fn formats() -> String {
    format!(
        "scenario format {} (its reference: tradetable schema)\n\
         game records v{RECORD_VERSION}, class files v{CLASS_VERSION}, hosted tables v{SAVED_TABLE_VERSION}, \
         network protocol v{PROTOCOL_VERSION}",
        scenario_format()
    )
}

/// The text of `--version` after the program's name: the release, then the formats. Made once, on first use.
pub fn long_version() -> &'static str {
    static LONG_VERSION: OnceLock<String> = OnceLock::new();
    LONG_VERSION.get_or_init(|| format!("{RELEASE}\n{}", formats()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_long_version_names_the_release_and_every_format_version_of_the_core() {
        let text = long_version();
        assert!(text.starts_with(&format!("{RELEASE}\n")), "{text}");
        for wanted in [
            format!("game records v{RECORD_VERSION}"),
            format!("class files v{CLASS_VERSION}"),
            format!("hosted tables v{SAVED_TABLE_VERSION}"),
            format!("network protocol v{PROTOCOL_VERSION}"),
            format!("scenario format {}", scenario_format()),
        ] {
            assert!(text.contains(&wanted), "{wanted:?} missing from {text}");
        }
    }

    #[test]
    fn the_scenario_format_fingerprint_is_eight_hex_digits_and_stable() {
        let fingerprint = scenario_format();
        assert_eq!(fingerprint.len(), FINGERPRINT_DIGITS);
        assert!(fingerprint.chars().all(|c| c.is_ascii_hexdigit()), "{fingerprint}");
        assert_eq!(fingerprint, scenario_format());
    }
}

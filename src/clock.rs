//! The wall clock, read at the edge: the core is deterministic and never reads it, so the shell stamps the time on
//! what it writes (a record's `saved_at`, a class file's creation time, a new save's file name).

/// The current time as RFC 3339 in UTC, to the second.
pub fn now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

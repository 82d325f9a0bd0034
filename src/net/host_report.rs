//! A hosted class summed up for the headless host's terminal, every [`SUMMARY_EVERY`] and once the class is over:
//! the moves played, the tables over, the laptops connected, the host's time per message from a laptop (median and
//! 99th percentile over the whole class, not only the latest messages) and the datagrams the system dropped before
//! the host read them. A teacher rehearsing a class reads the host's side of each move's latency here, and
//! `scripts/rehearse-class.sh` reads the last line.

use std::fmt;
use std::time::{Duration, Instant};

use bevy::prelude::*;

use crate::net::class_host::ClassHost;

/// How often the headless host prints its summary line.
pub const SUMMARY_EVERY: Duration = Duration::from_secs(10);

/// Sub-buckets per power of two of microseconds: a percentile read from the histogram is within 1/16 of the true
/// time.
const SUB_BUCKETS: u64 = 8;

/// Times in microseconds, counted in a fixed set of buckets: exact below 8 µs, then eight buckets per power of two,
/// so a class of any length keeps the same 500 counters and still gives its percentiles.
#[derive(Debug, Clone)]
pub struct TimeHistogram {
    counts: Vec<u64>,
    total: u64,
}

impl Default for TimeHistogram {
    fn default() -> Self {
        TimeHistogram {
            counts: vec![0; (64 * SUB_BUCKETS) as usize],
            total: 0,
        }
    }
}

impl TimeHistogram {
    /// Counts one time.
    pub fn record(&mut self, micros: u64) {
        let bucket = bucket_of(micros);
        if let Some(count) = self.counts.get_mut(bucket) {
            *count += 1;
            self.total += 1;
        }
    }

    /// How many times were counted.
    pub fn count(&self) -> u64 {
        self.total
    }

    /// The time below which a share `q` (0 to 1) of the counted times fall, in microseconds (the middle of its
    /// bucket); 0 when nothing was counted.
    pub fn percentile(&self, q: f64) -> u64 {
        if self.total == 0 {
            return 0;
        }
        let rank = ((q.clamp(0.0, 1.0) * self.total as f64).ceil() as u64).max(1);
        let mut seen = 0;
        for (bucket, count) in self.counts.iter().enumerate() {
            seen += count;
            if seen >= rank {
                return middle_of(bucket);
            }
        }
        middle_of(self.counts.len() - 1)
    }
}

fn bucket_of(micros: u64) -> usize {
    if micros < SUB_BUCKETS {
        return micros as usize;
    }
    let power = u64::from(63 - micros.leading_zeros());
    let sub = (micros >> (power - 3)) & (SUB_BUCKETS - 1);
    ((power - 2) * SUB_BUCKETS + sub) as usize
}

fn middle_of(bucket: usize) -> u64 {
    let bucket = bucket as u64;
    if bucket < SUB_BUCKETS {
        return bucket;
    }
    let power = bucket / SUB_BUCKETS + 2;
    let sub = bucket % SUB_BUCKETS;
    let low = (SUB_BUCKETS + sub) << (power - 3);
    let width = 1u64 << (power - 3);
    low + width / 2
}

/// Where a hosted class stands, for one line of the host's terminal.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassSummary {
    /// Moves played at every table.
    pub moves: usize,
    /// Tables whose game is over.
    pub tables_over: usize,
    /// Tables of the class.
    pub tables: usize,
    /// Laptops connected now.
    pub laptops: usize,
    /// Messages from laptops the host handled.
    pub messages: u64,
    /// The host's time per message, median and 99th percentile, in ms.
    pub per_message_ms: (f64, f64),
    /// Datagrams the system dropped because the host's receive buffer was full (Linux only).
    pub dropped: Option<u64>,
}

impl ClassSummary {
    /// The summary of `class` now.
    pub fn of(class: &ClassHost) -> ClassSummary {
        let games: Vec<_> = class
            .class
            .tables
            .iter()
            .filter_map(|table| class.host.game(table.number))
            .collect();
        let times = &class.message_times;
        ClassSummary {
            moves: games.iter().map(|game| game.moves.len()).sum(),
            tables_over: games.iter().filter(|game| game.is_over()).count(),
            tables: class.class.tables.len(),
            laptops: class.addresses.len(),
            messages: times.count(),
            per_message_ms: (times.percentile(0.50) as f64 / 1e3, times.percentile(0.99) as f64 / 1e3),
            dropped: class.address.and_then(crate::net::socket_buffer::dropped_datagrams),
        }
    }
}

impl fmt::Display for ClassSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "summary: {} moves, {} of {} tables over, {} laptops connected; host time per message: median {:.2} ms, \
             99th percentile {:.2} ms ({} messages)",
            self.moves,
            self.tables_over,
            self.tables,
            self.laptops,
            self.per_message_ms.0,
            self.per_message_ms.1,
            self.messages
        )?;
        if let Some(dropped) = self.dropped {
            write!(f, "; {dropped} datagrams dropped before the host read them")?;
        }
        Ok(())
    }
}

/// Prints the summary every [`SUMMARY_EVERY`] on the headless host's terminal.
pub fn plugin(app: &mut App) {
    app.add_systems(Last, print_summary.run_if(resource_exists::<ClassHost>));
}

fn print_summary(class: Res<ClassHost>, mut printed_at: Local<Option<Instant>>) {
    let at = *printed_at.get_or_insert_with(Instant::now);
    if at.elapsed() >= SUMMARY_EVERY {
        *printed_at = Some(Instant::now());
        println!("{}", ClassSummary::of(&class));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_of_the_histogram_are_within_a_sixteenth_of_the_times() {
        let mut times = TimeHistogram::default();
        for micros in 1..=1000 {
            times.record(micros * 100);
        }
        let median = times.percentile(0.5) as f64;
        let p99 = times.percentile(0.99) as f64;
        assert!((median - 50_000.0).abs() <= 50_000.0 / 16.0, "{median}");
        assert!((p99 - 99_000.0).abs() <= 99_000.0 / 16.0, "{p99}");
        assert_eq!(times.count(), 1000);
    }

    #[test]
    fn small_times_are_exact_and_nothing_counted_is_zero() {
        let mut times = TimeHistogram::default();
        assert_eq!(times.percentile(0.5), 0);
        times.record(3);
        assert_eq!(times.percentile(0.99), 3);
        times.record(u64::MAX);
        assert_eq!(times.count(), 2);
    }

    #[test]
    fn every_bucket_s_middle_falls_back_into_it() {
        for bucket in 0..=bucket_of(u64::MAX) {
            assert_eq!(bucket_of(middle_of(bucket)), bucket, "bucket {bucket}");
        }
    }
}

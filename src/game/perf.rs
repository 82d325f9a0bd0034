//! Measurements for `docs/performance.md`: CPU time of each frame's update loop (the main schedule, from `First`
//! to `Last`) by screen, the time from launch to the first drawn title screen, and the peak resident memory.

use std::time::{Duration, Instant};

use bevy::prelude::*;

use super::navigation::Screen;

/// What has been measured.
#[derive(Resource, Debug, Default)]
pub struct PerfLog {
    frame_start: Option<Instant>,
    /// (screen, CPU time of the update loop) of each frame (the last 50 000).
    pub frames: Vec<(Screen, Duration)>,
    /// Frames sampled while the table sat still (autoplay's measuring pause).
    pub idle_table: Vec<Duration>,
    /// Whether frames are being sampled as idle table frames.
    pub sampling_idle: bool,
    /// From launch to the first frame the title was drawn.
    pub title_after: Option<Duration>,
    /// Time spent building the table's UI (the screen's egui system), per frame.
    pub table_ui: Vec<Duration>,
}

impl PerfLog {
    /// Records the first time the title is drawn.
    pub fn title_shown(&mut self, launched: Instant) {
        if self.title_after.is_none() {
            self.title_after = Some(launched.elapsed());
        }
    }

    /// A summary for the log: launch to title, frame times on the table, peak memory.
    pub fn summary(&self) -> String {
        let mut out = String::from("perf:");
        if let Some(t) = self.title_after {
            out.push_str(&format!(" launch-to-title {:.0} ms;", t.as_secs_f64() * 1000.0));
        }
        let table: Vec<Duration> = self
            .frames
            .iter()
            .filter(|(s, _)| *s == Screen::Table)
            .map(|(_, d)| *d)
            .collect();
        out.push_str(&format!(" table frames {};", stats(&table)));
        for screen in [Screen::Title, Screen::Setup, Screen::Results] {
            let frames: Vec<Duration> = self
                .frames
                .iter()
                .filter(|(s, _)| *s == screen)
                .map(|(_, d)| *d)
                .collect();
            out.push_str(&format!(" {screen:?} frames {};", stats(&frames)));
        }
        out.push_str(&format!(" idle table frames {};", stats(&self.idle_table)));
        out.push_str(&format!(" table UI system {};", stats(&self.table_ui)));
        if let Some(kb) = peak_rss_kb() {
            out.push_str(&format!(" peak RSS {:.0} MB", kb as f64 / 1024.0));
        }
        out
    }
}

fn stats(samples: &[Duration]) -> String {
    if samples.is_empty() {
        return "n=0".to_string();
    }
    let mut ms: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    ms.sort_by(f64::total_cmp);
    let mean = ms.iter().sum::<f64>() / ms.len() as f64;
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    format!(
        "n={} mean {mean:.2} ms, median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        ms.len(),
        at(0.5),
        at(0.95),
        ms[ms.len() - 1]
    )
}

/// Peak resident set size in kB (Linux: VmHWM in /proc/self/status).
pub fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Times every frame's main schedule.
pub fn plugin(app: &mut App) {
    app.init_resource::<PerfLog>()
        .add_systems(First, start_frame)
        .add_systems(Last, end_frame);
}

fn start_frame(mut log: ResMut<PerfLog>) {
    log.frame_start = Some(Instant::now());
}

fn end_frame(mut log: ResMut<PerfLog>, screen: Res<State<Screen>>) {
    if let Some(start) = log.frame_start.take() {
        let elapsed = start.elapsed();
        if log.sampling_idle {
            log.idle_table.push(elapsed);
        }
        if log.frames.len() >= 50_000 {
            log.frames.clear();
            log.table_ui.clear();
        }
        log.frames.push((*screen.get(), elapsed));
    }
}

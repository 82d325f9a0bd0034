//! `tradetable check`: can this computer run TradeTable? For a teacher setting up school laptops: the version, the
//! system, the data folder (and whether a file can be saved in it), the shipped scenarios, and the graphics adapters
//! the game could draw with. Exits non-zero, with advice, when something would stop a class.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use tradetable_core::scenario::library::{SHIPPED, Shipped};

use crate::storage::Storage;

/// Options of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Skip the graphics adapters (e.g. over a remote terminal, to check only the data folder and the scenarios).
    #[arg(long)]
    pub no_graphics: bool,
}

/// How one line of the report came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Fine.
    Ok,
    /// Works, but a teacher should know (e.g. only a software renderer).
    Warning,
    /// Stops the game or a class; the run exits non-zero.
    Problem,
}

/// One line of the report: what was checked, what was found, and what to do when it is not fine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What was checked ("data folder").
    pub topic: &'static str,
    /// How it came out.
    pub verdict: Verdict,
    /// What was found, in plain words.
    pub detail: String,
    /// What to do about it (empty when fine).
    pub advice: String,
}

impl Finding {
    fn ok(topic: &'static str, detail: String) -> Finding {
        Finding {
            topic,
            verdict: Verdict::Ok,
            detail,
            advice: String::new(),
        }
    }
}

/// The name of the probe file written and removed in the data folder.
const PROBE_FILE: &str = ".tradetable-check-probe";

/// Whether files can be saved in `dir`: a probe file is written through the storage layer (as saves are) and removed.
pub fn data_folder(storage: &Storage, dir: &Path) -> Finding {
    let probe = dir.join(PROBE_FILE);
    let written = storage
        .write(&probe, b"tradetable check\n")
        .and_then(|()| storage.remove(&probe));
    match written {
        Ok(()) => Finding::ok("data folder", format!("{} (writable)", dir.display())),
        Err(error) => Finding {
            topic: "data folder",
            verdict: Verdict::Problem,
            detail: format!("{}: {}", dir.display(), error.reason()),
            advice: "saves, settings and class results could not be kept; give this user a writable home folder, or \
                     set TRADETABLE_DATA_DIR to a folder they may write to"
                .to_string(),
        },
    }
}

/// Whether every shipped scenario (built into the program) loads.
pub fn shipped_scenarios(shipped: &[Shipped]) -> Finding {
    let mut broken = Vec::new();
    for scenario in shipped {
        if let Err(error) = scenario.load() {
            broken.push(format!("{}: {error}", scenario.name()));
        }
    }
    let names: Vec<&str> = shipped.iter().map(Shipped::name).collect();
    if broken.is_empty() {
        return Finding::ok(
            "scenarios",
            format!("{} built in, all valid ({})", shipped.len(), names.join(", ")),
        );
    }
    Finding {
        topic: "scenarios",
        verdict: Verdict::Problem,
        detail: broken.join("; "),
        advice: "this copy of TradeTable is damaged: download and install it again".to_string(),
    }
}

/// What kind of device an adapter is, as the graphics library names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceKind {
    /// A graphics card.
    Discrete,
    /// Graphics built into the processor.
    Integrated,
    /// A virtual machine's graphics.
    Virtual,
    /// Drawing on the processor (e.g. Mesa's llvmpipe): works, slowly.
    Software,
    /// Anything else.
    Other,
}

impl DeviceKind {
    fn words(self) -> &'static str {
        match self {
            DeviceKind::Discrete => "graphics card",
            DeviceKind::Integrated => "integrated graphics",
            DeviceKind::Virtual => "virtual machine graphics",
            DeviceKind::Software => "software renderer, draws on the processor",
            DeviceKind::Other => "other device",
        }
    }
}

/// A graphics adapter the game could draw with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adapter {
    /// Its name ("Intel(R) UHD Graphics 620", "llvmpipe (LLVM 15.0.6, 256 bits)").
    pub name: String,
    /// Vulkan, Metal, Dx12 or Gl.
    pub backend: String,
    /// The kind of device.
    pub kind: DeviceKind,
    /// The driver and its version, when the driver says.
    pub driver: String,
}

/// The verdict on the adapters found: none is a problem (the game cannot open its window); only software renderers
/// work but slowly.
pub fn graphics(adapters: &[Adapter]) -> Finding {
    let listed: Vec<String> = adapters
        .iter()
        .map(|adapter| {
            let driver = if adapter.driver.is_empty() {
                String::new()
            } else {
                format!(", driver {}", adapter.driver)
            };
            format!(
                "{} ({}, {}{driver})",
                adapter.name,
                adapter.backend,
                adapter.kind.words()
            )
        })
        .collect();
    if adapters.is_empty() {
        return Finding {
            topic: "graphics",
            verdict: Verdict::Problem,
            detail: "no graphics adapter found".to_string(),
            advice: no_adapter_advice().to_string(),
        };
    }
    if adapters.iter().all(|adapter| adapter.kind == DeviceKind::Software) {
        return Finding {
            topic: "graphics",
            verdict: Verdict::Warning,
            detail: listed.join("; "),
            advice: "only a software renderer: the game runs, but slowly; install the graphics card's driver for a \
                     smooth game"
                .to_string(),
        };
    }
    Finding::ok("graphics", listed.join("; "))
}

/// What to do when no adapter is found, for this system.
fn no_adapter_advice() -> &'static str {
    if cfg!(target_os = "linux") {
        "the game needs Vulkan: install the graphics driver's Vulkan package (Debian and Ubuntu: mesa-vulkan-drivers \
         and libvulkan1), then run `tradetable check` again"
    } else if cfg!(target_os = "windows") {
        "the game needs DirectX 12 or Vulkan: install the graphics driver from the maker of the laptop or its graphics \
         (Windows Update's driver may lack it), then run `tradetable check` again"
    } else {
        "the game needs Metal (macOS 10.13 or later on a Mac from 2012 or later): update macOS, then run `tradetable \
         check` again"
    }
}

/// The graphics adapters the game's renderer can see, found without opening a window: the same graphics library
/// instance the game creates, asked for its adapters on the backends the game would use (`WGPU_BACKEND` respected).
#[cfg(feature = "gui")]
pub fn adapters() -> Vec<Adapter> {
    use std::sync::Arc;

    use bevy::render::renderer::{RenderInstance, WgpuWrapper};
    use bevy::render::settings::{Backends, WgpuSettings};

    // Bevy does not re-export the graphics library's `Instance` by name; its render instance holds one, so the
    // instance is built through it with the library's defaults.
    let instance = RenderInstance(Arc::new(WgpuWrapper::new(Default::default())));
    let backends = WgpuSettings::default().backends.unwrap_or(Backends::all());
    let found = bevy::tasks::block_on(instance.0.enumerate_adapters(backends));
    found
        .iter()
        .map(|adapter| {
            let info = adapter.get_info();
            Adapter {
                name: info.name.clone(),
                backend: format!("{:?}", info.backend),
                kind: device_kind(&format!("{:?}", info.device_type)),
                driver: [info.driver.as_str(), info.driver_info.as_str()]
                    .iter()
                    .filter(|part| !part.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" "),
            }
        })
        .collect()
}

/// The kind of device from the name of the graphics library's device type (`DiscreteGpu`, `Cpu`, …): Bevy does not
/// re-export that type, and the game does not depend on the library directly.
pub fn device_kind(device_type: &str) -> DeviceKind {
    match device_type {
        "DiscreteGpu" => DeviceKind::Discrete,
        "IntegratedGpu" => DeviceKind::Integrated,
        "VirtualGpu" => DeviceKind::Virtual,
        "Cpu" => DeviceKind::Software,
        _ => DeviceKind::Other,
    }
}

/// The whole report's findings, graphics last (`None`: not checked).
pub fn findings(storage: &Storage, data_dir: &Path, adapters: Option<&[Adapter]>) -> Vec<Finding> {
    let mut all = vec![
        Finding::ok("version", format!("TradeTable {}", super::version::RELEASE)),
        Finding::ok("system", system()),
        data_folder(storage, data_dir),
        shipped_scenarios(SHIPPED),
    ];
    match adapters {
        Some(adapters) => all.push(graphics(adapters)),
        None => all.push(Finding {
            topic: "graphics",
            verdict: Verdict::Warning,
            detail: graphics_not_checked().to_string(),
            advice: String::new(),
        }),
    }
    all
}

/// Why the graphics were not checked.
fn graphics_not_checked() -> &'static str {
    if cfg!(feature = "gui") {
        "not checked (--no-graphics)"
    } else {
        "not checked: this build of TradeTable has no game window (built without the `gui` feature)"
    }
}

/// The operating system and processor this copy runs on.
fn system() -> String {
    format!("{} {}", std::env::consts::OS, std::env::consts::ARCH)
}

/// The report as printed: one line per finding, its advice indented below, and the conclusion.
pub fn report(findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        let mark = match finding.verdict {
            Verdict::Ok => "ok",
            Verdict::Warning => "note",
            Verdict::Problem => "PROBLEM",
        };
        out.push_str(&format!("{:<8} {}: {}\n", mark, finding.topic, finding.detail));
        if !finding.advice.is_empty() {
            out.push_str(&format!("         what to do: {}\n", finding.advice));
        }
    }
    let problems = findings.iter().filter(|f| f.verdict == Verdict::Problem).count();
    if problems == 0 {
        out.push_str("This computer can run TradeTable.\n");
    } else {
        out.push_str(&format!(
            "This computer cannot run TradeTable as it is: {problems} problem{} above.\n",
            if problems == 1 { "" } else { "s" }
        ));
    }
    out
}

/// Checks this computer and prints the report; exit code 1 when any finding is a problem.
pub fn run(args: &CheckArgs) -> ExitCode {
    let data_dir: PathBuf = crate::places::data_dir();
    #[cfg(feature = "gui")]
    let found = (!args.no_graphics).then(adapters);
    #[cfg(not(feature = "gui"))]
    let found: Option<Vec<Adapter>> = {
        let _ = args.no_graphics;
        None
    };
    let findings = findings(&Storage::real(), &data_dir, found.as_deref());
    print!("{}", report(&findings));
    if findings.iter().any(|f| f.verdict == Verdict::Problem) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{Fault, FaultyDisk};

    fn software(name: &str) -> Adapter {
        Adapter {
            name: name.to_string(),
            backend: "Vulkan".to_string(),
            kind: DeviceKind::Software,
            driver: "llvmpipe".to_string(),
        }
    }

    #[test]
    fn a_writable_data_folder_is_fine_and_the_probe_file_is_gone_afterwards() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("not yet made");
        let finding = data_folder(&Storage::real(), &data);
        assert_eq!(finding.verdict, Verdict::Ok, "{finding:?}");
        assert!(finding.detail.contains("writable"));
        let left: Vec<_> = std::fs::read_dir(&data).unwrap().collect();
        assert!(left.is_empty(), "the probe left files behind: {left:?}");
    }

    #[test]
    fn a_read_only_data_folder_is_a_problem_with_advice() {
        let dir = tempfile::tempdir().unwrap();
        let disk = FaultyDisk::new();
        disk.set(Some(Fault::ReadOnly));
        let finding = data_folder(&Storage::on(disk), dir.path());
        assert_eq!(finding.verdict, Verdict::Problem);
        assert!(finding.detail.contains("read-only"), "{}", finding.detail);
        assert!(finding.advice.contains("TRADETABLE_DATA_DIR"));
    }

    #[test]
    fn every_shipped_scenario_loads_and_is_named() {
        let finding = shipped_scenarios(SHIPPED);
        assert_eq!(finding.verdict, Verdict::Ok, "{finding:?}");
        for shipped in SHIPPED {
            assert!(finding.detail.contains(shipped.name()), "{}", finding.detail);
        }
    }

    #[test]
    fn a_broken_shipped_scenario_is_a_problem() {
        let broken = [Shipped {
            file: "broken.ron",
            text: "(id: \"broken\"",
        }];
        let finding = shipped_scenarios(&broken);
        assert_eq!(finding.verdict, Verdict::Problem);
        assert!(finding.detail.starts_with("broken: "), "{}", finding.detail);
    }

    #[test]
    fn no_adapter_is_a_problem_only_software_is_a_warning_and_a_gpu_is_fine() {
        assert_eq!(graphics(&[]).verdict, Verdict::Problem);
        assert!(!graphics(&[]).advice.is_empty());
        let slow = graphics(&[software("llvmpipe")]);
        assert_eq!(slow.verdict, Verdict::Warning);
        assert!(
            slow.detail.contains("llvmpipe (Vulkan, software renderer"),
            "{}",
            slow.detail
        );
        let card = Adapter {
            name: "Intel(R) UHD Graphics 620".to_string(),
            backend: "Vulkan".to_string(),
            kind: DeviceKind::Integrated,
            driver: String::new(),
        };
        let fine = graphics(&[software("llvmpipe"), card]);
        assert_eq!(fine.verdict, Verdict::Ok);
        assert!(
            fine.detail
                .contains("Intel(R) UHD Graphics 620 (Vulkan, integrated graphics)")
        );
    }

    #[test]
    fn device_types_are_read_by_the_graphics_librarys_names() {
        assert_eq!(device_kind("DiscreteGpu"), DeviceKind::Discrete);
        assert_eq!(device_kind("IntegratedGpu"), DeviceKind::Integrated);
        assert_eq!(device_kind("VirtualGpu"), DeviceKind::Virtual);
        assert_eq!(device_kind("Cpu"), DeviceKind::Software);
        assert_eq!(device_kind("Other"), DeviceKind::Other);
    }

    #[test]
    fn the_report_concludes_from_its_problems() {
        let dir = tempfile::tempdir().unwrap();
        let fine = findings(&Storage::real(), dir.path(), Some(&[software("llvmpipe")]));
        let text = report(&fine);
        assert!(text.contains("This computer can run TradeTable."), "{text}");
        assert!(text.contains("note     graphics: llvmpipe"), "{text}");
        let none = findings(&Storage::real(), dir.path(), Some(&[]));
        let text = report(&none);
        assert!(text.contains("PROBLEM  graphics: no graphics adapter found"), "{text}");
        assert!(
            text.contains("cannot run TradeTable as it is: 1 problem above."),
            "{text}"
        );
    }
}

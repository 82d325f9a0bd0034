//! The core builds without any engine: no Bevy, egui, windowing, graphics or network transport anywhere in its
//! dependency tree, so `cargo test -p tradetable-core` compiles in minutes and the rules can be used (and checked)
//! without a screen. This test walks the core's dependencies in the workspace's `Cargo.lock` and fails if one of
//! them belongs to the game's shell.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Packages that belong to the shell: a name equal to one of these, or starting with one followed by `_` or `-`.
const SHELL_ONLY: &[&str] = &[
    "bevy",
    "egui",
    "epaint",
    "ecolor",
    "emath",
    "winit",
    "wgpu",
    "naga",
    "glow",
    "ash",
    "gpu-alloc",
    "gpu-descriptor",
    "raw-window-handle",
    "x11",
    "x11rb",
    "wayland",
    "accesskit",
    "renet",
    "renetcode",
    "notify",
    "directories",
    "clap",
];

/// One package of the lock file: its version and the packages it depends on (as the lock file names them:
/// `name` or `name version`).
struct Locked {
    version: String,
    dependencies: Vec<String>,
}

/// The lock file's packages by name (a name locked at several versions has several entries).
fn read_lock() -> BTreeMap<String, Vec<Locked>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../Cargo.lock");
    let text = std::fs::read_to_string(&path).expect("the workspace's Cargo.lock");
    let mut packages: BTreeMap<String, Vec<Locked>> = BTreeMap::new();
    for block in text.split("[[package]]").skip(1) {
        let field = |key: &str| {
            block
                .lines()
                .find_map(|line| line.strip_prefix(&format!("{key} = ")))
                .map(|value| value.trim_matches('"').to_string())
        };
        let name = field("name").expect("every package has a name");
        let version = field("version").expect("every package has a version");
        let dependencies = block
            .split_once("dependencies = [")
            .map(|(_, rest)| {
                rest.split(']')
                    .next()
                    .unwrap_or_default()
                    .lines()
                    .map(|line| line.trim().trim_end_matches(',').trim_matches('"').to_string())
                    .filter(|line| !line.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        packages.entry(name).or_default().push(Locked { version, dependencies });
    }
    packages
}

/// Every package `root` depends on, directly or not, each with the chain that brings it in.
fn dependency_tree(packages: &BTreeMap<String, Vec<Locked>>, root: &str) -> BTreeMap<String, String> {
    let mut chains: BTreeMap<String, String> = BTreeMap::new();
    let mut queue = vec![(root.to_string(), None::<String>, root.to_string())];
    let mut seen = BTreeSet::new();
    while let Some((name, version, chain)) = queue.pop() {
        let Some(entries) = packages.get(&name) else { continue };
        for entry in entries {
            if version.as_ref().is_some_and(|v| v != &entry.version)
                || !seen.insert((name.clone(), entry.version.clone()))
            {
                continue;
            }
            for dependency in &entry.dependencies {
                let mut words = dependency.split(' ');
                let dep_name = words.next().unwrap_or_default().to_string();
                let dep_version = words.next().map(str::to_string);
                let dep_chain = format!("{chain} → {dep_name}");
                chains.entry(dep_name.clone()).or_insert_with(|| dep_chain.clone());
                queue.push((dep_name, dep_version, dep_chain));
            }
        }
    }
    chains
}

fn is_shell_only(name: &str) -> bool {
    SHELL_ONLY.iter().any(|banned| {
        name == *banned
            || name
                .strip_prefix(banned)
                .is_some_and(|rest| rest.starts_with('_') || rest.starts_with('-'))
    })
}

fn shell_packages_under(root: &str) -> Vec<String> {
    dependency_tree(&read_lock(), root)
        .into_iter()
        .filter(|(name, _)| is_shell_only(name))
        .map(|(_, chain)| chain)
        .collect()
}

#[test]
fn the_core_depends_on_no_engine_window_or_network_transport() {
    let found = shell_packages_under("tradetable-core");
    assert!(
        found.is_empty(),
        "the core depends on the shell's packages:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_walk_finds_the_engine_under_the_game() {
    // The same walk from the game's own package must find Bevy, or the test above proves nothing.
    let found = shell_packages_under("tradetable");
    assert!(found.iter().any(|chain| chain.ends_with("→ bevy")), "{found:?}");
    assert!(dependency_tree(&read_lock(), "tradetable").contains_key("tradetable-core"));
}

#[test]
fn shell_names_are_matched_whole_or_by_prefix() {
    assert!(is_shell_only("bevy_ecs"));
    assert!(is_shell_only("wgpu-core"));
    assert!(is_shell_only("bevy"));
    assert!(!is_shell_only("ashes"));
    assert!(!is_shell_only("serde"));
    assert!(!is_shell_only("clapper"));
}

//! The game's files import one way: no two files of `src/game` import each other, directly or round a loop; the
//! session, the hub the features build on, imports no screen, menu, panel or autoplay; and navigation, through which
//! every screen names its state, imports nothing of the game. This test reads `src/game`, resolves every
//! `crate::game::…`, `super::…` and `self::…` path, and every path into a module's own children, to the file it
//! names, and fails naming the files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A module of the game, by its path below `game` (`["screens", "title"]`; the game's own `mod.rs` is `[]`).
type Module = Vec<String>;

/// Every file of `src/game`, by module, with its code (comments removed).
fn game_files() -> BTreeMap<Module, String> {
    let mut files = BTreeMap::new();
    read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/game"), &[], &mut files);
    files
}

fn read_dir(dir: &Path, module: &[String], files: &mut BTreeMap<Module, String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let mut inner = module.to_vec();
        if path.is_dir() {
            inner.push(name);
            read_dir(&path, &inner, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            if name != "mod" {
                inner.push(name);
            }
            files.insert(inner, code_only(&std::fs::read_to_string(&path).unwrap()));
        }
    }
}

/// The code without its comments, so that a doc link is not an import, and without its unit tests (at the end of a
/// file, where their `super` is the file itself).
fn code_only(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or(text);
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths of a `use` tree, with its braces expanded: `super::{a::B, c}` is `super::a::B` and `super::c`.
fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    match tree.find('{') {
        Some(open) => {
            let head = &tree[..open];
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(&format!("{prefix}{head}"), &inner[start..i], out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            expand(&format!("{prefix}{head}"), &inner[start..], out);
        }
        None if !tree.is_empty() => out.push(format!("{prefix}{}", tree.split(" as ").next().unwrap_or(tree))),
        None => {}
    }
}

/// Every path in `code` that may name another module: the `use` trees, and in the rest of the code each run of
/// `word::word…` that starts with `crate`, `super`, `self` or a child module of `module`.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for statement in code.split(';') {
        let statement = statement.trim_start();
        let tree = statement
            .strip_prefix("pub use ")
            .or_else(|| statement.strip_prefix("pub(crate) use "))
            .or_else(|| statement.strip_prefix("use "));
        if let Some(tree) = tree {
            expand("", tree, &mut out);
        }
    }
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts = (chars[i].is_alphabetic() || chars[i] == '_')
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_' || chars[i - 1] == ':'));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_' || chars[j] == ':') {
            j += 1;
        }
        let path: String = chars[i..j].iter().collect();
        if path.contains("::") {
            out.push(path.trim_end_matches(':').to_string());
        }
        i = j;
    }
    out
}

/// The module a path in `module` names, if it is another module of the game.
fn resolve(module: &Module, path: &str, modules: &BTreeSet<Module>) -> Option<Module> {
    let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let (mut base, rest) = match segments.first().copied()? {
        "crate" if segments.get(1) == Some(&"game") => (Vec::new(), &segments[2..]),
        "crate" => return None,
        "super" => {
            let mut base = module.clone();
            let supers = segments.iter().take_while(|s| **s == "super").count();
            for _ in 0..supers {
                base.pop()?;
            }
            (base, &segments[supers..])
        }
        "self" => (module.clone(), &segments[1..]),
        first => {
            let mut child = module.clone();
            child.push(first.to_string());
            if !modules.contains(&child) {
                return None;
            }
            (module.clone(), &segments[..])
        }
    };
    let mut found = base.clone();
    for segment in rest {
        base.push(segment.to_string());
        if modules.contains(&base) {
            found = base.clone();
        } else {
            break;
        }
    }
    (found != *module).then_some(found)
}

/// Which modules each module of the game imports.
fn imports() -> BTreeMap<Module, BTreeSet<Module>> {
    let files = game_files();
    let modules: BTreeSet<Module> = files.keys().cloned().collect();
    files
        .iter()
        .map(|(module, code)| {
            let named = paths(code)
                .iter()
                .filter_map(|path| resolve(module, path, &modules))
                .collect();
            (module.clone(), named)
        })
        .collect()
}

fn name(module: &Module) -> String {
    if module.is_empty() {
        "game".to_string()
    } else {
        format!("game::{}", module.join("::"))
    }
}

/// A loop of imports through `from`, if there is one.
fn loop_through(from: &Module, graph: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    let mut stack = vec![vec![from.clone()]];
    let mut seen = BTreeSet::new();
    while let Some(trail) = stack.pop() {
        let last = trail.last()?.clone();
        for next in graph.get(&last).into_iter().flatten() {
            if next == from {
                return Some(trail.clone());
            }
            if seen.insert(next.clone()) {
                let mut longer = trail.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

#[test]
fn no_two_files_of_the_game_import_each_other_even_round_a_loop() {
    let graph = imports();
    assert!(graph.len() > 40, "the game's files were not found: {}", graph.len());
    let loops: Vec<String> = graph
        .keys()
        .filter_map(|module| loop_through(module, &graph))
        .map(|trail| trail.iter().map(name).collect::<Vec<_>>().join(" -> "))
        .collect();
    assert!(loops.is_empty(), "imports in a loop:\n{}", loops.join("\n"));
}

#[test]
fn the_session_imports_no_screen_menu_panel_or_autoplay() {
    let features = [
        "screens",
        "menus",
        "panels",
        "autoplay",
        "save_status",
        "hot_reload",
        "remote",
    ];
    let wrong: Vec<String> = imports()
        .iter()
        .filter(|(module, _)| module.first().is_some_and(|m| m == "session"))
        .flat_map(|(module, named)| {
            named
                .iter()
                .filter(|target| target.first().is_some_and(|t| features.contains(&t.as_str())))
                .map(move |target| format!("{} imports {}", name(module), name(target)))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn navigation_imports_nothing_of_the_game() {
    let graph = imports();
    let named = &graph[&vec!["navigation".to_string()]];
    assert!(
        named.is_empty(),
        "navigation imports {:?}",
        named.iter().map(name).collect::<Vec<_>>()
    );
}

#[test]
fn a_path_into_a_module_is_resolved_to_its_file_and_braces_are_expanded() {
    let modules: BTreeSet<Module> = [
        vec![],
        vec!["session".to_string()],
        vec!["session".to_string(), "game".to_string()],
    ]
    .into_iter()
    .collect();
    let session = vec!["session".to_string()];
    let game = vec!["session".to_string(), "game".to_string()];
    assert_eq!(resolve(&game, "super::game::Session", &modules), None, "itself");
    assert_eq!(
        resolve(&game, "super::super::session::Session", &modules),
        Some(session.clone())
    );
    assert_eq!(resolve(&session, "game::Session", &modules), Some(game.clone()));
    assert_eq!(
        resolve(&game, "crate::game::session::Thing", &modules),
        Some(session.clone())
    );
    assert_eq!(resolve(&game, "crate::net::Thing", &modules), None);
    let mut out = Vec::new();
    expand("", "super::{a::{B, C}, d as e}", &mut out);
    assert_eq!(out, ["super::a::B", "super::a::C", "super::d"]);
}

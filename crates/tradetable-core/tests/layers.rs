//! The core's folders are layers, and a file imports only from its own layer and the layers below it; no two files
//! import each other, directly or round a loop. This test reads the core's source, resolves every `crate::…`,
//! `super::…` and `self::…` path, and every path a folder's `mod.rs` starts with one of its files' names, to the file
//! that defines what it names, and fails on an upward import or a cycle, naming the files. A folder's `mod.rs` is a
//! file like the others: declaring and re-exporting its files is no import, but using them is, and so is their use
//! of anything it defines.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each layer and the layers it may import from (besides itself). `bargaining`, the general engine checked against
/// NegMAS, stands apart: it imports none of the game's layers, and none of them imports it.
const LAYERS: &[(&str, &[&str])] = &[
    ("scenario", &[]),
    ("model", &["scenario"]),
    ("rules", &["scenario", "model"]),
    ("ai", &["scenario", "model", "rules"]),
    ("analysis", &["scenario", "model", "rules", "ai"]),
    ("authoring", &["scenario", "model", "rules", "ai", "analysis"]),
    ("classroom", &["scenario", "model", "rules", "ai", "analysis"]),
    (
        "network",
        &["scenario", "model", "rules", "ai", "analysis", "authoring", "classroom"],
    ),
    ("bargaining", &[]),
];

/// The code of a Rust file with its comments, strings and character literals blanked out, so that only paths in
/// code are seen (a doc link or a message that names another layer is not an import).
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !is_ident(chars.get(i.wrapping_sub(1))) {
            // A raw string: r"…", r#"…"#, with as many hashes at the end as at the start.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|h| chars.get(j + 1 + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{1F600}') or a lifetime ('a): only the first is skipped.
            let close = if next == Some('\\') {
                (i + 2..chars.len().min(i + 12)).find(|&j| chars[j] == '\'')
            } else {
                (chars.get(i + 2) == Some(&'\'')).then_some(i + 2)
            };
            match close {
                Some(end) => {
                    out.push_str("' '");
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// A source file of the core: its module path (`["rules", "moves"]`) and its code.
struct SourceFile {
    path: PathBuf,
    module: Vec<String>,
    code: String,
}

fn source_files(dir: &Path, root: &Path, files: &mut Vec<SourceFile>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the core's source folder")
        .map(|e| e.expect("a folder entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            source_files(&path, root, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root).expect("under src");
            let mut module: Vec<String> = relative
                .with_extension("")
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if module.last().is_some_and(|m| m == "mod" || m == "lib") {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).expect("a source file");
            files.push(SourceFile {
                path: relative.to_path_buf(),
                module,
                code: code_only(&text),
            });
        }
    }
}

/// A path a file names, resolved from the crate root, with where it stands.
struct Reference {
    /// The path's named steps: `crate::rules::moves::Move` gives `["rules", "moves", "Move"]`.
    path: Vec<String>,
    /// The name it is re-exported under, when it stands in a `pub use` (or `pub(…) use`): a re-export, which a
    /// folder's `mod.rs` makes of its own files without using them.
    reexported_as: Option<String>,
}

/// Every path a file names, resolved from the crate root: `crate::rules::moves::Move` gives
/// `["rules", "moves", "Move"]`, and `super::moves` in `rules/state.rs` gives the same start; a path that starts
/// with `self::` or with the name of one of the file's own modules (`agent::Agent` in `ai/mod.rs`) is seen too.
/// Inline modules (`mod tests { … }`) are followed so that their `super` resolves as the compiler resolves it: in a
/// file's `#[cfg(test)] mod tests`, `use super::*` names the file itself, which is no import.
fn references(file: &SourceFile, modules: &BTreeSet<Module>) -> Vec<Reference> {
    let tokens = tokenize(&file.code);
    let mut found = Vec::new();
    // The inline modules open at this point, each with the brace depth at which it closes.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    // Whether the tokens are inside a `pub use … ;` statement.
    let mut in_reexport = false;
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i].as_str();
        let here: Vec<String> = file
            .module
            .iter()
            .cloned()
            .chain(inline.iter().map(|(name, _)| name.clone()))
            .collect();
        // Where a path starts, and the index of its first named step.
        let mut start: Option<(Vec<String>, usize)> = None;
        match token {
            "{" => depth += 1,
            "}" => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, at)| *at == depth) {
                    inline.pop();
                }
            }
            ";" => in_reexport = false,
            "use" if is_public(&tokens, i) => in_reexport = true,
            "mod" if tokens.get(i + 2).is_some_and(|t| t == "{") => {
                inline.push((tokens[i + 1].clone(), depth));
            }
            "crate" | "super" | "self" if tokens.get(i + 1).is_some_and(|t| t == "::") && !is_path_tail(&tokens, i) => {
                let mut base = here.clone();
                let mut j = i;
                if token == "crate" {
                    base.clear();
                    j += 2;
                } else if token == "self" {
                    j += 2;
                } else {
                    while tokens.get(j).is_some_and(|t| t == "super") && tokens.get(j + 1).is_some_and(|t| t == "::") {
                        base.pop();
                        j += 2;
                    }
                }
                start = Some((base, j));
            }
            name if is_name(name)
                && tokens.get(i + 1).is_some_and(|t| t == "::")
                && tokens.get(i + 2).is_some_and(|t| is_name(t) || t == "{" || t == "*")
                && !is_path_tail(&tokens, i)
                && !(i > 0 && tokens[i - 1] == ".") =>
            {
                // A bare path that starts with one of the file's own modules, seen from the innermost scope out
                // (a test module's `use super::*` brings the file's modules into it).
                let scope = (file.module.len()..=here.len())
                    .rev()
                    .map(|n| here[..n].to_vec())
                    .find(|scope| {
                        let mut child = scope.clone();
                        child.push(name.to_string());
                        modules.contains(&child)
                    });
                if let Some(scope) = scope {
                    start = Some((scope, i));
                }
            }
            _ => {}
        }
        if let Some((base, mut j)) = start {
            let reexport = in_reexport;
            let alias = |at: usize| -> Option<String> {
                (tokens.get(at).is_some_and(|t| t == "as"))
                    .then(|| tokens.get(at + 1).cloned())
                    .flatten()
            };
            // The path's named steps after the start; a `{…}` group is read one name deep per branch.
            let mut steps = base;
            while let Some(step) = tokens.get(j) {
                if step == "{" {
                    let mut k = j + 1;
                    while let Some(t) = tokens.get(k) {
                        if t == "}" {
                            break;
                        }
                        if is_name(t) && tokens.get(k.wrapping_sub(1)).is_some_and(|p| p == "{" || p == ",") {
                            let mut branch = steps.clone();
                            branch.push(t.clone());
                            let mut last = k;
                            if tokens.get(k + 1).is_some_and(|n| n == "::")
                                && let Some(deeper) = tokens.get(k + 2).filter(|d| is_name(d))
                            {
                                branch.push(deeper.clone());
                                last = k + 2;
                            }
                            let name = alias(last + 1).or_else(|| branch.last().cloned());
                            found.push(Reference {
                                path: branch,
                                reexported_as: name.filter(|_| reexport),
                            });
                        }
                        k += 1;
                    }
                    steps.clear();
                    break;
                }
                if !is_name(step) {
                    break;
                }
                steps.push(step.clone());
                if tokens.get(j + 1).is_some_and(|t| t == "::") {
                    j += 2;
                } else {
                    break;
                }
            }
            if !steps.is_empty() {
                let name = alias(j + 1).or_else(|| steps.last().cloned());
                found.push(Reference {
                    path: steps,
                    reexported_as: name.filter(|_| reexport),
                });
            }
            i = j;
        }
        i += 1;
    }
    found
}

/// Whether the `use` at `i` is public (`pub use`, `pub(super) use`): a re-export.
fn is_public(tokens: &[String], i: usize) -> bool {
    match tokens.get(i.wrapping_sub(1)).map(String::as_str) {
        Some("pub") => true,
        Some(")") => (0..i)
            .rev()
            .find(|&k| tokens[k] == "(")
            .is_some_and(|k| k > 0 && tokens[k - 1] == "pub"),
        _ => false,
    }
}

/// Whether the path start at `i` follows a `::` (as in `$crate::…`, or a path that merely ends in it).
fn is_path_tail(tokens: &[String], i: usize) -> bool {
    i > 0 && tokens[i - 1] == "::"
}

fn is_name(token: &str) -> bool {
    token.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_') && token != "self" && token != "super"
}

fn tokenize(code: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            tokens.push(chars[start..i].iter().collect());
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            tokens.push("::".to_string());
            i += 2;
        } else {
            if !c.is_whitespace() {
                tokens.push(c.to_string());
            }
            i += 1;
        }
    }
    tokens
}

/// A module path from the crate root: `["rules", "moves"]`.
type Module = Vec<String>;

/// Each file's module, with the modules it imports.
type Graph = BTreeMap<Module, BTreeSet<Module>>;

/// The core's files, read from its source folder, with the files each one imports.
fn file_graph() -> (Vec<SourceFile>, Graph) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&root, &root, &mut files);
    let graph = graph_of(&files);
    (files, graph)
}

/// The files each file imports, keyed by module path. A folder's `mod.rs` is a file like any other: its `mod`
/// declarations and its `pub use` re-exports of its own files are not imports, but any other use of one of its files
/// is, and so is a file's use of an item `mod.rs` defines, so the two cannot import each other unseen. A path through
/// a folder's re-export (`super::Negotiator`, `crate::ai::Strategy`) is an import of the file that defines the item.
/// An import through the crate root's re-exports (`crate::Scenario`) is kept as the empty path: it hides which layer
/// it comes from.
fn graph_of(files: &[SourceFile]) -> Graph {
    let modules: BTreeSet<Module> = files.iter().map(|f| f.module.clone()).collect();
    let references: BTreeMap<&Module, Vec<Reference>> = files
        .iter()
        .map(|file| (&file.module, references(file, &modules)))
        .collect();
    // What each folder re-exports, by the name it is re-exported under (the crate root's are left out, above).
    let mut reexports: BTreeMap<Module, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for (module, found) in &references {
        for reference in found.iter().filter(|_| !module.is_empty()) {
            if let Some(name) = &reference.reexported_as {
                reexports
                    .entry((*module).clone())
                    .or_default()
                    .insert(name.clone(), reference.path.clone());
            }
        }
    }
    let mut graph = BTreeMap::new();
    for file in files {
        let mut imports = BTreeSet::new();
        for reference in &references[&file.module] {
            let Some(target) = defining_module(&reference.path, &modules, &reexports) else {
                continue;
            };
            let own_file = target.len() > file.module.len() && target.starts_with(&file.module);
            if target != file.module && !(reference.reexported_as.is_some() && own_file) {
                imports.insert(target);
            }
        }
        graph.insert(file.module.clone(), imports);
    }
    graph
}

/// The deepest module of the core a path names, `rules::moves::Move` being the file `rules/moves.rs`, followed
/// through folders' re-exports to the file that defines the item (`ai::Strategy` is `ai/strategy.rs`).
fn defining_module(
    path: &[String],
    modules: &BTreeSet<Module>,
    reexports: &BTreeMap<Module, BTreeMap<String, Vec<String>>>,
) -> Option<Module> {
    let deepest = |path: &[String]| {
        (0..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|prefix| modules.contains(prefix))
    };
    let mut path = path.to_vec();
    // A re-export of a re-export is followed too, a few steps at most (a loop of re-exports does not compile).
    for _ in 0..8 {
        let module = deepest(&path)?;
        let Some(target) = path
            .get(module.len())
            .and_then(|name| reexports.get(&module)?.get(name))
            .filter(|target| **target != path[..=module.len()])
        else {
            return Some(module);
        };
        path = target.iter().chain(&path[module.len() + 1..]).cloned().collect();
    }
    deepest(&path)
}

/// Every loop of imports in the graph, each as the files round it, the first named again at the end.
fn cycles_in(graph: &Graph, files: &[SourceFile]) -> Vec<String> {
    let file_of: BTreeMap<&Module, String> = files
        .iter()
        .map(|f| (&f.module, f.path.display().to_string()))
        .collect();
    let mut cycles = Vec::new();
    // A depth-first search from every file; a file met again on the current path closes a loop.
    fn visit(
        module: &Module,
        graph: &Graph,
        path: &mut Vec<Module>,
        done: &mut BTreeSet<Module>,
        cycles: &mut Vec<Vec<Module>>,
    ) {
        if let Some(at) = path.iter().position(|m| m == module) {
            cycles.push(path[at..].iter().chain([module]).cloned().collect());
            return;
        }
        if done.contains(module) {
            return;
        }
        path.push(module.clone());
        for next in graph.get(module).into_iter().flatten().filter(|next| !next.is_empty()) {
            visit(next, graph, path, done, cycles);
        }
        path.pop();
        done.insert(module.clone());
    }
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        visit(module, graph, &mut Vec::new(), &mut done, &mut cycles);
    }
    cycles
        .iter()
        .map(|cycle| {
            let names: Vec<&str> = cycle
                .iter()
                .map(|m| file_of.get(m).map_or("?", String::as_str))
                .collect();
            names.join(" → ")
        })
        .collect()
}

fn layer_of(module: &[String]) -> &str {
    module.first().map_or("the crate root", String::as_str)
}

#[test]
fn every_folder_of_the_core_is_a_known_layer() {
    let (files, _) = file_graph();
    let known: BTreeSet<&str> = LAYERS.iter().map(|(layer, _)| *layer).collect();
    for file in &files {
        if file.module.is_empty() {
            continue;
        }
        assert!(
            known.contains(layer_of(&file.module)),
            "{}: a folder this test does not know as a layer; add it to LAYERS in its place",
            file.path.display()
        );
    }
}

#[test]
fn no_file_imports_from_a_layer_above_its_own() {
    let (files, graph) = file_graph();
    let allowed: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let mut upward = Vec::new();
    for file in &files {
        if file.module.is_empty() {
            // The crate root re-exports the most used types; it sits above every layer.
            continue;
        }
        let layer = layer_of(&file.module);
        for target in &graph[&file.module] {
            if target.is_empty() {
                upward.push(format!(
                    "{}: imports through the crate root's re-exports; name the layer (`crate::scenario::…`)",
                    file.path.display()
                ));
                continue;
            }
            let to = layer_of(target);
            if to != layer && !allowed.get(layer).is_some_and(|below| below.contains(&to)) {
                upward.push(format!(
                    "{}: imports {} ({to} is not below {layer})",
                    file.path.display(),
                    target.join("::")
                ));
            }
        }
    }
    assert!(upward.is_empty(), "imports against the layers:\n{}", upward.join("\n"));
}

#[test]
fn no_files_import_each_other_round_a_loop() {
    let (files, graph) = file_graph();
    let cycles = cycles_in(&graph, &files);
    assert!(
        cycles.is_empty(),
        "files that import each other (a folder's mod.rs counts as a file: its `mod` lines and `pub use` re-exports \
         are not imports, but any other use of a file in its folder is, and so is a file's use of what mod.rs \
         defines; move what both use into a file of its own):\n{}",
        cycles.join("\n")
    );
}

#[test]
fn the_scanner_sees_an_upward_import_and_ignores_comments_and_strings() {
    let file = SourceFile {
        path: PathBuf::from("model/example.rs"),
        module: vec!["model".to_string(), "example".to_string()],
        code: code_only(
            "//! Names `crate::ai::play` in a comment.\n\
             use crate::rules::moves::Move;\n\
             use super::{economy::Policy, politics};\n\
             const TEXT: &str = \"crate::network::host\";\n\
             mod tests { use super::super::backtest; }\n",
        ),
    };
    let modules = BTreeSet::new();
    let found: BTreeSet<String> = references(&file, &modules).iter().map(|r| r.path.join("::")).collect();
    let expected: BTreeSet<String> = [
        "rules::moves::Move",
        "model::economy::Policy",
        "model::politics",
        "model::backtest",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(found, expected);
}

/// A file of a made-up folder, for the tests of the graph.
fn made_up(path: &str, code: &str) -> SourceFile {
    let mut module: Vec<String> = path.trim_end_matches(".rs").split('/').map(String::from).collect();
    if module.last().is_some_and(|m| m == "mod" || m == "lib") {
        module.pop();
    }
    SourceFile {
        path: PathBuf::from(path),
        module,
        code: code_only(code),
    }
}

#[test]
fn a_folder_module_and_its_files_that_use_each_other_are_a_loop() {
    // `mod.rs` defines the trait its file uses, and uses that file's agent itself.
    let files = [
        made_up("lib.rs", "pub mod ai;\npub use ai::Negotiator;\n"),
        made_up(
            "ai/mod.rs",
            "pub mod agent;\nuse agent::Agent;\npub trait Negotiator {}\npub fn opponent() -> Agent { todo!() }\n",
        ),
        made_up(
            "ai/agent.rs",
            "use super::Negotiator;\npub struct Agent;\nimpl Negotiator for Agent {}\n",
        ),
    ];
    let graph = graph_of(&files);
    assert_eq!(
        cycles_in(&graph, &files),
        ["ai/mod.rs → ai/agent.rs → ai/mod.rs"],
        "{graph:?}"
    );
}

#[test]
fn a_folder_module_that_only_declares_and_re_exports_imports_nothing() {
    let files = [
        made_up("lib.rs", "pub mod ai;\n"),
        made_up(
            "ai/mod.rs",
            "pub mod agent;\npub mod negotiator;\nmod build;\npub use agent::Agent;\npub use negotiator::Negotiator;\n\
             pub(crate) use build::{opponent as make_opponent, Built};\n\
             #[cfg(test)]\nmod tests {\n    use super::*;\n    use super::agent::Agent;\n}\n",
        ),
        made_up("ai/negotiator.rs", "pub trait Negotiator {}\n"),
        made_up(
            "ai/agent.rs",
            "use super::Negotiator;\npub struct Agent;\nimpl Negotiator for Agent {}\n\
             #[cfg(test)]\nmod tests {\n    use super::*;\n}\n",
        ),
        made_up(
            "ai/build.rs",
            "use crate::ai::Agent;\npub fn opponent() -> Agent { todo!() }\npub struct Built;\n",
        ),
    ];
    let graph = graph_of(&files);
    let imports = |module: &[&str]| -> Vec<String> {
        let module: Module = module.iter().map(|m| m.to_string()).collect();
        graph[&module].iter().map(|m| m.join("::")).collect()
    };
    // The re-exports are no imports, but the test module's use of a file of the folder is.
    assert_eq!(imports(&["ai"]), ["ai::agent"]);
    // A path through a re-export is an import of the file that defines the item; `use super::*` in a test module
    // names the file itself.
    assert_eq!(imports(&["ai", "agent"]), ["ai::negotiator"]);
    assert_eq!(imports(&["ai", "build"]), ["ai::agent"]);
    assert!(imports(&[]).is_empty());
    assert!(cycles_in(&graph, &files).is_empty(), "{graph:?}");
}

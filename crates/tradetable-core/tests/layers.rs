//! The core's folders are layers, and a file imports only from its own layer and the layers below it; no two files
//! import each other, directly or round a loop. This test reads the core's source, resolves every `crate::…` and
//! `super::…` path to the file it names, and fails on an upward import or a cycle, naming the file and the path.

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

/// Every module path a file refers to, resolved from the crate root: `crate::rules::moves::Move` gives
/// `["rules", "moves", "Move"]`, and `super::moves` in `rules/state.rs` gives the same start. Inline modules
/// (`mod tests { … }`) are followed so that their `super` resolves as the compiler resolves it.
fn references(file: &SourceFile) -> Vec<Vec<String>> {
    let tokens = tokenize(&file.code);
    let mut found = Vec::new();
    // The inline modules open at this point, each with the brace depth at which it closes.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i].as_str();
        match token {
            "{" => depth += 1,
            "}" => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, at)| *at == depth) {
                    inline.pop();
                }
            }
            "mod" if tokens.get(i + 2).is_some_and(|t| t == "{") => {
                inline.push((tokens[i + 1].clone(), depth));
            }
            "crate" | "super" if tokens.get(i + 1).is_some_and(|t| t == "::") && !is_path_tail(&tokens, i) => {
                let mut here: Vec<String> = file.module.clone();
                here.extend(inline.iter().map(|(name, _)| name.clone()));
                let mut j = i;
                if token == "crate" {
                    here.clear();
                    j += 2;
                } else {
                    while tokens.get(j).is_some_and(|t| t == "super") && tokens.get(j + 1).is_some_and(|t| t == "::") {
                        here.pop();
                        j += 2;
                    }
                }
                // The path's named steps after the start; a `{…}` group is read one name deep per branch.
                let mut steps = here;
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
                                if tokens.get(k + 1).is_some_and(|n| n == "::")
                                    && let Some(deeper) = tokens.get(k + 2).filter(|d| is_name(d))
                                {
                                    branch.push(deeper.clone());
                                }
                                found.push(branch);
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
                    found.push(steps);
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// Whether the `crate`/`super` at `i` follows a `::` (as in `$crate::…`, or a path that merely ends in it).
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

/// The core's files, keyed by module path, with the files each one imports. An import through the crate root's
/// re-exports (`crate::Scenario`) is kept as the empty path: it hides which layer it comes from.
fn file_graph() -> (Vec<SourceFile>, Graph) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&root, &root, &mut files);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| f.module.clone()).collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let mut imports = BTreeSet::new();
        for reference in references(file) {
            // The deepest module of the core the path names: `rules::moves::Move` is the file `rules/moves.rs`.
            let target = (0..=reference.len())
                .rev()
                .map(|n| reference[..n].to_vec())
                .find(|prefix| modules.contains(prefix));
            // A file's own folder module (`ai/mod.rs` for `ai/agent.rs`) is its parent, which declares it, not a
            // peer: their uses of each other are not imports between files.
            if let Some(target) = target
                && target != file.module
                && (target.is_empty() || !file.module.starts_with(&target))
                && !(file.module.is_empty() || target.starts_with(&file.module))
            {
                imports.insert(target);
            }
        }
        graph.insert(file.module.clone(), imports);
    }
    (files, graph)
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
    let (_, graph) = file_graph();
    let mut cycles = Vec::new();
    // A depth-first search from every file; a file met again on the current path closes a loop.
    fn visit(
        module: &Module,
        graph: &Graph,
        path: &mut Vec<Module>,
        done: &mut BTreeSet<Module>,
        cycles: &mut Vec<String>,
    ) {
        if let Some(at) = path.iter().position(|m| m == module) {
            let names: Vec<String> = path[at..].iter().chain([module]).map(|m| m.join("::")).collect();
            cycles.push(names.join(" → "));
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
        visit(module, &graph, &mut Vec::new(), &mut done, &mut cycles);
    }
    assert!(
        cycles.is_empty(),
        "files that import each other:\n{}",
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
    let found: BTreeSet<String> = references(&file).iter().map(|r| r.join("::")).collect();
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

//! Finds where a value sits in a RON text, so a semantic error can name the line and column of the value at fault.
//!
//! `ron` reports positions for syntax and type errors, but once a file has been deserialised the positions are gone.
//! This is a small, forgiving reader of RON's structure (structs, tuples, lists, maps, scalars) that keeps the start
//! position of every value; validation asks it for the position of a field path such as `sectors[3].us_imports_bn`.

use std::fmt;

/// A 1-based line and column in a text, as editors count them (columns in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Position {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number in characters, starting at 1.
    pub col: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// One step of a path into a RON document: a struct field or map key, or a list index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathStep {
    /// A named field of a struct, or a string key of a map.
    Field(String),
    /// A position in a list or tuple.
    Index(usize),
}

/// A path into a RON document, written like `sectors[3].us_imports_bn`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldPath(pub Vec<PathStep>);

impl FieldPath {
    /// The path of the document itself.
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// This path followed by a field.
    pub fn field(&self, name: &str) -> Self {
        let mut steps = self.0.clone();
        steps.push(PathStep::Field(name.to_string()));
        Self(steps)
    }

    /// This path followed by a list index.
    pub fn index(&self, index: usize) -> Self {
        let mut steps = self.0.clone();
        steps.push(PathStep::Index(index));
        Self(steps)
    }

    /// Reads a path as [`Display`](fmt::Display) writes it (`objectives.us[2].source`); `None` if it is not one.
    pub fn parse(text: &str) -> Option<Self> {
        let mut path = Self::root();
        for part in text.split('.').filter(|p| !p.is_empty()) {
            let (name, indices) = part.split_once('[').map_or((part, ""), |(n, rest)| (n, rest));
            if !name.is_empty() {
                path = path.field(name);
            }
            if !indices.is_empty() {
                for index in indices.trim_end_matches(']').split("][") {
                    path = path.index(index.parse().ok()?);
                }
            }
        }
        Some(path)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, step) in self.0.iter().enumerate() {
            match step {
                PathStep::Field(name) if n == 0 => write!(f, "{name}")?,
                PathStep::Field(name) => write!(f, ".{name}")?,
                PathStep::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

#[derive(Debug)]
enum NodeKind {
    /// `Name(a: 1, b: 2)`, `(a: 1)`, `Name(1, 2)` or `Some(x)`: fields may be named or positional.
    Struct(Vec<(Option<String>, Node)>),
    List(Vec<Node>),
    Map(Vec<(Node, Node)>),
    Scalar(String),
}

#[derive(Debug)]
struct Node {
    start: Position,
    kind: NodeKind,
}

/// The value positions of one RON document.
#[derive(Debug)]
pub struct SpanIndex {
    root: Option<Node>,
}

impl SpanIndex {
    /// Reads the structure of `text`; if the text is not well-formed the index is empty and every lookup fails.
    pub fn new(text: &str) -> Self {
        let mut reader = Reader::new(text);
        reader.skip_attributes();
        let root = reader.value(0);
        Self { root }
    }

    /// Where the value at `path` starts, if the path exists in the text.
    pub fn locate(&self, path: &FieldPath) -> Option<Position> {
        let mut node = self.root.as_ref()?;
        for step in &path.0 {
            node = child(node, step)?;
        }
        Some(node.start)
    }

    /// Where the value at `path` starts, or failing that, where its nearest existing ancestor starts.
    pub fn locate_nearest(&self, path: &FieldPath) -> Option<Position> {
        let mut node = self.root.as_ref()?;
        for step in &path.0 {
            match child(node, step) {
                Some(next) => node = next,
                None => break,
            }
        }
        Some(node.start)
    }
}

fn child<'a>(node: &'a Node, step: &PathStep) -> Option<&'a Node> {
    match (&node.kind, step) {
        (NodeKind::Struct(fields), PathStep::Field(name)) => {
            if let Some((_, found)) = fields.iter().find(|(n, _)| n.as_deref() == Some(name.as_str())) {
                return Some(found);
            }
            // `Some(x)` and newtype wrappers: look through a single positional value.
            match fields.as_slice() {
                [(None, inner)] => child(inner, step),
                _ => None,
            }
        }
        (NodeKind::Struct(fields), PathStep::Index(i)) => fields.get(*i).map(|(_, n)| n),
        (NodeKind::List(items), PathStep::Index(i)) => items.get(*i),
        (NodeKind::Map(entries), PathStep::Field(name)) => entries
            .iter()
            .find(|(k, _)| matches!(&k.kind, NodeKind::Scalar(s) if unquote(s) == name.as_str()))
            .map(|(_, v)| v),
        _ => None,
    }
}

fn unquote(s: &str) -> &str {
    s.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(s)
}

/// Deep nesting is refused rather than risking the stack on hostile input.
const MAX_DEPTH: usize = 64;

struct Reader<'t> {
    chars: Vec<char>,
    at: usize,
    line: usize,
    col: usize,
    _text: std::marker::PhantomData<&'t str>,
}

impl<'t> Reader<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            chars: text.chars().collect(),
            at: 0,
            line: 1,
            col: 1,
            _text: std::marker::PhantomData,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn position(&self) -> Position {
        Position {
            line: self.line,
            col: self.col,
        }
    }

    fn skip_trivia(&mut self) {
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => {
                    self.bump();
                }
                Some('/') if self.chars.get(self.at + 1) == Some(&'/') => {
                    while let Some(c) = self.bump() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                Some('/') if self.chars.get(self.at + 1) == Some(&'*') => {
                    self.bump();
                    self.bump();
                    while let Some(c) = self.bump() {
                        if c == '*' && self.peek() == Some('/') {
                            self.bump();
                            break;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn skip_attributes(&mut self) {
        loop {
            self.skip_trivia();
            if self.peek() == Some('#') {
                let mut depth = 0usize;
                while let Some(c) = self.bump() {
                    match c {
                        '[' => depth += 1,
                        ']' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
            } else {
                return;
            }
        }
    }

    fn eat(&mut self, expected: char) -> bool {
        self.skip_trivia();
        if self.peek() == Some(expected) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_trivia();
        let start = self.position();
        let c = self.peek()?;
        let kind = match c {
            '(' => NodeKind::Struct(self.struct_body(depth)?),
            '[' => {
                self.bump();
                let mut items = Vec::new();
                loop {
                    if self.eat(']') {
                        break;
                    }
                    items.push(self.value(depth + 1)?);
                    if !self.eat(',') {
                        if self.eat(']') {
                            break;
                        }
                        return None;
                    }
                }
                NodeKind::List(items)
            }
            '{' => {
                self.bump();
                let mut entries = Vec::new();
                loop {
                    if self.eat('}') {
                        break;
                    }
                    let key = self.value(depth + 1)?;
                    if !self.eat(':') {
                        return None;
                    }
                    let value = self.value(depth + 1)?;
                    entries.push((key, value));
                    if !self.eat(',') {
                        if self.eat('}') {
                            break;
                        }
                        return None;
                    }
                }
                NodeKind::Map(entries)
            }
            '"' => NodeKind::Scalar(self.string()?),
            '\'' => {
                self.bump();
                let mut s = String::new();
                while let Some(c) = self.bump() {
                    if c == '\\' {
                        self.bump();
                    } else if c == '\'' {
                        break;
                    }
                    s.push(c);
                }
                NodeKind::Scalar(s)
            }
            _ => {
                let word = self.word();
                if word.is_empty() {
                    return None;
                }
                self.skip_trivia();
                if self.peek() == Some('(') {
                    // A named struct, tuple struct or enum variant: the name is not a path step.
                    NodeKind::Struct(self.struct_body(depth)?)
                } else {
                    NodeKind::Scalar(word)
                }
            }
        };
        Some(Node { start, kind })
    }

    fn struct_body(&mut self, depth: usize) -> Option<Vec<(Option<String>, Node)>> {
        self.bump(); // '('
        let mut fields = Vec::new();
        loop {
            if self.eat(')') {
                break;
            }
            self.skip_trivia();
            let save = (self.at, self.line, self.col);
            let word = self.word();
            let named = !word.is_empty() && {
                self.skip_trivia();
                self.peek() == Some(':')
            };
            if named {
                self.bump(); // ':'
                let value = self.value(depth + 1)?;
                fields.push((Some(word), value));
            } else {
                (self.at, self.line, self.col) = save;
                let value = self.value(depth + 1)?;
                fields.push((None, value));
            }
            if !self.eat(',') {
                if self.eat(')') {
                    break;
                }
                return None;
            }
        }
        Some(fields)
    }

    fn word(&mut self) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '+') {
                s.push(c);
                self.bump();
            } else {
                break;
            }
        }
        s
    }

    fn string(&mut self) -> Option<String> {
        let mut s = String::from('"');
        self.bump();
        loop {
            let c = self.bump()?;
            match c {
                '\\' => {
                    let escaped = self.bump()?;
                    s.push(escaped);
                }
                '"' => break,
                _ => s.push(c),
            }
        }
        s.push('"');
        Some(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"// a scenario
(
    id: "x",
    sectors: [
        (id: "autos", flows: 1.5),
        (
            id: "steel", // note
            flows: -2.0,
        ),
    ],
    terms: { "s232": 0.25 },
    effect: Purchase(sector: "energy"),
    deal: Some((round: 6)),
)
"#;

    #[test]
    fn locates_fields_list_items_and_map_keys() {
        let index = SpanIndex::new(TEXT);
        let steel_flows = FieldPath::root().field("sectors").index(1).field("flows");
        assert_eq!(index.locate(&steel_flows), Some(Position { line: 8, col: 20 }));
        let key = FieldPath::root().field("terms").field("s232");
        assert_eq!(index.locate(&key), Some(Position { line: 11, col: 22 }));
        let sector = FieldPath::root().field("effect").field("sector");
        assert_eq!(index.locate(&sector), Some(Position { line: 12, col: 30 }));
        let round = FieldPath::root().field("deal").field("round");
        assert_eq!(index.locate(&round), Some(Position { line: 13, col: 24 }));
    }

    #[test]
    fn a_missing_path_falls_back_to_its_nearest_ancestor() {
        let index = SpanIndex::new(TEXT);
        let missing = FieldPath::root().field("sectors").index(0).field("nope");
        assert_eq!(index.locate(&missing), None);
        assert_eq!(index.locate_nearest(&missing), Some(Position { line: 5, col: 9 }));
    }

    #[test]
    fn paths_print_like_rust_field_access() {
        let path = FieldPath::root().field("sectors").index(3).field("us_imports_bn");
        assert_eq!(path.to_string(), "sectors[3].us_imports_bn");
    }

    #[test]
    fn hostile_nesting_does_not_overflow_the_stack() {
        let text = "[".repeat(100_000);
        assert!(SpanIndex::new(&text).locate(&FieldPath::root()).is_none());
    }
}

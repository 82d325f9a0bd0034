//! A class: many tables playing the same game. The class file fixes the scenario (and the version of its text),
//! the seed, who sits in each seat and the injects switched on; each table gets a short code that carries all of it,
//! so a student types the code and gets exactly the game the teacher set, or a message saying why not.
//!
//! A table code is 64 bits written as 13 characters of Crockford's base32 (`XXXX-XXXX-XXXXX`, no I, L, O or U, case
//! and dashes ignored): 16 bits of the scenario's hash, the 24-bit seed, the table number (7 bits), the seats (4 bits),
//! the injects (5 bits, one per inject of the scenario) and an 8-bit check that catches typing mistakes.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use rand::rngs::ChaCha8Rng;
use rand::{RngExt as _, SeedableRng as _};

use crate::ai::agent::Agent;
use crate::ai::play::play_from;
use crate::ai::{Difficulty, Negotiator, Opponent, OpponentError, from_personality};
use crate::classroom::record::{GameRecord, ScenarioRef, Seat};
use crate::rules::negotiation::GameState;
use crate::scenario::schema::{BiddingStyle, MAX_INJECTS, PerSide, Personality, Scenario, Side};

/// What every class file says it is.
pub const CLASS_FORMAT: &str = "tradetable-class";

/// The version of the class file format.
/// Format 2 named the partner generically (`partner` for `japan`).
pub const CLASS_VERSION: u32 = 2;

/// The largest seed a table code can carry.
pub const MAX_CLASS_SEED: u64 = (1 << 24) - 1;

/// The most tables a class can have.
pub const MAX_TABLES: u32 = 127;

/// Who sits in one seat of every table of a class: people, or the computer at a difficulty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClassSeat {
    /// A team of students.
    People,
    /// The computer, at this difficulty.
    Computer(Difficulty),
}

impl ClassSeat {
    fn bits(self) -> u64 {
        match self {
            ClassSeat::People => 0,
            ClassSeat::Computer(Difficulty::Easy) => 1,
            ClassSeat::Computer(Difficulty::Normal) => 2,
            ClassSeat::Computer(Difficulty::Hard) => 3,
        }
    }

    fn from_bits(bits: u64) -> ClassSeat {
        match bits & 3 {
            0 => ClassSeat::People,
            1 => ClassSeat::Computer(Difficulty::Easy),
            2 => ClassSeat::Computer(Difficulty::Normal),
            _ => ClassSeat::Computer(Difficulty::Hard),
        }
    }

    /// The computer player, if the seat is the computer's.
    pub fn opponent(self) -> Option<Opponent> {
        match self {
            ClassSeat::People => None,
            ClassSeat::Computer(difficulty) => Some(Opponent::Difficulty(difficulty)),
        }
    }

    /// How the seat reads on the class sheet.
    pub fn label(self) -> String {
        match self {
            ClassSeat::People => "students".to_string(),
            ClassSeat::Computer(difficulty) => format!("the computer ({difficulty})"),
        }
    }

    /// Reads `people`, `easy`, `normal` or `hard`.
    pub fn parse(text: &str) -> Result<ClassSeat, ClassError> {
        match text {
            "people" | "students" => Ok(ClassSeat::People),
            other => other
                .parse::<Difficulty>()
                .map(ClassSeat::Computer)
                .map_err(|_| ClassError::UnknownSeat { seat: text.to_string() }),
        }
    }
}

/// What one table code says: everything needed to start that table's game.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCode {
    /// The first 16 bits of the scenario's hash.
    pub scenario_hash_prefix: u16,
    /// The seed of the random events (the same at every table of a class).
    pub seed: u64,
    /// The table's number, from 1.
    pub table: u32,
    /// Who sits in each seat.
    pub seats: PerSide<ClassSeat>,
    /// Which of the scenario's injects are on, one bit per inject in scenario order.
    pub injects: u8,
}

/// Why a class could not be made, read or rehearsed. Messages about a file name it, with the line and column
/// where the file says where.
#[derive(Debug, thiserror::Error)]
pub enum ClassError {
    /// A seat that is neither the students' nor a difficulty of the computer's.
    #[error("unknown seat \"{seat}\"; expected people, easy, normal or hard")]
    UnknownSeat {
        /// The seat as written.
        seat: String,
    },
    /// Too few or too many tables.
    #[error("a class has 1 to {MAX_TABLES} tables, not {tables}")]
    TableCount {
        /// The number asked for.
        tables: u32,
    },
    /// A seed a table code cannot carry.
    #[error("a class seed is at most {MAX_CLASS_SEED} (it must fit in a table code), not {seed}")]
    SeedTooLarge {
        /// The seed asked for.
        seed: u64,
    },
    /// An inject the scenario does not have.
    #[error("the scenario has no inject \"{id}\"; its injects are: {known}")]
    UnknownInject {
        /// The id asked for.
        id: String,
        /// The scenario's injects, or "none".
        known: String,
    },
    /// The file is not JSON, or not an object with a format and a version.
    #[error("{}:{}:{}: not a TradeTable class file: {source}", .path.display(), .source.line(), .source.column())]
    NotJson {
        /// The file.
        path: PathBuf,
        /// What the JSON reader found.
        source: serde_json::Error,
    },
    /// JSON that does not say it is a class file.
    #[error("{}: not a TradeTable class file (no \"format\": \"{CLASS_FORMAT}\")", .path.display())]
    NoFormat {
        /// The file.
        path: PathBuf,
    },
    /// A class file of another version of the format.
    #[error("{}: class file format {version:?} is not the one this version reads ({CLASS_VERSION})", .path.display())]
    OtherVersion {
        /// The file.
        path: PathBuf,
        /// The version it says it is, if any.
        version: Option<u32>,
    },
    /// A class file of this version whose content does not fit the format.
    #[error("{}:{}:{}: {source}", .path.display(), .source.line(), .source.column())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What the JSON reader found.
        source: serde_json::Error,
    },
    /// The class was made with another scenario, or another version of it.
    #[error("the class was made with \"{class_id}\" version {class_version}, not \"{id}\" version {version}")]
    OtherScenario {
        /// The class's scenario.
        class_id: String,
        /// The version of the class's scenario.
        class_version: String,
        /// The scenario given.
        id: String,
        /// Its version.
        version: String,
    },
    /// A table's code does not read.
    #[error(transparent)]
    Code(#[from] CodeError),
    /// A computer seat's player cannot be built.
    #[error(transparent)]
    Opponent(#[from] OpponentError),
    /// A table without a player in each seat.
    #[error("a table needs two players")]
    MissingPlayer,
}

/// Why a typed code does not open a table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// Not 13 characters of the code's alphabet.
    #[error("\"{0}\" is not a table code: a code is 13 letters and digits, like 7K3Q-M2XD-0ABCD")]
    Malformed(String),
    /// The check does not match: a character was mistyped.
    #[error("\"{0}\" has a typing mistake (its check does not match); please type it again")]
    Mistyped(String),
    /// The code is for a version of a scenario this computer does not have.
    #[error(
        "table code {code} is for a scenario this computer does not have, or a different version of it (version \
         {prefix:04x}); the scenarios here are: {available}. Ask the teacher for the class's scenario file."
    )]
    OtherScenario {
        /// The code.
        code: String,
        /// Its scenario's hash prefix.
        prefix: u16,
        /// The scenarios found, with their versions.
        available: String,
    },
    /// The code switches on an inject the scenario does not have.
    #[error("table code {0} switches on a class inject the scenario does not have")]
    UnknownInject(String),
}

const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn encoding() -> data_encoding::Encoding {
    let mut spec = data_encoding::Specification::new();
    spec.symbols.push_str(ALPHABET);
    // Crockford's base32 reads I and L as 1 and O as 0, in either case.
    spec.translate.from.push_str("abcdefghjkmnpqrstvwxyziloILO");
    spec.translate.to.push_str("ABCDEFGHJKMNPQRSTVWXYZ110110");
    spec.check_trailing_bits = false;
    spec.encoding().expect("a valid base32 specification")
}

fn check_byte(payload: u64) -> u8 {
    blake3::hash(&payload.to_be_bytes()).as_bytes()[0]
}

impl TableCode {
    fn bits(&self) -> u64 {
        let seat_bits = (self.seats.us.bits() << 2) | self.seats.partner.bits();
        (u64::from(self.scenario_hash_prefix) << 40)
            | ((self.seed & MAX_CLASS_SEED) << 16)
            | (u64::from(self.table & 0x7f) << 9)
            | (seat_bits << 5)
            | u64::from(self.injects & 0x1f)
    }

    /// The code as students type it: `XXXX-XXXX-XXXXX`.
    pub fn encode(&self) -> String {
        // 56 bits of payload and an 8-bit check make 64 bits: 13 symbols of base32.
        let payload = self.bits();
        let block = (payload << 8) | u64::from(check_byte(payload));
        let symbols = encoding().encode(&block.to_be_bytes());
        debug_assert_eq!(symbols.len(), CODE_SYMBOLS);
        format!("{}-{}-{}", &symbols[..4], &symbols[4..8], &symbols[8..])
    }

    /// Reads a typed code: case, dashes and spaces do not matter.
    pub fn decode(typed: &str) -> Result<TableCode, CodeError> {
        let cleaned: String = typed.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
        if cleaned.chars().count() != CODE_SYMBOLS {
            return Err(CodeError::Malformed(typed.trim().to_string()));
        }
        let bytes = encoding()
            .decode(cleaned.as_bytes())
            .map_err(|_| CodeError::Malformed(typed.trim().to_string()))?;
        let block = u64::from_be_bytes(
            bytes
                .try_into()
                .map_err(|_| CodeError::Malformed(typed.trim().to_string()))?,
        );
        let payload = block >> 8;
        if (block & 0xff) as u8 != check_byte(payload) || !Self::consistent(payload) {
            return Err(CodeError::Mistyped(typed.trim().to_string()));
        }
        Ok(TableCode {
            scenario_hash_prefix: (payload >> 40) as u16,
            seed: (payload >> 16) & MAX_CLASS_SEED,
            table: ((payload >> 9) & 0x7f) as u32,
            seats: PerSide::new(ClassSeat::from_bits(payload >> 7), ClassSeat::from_bits(payload >> 5)),
            injects: (payload & 0x1f) as u8,
        })
    }

    /// Table 0 does not exist: a typing mistake that lands there is caught.
    fn consistent(payload: u64) -> bool {
        (payload >> 9) & 0x7f != 0
    }

    /// The scenario among `candidates` this code was made for, or why none is.
    pub fn find_scenario<'a>(&self, candidates: &'a [Scenario]) -> Result<&'a Scenario, CodeError> {
        let found = candidates
            .iter()
            .find(|s| hash_prefix(&s.text_hash) == self.scenario_hash_prefix);
        let scenario = found.ok_or_else(|| CodeError::OtherScenario {
            code: self.encode(),
            prefix: self.scenario_hash_prefix,
            available: candidates
                .iter()
                .map(|s| format!("{} (version {:04x})", s.id, hash_prefix(&s.text_hash)))
                .collect::<Vec<_>>()
                .join(", "),
        })?;
        if usize::from(self.injects) >> scenario.injects.len() != 0 {
            return Err(CodeError::UnknownInject(self.encode()));
        }
        Ok(scenario)
    }

    /// The ids of the injects the code switches on, in `scenario`.
    pub fn inject_ids(&self, scenario: &Scenario) -> Vec<String> {
        scenario
            .injects
            .iter()
            .enumerate()
            .filter(|(k, _)| self.injects >> k & 1 == 1)
            .map(|(_, inject)| inject.id.clone())
            .collect()
    }
}

/// Symbols in a table code.
const CODE_SYMBOLS: usize = 13;

/// The first 16 bits of a hex hash.
pub fn hash_prefix(hash: &str) -> u16 {
    hash.get(..4).and_then(|h| u16::from_str_radix(h, 16).ok()).unwrap_or(0)
}

/// One table of a class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassTable {
    /// Its number, from 1.
    pub number: u32,
    /// Its code.
    pub code: String,
}

/// A class, as `tradetable class new` writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassFile {
    /// Always [`CLASS_FORMAT`].
    pub format: String,
    /// [`CLASS_VERSION`].
    pub version: u32,
    /// The scenario and its version.
    pub scenario: ScenarioRef,
    /// The seed every table plays.
    pub seed: u64,
    /// Who sits in each seat at every table.
    pub seats: PerSide<ClassSeat>,
    /// The injects switched on, by id.
    pub injects: Vec<String>,
    /// The tables and their codes.
    pub tables: Vec<ClassTable>,
    /// When the class was made, RFC 3339.
    pub created_at: String,
}

impl ClassFile {
    /// A class of `tables` tables on `scenario`, or why not.
    pub fn new(
        scenario: &Scenario,
        tables: u32,
        seed: u64,
        seats: PerSide<ClassSeat>,
        injects: &[String],
        created_at: String,
    ) -> Result<ClassFile, ClassError> {
        if !(1..=MAX_TABLES).contains(&tables) {
            return Err(ClassError::TableCount { tables });
        }
        if seed > MAX_CLASS_SEED {
            return Err(ClassError::SeedTooLarge { seed });
        }
        debug_assert!(scenario.injects.len() <= MAX_INJECTS);
        let mut mask = 0u8;
        for id in injects {
            let Some(k) = scenario.injects.iter().position(|i| &i.id == id) else {
                let known: Vec<&str> = scenario.injects.iter().map(|i| i.id.as_str()).collect();
                return Err(ClassError::UnknownInject {
                    id: id.clone(),
                    known: if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    },
                });
            };
            mask |= 1 << k;
        }
        let prefix = hash_prefix(&scenario.text_hash);
        let tables = (1..=tables)
            .map(|number| ClassTable {
                number,
                code: TableCode {
                    scenario_hash_prefix: prefix,
                    seed,
                    table: number,
                    seats,
                    injects: mask,
                }
                .encode(),
            })
            .collect();
        Ok(ClassFile {
            format: CLASS_FORMAT.to_string(),
            version: CLASS_VERSION,
            scenario: ScenarioRef::of(scenario),
            seed,
            seats,
            injects: scenario
                .injects
                .iter()
                .filter(|i| injects.contains(&i.id))
                .map(|i| i.id.clone())
                .collect(),
            tables,
            created_at,
        })
    }

    /// The class file's text (JSON), for the shell to write.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a class file always serialises")
    }

    /// A class file from its JSON text; `path` names it in errors.
    pub fn from_json(text: &str, path: &Path) -> Result<ClassFile, ClassError> {
        #[derive(Deserialize)]
        struct Header {
            format: Option<String>,
            version: Option<u32>,
        }
        let header: Header = serde_json::from_str(text).map_err(|source| ClassError::NotJson {
            path: path.to_path_buf(),
            source,
        })?;
        if header.format.as_deref() != Some(CLASS_FORMAT) {
            return Err(ClassError::NoFormat {
                path: path.to_path_buf(),
            });
        }
        if header.version != Some(CLASS_VERSION) {
            return Err(ClassError::OtherVersion {
                path: path.to_path_buf(),
                version: header.version,
            });
        }
        serde_json::from_str(text).map_err(|source| ClassError::Damaged {
            path: path.to_path_buf(),
            source,
        })
    }

    /// Who plays `side`, in words, for the class sheet.
    pub fn seat_label(&self, side: Side) -> String {
        self.seats[side].label()
    }
}

/// A team of students as a rehearsal plays it: a computer negotiator with a temperament of its own, and how the
/// debrief names it.
struct RehearsalTeam {
    agent: Agent,
    label: String,
}

/// The `k`-th random stream of a rehearsal: one per table and side, fixed by the class seed, so the same class
/// rehearses the same way every time and no two tables draw the same team.
fn rehearsal_rng(class_seed: u64, table: u32, side: Side) -> ChaCha8Rng {
    let side_bit = match side {
        Side::Us => 0,
        Side::Partner => 1,
    };
    let stream = blake3::hash(format!("rehearsal {class_seed} {table} {side_bit}").as_bytes());
    let mut seed = [0u8; 32];
    seed.copy_from_slice(stream.as_bytes());
    ChaCha8Rng::from_seed(seed)
}

/// A number between `low` and `high` on a log scale (as likely to halve as to double).
fn log_uniform(rng: &mut ChaCha8Rng, low: f64, high: f64) -> f64 {
    let (a, b) = (low.ln(), high.ln());
    (a + (b - a) * rng.random::<f64>()).exp()
}

/// A team for `side` at one table of a rehearsal. Real classes differ in how firmly each team holds, what it
/// cares about most and how carefully it plays, so each rehearsal team draws all three: a character (one of the
/// scenario's personalities for the side, or none), a concession curve around it, its own weights on the side's
/// objectives, and a difficulty (easy slips, hard models the other side).
fn rehearsal_team(scenario: &Scenario, side: Side, rng: &mut ChaCha8Rng) -> RehearsalTeam {
    let characters: Vec<&Personality> = scenario.personalities.iter().filter(|p| p.side == side).collect();
    let pick = rng.random_range(0..=characters.len());
    let base = characters.get(pick).copied();
    let bidding = match base.map(|p| p.bidding) {
        Some(BiddingStyle::TimeDependent { exponent }) => BiddingStyle::TimeDependent {
            exponent: exponent * log_uniform(rng, 0.5, 2.0),
        },
        Some(BiddingStyle::Modelling { exponent }) => BiddingStyle::Modelling {
            exponent: exponent * log_uniform(rng, 0.5, 2.0),
        },
        Some(BiddingStyle::TitForTat) => BiddingStyle::TitForTat,
        None => {
            let style: f64 = rng.random();
            let exponent = log_uniform(rng, 0.15, 3.0);
            if style < 0.15 {
                BiddingStyle::TitForTat
            } else if style < 0.4 {
                BiddingStyle::Modelling { exponent }
            } else {
                BiddingStyle::TimeDependent { exponent }
            }
        }
    };
    let mut objective_weights = base.map(|p| p.objective_weights.clone()).unwrap_or_default();
    for objective in scenario.objectives.side(side) {
        let weight = objective_weights.entry(objective.id.clone()).or_insert(1.0);
        *weight *= log_uniform(rng, 0.7, 1.4);
    }
    let reciprocates = base.map_or_else(|| rng.random::<f64>() < 0.5, |p| p.reciprocates);
    let difficulty = Difficulty::ALL[rng.random_range(0..Difficulty::ALL.len())];
    let temper = match bidding {
        BiddingStyle::TitForTat => "answers in kind".to_string(),
        BiddingStyle::TimeDependent { exponent } | BiddingStyle::Modelling { exponent } => {
            let pace = if exponent < 0.5 {
                "holds firm"
            } else if exponent < 1.3 {
                "concedes steadily"
            } else {
                "concedes early"
            };
            format!("{pace} (e {exponent:.2})")
        }
    };
    let label = match base {
        Some(p) => format!(
            "rehearsal team: {difficulty}, {temper}, like the {}",
            p.name.to_lowercase()
        ),
        None => format!("rehearsal team: {difficulty}, {temper}"),
    };
    let personality = Personality {
        id: "rehearsal".to_string(),
        name: label.clone(),
        side,
        description: label.clone(),
        bidding,
        objective_weights,
        reluctance: base.map(|p| p.reluctance.clone()).unwrap_or_default(),
        red_lines: base.map(|p| p.red_lines.clone()).unwrap_or_default(),
        gestures: base.map(|p| p.gestures.clone()).unwrap_or_default(),
        reciprocates,
        source: "a rehearsal of a class".to_string(),
    };
    RehearsalTeam {
        agent: from_personality(&personality, difficulty),
        label,
    }
}

/// Every table of `class` played to the end by the computer, as the records the tables would hand in: to rehearse
/// a debrief. Computer seats are the class's own players; every students' seat is a team of its own (see
/// [`rehearsal_team`]) drawn from the class seed, so tables differ as a real class's do and the same class file
/// always rehearses the same way. Every table plays the class's seed and injects, as its code says: the same events
/// in the same months, as in class.
pub fn rehearse(class: &ClassFile, scenario: &Scenario, saved_at: &str) -> Result<Vec<GameRecord>, ClassError> {
    if !class.scenario.matches(scenario) {
        return Err(ClassError::OtherScenario {
            class_id: class.scenario.id.clone(),
            class_version: class.scenario.short_hash().to_string(),
            id: scenario.id.clone(),
            version: ScenarioRef::of(scenario).short_hash().to_string(),
        });
    }
    let mut records = Vec::new();
    for table in &class.tables {
        let code = TableCode::decode(&table.code)?;
        let mut seats = Vec::with_capacity(2);
        let mut agents: Vec<Box<dyn Negotiator>> = Vec::with_capacity(2);
        for side in Side::BOTH {
            match class.seats[side] {
                ClassSeat::Computer(difficulty) => {
                    let player = Opponent::Difficulty(difficulty);
                    agents.push(player.agent(scenario, side)?);
                    seats.push(Seat::Computer(player));
                }
                ClassSeat::People => {
                    let team = rehearsal_team(scenario, side, &mut rehearsal_rng(class.seed, table.number, side));
                    agents.push(Box::new(team.agent));
                    seats.push(Seat::People(team.label));
                }
            }
        }
        let (Some(mut partner), Some(mut us)) = (agents.pop(), agents.pop()) else {
            return Err(ClassError::MissingPlayer);
        };
        let (Some(partner_seat), Some(us_seat)) = (seats.pop(), seats.pop()) else {
            return Err(ClassError::MissingPlayer);
        };
        let start = GameState::with_injects(scenario, class.seed, code.inject_ids(scenario));
        let state = play_from(scenario, start, us.as_mut(), partner.as_mut());
        records.push(GameRecord::of(
            scenario,
            &state,
            PerSide::new(us_seat, partner_seat),
            Some(table.code.clone()),
            &format!("table {}", table.number),
            saved_at.to_string(),
        ));
    }
    Ok(records)
}

/// Escapes text for HTML.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The class sheet: one self-contained page to print or project — the tables and their codes, how to join, the
/// injects switched on — then each side's confidential brief on a page of its own, to hand to that side only.
pub fn class_sheet_html(class: &ClassFile, scenario: &Scenario) -> String {
    let e = html_escape;
    let mut rows = String::new();
    for table in &class.tables {
        rows.push_str(&format!(
            "<tr><td>Table {}</td><td class=\"code\">{}</td><td></td></tr>\n",
            table.number,
            e(&table.code)
        ));
    }
    let injects: Vec<String> = scenario
        .injects
        .iter()
        .filter(|i| class.injects.contains(&i.id))
        .map(|i| format!("<li>Round {}: {}</li>", i.round, e(&i.news)))
        .collect();
    let injects = if injects.is_empty() {
        "<p>None: the tables meet only the scenario's own events.</p>".to_string()
    } else {
        format!("<ul>{}</ul>", injects.join(""))
    };
    let names = scenario.names();
    // A brief is for the team that plays its side: a side the computer plays gets no page, so nothing confidential
    // about it is printed for a class that never needs it.
    let mut briefs = String::new();
    for side in Side::BOTH
        .into_iter()
        .filter(|&side| class.seats[side] == ClassSeat::People)
    {
        let body = match &scenario.briefs {
            Some(briefs) => {
                let brief = &briefs[side];
                format!(
                    "<h3>What you want</h3><p>{}</p><h3>When to walk away</h3><p>{}</p><h3>Keep to yourselves</h3><p>{}</p>",
                    e(&brief.goals),
                    e(&brief.walk_away),
                    e(&brief.keep_private)
                )
            }
            None => "<p>This scenario has no confidential briefs.</p>".to_string(),
        };
        briefs.push_str(&format!(
            "<section class=\"brief\"><p class=\"cut\">Confidential — for the {} team only</p><h2>{} team: your brief</h2>{body}</section>\n",
            e(names.label(side)),
            e(names.label(side))
        ));
    }
    let computer: Vec<String> = Side::BOTH
        .into_iter()
        .filter_map(|side| match class.seats[side] {
            ClassSeat::Computer(_) => Some(format!(
                "The computer plays {} at every table ({}): there is no brief for that side.",
                e(names.with_article(side)),
                e(&class.seats[side].label())
            )),
            ClassSeat::People => None,
        })
        .collect();
    let seats_note = if computer.is_empty() {
        String::new()
    } else {
        format!("<p>{}</p>\n", computer.join(" "))
    };
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Class sheet — {title}</title>
<style>
body {{ font-family: "DejaVu Sans", Arial, sans-serif; color: #1d232b; margin: 2em auto; max-width: 52em; line-height: 1.45; }}
h1 {{ font-size: 1.7em; margin-bottom: 0.2em; }}
.meta {{ color: #5b6470; }}
table {{ border-collapse: collapse; width: 100%; margin: 1em 0; }}
td, th {{ border-bottom: 1px solid #cfd5dc; padding: 0.45em 0.6em; text-align: left; }}
th {{ background: #eef1f4; }}
td.code {{ font-family: "DejaVu Sans Mono", monospace; font-size: 1.5em; letter-spacing: 0.08em; }}
ol li {{ margin-bottom: 0.3em; }}
.brief {{ page-break-before: always; break-before: page; margin-top: 3em; }}
.cut {{ border-top: 2px dashed #8a939e; padding-top: 0.4em; color: #8a939e; font-size: 0.9em; }}
@media print {{ body {{ margin: 0; max-width: none; }} .brief {{ margin-top: 0; }} }}
</style></head>
<body>
<h1>{title}</h1>
<p class="meta">Class of {count} tables · seed {seed} · US: {us} · {partner_name}: {partner} · scenario {id}, version {version} · made {created}</p>
<p>{description}</p>
<h2>How to join your table</h2>
<ol>
<li>Open TradeTable and choose <b>Join a class table</b> on the title screen.</li>
<li>Type your table's code (capitals, dashes and spaces do not matter) and press Enter.</li>
<li>Play to the end. The game is saved under the code after every move; when it ends, use <b>Export result</b> to copy it to the folder or USB stick your teacher names.</li>
</ol>
<h2>Tables</h2>
<table><tr><th>Table</th><th>Code</th><th>Team names</th></tr>
{rows}</table>
<h2>Class injects</h2>
{injects}
{seats_note}{briefs}</body></html>
"#,
        title = e(&scenario.title),
        count = class.tables.len(),
        seed = class.seed,
        us = e(&class.seat_label(Side::Us)),
        partner = e(&class.seat_label(Side::Partner)),
        partner_name = e(scenario.names().short(Side::Partner)),
        id = e(&scenario.id),
        version = e(class.scenario.short_hash()),
        created = e(&class.created_at),
        description = e(&scenario.description),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(table: u32, seed: u64) -> TableCode {
        TableCode {
            scenario_hash_prefix: 0xbeef,
            seed,
            table,
            seats: PerSide::new(ClassSeat::People, ClassSeat::Computer(Difficulty::Hard)),
            injects: 0b01,
        }
    }

    #[test]
    fn a_code_round_trips_however_it_is_typed() {
        for (table, seed) in [(1, 0), (7, 2025), (127, MAX_CLASS_SEED)] {
            let original = code(table, seed);
            let text = original.encode();
            assert_eq!(text.len(), 15, "{text}");
            assert_eq!(TableCode::decode(&text), Ok(original.clone()));
            assert_eq!(
                TableCode::decode(&text.to_lowercase().replace('-', " ")),
                Ok(original.clone())
            );
        }
    }

    #[test]
    fn capital_o_i_and_l_read_as_zero_and_one_as_crockford_says() {
        let mut retyped = 0;
        for seed in 0..200 {
            let original = code(1 + (seed % 127) as u32, seed);
            let text = original.encode();
            for (digit, letters) in [('0', ['O', 'o']), ('1', ['I', 'L'])] {
                if !text.contains(digit) {
                    continue;
                }
                for letter in letters {
                    let typed = text.replace(digit, &letter.to_string());
                    assert_eq!(TableCode::decode(&typed), Ok(original.clone()), "{typed} for {text}");
                    retyped += 1;
                }
            }
        }
        // The codes of 200 seeds hold a 0 or a 1 often enough that the letters are read many times over.
        assert!(retyped >= 100, "only {retyped} codes retyped");
    }

    #[test]
    fn a_mistyped_code_is_caught() {
        let text = code(3, 2025).encode();
        let mut caught = 0;
        let mut tried = 0;
        for position in [0, 1, 5, 6, 9, 12, 14] {
            for replacement in ['0', '7', 'K', 'Z'] {
                let mut chars: Vec<char> = text.chars().collect();
                if chars[position] == replacement || chars[position] == '-' {
                    continue;
                }
                chars[position] = replacement;
                let typed: String = chars.into_iter().collect();
                tried += 1;
                if TableCode::decode(&typed).is_err() {
                    caught += 1;
                }
            }
        }
        // An 8-bit check: a wrong character slips through once in 256 tries at most.
        assert!(tried >= 20, "only {tried} mistypes tried");
        assert!(caught + 1 >= tried, "caught {caught} of {tried}");
        assert!(matches!(TableCode::decode("hello"), Err(CodeError::Malformed(_))));
    }

    fn class_of(tables: u32, seed: u64, seats: PerSide<ClassSeat>) -> (Scenario, ClassFile) {
        let scenario = Scenario::builtin().unwrap();
        let class = ClassFile::new(&scenario, tables, seed, seats, &[], String::new()).unwrap();
        (scenario, class)
    }

    fn distinct_games(records: &[GameRecord]) -> usize {
        let mut games: Vec<&Vec<crate::rules::negotiation::PlayedMove>> = Vec::new();
        for record in records {
            if !games.contains(&&record.moves) {
                games.push(&record.moves);
            }
        }
        games.len()
    }

    #[test]
    fn a_rehearsal_of_sixty_tables_plays_as_many_different_games_as_a_class_would() {
        let people = PerSide::new(ClassSeat::People, ClassSeat::People);
        let (scenario, class) = class_of(60, 2025, people);
        let records = rehearse(&class, &scenario, "").unwrap();
        assert_eq!(records.len(), 60);
        let distinct = distinct_games(&records);
        assert!(distinct >= 45, "only {distinct} different games among 60 tables");
        // Every table still plays the class's own game: its seed, its code.
        assert!(records.iter().all(|r| r.seed == 2025));
        for (record, table) in records.iter().zip(&class.tables) {
            assert_eq!(record.table.as_deref(), Some(table.code.as_str()));
        }
        // The same class rehearses the same way; another class seed, another way.
        assert_eq!(rehearse(&class, &scenario, "").unwrap(), records);
        let (_, other) = class_of(60, 2026, people);
        let again = rehearse(&other, &scenario, "").unwrap();
        let same = again.iter().zip(&records).filter(|(a, b)| a.seats == b.seats).count();
        assert!(
            same < 5,
            "{same} of 60 tables drew the same teams under another class seed"
        );

        // With the computer in one seat, the students' side still varies from table to table.
        let (scenario, class) = class_of(
            60,
            2025,
            PerSide::new(ClassSeat::People, ClassSeat::Computer(Difficulty::Normal)),
        );
        let records = rehearse(&class, &scenario, "").unwrap();
        let distinct = distinct_games(&records);
        assert!(
            distinct >= 30,
            "only {distinct} different games among 60 tables against the computer"
        );
        assert!(
            records
                .iter()
                .all(|r| r.seats.partner == Seat::Computer(Opponent::Difficulty(Difficulty::Normal)))
        );
    }

    #[test]
    fn the_class_sheet_prints_no_brief_for_a_side_the_computer_plays() {
        let (scenario, class) = class_of(
            3,
            2025,
            PerSide::new(ClassSeat::People, ClassSeat::Computer(Difficulty::Normal)),
        );
        let briefs = scenario.briefs.as_ref().expect("the shipped scenario has briefs");
        let sheet = class_sheet_html(&class, &scenario);
        assert!(
            sheet.contains(&html_escape(&briefs.us.goals)),
            "the students' brief is there"
        );
        for text in [
            &briefs.partner.goals,
            &briefs.partner.walk_away,
            &briefs.partner.keep_private,
        ] {
            assert!(
                !sheet.contains(&html_escape(text)),
                "the computer's brief is printed: {text}"
            );
        }
        assert!(
            !sheet.contains("for the Japan team only"),
            "no confidential page for the computer's side"
        );
        assert!(sheet.contains("The computer plays Japan at every table"));

        let (scenario, class) = class_of(
            3,
            2025,
            PerSide::new(ClassSeat::Computer(Difficulty::Hard), ClassSeat::People),
        );
        let sheet = class_sheet_html(&class, &scenario);
        assert!(!sheet.contains("for the United States team only") && sheet.contains("for the Japan team only"));
    }
}

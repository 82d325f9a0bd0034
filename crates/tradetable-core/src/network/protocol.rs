//! The messages of a networked class between the host and a team's laptop, encoded as bounded JSON, and what one
//! side may see of its table: the scenario without the other side's objectives, brief and personalities, and the
//! game without its seed and the injects still to come.
//!
//! Every message a laptop sends is untrusted: `decode_client` refuses one over its size limit or that is not one of
//! the messages below, with a reason, and never panics. The host applies a decoded move through the same
//! `negotiation::apply` as every other game, which refuses anything the rules do not allow.

use serde::{Deserialize, Serialize};

use crate::rules::moves::Move;
use crate::rules::negotiation::GameState;
use crate::scenario::schema::{PerSide, Scenario, Side};

/// The version of these messages; a laptop of another version is refused at once with a message saying so.
pub const PROTOCOL_VERSION: u32 = 1;

/// The most a laptop may send in one message. A join or a move is well under a kilobyte (a package of 16 issues is
/// about 300 bytes of JSON); anything near this is not a message of ours.
pub const MAX_CLIENT_MESSAGE_BYTES: usize = 16 * 1024;

/// The most the host sends in one message: a scenario (at most 1 MiB, like a scenario file) and a game's state. The
/// network transport carries frames up to this size from the host (`net::transport::MAX_SERVER_FRAME_BYTES`).
pub const MAX_HOST_MESSAGE_BYTES: usize = 2 * 1024 * 1024;

/// What a team's laptop may say to the host.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ClientMessage {
    /// Take a seat at a table: by its class table code, and the side wanted (any free one when absent), or back
    /// into the seat a token was given for (after a dropped connection).
    Join {
        /// [`PROTOCOL_VERSION`] of the laptop.
        protocol: u32,
        /// The table's join code, as the teacher's console shows it.
        code: String,
        /// The side the team plays, when it says.
        side: Option<Side>,
        /// The seat token the host gave this team when it first joined.
        token: Option<String>,
    },
    /// A move for the seat's side.
    Move {
        /// The move.
        mv: Move,
    },
}

/// Who is in a seat, as the teams and the teacher see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeatPresence {
    /// A team is expected but has not joined.
    Waiting,
    /// A team is at the table.
    Connected,
    /// The team's laptop dropped; its seat waits for it to come back.
    Disconnected,
    /// The computer plays this side.
    Computer,
}

/// One side's view of its table, sent after every change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableView {
    /// The game as this side may see it (see [`public_state`]).
    pub state: GameState,
    /// Whether the teacher has paused the table.
    pub paused: bool,
    /// Who is in each seat.
    pub seats: PerSide<SeatPresence>,
    /// Seconds left before the side to move passes by default, when the class has a round timer.
    pub turn_seconds_left: Option<u64>,
}

/// What the host says to one team's laptop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum HostMessage {
    /// The team has its seat.
    Welcome {
        /// The side it plays.
        side: Side,
        /// The table's code.
        code: String,
        /// The table's number in the class.
        table: u32,
        /// The token to come back with after a dropped connection.
        token: String,
        /// The scenario as this side may see it, in RON (see [`scenario_for`]).
        scenario: String,
        /// Whether another laptop held the seat and was disconnected for this one (its token was used here).
        #[serde(default)]
        took_over: bool,
    },
    /// The table after a change.
    Table(Box<TableView>),
    /// A message was refused, and why; the game goes on.
    Refused {
        /// Why.
        reason: String,
    },
    /// The game is over: the whole scenario (but the other side's brief) and the whole game, for the results screen.
    Finished {
        /// The scenario in RON, as [`scenario_for`] with `reveal_objectives`.
        scenario: String,
        /// The finished game.
        state: Box<GameState>,
    },
    /// The host is closing the class (or this connection), and why.
    Closed {
        /// Why.
        reason: String,
    },
}

/// Why a message, or the scenario or game it carries, was refused. Each says, for the other end, what was wrong.
///
/// The reader's own errors are kept as text (`detail`): a protocol error is sent, compared and cloned, and the JSON
/// and RON readers' errors are none of these.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProtocolError {
    /// A laptop's message over [`MAX_CLIENT_MESSAGE_BYTES`].
    #[error("a message of {bytes} bytes; at most {MAX_CLIENT_MESSAGE_BYTES} are accepted")]
    TooLarge {
        /// Its size.
        bytes: usize,
    },
    /// A laptop's message that is not one of [`ClientMessage`].
    #[error("not a message of this game: {detail}")]
    NotAMessage {
        /// What the JSON reader found.
        detail: String,
    },
    /// A host's message over [`MAX_HOST_MESSAGE_BYTES`].
    #[error("a message of {bytes} bytes from the host; at most {MAX_HOST_MESSAGE_BYTES} are accepted")]
    HostTooLarge {
        /// Its size.
        bytes: usize,
    },
    /// A host's message that is not one of [`HostMessage`] (a host of another version).
    #[error("the host sent something this version cannot read: {detail}")]
    UnreadableHost {
        /// What the JSON reader found.
        detail: String,
    },
    /// The scenario the host sent is not a scenario.
    #[error("the host's scenario cannot be read: {detail}")]
    UnreadableScenario {
        /// What the RON reader found.
        detail: String,
    },
    /// The scenario the host sent fails the checks a laptop plays on.
    #[error("the host's scenario has {count} problem(s) this version cannot play with: {shown}")]
    UnplayableScenario {
        /// How many problems.
        count: usize,
        /// The first few, `path: message`, joined.
        shown: String,
    },
    /// A list of the game whose length is not the scenario's.
    #[error("{what} has {got} entries; the scenario has {wanted}")]
    WrongLength {
        /// Which list.
        what: String,
        /// Its length.
        got: usize,
        /// The scenario's.
        wanted: usize,
    },
    /// An exemption of a sector the scenario does not have.
    #[error("{what}: an exemption names a sector the scenario lacks")]
    UnknownExemptSector {
        /// Which policy.
        what: String,
    },
    /// A package that is not in the scenario's space of packages.
    #[error("{what} is not a package of this scenario")]
    NotAPackage {
        /// Which package.
        what: String,
    },
    /// A round outside the talks.
    #[error("the game is in round {round}; the talks have {rounds} rounds")]
    RoundOutOfRange {
        /// The game's round.
        round: u32,
        /// The scenario's rounds.
        rounds: u32,
    },
    /// A scheduled or threatened tariff of an instrument the scenario does not have.
    #[error("a scheduled or threatened tariff names an instrument the scenario lacks")]
    UnknownInstrument,
    /// A game without its opening position.
    #[error("the game has no record of its opening position")]
    NoOpeningRecord,
}

/// Decodes what a laptop sent, refusing anything over [`MAX_CLIENT_MESSAGE_BYTES`] or not one of the messages.
pub fn decode_client(bytes: &[u8]) -> Result<ClientMessage, ProtocolError> {
    if bytes.len() > MAX_CLIENT_MESSAGE_BYTES {
        return Err(ProtocolError::TooLarge { bytes: bytes.len() });
    }
    serde_json::from_slice(bytes).map_err(|e| ProtocolError::NotAMessage { detail: e.to_string() })
}

/// Encodes a laptop's message.
pub fn encode_client(message: &ClientMessage) -> Vec<u8> {
    serde_json::to_vec(message).unwrap_or_default()
}

/// Decodes what the host sent, refusing anything over [`MAX_HOST_MESSAGE_BYTES`].
pub fn decode_host(bytes: &[u8]) -> Result<HostMessage, ProtocolError> {
    if bytes.len() > MAX_HOST_MESSAGE_BYTES {
        return Err(ProtocolError::HostTooLarge { bytes: bytes.len() });
    }
    serde_json::from_slice(bytes).map_err(|e| ProtocolError::UnreadableHost { detail: e.to_string() })
}

/// Encodes the host's message.
pub fn encode_host(message: &HostMessage) -> Vec<u8> {
    serde_json::to_vec(message).unwrap_or_default()
}

/// The scenario as `side` may see it: the other side's brief and personalities removed, and, unless
/// `reveal_objectives` (once the game is over), the other side's objectives too — what it is scored on and what its
/// computer players want are what the other team must not know.
pub fn scenario_for(scenario: &Scenario, side: Side, reveal_objectives: bool) -> Scenario {
    let mut view = scenario.clone();
    let other = side.other();
    if let Some(briefs) = &mut view.briefs {
        briefs[other] = crate::scenario::schema::Brief {
            goals: String::new(),
            walk_away: String::new(),
            keep_private: String::new(),
        };
    }
    view.personalities.retain(|p| p.side == side);
    if !reveal_objectives {
        view.objectives[other].clear();
    }
    // The translations carry the same secrets in other words: what is left out above is left out of them too.
    let kept: std::collections::BTreeSet<String> = view.personalities.iter().map(|p| p.id.clone()).collect();
    for translation in view.translations.values_mut() {
        translation.briefs[other] = None;
        translation.personalities.retain(|id, _| kept.contains(id));
        if !reveal_objectives {
            translation.objectives[other].clear();
        }
    }
    view
}

/// The scenario of [`scenario_for`] as RON text, to send.
pub fn scenario_text(scenario: &Scenario) -> String {
    ron::ser::to_string(scenario).unwrap_or_default()
}

/// Reads a scenario the host sent: parsed, not validated (the other side's objectives are missing on purpose).
pub fn read_scenario_text(text: &str) -> Result<Scenario, ProtocolError> {
    ron::from_str(text).map_err(|e| ProtocolError::UnreadableScenario { detail: e.to_string() })
}

/// Reads the scenario the host sent to `side`'s team and checks it as a scenario file is checked, except for what
/// the host leaves out on purpose (the other side's objectives and brief): a laptop plays on it, so a scenario that
/// would not load from a file is refused here, with its problems, rather than met halfway through a game.
pub fn read_scenario_for(text: &str, side: Side) -> Result<Scenario, ProtocolError> {
    let scenario = read_scenario_text(text)?;
    let problems = scenario.view_problems(side);
    if problems.is_empty() {
        return Ok(scenario);
    }
    let shown: Vec<&str> = problems.iter().take(3).map(String::as_str).collect();
    Err(ProtocolError::UnplayableScenario {
        count: problems.len(),
        shown: shown.join("; "),
    })
}

/// Checks that a game the host sent fits `scenario`: every list the screens index by the scenario's instruments,
/// levers, sectors, constituencies and issues has their length, every index points inside them, and the round is
/// within the talks. A state that does not fit is refused with what is wrong, so a laptop never indexes past the
/// end of a list because of what came over the network.
pub fn check_state(scenario: &Scenario, state: &GameState) -> Result<(), ProtocolError> {
    let instruments = scenario.us_instruments.len();
    let levers = scenario.partner_levers.len();
    let sectors = scenario.sectors.len();
    let space = crate::rules::package::PackageSpace::of(scenario);
    let fits = |what: &str, got: usize, wanted: usize| {
        if got == wanted {
            Ok(())
        } else {
            Err(ProtocolError::WrongLength {
                what: what.to_string(),
                got,
                wanted,
            })
        }
    };
    let policy = |what: &str, policy: &crate::model::economy::Policy| -> Result<(), ProtocolError> {
        fits(&format!("{what}: the US rates"), policy.us_rates.len(), instruments)?;
        fits(&format!("{what}: the quotas"), policy.us_quotas_bn.len(), instruments)?;
        fits(
            &format!("{what}: the exemptions"),
            policy.us_exemptions.len(),
            instruments,
        )?;
        if policy.us_exemptions.iter().flatten().any(|&s| s >= sectors) {
            return Err(ProtocolError::UnknownExemptSector { what: what.to_string() });
        }
        // A policy saved before counter-tariffs existed carries none; otherwise one rate per counter-tariff.
        if !policy.counter_tariffs.is_empty() {
            fits(
                &format!("{what}: the counter-tariff rates"),
                policy.counter_tariffs.len(),
                scenario.partner_tariffs.len(),
            )?;
        }
        fits(&format!("{what}: the concessions"), policy.concessions.len(), levers)
    };
    let approvals = |what: &str, approvals: &crate::model::politics::Approvals| -> Result<(), ProtocolError> {
        for side in Side::BOTH {
            fits(
                &format!("{what}: the {} approvals", side.key()),
                approvals[side].len(),
                scenario.politics[side].constituencies.len(),
            )?;
        }
        Ok(())
    };
    let package = |what: &str, package: &crate::rules::package::Package| -> Result<(), ProtocolError> {
        if !space.contains(package) {
            return Err(ProtocolError::NotAPackage { what: what.to_string() });
        }
        Ok(())
    };
    if state.round == 0 || state.round > scenario.rounds + 1 {
        return Err(ProtocolError::RoundOutOfRange {
            round: state.round,
            rounds: scenario.rounds,
        });
    }
    policy("the policy in force", &state.policy)?;
    approvals("the game", &state.approvals)?;
    approvals("the game's shocks", &state.shocks)?;
    let conditions = &state.conditions;
    fits("the US tariff changes", conditions.us_tariff_steps.len(), sectors)?;
    fits(
        "the partner's tariff changes",
        conditions.partner_tariff_steps.len(),
        sectors,
    )?;
    fits("the lever changes", conditions.lever_steps.len(), levers)?;
    // Conditions saved before rivals existed carry none; otherwise one per sector, as the model reads them.
    if !conditions.rival_tariff_steps.is_empty() {
        fits(
            "the rivals' tariff changes",
            conditions.rival_tariff_steps.len(),
            sectors,
        )?;
    }
    if !conditions.counter_tariff_steps.is_empty() {
        fits(
            "the counter-tariff changes",
            conditions.counter_tariff_steps.len(),
            scenario.partner_tariffs.len(),
        )?;
    }
    if !state.counter_tariffs.is_empty() {
        fits(
            "the counter-tariffs",
            state.counter_tariffs.len(),
            scenario.partner_tariffs.len(),
        )?;
    }
    if state.scheduled.iter().any(|t| t.instrument >= instruments)
        || state.threats.iter().any(|t| t.instrument >= instruments)
    {
        return Err(ProtocolError::UnknownInstrument);
    }
    if state.history.is_empty() {
        return Err(ProtocolError::NoOpeningRecord);
    }
    for record in &state.history {
        let what = format!("round {}'s record", record.round);
        policy(&what, &record.policy)?;
        approvals(&what, &record.approvals)?;
        fits(&format!("{what}: the sectors"), record.economy.sectors.len(), sectors)?;
    }
    if let Some(offer) = &state.offer {
        package("the offer on the table", &offer.package)?;
    }
    for (k, record) in state.offers.iter().enumerate() {
        package(&format!("offer {}", k + 1), &record.offer.package)?;
    }
    if let Some(signed) = state.outcome.as_ref().and_then(|o| o.package.as_ref()) {
        package("the package signed", signed)?;
    }
    Ok(())
}

/// The game as a team may see it while it is being played: without the seed (which tells which random events are
/// coming) and without the class's and the teacher's injects (surprises until they fire; their news shows when they
/// do).
pub fn public_state(state: &GameState) -> GameState {
    let mut view = state.clone();
    view.seed = 0;
    view.injects.clear();
    view.fired_injects.clear();
    view
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_move_goes_through_json_and_back() {
        let message = ClientMessage::Move { mv: Move::Pass };
        assert_eq!(decode_client(&encode_client(&message)), Ok(message));
        let join = ClientMessage::Join {
            protocol: PROTOCOL_VERSION,
            code: "ABCD".into(),
            side: Some(Side::Partner),
            token: None,
        };
        assert_eq!(decode_client(&encode_client(&join)), Ok(join));
    }

    #[test]
    fn garbage_and_oversized_messages_are_refused_with_a_reason() {
        assert!(matches!(
            decode_client(b"\xff\x00garbage"),
            Err(ProtocolError::NotAMessage { .. })
        ));
        assert!(
            decode_client(b"\xff\x00garbage")
                .unwrap_err()
                .to_string()
                .starts_with("not a message of this game: ")
        );
        assert!(decode_client(br#"{"type":"move","mv":"Pass","extra":1}"#).is_err());
        assert!(decode_client(br#"{"type":"teleport"}"#).is_err());
        let deep = "[".repeat(10_000);
        assert!(
            decode_client(deep.as_bytes()).is_err(),
            "deep nesting is refused, not a stack overflow"
        );
        let big = vec![b' '; MAX_CLIENT_MESSAGE_BYTES + 1];
        assert_eq!(
            decode_client(&big).unwrap_err().to_string(),
            format!(
                "a message of {} bytes; at most {MAX_CLIENT_MESSAGE_BYTES} are accepted",
                MAX_CLIENT_MESSAGE_BYTES + 1
            )
        );
    }

    #[test]
    fn every_shipped_scenario_as_either_side_sees_it_passes_the_laptops_checks() {
        for shipped in crate::scenario::library::SHIPPED {
            let scenario = shipped.load().unwrap();
            for side in Side::BOTH {
                for reveal in [false, true] {
                    let text = scenario_text(&scenario_for(&scenario, side, reveal));
                    let view = read_scenario_for(&text, side)
                        .unwrap_or_else(|e| panic!("{} for {}: {e}", shipped.name(), side.key()));
                    let state = public_state(&GameState::new(&scenario, 3));
                    assert_eq!(check_state(&view, &state), Ok(()));
                }
            }
        }
    }

    #[test]
    fn a_scenario_or_state_that_does_not_fit_is_refused_with_what_is_wrong() {
        let scenario = Scenario::builtin().unwrap();
        let mut broken = scenario_for(&scenario, Side::Us, false);
        broken.rounds = 0;
        assert!(read_scenario_for(&scenario_text(&broken), Side::Us).is_err());
        let mut mine_missing = scenario_for(&scenario, Side::Us, false);
        mine_missing.objectives.us.clear();
        let refused = read_scenario_for(&scenario_text(&mine_missing), Side::Us).unwrap_err();
        assert!(refused.to_string().contains("objectives.us"), "{refused}");

        let mut state = GameState::new(&scenario, 1);
        state.policy.us_rates.pop();
        assert!(
            check_state(&scenario, &state)
                .unwrap_err()
                .to_string()
                .contains("US rates")
        );
        let mut state = GameState::new(&scenario, 1);
        state.history.clear();
        assert!(check_state(&scenario, &state).is_err());
        let mut state = GameState::new(&scenario, 1);
        state.round = scenario.rounds + 7;
        assert!(check_state(&scenario, &state).is_err());
    }

    #[test]
    fn a_counter_tariff_move_goes_through_json_and_back_and_a_forged_one_is_refused() {
        use crate::rules::moves::CounterTariffMove;
        let message = ClientMessage::Move {
            mv: Move::CounterTariff(CounterTariffMove::Suspend {
                tariff: "eu_countermeasures".into(),
                months: 6,
            }),
        };
        assert_eq!(decode_client(&encode_client(&message)), Ok(message));
        // Forged: a negative month count, a rate that is no number, an id beyond the message's size.
        let text = String::from_utf8(encode_client(&ClientMessage::Move {
            mv: Move::CounterTariff(CounterTariffMove::Suspend {
                tariff: "x".into(),
                months: 6,
            }),
        }))
        .unwrap();
        assert!(decode_client(text.replace('6', "-6").as_bytes()).is_err(), "{text}");
        assert!(decode_client(text.replace('6', "\"six\"").as_bytes()).is_err());
        let long = text.replace("\"x\"", &format!("\"{}\"", "x".repeat(MAX_CLIENT_MESSAGE_BYTES)));
        assert!(decode_client(long.as_bytes()).is_err());
    }

    #[test]
    fn a_state_whose_counter_tariff_changes_do_not_fit_the_scenario_is_refused() {
        let scenario = crate::scenario::library::shipped("eu-2025").unwrap().load().unwrap();
        let mut state = GameState::new(&scenario, 1);
        assert_eq!(check_state(&scenario, &state), Ok(()));
        state.conditions.counter_tariff_steps = vec![Default::default(); 40];
        let refused = check_state(&scenario, &state).unwrap_err().to_string();
        assert!(refused.contains("counter-tariff"), "{refused}");
        let mut state = GameState::new(&scenario, 1);
        state.conditions.rival_tariff_steps = vec![Default::default(); 3];
        assert!(check_state(&scenario, &state).is_err());
        let mut state = GameState::new(&scenario, 1);
        state.policy.counter_tariffs = vec![0.3; 9];
        assert!(check_state(&scenario, &state).is_err());
        let mut state = GameState::new(&scenario, 1);
        state.counter_tariffs.push(state.counter_tariffs[0].clone());
        assert!(check_state(&scenario, &state).is_err());
        // Whatever reaches the model, more changes than counter-tariffs do not panic it.
        let mut conditions = state.conditions.clone();
        conditions.counter_tariff_steps = vec![Default::default(); 9];
        conditions.advance(&scenario, &state.policy);
    }

    #[test]
    fn a_side_sees_its_own_objectives_and_brief_but_not_the_others() {
        let scenario = Scenario::builtin().unwrap();
        let us_view = scenario_for(&scenario, Side::Us, false);
        assert_eq!(us_view.objectives.us.len(), scenario.objectives.us.len());
        assert!(us_view.objectives.partner.is_empty());
        let briefs = us_view.briefs.as_ref().unwrap();
        assert!(!briefs.us.goals.is_empty());
        assert!(briefs.partner.goals.is_empty());
        assert!(us_view.personalities.iter().all(|p| p.side == Side::Us));
        let text = scenario_text(&us_view);
        let partner_brief = &scenario.briefs.as_ref().unwrap().partner.goals;
        assert!(!text.contains(partner_brief.as_str()));
        let back = read_scenario_text(&text).unwrap();
        assert_eq!(back.objectives.us.len(), scenario.objectives.us.len());
        let revealed = scenario_for(&scenario, Side::Us, true);
        assert_eq!(revealed.objectives.partner.len(), scenario.objectives.partner.len());
    }
}

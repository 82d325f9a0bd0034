//! The debrief as a CSV for a gradebook: one row per table, in a fixed order of columns.

use super::Debrief;
use crate::analysis::game::MoveLabel;
use crate::scenario::format::trim;
use crate::scenario::schema::{PerSide, Side};

impl Debrief {
    /// One row per table with a header row, columns in a fixed order: who, the outcome, the scores, the model's
    /// figures, the plane and the negotiation, each side's label counts, each objective's score, then every signed
    /// term by issue id (empty without a deal). Numbers have at most two decimals; utilities are points out of 100.
    pub fn csv(&self) -> String {
        let mut header: Vec<String> = [
            "table",
            "code",
            "label",
            "file",
            "us_seat",
            "partner_seat",
            "outcome",
            "round",
            "month",
            "us_score",
            "partner_score",
            "mean_deficit_bn",
            "final_deficit_bn",
            "trade_agreement_survived",
            "us_approval",
            "partner_approval",
            "us_utility",
            "partner_utility",
            "value_left",
            "first_conceder",
            "first_concession_round",
            "us_conceded",
            "partner_conceded",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for side in Side::BOTH {
            for label in MoveLabel::ALL {
                header.push(format!("{}_{}", side.key(), label.name()));
            }
        }
        let objectives: PerSide<Vec<String>> = match self.tables.first() {
            Some(table) => table
                .scores
                .as_ref()
                .map(|s| s.breakdown.iter().map(|o| o.id.clone()).collect()),
            None => PerSide::default(),
        };
        for (side, ids) in objectives.iter() {
            for id in ids {
                header.push(format!("{}_objective_{id}", side.key()));
            }
        }
        for spread in &self.spread {
            header.push(format!("term_{}", spread.issue));
        }

        let mut writer = csv::Writer::from_writer(Vec::new());
        // Writing to memory cannot fail, and every row has the header's length.
        let _ = writer.write_record(&header);
        for table in &self.tables {
            let f = &table.figures;
            let a = &table.analysis;
            let optional = |x: Option<f64>| x.map(|x| trim(x * 100.0)).unwrap_or_default();
            let mut row: Vec<String> = vec![
                table.tag.clone(),
                table.code.clone().unwrap_or_default(),
                table.label.clone(),
                table.file.clone(),
                table.seats.us.clone(),
                table.seats.partner.clone(),
                table.outcome_label().to_string(),
                table.round.to_string(),
                table.month.clone(),
                trim(f.scores.us),
                trim(f.scores.partner),
                trim(f.mean_deficit_bn),
                trim(f.final_deficit_bn),
                (if f.trade_agreement_survived { "yes" } else { "no" }).to_string(),
                trim(f.approval.us),
                trim(f.approval.partner),
                trim(a.outcome.us * 100.0),
                trim(a.outcome.partner * 100.0),
                trim(a.value_left * 100.0),
                a.first_concession
                    .map(|(side, _)| side.key().to_string())
                    .unwrap_or_default(),
                a.first_concession
                    .map(|(_, round)| round.to_string())
                    .unwrap_or_default(),
                optional(a.conceded.us),
                optional(a.conceded.partner),
            ];
            for side in Side::BOTH {
                for label in MoveLabel::ALL {
                    row.push(a.moves[side].get(label).to_string());
                }
            }
            for (side, ids) in objectives.iter() {
                for id in ids {
                    row.push(
                        table.scores[side]
                            .breakdown
                            .iter()
                            .find(|o| &o.id == id)
                            .map(|o| trim(o.score))
                            .unwrap_or_default(),
                    );
                }
            }
            for spread in &self.spread {
                row.push(
                    table
                        .terms
                        .iter()
                        .find(|t| t.issue == spread.issue)
                        .map(|t| trim(t.value))
                        .unwrap_or_default(),
                );
            }
            let _ = writer.write_record(&row);
        }
        let bytes = writer.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }
}

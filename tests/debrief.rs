//! `tradetable debrief` and `tradetable class`: a class of twelve computer-played tables debriefs into one
//! self-contained page naming every table and a gradebook CSV with a row per table; every table keeps its own number
//! whatever else is in the folder (a duplicate counts once, with a warning); a damaged, empty, newer or foreign file
//! is left out and named while every good table is debriefed; the class sheet prints no brief for a side the
//! computer plays; a rehearsal of 60 tables plays many different games.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh folder under the system's temporary folder, removed when the test ends.
fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("tradetable-debrief-{name}-"))
        .tempdir()
        .unwrap()
}

fn tradetable(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tradetable"))
        .args(args)
        .output()
        .unwrap()
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A class of 12 tables played by the computer: the class folder, and the table codes in table order.
fn class_of_twelve(dir: &Path) -> Vec<String> {
    let out = tradetable(&["class", "new", "--tables", "12", "--seed", "2025", "--out", text(dir)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let class = dir.join("class.json");
    let results = dir.join("results");
    let out = tradetable(&["class", "simulate", "--class", text(&class), "--out", text(&results)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let class: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(class).unwrap()).unwrap();
    class["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_class_of_twelve_debriefs_into_one_self_contained_page_and_a_gradebook_row_per_table() {
    let scratch = temp_dir("class");
    let dir = scratch.path();
    let codes = class_of_twelve(dir);
    assert_eq!(codes.len(), 12);
    let results = dir.join("results");
    // A teacher who copies the class file in with the results: it is skipped, not refused.
    std::fs::copy(dir.join("class.json"), results.join("class.json")).unwrap();
    let page = dir.join("debrief.html");
    let csv = dir.join("scores.csv");
    let out = tradetable(&["debrief", text(&results), "--out", text(&page), "--csv", text(&csv)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("debrief of 12 tables"));

    let mut reader = csv::Reader::from_path(&csv).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    let expected_start = [
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
    ];
    assert_eq!(&header[..expected_start.len()], expected_start);
    assert!(header.contains(&"us_concession".to_string()) && header.contains(&"term_investment".to_string()));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 12, "one row per table");
    for (row, code) in rows.iter().zip(&codes) {
        assert_eq!(row.len(), header.len());
        assert_eq!(&row[1], code.as_str(), "rows in table order");
        assert!(
            ["deal", "no deal", "collapse"].contains(&&row[6]),
            "outcome {}",
            &row[6]
        );
        let score: f64 = row[9].parse().unwrap();
        assert!((0.0..=100.0).contains(&score), "a US score of {score}");
    }

    let html = std::fs::read_to_string(&page).unwrap();
    for code in &codes {
        assert!(html.contains(code.as_str()), "the page names table {code}");
    }
    assert!(html.contains("<svg"), "the utility plane is drawn inline");
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "nothing is fetched"
    );
    assert!(!html.contains("<script"), "no scripts");
    assert!(html.contains("Pareto frontier") && html.contains("July 2025 deal"));
    // Two measures, each named where it is shown: the plane's utility is not the table's score.
    assert!(html.contains("Utility of the deal to the United States (0–100; not the score)"));
    assert!(
        html.contains("<b>Scores</b> (0–100, the whole game)")
            && html.contains("<b>Utility</b> (0–100, the deal on the plane)")
    );
    // On a narrow screen the list of tables shrinks (and scrolls, at worst) rather than losing its last columns.
    assert!(
        html.contains("<div class=\"wide\"><table class=\"list\">")
            && html.contains("@media screen and (max-width: 1000px)")
    );
}

/// A class of `tables` tables (two teams each) rehearsed by the computer: the class folder's results, and the codes.
fn class_of(dir: &Path, tables: u32, extra: &[&str]) -> (PathBuf, Vec<String>) {
    let tables = tables.to_string();
    let mut args = vec![
        "class",
        "new",
        "--tables",
        tables.as_str(),
        "--seed",
        "2025",
        "--out",
        text(dir),
    ];
    args.extend_from_slice(extra);
    let out = tradetable(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let results = dir.join("results");
    let class = dir.join("class.json");
    let out = tradetable(&["class", "simulate", "--class", text(&class), "--out", text(&results)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let class: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(class).unwrap()).unwrap();
    let codes = class["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["code"].as_str().unwrap().to_string())
        .collect();
    (results, codes)
}

/// The CSV's rows as (table, code, file).
fn csv_tables(path: &Path) -> Vec<(String, String, String)> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader
        .records()
        .map(Result::unwrap)
        .map(|row| (row[0].to_string(), row[1].to_string(), row[3].to_string()))
        .collect()
}

#[test]
fn an_extra_copy_of_table_one_counts_once_and_every_table_keeps_its_own_number() {
    let scratch = temp_dir("duplicate");
    let dir = scratch.path();
    let (results, codes) = class_of(dir, 6, &[]);
    // The copy sorts first in the folder, before every table's own file.
    let copy = results.join("0-copy-of-table-1.json");
    std::fs::copy(results.join(format!("{}.json", codes[0])), &copy).unwrap();
    let page = dir.join("debrief.html");
    let csv = dir.join("scores.csv");
    let out = tradetable(&["debrief", text(&results), "--out", text(&page), "--csv", text(&csv)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("debrief of 6 tables"), "table 1 counts once: {stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning") && stderr.contains("0-copy-of-table-1.json") && stderr.contains("Table 1"),
        "{stderr}"
    );
    let rows = csv_tables(&csv);
    assert_eq!(rows.len(), 6);
    for (k, (table, code, _)) in rows.iter().enumerate() {
        assert_eq!(table, &(k + 1).to_string(), "table {code} keeps its number");
        assert_eq!(code, &codes[k]);
    }
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("0-copy-of-table-1.json"), "the page warns about the copy");
    for (k, code) in codes.iter().enumerate() {
        assert!(
            html.contains(&format!("Table {} <span class=\"code\">{code}</span>", k + 1)),
            "table {} is named by its own number",
            k + 1
        );
    }

    // A different game under table 2's code: both games are shown, and both files are named in a warning.
    let other = results.join(format!("{}.json", codes[1]));
    let mut record: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&other).unwrap()).unwrap();
    let moves = record["moves"].as_array().unwrap().len();
    record["moves"] = serde_json::Value::Array(record["moves"].as_array().unwrap()[..moves / 2].to_vec());
    // Not over any more (a record says so only when it is).
    record.as_object_mut().unwrap().remove("over");
    let half = results.join("table-2-half-way.json");
    std::fs::write(&half, serde_json::to_string_pretty(&record).unwrap()).unwrap();
    let out = tradetable(&["debrief", text(&results), "--out", text(&page), "--csv", text(&csv)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Table 2")
            && stderr.contains("table-2-half-way.json")
            && stderr.contains(&format!("{}.json", codes[1])),
        "{stderr}"
    );
    let tables: Vec<String> = csv_tables(&csv).into_iter().map(|(table, ..)| table).collect();
    assert_eq!(tables, ["1", "2a", "2b", "3", "4", "5", "6"]);
}

#[test]
fn damaged_empty_newer_and_foreign_records_are_named_and_every_good_table_is_debriefed() {
    let scratch = temp_dir("damaged");
    let dir = scratch.path();
    let (results, codes) = class_of(dir, 6, &[]);
    let file = |k: usize| results.join(format!("{}.json", codes[k]));
    // Table 1 cut short while copying, table 2 empty, table 3 from a newer TradeTable, table 4 on another version.
    let whole = std::fs::read_to_string(file(0)).unwrap();
    std::fs::write(file(0), &whole[..whole.len() / 2]).unwrap();
    std::fs::write(file(1), "").unwrap();
    let mut newer: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(file(2)).unwrap()).unwrap();
    newer["version"] = serde_json::json!(99);
    std::fs::write(file(2), serde_json::to_string_pretty(&newer).unwrap()).unwrap();
    let mut other: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(file(3)).unwrap()).unwrap();
    other["scenario"]["hash"] = serde_json::Value::String("0".repeat(64));
    std::fs::write(file(3), serde_json::to_string_pretty(&other).unwrap()).unwrap();

    let page = dir.join("debrief.html");
    let csv = dir.join("scores.csv");
    let out = tradetable(&["debrief", text(&results), "--out", text(&page), "--csv", text(&csv)]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "a debrief with good tables succeeds: {stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("debrief of 2 tables"));
    for (k, why) in [(0, "ends too soon"), (1, "ends too soon"), (2, "newer"), (3, "version")] {
        let name = format!("{}.json", codes[k]);
        let line = stderr
            .lines()
            .find(|l| l.contains(&name))
            .unwrap_or_else(|| panic!("{name} is not named: {stderr}"));
        assert!(line.starts_with("skipped") && line.contains(why), "{line}");
    }
    let rows = csv_tables(&csv);
    let tables: Vec<&str> = rows.iter().map(|(table, ..)| table.as_str()).collect();
    assert_eq!(tables, ["5", "6"], "the good tables, under their own numbers");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("Not in this debrief: 4 file(s)"), "a box on the page");
    for code in &codes[..4] {
        assert!(html.contains(&format!("{code}.json")), "the page names {code}.json");
    }

    // With no good table left there is nothing to debrief: exit 1, no page, and every bad file is named.
    for k in [4, 5] {
        std::fs::write(file(k), "{").unwrap();
    }
    let _ = std::fs::remove_file(&page);
    let out = tradetable(&["debrief", text(&results), "--out", text(&page)]);
    assert!(!out.status.success());
    assert!(!page.exists(), "no page is written");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for code in &codes {
        assert!(
            stderr.contains(&format!("{code}.json")),
            "{code}.json is named: {stderr}"
        );
    }
}

#[test]
fn the_class_sheet_prints_no_brief_for_the_side_the_computer_plays() {
    let scratch = temp_dir("sheet");
    let dir = scratch.path();
    let out = tradetable(&[
        "class",
        "new",
        "--tables",
        "4",
        "--partner",
        "normal",
        "--out",
        text(dir),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let sheet = std::fs::read_to_string(dir.join("class-sheet.html")).unwrap();
    let scenario = tradetable_core::Scenario::builtin().unwrap();
    let briefs = scenario.briefs.as_ref().unwrap();
    let escape = tradetable_core::classroom::class::html_escape;
    assert!(
        sheet.contains(&escape(&briefs.us.goals)),
        "the students' brief is printed"
    );
    assert!(!sheet.contains(&escape(&briefs.partner.goals)) && !sheet.contains(&escape(&briefs.partner.keep_private)));
    assert!(
        !sheet.contains("for the Japan team only"),
        "no confidential page for the computer's side"
    );
}

#[test]
fn a_rehearsal_of_sixty_tables_plays_many_different_games() {
    let scratch = temp_dir("rehearsal");
    let dir = scratch.path();
    let (results, codes) = class_of(dir, 60, &[]);
    let mut games = std::collections::BTreeSet::new();
    for code in &codes {
        let record: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(results.join(format!("{code}.json"))).unwrap()).unwrap();
        assert_eq!(record["seed"], 2025, "every table plays the class's seed");
        games.insert(record["moves"].to_string());
    }
    assert!(
        games.len() >= 45,
        "only {} different games among 60 tables",
        games.len()
    );
}

#[test]
fn a_file_that_is_not_a_record_is_refused_when_named_and_skipped_in_a_folder() {
    let scratch = temp_dir("garbage");
    let dir = scratch.path();
    let garbage = dir.join("garbage.json");
    std::fs::write(&garbage, "this is \u{0} not a game record {{{").unwrap();
    let page = dir.join("debrief.html");
    let out = tradetable(&["debrief", text(&garbage), "--out", text(&page)]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("garbage.json"), "names the file: {stderr}");
    assert!(stderr.contains("not a TradeTable game record"), "{stderr}");

    // In a folder of nothing but such files there is nothing to debrief: said, not a panic.
    let out = tradetable(&["debrief", text(dir), "--out", text(&page)]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("skipped") && stderr.contains("garbage.json"),
        "{stderr}"
    );
    assert!(stderr.contains("no game records"), "{stderr}");

    let out = tradetable(&["debrief", text(&dir.join("missing.json")), "--out", text(&page)]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.json"));
    assert!(!page.exists());
}

//! `tradetable debrief`: a class of twelve computer-played tables debriefs into one self-contained page naming every
//! table and a gradebook CSV with a row per table; a record of another version of the scenario and a file that is
//! not a record are refused with a message naming the file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh folder under the system's temporary folder.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tradetable-debrief-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
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
    let dir = temp_dir("class");
    let codes = class_of_twelve(&dir);
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
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_record_of_another_version_of_the_scenario_is_refused_naming_its_file() {
    let dir = temp_dir("version");
    let codes = class_of_twelve(&dir);
    let results = dir.join("results");
    let edited = results.join(format!("{}.json", codes[4]));
    let mut record: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&edited).unwrap()).unwrap();
    record["scenario"]["hash"] = serde_json::Value::String("0".repeat(64));
    std::fs::write(&edited, serde_json::to_string_pretty(&record).unwrap()).unwrap();

    let page = dir.join("debrief.html");
    let out = tradetable(&["debrief", text(&results), "--out", text(&page)]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}.json", codes[4])),
        "names the file: {stderr}"
    );
    assert!(stderr.contains("version"), "says why: {stderr}");
    assert!(!page.exists(), "no page is written");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_that_is_not_a_record_is_refused_when_named_and_skipped_in_a_folder() {
    let dir = temp_dir("garbage");
    let garbage = dir.join("garbage.json");
    std::fs::write(&garbage, "this is \u{0} not a game record {{{").unwrap();
    let page = dir.join("debrief.html");
    let out = tradetable(&["debrief", text(&garbage), "--out", text(&page)]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("garbage.json"), "names the file: {stderr}");
    assert!(stderr.contains("not a TradeTable game record"), "{stderr}");

    // In a folder of nothing but such files there is nothing to debrief: said, not a panic.
    let out = tradetable(&["debrief", text(&dir), "--out", text(&page)]);
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
    let _ = std::fs::remove_dir_all(&dir);
}

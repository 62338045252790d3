//! Real published reports in `../shared/corpus` (read in place, never copied): the template,
//! year, publication date and every listed cell must come out exactly; where a report is not
//! `strict`, a cell may be null but never a wrong number.

use std::path::{Path, PathBuf};

use nianbao::{validate_bytes, Source};
use serde_json::Value;

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: {} not found; the corpus test needs the shared corpus", dir.display());
        None
    }
}

#[test]
fn corpus_reports_read_exactly() {
    let Some(dir) = corpus() else { return };
    let mut checked = 0;
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".expected.json") else { continue };
        let expected: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let report = ["txt", "md", "html", "htm", "docx"]
            .iter()
            .map(|ext| dir.join(format!("{stem}.{ext}")))
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("no report for {name}"));
        let bytes = std::fs::read(&report).unwrap();
        let result = validate_bytes(&bytes, &Source { filename: Some(&report.to_string_lossy()) });
        let got = serde_json::to_value(&result).unwrap();
        let strict = expected["strict"].as_bool().unwrap_or(true);
        if got["template"] != expected["template"] {
            failures.push(format!("{stem}: template {} != {}", got["template"], expected["template"]));
        }
        for field in ["year", "published"] {
            if let Some(want) = expected.get(field) {
                if got["report"][field] != *want {
                    failures.push(format!("{stem}: report.{field} {} != {}", got["report"][field], want));
                }
            }
        }
        for (id, want) in expected["cells"].as_object().unwrap() {
            let have = &got["cells"][id];
            let ok = numbers_equal(have, want) || (!strict && have.is_null());
            if !ok {
                failures.push(format!("{stem}: {id} = {have}, expected {want}"));
            }
        }
        if expected["clean"].as_bool() == Some(true) || strict {
            let errors: Vec<&Value> =
                got["diagnostics"].as_array().unwrap().iter().filter(|d| d["severity"] == "error").collect();
            let allowed: Vec<&str> = expected["expect_rules"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            for e in errors {
                if !allowed.contains(&e["rule"].as_str().unwrap_or("")) {
                    failures.push(format!("{stem}: unexpected error {}", e["message"]));
                }
            }
        }
        checked += 1;
    }
    assert!(checked > 0, "no *.expected.json in the corpus");
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

fn numbers_equal(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        _ => a == b,
    }
}

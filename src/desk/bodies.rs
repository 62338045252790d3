//! Bodies and years: the reports of a batch grouped by body (the normalised name of
//! [`body_key`]) and year, with the years missing from each body's series and the years it
//! has twice (and what the two versions differ in).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::result::ValidationResult;
use crate::rules::carry_chain::body_key;
use crate::rules::fmt_num;

/// One body of the batch.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Body {
    /// The normalised name all its reports share.
    pub key: String,
    /// The name as its latest report gives it.
    pub name: String,
    /// Every name its reports give, in order of first year (a renamed body has several).
    pub names: Vec<String>,
    /// Its years, ascending, each with the indices of its reports.
    pub years: Vec<BodyYear>,
    /// Years between its first and last with no report.
    pub missing_years: Vec<u32>,
    pub duplicates: Vec<Duplicate>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BodyYear {
    pub year: u32,
    pub reports: Vec<usize>,
}

/// Two or more reports of one body for one year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Duplicate {
    pub year: u32,
    pub reports: Vec<usize>,
    /// What differs between them: each field with its value in each report (`null`: absent).
    pub differences: Vec<Difference>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Difference {
    /// `title`, `published`, `template`, or a cell id.
    pub field: String,
    pub values: Vec<Option<String>>,
}

/// At most this many differences are listed for one duplicate (a different template differs
/// in every cell).
const MAX_DIFFERENCES: usize = 30;

/// The bodies of a batch, by name, and the reports that name no body or no year.
pub fn group(results: &[ValidationResult]) -> (Vec<Body>, Vec<usize>) {
    let mut by_key: BTreeMap<String, BTreeMap<u32, Vec<usize>>> = BTreeMap::new();
    let mut unassigned = Vec::new();
    for (index, result) in results.iter().enumerate() {
        let key = result.report.body.as_deref().map(body_key).filter(|k| !k.is_empty());
        match (key, year_of(result)) {
            (Some(key), Some(year)) => by_key.entry(key).or_default().entry(year).or_default().push(index),
            _ => unassigned.push(index),
        }
    }
    // By key (the map's order), then by name.
    let by_key: Vec<Body> = by_key.into_iter().map(|(key, years)| body(key, years, results)).collect();
    let order = super::order_by(by_key.len(), &|a, b| by_key[a].name.cmp(&by_key[b].name));
    let bodies = order.into_iter().map(|i| by_key[i].clone()).collect();
    (bodies, unassigned)
}

/// The year a report is about: its title's, else its statistical period's.
pub fn year_of(result: &ValidationResult) -> Option<u32> {
    result.report.year.or(result.report.period_year)
}

fn body(key: String, years: BTreeMap<u32, Vec<usize>>, results: &[ValidationResult]) -> Body {
    let mut names: Vec<String> = Vec::new();
    for index in years.values().flatten() {
        let name = results[*index].report.body.clone().unwrap_or_default();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let latest = years.values().last().and_then(|r| r.first()).copied();
    let name = latest.and_then(|i| results[i].report.body.clone()).unwrap_or_else(|| key.clone());
    let (first, last) = (years.keys().next().copied(), years.keys().last().copied());
    let missing_years = match (first, last) {
        (Some(first), Some(last)) => (first..=last).filter(|y| !years.contains_key(y)).collect(),
        _ => Vec::new(),
    };
    let duplicates = (years.iter())
        .filter(|(_, reports)| reports.len() > 1)
        .map(|(year, reports)| Duplicate { year: *year, reports: reports.clone(), differences: differences(reports, results) })
        .collect();
    let years = years.into_iter().map(|(year, reports)| BodyYear { year, reports }).collect();
    Body { key, name, names, years, missing_years, duplicates }
}

/// Where the versions of one report differ: title, date, template, then every cell.
fn differences(reports: &[usize], results: &[ValidationResult]) -> Vec<Difference> {
    let versions: Vec<&ValidationResult> = reports.iter().map(|i| &results[*i]).collect();
    let mut out = Vec::new();
    let mut compare = |field: &str, value: &dyn Fn(&ValidationResult) -> Option<String>| {
        let values: Vec<Option<String>> = versions.iter().map(|r| value(r)).collect();
        if values.windows(2).any(|w| w[0] != w[1]) && out.len() < MAX_DIFFERENCES {
            out.push(Difference { field: field.to_string(), values });
        }
    };
    compare("title", &|r| r.report.title.clone());
    compare("published", &|r| r.report.published.clone());
    compare("template", &|r| r.template.map(str::to_string));
    // The first version's cells (in id order), then any the others add.
    let mut ids: Vec<&str> = Vec::new();
    for id in versions.iter().flat_map(|r| r.cells.keys().copied()) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    for id in ids {
        compare(id, &|r| r.cells.get(id).copied().flatten().map(|n| fmt_num(n.0)));
    }
    out
}

//! The validation result: one JSON shape for the CLI, the wasm API and the npm package
//! (`../shared/spec/OUTPUT.md`).

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

/// A figure: serialised as an integer when whole, so `8` is never written `8.0`.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Num(pub f64);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.fract() == 0.0 && self.0.abs() < 9_007_199_254_740_992.0 {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fix {
    pub cell: String,
    pub value: Num,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    /// In Chinese: what is wrong, with the figures, and what was expected.
    pub message: String,
    /// Every cell the finding is about.
    pub cells: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<Num>,
    /// 1-based line in the input text (for HTML/DOCX: in the extracted text).
    pub line: Option<usize>,
    /// The text of that line, as a reader sees it (at most 200 characters).
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(rule: &'static str, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity,
            message: message.into(),
            cells: Vec::new(),
            expected: None,
            actual: None,
            line: None,
            source: None,
            fix: None,
        }
    }

    pub fn cells(mut self, cells: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.cells = cells.into_iter().map(Into::into).collect();
        self
    }

    pub fn line(mut self, line: Option<usize>) -> Self {
        self.line = line.filter(|l| *l > 0);
        self
    }

    pub fn figures(mut self, expected: f64, actual: f64) -> Self {
        self.expected = Some(Num(expected));
        self.actual = Some(Num(actual));
        self
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InputInfo {
    pub kind: &'static str,
    pub chars: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ReportInfo {
    pub title: Option<String>,
    pub year: Option<u32>,
    pub published: Option<String>,
    /// The reporting body, from the title or signature.
    pub body: Option<String>,
    /// The year of the statistical period, when stated.
    pub period_year: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SectionInfo {
    pub number: u8,
    pub heading: String,
    pub line: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    /// The counts of a list of findings.
    pub fn of(diagnostics: &[Diagnostic]) -> Summary {
        let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
        Summary { errors: count(Severity::Error), warnings: count(Severity::Warning), infos: count(Severity::Info) }
    }
}

/// Orders findings as every result lists them: by severity (error, warning, info), then by
/// line (findings without a line last); the order is otherwise kept.
pub fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| (d.severity, d.line.unwrap_or(usize::MAX)));
}

/// Another report this one was checked with (`validate_batch`): the same body in the year
/// before or after.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LinkInfo {
    /// `previous` (the other report is last year's) or `next` (it is next year's).
    pub relation: &'static str,
    /// The other report's name as given to the batch.
    pub name: String,
    /// Its index in the batch's results.
    pub index: usize,
    /// The body both reports are of, as this report names it.
    pub body: String,
    /// The two report years, earlier first.
    pub years: [u32; 2],
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ValidationResult {
    pub engine: String,
    pub input: InputInfo,
    pub template: Option<&'static str>,
    pub report: ReportInfo,
    pub sections: Vec<SectionInfo>,
    pub cells: BTreeMap<&'static str, Option<Num>>,
    pub diagnostics: Vec<Diagnostic>,
    pub stats: crate::stats::Stats,
    pub summary: Summary,
    /// Reports of the same body in adjacent years checked together with this one; always
    /// present (an empty array for a report checked alone).
    pub links: Vec<LinkInfo>,
}

impl ValidationResult {
    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }

    /// Adds findings found later (across reports), keeping the order and counts right.
    pub fn add_diagnostics(&mut self, more: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(more);
        sort_diagnostics(&mut self.diagnostics);
        self.summary = Summary::of(&self.diagnostics);
    }
}

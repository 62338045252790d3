//! The rules. Each lives in its own file with its id, severity and documentation (what it
//! finds, why it matters, an example); [`RULES`] lists them all. `nianbao rules` and the
//! documentation are generated from this registry.

pub(crate) mod equations;

pub mod carry_chain;
mod cell_blank;
mod cell_fraction;
mod cell_negative;
mod cell_not_number;
mod cell_unreadable;
pub mod copied_text;
mod fee_statement;
pub mod figure_jump;
mod heading_variant;
mod input_unreadable;
mod late_publication;
mod missing_row;
mod missing_section;
mod missing_table;
mod overview_topics;
mod problems_substance;
mod outdated_template;
mod section_order;
mod suspect_cell;
mod t2_in_force;
mod t3_balance;
mod t3_results_sum;
mod t3_row_total;
mod t4_total;
mod template_deviation;
mod text_table_mismatch;
mod year_mismatch;

use crate::document::Document;
use crate::extract::Extraction;
use crate::locate::{Meta, SectionFound};
use crate::narrative::Prose;
use crate::result::{Diagnostic, Severity};
use crate::template::Template;

/// Everything a rule may look at.
pub struct Report<'a> {
    pub doc: &'a Document,
    pub meta: &'a Meta,
    pub sections: &'a [SectionFound],
    pub extraction: Option<&'a Extraction>,
    /// The prose outside the tables, read on first use and shared by the narrative rules
    /// (start it empty: `OnceCell::new()`); see [`Report::prose`].
    pub prose: std::cell::OnceCell<Prose<'a>>,
}

impl<'a> Report<'a> {
    pub fn template(&self) -> Option<&'static Template> {
        self.extraction.map(|e| e.template)
    }

    /// The passages of prose, read once for all the rules that need them.
    pub fn prose(&self) -> &Prose<'a> {
        self.prose.get_or_init(|| Prose::of(self.doc, self.sections))
    }
}

pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// Why it matters and an example.
    pub doc: &'static str,
    pub check: fn(&Report, &mut Vec<Diagnostic>),
}

impl Rule {
    pub fn diagnostic(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.id, self.severity, message)
    }
}

/// Every rule, in the order of `OUTPUT.md`.
pub static RULES: &[&Rule] = &[
    &t3_balance::RULE,
    &t3_results_sum::RULE,
    &t3_row_total::RULE,
    &t4_total::RULE,
    &suspect_cell::RULE,
    &cell_not_number::RULE,
    &cell_negative::RULE,
    &cell_fraction::RULE,
    &cell_blank::RULE,
    &cell_unreadable::RULE,
    &missing_section::RULE,
    &missing_table::RULE,
    &missing_row::RULE,
    &section_order::RULE,
    &outdated_template::RULE,
    &template_deviation::RULE,
    &year_mismatch::RULE,
    &late_publication::RULE,
    &t2_in_force::RULE,
    &text_table_mismatch::RULE,
    &fee_statement::RULE,
    &overview_topics::RULE,
    &problems_substance::RULE,
    &carry_chain::RULE,
    &copied_text::RULE,
    &figure_jump::RULE,
    &heading_variant::RULE,
    &input_unreadable::RULE,
];

pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

/// Runs every rule over a report.
pub fn check(report: &Report) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in RULES {
        (rule.check)(report, &mut out);
    }
    out
}

/// Formats a figure the way a report writes it: `8`, `4068.208`.
pub fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

//! nianbao: a validator for 政府信息公开工作年度报告 (government information disclosure annual
//! reports). Reads text, HTML or DOCX; matches the tables to the official template (2019 or
//! 2021); checks every rule; summarises the figures.
//!
//! ```text
//! bytes ──read──▶ Document ──extract──▶ cells ──rules──▶ diagnostics
//!                    └──locate──▶ sections, title, dates   └──stats──▶ stats
//! ```

pub mod batch;
pub mod cells;
pub mod desk;
pub mod document;
pub mod extract;
pub mod human;
pub mod layout;
pub mod locate;
pub mod narrative;
pub mod normalize;
pub mod read;
pub mod result;
pub mod rules;
pub mod stats;
pub mod template;
mod word_index;
#[cfg(target_arch = "wasm32")]
mod wasm;


use document::Document;
use result::{InputInfo, ReportInfo, SectionInfo, Summary, ValidationResult};

pub use batch::{validate_batch, BatchResult, Link};
pub use cells::{validate_cells, CellsError};

pub use read::{Source, LIMITS};
pub use result::{Diagnostic, Severity};

/// The engine's name and version, as it appears in every result.
pub const ENGINE: &str = concat!("nianbao ", env!("CARGO_PKG_VERSION"));

/// Validates raw bytes (text in any supported encoding, HTML, or DOCX).
pub fn validate_bytes(bytes: &[u8], source: &Source) -> ValidationResult {
    let (kind, chars, doc) = read::read(bytes, source);
    finish(kind, chars, &doc, source)
}

/// Validates text that is already decoded (pasted text or an HTML string).
pub fn validate_str(text: &str, source: &Source) -> ValidationResult {
    if text.len() > LIMITS.max_input_bytes {
        return validate_bytes(text.as_bytes(), source);
    }
    let ext = source.filename.and_then(|f| f.rsplit_once('.')).map(|(_, e)| e.to_ascii_lowercase());
    let (kind, chars, doc) = read::read_str(text, ext.as_deref());
    finish(kind, chars, &doc, source)
}

fn finish(kind: document::InputKind, chars: usize, doc: &Document, source: &Source) -> ValidationResult {
    finish_inspecting(kind, chars, doc, source, |_| ()).0
}

/// [`finish`], also handing the report (metadata, tables, prose) to `inspect` (the batch keeps
/// what it needs to compare reports with each other).
pub(crate) fn finish_inspecting<T>(
    kind: document::InputKind,
    chars: usize,
    doc: &Document,
    source: &Source,
    inspect: impl FnOnce(&rules::Report) -> T,
) -> (ValidationResult, T) {
    let fatal = doc.problems.iter().any(|p| p.fatal);
    let meta = if fatal { locate::Meta::default() } else { locate::meta(doc) };
    let sections = if fatal { Vec::new() } else { locate::sections(doc) };
    let extraction = if fatal { None } else { extract::extract(doc, &sections) };
    let report =
        rules::Report { doc, meta: &meta, sections: &sections, extraction: extraction.as_ref(), prose: Default::default() };
    let mut diagnostics = if fatal {
        let mut out = Vec::new();
        (rules::rule("input-unreadable").expect("registered").check)(&report, &mut out);
        out
    } else {
        rules::check(&report)
    };
    for d in &mut diagnostics {
        if let Some(line) = d.line {
            let text: String = doc.line_text(line).trim().chars().take(200).collect();
            d.source = Some(text);
        }
    }
    result::sort_diagnostics(&mut diagnostics);
    let summary = Summary::of(&diagnostics);
    let inspected = inspect(&report);
    let cells = extraction.as_ref().map(extract::Extraction::result_cells).unwrap_or_default();
    let result = ValidationResult {
        engine: ENGINE.to_string(),
        input: InputInfo { kind: kind.as_str(), chars, name: source.filename.map(str::to_string) },
        template: extraction.as_ref().map(|e| e.template.id),
        report: ReportInfo {
            title: meta.title.clone(),
            year: meta.year,
            published: meta.published.map(|d| d.iso()),
            body: meta.body.clone(),
            period_year: meta.period_year,
        },
        sections: sections
            .iter()
            .map(|s| SectionInfo { number: s.heading.number, heading: s.heading.text.clone(), line: s.line })
            .collect(),
        cells,
        diagnostics,
        stats: extraction.as_ref().map(stats::stats).unwrap_or_default(),
        summary,
        links: Vec::new(),
    };
    (result, inspected)
}

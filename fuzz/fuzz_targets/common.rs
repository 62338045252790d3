//! Shared by the fuzz targets: invariants every reader must keep, and a stored ZIP writer
//! that lets fuzz bytes reach the DOCX XML layer without first having to forge a valid
//! archive.
#![allow(dead_code)]

use nianbao::document::Document;
use nianbao::LIMITS;

#[path = "../../tests/common/zip.rs"]
mod zip;
pub use zip::stored_zip;

/// What any reader must guarantee, whatever the input: every cell points at a real line,
/// the limits hold, and a fatal problem carries a message.
pub fn check_document(doc: &Document) {
    for row in &doc.rows {
        for cell in &row.cells {
            assert!(
                (1..=doc.lines.len()).contains(&cell.line),
                "cell on line {} of {}",
                cell.line,
                doc.lines.len()
            );
        }
    }
    assert!(doc.lines.len() <= LIMITS.max_lines, "{} lines", doc.lines.len());
    let cells: usize = doc.rows.iter().map(|r| r.cells.len()).sum();
    // Every reader counts cells its own way (a text line is one cell, an HTML rowspan copy is
    // one too), so only a generous bound is common to all.
    assert!(cells <= LIMITS.max_cells + LIMITS.max_lines, "{cells} cells");
    for problem in &doc.problems {
        assert!(!problem.message.is_empty());
    }
}


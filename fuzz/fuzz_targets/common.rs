//! Shared by the fuzz targets: invariants every reader must keep, and a stored ZIP writer
//! that lets fuzz bytes reach the DOCX XML layer without first having to forge a valid
//! archive.
#![allow(dead_code)]

use nianbao::document::Document;
use nianbao::LIMITS;

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

/// A ZIP archive of `entries`, stored (not compressed), as Word would lay it out.
pub fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // version, flags, method, time, date
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        directory.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        directory.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // made by, needed, flags, method, time, date
        directory.extend_from_slice(&crc.to_le_bytes());
        directory.extend_from_slice(&size.to_le_bytes());
        directory.extend_from_slice(&size.to_le_bytes());
        directory.extend_from_slice(&(name.len() as u16).to_le_bytes());
        directory.extend_from_slice(&[0; 12]); // extra, comment, disk, internal and external attributes
        directory.extend_from_slice(&offset.to_le_bytes());
        directory.extend_from_slice(name.as_bytes());
    }
    let directory_offset = out.len() as u32;
    out.extend_from_slice(&directory);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(directory.len() as u32).to_le_bytes());
    out.extend_from_slice(&directory_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { 0xEDB8_8320 ^ (crc >> 1) } else { crc >> 1 };
        }
    }
    !crc
}

//! DOCX reader: unzips `word/document.xml` (plus `numbering.xml` and `styles.xml` for automatic
//! list labels) and turns its paragraphs and tables into a [`Document`].
//!
//! Everything is hand-written (a small ZIP reader, a streaming XML tokenizer) so the WebAssembly
//! build stays small; `miniz_oxide` inflates. Limits (from [`Limits`]), each reported as a fatal
//! problem in Chinese:
//! - `max_input_bytes`: the archive itself;
//! - `max_zip_entries`: files listed in the archive, checked before the directory is read;
//! - `max_unzipped_bytes`: decompressed bytes over all parts read, enforced against the declared
//!   sizes and while inflating (a part may not inflate past its declared size), together with a
//!   compression-ratio check, so a zip bomb is stopped before it costs time or memory;
//! - `max_depth`: XML element nesting, tracked on an explicit stack;
//! - `max_cells`, `max_lines`: table cells and text lines produced.
//!
//! Encrypted packages (an OLE file holding `EncryptedPackage`, or ZIP entries flagged as
//! encrypted), legacy `.doc`, other Office formats and truncated archives are named as such.

mod body;
mod numbering;
mod ooxml;
mod xml;
mod zip;

use super::Limits;
use crate::document::{Document, ReadProblem};
use numbering::ListLabels;
use ooxml::{walk, Handler, Name, Namespace};
use zip::{Archive, Budget};

const MAIN_PART: &str = "word/document.xml";
const OLE_SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub fn read_docx(bytes: &[u8], limits: &Limits) -> Document {
    read_package(bytes, limits).unwrap_or_else(|message| {
        let mut doc = Document::default();
        doc.problems.push(ReadProblem { message, fatal: true });
        doc
    })
}

fn read_package(bytes: &[u8], limits: &Limits) -> Result<Document, String> {
    if bytes.len() > limits.max_input_bytes {
        return Err(format!(
            "输入过大：{} 字节，超过上限 {} 字节，未作检查",
            bytes.len(),
            limits.max_input_bytes
        ));
    }
    if bytes.starts_with(&OLE_SIGNATURE) {
        return Err(describe_ole(bytes));
    }
    if !bytes.starts_with(b"PK") {
        return Err(describe_non_zip(bytes));
    }
    let archive = Archive::open(bytes, limits.max_zip_entries).map_err(|e| e.to_string())?;
    let mut budget = Budget::new(limits.max_unzipped_bytes);
    let main_part =
        main_part_name(&archive, &mut budget, limits).ok_or_else(|| describe_missing_main_part(&archive))?;
    let document_xml = read_part(&archive, &main_part, &mut budget)?.unwrap_or_default();
    let labels = list_labels(&archive, &mut budget, limits);
    Ok(body::read_body(&document_xml, limits, labels))
}

/// Automatic numbering is a nicety: a part that is missing, broken or over budget just gives
/// no labels.
fn list_labels(archive: &Archive<'_>, budget: &mut Budget, limits: &Limits) -> ListLabels {
    let Ok(Some(numbering_xml)) = read_part(archive, "word/numbering.xml", budget) else {
        return ListLabels::default();
    };
    let styles_xml = read_part(archive, "word/styles.xml", budget).ok().flatten();
    ListLabels::parse(&numbering_xml, styles_xml.as_deref(), limits.max_depth)
}

/// A part's text, or `None` when the archive has no such part.
fn read_part(archive: &Archive<'_>, name: &str, budget: &mut Budget) -> Result<Option<String>, String> {
    let Some(entry) = archive.find(name) else { return Ok(None) };
    let bytes = archive.read(entry, budget).map_err(|e| e.to_string())?;
    Ok(Some(decode_xml(bytes)))
}

/// XML parts are UTF-8 (with or without BOM) or, rarely, UTF-16 with a BOM. Valid UTF-8 is
/// taken over without a copy: a part may be tens of megabytes.
fn decode_xml(mut bytes: Vec<u8>) -> String {
    let utf16 = |bytes: &[u8], from: fn([u8; 2]) -> u16| {
        let units: Vec<u16> =
            bytes.chunks_exact(2).map(|pair| <[u8; 2]>::try_from(pair).map_or(0xFFFD, from)).collect();
        String::from_utf16_lossy(&units)
    };
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => return utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => return utf16(rest, u16::from_be_bytes),
        [0xEF, 0xBB, 0xBF, ..] => drop(bytes.drain(..3)),
        _ => {}
    }
    String::from_utf8(bytes).unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

/// `word/document.xml`, or wherever the package relationships say the main document is.
fn main_part_name(archive: &Archive<'_>, budget: &mut Budget, limits: &Limits) -> Option<String> {
    if archive.has(MAIN_PART) {
        return Some(MAIN_PART.to_string());
    }
    let rels = read_part(archive, "_rels/.rels", budget).ok().flatten()?;
    let mut finder = MainPartFinder { target: None };
    walk(&rels, limits.max_depth, &mut finder).ok()?;
    finder.target.filter(|target| archive.has(target))
}

/// Finds the target of the `officeDocument` relationship in `_rels/.rels`.
struct MainPartFinder {
    target: Option<String>,
}

impl<'a> Handler<'a> for MainPartFinder {
    fn start(&mut self, name: Name<'a>, tag: &xml::Tag<'a>) {
        let is_office_document = tag.attribute("Type").is_some_and(|kind| kind.ends_with("/officeDocument"));
        if name.namespace == Namespace::Relationships && name.local == "Relationship" && is_office_document {
            if let Some(target) = tag.attribute("Target") {
                self.target.get_or_insert_with(|| target.trim_start_matches('/').to_string());
            }
        }
    }

    fn end(&mut self, _: Name<'a>) {}

    fn text(&mut self, _: &'a str, _: bool) {}
}

fn describe_missing_main_part(archive: &Archive<'_>) -> String {
    let resave = "请在 Word/WPS 中把报告另存为 .docx 后再检查";
    if archive.has("xl/workbook.xml") {
        format!("这是 Excel 表格（.xlsx），不是 Word 文档：{resave}")
    } else if archive.has("ppt/presentation.xml") {
        format!("这是 PowerPoint 演示文稿（.pptx），不是 Word 文档：{resave}")
    } else if archive.has("content.xml") {
        format!("这是 OpenDocument 文件（.odt 等），不是 DOCX：{resave}")
    } else {
        format!("DOCX 文件已损坏或不完整：找不到 {MAIN_PART}。{resave}")
    }
}

/// An OLE compound file is either a legacy `.doc` or an encrypted OOXML package, whose
/// directory names the `EncryptedPackage` stream (in UTF-16LE).
fn describe_ole(bytes: &[u8]) -> String {
    let marker: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
    if bytes.windows(marker.len()).any(|window| window == marker.as_slice()) {
        "文件已加密：请在 Word/WPS 中取消密码后另存为 .docx 再检查".to_string()
    } else {
        "这是旧版 Word（.doc）文件：请在 Word/WPS 中“另存为 .docx”后再检查".to_string()
    }
}

fn describe_non_zip(bytes: &[u8]) -> String {
    let head = String::from_utf8_lossy(bytes.get(..1024).unwrap_or(bytes)).to_ascii_lowercase();
    if head.contains("mime-version") || head.contains("<html") || head.contains("<!doctype") {
        "文件名是 .docx，内容却是网页（HTML/MHT）：请把扩展名改为 .html，或在 Word 中另存为 .docx 后再检查"
            .to_string()
    } else if head.starts_with("{\\rtf") {
        "这是 RTF 文件，不是 DOCX：请在 Word/WPS 中另存为 .docx 后再检查".to_string()
    } else {
        "文件不是有效的 DOCX（不是 ZIP 压缩包）：请确认文件完整，或在 Word/WPS 中另存为 .docx 后再检查"
            .to_string()
    }
}

#[cfg(test)]
mod tests;

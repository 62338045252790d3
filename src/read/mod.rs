//! Readers: bytes → [`Document`]. One reader per input kind; `read` sniffs which one applies.

mod encoding;
mod flat;
pub mod docx;
pub mod html;
pub mod text;

use crate::document::{Document, InputKind, ReadProblem};

/// Hard limits that keep every input bounded in time and memory. Past a limit the result
/// carries a fatal problem instead of a partial answer passed off as whole.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Input size in bytes (raw file, before decoding or decompression).
    pub max_input_bytes: usize,
    /// Lines of extracted text.
    pub max_lines: usize,
    /// Table cells, over all tables.
    pub max_cells: usize,
    /// Element nesting depth for HTML and DOCX XML.
    pub max_depth: usize,
    /// Total decompressed bytes read from a DOCX archive.
    pub max_unzipped_bytes: usize,
    /// Entries in a DOCX archive.
    pub max_zip_entries: usize,
}

pub const LIMITS: Limits = Limits {
    max_input_bytes: 20 * 1024 * 1024,
    max_lines: 200_000,
    max_cells: 200_000,
    max_depth: 256,
    max_unzipped_bytes: 64 * 1024 * 1024,
    max_zip_entries: 2_000,
};

/// What the caller tells us about the input besides its bytes.
#[derive(Clone, Debug, Default)]
pub struct Source<'a> {
    /// The file name, when known: its extension decides the reader before sniffing does.
    pub filename: Option<&'a str>,
}

/// Reads raw bytes of any supported kind.
pub fn read(bytes: &[u8], source: &Source) -> (InputKind, usize, Document) {
    let ext = source
        .filename
        .and_then(|f| f.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    let fatal = |kind, message: String| {
        let mut doc = Document::default();
        doc.problems.push(ReadProblem { message, fatal: true });
        (kind, 0, doc)
    };
    if bytes.len() > LIMITS.max_input_bytes {
        return fatal(
            InputKind::Text,
            format!(
                "输入过大：{} 字节，超过上限 {} 字节（20 MB），未作检查",
                bytes.len(),
                LIMITS.max_input_bytes
            ),
        );
    }
    if bytes.starts_with(b"%PDF") || ext.as_deref() == Some("pdf") {
        return fatal(
            InputKind::Text,
            "这是 PDF 文件：本程序不直接读取 PDF，请使用 npm 包的命令行（npx nianbao check）或网页版，或先将文字复制为文本".into(),
        );
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) || ext.as_deref() == Some("doc") {
        return fatal(
            InputKind::Docx,
            "这是旧版 Word（.doc）或加密的文档：请在 Word 中“另存为 .docx”后再检查".into(),
        );
    }
    if bytes.starts_with(b"PK\x03\x04") || ext.as_deref() == Some("docx") {
        let doc = docx::read_docx(bytes, &LIMITS);
        let chars = doc.lines.iter().map(|l| l.chars().count() + 1).sum::<usize>();
        return (InputKind::Docx, chars, doc);
    }
    let text = match encoding::decode(bytes) {
        Ok(text) => text,
        Err(message) => return fatal(InputKind::Text, message),
    };
    read_str(&text, ext.as_deref())
}

/// Reads text that is already decoded (pasted text, or a string from JavaScript).
pub fn read_str(text: &str, ext: Option<&str>) -> (InputKind, usize, Document) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        let mut doc = Document::default();
        let message = if text.is_empty() { "输入为空，未作检查" } else { "输入只有空白字符，没有可检查的文字，未作检查" };
        doc.problems.push(ReadProblem { message: message.into(), fatal: true });
        return (InputKind::Text, text.chars().count(), doc);
    }
    let chars = text.chars().count();
    let is_html = match ext {
        Some("htm" | "html" | "xhtml" | "shtml") => true,
        Some("txt" | "md" | "csv" | "tsv") => false,
        _ => looks_like_html(text),
    };
    if is_html {
        (InputKind::Html, chars, html::read_html(text, &LIMITS))
    } else {
        (InputKind::Text, chars, text::read_text(text, &LIMITS))
    }
}

/// HTML when the text starts with markup or carries the tags a report table needs.
fn looks_like_html(text: &str) -> bool {
    let trimmed = text.trim_start();
    if ["<!doctype", "<html", "<?xml"].iter().any(|prefix| starts_with_ignore_ascii_case(trimmed, prefix)) {
        return true;
    }
    // Texts up to 64 KB are searched whole, longer ones in their first 2048 characters only.
    let searched = if text.len() < 64 * 1024 {
        text
    } else {
        let head_end = trimmed.char_indices().nth(2048).map_or(trimmed.len(), |(at, _)| at);
        &trimmed[..head_end]
    };
    let tags = TagsSeen::scan(searched);
    trimmed.starts_with('<') && (tags.table || tags.p || tags.div || tags.body) || tags.table && tags.td
}

fn starts_with_ignore_ascii_case(text: &str, prefix: &str) -> bool {
    text.as_bytes().get(..prefix.len()).is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Which of the tags `looks_like_html` asks about occur (as `<name…`, any case), found in one
/// pass over the `<` of the text.
#[derive(Default)]
struct TagsSeen {
    table: bool,
    td: bool,
    p: bool,
    div: bool,
    body: bool,
}

impl TagsSeen {
    fn scan(text: &str) -> TagsSeen {
        let mut seen = TagsSeen::default();
        for (at, _) in text.match_indices('<') {
            let after = &text[at + 1..];
            let is = |name: &str| starts_with_ignore_ascii_case(after, name);
            seen.table |= is("table");
            seen.td |= is("td");
            seen.p |= is("p");
            seen.div |= is("div");
            seen.body |= is("body");
        }
        seen
    }
}

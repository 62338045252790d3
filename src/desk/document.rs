//! A document as the desk writes it (审查意见, 汇总分析): headings, paragraphs, numbered items,
//! tables and charts — one model written out as Markdown, as a printable HTML page and as
//! DOCX ([`super::docx`]), so the three never say different things.

/// One block of a document.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Level 1 is the document's title; 2 a section (一、…); 3 a subsection.
    Heading(u8, String),
    Paragraph(String),
    /// Numbered items; each item's first line is its text, the others are details under it.
    Items(Vec<Vec<String>>),
    Table { head: Vec<String>, rows: Vec<Vec<String>> },
    /// An SVG chart (HTML only; the same figures are in a table next to it).
    Chart(String),
    /// A paragraph set to the right (signature, date).
    Signature(String),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            match block {
                Block::Heading(level, text) => out += &format!("{} {}\n\n", "#".repeat(usize::from(*level)), md_inline(text)),
                Block::Paragraph(text) => out += &format!("{}\n\n", md_inline(text)),
                Block::Signature(text) => out += &format!("<p align=\"right\">{}</p>\n\n", escape(text)),
                Block::Items(items) => {
                    for (n, item) in items.iter().enumerate() {
                        let mut lines = item.iter();
                        out += &format!("{}. {}\n", n + 1, md_inline(lines.next().map_or("", String::as_str)));
                        for detail in lines {
                            out += &format!("   - {}\n", md_inline(detail));
                        }
                    }
                    out += "\n";
                }
                Block::Table { head, rows } => {
                    let row = |cells: &[String]| format!("| {} |\n", cells.iter().map(|c| md_inline(c)).collect::<Vec<_>>().join(" | "));
                    out += &row(head);
                    out += &format!("|{}\n", "---|".repeat(head.len()));
                    for r in rows {
                        out += &row(r);
                    }
                    out += "\n";
                }
                Block::Chart(_) => {}
            }
        }
        out
    }

    /// The document as HTML (a fragment: an `<article>`); see [`html_page`].
    pub fn html(&self) -> String {
        let mut out = String::from("<article>\n");
        for block in &self.blocks {
            match block {
                Block::Heading(level, text) => out += &format!("<h{level}>{}</h{level}>\n", escape(text)),
                Block::Paragraph(text) => out += &format!("<p>{}</p>\n", escape(text)),
                Block::Signature(text) => out += &format!("<p class=\"signature\">{}</p>\n", escape(text)),
                Block::Items(items) => {
                    out += "<ol>\n";
                    for item in items {
                        let mut lines = item.iter();
                        out += &format!("<li>{}", escape(lines.next().map_or("", String::as_str)));
                        let details: Vec<String> = lines.map(|d| format!("<li>{}</li>", escape(d))).collect();
                        if !details.is_empty() {
                            out += &format!("<ul>{}</ul>", details.concat());
                        }
                        out += "</li>\n";
                    }
                    out += "</ol>\n";
                }
                Block::Table { head, rows } => {
                    out += "<table>\n<thead><tr>";
                    for h in head {
                        out += &format!("<th>{}</th>", escape(h));
                    }
                    out += "</tr></thead>\n<tbody>\n";
                    for r in rows {
                        out += "<tr>";
                        for c in r {
                            out += &format!("<td>{}</td>", escape(c));
                        }
                        out += "</tr>\n";
                    }
                    out += "</tbody>\n</table>\n";
                }
                Block::Chart(svg) => out += &format!("<figure>{svg}</figure>\n"),
            }
        }
        out += "</article>\n";
        out
    }
}

/// Documents as one printable HTML page (each starts on a new page when printed).
pub fn html_page(title: &str, documents: &[Document]) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        escape(title)
    );
    for document in documents {
        out += &document.html();
    }
    out += "</body>\n</html>\n";
    out
}

const STYLE: &str = "body{font-family:\"SimSun\",\"Songti SC\",serif;max-width:52em;margin:2em auto;line-height:1.7;color:#000;background:#fff}
h1{text-align:center;font-size:1.6em}h2{font-size:1.2em;margin-top:1.5em}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #000;padding:.2em .4em;text-align:left;vertical-align:top}
.signature{text-align:right}figure{margin:1em 0}
article+article{break-before:page;page-break-before:always}
@media print{body{margin:0;max-width:none}}
";

/// Text for HTML (element content and attribute values).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Text for a Markdown line: characters that would start markup are escaped.
fn md_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}


#[cfg(test)]
mod tests {
    use super::{Block, Document};

    #[test]
    fn markup_in_text_is_escaped() {
        let mut d = Document::default();
        d.push(Block::Paragraph("<script>a|b*c</script>".into()));
        d.push(Block::Table { head: vec!["x".into()], rows: vec![vec!["1|2".into()]] });
        assert_eq!(d.markdown(), "\\<script\\>a\\|b\\*c\\</script\\>\n\n| x |\n|---|\n| 1\\|2 |\n\n");
        assert!(d.html().contains("<p>&lt;script&gt;a|b*c&lt;/script&gt;</p>"));
    }
}

//! Text reader (being written).
use super::Limits;
use crate::document::Document;

pub fn read_text(text: &str, _limits: &Limits) -> Document {
    let mut doc = Document::default();
    for line in text.lines() {
        doc.push_text_line(line);
    }
    doc
}

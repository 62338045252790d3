//! DOCX reader (to be written).
use super::Limits;
use crate::document::{Document, ReadProblem};

pub fn read_docx(_bytes: &[u8], _limits: &Limits) -> Document {
    let mut doc = Document::default();
    doc.problems.push(ReadProblem { message: "DOCX 暂不支持".into(), fatal: true });
    doc
}

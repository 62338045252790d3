//! HTML reader (to be written).
use super::Limits;
use crate::document::Document;

pub fn read_html(text: &str, limits: &Limits) -> Document {
    super::text::read_text(text, limits)
}

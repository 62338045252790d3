//! The DOCX reader past the ZIP layer: the fuzz bytes, split at 0xFF bytes (which UTF-8 never
//! holds), become `word/document.xml`, `word/numbering.xml` and `word/styles.xml` of a valid
//! stored archive, so the XML tokenizer, namespace walk, body reader and list numbering are
//! what gets fuzzed.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use nianbao::read::{docx::read_docx, LIMITS};

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |&b| b == 0xFF);
    let document = parts.next().unwrap_or_default();
    let mut entries: Vec<(&str, &[u8])> = vec![("word/document.xml", document)];
    if let Some(numbering) = parts.next() {
        entries.push(("word/numbering.xml", numbering));
    }
    if let Some(styles) = parts.next() {
        entries.push(("word/styles.xml", styles));
    }
    let archive = common::stored_zip(&entries);
    common::check_document(&read_docx(&archive, &LIMITS));
});

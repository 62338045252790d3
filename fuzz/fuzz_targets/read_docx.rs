//! The DOCX reader on raw bytes: the ZIP layer (directory, local headers, inflate, CRC).
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use nianbao::read::{docx::read_docx, LIMITS};

fuzz_target!(|data: &[u8]| {
    common::check_document(&read_docx(data, &LIMITS));
});

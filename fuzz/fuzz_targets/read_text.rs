//! The text reader on any text (bytes decoded lossily, as a paste would be).
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use nianbao::read::{text::read_text, LIMITS};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    common::check_document(&read_text(&text, &LIMITS));
});

//! The HTML reader on any text (bytes decoded lossily).
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use nianbao::read::{html::read_html, LIMITS};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    common::check_document(&read_html(&text, &LIMITS));
});

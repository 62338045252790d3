//! The whole pipeline on raw bytes: sniffing, decoding, reading, locating, matching, every
//! rule and the statistics. Also checks the result is well formed and serialises.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nianbao::{validate_bytes, Severity, Source};

fuzz_target!(|data: &[u8]| {
    let result = validate_bytes(data, &Source::default());
    let errors = result.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    assert_eq!(result.summary.errors, errors);
    let unreadable = result.diagnostics.iter().any(|d| d.rule == "input-unreadable");
    if unreadable {
        assert!(result.template.is_none(), "a partial answer passed off with an unreadable input");
    }
    serde_json::to_string(&result).expect("result serialises");
});

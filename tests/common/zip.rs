//! The stored (uncompressed) ZIP writer of the library's DOCX output, for tests and fuzz
//! targets (`fuzz/fuzz_targets/common.rs` includes this file by `#[path]`).
pub use nianbao::desk::docx::stored_zip;

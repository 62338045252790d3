//! Bytes → text: UTF-8 (with or without BOM), UTF-16 (with BOM, or recognised by its zero
//! bytes), GB18030/GBK.
//!
//! GBK is chosen when the bytes are not valid UTF-8, or when an HTML `<meta charset>` says so.
//! Native builds decode GB18030 with `encoding_rs`; the wasm build asks the host's
//! `TextDecoder`, which every browser and Node ≥ 18 carries, so the tables stay out of the wasm.

use std::borrow::Cow;

/// The text of `bytes`; borrowed when they are UTF-8 already (the common case).
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok(String::from_utf8_lossy(rest));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(Cow::Owned(utf16(rest, u16::from_le_bytes)));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(Cow::Owned(utf16(rest, u16::from_be_bytes)));
    }
    if let Some(text) = utf16_without_bom(bytes) {
        return Ok(Cow::Owned(text));
    }
    if looks_binary(bytes) {
        return Err("输入不是文本（含有零字节或大量控制字符），无法读取；支持的格式：文本、HTML、DOCX".into());
    }
    let declared_gbk = declared_charset(bytes).is_some_and(|c| {
        [&b"gbk"[..], b"gb2312", b"gb18030", b"x-gbk", b"cp936", b"euc-cn"].iter().any(|gbk| c.eq_ignore_ascii_case(gbk))
    });
    match utf8(bytes) {
        Some(text) if !declared_gbk => Ok(Cow::Borrowed(text)),
        // A page that says GBK but is valid UTF-8 was re-saved by a tool that kept the old meta.
        Some(text) if !has_non_ascii(bytes) || !valid_gbk_pairs(bytes) => Ok(Cow::Borrowed(text)),
        None if !declared_gbk && mostly_utf8(bytes) => Ok(String::from_utf8_lossy(bytes)),
        _ => decode_gb18030(bytes).map(Cow::Owned),
    }
}

/// `bytes` as text when they are valid UTF-8.
fn utf8(bytes: &[u8]) -> Option<&str> {
    #[cfg(not(target_arch = "wasm32"))]
    return simdutf8::basic::from_utf8(bytes).ok();
    #[cfg(target_arch = "wasm32")]
    return std::str::from_utf8(bytes).ok();
}

fn utf16(bytes: &[u8], to_unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| to_unit([p[0], p[1]]));
    char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect()
}

/// UTF-16 saved without a byte-order mark (some Windows tools do): every ASCII character
/// (digits, spaces, line breaks) has a zero byte, always on the same side of its pair. Taken
/// only when at least one unit in eight has that zero, at most a quarter as many have it on the
/// other side (CJK characters such as 开 U+5F00 and 一 U+4E00 do), and the decoded sample reads
/// as text.
fn utf16_without_bom(bytes: &[u8]) -> Option<String> {
    let sample = &bytes[..bytes.len().min(8192)];
    let units = sample.len() / 2;
    // Most input has no zero byte at all: one SIMD search settles it.
    if units < 2 || memchr::memchr(0, sample).is_none() {
        return None;
    }
    let (mut zero_first, mut zero_second) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        zero_first += usize::from(pair[0] == 0);
        zero_second += usize::from(pair[1] == 0);
    }
    let to_unit: fn([u8; 2]) -> u16 = if zero_second * 8 >= units && zero_first * 4 <= zero_second {
        u16::from_le_bytes
    } else if zero_first * 8 >= units && zero_second * 4 <= zero_first {
        u16::from_be_bytes
    } else {
        return None;
    };
    let head = utf16(sample, to_unit);
    let total = head.chars().count();
    let odd = head
        .chars()
        .filter(|c| *c == '\u{fffd}' || *c == '\0' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')))
        .count();
    (odd * 50 <= total).then(|| utf16(bytes, to_unit))
}

/// UTF-8 with a few stray invalid bytes (a cut download, one byte of another encoding): at
/// most one invalid byte per hundred multi-byte characters. GBK text is never read this way:
/// its pairs hardly ever form valid UTF-8 sequences. Decoding such text as GB18030 would turn
/// every Chinese character into two wrong ones without a single decoding error.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    multibyte > 0 && invalid * 100 <= multibyte
}

fn has_non_ascii(bytes: &[u8]) -> bool {
    bytes.iter().any(|b| *b >= 0x80)
}

/// True when every high byte starts a well-formed GBK double-byte pair.
fn valid_gbk_pairs(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
        } else if (0x81..=0xFE).contains(&b) && bytes.get(i + 1).is_some_and(|t| (0x40..=0xFE).contains(t) && *t != 0x7F) {
            i += 2;
        } else {
            return false;
        }
    }
    true
}

fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    // Zero is a control byte too.
    let controls: usize = sample.iter().map(|&b| usize::from(is_control_byte(b))).sum();
    !sample.is_empty() && (memchr::memchr(0, sample).is_some() || controls * 20 > sample.len())
}

/// A control byte other than a line break, tab or form feed (tested without branches, so that
/// counting them compiles to vector code).
fn is_control_byte(b: u8) -> bool {
    (b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0C)
}

/// The charset named by `<meta charset=…>` or `content="…; charset=…"` in the first 4 KB, as
/// written (compare it ignoring ASCII case).
fn declared_charset(bytes: &[u8]) -> Option<&[u8]> {
    let head = &bytes[..bytes.len().min(4096)];
    // Looking for a `c` first (with SIMD) keeps the search well under one comparison per byte.
    let at = memchr::memchr2_iter(b'c', b'C', head)
        .find(|&at| head.get(at..at + 7).is_some_and(|word| word.eq_ignore_ascii_case(b"charset")))?;
    // Each byte stands for the character of the same number, as Latin-1 would read it, so the
    // spaces skipped are those `char::is_whitespace` knows, NEL and NBSP included.
    let skip_spaces = |rest: &[u8]| -> usize { rest.iter().take_while(|&&b| char::from(b).is_whitespace()).count() };
    let mut rest = &head[at + 7..];
    rest = &rest[skip_spaces(rest)..];
    rest = rest.strip_prefix(b"=")?;
    rest = &rest[skip_spaces(rest)..];
    rest = &rest[rest.iter().take_while(|&&b| matches!(b, b'"' | b'\'')).count()..];
    let len = rest.iter().take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_')).count();
    (len > 0).then_some(&rest[..len])
}

#[cfg(not(target_arch = "wasm32"))]
fn decode_gb18030(bytes: &[u8]) -> Result<String, String> {
    let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
    finish_gb18030(text.into_owned(), had_errors)
}

#[cfg(target_arch = "wasm32")]
fn decode_gb18030(bytes: &[u8]) -> Result<String, String> {
    let options = web_sys::TextDecoderOptions::new();
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options)
        .map_err(|_| "此环境不支持 GB18030 解码（TextDecoder）".to_string())?;
    let text = decoder
        .decode_with_u8_array(bytes)
        .map_err(|_| "GB18030 解码失败".to_string())?;
    let had_errors = text.contains('\u{fffd}');
    finish_gb18030(text, had_errors)
}

fn finish_gb18030(text: String, had_errors: bool) -> Result<String, String> {
    let bad = text.chars().filter(|c| *c == '\u{fffd}').count();
    if had_errors && bad * 50 > text.chars().count().max(1) {
        return Err("无法识别文本编码：既不是 UTF-8，也不是 GBK/GB18030".into());
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("总计".as_bytes()).unwrap(), "总计");
        assert_eq!(decode(&[0xEF, 0xBB, 0xBF, b'a']).unwrap(), "a");
    }

    #[test]
    fn utf16_both_orders() {
        assert_eq!(decode(&[0xFF, 0xFE, 0x3B, 0x60, 0xA1, 0x8B]).unwrap(), "总计");
        assert_eq!(decode(&[0xFE, 0xFF, 0x60, 0x3B, 0x8B, 0xA1]).unwrap(), "总计");
    }

    #[test]
    fn utf16_without_bom_both_orders() {
        let text = "总计\t12\n自然人 3\n一、公开 5\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap(), text);
        assert_eq!(decode(&be).unwrap(), text);
        // Zeros on both sides, or a decoding full of control characters, is not UTF-16 text.
        assert!(decode(&[0, 0, 1, 0, 0, 0, 2, 0, 3, 0, 0, 0]).is_err());
        assert!(decode(&[1, 0, 2, 0, 3, 0, 4, 0]).is_err());
    }

    #[test]
    fn gbk_detected_from_bytes_and_meta() {
        let gbk = [0xD7, 0xDC, 0xBC, 0xC6]; // 总计
        assert_eq!(decode(&gbk).unwrap(), "总计");
        let mut page = b"<meta charset=\"gbk\"><p>".to_vec();
        page.extend_from_slice(&gbk);
        assert!(decode(&page).unwrap().ends_with("总计"));
    }

    #[test]
    fn utf8_with_a_stray_byte_stays_utf8() {
        let mut bytes = "总计".repeat(100).into_bytes();
        bytes.insert(6, 0xFF);
        let text = decode(&bytes).unwrap();
        assert_eq!(text.matches("总计").count(), 100);
        assert!(text.contains('\u{fffd}'));
        // GBK, even with a stray byte, is still GBK.
        let mut gbk = [0xD7, 0xDC, 0xBC, 0xC6].repeat(100);
        gbk.insert(4, 0xFF);
        assert_eq!(decode(&gbk).unwrap().matches("总计").count(), 100);
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(&[0, 1, 2, 3, 0, 0, 7, 8]).is_err());
    }
}

//! Label and value normalisation: the many ways reports write the same label or number.

use std::borrow::Cow;

/// Folds full-width ASCII (！-～) and the ideographic space to their half-width forms.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{3000}' | '\u{a0}' => ' ',
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        _ => c,
    }
}

/// `str::trim`, answered at once for the common line: one that starts and ends with a visible
/// ASCII character or a CJK ideograph (or a full-width form), neither of which is white space.
/// Called on every line of a report, several times.
pub fn trim(text: &str) -> &str {
    let bytes = text.as_bytes();
    let plain_ascii = |b: u8| (0x21..=0x7e).contains(&b);
    // Lead bytes of U+4000–U+9FFF and U+F000–U+FFFF: three-byte characters, none white space.
    let plain_lead = |b: u8| matches!(b, 0xe4..=0xe9 | 0xef);
    let plain_start = bytes.first().is_some_and(|&b| plain_ascii(b) || plain_lead(b));
    let plain_end = match bytes.len() {
        0 => false,
        len => plain_ascii(bytes[len - 1]) || len >= 3 && plain_lead(bytes[len - 3]),
    };
    if plain_start && plain_end {
        text
    } else {
        text.trim()
    }
}

/// Characters that show nothing but split a word for a computer: zero-width spaces and joiners,
/// the soft hyphen, the byte-order mark, and the bidirectional marks, embeddings and isolates
/// (pasted from right-to-left-aware editors or planted). `予\u{200b}以公开` reads `予以公开`.
pub fn is_invisible(c: char) -> bool {
    // Settles ASCII, the most common case, with one comparison.
    c >= '\u{ad}'
        && matches!(
            c,
            '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
        )
}

/// The key a label is matched by: width-folded, with spaces, punctuation, brackets, quotes,
/// invisible characters and numbering marks removed, 合计 read as 总计.
/// `（三）不予公开 1．属于“国家秘密”` → `三不予公开1属于国家秘密`.
pub fn label_key(text: &str) -> String {
    let mut key = String::new();
    label_key_into(text, &mut key);
    key
}

/// [`label_key`] written into `key` (cleared first), so a caller can reuse one buffer.
pub fn label_key_into(text: &str, key: &mut String) {
    key.clear();
    key.reserve(text.len());
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Most of a label, read from its bytes: ASCII, and CJK ideographs (copied as written).
        match bytes[at..] {
            [b, ..] if b.is_ascii() => {
                if b.is_ascii_alphanumeric() {
                    key.push(char::from(b.to_ascii_lowercase()));
                }
                at += 1;
                continue;
            }
            [lead @ 0xE4..=0xE9, b1, ..] if lead > 0xE4 || b1 >= 0xB8 => {
                // U+4E00 to U+9FFF. 合计 is read 总计.
                let ideograph = &text[at..at + 3];
                if ideograph == "计" && key.ends_with('合') {
                    key.truncate(key.len() - '合'.len_utf8());
                    key.push('总');
                }
                key.push_str(ideograph);
                at += 3;
                continue;
            }
            _ => {}
        }
        let c = text[at..].chars().next().expect("at a character boundary");
        at += c.len_utf8();
        let c = fold_width(c);
        if !is_invisible(c) && (is_cjk_or_ascii_alphanumeric(c) || (!c.is_ascii() && c.is_alphanumeric())) {
            key.push(c.to_ascii_lowercase());
        }
    }
}

/// The characters of `text` as the matcher reads them: invisible ones dropped, width folded.
fn visible_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|c| !is_invisible(*c)).map(fold_width)
}

/// `text` with invisible characters dropped and widths folded; borrowed when that changes
/// nothing (plain ASCII figures, most labels).
fn fold_visible(text: &str) -> Cow<'_, str> {
    if !text.is_ascii() && text.chars().any(|c| is_invisible(c) || fold_width(c) != c) {
        Cow::Owned(visible_chars(text).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// The common case of `char::is_alphanumeric`, without its table lookup.
fn is_cjk_or_ascii_alphanumeric(c: char) -> bool {
    c.is_ascii_alphanumeric() || ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// What a table cell holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CellValue {
    Number(f64),
    /// Empty, or a dash, slash or 无: read as 0 and reported by `cell-blank`.
    Blank,
    /// Text that is not a number.
    Text,
    /// [`UNREADABLE`]: a figure the PDF reader saw but could not read whole.
    Unreadable,
}

/// A cell whose text is exactly this (U+FFFD) is present but unreadable: the PDF reader saw a
/// figure there but cannot tell it with certainty (its digits wrapped or crossed a border).
/// It stands where a figure stands and is read as neither a number nor a label.
pub const UNREADABLE: &str = "\u{fffd}";

const DASHES: &[&str] = &["-", "—", "——", "–", "―", "－", "/", "／", "\\", "无", "空", "--", "----", "/ /"];

/// Reads a cell: `251000元` → 251000, `22（其中修订16件）` → 22, `１２` → 12, `1,234` → 1234,
/// `—`/`/`/`无`/empty → blank. Anything else → `Text`.
pub fn parse_cell(text: &str) -> CellValue {
    // Most figures are plain digits: read them before anything is folded or trimmed.
    if (1..=15).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        return CellValue::Number(whole_number(text.as_bytes()));
    }
    // Most other cells are labels or prose: only a sign, a digit, a point or the start of a dash can
    // begin a number or a blank, so decide on the first visible character before folding.
    let Some(first) = visible_chars(text).find(|c| !c.is_whitespace()) else { return CellValue::Blank };
    if first == '\u{fffd}' {
        return if text.trim() == UNREADABLE { CellValue::Unreadable } else { CellValue::Text };
    }
    if !(first.is_ascii_digit() || matches!(first, '+' | '.') || DASHES.iter().any(|d| d.starts_with(first))) {
        return CellValue::Text;
    }
    let folded = fold_visible(text);
    let t = folded.trim();
    if DASHES.contains(&t) {
        return CellValue::Blank;
    }
    let (number, rest) = leading_number(t);
    let Some(number) = number else { return CellValue::Text };
    let rest = rest.trim_start();
    let note_ok = rest.is_empty()
        || UNITS.contains(&rest)
        || (rest.starts_with('(') && rest.ends_with(')'))
        || UNITS.iter().any(|u| rest.strip_prefix(u).is_some_and(|r| r.trim_start().starts_with('(') && r.ends_with(')')));
    if note_ok { CellValue::Number(number) } else { CellValue::Text }
}

const UNITS: &[&str] = &["元", "万元", "件", "个", "项", "条", "次", "人", "宗", "户", "笔", "%"];

/// `token` without a unit after its figure (`984361元` → `984361`, `2笔` → `2`); as it is when
/// it ends in none.
pub fn strip_unit(token: &str) -> &str {
    UNITS.iter().find_map(|u| token.strip_suffix(u)).unwrap_or(token)
}

/// A whitespace-separated token that is a figure in a text row (`8`, `1,234`, `4068.208`, `-`).
/// Stricter than `parse_cell`: no units or notes, so prose never yields a figure.
pub fn is_figure_token(token: &str) -> bool {
    // Most tokens are prose: decide on the first visible character before building anything.
    if token == UNREADABLE {
        return true;
    }
    let first = visible_chars(token).next();
    if !matches!(first, Some('0'..='9' | '-' | '+' | '—' | '/')) {
        return false;
    }
    let t = fold_visible(token);
    if matches!(&*t, "-" | "—" | "——" | "/") {
        return true;
    }
    matches!(leading_number(&t), (Some(_), "")) && !t.ends_with('.')
}

/// Parses an optionally signed decimal at the start of `t` (thousands commas allowed).
fn leading_number(t: &str) -> (Option<f64>, &str) {
    let bytes = t.as_bytes();
    let mut i = 0;
    if matches!(bytes.first(), Some(b'-' | b'+')) {
        i = 1;
    }
    let digits_start = i;
    let mut has_separator = false;
    let mut seen_dot = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
        } else if b == b',' && i > digits_start && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) && !seen_dot {
            has_separator = true;
        } else if b == b'.' && !seen_dot && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            seen_dot = true;
        } else {
            break;
        }
        i += 1;
    }
    if i == digits_start {
        return (None, t);
    }
    let number = &t[..i];
    // Most figures are whole numbers of a few digits: summed as an integer they are exact (up
    // to 15 digits, below 2^53) and cost a tenth of `f64::from_str`, which takes the rest as
    // written; only thousands separators need a copy without them (rare).
    let digits = &bytes[digits_start..i];
    if !seen_dot && !has_separator && digits.len() <= 15 {
        let magnitude = whole_number(digits);
        return (Some(if bytes[0] == b'-' { -magnitude } else { magnitude }), &t[i..]);
    }
    let value = if has_separator { number.replace(',', "").parse::<f64>() } else { number.parse::<f64>() };
    (value.ok(), &t[i..])
}

/// The value of up to 15 ASCII digits, exact (below 2^53).
fn whole_number(digits: &[u8]) -> f64 {
    debug_assert!(digits.len() <= 15 && digits.iter().all(u8::is_ascii_digit));
    digits.iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0')) as f64
}

/// Reads a year/number written in ASCII digits, full-width digits or Chinese numerals
/// (`二〇二一`, `2021`). Returns `None` if it is none of these.
pub fn parse_digits(text: &str) -> Option<u32> {
    let mut value: u32 = 0;
    let mut any = false;
    for c in text.chars() {
        let d = match fold_width(c) {
            'O' | 'o' => 0,
            c => digit_value(c)?,
        };
        value = value.checked_mul(10)?.checked_add(d)?;
        any = true;
    }
    any.then_some(value)
}

/// A digit written in ASCII, full width or as a Chinese numeral (〇/零 to 九).
pub fn digit_value(c: char) -> Option<u32> {
    match fold_width(c) {
        d @ '0'..='9' => Some(d as u32 - '0' as u32),
        '〇' | '零' => Some(0),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_is_str_trim() {
        let samples = [
            "", " ", "规章", " 规章 ", "\u{3000}规章\u{3000}", "规章\u{3000}", "\u{a0}1", "1\u{a0}", "a\u{2028}", "\u{2003}a",
            "１２", "（一）", "一、总体情况\r", "\t0\t", "行政许可 97", "\u{feff}规章", "规章\u{85}", "\u{1680}x", "x\u{205f}",
        ];
        for text in samples {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn label_keys_fold_variants() {
        assert_eq!(label_key("（三）不予公开 1．属于国家秘密"), "三不予公开1属于国家秘密");
        assert_eq!(label_key("(七)合计"), "七总计");
        assert_eq!(label_key("3.危及“三安全一稳定”"), "3危及三安全一稳定");
        assert_eq!(label_key("结果\n纠正"), "结果纠正");
        assert_eq!(label_key("予\u{200b}以公开"), "予以公开");
        assert_eq!(label_key("\u{202b}予以\u{2067}公开\u{2069}\u{202c}\u{200f}"), "予以公开");
        // Full-width letters and digits folded, case lowered; 合 and 计 apart still join; CJK
        // extension A (U+3400) and letters of other scripts kept.
        assert_eq!(label_key("ＡＢ合\u{200b}计 Ｘ１"), "ab总计x1");
        assert_eq!(label_key("合合计计"), "合总计计");
        assert_eq!(label_key("㐀Éé"), "㐀Éé");
    }

    #[test]
    fn cells() {
        assert_eq!(parse_cell("251000元"), CellValue::Number(251000.0));
        assert_eq!(parse_cell("22（其中修订16件）"), CellValue::Number(22.0));
        assert_eq!(parse_cell("１２"), CellValue::Number(12.0));
        assert_eq!(parse_cell("  0"), CellValue::Number(0.0));
        assert_eq!(parse_cell("1,234"), CellValue::Number(1234.0));
        assert_eq!(parse_cell("81123.958785"), CellValue::Number(81123.958785));
        assert_eq!(parse_cell("-3"), CellValue::Number(-3.0));
        for blank in ["", "—", "-", "/", "无", "\u{a0}"] {
            assert_eq!(parse_cell(blank), CellValue::Blank, "{blank:?}");
        }
        assert_eq!(parse_cell("规章"), CellValue::Text);
        assert_eq!(parse_cell("1.属于国家秘密"), CellValue::Text);
        assert_eq!(parse_cell("2022年1月20日"), CellValue::Text);
        assert_eq!(parse_cell("12a"), CellValue::Text);
        assert_eq!(parse_cell("\u{200f}1\u{200b}2\u{feff}"), CellValue::Number(12.0));
        assert_eq!(parse_cell("\u{200b}"), CellValue::Blank);
        assert_eq!(parse_cell("\u{202e}—\u{202c}"), CellValue::Blank);
    }

    #[test]
    fn figure_tokens_are_strict() {
        assert!(is_figure_token("97"));
        assert!(is_figure_token("4068.208"));
        assert!(is_figure_token("-"));
        assert!(is_figure_token("\u{200e}97"));
        assert!(!is_figure_token("2."));
        assert!(!is_figure_token("13件"));
        assert!(!is_figure_token("1.属于"));
        assert!(is_figure_token(UNREADABLE), "an unreadable figure still stands where a figure stands");
        assert!(!is_figure_token("\u{fffd}9"));
    }

    #[test]
    fn unreadable_mark_is_neither_number_nor_label() {
        assert_eq!(parse_cell(UNREADABLE), CellValue::Unreadable);
        assert_eq!(parse_cell(" \u{fffd} "), CellValue::Unreadable);
        assert_eq!(parse_cell("\u{fffd}39"), CellValue::Text, "only the mark alone means unreadable");
        assert_eq!(parse_cell("83\u{fffd}"), CellValue::Text);
    }

    #[test]
    fn digits_any_script() {
        assert_eq!(parse_digits("二〇二一"), Some(2021));
        assert_eq!(parse_digits("２０２１"), Some(2021));
        assert_eq!(parse_digits("20x"), None);
    }
}

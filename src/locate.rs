//! Locating the parts of a report in its text: the six section headings, the title, the
//! report year, the statistical period, the publication date and the body that reports.

use std::borrow::Cow;

use crate::document::Document;
use crate::normalize::{digit_value, fold_width, is_invisible, label_key, parse_digits};

/// The official headings, by section number (1–6).
pub const OFFICIAL_HEADINGS: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

/// A heading recognised as one of the six sections.
#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    /// Which section it is (1–6), by its wording.
    pub number: u8,
    /// The numeral it carries (`三、` → 3), if any.
    pub numeral: Option<u8>,
    /// The heading text as written, trimmed.
    pub text: String,
    /// The wording differs from the official one.
    pub variant: bool,
}

/// `label_key` of each official heading.
const OFFICIAL_KEYS: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

const MAX_HEADING_CHARS: usize = 40;

/// Recognises a section heading: a short line, usually numbered `一、`, whose words name one of
/// the six sections (`因政府信息公开工作被申请行政复议和提起行政诉讼情况` is section 四). A
/// numbered heading whose words are close to the official ones for its number (a typo, a word
/// dropped or added: `四、政府信息公开行政法复议、行政诉讼情况`) is that section too.
pub fn heading_section(line: &str) -> Option<Heading> {
    let text = crate::normalize::trim(line);
    // Markdown heading marks, and the space after them (the end is trimmed already).
    let text = if text.starts_with('#') { text.trim_start_matches('#').trim_start() } else { text };
    // Bytes first: a CJK character is 3 bytes, so this rules out long prose without counting.
    if text.len() > MAX_HEADING_CHARS * 4 {
        return None;
    }
    let (numeral, words) = split_numeral(text);
    // Every section's words end one of 情况, 事项, 问题, 不足, 措施, 概述: most unnumbered lines are
    // dismissed by a byte search for those characters (single characters, so invisible marks
    // inside words do not matter), before their characters are counted.
    let numbered = numeral.is_some_and(|n| (1..=6).contains(&n));
    if !numbered && !holds_section_ending(text) || text.chars().count() > MAX_HEADING_CHARS {
        return None;
    }
    // Unnumbered, only the official wording counts: words without even the first character of
    // one are none (the key keeps CJK characters as written; its 合计 → 总计 makes no official
    // key), and not worth making a key of.
    let may_be_official = || OFFICIAL_KEYS.iter().any(|k| k.chars().next().is_some_and(|first| words.contains(first)));
    if numeral.is_none() && !may_be_official() {
        return None;
    }
    let key = label_key(words);
    if numeral.is_none() && !OFFICIAL_KEYS.contains(&key.as_str()) {
        return None;
    }
    let number = section_of(&key).or_else(|| numeral.filter(|n| close_to_official(&key, *n)))?;
    let variant = key != OFFICIAL_KEYS[usize::from(number) - 1];
    Some(Heading { number, numeral, text: text.to_string(), variant })
}

/// Whether a numbered heading's key is within a few edits of the official key for its number
/// (one edit in four characters): a typo or a dropped word, not another sentence.
fn close_to_official(key: &str, numeral: u8) -> bool {
    let Some(official) = OFFICIAL_KEYS.get(usize::from(numeral).wrapping_sub(1)) else { return false };
    let allowed = (official.chars().count() / 4).max(1);
    edit_distance(key, official, allowed).is_some()
}

/// Levenshtein distance between two short strings, by character; `None` when above `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    // Counted before anything is built: most lines asked about (a figure, a numbered table
    // label) differ in length by more than the limit.
    if a.chars().count().abs_diff(b.chars().count()) > limit {
        return None;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    let distance = previous[b.len()];
    (distance <= limit).then_some(distance)
}

/// The length in bytes of a numbered section heading at the start of `text` when more text
/// follows on the same line (crawler text holds a whole report on one line): of the places
/// where the heading may end (after 况, 项, 题, 足, 施 or 述, or before a space), the one whose
/// words are closest to the official heading, the shorter on a tie.
pub fn inline_heading_len(text: &str) -> Option<usize> {
    let (numeral, _) = split_numeral(text);
    let numeral = numeral.filter(|n| (1..=6).contains(n))?;
    let official = OFFICIAL_KEYS[usize::from(numeral) - 1];
    let mut best: Option<(usize, usize)> = None;
    let mut chars = 0;
    for (at, c) in text.char_indices() {
        chars += 1;
        if chars > MAX_HEADING_CHARS {
            break;
        }
        let end = at + c.len_utf8();
        let next = text[end..].chars().next();
        // A heading named in a list (`本报告包括一、总体情况；二、…`) is followed by punctuation.
        if next.is_some_and(|n| "，；、。,;：:）)".contains(n)) {
            continue;
        }
        let next_is_space = next.is_none_or(char::is_whitespace);
        if !(SECTION_ENDINGS.contains(&c) || next_is_space) {
            continue;
        }
        // A heading holds no figure: digits mean a table row (`四、结转下年度继续办理0000000`)
        // came first.
        if text[..end].contains(|c: char| fold_width(c).is_ascii_digit()) {
            break;
        }
        let Some(heading) = heading_section(&text[..end]).filter(|h| h.numeral == Some(numeral) && h.number == numeral) else {
            continue;
        };
        let words = split_numeral(heading.text.as_str()).1;
        let distance = edit_distance(&label_key(words), official, MAX_HEADING_CHARS).unwrap_or(usize::MAX);
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, end));
        }
    }
    best.map(|(_, end)| end)
}

/// The characters that end a section heading's words.
const SECTION_ENDINGS: [char; 6] = ['况', '项', '题', '足', '施', '述'];

/// Whether `text` holds one of [`SECTION_ENDINGS`], found by their UTF-8 bytes without
/// decoding (UTF-8 is self-synchronising: a character's bytes occur only where it does).
fn holds_section_ending(text: &str) -> bool {
    text.as_bytes().windows(3).any(|w| {
        matches!(
            w,
            [0xE5, 0x86, 0xB5] | [0xE9, 0xA1, 0xB9] | [0xE9, 0xA2, 0x98] | [0xE8, 0xB6, 0xB3] | [0xE6, 0x96, 0xBD] | [0xE8, 0xBF, 0xB0]
        )
    })
}

fn section_of(key: &str) -> Option<u8> {
    let has = |s: &str| key.contains(s);
    if has("行政复议") && has("行政诉讼") && key.ends_with("情况") {
        Some(4)
    } else if has("收到和处理") || (has("依申请公开") && has("情况") && !has("主动")) {
        Some(3)
    } else if has("主动公开政府信息") {
        Some(2)
    } else if (has("问题") || has("不足")) && (has("改进") || has("整改") || has("措施") || has("存在")) {
        Some(5)
    } else if has("其他需要报告") || key == "其他事项" || has("其他需要说明的事项") {
        Some(6)
    } else if key == "总体情况" || key == "概述" || key == "基本情况" {
        Some(1)
    } else {
        None
    }
}

/// `三、收到…` → (Some(3), `收到…`). Brackets (`（三）`) mark sub-sections, not sections.
fn split_numeral(text: &str) -> (Option<u8>, &str) {
    let mut chars = text.char_indices();
    let mut value = 0u8;
    let mut end = 0;
    for (i, c) in chars.by_ref() {
        let d = match c {
            '十' => 10,
            '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' => digit_value(c).map_or(0, |d| d as u8),
            _ => {
                end = i;
                break;
            }
        };
        // Saturates: `十十十、` or thirty 九s are no section numeral, and must not overflow.
        value = if d == 10 { value.max(1).saturating_mul(10) } else { value.saturating_add(d) };
        end = i + c.len_utf8();
    }
    if value == 0 {
        return (None, text);
    }
    let rest = &text[end..];
    let mut rest_chars = rest.chars();
    match rest_chars.next().map(fold_width) {
        Some('、' | '.' | '．' | ',' | '，' | ' ' | '　') => (Some(value), rest_chars.as_str()),
        _ => (None, text),
    }
}

/// Where each section heading was found.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionFound {
    pub heading: Heading,
    pub line: usize,
}

pub fn sections(doc: &Document) -> Vec<SectionFound> {
    doc.lines
        .iter()
        .enumerate()
        .filter_map(|(i, text)| heading_section(text).map(|heading| SectionFound { heading, line: i + 1 }))
        .collect()
}

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub title_line: Option<usize>,
    /// The report year the title names.
    pub year: Option<u32>,
    /// The year of the statistical period (`X年1月1日至X年12月31日`).
    pub period_year: Option<u32>,
    pub period_line: Option<usize>,
    pub published: Option<Date>,
    pub published_line: Option<usize>,
    /// The reporting body, from the title or the signature.
    pub body: Option<String>,
}

/// How far into the text the title may be.
const TITLE_SEARCH_LINES: usize = 40;

pub fn meta(doc: &Document) -> Meta {
    let mut meta = Meta::default();
    find_title(doc, &mut meta);
    let may_state_period = |line: &str| line.contains("31") || line.contains("三十一") || line.contains("３１");
    let mut period = doc.lines.iter().enumerate().filter(|(_, line)| may_state_period(line));
    if let Some((i, year)) = period.find_map(|(i, line)| Some((i, period_year(line)?))) {
        meta.period_year = Some(year);
        meta.period_line = Some(i + 1);
    }
    find_published(doc, &mut meta);
    meta
}

fn find_title(doc: &Document, meta: &mut Meta) {
    // Zero-width and directional marks would hide 政府信息公开 from the search. Lines are read
    // one by one up to the title (usually among the first few), copied only if they hold one.
    let visible_line = |i: usize| doc.lines.get(i).map(|l| without_invisible(l.trim()));
    for i in 0..TITLE_SEARCH_LINES {
        let Some(line) = visible_line(i) else { return };
        let clean = without_field_name(line.trim_start_matches('#').trim());
        if clean.chars().count() > 80 || !clean.contains("政府信息公开") || clean.contains('>') || year_in(clean).is_none() {
            continue;
        }
        let joined = if clean.contains("年度报告") {
            clean.to_string()
        } else if let Some(next) = visible_line(i + 1).filter(|n| n.starts_with("年度报告") || n.starts_with("报告")) {
            format!("{clean}{next}")
        } else {
            continue;
        };
        meta.title = Some(joined.clone());
        meta.title_line = Some(i + 1);
        meta.year = year_in(&joined);
        meta.body = body_from_title(&joined);
        return;
    }
}

/// A metadata field's value without its name (`标题: …`, as crawlers and portals write it).
fn without_field_name(line: &str) -> &str {
    ["标题", "题目", "名称"]
        .iter()
        .find_map(|name| line.strip_prefix(name)?.trim_start().strip_prefix([':', '：']))
        .map_or(line, str::trim)
}

/// `text` without invisible characters: itself when it holds none, as most lines do.
fn without_invisible(text: &str) -> Cow<'_, str> {
    if text.contains(is_invisible) {
        Cow::Owned(text.chars().filter(|c| !is_invisible(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// The first year (19xx/20xx, digits or Chinese numerals) followed by 年.
fn year_in(text: &str) -> Option<u32> {
    years(text).next().map(|(y, _)| y)
}

/// Every `YYYY年` in the text with the byte offset where it starts.
fn years(text: &str) -> impl Iterator<Item = (u32, usize)> + '_ {
    let mut previous_is_digit = false;
    text.char_indices().filter_map(move |(i, c)| {
        let starts_here = !previous_is_digit;
        previous_is_digit = digit_value(c).is_some();
        if !starts_here || !previous_is_digit {
            return None;
        }
        let rest = &text[i..];
        let mut year = 0;
        let mut len = 0;
        for c in rest.chars().take(4) {
            year = year * 10 + digit_value(c)?;
            len += c.len_utf8();
        }
        let after = rest[len..].trim_start();
        let more_digits = after.chars().next().and_then(digit_value).is_some();
        ((1990..=2100).contains(&year) && !more_digits && after.starts_with('年')).then_some((year, i))
    })
}


fn body_from_title(title: &str) -> Option<String> {
    let (_, at) = years(title).next()?;
    let before = title[..at].trim().trim_start_matches('#').trim();
    let before = before.trim_start_matches("关于").trim();
    if before.chars().count() >= 2 {
        return Some(before.to_string());
    }
    let after = &title[at..];
    let after = after.split_once('年').map(|(_, a)| a)?.trim_start_matches('度').trim();
    let body = after.split("政府信息公开").next()?.trim();
    (body.chars().count() >= 2).then(|| body.to_string())
}

/// A line width-folded, without white space or invisible characters, for finding dates in.
fn compact(line: &str) -> String {
    line.chars().map(fold_width).filter(|c| !c.is_whitespace() && !is_invisible(*c)).collect()
}

/// `2021年1月1日至2021年12月31日` (or `…至12月31日`) → 2021.
fn period_year(line: &str) -> Option<u32> {
    let compact = compact(line);
    for (year, at) in years(&compact) {
        let rest = &compact[at..];
        let Some(date) = parse_date(rest) else { continue };
        if date.0.month == 1 && date.0.day == 1 {
            let tail = prefix_chars(&rest[date.1..], MAX_DATE_CHARS);
            if (tail.starts_with('至') || tail.starts_with('到') || tail.starts_with('—') || tail.starts_with('-'))
                && tail.contains("12月31日")
            {
                return Some(year);
            }
        }
    }
    None
}

/// How many characters a date (`二〇二二年十二月三十一日`, 12) or the end of a period after its
/// first date (`至2021年12月31日`) may take, with room to spare. Only this much of the text is
/// looked at, so scanning a long line with a date at every `年` stays linear.
const MAX_DATE_CHARS: usize = 32;

/// The first `n` characters of `text`.
fn prefix_chars(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or(text, |(end, _)| &text[..end])
}

/// Parses `2022年1月20日`, `2022-01-20`, `2022/1/20`, `2022.01.20` or `二〇二二年一月二十日` at the
/// start of `text`; returns the date and the bytes consumed.
pub fn parse_date(text: &str) -> Option<(Date, usize)> {
    let text = prefix_chars(text, MAX_DATE_CHARS);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut pos = 0;
    let mut parts = [0u32; 3];
    for (n, part) in parts.iter_mut().enumerate() {
        let start = pos;
        // A year takes four digits, a month or a day two at most (`2021-01-2809:43`: day 28).
        let most = if n == 0 { usize::MAX } else { 2 };
        while pos < chars.len() && is_numeral(chars[pos].1) && (pos - start < most || !chars[pos].1.is_ascii_digit()) {
            pos += 1;
        }
        if pos == start {
            return None;
        }
        let digits: String = chars[start..pos].iter().map(|(_, c)| *c).collect();
        *part = if n == 0 { parse_digits(&digits)? } else { small_number(&digits)? };
        let sep = chars.get(pos).map(|(_, c)| *c);
        let ok = match n {
            0 => matches!(sep, Some('年' | '-' | '/' | '.')),
            1 => matches!(sep, Some('月' | '-' | '/' | '.')),
            _ => true,
        };
        if !ok {
            return None;
        }
        if n < 2 || sep == Some('日') || sep == Some('号') {
            pos += 1;
        }
    }
    let [year, month, day] = parts;
    let valid = (1990..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
    let end = chars.get(pos).map_or(text.len(), |(i, _)| *i);
    valid.then_some((Date { year, month, day }, end))
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "〇零一二三四五六七八九十".contains(c)
}

/// `20`, `二十`, `三十一`, `十二`, `一` → the number.
fn small_number(text: &str) -> Option<u32> {
    if text.chars().all(|c| c.is_ascii_digit()) {
        return text.parse().ok().filter(|v| *v < 100);
    }
    match text.split_once('十') {
        Some((tens, ones)) => {
            let tens = if tens.is_empty() { 1 } else { parse_digits(tens)? };
            let ones = if ones.is_empty() { 0 } else { parse_digits(ones)? };
            tens.checked_mul(10)?.checked_add(ones)
        }
        None => parse_digits(text),
    }
}

/// The publication date: `发布日期：…` or `发布时间：…` near the top, a date line under the
/// title (`（2026年1月23日）`), or the date under the signature at the end.
fn find_published(doc: &Document, meta: &mut Meta) {
    for (i, line) in doc.lines.iter().enumerate() {
        if !line.contains("日期") && !line.contains("时间") {
            continue;
        }
        let compact = compact(line);
        for marker in ["发布日期", "发布时间", "发文日期", "成文日期", "公开日期"] {
            if let Some(at) = compact.find(marker) {
                let rest = compact[at + marker.len()..].trim_start_matches([':', '：']);
                if let Some((date, _)) = parse_date(rest) {
                    meta.published = Some(date);
                    meta.published_line = Some(i + 1);
                    return;
                }
            }
        }
    }
    // A line that is only a date: the last one (the signature's) wins, else one under the title.
    let lone_date = |line: &str| {
        let compact = compact(line);
        let inner = compact.trim_matches(|c| matches!(c, '(' | ')' | '（' | '）'));
        parse_date(inner).filter(|(_, used)| *used == inner.len()).map(|(d, _)| d)
    };
    let lines = &doc.lines;
    let tail_start = lines.len().saturating_sub(15);
    for i in (tail_start..lines.len()).rev() {
        if let Some(date) = lone_date(&lines[i]) {
            meta.published = Some(date);
            meta.published_line = Some(i + 1);
            if meta.body.is_none() {
                meta.body = lines[..i].iter().rev().map(|l| l.trim()).find(|l| !l.is_empty()).map(str::to_string);
            }
            return;
        }
    }
    let head_end = meta.title_line.map_or(0, |l| (l + 5).min(lines.len()));
    for (i, line) in lines.iter().enumerate().take(head_end) {
        if let Some(date) = lone_date(line) {
            meta.published = Some(date);
            meta.published_line = Some(i + 1);
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_keys_match_headings() {
        for (heading, key) in OFFICIAL_HEADINGS.iter().zip(OFFICIAL_KEYS) {
            assert_eq!(label_key(heading), key);
        }
    }

    #[test]
    fn headings() {
        let h = heading_section("  四、因政府信息公开工作被申请行政复议和提起行政诉讼情况").unwrap();
        assert_eq!((h.number, h.numeral, h.variant), (4, Some(4), true));
        let h = heading_section("## 二、主动公开政府信息情况").unwrap();
        assert_eq!((h.number, h.variant), (2, false));
        assert_eq!(heading_section("三、本年度办理结果"), None);
        assert_eq!(heading_section("（二）依申请公开情况"), None);
        assert_eq!(heading_section("三是提高解读效能。"), None);
        assert!(heading_section("五、存在的问题及改进情况").unwrap().variant);
        assert_eq!(heading_section("其他需要报告的事项").unwrap().numeral, None);
    }

    #[test]
    fn numbered_headings_close_to_the_official_wording() {
        let h = heading_section("四、政府信息公开行政法复议、行政诉讼情况").unwrap();
        assert_eq!((h.number, h.variant), (4, true));
        assert_eq!(heading_section("三、收到和处理政府信息公开申请").unwrap().number, 3);
        assert_eq!(heading_section("五、存在的主要问题及改进措施").unwrap().number, 5);
        assert_eq!(heading_section("一、总体概况").unwrap().number, 1);
        // Table labels numbered like sections are not headings.
        for label in ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果", "四、结转下年度继续办理"] {
            assert_eq!(heading_section(label), None, "{label}");
        }
        // The numeral must be the section's: likeness alone does not move a section.
        assert_eq!(heading_section("二、总体概况"), None);
    }

    #[test]
    fn inline_headings_end_where_the_wording_does() {
        fn len(t: &str) -> Option<&str> {
            inline_heading_len(t).map(|n| &t[..n])
        }
        assert_eq!(len("二、主动公开政府信息情况第二十条第（一）项信息内容"), Some("二、主动公开政府信息情况"));
        assert_eq!(len("五、存在的主要问题及改进措施2023年，我局"), Some("五、存在的主要问题及改进措施"));
        assert_eq!(len("一、总体情况 2020年，我局坚持"), Some("一、总体情况"));
        assert_eq!(len("四、结转下年度继续办理0000000四、政府信息公开行政复议、行政诉讼情况"), None);
        assert_eq!(len("一、本年新收政府信息公开申请数量1000001"), None);
        assert_eq!(len("一、总体情况；二、主动公开政府信息情况；"), None, "a list of the sections is no heading");
    }

    #[test]
    fn section_endings_are_found_by_their_bytes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(holds_section_ending(&text), SECTION_ENDINGS.contains(&c), "{c}");
        }
    }

    #[test]
    fn numerals_never_overflow() {
        assert_eq!(split_numeral("十十十、总体情况").0, Some(255));
        assert_eq!(split_numeral(&format!("{}、总体情况", "九".repeat(29))).0, Some(255));
        assert_eq!(small_number("九九九九九九九九九十"), None);
        assert_eq!(parse_date("2021年九九九九九九九九九十月1日"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2022年1月20日").unwrap().0.iso(), "2022-01-20");
        assert_eq!(parse_date("2022-01-20 10:34").unwrap().0.iso(), "2022-01-20");
        assert_eq!(parse_date("二〇二二年一月二十日").unwrap().0.iso(), "2022-01-20");
        assert_eq!(parse_date("2022年13月1日"), None);
    }

    #[test]
    fn period() {
        assert_eq!(period_year("统计期限为2021年1月1日至2021年12月31日。"), Some(2021));
        assert_eq!(period_year("统计周期为 2024 年 1 月 1 日至 12 月 31 日。"), Some(2024));
        assert_eq!(period_year("2021年1月1日起施行"), None);
    }

    #[test]
    fn body() {
        assert_eq!(body_from_title("锡林浩特市2021年政府信息公开工作年度报告").as_deref(), Some("锡林浩特市"));
        assert_eq!(body_from_title("2024 年上海市科委政府信息公开工作年度报告").as_deref(), Some("上海市科委"));
        assert_eq!(without_field_name("标题: 某某局2022年政府信息公开工作年度报告"), "某某局2022年政府信息公开工作年度报告");
        assert_eq!(without_field_name("标题党的建设"), "标题党的建设");
    }
}

//! Automatic paragraph numbering (`word/numbering.xml`, reached directly or through a
//! paragraph style in `word/styles.xml`), so a heading Word numbers itself still reads
//! 一、总体情况 and a label 1.属于国家秘密. Bullets get no label. When the parts are missing or
//! unreadable, paragraphs simply carry no label.

use std::collections::{HashMap, HashSet};

use super::ooxml::{walk, Handler, Name, Namespace};
use super::xml::Tag;

/// Word has nine list levels, 0–8.
const LEVELS: usize = 9;
/// Bounds a `w:basedOn` chain (which a broken file could make circular).
const MAX_STYLE_CHAIN: usize = 16;
/// Word's list labels are a few characters (`%1、`, `（%1）`, `第%1条`). A longer `w:lvlText` is no
/// label, and copying it in front of every paragraph of its list would cost its length times
/// the paragraphs (a 1 MB level text and 10,000 paragraphs: 10 GB); it is ignored.
const MAX_LEVEL_TEXT_CHARS: usize = 64;

/// What a paragraph says about its numbering, directly or through its style.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParagraphNumbering {
    pub style: Option<String>,
    pub num_id: Option<usize>,
    pub level: Option<usize>,
}

#[derive(Clone, Debug, Default)]
struct Level {
    start: Option<u32>,
    format: Option<String>,
    text: Option<String>,
    legal: bool,
}

#[derive(Clone, Debug, Default)]
struct Instance {
    abstract_id: usize,
    start_overrides: HashMap<usize, u32>,
}

#[derive(Clone, Debug, Default)]
struct StyleNumbering {
    based_on: Option<String>,
    num_id: Option<usize>,
    level: Option<usize>,
}

/// Numbering definitions plus the running counters that turn them into labels, in document
/// order.
#[derive(Debug, Default)]
pub struct ListLabels {
    abstracts: HashMap<usize, [Level; LEVELS]>,
    instances: HashMap<usize, Instance>,
    styles: HashMap<String, StyleNumbering>,
    default_style: Option<String>,
    counters: HashMap<usize, [Option<u32>; LEVELS]>,
    started_instances: HashSet<usize>,
}

impl ListLabels {
    pub fn parse(numbering_xml: &str, styles_xml: Option<&str>, max_depth: usize) -> Self {
        let mut labels = ListLabels::default();
        let mut reader = NumberingReader {
            labels: &mut labels,
            path: Vec::new(),
            abstract_id: None,
            num_id: None,
            level: None,
        };
        // A broken part only costs the labels it would have given.
        let _ = walk(numbering_xml, max_depth, &mut reader);
        if let Some(xml) = styles_xml {
            let mut reader = StylesReader { labels: &mut labels, path: Vec::new(), style: None };
            let _ = walk(xml, max_depth, &mut reader);
        }
        labels
    }

    /// The label Word shows before this paragraph, advancing the list's counter.
    pub fn label(&mut self, paragraph: &ParagraphNumbering) -> Option<String> {
        let (num_id, level) = self.resolve(paragraph)?;
        let instance = self.instances.get(&num_id)?;
        let levels = self.abstracts.get(&instance.abstract_id)?;
        let definition = levels.get(level)?;
        if definition.format.as_deref() == Some("bullet") {
            return None;
        }
        let counters = self.counters.entry(instance.abstract_id).or_default();
        if self.started_instances.insert(num_id) {
            if let Some(&start) = instance.start_overrides.get(&level) {
                if let Some(counter) = counters.get_mut(level) {
                    *counter = Some(start.saturating_sub(1));
                }
            }
        }
        advance(counters, level, definition.start.unwrap_or(1));
        let mut label = render(definition, levels, counters);
        if label.ends_with(|c: char| c.is_ascii_alphanumeric()) {
            label.push(' ');
        }
        Some(label).filter(|label| !label.is_empty())
    }

    /// The list and level, from the paragraph or else its style chain; `numId` 0 means none.
    fn resolve(&self, paragraph: &ParagraphNumbering) -> Option<(usize, usize)> {
        let mut num_id = paragraph.num_id;
        let mut level = paragraph.level;
        let mut style = paragraph.style.as_ref().or(self.default_style.as_ref());
        for _ in 0..MAX_STYLE_CHAIN {
            if num_id.is_some() && level.is_some() {
                break;
            }
            let Some(definition) = style.and_then(|id| self.styles.get(id)) else { break };
            num_id = num_id.or(definition.num_id);
            level = level.or(definition.level);
            style = definition.based_on.as_ref();
        }
        let num_id = num_id.filter(|&id| id != 0)?;
        Some((num_id, level.unwrap_or(0)))
    }
}

/// Counts one more item at `level`; deeper levels restart.
fn advance(counters: &mut [Option<u32>; LEVELS], level: usize, start: u32) {
    if let Some(counter) = counters.get_mut(level) {
        *counter = Some(counter.map_or(start, |count| count.saturating_add(1)));
    }
    for deeper in counters.iter_mut().skip(level.saturating_add(1)) {
        *deeper = None;
    }
}

/// `w:lvlText` with `%1`…`%9` replaced by the counters of those levels.
fn render(definition: &Level, levels: &[Level; LEVELS], counters: &[Option<u32>; LEVELS]) -> String {
    let template = definition.text.as_deref().unwrap_or("");
    let mut label = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        let level = chars.peek().and_then(|d| d.to_digit(10)).and_then(|d| usize::try_from(d).ok());
        match (c, level) {
            ('%', Some(n @ 1..=LEVELS)) => {
                chars.next();
                let index = n - 1;
                let referenced = levels.get(index);
                let count = counters
                    .get(index)
                    .copied()
                    .flatten()
                    .unwrap_or_else(|| referenced.and_then(|l| l.start).unwrap_or(1));
                let format = match referenced {
                    // A legal-style level shows every level's number in Arabic digits.
                    _ if definition.legal => "decimal",
                    Some(level) => level.format.as_deref().unwrap_or("decimal"),
                    None => "decimal",
                };
                label.push_str(&format_number(count, format));
            }
            _ => label.push(c),
        }
    }
    label
}

fn format_number(n: u32, format: &str) -> String {
    const CHINESE: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const CHINESE_LEGAL: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
    match format {
        "none" => String::new(),
        "decimalZero" => format!("{n:02}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|d| char::from_u32(u32::from(d) - u32::from('0') + 0xFF10).unwrap_or(d))
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or_else(|| n.to_string(), String::from)
        }
        "chineseCounting" | "chineseCountingThousand" | "taiwaneseCounting" | "taiwaneseCountingThousand" => {
            chinese_counting(
                n,
                ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
                ['十', '百', '千'],
            )
        }
        "chineseLegalSimplified" => chinese_counting(n, CHINESE_LEGAL, ['拾', '佰', '仟']),
        "ideographDigital" | "taiwaneseDigital" => n
            .to_string()
            .chars()
            .map(|d| d.to_digit(10).and_then(|d| CHINESE.get(d as usize).copied()).unwrap_or(d))
            .collect(),
        "ideographTraditional" => cyclic(n, "甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => cyclic(n, "子丑寅卯辰巳午未申酉戌亥"),
        "upperLetter" => letters(n, b'A'),
        "lowerLetter" => letters(n, b'a'),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        _ => n.to_string(),
    }
}

/// 1 → 一, 10 → 十, 15 → 十五, 20 → 二十, 105 → 一百零五; 10000 and beyond in Arabic digits.
fn chinese_counting(n: u32, digits: [char; 10], units: [char; 3]) -> String {
    if n == 0 || n >= 10_000 {
        return n.to_string();
    }
    let place_values = [(1000, Some(units[2])), (100, Some(units[1])), (10, Some(units[0])), (1, None)];
    let mut out = String::new();
    let mut pending_zero = false;
    for (place, unit) in place_values {
        let digit = (n / place % 10) as usize;
        if digit == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if pending_zero {
            out.push(digits[0]);
            pending_zero = false;
        }
        // 十五, not 一十五, when ten is the highest place.
        if !(place == 10 && digit == 1 && out.is_empty()) {
            out.push(digits[digit]);
        }
        out.extend(unit);
    }
    out
}

fn cyclic(n: u32, symbols: &str) -> String {
    let symbols: Vec<char> = symbols.chars().collect();
    let index = (n.max(1) - 1) as usize % symbols.len().max(1);
    symbols.get(index).map_or_else(|| n.to_string(), char::to_string)
}

/// 1 → A, 26 → Z, 27 → AA (Word repeats the letter).
fn letters(n: u32, first: u8) -> String {
    if n == 0 || n > 26 * 50 {
        return n.to_string();
    }
    let letter = char::from(first + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

fn value(tag: &Tag<'_>) -> Option<String> {
    tag.attribute("val").map(|value| value.trim().to_string())
}

fn number<T: std::str::FromStr>(tag: &Tag<'_>, attribute: &str) -> Option<T> {
    tag.attribute(attribute)?.trim().parse().ok()
}

/// Word-namespace local names of the open elements ("" for others), innermost last.
fn word_name<'a>(name: Name<'a>) -> &'a str {
    if name.namespace == Namespace::Word {
        name.local
    } else {
        ""
    }
}

struct NumberingReader<'l, 'a> {
    labels: &'l mut ListLabels,
    path: Vec<&'a str>,
    abstract_id: Option<usize>,
    num_id: Option<usize>,
    level: Option<usize>,
}

impl<'a> Handler<'a> for NumberingReader<'_, 'a> {
    fn start(&mut self, name: Name<'a>, tag: &Tag<'a>) {
        // Word 2010 puts a custom number format in mc:Choice and the standard one in
        // mc:Fallback; the standard one is what we can render.
        let skipping = self.path.contains(&"Choice");
        let local = if name.namespace == Namespace::MarkupCompatibility && name.local == "Choice" {
            "Choice"
        } else {
            word_name(name)
        };
        self.path.push(local);
        if !skipping {
            self.record(local, tag);
        }
    }

    fn end(&mut self, _: Name<'a>) {
        match self.path.pop() {
            Some("abstractNum") => self.abstract_id = None,
            Some("num") => self.num_id = None,
            Some("lvl" | "lvlOverride") => self.level = None,
            _ => {}
        }
    }

    fn text(&mut self, _: &'a str, _: bool) {}
}

impl NumberingReader<'_, '_> {
    fn record(&mut self, local: &str, tag: &Tag<'_>) {
        let in_override = self.path.contains(&"lvlOverride");
        match local {
            "abstractNum" => self.abstract_id = number(tag, "abstractNumId"),
            "num" => self.num_id = number(tag, "numId"),
            "lvl" | "lvlOverride" => self.level = number(tag, "ilvl").filter(|&l: &usize| l < LEVELS),
            "abstractNumId" => {
                if let (Some(num_id), Some(abstract_id)) = (self.num_id, number(tag, "val")) {
                    self.labels.instances.entry(num_id).or_default().abstract_id = abstract_id;
                }
            }
            "startOverride" => {
                if let (Some(num_id), Some(level), Some(start)) =
                    (self.num_id, self.level, number(tag, "val"))
                {
                    self.labels.instances.entry(num_id).or_default().start_overrides.insert(level, start);
                }
            }
            _ if in_override || self.num_id.is_some() => {}
            "start" => self.update_level(|level| level.start = number(tag, "val")),
            "numFmt" => self.update_level(|level| level.format = value(tag)),
            "lvlText" => {
                let text = tag.attribute("val").filter(|v| v.chars().count() <= MAX_LEVEL_TEXT_CHARS);
                self.update_level(|level| level.text = text.map(|v| v.into_owned()))
            }
            "isLgl" => self.update_level(|level| level.legal = value(tag).as_deref() != Some("0")),
            _ => {}
        }
    }

    fn update_level(&mut self, update: impl FnOnce(&mut Level)) {
        let (Some(abstract_id), Some(level)) = (self.abstract_id, self.level) else { return };
        let levels = self.labels.abstracts.entry(abstract_id).or_default();
        if let Some(definition) = levels.get_mut(level) {
            update(definition);
        }
    }
}

struct StylesReader<'l, 'a> {
    labels: &'l mut ListLabels,
    path: Vec<&'a str>,
    style: Option<String>,
}

impl<'a> Handler<'a> for StylesReader<'_, 'a> {
    fn start(&mut self, name: Name<'a>, tag: &Tag<'a>) {
        let local = word_name(name);
        self.path.push(local);
        match local {
            "style" if tag.attribute("type").as_deref() == Some("paragraph") => {
                let id = tag.attribute("styleId").map(|id| id.into_owned());
                if tag.attribute("default").is_some_and(|d| d == "1" || d == "true") {
                    self.labels.default_style.clone_from(&id);
                }
                self.style = id;
            }
            "basedOn" => self.update_style(|style| style.based_on = value(tag)),
            "numId" if self.path.contains(&"numPr") => {
                self.update_style(|style| style.num_id = number(tag, "val"))
            }
            "ilvl" if self.path.contains(&"numPr") => {
                self.update_style(|style| style.level = number(tag, "val"))
            }
            _ => {}
        }
    }

    fn end(&mut self, _: Name<'a>) {
        if self.path.pop() == Some("style") {
            self.style = None;
        }
    }

    fn text(&mut self, _: &'a str, _: bool) {}
}

impl StylesReader<'_, '_> {
    fn update_style(&mut self, update: impl FnOnce(&mut StyleNumbering)) {
        if let Some(id) = &self.style {
            update(self.labels.styles.entry(id.clone()).or_default());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_chinese_counting() {
        let got: Vec<String> = [1, 9, 10, 11, 15, 20, 21, 100, 105, 110, 1001, 10000]
            .into_iter()
            .map(|n| format_number(n, "chineseCounting"))
            .collect();
        assert_eq!(
            got,
            [
                "一",
                "九",
                "十",
                "十一",
                "十五",
                "二十",
                "二十一",
                "一百",
                "一百零五",
                "一百一十",
                "一千零一",
                "10000"
            ]
        );
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(28, "upperLetter"), "BB");
        assert_eq!(format_number(14, "lowerRoman"), "xiv");
    }

    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/>
          <mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01"/></mc:Choice>
          <mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>
          <w:lvlText w:val="%3."/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    </w:numbering>"#;

    const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>
      <w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
    </w:styles>"#;

    fn direct(num_id: usize, level: usize) -> ParagraphNumbering {
        ParagraphNumbering { style: None, num_id: Some(num_id), level: Some(level) }
    }

    fn styled(style: &str) -> ParagraphNumbering {
        ParagraphNumbering { style: Some(style.into()), num_id: None, level: None }
    }

    #[test]
    fn labels_follow_levels_styles_and_overrides() {
        let mut labels = ListLabels::parse(NUMBERING, Some(STYLES), 64);
        let got: Vec<Option<String>> = [
            styled("Heading1"),
            styled("Heading2"),
            styled("Heading2"),
            direct(1, 2),
            direct(1, 2),
            direct(3, 2),
            styled("Heading1"),
            direct(2, 0),
            styled("Normal"),
            direct(0, 0),
        ]
        .iter()
        .map(|p| labels.label(p))
        .collect();
        let expected = ["一、", "（一）", "（二）", "1.", "2.", "5.", "二、"];
        let mut expected: Vec<Option<String>> = expected.iter().map(|s| Some(s.to_string())).collect();
        expected.extend([None, None, None]);
        assert_eq!(got, expected);
    }
}

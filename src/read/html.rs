//! HTML reader: decoded HTML text → [`Document`].
//!
//! Portals publish the annual report as anything from a clean fragment to a page wrapped in
//! layout tables, or Word's "save as web page". The reader keeps what a person sees on the page,
//! one line per block, and turns every data table into grid rows the matcher can map. It works in
//! three stages, each linear in the input and none recursive:
//!
//! 1. **Tokenizer**, hand-written and byte-driven: tags with attributes (quoted, unquoted or
//!    broken), and text with character references decoded. Comments, `<!DOCTYPE>`, CDATA,
//!    processing instructions and the content of `script`, `style`, `noscript`, `textarea`,
//!    `iframe`, `noembed` and `noframes` never become text; the first `<title>` becomes the
//!    first line.
//! 2. **Tree builder**: the parts of the HTML tree-construction rules that change what a report
//!    looks like. Implied end tags for `p`, `li`, `dt`/`dd`, headings, table rows and cells (with
//!    an implicit `<tr>` around a stray `<td>`); end tags that cannot close an element outside
//!    the current table cell; text and elements misplaced between table rows moved in front of
//!    the table ("foster parenting"). The stack of open elements is explicit and capped at
//!    `Limits::max_depth`. Inline elements may take half of it: past that (or past the limit) an
//!    inline element is simply not opened, since it only groups text and its text still lands
//!    in the deepest open element. A block, table part or hidden element past the limit would
//!    change what the page shows, so reading stops with a fatal [`ReadProblem`] rather than
//!    return a page whose tables may have been flattened.
//! 3. **Renderer**: block elements start lines. A *data* table becomes one `Grid` row per `<tr>`
//!    with `rowspan`/`colspan` resolved: a spanning cell appears once, and a cell carried down by
//!    a `rowspan` appears as inherited in the rows below. A *layout* table (a cell holds a table,
//!    most of its text sits in multi-paragraph cells, or it has a single column) is read as plain
//!    blocks, so the tables inside it become grids of their own.
//!
//! Cell text joins `<br>` and paragraph breaks without a space between CJK characters (a header
//! `结果<br>纠正` reads `结果纠正`) and with one between ASCII letters or digits. Whitespace
//! collapses everywhere, `&nbsp;` included; a line break in the source next to a CJK character is
//! dropped (Word wraps its HTML source lines in the middle of words).
//!
//! Past `Limits::max_cells` table cells (counted when parsed, and again as grid cells including
//! the ones a `rowspan` carries down) or `Limits::max_lines` lines, reading stops and the
//! document carries a fatal [`ReadProblem`].
//!
//! Not done: the HTML adoption-agency algorithm for misnested inline tags (their text is kept,
//! only the grouping may differ), breaking out of an unclosed `<svg>`/`<math>`, and CSS beyond an
//! inline `display:none` or the `hidden` attribute.

use std::borrow::Cow;
use std::collections::HashMap;

use super::Limits;
use crate::document::{Document, ReadProblem};

/// Reads an HTML page or fragment (already decoded to text).
pub fn read_html(text: &str, limits: &Limits) -> Document {
    let tree = TreeBuilder::new(limits).build(text);
    Renderer::new(&tree, limits).render()
}

fn too_many_cells(limits: &Limits) -> String {
    format!("表格单元格过多：超过上限 {} 个，未作检查", limits.max_cells)
}

fn too_many_lines(limits: &Limits) -> String {
    format!("文本行数过多：超过上限 {} 行，未作检查", limits.max_lines)
}

fn too_deep(limits: &Limits) -> String {
    format!(
        "HTML 元素嵌套超过上限 {} 层，无法确定表格结构，未作检查（网页可能有大量未闭合的 <div> 等标签）",
        limits.max_depth
    )
}

// ───────────────────────────── Tokenizer ─────────────────────────────

/// Elements whose content is raw text that is never shown: the tokenizer skips it whole, so a
/// script holding `"<table>"` cannot open a table.
const HIDDEN_RAW_TEXT: &[&str] = &["script", "style", "noscript", "textarea", "iframe", "noembed", "noframes"];

enum Token<'a> {
    Text(Cow<'a, str>),
    Start(StartTag<'a>),
    End(&'a str),
    /// The text of a `<title>` element, whitespace collapsed.
    Title(String),
}

struct StartTag<'a> {
    name: &'a str,
    attributes: Attributes<'a>,
    self_closing: bool,
}

/// The few attributes the reader uses; the first of duplicates wins, as in browsers.
#[derive(Default)]
struct Attributes<'a> {
    colspan: Option<&'a str>,
    rowspan: Option<&'a str>,
    style: Option<&'a str>,
    hidden: bool,
}

impl<'a> Attributes<'a> {
    fn set(&mut self, name: &str, value: &'a str) {
        if name.eq_ignore_ascii_case("colspan") {
            self.colspan.get_or_insert(value);
        } else if name.eq_ignore_ascii_case("rowspan") {
            self.rowspan.get_or_insert(value);
        } else if name.eq_ignore_ascii_case("style") {
            self.style.get_or_insert(value);
        } else if name.eq_ignore_ascii_case("hidden") {
            self.hidden = true;
        }
    }

    fn hides_content(&self) -> bool {
        self.hidden || self.style.is_some_and(style_hides)
    }
}

/// True for an inline style with `display:none` (any spacing or case).
fn style_hides(style: &str) -> bool {
    let compact: String = style.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_lowercase()).collect();
    compact.split(';').any(|declaration| declaration.starts_with("display:none"))
}

fn is_html_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

struct Tokenizer<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        while self.pos < self.text.len() {
            let token = if self.starts_markup(self.pos) { self.markup() } else { Some(self.text_run()) };
            if token.is_some() {
                return token;
            }
        }
        None
    }
}

impl<'a> Tokenizer<'a> {
    fn new(text: &'a str) -> Self {
        Tokenizer { text, pos: 0 }
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.text.as_bytes().get(at).copied()
    }

    /// A `<` starts markup only before a letter, `/`, `!` or `?`; otherwise it is text (`a < b`).
    fn starts_markup(&self, at: usize) -> bool {
        self.byte(at) == Some(b'<')
            && self.byte(at + 1).is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'))
    }

    fn find_from(&self, needle: &str, from: usize) -> Option<usize> {
        self.text.get(from..)?.find(needle).map(|i| from + i)
    }

    fn skip_past(&mut self, needle: &str) {
        self.pos = self.find_from(needle, self.pos).map_or(self.text.len(), |at| at + needle.len());
    }

    fn skip_spaces(&mut self) {
        while self.byte(self.pos).is_some_and(is_html_space) {
            self.pos += 1;
        }
    }

    fn text_run(&mut self) -> Token<'a> {
        let start = self.pos;
        let bytes = self.text.as_bytes();
        // The first byte is text: either not `<`, or a `<` that starts no markup.
        let mut end = start + 1;
        loop {
            match bytes[end.min(bytes.len())..].iter().position(|&b| b == b'<') {
                Some(offset) if self.starts_markup(end + offset) => {
                    end += offset;
                    break;
                }
                Some(offset) => end += offset + 1,
                None => {
                    end = bytes.len();
                    break;
                }
            }
        }
        self.pos = end;
        Token::Text(decode_entities(&self.text[start..end]))
    }

    /// At a `<` that starts markup. Returns `None` for markup that yields no token.
    fn markup(&mut self) -> Option<Token<'a>> {
        match self.byte(self.pos + 1) {
            Some(b'!') => {
                self.skip_declaration();
                None
            }
            Some(b'?') => {
                self.skip_past(">");
                None
            }
            Some(b'/') => self.end_tag(),
            _ => self.start_tag(),
        }
    }

    /// `<!--…-->`, `<![CDATA[…]]>`, `<!DOCTYPE…>` and any other `<!…>`.
    fn skip_declaration(&mut self) {
        let rest = &self.text[self.pos + 2..];
        if rest.starts_with("--") {
            self.skip_comment(self.pos + 4);
        } else if rest.starts_with("[CDATA[") {
            self.pos += 9;
            self.skip_past("]]>");
        } else {
            self.pos += 2;
            self.skip_past(">");
        }
    }

    /// A comment ends at `-->` or `--!>`; `<!-->` and `<!--->` are empty comments.
    fn skip_comment(&mut self, body: usize) {
        let rest = &self.text[body..];
        if rest.starts_with('>') {
            self.pos = body + 1;
            return;
        }
        if rest.starts_with("->") {
            self.pos = body + 2;
            return;
        }
        let mut from = body;
        while let Some(dashes) = self.find_from("--", from) {
            let after = &self.text[dashes + 2..];
            if after.starts_with('>') {
                self.pos = dashes + 3;
                return;
            }
            if after.starts_with("!>") {
                self.pos = dashes + 4;
                return;
            }
            from = dashes + 1;
        }
        self.pos = self.text.len();
    }

    fn tag_name_end(&self, start: usize) -> usize {
        let mut end = start;
        while self.byte(end).is_some_and(|b| !is_html_space(b) && b != b'/' && b != b'>') {
            end += 1;
        }
        end
    }

    fn end_tag(&mut self) -> Option<Token<'a>> {
        match self.byte(self.pos + 2) {
            Some(b) if b.is_ascii_alphabetic() => {
                let name_start = self.pos + 2;
                self.pos = self.tag_name_end(name_start);
                let name = &self.text[name_start..self.pos];
                // Attributes on an end tag mean nothing, but a quoted `>` inside one does not end it.
                self.attributes()?;
                Some(Token::End(name))
            }
            Some(b'>') => {
                self.pos += 3;
                None
            }
            _ => {
                self.pos += 2;
                self.skip_past(">");
                None
            }
        }
    }

    fn start_tag(&mut self) -> Option<Token<'a>> {
        let name_start = self.pos + 1;
        self.pos = self.tag_name_end(name_start);
        let name = &self.text[name_start..self.pos];
        let (attributes, self_closing) = self.attributes()?;
        if name.eq_ignore_ascii_case("title") {
            let mut title = InlineText::default();
            title.push_str(&decode_entities(self.raw_text("title")));
            return Some(Token::Title(title.take()));
        }
        if let Some(raw) = HIDDEN_RAW_TEXT.iter().find(|raw| name.eq_ignore_ascii_case(raw)) {
            self.raw_text(raw);
            return None;
        }
        Some(Token::Start(StartTag { name, attributes, self_closing }))
    }

    /// Reads attributes up to the closing `>`; `None` when the input ends inside the tag (the
    /// tag is then dropped, as browsers do).
    fn attributes(&mut self) -> Option<(Attributes<'a>, bool)> {
        let mut attributes = Attributes::default();
        let mut self_closing = false;
        loop {
            self.skip_spaces();
            match self.byte(self.pos)? {
                b'>' => {
                    self.pos += 1;
                    return Some((attributes, self_closing));
                }
                b'/' => {
                    self.pos += 1;
                    self_closing = self.byte(self.pos) == Some(b'>');
                }
                _ => {
                    let name_start = self.pos;
                    // The first character belongs to the name even when it is `=` or a quote.
                    self.pos += 1;
                    while self.byte(self.pos).is_some_and(|b| !is_html_space(b) && !matches!(b, b'/' | b'>' | b'=')) {
                        self.pos += 1;
                    }
                    let name = &self.text[name_start..self.pos];
                    self.skip_spaces();
                    let value = if self.byte(self.pos) == Some(b'=') {
                        self.pos += 1;
                        self.skip_spaces();
                        self.attribute_value()?
                    } else {
                        ""
                    };
                    attributes.set(name, value);
                }
            }
        }
    }

    fn attribute_value(&mut self) -> Option<&'a str> {
        let start = self.pos;
        match self.byte(start)? {
            quote @ (b'"' | b'\'') => {
                let Some(offset) = self.text.as_bytes()[start + 1..].iter().position(|&b| b == quote) else {
                    self.pos = self.text.len();
                    return None;
                };
                let end = start + 1 + offset;
                self.pos = end + 1;
                Some(&self.text[start + 1..end])
            }
            _ => {
                while self.byte(self.pos).is_some_and(|b| !is_html_space(b) && b != b'>') {
                    self.pos += 1;
                }
                Some(&self.text[start..self.pos])
            }
        }
    }

    /// The content of a raw-text element up to its end tag (or the end of input), consuming
    /// the end tag.
    fn raw_text(&mut self, name: &str) -> &'a str {
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let mut from = start;
        while let Some(at) = self.find_from("</", from) {
            let name_end = at + 2 + name.len();
            let closes = bytes.get(at + 2..name_end).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                && bytes.get(name_end).is_some_and(|&b| is_html_space(b) || b == b'/' || b == b'>');
            if closes {
                self.pos = name_end;
                self.skip_past(">");
                return &self.text[start..at];
            }
            from = at + 2;
        }
        self.pos = self.text.len();
        &self.text[start..]
    }
}

// ───────────────────────── Character references ─────────────────────────

/// Named references: (name, character, also recognised without `;` as browsers do for the
/// legacy Latin-1 names).
const NAMED_ENTITIES: &[(&str, char, bool)] = &[
    ("nbsp", ' ', true),
    ("amp", '&', true),
    ("AMP", '&', true),
    ("lt", '<', true),
    ("LT", '<', true),
    ("gt", '>', true),
    ("GT", '>', true),
    ("quot", '"', true),
    ("QUOT", '"', true),
    ("apos", '\'', false),
    ("ensp", '\u{2002}', false),
    ("emsp", '\u{2003}', false),
    ("thinsp", '\u{2009}', false),
    ("middot", '·', true),
    ("ldquo", '“', false),
    ("rdquo", '”', false),
    ("lsquo", '‘', false),
    ("rsquo", '’', false),
    ("sbquo", '‚', false),
    ("bdquo", '„', false),
    ("lsaquo", '‹', false),
    ("rsaquo", '›', false),
    ("mdash", '—', false),
    ("ndash", '–', false),
    ("hellip", '…', false),
    ("bull", '•', false),
    ("prime", '′', false),
    ("Prime", '″', false),
    ("permil", '‰', false),
    ("times", '×', true),
    ("divide", '÷', true),
    ("plusmn", '±', true),
    ("deg", '°', true),
    ("yen", '¥', true),
    ("cent", '¢', true),
    ("pound", '£', true),
    ("euro", '€', false),
    ("copy", '©', true),
    ("COPY", '©', true),
    ("reg", '®', true),
    ("REG", '®', true),
    ("trade", '™', false),
    ("sect", '§', true),
    ("para", '¶', true),
    ("laquo", '«', true),
    ("raquo", '»', true),
    ("sup1", '¹', true),
    ("sup2", '²', true),
    ("sup3", '³', true),
    ("frac12", '½', true),
    ("frac14", '¼', true),
    ("frac34", '¾', true),
    ("micro", 'µ', true),
    ("larr", '←', false),
    ("rarr", '→', false),
    ("uarr", '↑', false),
    ("darr", '↓', false),
    ("le", '≤', false),
    ("ge", '≥', false),
    ("ne", '≠', false),
    ("zwj", '\u{200D}', false),
    ("zwnj", '\u{200C}', false),
    ("shy", '\u{AD}', true),
];

/// `&#128;`–`&#159;` name the Windows-1252 characters, as browsers read them ('\0': unmapped).
const WINDOWS_1252_C1: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', //
    '\0', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        decoded.push_str(&rest[..amp]);
        rest = &rest[amp + 1..];
        match character_reference(rest) {
            Some((c, len)) => {
                decoded.push(c);
                rest = &rest[len..];
            }
            None => decoded.push('&'),
        }
    }
    decoded.push_str(rest);
    Cow::Owned(decoded)
}

/// The character named right after a `&`, and how many bytes name it.
fn character_reference(after_amp: &str) -> Option<(char, usize)> {
    match after_amp.strip_prefix('#') {
        Some(number) => numeric_reference(number).map(|(c, len)| (c, len + 1)),
        None => named_reference(after_amp),
    }
}

fn numeric_reference(number: &str) -> Option<(char, usize)> {
    let (radix, prefix) = match number.as_bytes().first() {
        Some(b'x' | b'X') => (16, 1),
        _ => (10, 0),
    };
    let digits = &number[prefix..];
    let count = digits.bytes().take_while(|&b| char::from(b).is_digit(radix)).count();
    if count == 0 {
        return None;
    }
    // Saturates just past the last code point, so any length of digits stays in range.
    let value = digits[..count]
        .chars()
        .filter_map(|c| c.to_digit(radix))
        .fold(0u32, |value, digit| (value * radix + digit).min(0x11_0000));
    let mut len = prefix + count;
    if number.as_bytes().get(len) == Some(&b';') {
        len += 1;
    }
    Some((code_point(value), len))
}

fn code_point(value: u32) -> char {
    match value {
        0 => '\u{FFFD}',
        0x80..=0x9F => match WINDOWS_1252_C1[(value - 0x80) as usize] {
            '\0' => char::from_u32(value).unwrap_or('\u{FFFD}'),
            mapped => mapped,
        },
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    }
}

fn named_reference(after_amp: &str) -> Option<(char, usize)> {
    let len = after_amp.bytes().take(32).take_while(u8::is_ascii_alphanumeric).count();
    if len == 0 {
        return None;
    }
    let name = &after_amp[..len];
    if after_amp.as_bytes().get(len) == Some(&b';') {
        if let Some(&(_, c, _)) = NAMED_ENTITIES.iter().find(|(n, _, _)| *n == name) {
            return Some((c, len + 1));
        }
    }
    NAMED_ENTITIES
        .iter()
        .filter(|(n, _, legacy)| *legacy && name.starts_with(n))
        .max_by_key(|(n, _, _)| n.len())
        .map(|&(n, c, _)| (c, n.len()))
}

// ───────────────────────────── Inline text ─────────────────────────────

/// What separates the text gathered so far from the next visible character.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    #[default]
    None,
    Space,
    /// Whitespace holding a line break of the source.
    SourceLineBreak,
    /// A `<br>` or paragraph boundary inside a table cell.
    CellBreak,
}

/// Text with whitespace collapsed as it is gathered, so no pass over the text is needed later.
#[derive(Default)]
struct InlineText {
    text: String,
    gap: Gap,
}

/// Whether a UTF-8 byte may start a white-space character or an invisible mark: ASCII white
/// space, or the lead byte of U+0085…U+00AD, U+061C, U+1680/U+180E, U+2000…U+206F, U+3000 or
/// U+FEFF (checked against every character by a test).
fn may_start_gap(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ' | 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xE3 | 0xEF)
}

impl InlineText {
    fn push_str(&mut self, text: &str) {
        // Runs of visible characters are copied whole; only the gaps between them need a look.
        // Bytes that cannot start a space or an invisible mark (CJK, most of a report) are
        // passed over without decoding their characters.
        let bytes = text.as_bytes();
        let mut run_start = 0;
        let mut at = 0;
        while at < bytes.len() {
            if !may_start_gap(bytes[at]) {
                at += 1;
                continue;
            }
            // A byte that may start a gap is ASCII or a lead byte: a character boundary.
            let Some(c) = text[at..].chars().next() else { break };
            let is_space = c.is_whitespace();
            if is_space || is_invisible(c) {
                self.push_run(&text[run_start..at]);
                run_start = at + c.len_utf8();
            }
            if is_space {
                let gap = if matches!(c, '\n' | '\r') { Gap::SourceLineBreak } else { Gap::Space };
                self.gap = self.gap.max(gap);
            }
            at += c.len_utf8();
        }
        self.push_run(&text[run_start..]);
    }

    /// Visible characters with nothing between them: the gap before the first one decides
    /// whether a space goes in.
    fn push_run(&mut self, run: &str) {
        let Some(first) = run.chars().next() else { return };
        self.push_visible(first);
        self.text.push_str(&run[first.len_utf8()..]);
    }

    fn cell_break(&mut self) {
        self.gap = Gap::CellBreak;
    }

    fn push_visible(&mut self, c: char) {
        if let Some(last) = self.text.chars().next_back() {
            let space = match self.gap {
                Gap::None => false,
                Gap::Space => true,
                // Word and portal editors wrap their source lines anywhere, so a line break next
                // to a CJK character is a wrap, not a space (CSS asks for CJK on both sides).
                Gap::SourceLineBreak => !(is_wide(last) || is_wide(c)),
                Gap::CellBreak => last.is_ascii_alphanumeric() && c.is_ascii_alphanumeric(),
            };
            if space {
                self.text.push(' ');
            }
        }
        self.gap = Gap::None;
        self.text.push(c);
    }

    /// The collapsed, trimmed text; the buffer starts over.
    fn take(&mut self) -> String {
        self.gap = Gap::None;
        std::mem::take(&mut self.text)
    }
}

/// Format characters that show nothing but would split a label in two for the matcher.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Characters next to which a line break of the source is dropped rather than read as a space:
/// CJK ideographs, kana, fullwidth forms, and the quotes, dashes and ellipsis that Chinese text
/// sets full width.
fn is_wide(c: char) -> bool {
    matches!(
        c as u32,
        0x2E80..=0xA4CF
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3FFFD
            | 0x2014
            | 0x2018..=0x201D
            | 0x2026
    )
}

// ───────────────────────────── Tag names ─────────────────────────────

/// What an element is, as far as reading a report goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Head,
    Table,
    Caption,
    ColumnGroup,
    RowGroup,
    Row,
    Cell,
    Paragraph,
    ListItem,
    DefinitionItem,
    List,
    Heading,
    Pre,
    Block,
    Inline,
    /// Parsed, but its content is never shown (`select`, `button`, `template`, `svg`…).
    Skipped,
}

const KIND_COUNT: usize = Kind::Skipped as usize + 1;

impl Kind {
    fn is_block(self) -> bool {
        !matches!(self, Kind::Inline | Kind::Skipped)
    }

    fn is_table_part(self) -> bool {
        matches!(self, Kind::Table | Kind::Caption | Kind::ColumnGroup | Kind::RowGroup | Kind::Row | Kind::Cell)
    }

    /// Elements whose direct content may only be rows, cells and the like.
    fn holds_only_table_parts(self) -> bool {
        matches!(self, Kind::Table | Kind::ColumnGroup | Kind::RowGroup | Kind::Row)
    }

    /// Start tags that close an open `<p>` (tables do not: old portals are read in quirks mode).
    fn closes_paragraph(self) -> bool {
        matches!(
            self,
            Kind::Paragraph
                | Kind::ListItem
                | Kind::DefinitionItem
                | Kind::List
                | Kind::Heading
                | Kind::Pre
                | Kind::Block
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TagClass {
    /// `<html>`: no node, no effect.
    Ignored,
    /// `<body>`: no node, but it ends `<head>`.
    Body,
    /// `<br>`, `<hr>`.
    LineBreak,
    /// Other void elements (`img`, `meta`, `input`…): nothing to show.
    Void,
    Element(Kind),
}

fn classify(name: &str) -> TagClass {
    use Kind::*;
    let kind = match name {
        "html" => return TagClass::Ignored,
        "body" => return TagClass::Body,
        "br" | "hr" => return TagClass::LineBreak,
        "area" | "base" | "basefont" | "bgsound" | "col" | "embed" | "frame" | "img" | "image" | "input" | "keygen"
        | "link" | "meta" | "param" | "source" | "track" | "wbr" => return TagClass::Void,
        "head" => Head,
        "table" => Table,
        "caption" => Caption,
        "colgroup" => ColumnGroup,
        "thead" | "tbody" | "tfoot" => RowGroup,
        "tr" => Row,
        "td" | "th" => Cell,
        "p" => Paragraph,
        "li" => ListItem,
        "dt" | "dd" => DefinitionItem,
        "ul" | "ol" | "dl" | "menu" | "dir" => List,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Heading,
        "pre" | "listing" => Pre,
        "address" | "article" | "aside" | "blockquote" | "center" | "details" | "dialog" | "div" | "fieldset"
        | "figcaption" | "figure" | "footer" | "form" | "frameset" | "header" | "hgroup" | "legend" | "main"
        | "marquee" | "nav" | "search" | "section" | "summary" | "xmp" | "plaintext" => Block,
        "applet" | "audio" | "button" | "canvas" | "datalist" | "math" | "object" | "optgroup" | "option" | "rp"
        | "rt" | "select" | "svg" | "template" | "video" => Skipped,
        _ => Inline,
    };
    TagClass::Element(kind)
}

type TagId = usize;

/// Interns lower-cased tag names so the open-element stack compares small integers.
#[derive(Default)]
struct TagNames {
    ids: HashMap<Box<str>, TagId>,
    names: Vec<Box<str>>,
    classes: Vec<TagClass>,
    /// A page uses a few dozen names over and over: this cache, indexed by a name's length and
    /// end letters, answers most lookups without lower-casing or hashing the name.
    recent: [Option<TagId>; RECENT_TAG_SLOTS],
    lowercase: String,
}

const RECENT_TAG_SLOTS: usize = 32;

impl TagNames {
    fn lookup(&mut self, raw: &str) -> (TagId, TagClass) {
        let slot = Self::recent_slot(raw);
        if let Some(id) = self.recent[slot] {
            if self.names[id].as_bytes().eq_ignore_ascii_case(raw.as_bytes()) {
                return (id, self.classes[id]);
            }
        }
        let id = self.intern(raw);
        self.recent[slot] = Some(id);
        (id, self.classes[id])
    }

    /// The id of a name the cache did not know (kept out of line: `lookup` is the hot path).
    #[cold]
    fn intern(&mut self, raw: &str) -> TagId {
        self.lowercase.clear();
        self.lowercase.push_str(raw);
        self.lowercase.make_ascii_lowercase();
        if let Some(&id) = self.ids.get(self.lowercase.as_str()) {
            return id;
        }
        let id = self.classes.len();
        self.classes.push(classify(&self.lowercase));
        self.names.push(self.lowercase.as_str().into());
        self.ids.insert(self.lowercase.as_str().into(), id);
        id
    }

    fn recent_slot(raw: &str) -> usize {
        let bytes = raw.as_bytes();
        // `| 0x20` lower-cases letters; other bytes only need to land somewhere.
        let lower = |b: Option<&u8>| b.map_or(0, |b| usize::from(b | 0x20));
        (bytes.len() * 7 + lower(bytes.first()) * 3 + lower(bytes.last())) % RECENT_TAG_SLOTS
    }
}

// ───────────────────────────── Tree ─────────────────────────────

type NodeId = usize;
const ROOT: NodeId = 0;

struct Element {
    kind: Kind,
    hidden: bool,
    colspan: usize,
    /// 0: to the end of the row group, as HTML defines `rowspan="0"`.
    rowspan: usize,
}

impl Element {
    fn is_shown(&self) -> bool {
        !self.hidden && self.kind != Kind::Skipped
    }
}

enum NodeData<'a> {
    Root,
    Element(Element),
    /// Text as it appears in the page, borrowed unless entities were decoded or runs merged.
    Text(Cow<'a, str>),
    Break,
    Title(String),
}

/// A node, linked to its parent, children and siblings by id: no list of children to
/// allocate per element.
struct Node<'a> {
    parent: NodeId,
    first_child: Option<NodeId>,
    last_child: Option<NodeId>,
    previous_sibling: Option<NodeId>,
    next_sibling: Option<NodeId>,
    data: NodeData<'a>,
}

impl<'a> Node<'a> {
    fn new(parent: NodeId, data: NodeData<'a>) -> Self {
        Node { parent, first_child: None, last_child: None, previous_sibling: None, next_sibling: None, data }
    }
}

/// The parsed page. A child is always created after its parent, so its id is larger.
struct Tree<'a> {
    nodes: Vec<Node<'a>>,
    problem: Option<ReadProblem>,
}

impl Tree<'_> {
    /// The children of `id`, first to last.
    fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.nodes[id].first_child, |&child| self.nodes[child].next_sibling)
    }

    /// The children of `id`, last to first.
    fn children_reversed(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.nodes[id].last_child, |&child| self.nodes[child].previous_sibling)
    }

    /// The kind of a shown element; `None` for text, breaks and hidden elements.
    fn shown_kind(&self, id: NodeId) -> Option<Kind> {
        match &self.nodes[id].data {
            NodeData::Element(element) if element.is_shown() => Some(element.kind),
            _ => None,
        }
    }

    fn children_of_kind(&self, id: NodeId, kind: Kind) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id).filter(move |&c| self.shown_kind(c) == Some(kind))
    }

    /// The rows of a table, in source order, grouped by row group (`thead`/`tbody`/`tfoot`, or a
    /// run of rows directly in the table). A `rowspan` never reaches past its group.
    fn row_groups(&self, table: NodeId) -> Vec<Vec<NodeId>> {
        let mut groups = Vec::new();
        let mut loose = Vec::new();
        for child in self.children(table) {
            match self.shown_kind(child) {
                Some(Kind::Row) => loose.push(child),
                Some(Kind::RowGroup) => {
                    if !loose.is_empty() {
                        groups.push(std::mem::take(&mut loose));
                    }
                    groups.push(self.children_of_kind(child, Kind::Row).collect());
                }
                _ => {}
            }
        }
        if !loose.is_empty() {
            groups.push(loose);
        }
        groups
    }
}

// ───────────────────────── Open elements ─────────────────────────

struct OpenElement {
    node: NodeId,
    tag: TagId,
    kind: Kind,
    below_same_tag: Option<usize>,
    below_same_kind: Option<usize>,
}

/// Which open elements stop a search for an element to close.
#[derive(Clone, Copy)]
enum Scope {
    /// End tags like `</div>` cannot close anything outside the current cell or table.
    Element,
    /// `<li>`, `<dt>`, `<dd>` close an open item only within the innermost list.
    List,
    /// `</tr>`, `</td>`, `</table>` search up to the innermost table.
    Table,
}

impl Scope {
    fn boundaries(self) -> &'static [Kind] {
        match self {
            Scope::Element => &[Kind::Table, Kind::Cell, Kind::Caption],
            Scope::List => &[Kind::Table, Kind::Cell, Kind::Caption, Kind::List],
            Scope::Table => &[Kind::Table],
        }
    }
}

/// The stack of open elements, with the topmost position of every tag and kind kept current,
/// so every search is O(1) whatever the input does.
#[derive(Default)]
struct OpenElements {
    entries: Vec<OpenElement>,
    top_of_tag: Vec<Option<usize>>,
    top_of_kind: [Option<usize>; KIND_COUNT],
    /// Open elements of kind `Inline`.
    inline: usize,
}

impl OpenElements {
    fn len(&self) -> usize {
        self.entries.len()
    }

    fn top(&self) -> Option<&OpenElement> {
        self.entries.last()
    }

    fn push(&mut self, node: NodeId, tag: TagId, kind: Kind) {
        let index = self.entries.len();
        if self.top_of_tag.len() <= tag {
            self.top_of_tag.resize(tag + 1, None);
        }
        let below_same_tag = self.top_of_tag[tag].replace(index);
        let below_same_kind = self.top_of_kind[kind as usize].replace(index);
        self.inline += usize::from(kind == Kind::Inline);
        self.entries.push(OpenElement { node, tag, kind, below_same_tag, below_same_kind });
    }

    fn pop(&mut self) -> Option<OpenElement> {
        let entry = self.entries.pop()?;
        self.top_of_tag[entry.tag] = entry.below_same_tag;
        self.top_of_kind[entry.kind as usize] = entry.below_same_kind;
        self.inline -= usize::from(entry.kind == Kind::Inline);
        Some(entry)
    }

    fn topmost_tag(&self, tag: TagId) -> Option<usize> {
        self.top_of_tag.get(tag).copied().flatten()
    }

    fn topmost_kind(&self, kind: Kind) -> Option<usize> {
        self.top_of_kind[kind as usize]
    }

    /// `index` if no boundary of `scope` is open above it.
    fn in_scope(&self, index: Option<usize>, scope: Scope) -> Option<usize> {
        let index = index?;
        let floor = scope.boundaries().iter().filter_map(|&kind| self.topmost_kind(kind)).max();
        match floor {
            Some(floor) if index < floor => None,
            _ => Some(index),
        }
    }
}

// ───────────────────────────── Tree builder ─────────────────────────────

struct TreeBuilder<'l, 'a> {
    limits: &'l Limits,
    nodes: Vec<Node<'a>>,
    open: OpenElements,
    tags: TagNames,
    cells: usize,
    seen_title: bool,
    problem: Option<ReadProblem>,
}

impl<'l, 'a> TreeBuilder<'l, 'a> {
    fn new(limits: &'l Limits) -> Self {
        TreeBuilder {
            limits,
            nodes: vec![Node::new(ROOT, NodeData::Root)],
            open: OpenElements::default(),
            tags: TagNames::default(),
            cells: 0,
            seen_title: false,
            problem: None,
        }
    }

    fn build(mut self, text: &'a str) -> Tree<'a> {
        for token in Tokenizer::new(text) {
            match token {
                Token::Text(text) => self.text(text),
                Token::Title(title) => self.title(title),
                Token::Start(tag) => self.start_tag(&tag),
                Token::End(name) => self.end_tag(name),
            }
            if self.problem.is_some() {
                break;
            }
        }
        Tree { nodes: self.nodes, problem: self.problem }
    }

    fn current_node(&self) -> NodeId {
        self.open.top().map_or(ROOT, |entry| entry.node)
    }

    fn current_kind(&self) -> Option<Kind> {
        self.open.top().map(|entry| entry.kind)
    }

    fn in_table_structure(&self) -> bool {
        self.current_kind().is_some_and(Kind::holds_only_table_parts)
    }

    // ── tokens ──

    fn text(&mut self, text: Cow<'a, str>) {
        let blank = text.trim().is_empty();
        if !blank {
            self.leave_head();
        }
        if blank && self.in_table_structure() {
            return;
        }
        self.append_text(text);
    }

    fn title(&mut self, title: String) {
        if !self.seen_title && !title.is_empty() {
            self.seen_title = true;
            let at = self.insertion_point(true);
            self.insert(NodeData::Title(title), at);
        }
    }

    fn start_tag(&mut self, tag: &StartTag) {
        let (id, class) = self.tags.lookup(tag.name);
        match class {
            TagClass::Ignored | TagClass::Void => {}
            TagClass::Body => self.leave_head(),
            TagClass::LineBreak => {
                self.leave_head();
                self.insert_break();
            }
            // A self-closed `<svg/>` or `<button/>` must not hide the rest of the page.
            TagClass::Element(Kind::Skipped) if tag.self_closing => {}
            TagClass::Element(kind) => {
                if kind != Kind::Head {
                    self.leave_head();
                }
                self.open_element(id, kind, &tag.attributes);
            }
        }
    }

    fn end_tag(&mut self, name: &str) {
        let (id, class) = self.tags.lookup(name);
        match class {
            // Browsers read `</br>` as `<br>`.
            TagClass::LineBreak => self.insert_break(),
            TagClass::Element(kind) => self.close_element(id, kind),
            _ => {}
        }
    }

    // ── opening and closing ──

    fn open_element(&mut self, tag: TagId, kind: Kind, attributes: &Attributes) {
        let ready = match kind {
            Kind::Table => {
                self.close_table_left_open_between_rows();
                true
            }
            Kind::RowGroup | Kind::Caption | Kind::ColumnGroup => self.clear_to_table(),
            Kind::Row => self.clear_to_row_group(),
            Kind::Cell => self.clear_to_row(),
            Kind::ListItem | Kind::DefinitionItem => {
                if let Some(item) = self.open.in_scope(self.open.topmost_kind(kind), Scope::List) {
                    self.pop_through(item);
                }
                true
            }
            Kind::Heading => {
                if self.current_kind() == Some(Kind::Heading) {
                    self.pop_open();
                }
                true
            }
            _ => true,
        };
        if !ready {
            // A row or cell with no table around it: keep its content on a line of its own.
            return self.insert_break();
        }
        if kind.closes_paragraph() {
            self.close_paragraph();
        }
        // Inline elements only group text: past half the depth limit of them (old pages leave
        // `<font>` and `<span>` unclosed by the hundred) one is left unopened and its text joins
        // the deepest open element, as it would anyway. The other half of the stack is kept for
        // the elements that make up the page, and nesting those past the limit is fatal.
        if kind == Kind::Inline && self.open.inline >= self.limits.max_depth / 2 {
            return;
        }
        if self.open.len() >= self.limits.max_depth {
            if kind != Kind::Inline {
                self.problem = Some(ReadProblem { message: too_deep(self.limits), fatal: true });
            }
            return;
        }
        if kind == Kind::Cell {
            self.cells += 1;
            if self.cells > self.limits.max_cells {
                self.problem = Some(ReadProblem { message: too_many_cells(self.limits), fatal: true });
                return;
            }
        }
        let element = Element {
            kind,
            hidden: attributes.hides_content(),
            colspan: parse_span(attributes.colspan).map_or(1, |n| n.clamp(1, 100)),
            rowspan: parse_span(attributes.rowspan).map_or(1, |n| n.min(1000)),
        };
        let at = self.insertion_point(!kind.is_table_part());
        let node = self.insert(NodeData::Element(element), at);
        self.open.push(node, tag, kind);
    }

    fn close_element(&mut self, tag: TagId, kind: Kind) {
        let found = match kind {
            _ if kind.is_table_part() => self.open.in_scope(self.open.topmost_tag(tag), Scope::Table),
            // `</h2>` closes an open `<h1>`, as in browsers.
            Kind::Heading => self.open.in_scope(self.open.topmost_kind(Kind::Heading), Scope::Element),
            _ => self.open.in_scope(self.open.topmost_tag(tag), Scope::Element),
        };
        match found {
            Some(index) => self.pop_through(index),
            // A `</p>` with no `<p>` open still ends a paragraph.
            None if kind == Kind::Paragraph => self.insert_break(),
            None => {}
        }
    }

    fn close_paragraph(&mut self) {
        if let Some(p) = self.open.in_scope(self.open.topmost_kind(Kind::Paragraph), Scope::Element) {
            self.pop_through(p);
        }
    }

    fn leave_head(&mut self) {
        if self.current_kind() == Some(Kind::Head) {
            self.pop_open();
        }
    }

    /// `<table>` directly between the rows of a table (not in a cell) ends that table first.
    fn close_table_left_open_between_rows(&mut self) {
        let table = self.open.topmost_kind(Kind::Table);
        let container = [Kind::Cell, Kind::Caption].iter().filter_map(|&k| self.open.topmost_kind(k)).max();
        if let Some(table) = table {
            if container.is_none_or(|c| c < table) {
                self.pop_through(table);
            }
        }
    }

    /// Closes everything open inside the innermost table; false when no table is open.
    fn clear_to_table(&mut self) -> bool {
        let Some(table) = self.open.topmost_kind(Kind::Table) else { return false };
        self.pop_above(table);
        true
    }

    /// Closes everything open inside the innermost row group (or table, if none).
    fn clear_to_row_group(&mut self) -> bool {
        let Some(table) = self.open.topmost_kind(Kind::Table) else { return false };
        let anchor = self.open.topmost_kind(Kind::RowGroup).filter(|&group| group > table).unwrap_or(table);
        self.pop_above(anchor);
        true
    }

    /// Closes the open cell (and anything in it) of the innermost table, opening a row when a
    /// cell comes with none.
    fn clear_to_row(&mut self) -> bool {
        let Some(table) = self.open.topmost_kind(Kind::Table) else { return false };
        if let Some(row) = self.open.topmost_kind(Kind::Row).filter(|&row| row > table) {
            self.pop_above(row);
            return true;
        }
        self.clear_to_row_group();
        if self.open.len() >= self.limits.max_depth {
            return true; // opening the cell itself then fails as too deep
        }
        let (tag, _) = self.tags.lookup("tr");
        let element = Element { kind: Kind::Row, hidden: false, colspan: 1, rowspan: 1 };
        let at = self.insertion_point(false);
        let node = self.insert(NodeData::Element(element), at);
        self.open.push(node, tag, Kind::Row);
        true
    }

    fn pop_above(&mut self, index: usize) {
        while self.open.len() > index + 1 {
            self.pop_open();
        }
    }

    fn pop_through(&mut self, index: usize) {
        while self.open.len() > index {
            self.pop_open();
        }
    }

    /// Pops the current element; an inline element left empty is dropped again, so markup like
    /// `<b></b>` repeated a million times costs no memory.
    fn pop_open(&mut self) {
        let Some(entry) = self.open.pop() else { return };
        let node = &self.nodes[entry.node];
        let newest = entry.node + 1 == self.nodes.len();
        if entry.kind == Kind::Inline && newest && node.first_child.is_none() {
            let (parent, previous) = (node.parent, node.previous_sibling);
            if self.nodes[parent].last_child == Some(entry.node) {
                self.nodes[parent].last_child = previous;
                match previous {
                    Some(previous) => self.nodes[previous].next_sibling = None,
                    None => self.nodes[parent].first_child = None,
                }
                self.nodes.pop();
            }
        }
    }

    // ── inserting ──

    /// Where new content goes: at the end of the current element, or, for content misplaced
    /// between the rows of a table, just before that table ("foster parenting", as browsers do).
    fn insertion_point(&self, fosterable: bool) -> InsertionPoint {
        if fosterable && self.in_table_structure() {
            if let Some(index) = self.open.topmost_kind(Kind::Table) {
                let table = self.open.entries[index].node;
                return InsertionPoint { parent: self.nodes[table].parent, before: Some(table) };
            }
        }
        InsertionPoint { parent: self.current_node(), before: None }
    }

    fn insert(&mut self, data: NodeData<'a>, at: InsertionPoint) -> NodeId {
        let id = self.nodes.len();
        let previous = self.previous_sibling(at);
        self.nodes.push(Node { previous_sibling: previous, next_sibling: at.before, ..Node::new(at.parent, data) });
        match previous {
            Some(previous) => self.nodes[previous].next_sibling = Some(id),
            None => self.nodes[at.parent].first_child = Some(id),
        }
        match at.before {
            Some(next) => self.nodes[next].previous_sibling = Some(id),
            None => self.nodes[at.parent].last_child = Some(id),
        }
        id
    }

    fn previous_sibling(&self, at: InsertionPoint) -> Option<NodeId> {
        match at.before {
            Some(next) => self.nodes[next].previous_sibling,
            None => self.nodes[at.parent].last_child,
        }
    }

    fn append_text(&mut self, text: Cow<'a, str>) {
        let at = self.insertion_point(true);
        match self.previous_sibling(at).map(|id| &mut self.nodes[id].data) {
            Some(NodeData::Text(previous)) => previous.to_mut().push_str(&text),
            Some(NodeData::Break) if text.trim().is_empty() => {}
            _ => {
                self.insert(NodeData::Text(text), at);
            }
        }
    }

    fn insert_break(&mut self) {
        let at = self.insertion_point(true);
        if let Some(previous) = self.previous_sibling(at) {
            if matches!(self.nodes[previous].data, NodeData::Break) {
                return;
            }
        }
        self.insert(NodeData::Break, at);
    }
}

/// A place among the children of `parent`: before the child `before`, or after the last one.
#[derive(Clone, Copy)]
struct InsertionPoint {
    parent: NodeId,
    before: Option<NodeId>,
}

/// HTML's rules for a non-negative integer: leading spaces, an optional `+`, then digits up to
/// the first non-digit (`"3px"` is 3). `None` when there are no digits.
fn parse_span(value: Option<&str>) -> Option<usize> {
    let value = value?.trim_start_matches(|c: char| c.is_ascii() && is_html_space(c as u8));
    let value = value.strip_prefix('+').unwrap_or(value);
    let digits = &value[..value.bytes().take_while(u8::is_ascii_digit).count()];
    if digits.is_empty() {
        return None;
    }
    Some(digits.bytes().fold(0, |n, d| (n * 10 + usize::from(d - b'0')).min(1_000_000)))
}

// ───────────────────────────── Renderer ─────────────────────────────

/// What a subtree holds, to tell a layout table from a data table.
#[derive(Clone, Copy, Default)]
struct Content {
    has_table: bool,
    /// Visible characters, whitespace excluded.
    chars: u32,
    /// Line breaks and text-bearing blocks: roughly how many lines the content spans.
    breaks: u32,
}

impl Content {
    fn add(&mut self, other: Content) {
        self.has_table |= other.has_table;
        self.chars = self.chars.saturating_add(other.chars);
        self.breaks = self.breaks.saturating_add(other.breaks);
    }

    /// Paragraphs of prose rather than a label or a figure.
    fn is_prose(&self) -> bool {
        (self.breaks >= 3 && self.chars >= 100) || self.chars >= 1000
    }
}

/// The content summary of every node, children before parents (ids grow downward).
fn summarize(tree: &Tree<'_>) -> Vec<Content> {
    let mut content = vec![Content::default(); tree.nodes.len()];
    for id in (0..tree.nodes.len()).rev() {
        let node = &tree.nodes[id];
        let mut summary = Content::default();
        match &node.data {
            NodeData::Text(text) => {
                let chars = text.chars().filter(|c| !c.is_whitespace()).count();
                summary.chars = u32::try_from(chars).unwrap_or(u32::MAX);
            }
            NodeData::Break => summary.breaks = 1,
            NodeData::Title(_) => {}
            NodeData::Element(element) if !element.is_shown() => {}
            NodeData::Element(_) | NodeData::Root => {
                for child in tree.children(id) {
                    summary.add(content[child]);
                }
                if let NodeData::Element(element) = &node.data {
                    summary.has_table |= element.kind == Kind::Table;
                    if element.kind.is_block() && !element.kind.is_table_part() && summary.chars > 0 {
                        summary.breaks = summary.breaks.saturating_add(1);
                    }
                }
            }
        }
        content[id] = summary;
    }
    content
}

enum Step {
    Enter(NodeId),
    EndBlock,
    EndPre,
}

/// How much of a cell's text its copies in the rows below carry. Row labels are far shorter;
/// the cap keeps a long cell with a large `rowspan` from being copied a thousand times whole.
const MAX_CARRIED_CHARS: usize = 100;

/// A cell whose `rowspan` carries it into the rows below.
struct CarriedCell {
    column: usize,
    end_column: usize,
    last_row: usize,
    text: String,
}

struct Renderer<'t> {
    tree: &'t Tree<'t>,
    limits: &'t Limits,
    content: Vec<Content>,
    doc: Document,
    line: InlineText,
    /// The work list of `inline_text`, kept between calls to spare an allocation per cell.
    cell_steps: Vec<Step>,
    grid_cells: usize,
    stopped: bool,
}

impl<'t> Renderer<'t> {
    fn new(tree: &'t Tree<'t>, limits: &'t Limits) -> Self {
        let mut doc = Document::default();
        doc.problems.extend(tree.problem.clone());
        Renderer {
            tree,
            limits,
            content: summarize(tree),
            doc,
            line: InlineText::default(),
            cell_steps: Vec::new(),
            grid_cells: 0,
            stopped: false,
        }
    }

    fn render(mut self) -> Document {
        self.render_flow(ROOT);
        self.finish_line();
        self.doc
    }

    fn fail(&mut self, message: String) {
        self.stopped = true;
        if !self.doc.problems.iter().any(|p| p.fatal) {
            self.doc.problems.push(ReadProblem { message, fatal: true });
        }
    }

    fn has_room_for_line(&mut self) -> bool {
        if self.stopped {
            return false;
        }
        if self.doc.lines.len() < self.limits.max_lines {
            return true;
        }
        self.fail(too_many_lines(self.limits));
        false
    }

    fn finish_line(&mut self) {
        let text = self.line.take();
        if !text.is_empty() && self.has_room_for_line() {
            self.doc.push_text_line(&text);
        }
    }

    /// Walks prose: blocks start lines; data tables become grids.
    fn render_flow(&mut self, root: NodeId) {
        let tree = self.tree;
        let mut steps = vec![Step::Enter(root)];
        let mut pre_depth = 0usize;
        while let Some(step) = steps.pop() {
            if self.stopped {
                return;
            }
            let id = match step {
                Step::EndBlock => {
                    self.finish_line();
                    continue;
                }
                Step::EndPre => {
                    self.finish_line();
                    pre_depth -= 1;
                    continue;
                }
                Step::Enter(id) => id,
            };
            match &tree.nodes[id].data {
                NodeData::Text(text) if pre_depth > 0 => self.push_preformatted(text),
                NodeData::Text(text) => self.line.push_str(text),
                NodeData::Break => self.finish_line(),
                NodeData::Title(title) => {
                    self.finish_line();
                    self.line.push_str(title);
                    self.finish_line();
                }
                NodeData::Element(element) if !element.is_shown() => {}
                NodeData::Element(element) if element.kind == Kind::Table && !self.is_layout_table(id) => {
                    self.finish_line();
                    self.render_grid(id);
                }
                NodeData::Element(element) => {
                    if element.kind.is_block() {
                        self.finish_line();
                        if element.kind == Kind::Pre {
                            pre_depth += 1;
                            steps.push(Step::EndPre);
                        } else {
                            steps.push(Step::EndBlock);
                        }
                    }
                    steps.extend(tree.children_reversed(id).map(Step::Enter));
                }
                NodeData::Root => steps.extend(tree.children_reversed(id).map(Step::Enter)),
            }
        }
    }

    /// In `<pre>` each source line is a line; other whitespace still collapses.
    fn push_preformatted(&mut self, text: &str) {
        for (i, segment) in text.split('\n').enumerate() {
            if i > 0 {
                self.finish_line();
            }
            self.line.push_str(segment);
        }
    }

    /// A table laid out for the page rather than for data: a cell holds a table, most of the
    /// text sits in cells of prose, or no row has two cells.
    fn is_layout_table(&self, table: NodeId) -> bool {
        let tree = self.tree;
        let mut widest_row = 0;
        let mut prose_chars = 0u64;
        for row in tree.row_groups(table).into_iter().flatten() {
            let mut cells = 0;
            for cell in tree.children_of_kind(row, Kind::Cell) {
                let content = self.content[cell];
                if content.has_table {
                    return true;
                }
                if content.is_prose() {
                    prose_chars += u64::from(content.chars);
                }
                cells += 1;
            }
            widest_row = widest_row.max(cells);
        }
        widest_row < 2 || (prose_chars > 0 && prose_chars * 2 >= u64::from(self.content[table].chars))
    }

    fn render_grid(&mut self, table: NodeId) {
        let tree = self.tree;
        for caption in tree.children_of_kind(table, Kind::Caption) {
            let text = self.inline_text(caption);
            self.line.push_str(&text);
            self.finish_line();
        }
        for group in tree.row_groups(table) {
            let mut carried = Vec::new();
            for (y, &row) in group.iter().enumerate() {
                let cells = self.grid_row(row, y, group.len(), &mut carried);
                self.grid_cells += cells.len();
                if self.grid_cells > self.limits.max_cells {
                    return self.fail(too_many_cells(self.limits));
                }
                // A row of empty cells is kept when it has two or more of its own: table 四 left
                // blank is one; a lone empty cell is spacing.
                let own = || cells.iter().filter(|(_, inherited)| !inherited);
                let has_own_text = own().any(|(text, _)| !text.is_empty());
                if (has_own_text || own().nth(1).is_some()) && self.has_room_for_line() {
                    self.doc.push_grid_row(cells);
                }
                if self.stopped {
                    return;
                }
            }
        }
    }

    /// The cells of row `y` of a row group, left to right: the row's own cells once each (a
    /// `colspan` does not repeat them) and the cells carried down from rows above, inherited.
    fn grid_row(
        &mut self,
        row: NodeId,
        y: usize,
        group_rows: usize,
        carried: &mut Vec<CarriedCell>,
    ) -> Vec<(String, bool)> {
        let above = std::mem::take(carried);
        let mut above = above.into_iter().peekable();
        let mut cells = Vec::new();
        let mut column = 0;
        let carry_on = |cell: CarriedCell, cells: &mut Vec<(String, bool)>, carried: &mut Vec<CarriedCell>| {
            cells.push((cell.text.clone(), true));
            if cell.last_row > y {
                carried.push(cell);
            }
        };
        let tree = self.tree;
        for cell in tree.children_of_kind(row, Kind::Cell) {
            while let Some(from_above) = above.next_if(|c| c.column <= column) {
                column = column.max(from_above.end_column);
                carry_on(from_above, &mut cells, carried);
            }
            let NodeData::Element(element) = &tree.nodes[cell].data else { continue };
            let rows_left = group_rows - y;
            let rowspan = if element.rowspan == 0 { rows_left } else { element.rowspan.min(rows_left) };
            let text = self.inline_text(cell);
            if rowspan > 1 {
                carried.push(CarriedCell {
                    column,
                    end_column: column + element.colspan,
                    last_row: y + rowspan - 1,
                    text: text.chars().take(MAX_CARRIED_CHARS).collect(),
                });
            }
            cells.push((text, false));
            column += element.colspan;
        }
        for from_above in above {
            carry_on(from_above, &mut cells, carried);
        }
        carried.sort_by_key(|c| c.column);
        cells
    }

    /// The text of a cell or caption on one line: breaks and blocks inside it join the text
    /// without a space, except between ASCII letters or digits.
    fn inline_text(&mut self, root: NodeId) -> String {
        let tree = self.tree;
        let mut text = InlineText::default();
        let mut steps = std::mem::take(&mut self.cell_steps);
        steps.push(Step::Enter(root));
        while let Some(step) = steps.pop() {
            let id = match step {
                Step::EndBlock | Step::EndPre => {
                    text.cell_break();
                    continue;
                }
                Step::Enter(id) => id,
            };
            match &tree.nodes[id].data {
                NodeData::Text(t) => text.push_str(t),
                NodeData::Break => text.cell_break(),
                NodeData::Element(element) if element.is_shown() => {
                    if id != root && element.kind.is_block() {
                        text.cell_break();
                        steps.push(Step::EndBlock);
                    }
                    steps.extend(tree.children_reversed(id).map(Step::Enter));
                }
                _ => {}
            }
        }
        self.cell_steps = steps;
        text.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::RowShape;
    use crate::read::LIMITS;
    use std::time::{Duration, Instant};

    #[test]
    fn every_gap_character_starts_with_a_gap_byte() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if c.is_whitespace() || is_invisible(c) {
                let mut buffer = [0; 4];
                assert!(may_start_gap(c.encode_utf8(&mut buffer).as_bytes()[0]), "U+{:04X}", u32::from(c));
            }
        }
    }

    fn read(html: &str) -> Document {
        read_html(html, &LIMITS)
    }

    fn lines(html: &str) -> Vec<String> {
        read(html).lines
    }

    /// The grid rows of a document as (text, inherited) pairs.
    fn grid(doc: &Document) -> Vec<Vec<(&str, bool)>> {
        doc.rows
            .iter()
            .filter(|row| row.shape == RowShape::Grid)
            .map(|row| row.cells.iter().map(|c| (c.text.as_str(), c.inherited)).collect())
            .collect()
    }

    fn own(texts: &[&'static str]) -> Vec<(&'static str, bool)> {
        texts.iter().map(|&t| (t, false)).collect()
    }

    fn assert_fast(started: Instant) {
        assert!(started.elapsed() < Duration::from_secs(10), "took {:?}", started.elapsed());
    }

    #[test]
    fn bare_table_fragment() {
        let doc = read("<table><tr><td>自然人</td><td>3</td></tr><tr><td>总计</td><td>5</td></tr></table>");
        assert_eq!(doc.lines, ["自然人\t3", "总计\t5"]);
        assert_eq!(grid(&doc), [own(&["自然人", "3"]), own(&["总计", "5"])]);
        assert_eq!(doc.rows[1].cells[1].line, 2);
        assert!(doc.problems.is_empty());
    }

    #[test]
    fn full_page_keeps_only_visible_content() {
        let html = r#"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head>
<meta charset="utf-8"><title> 2023年XX区政府信息公开工作年度报告 - XX区人民政府 </title>
<link rel="stylesheet" href="a.css">
<script type="text/javascript">
  var s = "<table><tr><td>脚本里的表格</td></tr></table>"; if (a < b && c > d) {}
  document.write('</div>');
</script>
<style>td { color: red } /* <p>样式</p> */</style>
</head>
<body>
<!-- <table><tr><td>注释里的表格</td></tr></table> -->
<div class="top"><nav><ul><li><a href="/">首页</a></li><li><a href="/gk">政务公开</a></li></ul></nav></div>
<noscript><p>请启用脚本</p></noscript>
<div class="side"><select><option>部门网站</option><option>区县网站</option></select><button>搜索</button></div>
<div class="content">
<h1>2023年XX区政府信息公开工作年度报告</h1>
<p class="date">发布日期：2024-01-20</p>
<p>　　一、总体情况</p>
<p>本年度
共收到申请 5 件。</p>
<table border="1"><tr><th>自然人</th><th>总计</th></tr><tr><td>5</td><td>5</td></tr></table>
</div>
<footer>主办单位：XX区人民政府办公室</footer>
<script>var x = "<p>不显示</p>";</script>
</body></html>"#;
        let doc = read(html);
        assert_eq!(
            doc.lines,
            [
                "2023年XX区政府信息公开工作年度报告 - XX区人民政府",
                "首页",
                "政务公开",
                "2023年XX区政府信息公开工作年度报告",
                "发布日期：2024-01-20",
                "一、总体情况",
                "本年度共收到申请 5 件。",
                "自然人\t总计",
                "5\t5",
                "主办单位：XX区人民政府办公室",
            ]
        );
        assert_eq!(grid(&doc), [own(&["自然人", "总计"]), own(&["5", "5"])]);
    }

    #[test]
    fn rowspan_label_is_inherited_by_the_rows_below() {
        let zeros = "<td>0</td>".repeat(7);
        let html = format!(
            "<table><tr><td rowspan=8>（三）不予公开</td><td>1.属于国家秘密</td>{zeros}</tr>\
             <tr><td>2.其他法律行政法规禁止公开</td>{zeros}</tr></table>"
        );
        let doc = read(&html);
        let rows = grid(&doc);
        let mut first = own(&["（三）不予公开", "1.属于国家秘密"]);
        first.extend(own(&["0"; 7]));
        let mut second = vec![("（三）不予公开", true), ("2.其他法律行政法规禁止公开", false)];
        second.extend(own(&["0"; 7]));
        assert_eq!(rows, [first, second]);
        // The shown line leaves out the inherited label.
        assert_eq!(doc.lines[1], format!("2.其他法律行政法规禁止公开{}", "\t0".repeat(7)));
    }

    #[test]
    fn colspan_value_appears_once() {
        let doc = read(r#"<table><tr><td>总计</td><td colspan="3">22212</td><td>1</td></tr></table>"#);
        assert_eq!(grid(&doc), [own(&["总计", "22212", "1"])]);
    }

    #[test]
    fn table_three_header_and_data_spans() {
        let values = |v: &str| format!("<td>{v}</td>").repeat(7);
        let html = format!(
            r#"<table>
<tr><td colspan="3" rowspan="2">申请人情况</td><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>{new}</tr>
<tr><td rowspan="22">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>{granted}</tr>
<tr><td colspan="2">（二）部分公开</td>{partial}</tr>
<tr><td rowspan="8">（三）不予公开</td><td>1.属于国家秘密</td>{secret}</tr>
<tr><td>2.其他法律行政法规禁止公开</td>{law}</tr>
</table>"#,
            new = values("1"),
            granted = values("2"),
            partial = values("3"),
            secret = values("4"),
            law = values("5"),
        );
        let doc = read(&html);
        let rows = grid(&doc);
        assert_eq!(rows.len(), 7);
        assert_eq!(rows[0], own(&["申请人情况", "自然人", "法人或其他组织", "总计"]));
        assert_eq!(
            rows[1],
            [
                ("申请人情况", true),
                ("自然人", true),
                ("商业企业", false),
                ("科研机构", false),
                ("社会公益组织", false),
                ("法律服务机构", false),
                ("其他", false),
                ("总计", true),
            ]
        );
        let with_values = |mut cells: Vec<(&'static str, bool)>, v: &'static str| {
            cells.extend(own(&[v; 7]));
            cells
        };
        assert_eq!(rows[2], with_values(own(&["一、本年新收政府信息公开申请数量"]), "1"));
        assert_eq!(rows[3], with_values(own(&["三、本年度办理结果", "（一）予以公开"]), "2"));
        assert_eq!(rows[4], with_values(vec![("三、本年度办理结果", true), ("（二）部分公开", false)], "3"));
        assert_eq!(
            rows[5],
            with_values(vec![("三、本年度办理结果", true), ("（三）不予公开", false), ("1.属于国家秘密", false)], "4")
        );
        assert_eq!(
            rows[6],
            with_values(
                vec![("三、本年度办理结果", true), ("（三）不予公开", true), ("2.其他法律行政法规禁止公开", false)],
                "5"
            )
        );
    }

    #[test]
    fn rowspan_in_a_middle_column_keeps_its_place() {
        let doc = read("<table><tr><td>a</td><td rowspan=2>m</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>");
        assert_eq!(grid(&doc)[1], [("c", false), ("m", true), ("d", false)]);
    }

    #[test]
    fn spans_are_clamped_and_zero_rowspan_reaches_the_group_end() {
        let doc = read(
            "<table><tbody><tr><td rowspan=0>甲</td><td colspan=100000>1</td><td rowspan=abc colspan=-2>2</td></tr>\
             <tr><td>3</td></tr><tr><td rowspan=99999999>4</td></tr></tbody>\
             <tbody><tr><td>乙</td><td>5</td></tr></tbody></table>",
        );
        assert_eq!(
            grid(&doc),
            [
                own(&["甲", "1", "2"]),
                vec![("甲", true), ("3", false)],
                vec![("甲", true), ("4", false)],
                // A rowspan never crosses into the next row group.
                own(&["乙", "5"]),
            ]
        );
    }

    #[test]
    fn long_cells_carry_a_capped_copy() {
        let long = "长".repeat(150);
        let doc = read(&format!("<table><tr><td rowspan=2>{long}</td><td>1</td></tr><tr><td>2</td></tr></table>"));
        let rows = grid(&doc);
        assert_eq!(rows[0][0], (long.as_str(), false));
        assert_eq!(rows[1], [("长".repeat(100).as_str(), true), ("2", false)]);
    }

    #[test]
    fn lone_empty_cells_are_skipped() {
        let doc = read(
            "<table><tr><td rowspan=3>项目</td><td>1</td></tr><tr><td>&nbsp;</td></tr><tr><td></td></tr>\
             <tr><td colspan=2> </td></tr><tr><td>x</td><td>2</td></tr><tr><td></td><td>&nbsp;</td></tr></table>",
        );
        assert_eq!(grid(&doc), [own(&["项目", "1"]), own(&["x", "2"]), own(&["", ""])], "two empty cells are a blank row");
        assert_eq!(doc.lines, ["项目\t1", "x\t2", "\t"]);
    }

    #[test]
    fn thead_tbody_tfoot_and_th() {
        let doc = read(
            "<table><thead><tr><th>项目</th><th>数量</th></tr></thead><tbody><tr><td>规章</td><td>3</td></tr></tbody>\
             <tfoot><tr><th>合计</th><td>3</td></tr></tfoot></table>",
        );
        assert_eq!(doc.lines, ["项目\t数量", "规章\t3", "合计\t3"]);
    }

    #[test]
    fn nested_layout_tables_are_flattened() {
        let html = r#"<table width="100%"><tr><td><img src="logo.png"><a href="/">首页</a></td></tr>
<tr><td class="main">
  <table><tr><td class="title">XX县2022年政府信息公开工作年度报告</td></tr>
         <tr><td>发布时间：2023-01-15</td></tr></table>
  <p>一、总体情况</p><p>本年度工作稳步推进。</p>
  <table border=1><tr><td>行政许可</td><td>12</td></tr><tr><td>行政处罚</td><td>3</td></tr></table>
  <p>二、存在的主要问题</p>
</td><td class="side"><ul><li>通知公告</li></ul></td></tr></table>"#;
        let doc = read(html);
        assert_eq!(
            doc.lines,
            [
                "首页",
                "XX县2022年政府信息公开工作年度报告",
                "发布时间：2023-01-15",
                "一、总体情况",
                "本年度工作稳步推进。",
                "行政许可\t12",
                "行政处罚\t3",
                "二、存在的主要问题",
                "通知公告",
            ]
        );
        assert_eq!(grid(&doc), [own(&["行政许可", "12"]), own(&["行政处罚", "3"])]);
    }

    #[test]
    fn table_of_prose_paragraphs_is_layout() {
        let paragraph = "本机关认真贯彻落实条例要求，".repeat(3);
        let html = format!(
            "<table><tr><td><a>首页</a><br><a>公开</a></td><td><p>一、总体情况</p><p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></td></tr></table>"
        );
        let doc = read(&html);
        assert_eq!(doc.lines, ["首页", "公开", "一、总体情况", paragraph.as_str(), &paragraph, &paragraph]);
        assert!(grid(&doc).is_empty());
    }

    #[test]
    fn data_table_with_a_note_row_stays_a_grid() {
        let rows: String =
            (1..=20).map(|i| format!("<tr><td>第{i}项标签文字较长的一行</td><td>{i}</td></tr>")).collect();
        let note = "<p>注：本表数据截至年底。</p>".repeat(4);
        let doc = read(&format!("<table>{rows}<tr><td colspan=2>{note}</td></tr></table>"));
        assert_eq!(grid(&doc).len(), 21);
        assert_eq!(
            grid(&doc)[20],
            own(&["注：本表数据截至年底。注：本表数据截至年底。注：本表数据截至年底。注：本表数据截至年底。"])
        );
    }

    #[test]
    fn breaks_inside_cells_join_labels() {
        let doc = read(
            "<table><tr><td>结果<br>纠正</td><td><p>结果</p><p>维持</p></td><td>Total<br/>2021</td>\
             <td>结<br>果<br>其<br>他</td><td>尚未\n   审结</td><td>合计 <br> 5</td></tr></table>",
        );
        assert_eq!(grid(&doc), [own(&["结果纠正", "结果维持", "Total 2021", "结果其他", "尚未审结", "合计5"])]);
    }

    #[test]
    fn br_separates_lines_in_prose() {
        assert_eq!(
            lines("<p>一、总体情况<br>本年度<br/><br />二、主动公开</p>"),
            ["一、总体情况", "本年度", "二、主动公开"]
        );
        assert_eq!(lines("<div>a</br>b</div>"), ["a", "b"]);
    }

    #[test]
    fn entities() {
        assert_eq!(
            lines("<p>&lt;a&gt; &amp; &quot;q&quot; &apos;s&apos; &ldquo;三安全一稳定&rdquo; &lsquo;x&rsquo; &mdash;&ndash;&hellip;</p>"),
            ["<a> & \"q\" 's' “三安全一稳定” ‘x’ —–…"]
        );
        assert_eq!(
            lines("<p>&middot;&times;&divide;&yen;&copy;&reg;&deg;&plusmn;&laquo;&raquo;&bull;</p>"),
            ["·×÷¥©®°±«»•"]
        );
        assert_eq!(lines("<p>&#20013;&#x4e2d;&#X56FD;&#22269</p>"), ["中中国国"]);
        assert_eq!(lines("<p>a&ensp;b&emsp;c&thinsp;d&nbsp;&nbsp;e</p>"), ["a b c d e"]);
        assert_eq!(lines("<p>结&zwj;果&zwnj;纠&shy;正</p>"), ["结果纠正"]);
        assert_eq!(lines("<p>&#0;&#xD800;&#x110000;&#99999999999999;</p>"), ["\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"]);
        assert_eq!(lines("<p>&#150;&#147;</p>"), ["–“"]);
        assert_eq!(lines("<p>&foo; &#; &#x; & &amp AT&T &nbspx</p>"), ["&foo; &#; &#x; & & AT&T x"]);
    }

    #[test]
    fn nbsp_cells_are_empty() {
        let doc = read("<table><tr><td>其他</td><td>&nbsp;</td><td> &nbsp; </td><td>0</td></tr></table>");
        assert_eq!(grid(&doc), [own(&["其他", "", "", "0"])]);
        assert_eq!(doc.lines, ["其他\t\t\t0"]);
    }

    #[test]
    fn implied_end_tags() {
        let doc = read("<table><tr><td>a<td>b<tr><td>c<td>d</table><p>after");
        assert_eq!(grid(&doc), [own(&["a", "b"]), own(&["c", "d"])]);
        assert_eq!(doc.lines, ["a\tb", "c\td", "after"]);
        assert_eq!(lines("<p>one<p>two<div>three</div>four"), ["one", "two", "three", "four"]);
        assert_eq!(lines("<ul><li>x<li>y<ul><li>y1<li>y2</ul><li>z</ul>"), ["x", "y", "y1", "y2", "z"]);
        assert_eq!(lines("<dl><dt>a<dd>b<dt>c</dl>"), ["a", "b", "c"]);
        assert_eq!(lines("<h1>标题<h2>副标题</h1>正文"), ["标题", "副标题", "正文"]);
        // A cell with no row gets one; a stray end tag inside a cell closes nothing outside it.
        let doc = read("<div><table><td>x</div>y</td><td>z</td></table></div>");
        assert_eq!(grid(&doc), [own(&["xy", "z"])]);
    }

    #[test]
    fn misplaced_content_in_a_table_goes_before_it() {
        let doc =
            read("<table>说明文字<tr><td>a</td><td>1</td></tr><div>表外</div><tr><td>b</td><td>2</td></tr></table>");
        assert_eq!(doc.lines, ["说明文字", "表外", "a\t1", "b\t2"]);
    }

    #[test]
    fn table_parts_without_a_table_still_split_lines() {
        assert_eq!(lines("<tr><td>a</td><td>b</td></tr><tr><td>c</td></tr>"), ["a", "b", "c"]);
        assert_eq!(lines("</table></tr></td>text</p>more"), ["text", "more"]);
    }

    #[test]
    fn caption_comes_first() {
        let doc = read("<table><caption>表一</caption><tr><td>a</td><td>1</td></tr></table>");
        assert_eq!(doc.lines, ["表一", "a\t1"]);
        assert_eq!(doc.rows[0].shape, RowShape::Line);
    }

    #[test]
    fn skipped_widgets_and_hidden_elements() {
        let html = r#"<p>可见</p><div style="DISPLAY: none">隐藏的</div><p hidden>也隐藏</p>
<select name=s><option>选项</select><button type=button>按钮</button><textarea><p>文本框</p></textarea>
<input value="输入"><template><p>模板</p></template><svg><text>图</text></svg><svg/><p>仍可见</p>
<table><tr><td>a</td><td style="display:none">隐藏值</td><td>1</td></tr></table>"#;
        let doc = read(html);
        assert_eq!(doc.lines, ["可见", "仍可见", "a\t1"]);
    }

    #[test]
    fn comments_doctype_cdata_and_processing_instructions() {
        assert_eq!(
            lines("<?xml version=\"1.0\"?><!DOCTYPE html><p>a<!-- x -->b<!---->c<!-->d<!--->e<![CDATA[f]]>g<!-- y --!>h<?php echo 1 ?>i</p>"),
            ["abcdeghi"]
        );
        assert_eq!(lines("<p>before</p><!-- never closed <p>hidden</p>"), ["before"]);
    }

    #[test]
    fn word_html_conditional_comments_and_namespaced_tags() {
        let html = "<p class=MsoNormal><![if !supportLists]><span>1.<span>&nbsp;&nbsp;</span></span><![endif]>属于国家秘密<o:p></o:p></p>\
                    <!--[if gte mso 9]><xml><w:WordDocument>隐藏</w:WordDocument></xml><![endif]-->";
        assert_eq!(lines(html), ["1. 属于国家秘密"]);
    }

    #[test]
    fn source_line_breaks_next_to_cjk_are_dropped() {
        assert_eq!(
            lines("<p>政府信息\n公开申请\r\n  “三安全\n一稳定” and\nmore</p>"),
            ["政府信息公开申请“三安全一稳定” and more"]
        );
        assert_eq!(lines("<p>全年收到\n34\n件，3.\n其他</p>"), ["全年收到34件，3.其他"]);
        assert_eq!(lines("<p>全年收到 34 件</p>"), ["全年收到 34 件"]);
    }

    #[test]
    fn preformatted_text_keeps_its_lines() {
        assert_eq!(lines("<pre>\n自然人  3\n总计    5\n</pre>"), ["自然人 3", "总计 5"]);
    }

    #[test]
    fn attributes_in_every_form() {
        let doc = read(
            "<table><tr><td rowspan=2 class=x>A</td><td colspan='2' title=\"a>b\">B</td></tr>\
             <tr><td class=\"a\"b\" colspan = 2 >C</td></tr></table>",
        );
        assert_eq!(grid(&doc), [own(&["A", "B"]), vec![("A", true), ("C", false)]]);
        assert_eq!(lines("<p title='x\">y'>text</p>"), ["text"]);
        assert_eq!(lines("<p>a < b and c<d </p>"), ["a < b and c"]);
    }

    #[test]
    fn head_ends_where_content_begins() {
        assert_eq!(lines("<head><title>题</title><meta x=1>正文</head><p>更多</p>"), ["题", "正文", "更多"]);
        assert_eq!(
            lines("<html><head><title>a</title></head><body><title>b</title><p>c</body></html><p>d"),
            ["a", "c", "d"]
        );
    }

    #[test]
    fn deep_block_nesting_is_fatal() {
        let depth = 100_000;
        let html = format!("{}深处{}之后", "<div>".repeat(depth), "</div>".repeat(depth));
        let started = Instant::now();
        let doc = read(&html);
        assert_fast(started);
        assert_eq!(doc.problems.len(), 1);
        assert!(doc.problems[0].fatal);
        assert!(doc.problems[0].message.contains("嵌套超过上限 256 层"));

        let limits = Limits { max_depth: 4, ..LIMITS };
        let doc = read_html("<div><div><div><div>a</div></div></div></div>", &limits);
        assert!(doc.problems.is_empty(), "exactly at the limit");
        let doc = read_html("<div><div><div><span><table><tr><td>1</td></tr></table></span></div></div></div>", &limits);
        assert_eq!(doc.problems[0].message, too_deep(&limits));
    }

    #[test]
    fn deep_inline_nesting_is_read() {
        let depth = 100_000;
        let html = format!("{}深处{}之后", "<span>".repeat(depth), "</span>".repeat(depth));
        let started = Instant::now();
        let doc = read(&html);
        assert_fast(started);
        assert_eq!(doc.lines, ["深处之后"]);
        assert!(doc.problems.is_empty());

        let limits = Limits { max_depth: 4, ..LIMITS };
        let doc = read_html("<div><div><div><span><b><i>a</i></b>b</span>c</div></div></div><p>d", &limits);
        assert_eq!(doc.lines, ["abc", "d"]);
        assert!(doc.problems.is_empty());

        // Hundreds of unclosed inline elements leave room for the page's blocks and tables.
        let html = format!("{}<div><p>段</p><table><tr><td>总计</td><td>1</td></tr></table></div>", "<font>x".repeat(300));
        let doc = read(&html);
        assert!(doc.problems.is_empty());
        assert_eq!(doc.lines.last().map(String::as_str), Some("总计\t1"));
    }

    #[test]
    fn hostile_inputs_finish_quickly() {
        let cases: Vec<String> = vec![
            "<table>".repeat(100_000),
            "<table><tr><td>x</td></tr></table>".repeat(10_000),
            "<td>".repeat(100_000),
            "<tr><td rowspan=1000 colspan=100>x".repeat(5_000),
            "<p><b><i><span><a>".repeat(50_000),
            "</span>".repeat(300_000),
            format!("{}{}", "<div>".repeat(300), "<table><tr><td>".repeat(100) + &"</div>".repeat(200_000)),
            "<b></b>".repeat(300_000),
            "<!--".repeat(100_000),
            "&".repeat(1_000_000),
            "&#".repeat(500_000),
            "<a href=\"".repeat(100_000),
            "<".repeat(1_000_000),
            "</".repeat(500_000),
            format!("<script>{}", "</scrip".repeat(200_000)),
            format!("<title>{}", "x".repeat(1_000_000)),
            "a".repeat(5_000_000),
        ];
        for html in &cases {
            let started = Instant::now();
            let _ = read(html);
            assert_fast(started);
        }
    }

    #[test]
    fn two_megabyte_single_line() {
        let html = format!("<p>{}</p>", "政务公开 ".repeat(400_000));
        let started = Instant::now();
        let doc = read(&html);
        assert_fast(started);
        assert_eq!(doc.lines.len(), 1);
        assert_eq!(doc.lines[0].chars().count(), 400_000 * 5 - 1);
    }

    #[test]
    fn random_bytes_as_text() {
        // A fixed xorshift sequence, so the test is repeatable.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let bytes: Vec<u8> = (0..1_000_000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let alphabet = b"<>/!?-=\"' &#;x0aZtdrpbl\n";
                if state % 3 == 0 {
                    alphabet[(state >> 8) as usize % alphabet.len()]
                } else {
                    (state >> 16) as u8
                }
            })
            .collect();
        let text = String::from_utf8_lossy(&bytes);
        let started = Instant::now();
        let doc = read(&text);
        assert_fast(started);
        assert!(doc.problems.iter().all(|p| !p.fatal), "{:?}", doc.problems);
    }

    #[test]
    fn unclosed_everything() {
        let doc = read("<html><body><div><table><tr><td>甲<td>1<p>段<ul><li>项<table><tr><td>乙");
        assert!(doc.problems.is_empty());
        assert_eq!(doc.lines, ["甲", "1", "段", "项", "乙"]);
        assert_eq!(lines("<p>hello <b"), ["hello"]);
        assert_eq!(lines("<p class=\"open>hello"), Vec::<String>::new());
    }

    #[test]
    fn too_many_cells_is_fatal() {
        let limits = Limits { max_cells: 10, ..LIMITS };
        let doc = read_html(&format!("<table><tr>{}</tr></table>", "<td>1</td><td>2</td>".repeat(6)), &limits);
        assert_eq!(
            doc.problems,
            [ReadProblem { message: "表格单元格过多：超过上限 10 个，未作检查".into(), fatal: true }]
        );
        // Cells a rowspan carries down count too.
        let rows = "<tr><td>v</td></tr>".repeat(5);
        let doc = read_html(&format!("<table><tr><td rowspan=6>标签</td><td>v</td></tr>{rows}</table>"), &limits);
        assert_eq!(doc.problems.len(), 1);
        assert!(doc.problems[0].fatal);
        assert_eq!(doc.problems[0].message, "表格单元格过多：超过上限 10 个，未作检查");
    }

    #[test]
    fn too_many_lines_is_fatal() {
        let limits = Limits { max_lines: 3, ..LIMITS };
        let doc = read_html("<p>1</p><p>2</p><p>3</p><p>4</p><p>5</p>", &limits);
        assert_eq!(doc.lines, ["1", "2", "3"]);
        assert_eq!(
            doc.problems,
            [ReadProblem { message: "文本行数过多：超过上限 3 行，未作检查".into(), fatal: true }]
        );
        let doc = read_html("<p>1</p><p>2</p><p>3</p>", &limits);
        assert!(doc.problems.is_empty());
    }
}

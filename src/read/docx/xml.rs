//! A minimal streaming XML tokenizer: enough for the parts of a DOCX package. It yields start
//! tags (with their raw attributes, parsed on demand), end tags, text and CDATA, and skips
//! comments, processing instructions and DOCTYPE. It never builds a tree and never recurses,
//! so nesting depth is the caller's business. Only the five predefined entities and character
//! references are decoded; anything else is kept literally (so no entity-expansion attacks).

use std::borrow::Cow;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token<'a> {
    Start(Tag<'a>),
    End(&'a str),
    /// Character data as written, entities not yet decoded: see [`decode_text`].
    Text(&'a str),
    /// The inside of `<![CDATA[…]]>`, literal.
    CData(&'a str),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag<'a> {
    pub name: &'a str,
    raw_attributes: &'a str,
    pub self_closing: bool,
}

/// The markup ended in the middle of a construct (tag, comment, CDATA…).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unterminated;

pub struct Tokenizer<'a> {
    source: &'a str,
    pos: usize,
}

impl<'a> Tokenizer<'a> {
    pub fn new(source: &'a str) -> Self {
        Tokenizer { source, pos: 0 }
    }

    fn rest(&self) -> &'a str {
        self.source.get(self.pos..).unwrap_or("")
    }

    /// Moves past `terminator` (searched from `from` bytes into the rest) and returns what
    /// lies between `from` and it.
    fn take_until(&mut self, from: usize, terminator: &str) -> Result<&'a str, Unterminated> {
        let rest = self.rest();
        let body_and_more = rest.get(from..).ok_or(Unterminated)?;
        let end = body_and_more.find(terminator).ok_or(Unterminated)?;
        self.pos = self.pos.saturating_add(from + end + terminator.len());
        body_and_more.get(..end).ok_or(Unterminated)
    }

    fn markup(&mut self) -> Result<Option<Token<'a>>, Unterminated> {
        let rest = self.rest();
        if rest.starts_with("<!--") {
            self.take_until(4, "-->")?;
            Ok(None)
        } else if rest.starts_with("<![CDATA[") {
            self.take_until(9, "]]>").map(|data| Some(Token::CData(data)))
        } else if rest.starts_with("<?") {
            self.take_until(2, "?>")?;
            Ok(None)
        } else if rest.starts_with("<!") {
            self.skip_declaration()?;
            Ok(None)
        } else if rest.starts_with("</") {
            self.take_until(2, ">").map(|name| Some(Token::End(name.trim())))
        } else {
            self.start_tag().map(Some)
        }
    }

    /// `<!DOCTYPE …>`, whose internal subset in brackets may itself contain `>`.
    fn skip_declaration(&mut self) -> Result<(), Unterminated> {
        let mut brackets = 0usize;
        for (index, byte) in self.rest().bytes().enumerate() {
            match byte {
                b'[' => brackets += 1,
                b']' => brackets = brackets.saturating_sub(1),
                b'>' if brackets == 0 => {
                    self.pos = self.pos.saturating_add(index + 1);
                    return Ok(());
                }
                _ => {}
            }
        }
        Err(Unterminated)
    }

    /// A start tag; a `>` inside a quoted attribute value does not end it.
    fn start_tag(&mut self) -> Result<Token<'a>, Unterminated> {
        let rest = self.rest();
        let mut quote = None;
        let close = rest.bytes().enumerate().skip(1).find_map(|(index, byte)| {
            match (quote, byte) {
                (None, b'"' | b'\'') => quote = Some(byte),
                (Some(open), _) if open == byte => quote = None,
                (None, b'>') => return Some(index),
                _ => {}
            }
            None
        });
        let close = close.ok_or(Unterminated)?;
        let inside = rest.get(1..close).ok_or(Unterminated)?;
        self.pos = self.pos.saturating_add(close + 1);
        let (inside, self_closing) = match inside.strip_suffix('/') {
            Some(inner) => (inner, true),
            None => (inside, false),
        };
        let name_end = inside.find(|c: char| c.is_ascii_whitespace()).unwrap_or(inside.len());
        let (name, raw_attributes) = inside.split_at(name_end);
        Ok(Token::Start(Tag { name, raw_attributes, self_closing }))
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Result<Token<'a>, Unterminated>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let rest = self.rest();
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                self.pos = self.pos.saturating_add(end);
                return rest.get(..end).map(|text| Ok(Token::Text(text)));
            }
            match self.markup() {
                Ok(Some(token)) => return Some(Ok(token)),
                Ok(None) => continue,
                Err(error) => {
                    self.pos = self.source.len();
                    return Some(Err(error));
                }
            }
        }
    }
}

impl<'a> Tag<'a> {
    #[cfg(test)]
    pub fn new(name: &'a str, raw_attributes: &'a str, self_closing: bool) -> Self {
        Tag { name, raw_attributes, self_closing }
    }

    /// Whether the tag may declare namespaces (cheap test before parsing attributes).
    pub fn may_declare_namespaces(&self) -> bool {
        self.raw_attributes.contains("xmlns")
    }

    /// The attributes as (qualified name, raw value) pairs. Parsing stops quietly at the first
    /// malformed attribute.
    pub fn attributes(&self) -> Attributes<'a> {
        Attributes { rest: self.raw_attributes }
    }

    /// The decoded value of the first attribute whose local name (after any prefix) is `local`.
    pub fn attribute(&self, local: &str) -> Option<Cow<'a, str>> {
        self.attributes().find(|(name, _)| local_name(name) == local).map(|(_, value)| decode_text(value))
    }
}

pub struct Attributes<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Attributes<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.rest.trim_start();
        let equals = rest.find('=')?;
        let name = rest.get(..equals)?.trim();
        let after = rest.get(equals + 1..)?.trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let value_and_more = after.get(1..)?;
        let value_end = value_and_more.find(quote)?;
        self.rest = value_and_more.get(value_end + 1..)?;
        Some((name, value_and_more.get(..value_end)?))
    }
}

/// `w:tbl` → `tbl`.
pub fn local_name(qualified: &str) -> &str {
    qualified.rsplit_once(':').map_or(qualified, |(_, local)| local)
}

/// `w:tbl` → `w`; `tbl` → "".
pub fn prefix(qualified: &str) -> &str {
    qualified.split_once(':').map_or("", |(prefix, _)| prefix)
}

/// Decodes the predefined entities and character references; an unknown or malformed
/// reference is kept as written.
pub fn decode_text(raw: &str) -> Cow<'_, str> {
    if !raw.contains('&') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp..).unwrap_or("");
        match after.get(1..).and_then(decode_reference) {
            Some((ch, used)) => {
                out.push(ch);
                rest = after.get(used + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character for the reference at the start of `text` (after the `&`), and how many
/// bytes of `text` it took, including the `;`.
fn decode_reference(text: &str) -> Option<(char, usize)> {
    const LONGEST_REFERENCE: usize = 10; // "#x10FFFF" plus slack
    let semicolon = text.bytes().take(LONGEST_REFERENCE + 1).position(|b| b == b';')?;
    let name = text.get(..semicolon)?;
    let ch = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse::<u32>().ok()?,
            };
            char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
        }
    };
    Some((ch, semicolon + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(source: &str) -> Vec<Result<Token<'_>, Unterminated>> {
        Tokenizer::new(source).collect()
    }

    #[test]
    fn tokenizes_tags_text_and_skips_comments() {
        let source = r#"<?xml version="1.0"?><!-- c > d --><w:p a='1>2' b="x"><w:t>a&lt;b</w:t><w:br/><![CDATA[<raw>]]></w:p>"#;
        let got: Vec<_> = tokens(source).into_iter().map(Result::unwrap).collect();
        assert_eq!(
            got,
            vec![
                Token::Start(Tag::new("w:p", r#" a='1>2' b="x""#, false)),
                Token::Start(Tag::new("w:t", "", false)),
                Token::Text("a&lt;b"),
                Token::End("w:t"),
                Token::Start(Tag::new("w:br", "", true)),
                Token::CData("<raw>"),
                Token::End("w:p"),
            ]
        );
    }

    #[test]
    fn reads_attributes_with_either_quote() {
        let tag = Tag::new("w:vMerge", r#" w:val="restart" x:y = 'a &amp; b' "#, true);
        assert_eq!(tag.attribute("val").as_deref(), Some("restart"));
        assert_eq!(tag.attribute("y").as_deref(), Some("a & b"));
        assert_eq!(tag.attribute("z"), None);
    }

    #[test]
    fn decodes_entities_and_keeps_unknown_ones() {
        assert_eq!(decode_text("&lt;&gt;&amp;&quot;&apos;"), "<>&\"'");
        assert_eq!(decode_text("&#20013;&#x6587;&#X41;"), "中文A");
        assert_eq!(decode_text("&nbsp; & &#xZZ; &#99999999; &"), "&nbsp; & &#xZZ; \u{fffd} &");
    }

    #[test]
    fn skips_doctype_with_internal_subset() {
        let got: Vec<_> =
            tokens("<!DOCTYPE a [<!ENTITY e 'x>'>]><a/>").into_iter().map(Result::unwrap).collect();
        assert_eq!(got, vec![Token::Start(Tag::new("a", "", true))]);
    }

    #[test]
    fn reports_unterminated_constructs_once() {
        for source in ["<a", "<!-- x", "<![CDATA[x", "<?pi", "</a", "<a b='>"] {
            let got = tokens(source);
            assert_eq!(got, vec![Err(Unterminated)], "{source}");
        }
    }
}

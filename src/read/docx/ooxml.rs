//! Walks the elements of an Office Open XML part: resolves namespace prefixes (so `w:p` is
//! recognised whatever prefix the writer chose), enforces the depth limit with an explicit
//! stack, and tolerates a stray or missing end tag the way a lenient reader must. A handler
//! receives exactly one `end` for every `start`, in nesting order.

use std::collections::HashMap;

use super::xml::{local_name, prefix, Tag, Token, Tokenizer, Unterminated};

const WORDPROCESSINGML: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MARKUP_COMPATIBILITY: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const PACKAGE_RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Namespace {
    Word,
    MarkupCompatibility,
    Relationships,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name<'a> {
    pub namespace: Namespace,
    pub local: &'a str,
}

pub trait Handler<'a> {
    fn start(&mut self, name: Name<'a>, tag: &Tag<'a>);
    fn end(&mut self, name: Name<'a>);
    /// Character data; `raw` still holds entity references unless `is_cdata`.
    fn text(&mut self, raw: &'a str, is_cdata: bool);
    /// True once the handler wants no more events (a limit was reached).
    fn is_done(&self) -> bool {
        false
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WalkError {
    TooDeep,
    /// The markup stops inside a tag or before its root element is closed.
    Incomplete,
}

impl From<Unterminated> for WalkError {
    fn from(_: Unterminated) -> Self {
        WalkError::Incomplete
    }
}

pub fn walk<'a>(source: &'a str, max_depth: usize, handler: &mut impl Handler<'a>) -> Result<(), WalkError> {
    let mut open: Vec<&'a str> = Vec::new();
    let mut namespaces = Namespaces::default();
    for token in Tokenizer::new(source) {
        if handler.is_done() {
            return Ok(());
        }
        match token? {
            Token::Start(tag) => {
                if open.len() >= max_depth {
                    return Err(WalkError::TooDeep);
                }
                namespaces.enter(open.len(), &tag);
                let name = namespaces.resolve(tag.name);
                handler.start(name, &tag);
                if tag.self_closing {
                    handler.end(name);
                    namespaces.leave(open.len());
                } else {
                    open.push(tag.name);
                }
            }
            Token::End(qualified) => {
                // An end tag closes its element and any left open inside it; one that matches
                // nothing open is ignored.
                if let Some(index) = open.iter().rposition(|name| *name == qualified) {
                    while open.len() > index {
                        if let Some(name) = open.pop() {
                            handler.end(namespaces.resolve(name));
                            namespaces.leave(open.len());
                        }
                    }
                }
            }
            Token::Text(raw) => handler.text(raw, false),
            Token::CData(raw) => handler.text(raw, true),
        }
    }
    if open.is_empty() || handler.is_done() {
        Ok(())
    } else {
        Err(WalkError::Incomplete)
    }
}

/// Prefix bindings in scope. Each prefix has its own stack, so resolving a name costs the same
/// however many declarations are in scope (a root element declaring 20,000 prefixes once made
/// every later name scan them all).
#[derive(Default)]
struct Namespaces<'a> {
    /// The bindings of each prefix, innermost last.
    by_prefix: HashMap<&'a str, Vec<Namespace>>,
    /// Every binding in scope as (depth of the declaring element, prefix), innermost last.
    declared: Vec<(usize, &'a str)>,
}

impl<'a> Namespaces<'a> {
    fn enter(&mut self, depth: usize, tag: &Tag<'a>) {
        if !tag.may_declare_namespaces() {
            return;
        }
        for (attribute, uri) in tag.attributes() {
            let declared = match attribute.strip_prefix("xmlns") {
                Some("") => "",
                Some(rest) => match rest.strip_prefix(':') {
                    Some(prefix) => prefix,
                    None => continue,
                },
                None => continue,
            };
            self.by_prefix.entry(declared).or_default().push(classify(uri));
            self.declared.push((depth, declared));
        }
    }

    fn leave(&mut self, depth: usize) {
        while let Some(&(declared_at, prefix)) = self.declared.last() {
            if declared_at < depth {
                break;
            }
            self.declared.pop();
            if let Some(stack) = self.by_prefix.get_mut(prefix) {
                stack.pop();
            }
        }
    }

    /// Undeclared prefixes fall back to their conventional meaning, so hand-written fragments
    /// without `xmlns` still read.
    fn resolve(&self, qualified: &'a str) -> Name<'a> {
        let prefix = prefix(qualified);
        let namespace = self
            .by_prefix
            .get(prefix)
            .and_then(|stack| stack.last().copied())
            .unwrap_or_else(|| conventional(prefix));
        Name { namespace, local: local_name(qualified) }
    }
}

fn classify(uri: &str) -> Namespace {
    let uri = uri.trim();
    if WORDPROCESSINGML.contains(&uri) {
        Namespace::Word
    } else if uri == MARKUP_COMPATIBILITY {
        Namespace::MarkupCompatibility
    } else if uri == PACKAGE_RELATIONSHIPS {
        Namespace::Relationships
    } else {
        Namespace::Other
    }
}

fn conventional(prefix: &str) -> Namespace {
    match prefix {
        "w" => Namespace::Word,
        "mc" => Namespace::MarkupCompatibility,
        _ => Namespace::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Recorder(Vec<String>);

    impl<'a> Handler<'a> for Recorder {
        fn start(&mut self, name: Name<'a>, _: &Tag<'a>) {
            self.0.push(format!("+{:?}:{}", name.namespace, name.local));
        }
        fn end(&mut self, name: Name<'a>) {
            self.0.push(format!("-{}", name.local));
        }
        fn text(&mut self, raw: &'a str, _: bool) {
            self.0.push(raw.to_string());
        }
    }

    fn record(source: &str) -> (Vec<String>, Result<(), WalkError>) {
        let mut recorder = Recorder::default();
        let result = walk(source, 8, &mut recorder);
        (recorder.0, result)
    }

    #[test]
    fn resolves_any_prefix_bound_to_wordprocessingml() {
        let source =
            r#"<x:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:r/></x:p>"#;
        let (events, result) = record(source);
        assert_eq!(result, Ok(()));
        // `w` is undeclared here, so it keeps its conventional meaning.
        assert_eq!(events, ["+Word:p", "+Word:r", "-r", "-p"]);
        let source =
            r#"<w:p xmlns:w="urn:other"><r xmlns="http://purl.oclc.org/ooxml/wordprocessingml/main"/></w:p>"#;
        assert_eq!(record(source).0, ["+Other:p", "+Word:r", "-r", "-p"]);
    }

    #[test]
    fn closes_unclosed_children_and_ignores_stray_end_tags() {
        let (events, result) = record("<a><b>t</a></c>");
        assert_eq!(result, Ok(()));
        assert_eq!(events, ["+Other:a", "+Other:b", "t", "-b", "-a"]);
    }

    #[test]
    fn refuses_depth_beyond_limit_and_unclosed_root() {
        assert_eq!(record(&"<a>".repeat(9)).1, Err(WalkError::TooDeep));
        assert_eq!(record(&"<a>".repeat(8)).1, Err(WalkError::Incomplete));
        assert_eq!(record("<a><b").1, Err(WalkError::Incomplete));
    }
}

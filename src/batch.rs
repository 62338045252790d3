//! Several reports at once: each is validated alone, then reports of the same body in
//! consecutive years are linked and the later one gets the `carry-chain` findings (this
//! year's 上年结转 against last year's 结转下年度); each report is compared with its body's
//! report of the nearest earlier year (`copied-text`, `figure-jump`), and the supervisor's
//! desk ([`crate::desk`]: bodies × years, series, scores) is built.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::desk::score::Weights;
use crate::desk::bodies::Body;
use crate::desk::{bodies, pairs, Desk, ReportFacts};
use crate::result::{LinkInfo, ValidationResult};
use crate::rules::carry_chain::{compare, ChainFacts};
use crate::rules::copied_text::Copied;
use crate::rules::{copied_text, figure_jump};
use crate::{finish_inspecting, read, Source, LIMITS};

/// Two reports of one body in consecutive years.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    /// Index in `results` of the earlier report.
    pub previous: usize,
    /// Index in `results` of the later report.
    pub next: usize,
    /// The body, as the later report names it.
    pub body: String,
    /// The two report years, earlier first.
    pub years: [u32; 2],
    /// The two reports' names, earlier first.
    pub names: [String; 2],
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BatchResult {
    /// One result per input, in input order.
    pub results: Vec<ValidationResult>,
    pub links: Vec<Link>,
    /// The batch-level objects: bodies, years, series, scores, what was copied.
    pub desk: Desk,
}

/// Validates several reports (`(name, bytes)`; the name's extension helps pick the reader)
/// and checks reports of one body in consecutive years against each other.
pub fn validate_batch(inputs: &[(String, Vec<u8>)]) -> BatchResult {
    let mut batch = Batch::default();
    for (name, bytes) in inputs {
        batch.add(name, Input::Bytes(bytes));
    }
    batch.finish()
}

/// One input of a [`Batch`]: raw bytes of any supported kind, or text already decoded (read as
/// [`crate::validate_str`] reads it, so text extracted from a PDF can keep its `.pdf` name).
#[derive(Clone, Copy, Debug)]
pub enum Input<'a> {
    Bytes(&'a [u8]),
    Text(&'a str),
}

/// One report checked alone, with what linking it needs: the part of a batch that can run on
/// any thread, handed to the one [`Batch`] that links them all ([`Batch::push`]).
#[derive(Clone, Debug)]
pub struct Checked {
    pub result: ValidationResult,
    facts: ChainFacts,
    desk_facts: ReportFacts,
}

impl Checked {
    /// Checks one report alone (`carry-chain` findings and links come from [`Batch::finish`]).
    pub fn of(name: &str, input: Input) -> Checked {
        let source = Source { filename: Some(name) };
        let (kind, chars, doc) = match input {
            Input::Bytes(bytes) => read::read(bytes, &source),
            Input::Text(text) if text.len() > LIMITS.max_input_bytes => read::read(text.as_bytes(), &source),
            Input::Text(text) => {
                let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
                read::read_str(text, ext.as_deref())
            }
        };
        let (result, (facts, desk_facts)) = finish_inspecting(kind, chars, &doc, &source, |report| {
            (ChainFacts::of(name, &doc, report.meta, report.extraction), ReportFacts::of(report))
        });
        Checked { result, facts, desk_facts }
    }

    /// The name the report was checked under.
    pub fn name(&self) -> &str {
        &self.facts.name
    }
}

/// A batch built one report at a time (so a caller can show progress), with the same results
/// as [`validate_batch`]: [`Batch::add`] checks a report alone, [`Batch::finish`] links them.
/// Reports checked elsewhere (on other threads) join in input order with [`Batch::push`].
#[derive(Default)]
pub struct Batch {
    results: Vec<ValidationResult>,
    facts: Vec<ChainFacts>,
    desk_facts: Vec<ReportFacts>,
}

impl Batch {
    /// Checks one report alone and keeps what the chain needs; returns its result so far
    /// (`carry-chain` findings and links are added by [`Batch::finish`]).
    pub fn add(&mut self, name: &str, input: Input) -> &ValidationResult {
        self.push(Checked::of(name, input))
    }

    /// Adds a report already checked alone.
    pub fn push(&mut self, checked: Checked) -> &ValidationResult {
        self.results.push(checked.result);
        self.facts.push(checked.facts);
        self.desk_facts.push(checked.desk_facts);
        self.results.last().expect("just pushed")
    }

    /// How many reports were added.
    pub fn len(&self) -> usize {
        self.results.len()
    }

    pub fn is_empty(&self) -> bool {
        self.results.is_empty()
    }

    /// Links reports of one body in consecutive years, adds the findings of the batch rules
    /// and builds the desk with the default weights.
    pub fn finish(self) -> BatchResult {
        self.finish_weighted(&Weights::default())
    }

    /// [`Batch::finish`] with the score's weights given.
    pub fn finish_weighted(self, weights: &Weights) -> BatchResult {
        self.link().with_desk(weights)
    }

    /// Links reports of one body in consecutive years and adds the findings of the batch rules
    /// (`carry-chain`, `copied-text`, `figure-jump`): every result final, the desk not built
    /// (what `nianbao check` prints and the core wasm returns).
    pub fn link(self) -> Linked {
        let Batch { mut results, facts, desk_facts } = self;
        let links = link(&facts);
        for l in &links {
            let found = compare(&facts[l.previous], &facts[l.next]);
            results[l.next].add_diagnostics(found);
            let body = |i: usize| facts[i].body.clone().unwrap_or_else(|| l.body.clone());
            let previous_info = LinkInfo { relation: "previous", name: l.names[0].clone(), index: l.previous, body: body(l.next), years: l.years };
            let next_info = LinkInfo { relation: "next", name: l.names[1].clone(), index: l.next, body: body(l.previous), years: l.years };
            results[l.next].links.push(previous_info);
            results[l.previous].links.push(next_info);
        }
        let (bodies, unassigned) = bodies::group(&results);
        let mut copied = Vec::new();
        for (previous, next) in pairs(&bodies) {
            let title = facts[previous].title();
            let mut found = figure_jump::compare(&results[previous], &results[next], &title);
            if let Some((more, carried)) = copied_text::compare(&desk_facts[previous].copy, &desk_facts[next].copy, (previous, next), &title) {
                found.extend(more);
                copied.push(carried);
            }
            results[next].add_diagnostics(found);
        }
        Linked { results, links, desk_facts, bodies, unassigned, copied }
    }
}

/// A batch linked and compared ([`Batch::link`]): `{ results, links }` as JSON, and what the
/// desk is built from ([`Linked::with_desk`]).
#[derive(Serialize)]
pub struct Linked {
    pub results: Vec<ValidationResult>,
    pub links: Vec<Link>,
    #[serde(skip)]
    desk_facts: Vec<ReportFacts>,
    #[serde(skip)]
    bodies: Vec<Body>,
    #[serde(skip)]
    unassigned: Vec<usize>,
    #[serde(skip)]
    copied: Vec<Copied>,
}

impl Linked {
    /// The batch with its desk, scored with `weights`.
    pub fn with_desk(self, weights: &Weights) -> BatchResult {
        let Linked { results, links, desk_facts, bodies, unassigned, copied } = self;
        let desk = crate::desk::build(&results, &desk_facts, bodies, unassigned, copied, weights);
        BatchResult { results, links, desk }
    }
}

/// Pairs of reports with the same body key, one year apart. A body with two reports for one
/// year is not linked for that year: which one continues the chain is not known.
fn link(facts: &[ChainFacts]) -> Vec<Link> {
    let mut by_body: BTreeMap<(&str, u32), Vec<usize>> = BTreeMap::new();
    for (index, fact) in facts.iter().enumerate() {
        if let (Some(key), Some(year)) = (fact.body_key.as_deref(), fact.year) {
            by_body.entry((key, year)).or_default().push(index);
        }
    }
    let mut links = Vec::new();
    for ((key, year), earlier) in &by_body {
        let Some(later) = by_body.get(&(*key, year + 1)) else { continue };
        if let ([previous], [next]) = (earlier.as_slice(), later.as_slice()) {
            links.push(Link {
                previous: *previous,
                next: *next,
                body: facts[*next].body.clone().unwrap_or_else(|| key.to_string()),
                years: [*year, year + 1],
                names: [facts[*previous].name.clone(), facts[*next].name.clone()],
            });
        }
    }
    links.sort_by_key(|l| (l.previous, l.next));
    links
}

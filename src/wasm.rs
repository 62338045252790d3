//! The WebAssembly binding: a thin layer over [`crate::validate_bytes`] / [`crate::validate_str`]
//! (and the readers they call, for `lines`) for the npm package and the widget (`npm/`, `www/`).
//! No domain logic lives here.
//!
//! Built twice (`scripts/build`): the core module (`--no-default-features`: checking reports,
//! alone or as a batch) that every surface loads first, and the full module (features `desk`,
//! the supervisor's desk and its documents, and `form`, the authoring form's entry points), loaded
//! only where those are used. The full module holds the core's exports too: the desk is built
//! from the engine's results in Rust, so it checks the batch itself.
//!
//! Every export returns plain, JSON-compatible JavaScript values (maps as objects, `None` as
//! `null`), so `JSON.stringify` of a result gives the native CLI's JSON. A panic aborts the
//! instance on `wasm32-unknown-unknown` (a trap); the JavaScript wrapper catches the
//! `WebAssembly.RuntimeError`, starts a fresh instance from the compiled module and reports an
//! `input-unreadable` finding, so one bad input never poisons the next call.

use std::panic::{catch_unwind, AssertUnwindSafe};

use js_sys::{Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[cfg(feature = "desk")]
use crate::desk::letters::{self, unknown_format, Format};
use crate::result::ValidationResult;
use crate::{human, read, rules::RULES, validate_bytes, validate_str, Source, LIMITS};

/// Serialises to plain JavaScript values (objects for maps, `null` for `None`) through one JSON
/// string parsed by the host's `JSON.parse`: one boundary crossing instead of one per key and
/// value (a result has hundreds), and the same JSON the CLI prints.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(|e| JsError::new(&format!("nianbao: cannot convert the result: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("nianbao: cannot convert the result"))
}

/// A string property of the options object, when present.
fn option_string(options: &JsValue, key: &str) -> Option<String> {
    if !options.is_object() {
        return None;
    }
    Reflect::get(options, &JsValue::from_str(key)).ok().and_then(|v| v.as_string())
}

/// A property of the options object that is an array of strings, when present.
#[cfg(feature = "desk")]
fn option_strings(options: &JsValue, key: &str) -> Option<Vec<String>> {
    if !options.is_object() {
        return None;
    }
    let value = Reflect::get(options, &JsValue::from_str(key)).ok()?;
    js_sys::Array::is_array(&value).then(|| js_sys::Array::from(&value).iter().filter_map(|v| v.as_string()).collect())
}

fn option_bool(options: &JsValue, key: &str) -> bool {
    options.is_object() && Reflect::get(options, &JsValue::from_str(key)).is_ok_and(|v| v.is_truthy())
}

/// The input as given: a string (already decoded text or HTML) or bytes (any supported kind,
/// sniffed by the core). Anything else is a caller error, thrown rather than reported.
enum Input {
    Text(String),
    Bytes(Vec<u8>),
}

fn input(value: &JsValue) -> Result<Input, JsError> {
    if let Some(text) = value.as_string() {
        return Ok(Input::Text(text));
    }
    if value.is_instance_of::<Uint8Array>() {
        return Ok(Input::Bytes(Uint8Array::unchecked_from_js_ref(value).to_vec()));
    }
    if value.is_instance_of::<js_sys::ArrayBuffer>() {
        return Ok(Input::Bytes(Uint8Array::new(value).to_vec()));
    }
    if js_sys::ArrayBuffer::is_view(value) {
        // Other views (`DataView`, `Int8Array`…): their bytes, not their elements.
        let view = Uint8Array::new_with_byte_offset_and_length(
            &Reflect::get(value, &"buffer".into()).unwrap_or(JsValue::UNDEFINED),
            Reflect::get(value, &"byteOffset".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32,
            Reflect::get(value, &"byteLength".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32,
        );
        return Ok(Input::Bytes(view.to_vec()));
    }
    Err(JsError::new("nianbao: input must be a string, a Uint8Array or an ArrayBuffer"))
}

/// Runs the core on one input. `catch_unwind` turns a panic into a thrown error where unwinding
/// is available; the std of `wasm32-unknown-unknown` aborts instead (a trap, which the
/// JavaScript wrapper recovers from), so both paths end in the same `input-unreadable` result.
fn run(value: &JsValue, options: &JsValue) -> Result<(ValidationResult, Option<String>), JsError> {
    let input = input(value)?;
    let filename = option_string(options, "filename");
    let source = Source { filename: filename.as_deref() };
    let result = catch_unwind(AssertUnwindSafe(|| match &input {
        Input::Text(text) => validate_str(text, &source),
        Input::Bytes(bytes) => validate_bytes(bytes, &source),
    }))
    .map_err(|_| JsError::new("nianbao: internal error (panic) while checking this input"))?;
    Ok((result, filename))
}

/// Validates one report. `input`: a string or bytes (`Uint8Array`/`ArrayBuffer`); `options`:
/// `{ filename?: string }` (its extension picks the reader before sniffing does). Returns the
/// result object described in `OUTPUT.md`.
#[wasm_bindgen]
pub fn validate(input: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let (result, _) = run(&input, &options)?;
    to_js(&result)
}

/// The report's text as the engine reads it: `Document.lines`, one string per line, the
/// numbering every `diagnostics[].line` uses (line `n` is `lines[n - 1]`; for HTML and DOCX the
/// extracted text). `input` and `options` as for `validate`, read exactly as `validate` reads
/// them (`validate_str` / `validate_bytes`); an input that cannot be read gives no lines.
#[wasm_bindgen]
pub fn lines(value: JsValue, options: JsValue) -> Result<js_sys::Array, JsError> {
    let input = input(&value)?;
    let filename = option_string(&options, "filename");
    let source = Source { filename: filename.as_deref() };
    let doc = catch_unwind(AssertUnwindSafe(|| match &input {
        // As `validate_str`: text past the size limit is refused as bytes would be.
        Input::Text(text) if text.len() <= LIMITS.max_input_bytes => {
            let ext = source.filename.and_then(|f| f.rsplit_once('.')).map(|(_, e)| e.to_ascii_lowercase());
            read::read_str(text, ext.as_deref()).2
        }
        Input::Text(text) => read::read(text.as_bytes(), &source).2,
        Input::Bytes(bytes) => read::read(bytes, &source).2,
    }))
    .map_err(|_| JsError::new("nianbao: internal error (panic) while reading this input"))?;
    Ok(doc.lines.iter().map(|line| JsValue::from_str(line)).collect())
}

/// The human-readable report, the same text as `nianbao check --format human`.
/// `options`: `{ filename?: string, name?: string (shown; defaults to filename or "-"),
/// colour?: boolean (ANSI colours) }`.
#[wasm_bindgen]
pub fn human(input: JsValue, options: JsValue) -> Result<String, JsError> {
    let (result, filename) = run(&input, &options)?;
    let name = option_string(&options, "name").or(filename).unwrap_or_else(|| "-".to_string());
    Ok(human::render(&name, &result, option_bool(&options, "colour")))
}

/// Validates several reports together, as the CLI does for several files: each alone, then
/// reports of one body in consecutive years against each other (`carry-chain`). `inputs`:
/// `[{ input, filename? }]` (a string is read as decoded text, as `validate` reads it, so the
/// text of a PDF can keep its `.pdf` name). Returns `{ results, links }`; with `options.human`,
/// also `human`: each result's text (`options.colour` for ANSI colours); with `options.table`,
/// also `table`: the summary table of `nianbao check --format table`. The full module also
/// returns `desk` and takes `weights`, `summary` and `documents` (see `BatchSession::finish`).
#[wasm_bindgen(js_name = validateBatch)]
pub fn validate_batch(inputs: js_sys::Array, options: JsValue) -> Result<JsValue, JsError> {
    let mut session = BatchSession::new();
    for item in inputs.iter() {
        let data = Reflect::get(&item, &JsValue::from_str("input")).unwrap_or(JsValue::UNDEFINED);
        session.add(data, option_string(&item, "filename").map(JsValue::from).unwrap_or(JsValue::UNDEFINED))?;
    }
    session.finish(options)
}

/// A batch checked one report at a time, so a caller can show progress between reports:
/// `add(input, filename?)` for each, then `finish(options)` (the options and the answer of
/// `validateBatch`). The results are those `validateBatch` gives for the same inputs.
#[wasm_bindgen]
pub struct BatchSession {
    batch: crate::batch::Batch,
    names: Vec<String>,
}

impl Default for BatchSession {
    fn default() -> Self {
        Self::new()
    }
}

#[wasm_bindgen]
impl BatchSession {
    #[wasm_bindgen(constructor)]
    pub fn new() -> BatchSession {
        BatchSession { batch: crate::batch::Batch::default(), names: Vec::new() }
    }

    /// Checks one more report (alone; the chain is checked by `finish`). Returns how many
    /// reports the batch holds.
    pub fn add(&mut self, input_value: JsValue, filename: JsValue) -> Result<u32, JsError> {
        let name = filename.as_string().unwrap_or_else(|| "-".to_string());
        let data = input(&input_value)?;
        guarded(|| {
            match &data {
                Input::Text(text) => self.batch.add(&name, crate::batch::Input::Text(text)),
                Input::Bytes(bytes) => self.batch.add(&name, crate::batch::Input::Bytes(bytes)),
            };
        })?;
        self.names.push(name);
        Ok(self.batch.len() as u32)
    }

    /// Links the reports and returns `{ results, links, human?, table? }` (see `validateBatch`);
    /// the full module adds `desk` (scored with `options.weights`), `summary?` and `documents?`.
    /// The session is used up.
    pub fn finish(self, options: JsValue) -> Result<JsValue, JsError> {
        let BatchSession { batch, names } = self;
        #[cfg(feature = "desk")]
        let weights = match option_string(&options, "weights") {
            Some(json) => crate::desk::score::Weights::from_json(&json).map_err(|e| JsError::new(&e))?,
            None => crate::desk::score::Weights::default(),
        };
        let batch = guarded(|| batch.link())?;
        #[cfg(feature = "desk")]
        let batch = guarded(|| batch.with_desk(&weights))?;
        let out = to_js(&batch)?;
        if option_bool(&options, "human") {
            let colour = option_bool(&options, "colour");
            let texts = js_sys::Array::new();
            for (name, result) in names.iter().zip(&batch.results) {
                texts.push(&JsValue::from_str(&human::render(name, result, colour)));
            }
            set(&out, "human", &texts)?;
        }
        if option_bool(&options, "table") {
            let rows: Vec<(&str, &ValidationResult)> = names.iter().map(String::as_str).zip(&batch.results).collect();
            set(&out, "table", &JsValue::from_str(&human::render_table(&rows)))?;
        }
        #[cfg(feature = "desk")]
        documents(&batch, &options, &out)?;
        Ok(out)
    }
}

/// Runs a step of a batch, a panic turned into an error (see `run`).
fn guarded<T>(step: impl FnOnce() -> T) -> Result<T, JsError> {
    catch_unwind(AssertUnwindSafe(step)).map_err(|_| JsError::new("nianbao: internal error (panic) while checking these inputs"))
}

fn set(target: &JsValue, key: &str, value: &JsValue) -> Result<(), JsError> {
    Reflect::set(target, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|_| JsError::new("nianbao: cannot build the batch result"))
}

/// The desk's documents a batch was asked for: `summary` (one format: the 汇总分析 and every
/// 审查意见, as `nianbao summary` writes them) and `documents` (each format: the 汇总分析 and
/// each 审查意见 alone, built once in the engine so the page can offer every download).
#[cfg(feature = "desk")]
fn documents(batch: &crate::batch::BatchResult, options: &JsValue, out: &JsValue) -> Result<(), JsError> {
    let format = |name: &str| Format::parse(name).ok_or_else(|| JsError::new(&unknown_format(name)));
    if let Some(name) = option_string(options, "summary") {
        let format = format(&name)?;
        set(out, "summary", &document(letters::summary(batch, format), format))?;
    }
    if let Some(formats) = option_strings(options, "documents") {
        let analysis = letters::analysis(batch);
        let each: Vec<_> = (0..batch.results.len()).map(|index| letters::letter(batch, index)).collect();
        let documents = js_sys::Object::new();
        for name in formats {
            let format = format(&name)?;
            let these = js_sys::Object::new();
            set(&these, "analysis", &document(letters::write(std::slice::from_ref(&analysis), "汇总分析", format), format))?;
            let all = js_sys::Array::new();
            for letter in &each {
                all.push(&document(letters::write(std::slice::from_ref(letter), "审查意见", format), format));
            }
            set(&these, "letters", &all)?;
            set(&documents, &name, &these)?;
        }
        set(out, "documents", &documents)?;
    }
    Ok(())
}

#[cfg(feature = "form")]
/// Checks the tables filled in by hand (the authoring form): `template` is `"2019"` or
/// `"2021"`, `cells` an object of cell id → the text typed (`""`, `"12"`, `"１２"`, `"—"`);
/// `previous` (optional): last year's `{ template, cells, name, year? }`, cells as text too.
/// Returns a result of the usual shape with `input.kind` = `"cells"` (see `nianbao::cells`).
/// Throws on an unknown template or cell id.
#[wasm_bindgen(js_name = validateCells)]
pub fn validate_cells(template: &str, cells: JsValue, previous: JsValue) -> Result<JsValue, JsError> {
    let typed = typed_cells(&cells)?;
    let last_year = if previous.is_object() {
        let cells = typed_cells(&Reflect::get(&previous, &"cells".into()).unwrap_or(JsValue::UNDEFINED))?;
        let year = Reflect::get(&previous, &"year".into()).ok().and_then(|v| v.as_f64()).map(|y| y as u32);
        Some((option_string(&previous, "template").unwrap_or_default(), cells, option_string(&previous, "name").unwrap_or_default(), year))
    } else {
        None
    };
    let previous = last_year.as_ref().map(|(template, cells, name, year)| crate::cells::Previous {
        template,
        cells: pairs(cells),
        name,
        year: *year,
    });
    let result = crate::validate_cells(template, pairs(&typed), previous.as_ref()).map_err(|e| JsError::new(&format!("nianbao: {e}")))?;
    to_js(&result)
}

#[cfg(feature = "form")]
fn pairs(cells: &[(String, String)]) -> Vec<(&str, &str)> {
    cells.iter().map(|(id, text)| (id.as_str(), text.as_str())).collect()
}

#[cfg(feature = "form")]
/// An object of cell id → text as pairs; anything but a string as a value is a caller error.
fn typed_cells(cells: &JsValue) -> Result<Vec<(String, String)>, JsError> {
    let mut typed = Vec::new();
    for entry in js_sys::Object::entries(&js_sys::Object::from(cells.clone())).iter() {
        let pair = js_sys::Array::from(&entry);
        let text = pair.get(1).as_string().ok_or_else(|| JsError::new("nianbao: each cell must be given as a string"))?;
        typed.push((pair.get(0).as_string().unwrap_or_default(), text));
    }
    Ok(typed)
}

/// The ids of the templates, oldest first: `["2019", "2021"]`.
#[wasm_bindgen]
pub fn templates() -> Vec<JsValue> {
    crate::template::TEMPLATES.iter().map(|t| JsValue::from_str(t.id)).collect()
}

/// The official layout of a template's tables 二, 三, 四 (see `nianbao::layout`): for each
/// table its heading and grid rows of `{ text | cell, name, colspan, rowspan }`. In the core:
/// the widget draws a result's tables from it, as the authoring form draws its grid.
#[wasm_bindgen(js_name = templateLayout)]
pub fn template_layout(id: &str) -> Result<JsValue, JsError> {
    let template = crate::template::Template::by_id(id).ok_or_else(|| JsError::new(&format!("nianbao: unknown template {id:?}")))?;
    to_js(&crate::layout::layout(template))
}

#[cfg(feature = "desk")]
/// A document as JavaScript: text for Markdown and HTML, bytes for DOCX.
fn document(bytes: Vec<u8>, format: Format) -> JsValue {
    match format {
        Format::Docx => Uint8Array::from(bytes.as_slice()).into(),
        Format::Markdown | Format::Html => JsValue::from_str(&String::from_utf8(bytes).unwrap_or_default()),
    }
}

/// The command line's usage text (shared by the native CLI and the npm CLI).
#[wasm_bindgen]
pub fn usage() -> String {
    human::USAGE.to_string()
}

/// The extensions (lower case, no dot) of the files a directory check takes as reports.
#[wasm_bindgen(js_name = reportExtensions)]
pub fn report_extensions() -> Vec<JsValue> {
    human::REPORT_EXTENSIONS.iter().map(|e| JsValue::from_str(e)).collect()
}

/// The listing `nianbao rules` prints.
#[wasm_bindgen(js_name = rulesText)]
pub fn rules_text() -> String {
    human::rules_text()
}

#[derive(Serialize)]
struct RuleInfo {
    id: &'static str,
    severity: &'static str,
    summary: &'static str,
    doc: &'static str,
}

/// Every rule: `[{ id, severity, summary, doc }]`, in the registry's order.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsError> {
    let list: Vec<RuleInfo> = RULES
        .iter()
        .map(|r| RuleInfo { id: r.id, severity: r.severity.as_str(), summary: r.summary, doc: r.doc })
        .collect();
    to_js(&list)
}

#[derive(Serialize)]
struct LimitsInfo {
    max_input_bytes: usize,
    max_lines: usize,
    max_cells: usize,
    max_depth: usize,
    max_unzipped_bytes: usize,
    max_zip_entries: usize,
}

/// The hard limits every input is held to (size, lines, cells, nesting, DOCX archive).
#[wasm_bindgen]
pub fn limits() -> Result<JsValue, JsError> {
    to_js(&LimitsInfo {
        max_input_bytes: LIMITS.max_input_bytes,
        max_lines: LIMITS.max_lines,
        max_cells: LIMITS.max_cells,
        max_depth: LIMITS.max_depth,
        max_unzipped_bytes: LIMITS.max_unzipped_bytes,
        max_zip_entries: LIMITS.max_zip_entries,
    })
}

/// The engine's name and version, as in every result: `"nianbao 0.1.0"`.
#[wasm_bindgen]
pub fn engine() -> String {
    crate::ENGINE.to_string()
}

/// Test-only: poisons the instance the way an engine bug would, so the JavaScript wrapper's
/// recovery (fresh instance, `input-unreadable` finding) can be tested. `"panic"` panics,
/// anything else executes `unreachable`. Not part of the API.
#[wasm_bindgen(js_name = "__trap_for_tests")]
pub fn trap_for_tests(kind: &str) {
    if kind == "panic" {
        panic!("__trap_for_tests");
    }
    core::arch::wasm32::unreachable()
}

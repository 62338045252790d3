// Types for `nianbao`: the validation result (one JSON shape for the CLI, Node and the
// browser) and the API. The shape is the contract of OUTPUT.md; fields are added, never renamed.

/** Every rule id the engine reports. */
export type RuleId =
  | 't3-balance'
  | 't3-results-sum'
  | 't3-row-total'
  | 't4-total'
  | 'suspect-cell'
  | 'cell-not-number'
  | 'cell-negative'
  | 'cell-fraction'
  | 'cell-blank'
  | 'cell-unreadable'
  | 'missing-section'
  | 'missing-table'
  | 'missing-row'
  | 'section-order'
  | 'outdated-template'
  | 'template-deviation'
  | 'year-mismatch'
  | 'late-publication'
  | 't2-in-force'
  | 'text-table-mismatch'
  | 'fee-statement'
  | 'overview-topics'
  | 'problems-substance'
  | 'carry-chain'
  | 'copied-text'
  | 'figure-jump'
  | 'heading-variant'
  | 'input-unreadable';

export type Severity = 'error' | 'warning' | 'info';

/** `"2019"` (国办公开办函〔2019〕60号) or `"2021"` (国办公开办函〔2021〕30号). */
export type TemplateId = '2019' | '2021';

/** Table 三 columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. */
export type T3Column = 'natural' | 'commercial' | 'research' | 'nonprofit' | 'legal' | 'other_org' | 'total';

/** Table 三 rows (`other` is the 2019 template's single （六） row; `other.*` are 2021's). */
export type T3Row =
  | 'new'
  | 'carried'
  | 'granted'
  | 'partial'
  | 'denied.secret'
  | 'denied.law'
  | 'denied.safety'
  | 'denied.third_party'
  | 'denied.internal'
  | 'denied.process'
  | 'denied.enforcement'
  | 'denied.query'
  | 'unable.not_held'
  | 'unable.needs_making'
  | 'unable.unclear'
  | 'rejected.petition'
  | 'rejected.duplicate'
  | 'rejected.publication'
  | 'rejected.excessive'
  | 'rejected.confirm'
  | 'other'
  | 'other.no_correction'
  | 'other.unpaid_fee'
  | 'other.other'
  | 'results_total'
  | 'carried_forward';

export type T4Group = 'review' | 'suit_direct' | 'suit_after_review';
export type T4Column = 'upheld' | 'corrected' | 'other' | 'pending' | 'total';

/** Table 二 cells, 2021 template. */
export type T2Cell2021 =
  | `t2.${'rules' | 'normative'}.${'issued' | 'repealed' | 'in_force'}`
  | `t2.${'license' | 'penalty' | 'coercion'}.decisions`
  | 't2.fees.amount';

/** Table 二 cells, 2019 template. */
export type T2Cell2019 =
  | `t2.${'rules' | 'normative'}.${'made' | 'published' | 'total_public'}`
  | `t2.${'license' | 'other_services' | 'penalty' | 'coercion'}.${'prev_items' | 'change' | 'decisions'}`
  | `t2.fees.${'prev_items' | 'change'}`
  | `t2.procurement.${'items' | 'amount'}`;

/** A cell id of FORMAT.md, e.g. `t3.new.total`, `t3.denied.secret.natural`, `t4.review.corrected`. */
export type CellId = T2Cell2021 | T2Cell2019 | `t3.${T3Row}.${T3Column}` | `t4.${T4Group}.${T4Column}`;

export interface Fix {
  cell: CellId;
  value: number;
}

export interface Diagnostic {
  rule: RuleId;
  severity: Severity;
  /** In Chinese: what is wrong, with the figures, and what was expected. */
  message: string;
  /** Every cell the finding is about. */
  cells: CellId[];
  /** For arithmetic findings. */
  expected?: number;
  actual?: number;
  /** 1-based line in the input (for HTML/DOCX: in the extracted text). */
  line: number | null;
  /** The text of that line, as a reader sees it (at most 200 characters). */
  source: string | null;
  /** A proposed correction (`suspect-cell`; from `validateCells`, also the arithmetic findings one value explains). */
  fix?: Fix;
}

export interface ValidationResult {
  /** `"nianbao 0.1.0"`. */
  engine: string;
  input: {
    kind: 'text' | 'html' | 'docx' | 'cells';
    chars: number;
    /** The filename given, when one was. */
    name?: string;
  };
  template: TemplateId | null;
  report: {
    title: string | null;
    year: number | null;
    /** ISO date, `"2022-01-20"`. */
    published: string | null;
    /** The reporting body, from the title or the signature. */
    body: string | null;
    /** The year of the statistical period, when stated. */
    period_year: number | null;
  };
  sections: { number: 1 | 2 | 3 | 4 | 5 | 6; heading: string; line: number }[];
  /** Every cell of the matched template; `null` where blank or unreadable. */
  cells: Partial<Record<CellId, number | null>>;
  /** Sorted by severity (error, warning, info), then line. */
  diagnostics: Diagnostic[];
  stats: Stats;
  summary: { errors: number; warnings: number; infos: number };
  /** Reports of the same body in adjacent years checked together with this one (`validateBatch`). */
  links: LinkInfo[];
}

/** Another report this one was checked with: the same body, the year before or after. */
export interface LinkInfo {
  /** `previous`: the other report is last year's; `next`: next year's. */
  relation: 'previous' | 'next';
  /** The other report's name (its filename). */
  name: string;
  /** Its index in the batch. */
  index: number;
  body: string;
  /** The two report years, earlier first. */
  years: [number, number];
}

export interface BatchResult {
  /** One result per input, in input order. */
  results: ValidationResult[];
  /** Pairs of reports of one body in consecutive years (indexes into `results`). */
  links: { previous: number; next: number; body: string; years: [number, number]; names: [string, string] }[];
  /** With `{ human: true }`: each result as `nianbao check` prints it. */
  human?: string[];
  /** With `{ table: true }`: the summary table `nianbao check --format table` prints. */
  table?: string;
  /** The supervisor's desk: bodies × years, series, scores, copied text. Present when the
   * options asked for it (`desk`, `weights`, `summary`, `documents`), unless the engine trapped
   * on an input and each report was checked alone. */
  desk?: Desk;
  /** With `{ summary: format }`: the 汇总分析 followed by every 审查意见 (`nianbao summary`);
   * text for `md`/`html`, bytes for `docx`. */
  summary?: string | Uint8Array;
  /** With `{ documents: formats }`: per format, the 汇总分析 and each report's 审查意见 alone. */
  documents?: Partial<Record<DocumentFormat, { analysis: string | Uint8Array; letters: (string | Uint8Array)[] }>>;
}

export type DocumentFormat = 'md' | 'html' | 'docx';

/** The batch-level objects (OUTPUT.md additions; README "The supervisor's desk"). */
export interface Desk {
  /** Every report year, ascending: the columns of the body × year matrix. */
  years: number[];
  bodies: DeskBody[];
  /** Reports that name no body or no year. */
  unassigned: number[];
  /** One per body, in the order of `bodies`. */
  series: DeskSeries[];
  copied: Copied[];
  /** Per report, its findings grouped one mistake one problem (indexes into `diagnostics`). */
  problems: { finding: number; related: number[] }[][];
  scores: Score[];
  /** Report indexes, best score first. */
  ranking: number[];
  /** Scores in 0–9, 10–19, …, 90–100. */
  distribution: number[];
  defects: { rule: string; severity: Severity; summary: string; reports: number; problems: number }[];
  totals: { year: number; reports: number; received: number | null; handled: number | null; review_total: number | null; suit_total: number | null; mean_score: number | null }[];
}

export interface DeskBody {
  /** The normalised name its reports share (某县人民政府办公室 = 某县政府办). */
  key: string;
  /** As its latest report names it; `names`: every name its reports give. */
  name: string;
  names: string[];
  years: { year: number; reports: number[] }[];
  missing_years: number[];
  duplicates: { year: number; reports: number[]; differences: { field: string; values: (string | null)[] }[] }[];
}

export interface DeskSeries {
  body: string;
  points: {
    year: number;
    report: number;
    figures: Record<'received' | 'carried' | 'handled' | 'carried_forward' | 'disclosure_rate' | 'review_total' | 'review_correction_rate' | 'suit_total' | 'suit_correction_rate', number | null>;
    changes: Record<string, { from_year: number; difference: number; ratio: number | null }>;
  }[];
}

export interface Copied {
  report: number;
  previous: number;
  /** Share of the characters of sections 一 and 五 carried over (0–1). */
  share: number;
  sections: { number: number; sentences: number; copied: number; share: number }[];
  /** Sentences of sections 一 and 五 carried over: line in the later report, text as written. */
  passages: { section: number; line: number; text: string }[];
}

export interface Score {
  report: number;
  /** 0–100, one decimal. */
  score: number;
  indicators: { id: string; label: string; basis: string; weight: number; earned: number; applicable: boolean; evidence: string[] }[];
}

export interface BatchItem {
  input: Input;
  filename?: string;
}

export interface BatchOptions {
  /** Also build the supervisor's desk (`desk`; implied by `weights`, `summary`, `documents`):
   * the batch is then checked by the engine's full module (see `initFull`). */
  desk?: boolean;
  /** Also render each result as text (`human`). */
  human?: boolean;
  colour?: boolean;
  /** Also render the summary table of `nianbao check --format table` (`table`). */
  table?: boolean;
  /** Also write the 汇总分析 and every 审查意见 as one document (`summary`). */
  summary?: DocumentFormat;
  /** Also write each document alone, in each of these formats (`documents`). */
  documents?: DocumentFormat[];
  /** The score's weights as JSON `{"indicator id": weight}` (a province's own table). */
  weights?: string;
}

/** Figures for the statistics panel. Rates are in [0, 1], or `null`. */
export interface Stats {
  received: number | null;
  carried: number | null;
  handled: number | null;
  carried_forward: number | null;
  disclosure_rate: number | null;
  grant_rate: number | null;
  partial_rate: number | null;
  denial_rate: number | null;
  unable_rate: number | null;
  rejected_rate: number | null;
  other_rate: number | null;
  natural_share: number | null;
  review_total: number | null;
  review_correction_rate: number | null;
  suit_total: number | null;
  suit_correction_rate: number | null;
  outcomes: Record<'granted' | 'partial' | 'denied' | 'unable' | 'rejected' | 'other', number | null>;
  applicants: Record<'natural' | 'commercial' | 'research' | 'nonprofit' | 'legal' | 'other_org', number | null>;
  license_decisions: number | null;
  penalty_decisions: number | null;
  coercion_decisions: number | null;
  fees_amount: number | null;
}

export interface Rule {
  id: RuleId;
  severity: Severity;
  /** One line: what the rule finds. */
  summary: string;
  /** Why it matters and an example. */
  doc: string;
}

export interface Limits {
  max_input_bytes: number;
  max_lines: number;
  max_cells: number;
  max_depth: number;
  max_unzipped_bytes: number;
  max_zip_entries: number;
}

/** Text (already decoded), or the raw bytes of a .txt/.md/.html/.docx file in any supported encoding. */
export type Input = string | Uint8Array | ArrayBuffer | ArrayBufferView;

export interface ValidateOptions {
  /** The file name: its extension picks the reader before sniffing does. Shown as `input.name`. */
  filename?: string;
}

export interface HumanOptions extends ValidateOptions {
  /** The name printed in the report (defaults to `filename`, else `-`). */
  name?: string;
  /** ANSI colours, for a terminal. */
  colour?: boolean;
}

/**
 * The synchronous API, once the engine has started. `validateCells` and a `validateBatch` that
 * asks for the desk are answered by the full module: in a browser, after `initFull()`.
 */
export interface Engine {
  validate(input: Input, options?: ValidateOptions): ValidationResult;
  validateBatch(items: Iterable<BatchItem>, options?: BatchOptions): BatchResult;
  human(input: Input, options?: HumanOptions): string;
  lines(input: Input, options?: ValidateOptions): string[];
  rules(): Rule[];
  rulesText(): string;
  limits(): Limits;
  engine(): string;
  validateCells(template: TemplateId, cells: TypedCells, previous?: PreviousYear): ValidationResult;
  templates(): TemplateId[];
  templateLayout(id: TemplateId): TemplateLayout;
  toSortedJson(value: unknown): string;
}

/** Cell id → what was typed: `"12"`, `"１２"`, `"—"`, `""`; a number is written out, `null` is blank. */
export type TypedCells = Record<string, string | number | null | undefined>;

/** Last year's tables for `validateCells`: `cells` as a result's `cells`; `name` (and `year`) name it in messages. */
export interface PreviousYear {
  template: TemplateId;
  cells: TypedCells;
  name?: string;
  year?: number | null;
}

/** One cell of an official table's grid: a label (`text`) or a figure (`cell`, named by `name`). */
export interface GridCell {
  text?: string;
  cell?: string;
  /** For a figure: its row and column, as messages name it (`表三“（一）予以公开”行“自然人”列`). */
  name?: string;
  colspan: number;
  rowspan: number;
}

/** A template's tables 二, 三, 四 in the official layout (rows list the cells starting in them, as `<tr>` lists `<td>`). */
export interface TemplateLayout {
  template: TemplateId;
  issued_by: string;
  tables: { id: 't2' | 't3' | 't4'; name: string; heading: string; width: number; rows: GridCell[][] }[];
}

/**
 * Starts the engine (idempotent; the other calls do it for you). `source` overrides where the
 * WebAssembly comes from (a module, its bytes, a Response or a URL).
 */
export function init(source?: WebAssembly.Module | BufferSource | Response | URL | string): Promise<Engine>;

/**
 * Starts the engine's full module (idempotent): the same engine with the supervisor's desk (a
 * batch's `desk`, `weights`, `summary`, `documents`) and the authoring form (`validateCells`,
 * `templates`, `templateLayout`). It is a second download (`nianbao_full_bg.wasm`), fetched only
 * when this is called or an asynchronous call needs it; in Node it starts itself. `source` as for `init`.
 */
export function initFull(source?: WebAssembly.Module | BufferSource | Response | URL | string): Promise<Engine>;

/** Checks one report. A `Blob`/`File` is read, and its name used as the filename. */
export function validate(input: Input | Blob, options?: ValidateOptions): Promise<ValidationResult>;

/** Checks one report synchronously: after `init()` (in Node, at any time). */
export function validateSync(input: Input, options?: ValidateOptions): ValidationResult;

/**
 * Checks several reports together, as the CLI does for several files: reports of one body in
 * consecutive years are compared (`carry-chain`). A `Blob`/`File` item's name is its filename.
 * With `desk`, `weights`, `summary` or `documents` in the options the batch is checked by the
 * full module (started by `validateBatch`; `validateBatchSync` needs `initFull()` first in a browser).
 */
export function validateBatch(items: Iterable<BatchItem | { input: Input | Blob; filename?: string } | Blob>, options?: BatchOptions): Promise<BatchResult>;
export function validateBatchSync(items: Iterable<BatchItem>, options?: BatchOptions): BatchResult;

/** The text `nianbao check --format human` prints for this input. */
export function human(input: Input | Blob, options?: HumanOptions): Promise<string>;
export function humanSync(input: Input, options?: HumanOptions): string;

/**
 * The report's text as the engine reads it, one string per line: the numbering of every
 * `Diagnostic.line` (line `n` is `lines[n - 1]`; for HTML and DOCX the extracted text, for a PDF
 * its text layer). Read exactly as `validate` reads the same input and options; an input that
 * cannot be read gives `[]`.
 */
export function lines(input: Input | Blob, options?: ValidateOptions): Promise<string[]>;
export function linesSync(input: Input, options?: ValidateOptions): string[];

/** Every rule, in the registry's order. */
export function rules(): Promise<Rule[]>;
/** The listing `nianbao rules` prints. */
export function rulesText(): Promise<string>;
export function limits(): Promise<Limits>;
/** `"nianbao 0.1.0"`. */
export function engine(): Promise<string>;

/**
 * Checks tables filled in by hand (no document): the table rules and the statistics, as a
 * result with `input.kind` "cells", no lines, and, where one value of one cell would make every
 * equation hold, that value as `fix` on each arithmetic finding. With `previous`, this year's
 * 上年结转 is compared with last year's 结转下年度 (`carry-chain`). Throws on an unknown template or cell id.
 */
export function validateCells(template: TemplateId, cells: TypedCells, previous?: PreviousYear): Promise<ValidationResult>;
export function validateCellsSync(template: TemplateId, cells: TypedCells, previous?: PreviousYear): ValidationResult;
/** The template ids, oldest first. */
export function templates(): Promise<TemplateId[]>;
export function templatesSync(): TemplateId[];
/** The official layout of a template's tables, built from the engine's template data. */
export function templateLayout(id: TemplateId): Promise<TemplateLayout>;
export function templateLayoutSync(id: TemplateId): TemplateLayout;

/** One line of JSON with sorted keys: the bytes `nianbao check --format json` prints. */
export function toSortedJson(value: unknown): string;

/**
 * A batch checked one report at a time (for progress); `finish` gives what `validateBatchSync`
 * gives. Give `openBatch` the options `finish` will get when they ask for the desk, so the batch
 * is checked by the full module from the start (asked for only at `finish`, it is checked again).
 */
export interface OpenBatch {
  readonly size: number;
  add(input: Input, filename?: string): number;
  finish(options?: BatchOptions): BatchResult;
}
export function openBatch(options?: BatchOptions): OpenBatch;

export interface CheckFilesOptions extends BatchOptions {
  /** Called after each report. */
  onProgress?(progress: { done: number; total: number; name: string | null }): void;
  /** Awaited after each report (to yield on a page's main thread). */
  pause?(): Promise<void> | null | undefined;
  /** Also give `texts`: for each PDF, the text the engine read (for `lines`); null for other inputs. */
  texts?: boolean;
}

/**
 * Checks several reports together, one at a time with progress; PDFs are read into text first
 * (a scan or a damaged PDF gives an `input-unreadable` result). `pdf[i]` tells how a PDF was read.
 */
export function checkFiles(
  items: Iterable<BatchItem | { input: Input | Blob; filename?: string; unreadable?: string } | Blob>,
  options?: CheckFilesOptions,
): Promise<BatchResult & { pdf: ({ pages: number; ms: number } | null)[]; texts?: (string | null)[] }>;
/**
 * Checks one report (a PDF too); with `{ human: true }`, also its text; with `{ text: true }`,
 * also `text`: what the engine read when that is not the input itself (a PDF's text layer), else null.
 */
export function checkFile(
  input: Input | Blob,
  options?: HumanOptions & { human?: boolean; text?: boolean },
): Promise<ValidationResult | { result: ValidationResult; human?: string; text?: string | null }>;

/** The CLI's usage text. */
export function usageSync(): string;
/** The extensions (lower case) of the files a folder check takes as reports. */
export function reportExtensionsSync(): string[];
/** What this environment offers: the widget's worker URL, or null. */
export function environment(): { worker: URL | null };

/** A report for the exports: a result, or `{ name, result }`. */
export type ExportItem = ValidationResult | { name: string; result: ValidationResult };
/** One row per report, every cell id a column; UTF-8 with BOM, RFC 4180, formula-safe. */
export function cellsCsv(results: ExportItem[]): string;
/** One row per finding. */
export function findingsCsv(results: ExportItem[]): string;
/** One result as sorted-keys JSON, or `{ results, links }` for a batch. */
export function resultsJson(results: ExportItem[], links?: BatchResult['links']): string;

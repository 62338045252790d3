// PDF → text for the engine. pdf.js (Mozilla's `pdfjs-dist`, copied into ./pdfjs/ by
// scripts/build) is loaded on the first PDF only, from next to this module: same origin, no CDN.
// Its text items carry positions; lines and table rows are rebuilt from them (items grouped by
// baseline, ordered left to right, a TAB where a wide gap marks a table cell boundary), page
// headers, footers and page numbers dropped, and the text handed to the engine like any other
// text. A PDF without a text layer (a scan) or one pdf.js cannot open gets a clear message.

import { baselines, joinPageBreaks, lineSegments, markWrappedFigures, pageRules, tableRows } from './pdf-table.js';

let base = null; // URL of the pdfjs/ folder, or null when PDFs cannot be read here
let loading = null;

/** Where pdf.js lives (`new URL('./pdfjs/', import.meta.url)`), or `null`: PDF not available. */
export function configurePdf(folder) {
  base = folder ? new URL(folder) : null;
  loading = null;
}

export function pdfAvailable() {
  return base !== null;
}

/** A PDF, by its first bytes (`%PDF`, after up to 1 KB of junk as readers allow) or its name. */
export function isPdf(bytes, filename) {
  if (typeof filename === 'string' && /\.pdf$/i.test(filename)) return true;
  if (!bytes || typeof bytes === 'string') return false;
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes.buffer || bytes, bytes.byteOffset || 0, bytes.byteLength);
  const end = Math.min(b.length - 4, 1024);
  for (let i = 0; i <= end; i++) {
    if (b[i] === 0x25 && b[i + 1] === 0x50 && b[i + 2] === 0x44 && b[i + 3] === 0x46) return true;
  }
  return false;
}

/** Why a PDF gives no text: `message` is Chinese, shown to the user as an `input-unreadable` finding. */
export class PdfUnreadable extends Error {
  constructor(kind, message) {
    super(message);
    this.name = 'PdfUnreadable';
    this.kind = kind; // 'scanned' | 'corrupt' | 'password' | 'unavailable' | 'failed'
  }
}

export const MESSAGES = {
  scanned:
    '此 PDF 没有文字层（可能是扫描件或图片），读不出其中的文字和表格，未作检查。请使用可复制文字的 PDF、Word 或网页版报告，或先对扫描件做文字识别（OCR）后再检查',
  corrupt: (reason) => `无法打开此 PDF：文件已损坏、不完整或不是有效的 PDF（${reason}），未作检查`,
  password: '此 PDF 设有密码或已加密，无法读取其中的文字，未作检查。请使用未加密的文件',
  unavailable:
    '此处不能读取 PDF（离线单文件版不含 PDF 读取组件），未作检查。请使用在线版网页或命令行 npx nianbao check 报告.pdf，或先将 PDF 中的文字复制为文本',
  failed: (reason) => `读取此 PDF 时出错（${reason}），未作检查`,
};

const isNode = typeof process !== 'undefined' && !!(process.versions && process.versions.node) && typeof window === 'undefined' && typeof WorkerGlobalScope === 'undefined';

/**
 * Node: pdf.js looks for the optional native canvas package (for rendering, which text
 * extraction never does) and warns on stderr when it is absent; it also builds one DOMMatrix
 * when loaded. A bare matrix stands in, and those warnings are not shown.
 */
async function importQuietly(url) {
  globalThis.DOMMatrix ??= class DOMMatrix {
    constructor(m = [1, 0, 0, 1, 0, 0]) {
      [this.a, this.b, this.c, this.d, this.e, this.f] = m;
    }
  };
  const warn = console.warn;
  console.warn = (...args) => {
    if (!(typeof args[0] === 'string' && /^Warning: Cannot (load|polyfill|access)/.test(args[0]))) warn(...args);
  };
  try {
    return await import(url);
  } finally {
    console.warn = warn;
  }
}

async function pdfjs() {
  if (!base) throw new PdfUnreadable('unavailable', MESSAGES.unavailable);
  if (!loading) {
    loading = (async () => {
      // pdf.js's legacy build carries core-js, which replaces Array.prototype.push with a
      // function of its own wherever the engine's push mishandles a non-writable length (Node
      // 20, Chromium): every push, ours and pdf.js's, then ran through it, ~10% of the time
      // spent on a PDF. Nothing here pushes onto a frozen length: the engine's own is put back.
      const push = Array.prototype.push;
      let lib, worker;
      try {
        lib = await (isNode ? importQuietly : (url) => import(url))(new URL('pdf.min.mjs', base).href);
        worker = new URL('pdf.worker.min.mjs', base).href;
        lib.GlobalWorkerOptions.workerSrc = worker;
        // Inside a worker of ours (or in Node) pdf.js parses on this thread: it gets its parser
        // directly, rather than spawning a worker of its own (and warning about it).
        if (isNode || typeof window === 'undefined') globalThis.pdfjsWorker ??= await import(worker);
      } finally {
        Array.prototype.push = push;
      }
      let cMapUrl = new URL('cmaps/', base).href;
      let standardFontDataUrl = new URL('standard_fonts/', base).href;
      if (isNode) {
        // pdf.js reads these with fs in Node: paths, not URLs.
        const { fileURLToPath } = await import('node:url');
        const sep = process.platform === 'win32' ? '\\' : '/';
        cMapUrl = fileURLToPath(cMapUrl) + sep;
        standardFontDataUrl = fileURLToPath(standardFontDataUrl) + sep;
      }
      return { lib, cMapUrl, standardFontDataUrl };
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  try {
    return await loading;
  } catch (error) {
    throw new PdfUnreadable('failed', MESSAGES.failed(`无法加载 PDF 读取组件：${error && error.message ? error.message : error}`));
  }
}

const PAGE_NUMBER = [
  /^[-－—–~〜\s]*\d{1,4}[-－—–~〜\s]*$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?$/,
  /^共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^page\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
];

function isPageNumber(text) {
  const t = text.replace(/\t/g, ' ').trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

/**
 * Lines of one page from pdf.js text items: `[{ text, y, h }]`, top of the page first.
 * Fragments inside a table drawn with borders (`rules`, from `pageRules`) are read cell by cell
 * (./pdf-table.js): each table row one line, its cells joined by TAB. The other fragments form
 * lines by baseline: within a line, a gap wider than about two thirds of the font height is a
 * cell boundary (TAB), a narrow gap between Latin letters or digits a space, and CJK text is
 * joined as it is.
 */
export function pageLines(items, rules = { h: [], v: [] }) {
  const boxes = [];
  for (const item of items) {
    if (typeof item.str !== 'string' || !item.str.trim()) continue;
    const [a, b, c, d, e, f] = item.transform;
    const size = Math.abs(item.height) || Math.hypot(c, d) || Math.hypot(a, b) || 10;
    boxes.push({ text: item.str.replace(/\s+/g, ' ').trim(), x: e, y: f, w: Math.abs(item.width) || 0, h: size });
  }
  const { rows, rest } = tableRows(boxes, rules);
  const lines = baselines(rest).map((line) => ({ segments: lineSegments(line.items), y: line.y, h: line.h }));
  markWrappedFigures(lines);
  return [...rows, ...lines.map(({ text, y, h }) => ({ text, y, h }))].sort((p, q) => q.y - p.y);
}

/**
 * The text of a document from its pages' lines: running headers and footers (the same text at
 * the same height on several pages, page numbers aside) and page numbers at the top or bottom of
 * a page are dropped.
 */
export function documentText(pages) {
  const EDGE = 2; // lines at the top and at the bottom of a page that may be headers or footers
  const key = (line) => `${Math.round(line.y / 3)}|${line.text.replace(/\d+/g, '#').replace(/\s+/g, '')}`;
  const seen = new Map();
  for (const lines of pages) {
    const edges = new Set([...lines.slice(0, EDGE), ...lines.slice(-EDGE)].map(key));
    for (const k of edges) seen.set(k, (seen.get(k) || 0) + 1);
  }
  const repeated = (line) => pages.length > 1 && (seen.get(key(line)) || 0) >= Math.max(2, Math.ceil(pages.length / 2));
  const out = [];
  for (const lines of pages) {
    lines.forEach((line, i) => {
      const edge = i < EDGE || i >= lines.length - EDGE;
      if (edge && (isPageNumber(line.text) || repeated(line))) return;
      out.push(line.text);
    });
  }
  return out.join('\n');
}

/**
 * Reads a PDF's text. Resolves to `{ text, pages, chars }`; rejects with `PdfUnreadable` (a
 * Chinese message) when the file is a scan, encrypted, damaged, or PDF reading is not available.
 */
export async function pdfToText(bytes) {
  const { lib, cMapUrl, standardFontDataUrl } = await pdfjs();
  const data = bytes instanceof Uint8Array ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer ? bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) : bytes);
  const task = lib.getDocument({
    data,
    cMapUrl,
    cMapPacked: true,
    // Text needs no glyph outlines: with "system fonts" pdf.js fetches no standard font files
    // but the two symbol fonts (vendored); nothing is rendered, so no system font is used.
    standardFontDataUrl,
    useSystemFonts: true,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
    useWorkerFetch: !isNode,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    const name = error && error.name;
    if (name === 'PasswordException') throw new PdfUnreadable('password', MESSAGES.password);
    const reason = (error && error.message) || String(error);
    if (name === 'InvalidPDFException' || name === 'MissingPDFException' || name === 'FormatError' || name === 'UnknownErrorException') {
      throw new PdfUnreadable('corrupt', MESSAGES.corrupt(reason));
    }
    throw new PdfUnreadable('corrupt', MESSAGES.corrupt(reason));
  }
  try {
    const pages = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ disableNormalization: false });
      let lines = pageLines(content.items);
      // Borders are read (a second pass over the page's content) only where text stands in
      // columns: a page of prose has no table to rebuild.
      if (lines.some((line) => line.text.includes('\t'))) lines = pageLines(content.items, pageRules(await page.getOperatorList(), lib.OPS));
      for (const line of lines) chars += line.text.replace(/\s/g, '').length;
      pages.push(lines);
      page.cleanup();
    }
    // A scan has no text at all, or only a few stray characters (a stamp, a page number).
    if (chars < 20 * Math.max(1, Math.min(doc.numPages, 3)) / 2) throw new PdfUnreadable('scanned', MESSAGES.scanned);
    joinPageBreaks(pages);
    return { text: documentText(pages), pages: doc.numPages, chars };
  } catch (error) {
    if (error instanceof PdfUnreadable) throw error;
    throw new PdfUnreadable('corrupt', MESSAGES.corrupt((error && error.message) || String(error)));
  } finally {
    await task.destroy().catch(() => {});
  }
}

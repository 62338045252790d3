// Builds the single-file offline page: every module of the site inlined into one module script,
// the core wasm inlined as base64, the full module (the desk and the authoring form, used only
// when opened) gzipped and then base64 (unpacked by the browser's DecompressionStream when first
// needed), and a Content-Security-Policy that allows exactly that script (by its hash) and
// WebAssembly, nothing else.
//
//   node www/tools/offline.mjs dist/site dist/nianbao-offline.html
//
// A deliberately small bundler for this project's own modules: it understands the import and
// export forms they use (named, namespace, default and side-effect imports; `export function /
// const / class`, `export { a, b as c }` and `export { … } from`), wraps each module in a
// function scope, and fails loudly on anything else.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const [siteDir, outFile] = process.argv.slice(2);
if (!siteDir || !outFile) {
  console.error('usage: node offline.mjs SITE_DIR OUT_HTML');
  process.exit(2);
}

const OFFLINE_ENGINE = '<offline-engine>';

function offlineEngineSource() {
  const wasm = readFileSync(join(siteDir, 'nianbao_bg.wasm')).toString('base64');
  const full = gzipSync(readFileSync(join(siteDir, 'nianbao_full_bg.wasm')), { level: 9 }).toString('base64');
  return `import { configure } from './core.js';
const WASM_BASE64 = '${wasm}';
const FULL_GZIP_BASE64 = '${full}';
function bytes(base64) {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
// No pdf.js and no worker in the single file: a PDF gets a clear message; checks run on the
// page's main thread (a file:// page may not start module workers).
configure({
  load: async () => bytes(WASM_BASE64),
  loadFull: () => new Response(new Blob([bytes(FULL_GZIP_BASE64)]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer(),
  pdf: null,
  worker: null,
});
export { init, initFull, validate, validateSync, validateBatch, validateBatchSync, human, humanSync, lines, linesSync, rules, rulesText, limits, engine, validateCells, validateCellsSync, templates, templatesSync, templateLayout, templateLayoutSync, toSortedJson, openBatch, usageSync, reportExtensionsSync, environment } from './core.js';
export { checkFile, checkFiles } from './check.js';
export { cellsCsv, findingsCsv, resultsJson } from './export.js';
`;
}

/** Which file a specifier means; './index.js' (the fetching engine) becomes the inlined one. */
function resolve(from, specifier) {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) throw new Error(`${from}: cannot inline bare import '${specifier}'`);
  const base = from === OFFLINE_ENGINE ? '.' : posix.dirname(from);
  const path = posix.normalize(posix.join(base, specifier));
  return path === 'index.js' ? OFFLINE_ENGINE : path;
}

function source(path) {
  return path === OFFLINE_ENGINE ? offlineEngineSource() : readFileSync(join(siteDir, path), 'utf8');
}

const IMPORT = /^import\s+(?:([^;'"]*?)\s+from\s+)?'([^']+)';?[ \t]*$/gm;
const EXPORT_FROM = /^export\s+\{([^;'"}]*)\}\s+from\s+'([^']+)';?[ \t]*$/gm;
const EXPORT_LIST = /^export\s+\{([^;'"}]*)\};?[ \t]*$/gm;
const EXPORT_DECL = /^export\s+(async\s+function\*?|function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm;

function names(list) {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name, alias] = part.split(/\s+as\s+/);
      return { name: name.trim(), alias: (alias || name).trim() };
    });
}

const modules = new Map(); // path -> { id, code }
let counter = 0;

function load(path) {
  if (modules.has(path)) return modules.get(path).id;
  const entry = { id: `__m${counter++}`, code: null, deps: [] };
  modules.set(path, entry);
  let code = source(path);
  const prologue = [];
  const exported = [];
  code = code.replace(EXPORT_FROM, (_, list, specifier) => {
    const dep = resolve(path, specifier);
    entry.deps.push(dep);
    const id = load(dep);
    for (const { name, alias } of names(list)) exported.push(`${JSON.stringify(alias)}: ${id}[${JSON.stringify(name)}]`);
    return '';
  });
  code = code.replace(IMPORT, (_, clause, specifier) => {
    const dep = resolve(path, specifier);
    entry.deps.push(dep);
    const id = load(dep);
    if (!clause) return '';
    const parts = clause.trim();
    const namespace = parts.match(/^\*\s+as\s+([\w$]+)$/);
    if (namespace) {
      prologue.push(`const ${namespace[1]} = ${id};`);
      return '';
    }
    const named = parts.match(/^(?:([\w$]+)\s*,\s*)?\{([\s\S]*)\}$/);
    const single = parts.match(/^([\w$]+)$/);
    if (named) {
      if (named[1]) prologue.push(`const ${named[1]} = ${id}.default;`);
      const binds = names(named[2]).map(({ name, alias }) => (name === alias ? name : `${name}: ${alias}`));
      prologue.push(`const { ${binds.join(', ')} } = ${id};`);
    } else if (single) {
      prologue.push(`const ${single[1]} = ${id}.default;`);
    } else {
      throw new Error(`${path}: unsupported import clause '${parts}'`);
    }
    return '';
  });
  code = code.replace(EXPORT_LIST, (_, list) => {
    for (const { name, alias } of names(list)) exported.push(`${JSON.stringify(alias)}: ${name}`);
    return '';
  });
  code = code.replace(EXPORT_DECL, (_, kind, name) => {
    exported.push(`${JSON.stringify(name)}: ${name}`);
    return `${kind} ${name}`;
  });
  if (/^export\s/m.test(code) || /^import[\s{*'"]/m.test(code)) throw new Error(`${path}: an import or export form the offline bundler does not know`);
  entry.code = `// ${path}\nconst ${entry.id} = (() => {\n${prologue.join('\n')}\n${code}\nreturn Object.freeze({ ${exported.join(', ')} });\n})();\n`;
  return entry.id;
}

const html = readFileSync(join(siteDir, 'index.html'), 'utf8');
const entry = html.match(/<script type="module" src="([^"]+)"><\/script>/);
if (!entry) throw new Error('index.html: no module script to inline');
load(entry[1]);
// Each module is emitted after its dependencies, in the order its imports name them.
const ordered = [];
const seen = new Set();
function visit(path) {
  if (seen.has(path)) return;
  seen.add(path);
  for (const dep of modules.get(path).deps) visit(dep);
  ordered.push(modules.get(path).code);
}
visit(entry[1]);
let script = `\n${ordered.join('\n')}`;
if (/<\/script/i.test(script) || /<!--/.test(script)) script = script.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

const hash = createHash('sha256').update(script, 'utf8').digest('base64');
const csp = `default-src 'none'; script-src 'sha256-${hash}' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; form-action 'none'`;

let page = html
  .replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
  .replace(/^.*<link rel="(?:icon|modulepreload)"[^>]*>\n/gm, '')
  .replace(/^.*<a [^>]*id="offline-link"[^>]*>.*<\/a>\n/gm, '')
  .replace(entry[0], () => `<script type="module">${script}</script>`);
if (!page.includes(`'sha256-${hash}'`)) throw new Error('index.html: no CSP meta to replace');
page = page.replace('<title>', '<!-- nianbao offline: one self-contained file; works from disk with no network -->\n<title>');
writeFileSync(outFile, page);
console.log(`${outFile}: ${(Buffer.byteLength(page) / 1024).toFixed(0)} KB, ${modules.size} modules inlined`);

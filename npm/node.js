// nianbao for Node ≥ 18: the wasm is read from next to this module with `fs`, so
// `validateSync` (and the desk's and the form's calls, from the full module) work without
// `await init()`.

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { configure } from './core.js';

const wasm = () => new URL('./nianbao_bg.wasm', import.meta.url);
const wasmFull = () => new URL('./nianbao_full_bg.wasm', import.meta.url);

configure({
  load: () => readFile(wasm()),
  loadSync: () => readFileSync(wasm()),
  loadFull: () => readFile(wasmFull()),
  loadFullSync: () => readFileSync(wasmFull()),
  pdf: new URL('./pdfjs/', import.meta.url),
});

export {
  init,
  initFull,
  validate,
  validateSync,
  validateBatch,
  validateBatchSync,
  human,
  humanSync,
  lines,
  linesSync,
  rules,
  rulesText,
  limits,
  engine,
  validateCells,
  validateCellsSync,
  templates,
  templatesSync,
  templateLayout,
  templateLayoutSync,
  toSortedJson,
  openBatch,
  usageSync,
  reportExtensionsSync,
  environment,
} from './core.js';
export { checkFile, checkFiles } from './check.js';
export { cellsCsv, findingsCsv, resultsJson } from './export.js';

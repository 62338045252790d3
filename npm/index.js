// nianbao for browsers (and any runtime with fetch): the wasm is fetched from next to this
// module, so it never leaves the page's origin and needs no bundler configuration; the full
// module (the desk and the authoring form) only when first needed.

import { configure } from './core.js';

configure({
  load: () => fetch(new URL('./nianbao_bg.wasm', import.meta.url)),
  loadFull: () => fetch(new URL('./nianbao_full_bg.wasm', import.meta.url)),
  pdf: new URL('./pdfjs/', import.meta.url),
  worker: new URL('./widget-worker.js', import.meta.url),
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

// nianbao for Node ≥ 18: the wasm is read from next to this module with `fs`, so
// `validateSync` works without `await init()`.

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { configure } from './core.js';

const wasm = () => new URL('./nianbao_bg.wasm', import.meta.url);

configure({ load: () => readFile(wasm()), loadSync: () => readFileSync(wasm()) });

export {
  init,
  validate,
  validateSync,
  validateBatch,
  validateBatchSync,
  human,
  humanSync,
  rules,
  rulesText,
  limits,
  engine,
  toSortedJson,
  __trapForTests,
} from './core.js';

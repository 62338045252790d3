// nianbao for browsers (and any runtime with fetch): the wasm is fetched from next to this
// module, so it never leaves the page's origin and needs no bundler configuration.

import { configure } from './core.js';

configure({ load: () => fetch(new URL('./nianbao_bg.wasm', import.meta.url)) });

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

// `import 'nianbao/widget'` defines <nianbao-validator>.

import type { Input, ValidateOptions, ValidationResult } from './index.js';

/**
 * Attributes: `lang` (`zh`, `en`); `mode="author"` shows the authoring form (tables 二, 三, 四
 * to fill in, checked at every keystroke; `template="2019"` picks the older layout, 2021 is the
 * default), absent the checking view. A `nianbao-author` event carries each check of the form.
 */
export declare class NianbaoValidator extends HTMLElement {
  /** Checks one report, renders it and resolves with the result (also sent as `nianbao-result`). */
  check(input: Input | Blob, options?: ValidateOptions): Promise<ValidationResult>;
  /**
   * Checks several files as one batch (a .zip is unpacked, PDFs read, other files skipped) and
   * shows a sortable summary table; resolves with the results in order.
   */
  checkFiles(files: Iterable<Blob> | ArrayLike<Blob>): Promise<ValidationResult[]>;
  /** The text in the paste area. */
  value: string;
  /** The results shown, in order. */
  readonly results: ValidationResult[];
  /** `"zh"` (default) or `"en"`: the language of the interface (findings stay in Chinese). */
  lang: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'nianbao-validator': NianbaoValidator;
  }
  interface HTMLElementEventMap {
    'nianbao-result': CustomEvent<ValidationResult>;
    'nianbao-author': CustomEvent<ValidationResult>;
  }
}

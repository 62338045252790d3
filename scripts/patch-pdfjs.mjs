#!/usr/bin/env node
// Patches the vendored pdf.js worker (pdfjs-dist 5.4.296, legacy build, minified) so that what
// pdf.js parses from its built-in CMaps is kept for the life of the thread, not of one document:
// a batch of reports in one process reads the same Chinese CMaps again and again, and parsing
// them was ~25% of the CPU time per document (issue 13). Called by scripts/build on the copy in
// dist/*/pdfjs/ (node_modules stays as npm installed it):
//
//   node scripts/patch-pdfjs.mjs dist/npm/pdfjs/pdf.worker.min.mjs
//
// 1. Built-in CMaps (`createBuiltInCMap`: Identity-H/V, UniGB-UCS2-H, Adobe-GB1-UCS2, …) are
//    parsed once per thread and shared by every document. pdf.js keeps only the compressed bytes
//    per document; the parsed CMap objects are never written after parsing (an embedded CMap
//    that uses a built-in one copies its entries and its code space ranges).
// 2. A composite font without a ToUnicode map gets its character → Unicode table from two
//    built-in CMaps (its encoding, e.g. UniGB-UCS2-H, and Adobe-GB1-UCS2): that table is built
//    once per (encoding CMap, registry-ordering) and each font gets its own copy, since
//    `ToUnicodeMap.amend` may add to a font's table.
// 3. For such a font not embedded in the PDF (STSong-Light and other CJK "base fonts"),
//    `fallbackToSystemFont` derives `toFontChar` (for rendering) from that same table: it is
//    derived once per table and copied, unless the font's table was amended in between.
// 4. The operator list (read for table borders, npm/pdf-table.js) no longer compiles the outline
//    of every glyph shown: with `disableFontFace` pdf.js builds them so that a canvas can draw
//    text as paths, and sends each to the main thread. This copy of pdf.js never draws (only
//    npm/pdf.js loads it, for text and rules), and the outlines were a fifth of the CPU time of a
//    PDF with embedded fonts.
//
// Each patch replaces a piece of text that must occur exactly once; anything else (another
// pdf.js version) stops the build, so a pdfjs-dist upgrade has to look at these again. The result
// is checked by tests/web/pdf-*.test.mjs (the same text from every PDF fixture) and marked with
// the comment `nianbao-patched` at the top of the file.

import { readFileSync, writeFileSync } from 'node:fs';

const VERSION = '5.4.296';
const MARK = '/* nianbao-patched: scripts/patch-pdfjs.mjs */\n';

const PATCHES = [
  {
    what: 'built-in CMaps parsed once per thread',
    from: 'async function createBuiltInCMap(e,t){',
    to:
      'var nbCMaps=new Map,nbToUnicode=new WeakMap,nbFontChar=new WeakMap;' +
      'function createBuiltInCMap(e,t){let r=nbCMaps.get(e);if(!r){r=nbParseBuiltInCMap(e,t);nbCMaps.set(e,r);r.catch(()=>nbCMaps.delete(e))}return r}' +
      'async function nbParseBuiltInCMap(e,t){',
  },
  {
    what: 'CID → Unicode table of a composite font built once per CMap',
    from: 'const{registry:t,ordering:r}=e.cidSystemInfo,a=Name.get(`${t}-${r}-UCS2`)',
    to:
      'const{registry:t,ordering:r}=e.cidSystemInfo,nbKey=`${t}-${r}`,nbHit=nbToUnicode.get(e.cMap)?.get(nbKey);' +
      'if(nbHit){const m=new ToUnicodeMap(nbHit.slice());m.nbSource=nbHit;return m}' +
      'const a=Name.get(`${t}-${r}-UCS2`)',
  },
  {
    what: '… and remembered',
    from: 'return new ToUnicodeMap(i)}return new IdentityToUnicodeMap(e.firstChar,e.lastChar)}',
    to:
      'const nbKept=i.slice();nbToUnicode.has(e.cMap)||nbToUnicode.set(e.cMap,new Map);nbToUnicode.get(e.cMap).set(nbKey,nbKept);' +
      'const nbMap=new ToUnicodeMap(i);nbMap.nbSource=nbKept;return nbMap}return new IdentityToUnicodeMap(e.firstChar,e.lastChar)}',
  },
  {
    what: 'an amended table is no longer the shared one',
    from: 'amend(e){for(const t in e)this._map[t]=e[t]}',
    to: 'amend(e){this.nbSource=void 0;for(const t in e)this._map[t]=e[t]}',
  },
  {
    what: 'toFontChar of a non-embedded composite font derived once per table',
    from: 'else{const e=ga(),r=[];this.toUnicode.forEach((t,a)=>{if(!this.composite){const r=getUnicodeForGlyph(this.differences[t]||this.defaultEncoding[t],e);-1!==r&&(a=r)}r[+t]=a});',
    to:
      'else{const e=ga(),nbSource=this.composite?this.toUnicode.nbSource:void 0,nbKnown=nbSource&&nbFontChar.get(nbSource);let r=[];' +
      'if(nbKnown)r=nbKnown.slice();else{this.toUnicode.forEach((t,a)=>{if(!this.composite){const r=getUnicodeForGlyph(this.differences[t]||this.defaultEncoding[t],e);-1!==r&&(a=r)}r[+t]=a});' +
      'nbSource&&nbFontChar.set(nbSource,r.slice())}',
  },
  {
    what: 'no glyph outlines for text in the operator list',
    from: 'if(r.data){(!!(t.textRenderingMode&C)||"Pattern"===t.fillColorSpace.name||r.disableFontFace)&&PartialEvaluator.buildFontPaths(r,a,this.handler,this.options)}return a}',
    to: 'return a}',
  },
];

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/patch-pdfjs.mjs PATH/pdf.worker.min.mjs');
  process.exit(2);
}
let text = readFileSync(file, 'utf8');
if (text.startsWith(MARK)) {
  console.error(`patch-pdfjs: ${file} is already patched`);
  process.exit(1);
}
if (!text.includes(`pdfjsVersion = "${VERSION}"`) && !text.includes(`"${VERSION}"`)) {
  console.error(`patch-pdfjs: ${file} is not pdf.js ${VERSION}; see scripts/patch-pdfjs.mjs`);
  process.exit(1);
}
for (const { what, from, to } of PATCHES) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    console.error(`patch-pdfjs: the text to patch (${what}) is not found exactly once in ${file}`);
    process.exit(1);
  }
  text = text.slice(0, at) + to + text.slice(at + from.length);
}
writeFileSync(file, MARK + text);

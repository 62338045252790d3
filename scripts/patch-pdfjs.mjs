#!/usr/bin/env node
// Patches the vendored pdf.js (pdfjs-dist 5.4.296, legacy build, minified) for reading text in
// batches (issue 13): what pdf.js parses from its built-in CMaps is kept for the life of the
// thread, not of one document (a batch reads the same Chinese CMaps again and again: parsing
// them was ~25% of the CPU time per document), glyph outlines nobody draws are not built, and a
// page's text crosses from the parsing side to the reading side in a few large chunks. Called
// by scripts/build on the copies in dist/*/pdfjs/ (node_modules stays as npm installed it):
//
//   node scripts/patch-pdfjs.mjs dist/npm/pdfjs
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
// 5. Text content crosses in chunks of up to a thousand items (pdf.worker.min.mjs) under a
//    stream allowance of 100,000 (pdf.min.mjs), not ten and a hundred: a LibreOffice PDF sets
//    its font before each glyph, and every font change sent a chunk of ten items, each a message
//    and a structured clone with its stream's pull and acknowledgement (256 chunks for a
//    four-page report, now 6). How the items are cut into chunks does not change them: the
//    reading side joins the chunks, and an item is only sent once complete.
//
// Each patch replaces a piece of text that must occur exactly once; anything else (another
// pdf.js version) stops the build, so a pdfjs-dist upgrade has to look at these again. The result
// is checked by tests/web/pdf-patch.test.mjs (the text unpatched pdf.js gives, from every PDF
// fixture, in either order) and by the PDF tests; it is marked with
// the comment `nianbao-patched` at the top of each file.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const VERSION = '5.4.296';
const MARK = '/* nianbao-patched: scripts/patch-pdfjs.mjs */\n';

const WORKER = [
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
  {
    what: 'text sent to the reading side in chunks of a thousand items, not ten',
    from: 'if(0!==t&&!(e&&t<10)){s?.enqueue(b,t)',
    to: 'if(0!==t&&!(e&&t<1e3)){s?.enqueue(b,t)',
  },
];

const LIBRARY = [
  {
    what: 'room for a page\'s text in the text stream',
    from: '{highWaterMark:100,size:t=>t.items.length}',
    to: '{highWaterMark:1e5,size:t=>t.items.length}',
  },
];

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node scripts/patch-pdfjs.mjs DIST/pdfjs');
  process.exit(2);
}

function patch(file, patches) {
  let text = readFileSync(file, 'utf8');
  if (text.startsWith(MARK)) {
    console.error(`patch-pdfjs: ${file} is already patched`);
    process.exit(1);
  }
  if (!text.includes(`"${VERSION}"`)) {
    console.error(`patch-pdfjs: ${file} is not pdf.js ${VERSION}; see scripts/patch-pdfjs.mjs`);
    process.exit(1);
  }
  for (const { what, from, to } of patches) {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) {
      console.error(`patch-pdfjs: the text to patch (${what}) is not found exactly once in ${file}`);
      process.exit(1);
    }
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  writeFileSync(file, MARK + text);
}

patch(join(folder, 'pdf.worker.min.mjs'), WORKER);
patch(join(folder, 'pdf.min.mjs'), LIBRARY);

// What the authoring form publishes, built from the engine's official layout
// (`templateLayout`) and the figures typed: the three tables as HTML (inline-styled, no script,
// the official spans, for a portal CMS), as a .docx (a stored zip of the few OOXML parts Word
// and LibreOffice need), as TSV rows to paste into Word or Excel, and the draft as JSON.

const esc = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The text a grid cell publishes: its label, or the figure typed (blank as typed). */
function cellText(cell, values) {
  return cell.cell ? (values[cell.cell] ?? '') : cell.text;
}

const TABLE_STYLE = 'border-collapse:collapse;width:100%;font-size:14px;text-align:center;margin:0 0 16px';
const CELL_STYLE = 'border:1px solid #000;padding:4px 6px;vertical-align:middle';

/** The three tables as an HTML fragment a CMS takes as is: headings and `<table>`s with spans. */
export function publicationHtml(layout, values) {
  const parts = [];
  for (const table of layout.tables) {
    parts.push(`<p style="font-weight:bold;margin:16px 0 8px">${esc(table.heading)}</p>`);
    parts.push(`<table style="${TABLE_STYLE}">`);
    for (const row of table.rows) {
      parts.push('<tr>');
      for (const cell of row) {
        const spans = (cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '') + (cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '');
        const text = esc(cellText(cell, values)).replace(/\n/g, '<br>');
        parts.push(`<td${spans} style="${CELL_STYLE}">${text}</td>`);
      }
      parts.push('</tr>');
    }
    parts.push('</table>');
  }
  return `${parts.join('\n')}\n`;
}

/** The data rows of every table, in order: the figures typed, one row per line, TAB-separated. */
export function tsv(layout, values) {
  const lines = [];
  for (const table of layout.tables) {
    for (const row of table.rows) {
      const figures = row.filter((c) => c.cell).map((c) => values[c.cell] ?? '');
      if (figures.length) lines.push(figures.join('\t'));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

// ------------------------------------------------------------------------------------ DOCX

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function paragraph(text, { bold = false } = {}) {
  const props = bold ? '<w:rPr><w:b/></w:rPr>' : '';
  const runs = String(text)
    .split('\n')
    .map((t) => `<w:r>${props}<w:t xml:space="preserve">${esc(t)}</w:t></w:r>`);
  return `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${runs.join('<w:r><w:br/></w:r>')}</w:p>`;
}

const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
  .join('');

/** A grid as a Word table: `gridSpan` for column spans, `vMerge` for row spans. */
function tableXml(table, values) {
  const width = table.width;
  const column = Math.floor(9000 / width);
  let x = `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${BORDERS}</w:tblBorders></w:tblPr><w:tblGrid>`;
  x += `<w:gridCol w:w="${column}"/>`.repeat(width);
  x += '</w:tblGrid>';
  // Per grid column: the rows still covered by a vertical merge from above, and its span.
  const merged = Array.from({ length: width }, () => [0, 1]);
  for (const row of table.rows) {
    x += '<w:tr>';
    let col = 0;
    let next = 0;
    while (col < width) {
      const [left, span] = merged[col];
      if (left > 0) {
        merged[col][0] -= 1;
        x += `<w:tc><w:tcPr><w:gridSpan w:val="${span}"/><w:vMerge/></w:tcPr><w:p/></w:tc>`;
        col += span;
        continue;
      }
      const cell = row[next++];
      if (!cell) break;
      let props = `<w:gridSpan w:val="${cell.colspan}"/>`;
      if (cell.rowspan > 1) {
        props += '<w:vMerge w:val="restart"/>';
        merged[col] = [cell.rowspan - 1, cell.colspan];
      }
      x += `<w:tc><w:tcPr>${props}<w:vAlign w:val="center"/></w:tcPr>${paragraph(cellText(cell, values))}</w:tc>`;
      col += cell.colspan;
    }
    x += '</w:tr>';
  }
  return `${x}</w:tbl>`;
}

/** The three tables as a .docx (bytes). */
export function publicationDocx(layout, values) {
  const body = layout.tables.map((t) => paragraph(t.heading, { bold: true }) + tableXml(t, values)).join('');
  const document =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:document xmlns:w="${W}"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>` +
    '<w:pgMar w:top="1440" w:right="1134" w:bottom="1440" w:left="1134" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>';
  const types =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  return storedZip([
    ['[Content_Types].xml', types],
    ['_rels/.rels', rels],
    ['word/document.xml', document],
  ]);
}

let crcTable = null;

function crc32(bytes) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = crcTable[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip of stored (uncompressed) entries: `[[name, text]]` → bytes. */
function storedZip(entries) {
  const encoder = new TextEncoder();
  const chunks = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const nameBytes = encoder.encode(name);
    const data = encoder.encode(text);
    const crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, 0, true); // stored
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    chunks.push(new Uint8Array(local.buffer), nameBytes, data);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint32(16, crc, true);
    entry.setUint32(20, data.length, true);
    entry.setUint32(24, data.length, true);
    entry.setUint16(28, nameBytes.length, true);
    entry.setUint32(42, offset, true);
    central.push(new Uint8Array(entry.buffer), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// ------------------------------------------------------------------------------------ drafts

export const DRAFT_FORMAT = 'nianbao-draft';

/** The draft as JSON: the template, what was typed, and last year's figures when imported. */
export function draftJson({ template, values, previous }) {
  const typed = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '').sort(([a], [b]) => (a < b ? -1 : 1)));
  return `${JSON.stringify({ format: DRAFT_FORMAT, version: 1, template, values: typed, previous: previous || null }, null, 2)}\n`;
}

/** Reads a draft back: `{ template, values, previous }`, or throws with a reason. */
export function parseDraft(text, templates) {
  const data = JSON.parse(text);
  if (!data || data.format !== DRAFT_FORMAT || !templates.includes(data.template)) throw new Error('not a nianbao draft');
  const values = {};
  for (const [id, v] of Object.entries(data.values || {})) if (typeof v === 'string') values[id] = v;
  const last = data.previous;
  const previous =
    last && typeof last === 'object' && templates.includes(last.template) && last.cells && typeof last.cells === 'object'
      ? { template: last.template, cells: last.cells, name: String(last.name ?? ''), year: Number.isInteger(last.year) ? last.year : null }
      : null;
  return { template: data.template, values, previous };
}

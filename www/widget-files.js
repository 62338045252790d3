// Gathering reports from what a user hands the widget: files chosen, a folder chosen or dropped
// (its files, sub-folders included), and .zip archives (unpacked in the page, see
// widget-zip.js). Files that are not reports are skipped and counted.

import { readZip, ZipError } from './widget-zip.js';

/** Folder entries read from one drop, at most (a dropped disk is not walked to its end). */
const MAX_DROPPED = 5000;

function extension(name) {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function readEntries(reader) {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function entryFile(entry) {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/**
 * The files of a drop as `[{ file, path }]`: plain files, and the files of dropped folders
 * (walked with `webkitGetAsEntry`), with their path inside the drop.
 */
export async function droppedFiles(dataTransfer) {
  const items = [...(dataTransfer.items || [])].filter((item) => item.kind === 'file');
  const entries = items.map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null));
  if (!entries.some((entry) => entry && entry.isDirectory)) {
    return [...dataTransfer.files].map((file) => ({ file, path: file.name }));
  }
  const out = [];
  const walk = async (entry) => {
    if (!entry || out.length >= MAX_DROPPED) return;
    if (entry.isFile) {
      out.push({ file: await entryFile(entry), path: entry.fullPath.replace(/^\//, '') });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await readEntries(reader);
        if (!batch.length) break;
        batch.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const child of batch) await walk(child);
      }
    }
  };
  for (const entry of entries) await walk(entry);
  return out;
}

/** Files from a file input (`webkitRelativePath` names a chosen folder's files). */
export function chosenFiles(fileList) {
  return [...fileList].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

/**
 * The reports among `files` (`[{ file, path }]`) as items for the engine
 * (`{ input, filename, unreadable? }`), archives unpacked; `extensions`: the report extensions.
 * Resolves to `{ items, skipped }` (`skipped`: how many files were not reports).
 */
export async function gatherReports(files, extensions) {
  const items = [];
  let skipped = 0;
  const isReport = (name) => extensions.includes(extension(name));
  for (const { file, path } of files) {
    const ext = extension(path);
    if (ext === 'zip') {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const inside = await readZip(bytes, (name) => {
          const keep = isReport(name) && !/(^|\/)(__MACOSX\/|\.)/.test(name);
          if (!keep) skipped++;
          return keep;
        });
        for (const { name, bytes: data } of inside) items.push({ input: data, filename: `${path}/${name}` });
      } catch (error) {
        const message = error instanceof ZipError ? error.message : `无法解压此压缩包（${error && error.message ? error.message : error}），未作检查`;
        items.push({ input: '', filename: path, unreadable: message });
      }
    } else if (isReport(path)) {
      items.push({ input: file, filename: path });
    } else {
      skipped++;
    }
  }
  return { items, skipped };
}

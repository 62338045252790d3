// A small reader for .zip archives of reports, in the page, with no dependency: the central
// directory is read for the entries, stored entries are copied, DEFLATE entries inflated by the
// browser's `DecompressionStream('deflate-raw')`. Every size is checked while inflating, never
// trusted from the headers, so a zip bomb is refused before it fills memory.

export const ZIP_LIMITS = {
  /** Entries in one archive (files and folders). */
  maxEntries: 2000,
  /** Bytes of one inflated entry (the engine's input limit). */
  maxEntryBytes: 20 * 1024 * 1024,
  /** Bytes inflated from one archive, all entries together. */
  maxTotalBytes: 200 * 1024 * 1024,
  /** Inflated ÷ compressed size, for entries inflating past 1 MB. */
  maxRatio: 200,
  /** Size of the archive itself. */
  maxArchiveBytes: 200 * 1024 * 1024,
};

/** An archive refused or unreadable; `message` is Chinese, for the user. */
export class ZipError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ZipError';
  }
}

const MB = (n) => `${Math.round(n / 1024 / 1024)} MB`;

function u16(b, i) {
  return b[i] | (b[i + 1] << 8);
}

function u32(b, i) {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

function decodeName(bytes, utf8) {
  if (utf8) return new TextDecoder('utf-8').decode(bytes);
  // Without the UTF-8 flag: archives made on Chinese Windows name their files in GBK.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gbk').decode(bytes);
    } catch {
      return new TextDecoder('latin1').decode(bytes);
    }
  }
}

/** The entries of an archive: `[{ name, method, compressed, size, offset }]` (folders left out). */
export function listZip(bytes, limits = ZIP_LIMITS) {
  const b = bytes;
  if (b.length > limits.maxArchiveBytes) throw new ZipError(`压缩包过大（${MB(b.length)}，上限 ${MB(limits.maxArchiveBytes)}），未解压`);
  // End of central directory: the last signature 06054b50 within the final 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('不是有效的 zip 压缩包（找不到目录），未解压');
  const count = u16(b, eocd + 10);
  const dirSize = u32(b, eocd + 12);
  const dirOffset = u32(b, eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError('不支持 ZIP64 格式的压缩包，未解压');
  if (count > limits.maxEntries) throw new ZipError(`压缩包中的文件过多（${count} 个，上限 ${limits.maxEntries} 个），未解压`);
  if (dirOffset + dirSize > b.length) throw new ZipError('压缩包已损坏（目录超出文件末尾），未解压');
  const entries = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new ZipError('压缩包已损坏（目录项无效），未解压');
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const compressed = u32(b, p + 20);
    const size = u32(b, p + 24);
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const commentLength = u16(b, p + 32);
    const offset = u32(b, p + 42);
    const name = decodeName(b.subarray(p + 46, p + 46 + nameLength), (flags & 0x800) !== 0);
    p += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/') || name.endsWith('\\')) continue;
    entries.push({ name: name.replace(/\\/g, '/'), method, compressed, size, offset, encrypted: (flags & 1) !== 0 });
  }
  return entries;
}

async function inflate(data, max) {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    let step;
    try {
      step = await reader.read();
    } catch (error) {
      throw new ZipError(`压缩包中的文件已损坏，无法解压（${error && error.message ? error.message : error}）`);
    }
    if (step.done) break;
    total += step.value.length;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(step.value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * The files of an archive whose names `keep(name)` accepts, inflated: `[{ name, bytes }]`.
 * Refuses (ZipError) an archive past the limits: too many entries, an entry or the whole
 * inflating past its size limit, or an entry inflating far beyond its compressed size.
 */
export async function readZip(bytes, keep = () => true, limits = ZIP_LIMITS) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const files = [];
  let total = 0;
  for (const entry of listZip(b, limits)) {
    if (!keep(entry.name)) continue;
    if (entry.encrypted) throw new ZipError(`压缩包中的文件 ${entry.name} 已加密，无法解压`);
    if (entry.offset + 30 > b.length || u32(b, entry.offset) !== 0x04034b50) throw new ZipError('压缩包已损坏（文件头无效），未解压');
    const start = entry.offset + 30 + u16(b, entry.offset + 26) + u16(b, entry.offset + 28);
    const end = start + entry.compressed;
    if (end > b.length) throw new ZipError('压缩包已损坏（文件数据超出末尾），未解压');
    const data = b.subarray(start, end);
    const room = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
    let out;
    if (entry.method === 0) out = data.length <= room ? data.slice() : null;
    else if (entry.method === 8) out = await inflate(data, room);
    else throw new ZipError(`压缩包中的文件 ${entry.name} 使用了不支持的压缩方式（${entry.method}），未解压`);
    if (out === null) {
      throw new ZipError(
        total + room < limits.maxTotalBytes || room === limits.maxEntryBytes
          ? `压缩包中的文件 ${entry.name} 解压后超过 ${MB(limits.maxEntryBytes)}，疑为“压缩炸弹”，已拒绝`
          : `压缩包解压后超过 ${MB(limits.maxTotalBytes)}，已拒绝`,
      );
    }
    if (out.length > 1024 * 1024 && out.length > limits.maxRatio * Math.max(1, entry.compressed)) {
      throw new ZipError(`压缩包中的文件 ${entry.name} 压缩比异常（${Math.round(out.length / Math.max(1, entry.compressed))}:1），疑为“压缩炸弹”，已拒绝`);
    }
    total += out.length;
    files.push({ name: entry.name, bytes: out });
  }
  return files;
}

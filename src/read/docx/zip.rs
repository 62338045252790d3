//! Just enough ZIP to take one part out of a DOCX package: the end-of-central-directory record,
//! the central directory, local headers, and stored or deflated data. ZIP64, multi-disk and
//! encrypted archives are recognised and refused, never misread.
//!
//! Nothing in the archive is trusted: every offset is bounds-checked, and an entry is inflated
//! into a buffer no larger than its declared size, which itself must fit the caller's budget and
//! a sane compression ratio, so a zip bomb costs at most that budget in time and memory.

use std::fmt;

const LOCAL_HEADER_SIGNATURE: u32 = 0x0403_4b50;
const CENTRAL_HEADER_SIGNATURE: u32 = 0x0201_4b50;
const END_OF_DIRECTORY_SIGNATURE: u32 = 0x0605_4b50;
const LOCAL_HEADER_LEN: usize = 30;
const CENTRAL_HEADER_LEN: usize = 46;
const END_OF_DIRECTORY_LEN: usize = 22;
const MAX_COMMENT_LEN: usize = u16::MAX as usize;

const FLAG_ENCRYPTED: u16 = 1;
const FLAG_STRONG_ENCRYPTION: u16 = 1 << 6;
const METHOD_STORED: u16 = 0;
const METHOD_DEFLATED: u16 = 8;
const METHOD_AES: u16 = 99;

/// Deflate cannot do better than about 1032:1, which is what a bomb of zeros reaches. Word XML
/// stays near 10:1; a generated table of thousands of identical rows reaches about 250:1.
/// Parts up to the floor are never refused for their ratio.
const MAX_COMPRESSION_RATIO: usize = 500;
const RATIO_FLOOR_BYTES: usize = 8 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZipError {
    /// No end-of-central-directory record: truncated download or not a ZIP at all.
    NoDirectory,
    /// A structure points outside the file or has the wrong signature.
    Corrupt(&'static str),
    TooManyEntries {
        found: usize,
        limit: usize,
    },
    Zip64,
    MultiDisk,
    Encrypted,
    UnsupportedMethod(u16),
    /// The entry would inflate past the budget for decompressed bytes.
    TooLarge {
        limit: usize,
    },
    /// The declared compression ratio is beyond what real XML reaches.
    SuspiciousRatio,
    /// Inflating produced more or fewer bytes than declared, or a wrong checksum.
    DataMismatch,
}

impl fmt::Display for ZipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const RESAVE: &str = "请重新下载，或在 Word/WPS 中打开后“另存为 .docx”再检查";
        match self {
            ZipError::NoDirectory => {
                write!(f, "DOCX 文件已损坏或不完整（找不到 ZIP 目录，可能下载未完成）：{RESAVE}")
            }
            ZipError::Corrupt(what) => write!(f, "DOCX 文件已损坏（{what}）：{RESAVE}"),
            ZipError::TooManyEntries { found, limit } => write!(
                f,
                "DOCX 压缩包内有 {found} 个文件，超过上限 {limit} 个，未作检查：请在 Word 中另存为 .docx 后再检查"
            ),
            ZipError::Zip64 => write!(
                f,
                "DOCX 使用了 ZIP64 格式（用于超大文件），本程序不支持：请在 Word 中另存为 .docx 后再检查"
            ),
            ZipError::MultiDisk => write!(f, "DOCX 是分卷压缩包，本程序不支持：{RESAVE}"),
            ZipError::Encrypted => write!(f, "文件已加密：请在 Word/WPS 中取消密码后另存为 .docx 再检查"),
            ZipError::UnsupportedMethod(method) => write!(
                f,
                "DOCX 使用了不支持的压缩方式（编号 {method}）：请在 Word 中另存为 .docx 后再检查"
            ),
            ZipError::TooLarge { limit } => write!(
                f,
                "DOCX 解压后超过上限 {} MB，疑似压缩炸弹，未作检查",
                limit / (1024 * 1024)
            ),
            ZipError::SuspiciousRatio => {
                write!(f, "DOCX 的压缩比异常（超过 {MAX_COMPRESSION_RATIO} 倍），疑似压缩炸弹，未作检查")
            }
            ZipError::DataMismatch => {
                write!(f, "DOCX 文件已损坏（解压后的内容与记录的大小或校验值不符）：{RESAVE}")
            }
        }
    }
}

/// One file of the archive, as the central directory describes it.
#[derive(Clone, Debug)]
pub struct Entry<'a> {
    pub name: &'a [u8],
    flags: u16,
    method: u16,
    crc32: u32,
    compressed_size: u32,
    size: u32,
    local_header_offset: u32,
}

#[derive(Debug)]
pub struct Archive<'a> {
    bytes: &'a [u8],
    pub entries: Vec<Entry<'a>>,
}

/// How many decompressed bytes may still be produced, over all entries read.
#[derive(Debug)]
pub struct Budget {
    pub limit: usize,
    pub used: usize,
}

impl Budget {
    pub fn new(limit: usize) -> Self {
        Budget { limit, used: 0 }
    }

    fn remaining(&self) -> usize {
        self.limit.saturating_sub(self.used)
    }
}

impl<'a> Archive<'a> {
    pub fn open(bytes: &'a [u8], max_entries: usize) -> Result<Self, ZipError> {
        let end = find_end_of_directory(bytes).ok_or(ZipError::NoDirectory)?;
        let directory = read_directory_location(bytes, end)?;
        if directory.entry_count > max_entries {
            return Err(ZipError::TooManyEntries { found: directory.entry_count, limit: max_entries });
        }
        let entries = read_central_directory(bytes, &directory)?;
        Ok(Archive { bytes, entries })
    }

    pub fn find(&self, name: &str) -> Option<&Entry<'a>> {
        self.entries.iter().find(|entry| entry.name == name.as_bytes())
    }

    pub fn has(&self, name: &str) -> bool {
        self.find(name).is_some()
    }

    /// The entry's decompressed bytes, charged to `budget`.
    pub fn read(&self, entry: &Entry<'a>, budget: &mut Budget) -> Result<Vec<u8>, ZipError> {
        if entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION) != 0 || entry.method == METHOD_AES {
            return Err(ZipError::Encrypted);
        }
        if [entry.size, entry.compressed_size, entry.local_header_offset].contains(&u32::MAX) {
            return Err(ZipError::Zip64);
        }
        let size = to_usize(entry.size);
        if size > budget.remaining() {
            return Err(ZipError::TooLarge { limit: budget.limit });
        }
        let data = self.entry_data(entry)?;
        let content = match entry.method {
            METHOD_STORED if data.len() == size => data.to_vec(),
            METHOD_STORED => return Err(ZipError::DataMismatch),
            METHOD_DEFLATED => inflate(data, size)?,
            other => return Err(ZipError::UnsupportedMethod(other)),
        };
        if crc32(&content) != entry.crc32 {
            return Err(ZipError::DataMismatch);
        }
        budget.used = budget.used.saturating_add(content.len());
        Ok(content)
    }

    /// The compressed bytes of an entry, found through its local header.
    fn entry_data(&self, entry: &Entry<'a>) -> Result<&'a [u8], ZipError> {
        let header = to_usize(entry.local_header_offset);
        if u32_at(self.bytes, header, 0) != Some(LOCAL_HEADER_SIGNATURE) {
            return Err(ZipError::Corrupt("文件头位置错误"));
        }
        let truncated = ZipError::Corrupt("文件内容不完整");
        let name_len = u16_at(self.bytes, header, 26).ok_or(truncated.clone())?;
        let extra_len = u16_at(self.bytes, header, 28).ok_or(truncated.clone())?;
        let start = header
            .checked_add(LOCAL_HEADER_LEN + usize::from(name_len) + usize::from(extra_len))
            .ok_or(truncated.clone())?;
        let end = start.checked_add(to_usize(entry.compressed_size)).ok_or(truncated.clone())?;
        self.bytes.get(start..end).ok_or(truncated)
    }
}

/// Inflates raw DEFLATE data that must produce exactly `size` bytes. The output buffer is capped
/// one byte past the declared size, so a lying header cannot make it grow further.
fn inflate(data: &[u8], size: usize) -> Result<Vec<u8>, ZipError> {
    let ratio_cap = data.len().saturating_mul(MAX_COMPRESSION_RATIO).max(RATIO_FLOOR_BYTES);
    if size > ratio_cap {
        return Err(ZipError::SuspiciousRatio);
    }
    match miniz_oxide::inflate::decompress_to_vec_with_limit(data, size.saturating_add(1)) {
        Ok(content) if content.len() == size => Ok(content),
        _ => Err(ZipError::DataMismatch),
    }
}

struct DirectoryLocation {
    offset: usize,
    size: usize,
    entry_count: usize,
}

/// Searches backwards, over the record and the longest possible archive comment, for an
/// end-of-central-directory record whose comment length fits the file.
fn find_end_of_directory(bytes: &[u8]) -> Option<usize> {
    let last = bytes.len().checked_sub(END_OF_DIRECTORY_LEN)?;
    let first = last.saturating_sub(MAX_COMMENT_LEN);
    (first..=last).rev().find(|&pos| {
        u32_at(bytes, pos, 0) == Some(END_OF_DIRECTORY_SIGNATURE)
            && u16_at(bytes, pos, 20)
                .is_some_and(|comment| usize::from(comment) <= bytes.len() - pos - END_OF_DIRECTORY_LEN)
    })
}

fn read_directory_location(bytes: &[u8], end: usize) -> Result<DirectoryLocation, ZipError> {
    let field16 = |at: usize| u16_at(bytes, end, at).ok_or(ZipError::NoDirectory);
    let field32 = |at: usize| u32_at(bytes, end, at).ok_or(ZipError::NoDirectory);
    let (this_disk, directory_disk) = (field16(4)?, field16(6)?);
    let (entries_here, entry_count) = (field16(8)?, field16(10)?);
    let (size, offset) = (field32(12)?, field32(16)?);
    if entry_count == u16::MAX || size == u32::MAX || offset == u32::MAX {
        return Err(ZipError::Zip64);
    }
    if this_disk != 0 || directory_disk != 0 || entries_here != entry_count {
        return Err(ZipError::MultiDisk);
    }
    let location = DirectoryLocation {
        offset: to_usize(offset),
        size: to_usize(size),
        entry_count: usize::from(entry_count),
    };
    if location.offset.checked_add(location.size).is_none_or(|dir_end| dir_end > end) {
        return Err(ZipError::Corrupt("目录位置超出文件范围"));
    }
    Ok(location)
}

fn read_central_directory<'a>(
    bytes: &'a [u8],
    directory: &DirectoryLocation,
) -> Result<Vec<Entry<'a>>, ZipError> {
    let mut entries = Vec::with_capacity(directory.entry_count);
    let mut pos = directory.offset;
    for _ in 0..directory.entry_count {
        let (entry, next) = read_central_header(bytes, pos)?;
        entries.push(entry);
        pos = next;
    }
    Ok(entries)
}

/// One central-directory header at `pos`, and where the next one starts.
fn read_central_header(bytes: &[u8], pos: usize) -> Result<(Entry<'_>, usize), ZipError> {
    let bad = ZipError::Corrupt("目录记录错误");
    if u32_at(bytes, pos, 0) != Some(CENTRAL_HEADER_SIGNATURE) {
        return Err(bad);
    }
    let field16 = |at: usize| u16_at(bytes, pos, at).ok_or(bad.clone());
    let field32 = |at: usize| u32_at(bytes, pos, at).ok_or(bad.clone());
    let name_len = usize::from(field16(28)?);
    let variable_len = name_len + usize::from(field16(30)?) + usize::from(field16(32)?);
    let name_start = pos.checked_add(CENTRAL_HEADER_LEN).ok_or(bad.clone())?;
    let name = name_start
        .checked_add(name_len)
        .and_then(|name_end| bytes.get(name_start..name_end))
        .ok_or(bad.clone())?;
    let entry = Entry {
        name,
        flags: field16(8)?,
        method: field16(10)?,
        crc32: field32(16)?,
        compressed_size: field32(20)?,
        size: field32(24)?,
        local_header_offset: field32(42)?,
    };
    let next = name_start.checked_add(variable_len).ok_or(bad)?;
    Ok((entry, next))
}

/// The little-endian u16 at `base + offset`, if the file holds it.
fn u16_at(bytes: &[u8], base: usize, offset: usize) -> Option<u16> {
    let start = base.checked_add(offset)?;
    let field: [u8; 2] = bytes.get(start..start.checked_add(2)?)?.try_into().ok()?;
    Some(u16::from_le_bytes(field))
}

/// The little-endian u32 at `base + offset`, if the file holds it.
fn u32_at(bytes: &[u8], base: usize, offset: usize) -> Option<u32> {
    let start = base.checked_add(offset)?;
    let field: [u8; 4] = bytes.get(start..start.checked_add(4)?)?.try_into().ok()?;
    Some(u32::from_le_bytes(field))
}

/// ZIP sizes are 32-bit; on 16-bit-pointer targets (none we build for) they saturate.
fn to_usize(value: u32) -> usize {
    usize::try_from(value).unwrap_or(usize::MAX)
}

const CRC32_TABLE: [u32; 256] = crc32_table();

const fn crc32_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut index = 0;
    while index < 256 {
        let mut crc = index as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 != 0 { 0xEDB8_8320 ^ (crc >> 1) } else { crc >> 1 };
            bit += 1;
        }
        table[index] = crc;
        index += 1;
    }
    table
}

/// CRC-32 (IEEE), as ZIP records it for every entry.
pub fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |crc, &byte| CRC32_TABLE[usize::from((crc as u8) ^ byte)] ^ (crc >> 8))
}

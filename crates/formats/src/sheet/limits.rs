//! Explicit limits on what a spreadsheet may weigh, and the workbook check that applies them to
//! the zip's central directory before anything is inflated (calamine itself has no limits).
//!
//! The declared sizes can be trusted once checked: the zip reader stops any entry that inflates
//! past its declared uncompressed size, so a lying header fails instead of exploding.

use super::CellError;
use std::io::Cursor;
use zip::{CompressionMethod, ZipArchive};

const MIB: u64 = 1024 * 1024;

/// How big a spreadsheet may be; [`Limits::default`] gives the product's limits.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Limits {
    /// The file as uploaded (10 MiB).
    pub max_file_bytes: u64,
    /// Every entry of a workbook once inflated, together (100 MiB).
    pub max_uncompressed_bytes: u64,
    /// Uncompressed size over compressed size, per entry (100, for 100:1).
    pub max_ratio: u64,
    /// Entries up to this size are not held to the ratio: small XML compresses very well and
    /// cannot bomb (1 MiB).
    pub ratio_exempt_bytes: u64,
    /// Entries in a workbook's zip (1000).
    pub max_entries: usize,
    /// Rows under the header (100 000).
    pub max_rows: u64,
    /// Columns, counted from A (200).
    pub max_columns: u32,
    /// Problems listed before the rest are only counted (1000).
    pub max_errors: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_bytes: 10 * MIB,
            max_uncompressed_bytes: 100 * MIB,
            max_ratio: 100,
            ratio_exempt_bytes: MIB,
            max_entries: 1000,
            max_rows: 100_000,
            max_columns: 200,
            max_errors: 1000,
        }
    }
}

impl Limits {
    /// Refuses a file over [`Limits::max_file_bytes`].
    pub fn check_size(&self, bytes: &[u8]) -> Result<(), CellError> {
        let n = bytes.len() as u64;
        if n > self.max_file_bytes {
            return Err(CellError::file(format!(
                "the file is {} and the limit is {}: split it or remove what is not needed",
                size(n),
                size(self.max_file_bytes)
            )));
        }
        Ok(())
    }
}

/// `10.0 MiB`, `512 KiB`, `12 bytes`.
fn size(n: u64) -> String {
    if n >= MIB {
        format!("{:.1} MiB", n as f64 / MIB as f64)
    } else if n >= 1024 {
        format!("{} KiB", n / 1024)
    } else {
        format!("{n} bytes")
    }
}

/// Checks a workbook's size and its zip's central directory against `limits`: too big, too many
/// entries, too much once inflated, a compression ratio of a bomb, encryption or an unknown
/// compression are refused without inflating a byte.
pub fn check_workbook(bytes: &[u8], limits: &Limits) -> Result<(), CellError> {
    limits.check_size(bytes)?;
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(CellError::file(
            "this is an old Excel 97–2003 workbook (.xls): save it as an Excel workbook (.xlsx)",
        ));
    }
    if let Some(n) = declared_entries(bytes)
        && n > limits.max_entries as u64
    {
        return Err(too_many(n, limits));
    }
    let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        CellError::file(format!(
            "this is not an XLSX workbook (its zip cannot be read: {e})"
        ))
    })?;
    if zip.len() > limits.max_entries {
        return Err(too_many(zip.len() as u64, limits));
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_data(i)
            .map_err(|e| CellError::file(format!("the workbook's zip is damaged: {e}")))?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        if entry.encrypted() {
            return Err(CellError::file(format!(
                "the workbook part `{name}` is encrypted: remove the password and save again"
            )));
        }
        if !matches!(
            entry.compression(),
            CompressionMethod::Stored | CompressionMethod::Deflated
        ) {
            return Err(CellError::file(format!(
                "the workbook part `{name}` uses a compression Excel does not write ({})",
                entry.compression()
            )));
        }
        let (packed, unpacked) = (entry.compressed_size(), entry.size());
        if unpacked > limits.ratio_exempt_bytes
            && unpacked > packed.saturating_mul(limits.max_ratio)
        {
            return Err(CellError::file(format!(
                "the workbook part `{name}` would inflate from {} to {}, more than {}:1: \
                 refused as a compressed bomb",
                size(packed),
                size(unpacked),
                limits.max_ratio
            )));
        }
        total = total.saturating_add(unpacked);
        if total > limits.max_uncompressed_bytes {
            return Err(CellError::file(format!(
                "the workbook would inflate to more than {}: refused",
                size(limits.max_uncompressed_bytes)
            )));
        }
    }
    Ok(())
}

fn too_many(n: u64, limits: &Limits) -> CellError {
    CellError::file(format!(
        "the workbook holds {n} parts and the limit is {}",
        limits.max_entries
    ))
}

/// The entry count the end-of-central-directory record declares, read before the zip reader
/// indexes the directory, so a directory of countless tiny entries is refused cheaply.
fn declared_entries(bytes: &[u8]) -> Option<u64> {
    let last = bytes.len().checked_sub(22)?;
    let first = last.saturating_sub(65535);
    let at = (first..=last).rev().find(|i| {
        bytes
            .get(*i..)
            .is_some_and(|b| b.starts_with(b"PK\x05\x06"))
    })?;
    let n: [u8; 2] = bytes.get(at + 10..at + 12)?.try_into().ok()?;
    Some(u64::from(u16::from_le_bytes(n)))
}

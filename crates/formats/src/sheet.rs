//! Spreadsheets people fill in (CSV and XLSX), read strictly (SPEC §13): explicit limits refuse
//! hostile files before anything is inflated, every problem names its row (the header is row 1)
//! and its column as the header and the spreadsheet letter (`"Unit price (F)"`, SPEC §14), and
//! a file with any problem gives nothing.

mod columns;
mod csv_grid;
mod grid;
mod limits;
mod value;
mod xlsx_grid;

pub(crate) use columns::{Field, Header, Problems, RowCells};
pub(crate) use grid::read_grid;
pub use limits::{Limits, check_workbook};
pub(crate) use value::Value;

use std::collections::BTreeMap;
use std::fmt;

/// The kind of a spreadsheet file.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FileKind {
    Csv,
    Xlsx,
}

impl FileKind {
    /// The kind named by a file's extension (`budget.xlsx`, `rates.CSV`), if it is one we read.
    pub fn from_name(name: &str) -> Option<FileKind> {
        let ext = name.rsplit_once('.')?.1.trim().to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(FileKind::Csv),
            "xlsx" => Some(FileKind::Xlsx),
            _ => None,
        }
    }

    /// `csv` or `xlsx`.
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Csv => "csv",
            FileKind::Xlsx => "xlsx",
        }
    }
}

/// One problem in a spreadsheet, where a person would look for it.
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error)]
pub struct CellError {
    /// 1-based, the header is row 1 (in a workbook, the row number the sheet shows).
    pub row: Option<u64>,
    /// The header and the spreadsheet letter, e.g. `"Unit price (F)"`.
    pub column: Option<String>,
    pub message: String,
}

impl CellError {
    /// A problem with the whole file.
    pub fn file(message: impl Into<String>) -> Self {
        Self {
            row: None,
            column: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, &self.column) {
            (Some(r), Some(c)) => write!(f, "row {r}, {c}: ")?,
            (Some(r), None) => write!(f, "row {r}: ")?,
            (None, Some(c)) => write!(f, "{c}: ")?,
            (None, None) => {}
        }
        f.write_str(&self.message)
    }
}

/// The rows read from a file, each with its row number, and where each field was found.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Parsed<T> {
    /// (row number, value), in file order.
    pub rows: Vec<(u64, T)>,
    /// Field name (as the store names it: `unit_price`, `quantities/Q3`) → `"Header (F)"`.
    pub columns: BTreeMap<&'static str, String>,
}

impl<T> Parsed<T> {
    /// Places a store problem `"{index}/{field}"` (index into `rows`) at its row and column;
    /// a field without an index stays on the whole file.
    pub fn cell_error(&self, field: &str, message: impl Into<String>) -> CellError {
        let (row, field) = match field.split_once('/') {
            Some((i, rest)) => match i.parse::<usize>() {
                Ok(i) => (self.rows.get(i).map(|(r, _)| *r), rest),
                Err(_) => (None, field),
            },
            None => (None, field),
        };
        let column = self.columns.get(field).cloned().or_else(|| {
            let head = field.split('/').next().unwrap_or(field);
            self.columns.get(head).cloned()
        });
        CellError {
            row,
            column,
            message: message.into(),
        }
    }
}

/// The spreadsheet letter of a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letter(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_kinds() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(5), "F");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
        assert_eq!(FileKind::from_name("Rates.CSV"), Some(FileKind::Csv));
        assert_eq!(FileKind::from_name("b.xlsx"), Some(FileKind::Xlsx));
        assert_eq!(FileKind::from_name("b.xls"), None);
        assert_eq!(FileKind::from_name("xlsx"), None);
    }

    #[test]
    fn a_store_problem_lands_on_its_row_and_column() {
        let p = Parsed {
            rows: vec![(2, ()), (5, ())],
            columns: [("unit_price", "Unit price (F)".to_owned())]
                .into_iter()
                .collect(),
        };
        let e = p.cell_error("1/unit_price", "too dear");
        assert_eq!(e.row, Some(5));
        assert_eq!(e.column.as_deref(), Some("Unit price (F)"));
        assert_eq!(e.to_string(), "row 5, Unit price (F): too dear");
        assert_eq!(p.cell_error("funder", "x").row, None);
    }
}

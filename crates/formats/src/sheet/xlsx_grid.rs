//! XLSX workbooks: checked against the limits first, then the first sheet is streamed cell by
//! cell (never as calamine's dense range, which a single far-away cell would blow up), stopping
//! at the first cell beyond the row or column limit.

use super::grid::Grid;
use super::value::Value;
use super::{CellError, Limits, check_workbook, column_letter};
use calamine::{Reader, Xlsx};
use std::collections::BTreeMap;
use std::io::Cursor;

/// Reads the first sheet of a workbook into a grid.
pub(crate) fn read(bytes: &[u8], limits: &Limits) -> Result<Grid, CellError> {
    check_workbook(bytes, limits)?;
    let unreadable =
        |e: calamine::XlsxError| CellError::file(format!("the workbook cannot be read: {e}"));
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let Some(name) = book.sheet_names().into_iter().next() else {
        return Err(CellError::file("the workbook has no sheet"));
    };
    let mut cells = book.worksheet_cells_reader(&name).map_err(unreadable)?;
    let mut rows: BTreeMap<u32, Vec<(u32, Value)>> = BTreeMap::new();
    let mut first: Option<u32> = None;
    while let Some(cell) = cells.next_cell().map_err(unreadable)? {
        let Some(value) = Value::from_cell(cell.get_value()) else {
            continue;
        };
        if value.is_blank() {
            continue;
        }
        let (row, col) = cell.get_position();
        if col >= limits.max_columns {
            return Err(CellError {
                row: Some(u64::from(row) + 1),
                column: Some(format!("column {}", column_letter(col))),
                message: format!(
                    "the sheet `{name}` uses more than {} columns: the limit is {} (up to {})",
                    limits.max_columns,
                    limits.max_columns,
                    column_letter(limits.max_columns.saturating_sub(1))
                ),
            });
        }
        let top = first.map_or(row, |f| f.min(row));
        first = Some(top);
        if u64::from(row.saturating_sub(top)) > limits.max_rows {
            return Err(CellError {
                row: Some(u64::from(row) + 1),
                column: None,
                message: format!(
                    "the sheet `{name}` has more than {} rows under its header: split it",
                    limits.max_rows
                ),
            });
        }
        rows.entry(row).or_default().push((col, value));
    }
    let mut grid = Grid::default();
    for (row, cells) in rows {
        grid.push(u64::from(row) + 1, cells);
    }
    Ok(grid)
}

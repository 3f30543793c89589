//! A sheet as rows of non-empty cells, the same whether it came from a CSV or a workbook.

use super::value::Value;
use super::{CellError, FileKind, Limits, csv_grid, xlsx_grid};

/// One row that holds at least one value.
#[derive(Clone, PartialEq, Debug)]
pub(crate) struct GridRow {
    /// The row number a person sees (1-based).
    pub number: u64,
    /// (0-based column, value), by column, blank cells left out.
    pub cells: Vec<(u32, Value)>,
}

impl GridRow {
    /// The value in a column, if any.
    pub(crate) fn get(&self, col: u32) -> Option<&Value> {
        self.cells
            .binary_search_by_key(&col, |(c, _)| *c)
            .ok()
            .and_then(|i| self.cells.get(i))
            .map(|(_, v)| v)
    }
}

/// The non-empty rows of a sheet, the header first.
#[derive(Clone, PartialEq, Debug, Default)]
pub(crate) struct Grid {
    pub rows: Vec<GridRow>,
}

impl Grid {
    /// Adds a row, dropping blank cells and the row itself when nothing is left.
    pub(crate) fn push(&mut self, number: u64, mut cells: Vec<(u32, Value)>) {
        cells.retain(|(_, v)| !v.is_blank());
        if cells.is_empty() {
            return;
        }
        cells.sort_by_key(|(c, _)| *c);
        cells.dedup_by_key(|(c, _)| *c);
        self.rows.push(GridRow { number, cells });
    }

    /// The header row: the first row holding a value.
    pub(crate) fn header(&self) -> Option<&GridRow> {
        self.rows.first()
    }

    /// The rows under the header.
    pub(crate) fn body(&self) -> &[GridRow] {
        self.rows.get(1..).unwrap_or(&[])
    }
}

/// Reads a CSV or XLSX file within `limits` into a grid.
pub(crate) fn read_grid(
    bytes: &[u8],
    kind: FileKind,
    limits: &Limits,
) -> Result<Grid, Vec<CellError>> {
    let grid = match kind {
        FileKind::Csv => csv_grid::read(bytes, limits),
        FileKind::Xlsx => xlsx_grid::read(bytes, limits),
    }
    .map_err(|e| vec![e])?;
    if grid.rows.is_empty() {
        return Err(vec![CellError::file(
            "the file is empty: its first row must name the columns",
        )]);
    }
    if grid.body().is_empty() {
        return Err(vec![CellError {
            row: grid.header().map(|h| h.number + 1),
            column: None,
            message: "the file has no rows under its header".into(),
        }]);
    }
    Ok(grid)
}

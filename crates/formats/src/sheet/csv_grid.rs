//! CSV files: UTF-8 with or without a byte-order mark (anything else is refused at the row where
//! it fails), `,` or `;` between cells as the header line shows.

use super::grid::Grid;
use super::value::Value;
use super::{CellError, Limits, column_letter};

const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Reads a CSV file into a grid.
pub(crate) fn read(bytes: &[u8], limits: &Limits) -> Result<Grid, CellError> {
    limits.check_size(bytes)?;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(not_utf8(Some(1), None, "it is UTF-16"));
    }
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(body))
        .from_reader(body);
    let mut grid = Grid::default();
    let mut record = csv::ByteRecord::new();
    // Rows as a spreadsheet shows them: a record's last line, less the line breaks inside
    // quoted cells so far (the reader's own record positions point before skipped blank lines).
    let mut inner_breaks: u64 = 0;
    let (mut scanned, mut lines) = (0usize, 1u64);
    let mut header: Option<(u64, Vec<String>)> = None;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                return Err(CellError {
                    row: None,
                    column: None,
                    message: format!("the CSV cannot be read: {e}"),
                });
            }
        }
        let mut end = usize::try_from(reader.position().byte()).unwrap_or(body.len());
        end = end.min(body.len());
        while end > scanned && matches!(body.get(end - 1), Some(b'\r' | b'\n')) {
            end -= 1;
        }
        if let Some(chunk) = body.get(scanned..end) {
            lines += chunk.iter().filter(|b| **b == b'\n').count() as u64;
            scanned = end;
        }
        inner_breaks += record
            .iter()
            .map(|f| f.iter().filter(|b| **b == b'\n').count() as u64)
            .sum::<u64>();
        let row = lines.saturating_sub(inner_breaks);
        if record.len() > limits.max_columns as usize
            && record
                .iter()
                .skip(limits.max_columns as usize)
                .any(|f| !f.is_empty())
        {
            return Err(CellError {
                row: Some(row),
                column: None,
                message: format!(
                    "the row has more than {} columns: the limit is {}",
                    limits.max_columns, limits.max_columns
                ),
            });
        }
        let mut cells = Vec::with_capacity(record.len());
        for (col, field) in record.iter().enumerate() {
            let col = col as u32;
            let text = std::str::from_utf8(field).map_err(|_| {
                let name = header
                    .as_ref()
                    .and_then(|(_, h)| h.get(col as usize))
                    .filter(|h| !h.is_empty());
                let column = match name {
                    Some(h) => format!("{h} ({})", column_letter(col)),
                    None => format!("column {}", column_letter(col)),
                };
                not_utf8(
                    Some(row),
                    Some(column),
                    "a cell holds bytes that are not UTF-8",
                )
            })?;
            cells.push((col, Value::Text(text.to_owned())));
        }
        if header.is_none() && cells.iter().any(|(_, v)| !v.is_blank()) {
            let names = cells
                .iter()
                .map(|(_, v)| v.text().unwrap_or_default())
                .collect();
            header = Some((row, names));
        }
        grid.push(row, cells);
        if grid.body().len() as u64 > limits.max_rows {
            return Err(CellError {
                row: Some(row),
                column: None,
                message: format!(
                    "the file has more than {} rows under its header: split it",
                    limits.max_rows
                ),
            });
        }
    }
    Ok(grid)
}

fn not_utf8(row: Option<u64>, column: Option<String>, why: &str) -> CellError {
    CellError {
        row,
        column,
        message: format!(
            "the file is not UTF-8 text ({why}): save it as \"CSV UTF-8\" and try again"
        ),
    }
}

/// `;` when the header line holds more semicolons than commas (outside quotes), else `,`.
fn delimiter(body: &[u8]) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    for b in body {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &[u8]) -> Vec<(u64, Vec<String>)> {
        read(text, &Limits::default())
            .unwrap()
            .rows
            .into_iter()
            .map(|r| {
                let cells = r.cells.iter().map(|(_, v)| v.text().unwrap()).collect();
                (r.number, cells)
            })
            .collect()
    }

    #[test]
    fn semicolons_a_bom_blank_lines_and_multiline_cells() {
        let got = rows(b"\xEF\xBB\xBFA;B\r\n1;\"x;y\"\r\n\r\n2;\"two\nlines\"\r\n3;z\r\n");
        assert_eq!(
            got,
            vec![
                (1, vec!["A".into(), "B".into()]),
                (2, vec!["1".into(), "x;y".into()]),
                (4, vec!["2".into(), "two\nlines".into()]),
                (5, vec!["3".into(), "z".into()]),
            ]
        );
        assert_eq!(rows(b"A,B\n1,2\n")[1].1, vec!["1", "2"]);
    }

    #[test]
    fn latin1_is_refused_at_its_row_and_column() {
        let e = read(
            b"Activity,Description\n7,ok\n8,caf\xE9\n",
            &Limits::default(),
        )
        .unwrap_err();
        assert_eq!(e.row, Some(3));
        assert_eq!(e.column.as_deref(), Some("Description (B)"));
        assert!(e.message.contains("UTF-8"));
        assert!(read(b"\xFF\xFEA\x00", &Limits::default()).is_err());
    }

    #[test]
    fn too_many_rows_or_columns() {
        let small = Limits {
            max_rows: 2,
            max_columns: 2,
            ..Limits::default()
        };
        assert!(
            read(b"A\n1\n2\n3\n", &small)
                .unwrap_err()
                .message
                .contains("rows")
        );
        assert!(
            read(b"A,B,C\n", &small)
                .unwrap_err()
                .message
                .contains("columns")
        );
        assert!(read(b"A,B,,\n", &small).is_ok());
    }
}

//! Printing: text for people and JSON for scripts (`--format json` on every list and show).
//! Everything goes through [`print`], which tolerates a closed pipe (`handover … | head`), and
//! tables are aligned in plain columns.

use crate::cli::Format;
use handover_core::calendar::format_date;
use handover_core::plan::{Period, PlanTree};
use serde::Serialize;
use std::io::Write;

/// Writes text to stdout; a reader that went away (a closed pipe) is not an error.
pub fn print(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let written = out.write_all(text.as_bytes()).and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Prints a value as pretty JSON.
pub fn print_json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    print(&text)
}

/// Prints `json` as JSON or `text()` as text, as the user asked.
pub fn emit<T: Serialize + ?Sized>(
    format: Format,
    json: &T,
    text: impl FnOnce() -> String,
) -> anyhow::Result<()> {
    match format {
        Format::Json => print_json(json),
        Format::Text => print(&text()),
    }
}

/// A table with a header row, printed in aligned columns.
#[derive(Debug, Default)]
pub struct Table {
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: &[&str]) -> Self {
        Self {
            rows: vec![header.iter().map(|h| (*h).to_owned()).collect()],
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// The table as text; the last column is not padded.
    pub fn render(&self) -> String {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..columns)
            .map(|c| {
                self.rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(|s| s.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for r in &self.rows {
            let mut line = String::new();
            for (c, cell) in r.iter().enumerate() {
                if c + 1 == r.len() {
                    line.push_str(cell);
                } else {
                    let pad = widths[c] - cell.chars().count();
                    line.push_str(cell);
                    line.push_str(&" ".repeat(pad + 2));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// `-` for a missing value.
pub fn or_dash(s: Option<&str>) -> String {
    s.filter(|s| !s.is_empty()).unwrap_or("-").to_owned()
}

/// A date range `2027-01-01 – 2027-03-31`.
pub fn date_range(start: time::Date, end: time::Date) -> String {
    format!("{} – {}", format_date(start), format_date(end))
}

/// Quarters as people read them: `Q3 (2027-07-01 – 2027-09-30)` or
/// `Q3–Q4 (2027-07-01 – 2027-12-31)`.
pub fn quarters(tree: &PlanTree, start: u16, end: u16) -> String {
    let label = if start == end {
        format!("Q{start}")
    } else {
        format!("Q{start}–Q{end}")
    };
    match (period(tree, start), period(tree, end)) {
        (Some(s), Some(e)) => format!("{label} ({})", date_range(s.start, e.end)),
        _ => label,
    }
}

fn period(tree: &PlanTree, seq: u16) -> Option<&Period> {
    tree.periods.iter().find(|p| p.seq == seq)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align() {
        let mut t = Table::new(&["CODE", "NAME"]);
        t.row(vec!["a".into(), "Alpha".into()]);
        t.row(vec!["longer".into(), "B".into()]);
        assert_eq!(t.render(), "CODE    NAME\na       Alpha\nlonger  B\n");
    }
}

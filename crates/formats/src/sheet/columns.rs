//! Columns found by their header (any case, any order, English, French or Arabic names), quarter
//! columns `Q1`, `Q2`… and the problems of a file collected all at once.

use super::grid::{Grid, GridRow};
use super::value::Value;
use super::{CellError, column_letter};
use std::collections::{BTreeMap, BTreeSet};

/// A plan spans at most 40 quarters (core's calendar), hence 40 quarter fields.
#[rustfmt::skip]
const QUARTER_FIELDS: [&str; 40] = [
    "quantities/Q1", "quantities/Q2", "quantities/Q3", "quantities/Q4", "quantities/Q5",
    "quantities/Q6", "quantities/Q7", "quantities/Q8", "quantities/Q9", "quantities/Q10",
    "quantities/Q11", "quantities/Q12", "quantities/Q13", "quantities/Q14", "quantities/Q15",
    "quantities/Q16", "quantities/Q17", "quantities/Q18", "quantities/Q19", "quantities/Q20",
    "quantities/Q21", "quantities/Q22", "quantities/Q23", "quantities/Q24", "quantities/Q25",
    "quantities/Q26", "quantities/Q27", "quantities/Q28", "quantities/Q29", "quantities/Q30",
    "quantities/Q31", "quantities/Q32", "quantities/Q33", "quantities/Q34", "quantities/Q35",
    "quantities/Q36", "quantities/Q37", "quantities/Q38", "quantities/Q39", "quantities/Q40",
];

/// A column an importer knows.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Field {
    /// The store's field name (`unit_price`).
    pub key: &'static str,
    /// The English header, as messages name it.
    pub label: &'static str,
    /// Every header accepted, written lower case.
    pub names: &'static [&'static str],
    pub required: bool,
}

/// Where each known column is.
#[derive(Debug)]
pub(crate) struct Header {
    fields: &'static [Field],
    by_key: BTreeMap<&'static str, u32>,
    quarters: BTreeMap<u16, u32>,
    /// Every column with a header: "Header (F)".
    labels: BTreeMap<u32, String>,
}

/// Lower case, `_` as a space, spaces collapsed, a trailing `*` or `:` dropped.
fn norm(s: &str) -> String {
    let s = s.to_lowercase().replace('_', " ");
    let s = s.trim().trim_end_matches(['*', ':']);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Q3`, `T3` (trimestre) or `الربع 3` → 3.
fn quarter(name: &str) -> Option<Result<u16, String>> {
    let rest = ["q", "t", "الربع"]
        .iter()
        .find_map(|p| name.strip_prefix(p))?
        .trim();
    if rest.is_empty() || !rest.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(match rest.parse::<u16>() {
        Ok(0) => Err("quarters count from Q1".into()),
        Ok(n) if usize::from(n) <= QUARTER_FIELDS.len() => Ok(n),
        _ => Err(format!(
            "a plan has at most {} quarters",
            QUARTER_FIELDS.len()
        )),
    })
}

impl Header {
    /// Maps the grid's header row to `fields` (and quarter columns when `quarters`); unknown,
    /// repeated and missing columns, and values under no header, are problems.
    pub(crate) fn read(
        grid: &Grid,
        fields: &'static [Field],
        quarters: bool,
        p: &mut Problems,
    ) -> Self {
        let mut h = Header {
            fields,
            by_key: BTreeMap::new(),
            quarters: BTreeMap::new(),
            labels: BTreeMap::new(),
        };
        let Some(row) = grid.header() else { return h };
        for (col, v) in &row.cells {
            let text = v.text().unwrap_or_default();
            let label = format!("{text} ({})", column_letter(*col));
            let name = norm(&text);
            h.labels.insert(*col, label.clone());
            let at = |p: &mut Problems, m: String| p.push(Some(row.number), Some(label.clone()), m);
            let known = fields.iter().find(|f| f.names.contains(&name.as_str()));
            if let Some(f) = known {
                match h.by_key.get(f.key) {
                    Some(c) => at(
                        p,
                        format!(
                            "the column {} appears twice (also in {})",
                            f.label,
                            column_letter(*c)
                        ),
                    ),
                    None => _ = h.by_key.insert(f.key, *col),
                }
            } else if let Some(q) = quarters.then(|| quarter(&name)).flatten() {
                match q {
                    Ok(q) => match h.quarters.get(&q) {
                        Some(c) => at(
                            p,
                            format!(
                                "the column Q{q} appears twice (also in {})",
                                column_letter(*c)
                            ),
                        ),
                        None => _ = h.quarters.insert(q, *col),
                    },
                    Err(m) => at(p, m),
                }
            } else {
                let mut expected: Vec<&str> = fields.iter().map(|f| f.label).collect();
                if quarters {
                    expected.push("Q1, Q2…");
                }
                at(
                    p,
                    format!(
                        "unknown column `{text}`: the columns are {}",
                        expected.join(", ")
                    ),
                );
            }
        }
        for f in fields
            .iter()
            .filter(|f| f.required && !h.by_key.contains_key(f.key))
        {
            p.push(
                Some(row.number),
                Some(f.label.to_owned()),
                format!("the column {} is missing", f.label),
            );
        }
        if quarters && h.quarters.is_empty() {
            p.push(
                Some(row.number),
                None,
                "no quarter column: name them Q1, Q2… (a blank cell is no quantity)".to_owned(),
            );
        }
        h.check_stray(grid, p);
        h
    }

    /// Values under no header: reported once per column, at the first row holding one.
    fn check_stray(&self, grid: &Grid, p: &mut Problems) {
        let mut seen = BTreeSet::new();
        for row in grid.body() {
            for (col, _) in &row.cells {
                if !self.labels.contains_key(col) && seen.insert(*col) {
                    p.push(
                        Some(row.number),
                        Some(format!("column {}", column_letter(*col))),
                        "a value under a column without a header: name the column or clear it"
                            .to_owned(),
                    );
                }
            }
        }
    }

    /// The column of a field, when the file has it.
    pub(crate) fn col(&self, key: &str) -> Option<u32> {
        self.by_key.get(key).copied()
    }

    /// "Header (F)" of a column.
    pub(crate) fn label(&self, col: u32) -> String {
        self.labels
            .get(&col)
            .cloned()
            .unwrap_or_else(|| format!("column {}", column_letter(col)))
    }

    /// Quarter columns: (quarter number, column), by quarter.
    pub(crate) fn quarters(&self) -> impl Iterator<Item = (u16, u32)> + '_ {
        self.quarters.iter().map(|(q, c)| (*q, *c))
    }

    /// Field name → "Header (F)" for every column found; `quantities` is the first quarter.
    pub(crate) fn columns(&self) -> BTreeMap<&'static str, String> {
        let mut out: BTreeMap<&'static str, String> = self
            .by_key
            .iter()
            .map(|(k, c)| (*k, self.label(*c)))
            .collect();
        for (i, (q, c)) in self.quarters().enumerate() {
            if i == 0 {
                out.insert("quantities", self.label(c));
            }
            if let Some(f) = QUARTER_FIELDS.get(usize::from(q) - 1) {
                out.insert(f, self.label(c));
            }
        }
        out
    }

    fn field(&self, key: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.key == key)
    }
}

/// Every problem of a file, up to a limit beyond which they are only counted.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    list: Vec<CellError>,
    max: usize,
    more: usize,
}

impl Problems {
    pub(crate) fn new(max: usize) -> Self {
        Self {
            list: vec![],
            max: max.max(1),
            more: 0,
        }
    }

    pub(crate) fn push(&mut self, row: Option<u64>, column: Option<String>, message: String) {
        if self.list.len() < self.max {
            self.list.push(CellError {
                row,
                column,
                message,
            });
        } else {
            self.more += 1;
        }
    }

    /// `ok` when there was no problem, else every problem (and how many more were not listed).
    pub(crate) fn finish<T>(mut self, ok: T) -> Result<T, Vec<CellError>> {
        if self.list.is_empty() {
            return Ok(ok);
        }
        if self.more > 0 {
            self.list.push(CellError::file(format!(
                "… and {} more problems not listed",
                self.more
            )));
        }
        Err(self.list)
    }
}

/// Reads the cells of one row, recording each bad cell.
#[derive(Debug)]
pub(crate) struct RowCells<'a> {
    pub header: &'a Header,
    pub row: &'a GridRow,
    pub problems: &'a mut Problems,
    /// A cell of this row was bad (or its column is missing): the row gives nothing.
    pub bad: bool,
}

impl<'a> RowCells<'a> {
    pub(crate) fn new(header: &'a Header, row: &'a GridRow, problems: &'a mut Problems) -> Self {
        Self {
            header,
            row,
            problems,
            bad: false,
        }
    }

    /// Records a problem in a column of this row (or the whole row).
    pub(crate) fn error(&mut self, col: Option<u32>, message: String) {
        let column = col.map(|c| self.header.label(c));
        self.problems.push(Some(self.row.number), column, message);
        self.bad = true;
    }

    /// A field's value parsed; `None` when blank (a problem if required) or bad.
    pub(crate) fn get<T>(
        &mut self,
        key: &str,
        parse: impl FnOnce(&Value) -> Result<T, String>,
    ) -> Option<T> {
        let field = self.header.field(key);
        let Some(col) = self.header.col(key) else {
            // A missing required column is reported once, on the header.
            self.bad |= field.is_some_and(|f| f.required);
            return None;
        };
        match self.row.get(col) {
            None => {
                if let Some(f) = field.filter(|f| f.required) {
                    self.error(
                        Some(col),
                        format!(
                            "the {} is empty: every row needs one",
                            f.label.to_lowercase()
                        ),
                    );
                }
                None
            }
            Some(v) => match parse(v) {
                Ok(t) => Some(t),
                Err(m) => {
                    self.error(Some(col), m);
                    None
                }
            },
        }
    }
}

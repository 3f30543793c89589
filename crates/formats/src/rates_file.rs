//! Exchange rates from a spreadsheet (CSV or XLSX), strictly: columns Date (`YYYY-MM-DD`, or a
//! workbook date cell), Base, Quote, Rate type, Rate and an optional Source; one unit of Base is
//! worth Rate units of Quote. Every bad cell is reported at once and nothing is returned then.

use crate::cost_lines_file::not_negative;
use crate::finance_words::parse_rate_type;
use crate::sheet::{
    CellError, Field, FileKind, Header, Limits, Parsed, Problems, RowCells, read_grid,
};
use handover_core::calendar::format_date;
use handover_core::finance::RateType;
use handover_core::money::Currency;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use time::Date;

/// One dated rate as read.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct RateRow {
    pub base: Currency,
    pub quote: Currency,
    pub rate_type: RateType,
    pub date: Date,
    /// Above zero.
    pub rate: Decimal,
    pub source: Option<String>,
}

const FIELDS: &[Field] = &[
    Field {
        key: "date",
        label: "Date",
        names: &["date", "التاريخ"],
        required: true,
    },
    Field {
        key: "base",
        label: "Base",
        names: &["base", "base currency", "devise de base", "العملة الأساسية"],
        required: true,
    },
    Field {
        key: "quote",
        label: "Quote",
        names: &[
            "quote",
            "quote currency",
            "devise de cotation",
            "العملة المقابلة",
        ],
        required: true,
    },
    Field {
        key: "rate_type",
        label: "Rate type",
        names: &["rate type", "type", "type de taux", "نوع السعر"],
        required: true,
    },
    Field {
        key: "rate",
        label: "Rate",
        names: &["rate", "taux", "السعر", "سعر الصرف"],
        required: true,
    },
    Field {
        key: "source",
        label: "Source",
        names: &["source", "المصدر"],
        required: false,
    },
];

/// Reads exchange rates; the same (base, quote, type, date) twice in a file is a problem.
pub fn read(
    bytes: &[u8],
    kind: FileKind,
    limits: &Limits,
) -> Result<Parsed<RateRow>, Vec<CellError>> {
    let grid = read_grid(bytes, kind, limits)?;
    let mut problems = Problems::new(limits.max_errors);
    let header = Header::read(&grid, FIELDS, false, &mut problems);
    let mut seen: BTreeMap<(Currency, Currency, RateType, Date), u64> = BTreeMap::new();
    let mut rows = Vec::with_capacity(grid.body().len());
    for row in grid.body() {
        let mut c = RowCells::new(&header, row, &mut problems);
        let date = c.get("date", |v| v.date());
        let base = c.get("base", |v| Currency::parse(&v.text()?));
        let quote = c.get("quote", |v| Currency::parse(&v.text()?));
        let rate_type = c.get("rate_type", |v| parse_rate_type(&v.text()?));
        let rate = c.get("rate", |v| {
            let r = not_negative(v)?;
            if r.is_zero() {
                return Err("a rate is above zero".into());
            }
            Ok(r)
        });
        let source = c.get("source", |v| v.text());
        if let (Some(b), Some(q)) = (&base, &quote)
            && b == q
        {
            c.error(
                header.col("quote"),
                format!("a rate converts between two currencies, not {b} to itself"),
            );
        }
        let (Some(base), Some(quote), Some(rate_type), Some(date), Some(rate)) =
            (base, quote, rate_type, date, rate)
        else {
            continue;
        };
        let key = (base.clone(), quote.clone(), rate_type, date);
        if let Some(first) = seen.get(&key) {
            c.error(
                None,
                format!(
                    "the {} rate {base}→{quote} of {} is already on row {first}",
                    rate_type.as_str().replace('_', " "),
                    format_date(date)
                ),
            );
        } else {
            seen.insert(key, row.number);
        }
        if c.bad {
            continue;
        }
        rows.push((
            row.number,
            RateRow {
                base,
                quote,
                rate_type,
                date,
                rate,
                source,
            },
        ));
    }
    problems.finish(Parsed {
        rows,
        columns: header.columns(),
    })
}

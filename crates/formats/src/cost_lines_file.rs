//! Cost lines from a spreadsheet (CSV or XLSX), strictly (SPEC §13): columns found by their
//! header — Activity, Category, Description (and `Description (fr)`, `Description (ar)`), Unit,
//! Unit price, Currency, Funder, then `Q1`, `Q2`… (a blank cell is no quantity) — every bad cell
//! of the file reported at once, and nothing returned when there is any.

use crate::finance_words::{parse_category, parse_unit};
use crate::sheet::{
    CellError, Field, FileKind, Header, Limits, Parsed, Problems, RowCells, read_grid,
};
use handover_core::finance::{CostCategory, Unit};
use handover_core::money::Currency;
use handover_core::text::{Lang, Text};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// One cost line as read, before the store resolves its activity and funder.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CostLineInputRow {
    /// The activity's display number (`7`, `24.2`) or key.
    pub activity: String,
    pub category: CostCategory,
    pub description: Text,
    pub unit: Unit,
    pub unit_price: Decimal,
    /// `None`: the plan's currency.
    pub currency: Option<Currency>,
    /// A party's organisation code; `None`: the plan's owner.
    pub funder: Option<String>,
    /// Quarter number → quantity; blank and zero cells are left out.
    pub quantities: BTreeMap<u16, Decimal>,
}

const DESCRIPTIONS: [(&str, Lang); 3] = [
    ("description", Lang::En),
    ("description_fr", Lang::Fr),
    ("description_ar", Lang::Ar),
];

const FIELDS: &[Field] = &[
    Field {
        key: "activity",
        label: "Activity",
        names: &["activity", "activité", "activite", "النشاط"],
        required: true,
    },
    Field {
        key: "category",
        label: "Category",
        names: &["category", "catégorie", "categorie", "الفئة"],
        required: true,
    },
    Field {
        key: "description",
        label: "Description",
        names: &["description", "description (en)", "description en"],
        required: false,
    },
    Field {
        key: "description_fr",
        label: "Description (fr)",
        names: &["description (fr)", "description fr"],
        required: false,
    },
    Field {
        key: "description_ar",
        label: "Description (ar)",
        names: &["description (ar)", "description ar", "الوصف"],
        required: false,
    },
    Field {
        key: "unit",
        label: "Unit",
        names: &["unit", "unité", "unite", "الوحدة"],
        required: true,
    },
    Field {
        key: "unit_price",
        label: "Unit price",
        names: &["unit price", "prix unitaire", "سعر الوحدة"],
        required: true,
    },
    Field {
        key: "currency",
        label: "Currency",
        names: &["currency", "devise", "monnaie", "العملة"],
        required: false,
    },
    Field {
        key: "funder",
        label: "Funder",
        names: &[
            "funder",
            "funded by",
            "financeur",
            "bailleur",
            "الجهة الممولة",
            "الممول",
        ],
        required: false,
    },
];

/// A decimal of 0 or more.
pub(crate) fn not_negative(v: &crate::sheet::Value) -> Result<Decimal, String> {
    let d = v.decimal()?;
    if d < Decimal::ZERO {
        return Err(format!("{d} is below zero: give 0 or more"));
    }
    Ok(d)
}

/// Reads cost lines; every problem is a [`CellError`] with its row and column.
pub fn read(
    bytes: &[u8],
    kind: FileKind,
    limits: &Limits,
) -> Result<Parsed<CostLineInputRow>, Vec<CellError>> {
    let grid = read_grid(bytes, kind, limits)?;
    let mut problems = Problems::new(limits.max_errors);
    let header = Header::read(&grid, FIELDS, true, &mut problems);
    let described: Vec<u32> = DESCRIPTIONS
        .iter()
        .filter_map(|(k, _)| header.col(k))
        .collect();
    if described.is_empty() {
        let row = grid.header().map(|h| h.number);
        problems.push(
            row,
            Some("Description".into()),
            "the column Description is missing (or Description (fr), Description (ar))".into(),
        );
    }
    let mut rows = Vec::with_capacity(grid.body().len());
    for row in grid.body() {
        let mut c = RowCells::new(&header, row, &mut problems);
        let activity = c.get("activity", |v| v.text());
        let category = c.get("category", |v| parse_category(&v.text()?));
        let mut description = Text::default();
        for (key, lang) in DESCRIPTIONS {
            if let Some(t) = c.get(key, |v| v.text()) {
                description.set(lang, t);
            }
        }
        if description.is_empty() && !described.is_empty() {
            c.error(
                described.first().copied(),
                "a cost line needs a description in at least one language".into(),
            );
        }
        let unit = c.get("unit", |v| parse_unit(&v.text()?));
        let unit_price = c.get("unit_price", not_negative);
        let currency = c.get("currency", |v| Currency::parse(&v.text()?));
        let funder = c.get("funder", |v| v.text());
        let mut quantities = BTreeMap::new();
        let mut bad_quantity = false;
        for (q, col) in header.quarters() {
            if let Some(v) = row.get(col) {
                match not_negative(v) {
                    Ok(n) if n.is_zero() => {}
                    Ok(n) => _ = quantities.insert(q, n),
                    Err(m) => {
                        bad_quantity = true;
                        c.error(Some(col), m);
                    }
                }
            }
        }
        let has_quarters = header.quarters().next().is_some();
        if quantities.is_empty() && has_quarters && !bad_quantity {
            c.error(
                None,
                "give a quantity for at least one quarter (Q1, Q2…)".into(),
            );
        }
        if c.bad {
            continue;
        }
        if let (Some(activity), Some(category), Some(unit), Some(unit_price)) =
            (activity, category, unit, unit_price)
        {
            rows.push((
                row.number,
                CostLineInputRow {
                    activity,
                    category,
                    description,
                    unit,
                    unit_price,
                    currency,
                    funder,
                    quantities,
                },
            ));
        }
    }
    let mut columns = header.columns();
    if !columns.contains_key("description") {
        let other = ["description_fr", "description_ar"]
            .iter()
            .find_map(|k| columns.get(k).cloned());
        if let Some(label) = other {
            columns.insert("description", label);
        }
    }
    problems.finish(Parsed { rows, columns })
}

//! The budget workbook (XLSX) in the layout a finance officer expects: one sheet per view —
//! the budget line by line, totals by activity, milestone, category, party, quarter and year,
//! cost sharing, spending against the plan, and the rates used. Numbers are stored as numbers
//! with their currency's format, and every total is the core's exact total rounded once
//! ([`handover_core::money::Money::rounded`]), so the workbook matches the application to the
//! cent.

mod layout;
mod rates_sheet;
mod sharing_sheet;
mod spending_sheet;
mod views;
mod words;

use handover_core::finance::spending::{Expenditure, Spending, spending};
use handover_core::finance::{
    Conversion, CostLine, MissingRate, RateDate, RateTable, RateType, Totals, totals,
};
use handover_core::ids::OrgId;
use handover_core::money::Currency;
use handover_core::plan::{Activity, Milestone, PlanTree};
use handover_core::text::Lang;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};
use time::Date;
use words::{W, tr};

/// Everything the budget workbook shows.
#[derive(Clone, Debug)]
pub struct BudgetBook<'a> {
    pub tree: &'a PlanTree,
    pub lines: &'a [CostLine],
    pub expenditures: &'a [Expenditure],
    pub rates: &'a RateTable,
    /// How totals are shown; usually to the plan currency at the plan's rate type, each
    /// quarter at its first day's rate ([`BudgetBook::new`]).
    pub conversion: Conversion,
    /// The plan's default rate type: payments in another currency than their line are
    /// converted at it, on their own date.
    pub rate_type: RateType,
    pub lang: Lang,
    /// Planned to date counts the quarters begun by this day.
    pub today: Date,
}

impl<'a> BudgetBook<'a> {
    /// The usual book: totals in the plan currency at `rate_type`, each quarter at the rate of
    /// its first day.
    pub fn new(
        tree: &'a PlanTree,
        lines: &'a [CostLine],
        expenditures: &'a [Expenditure],
        rates: &'a RateTable,
        rate_type: RateType,
        lang: Lang,
        today: Date,
    ) -> Self {
        Self {
            tree,
            lines,
            expenditures,
            rates,
            conversion: Conversion::To {
                currency: tree.plan.currency.clone(),
                rate_type,
                at: RateDate::QuarterStart,
            },
            rate_type,
            lang,
            today,
        }
    }

    fn activity(&self, line: &CostLine) -> Option<&'a Activity> {
        self.tree
            .activities
            .iter()
            .find(|a| a.id == line.activity_id)
    }

    fn milestone(&self, a: &Activity) -> Option<&'a Milestone> {
        self.tree.milestones.iter().find(|m| m.id == a.milestone_id)
    }

    /// `3. Title` of a milestone.
    fn milestone_label(&self, m: Option<&Milestone>) -> String {
        m.map(|m| format!("{}. {}", m.number, m.title.best(self.lang)))
            .unwrap_or_default()
    }

    /// The parties in plan order (owner first), then any other funder of a line.
    fn parties(&self) -> Vec<OrgId> {
        let mut out = self.tree.plan.parties();
        for l in self.lines {
            if !out.contains(&l.funder) {
                out.push(l.funder);
            }
        }
        out
    }
}

/// Why the workbook could not be written.
#[derive(Debug, thiserror::Error)]
pub enum BookError {
    /// Conversions lacked rates: each names the pair, the rate type and the date.
    #[error("the budget cannot be converted: {}", list(.0))]
    MissingRates(Vec<MissingRate>),
    #[error("the workbook could not be written: {0}")]
    Xlsx(String),
}

fn list(missing: &[MissingRate]) -> String {
    missing
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl From<XlsxError> for BookError {
    fn from(e: XlsxError) -> Self {
        BookError::Xlsx(e.to_string())
    }
}

/// The core's figures the sheets show, computed once.
#[derive(Debug)]
pub(crate) struct Figures<'a> {
    /// In each line's own currency.
    pub own: Totals,
    /// In the book's conversion.
    pub conv: Totals,
    pub spending: Spending,
    /// The currencies of converted totals: the target, or every line currency.
    pub currencies: Vec<Currency>,
    /// The lines in plan order (milestone, activity, position).
    pub lines: Vec<&'a CostLine>,
}

impl<'a> Figures<'a> {
    fn compute(b: &BudgetBook<'a>) -> Result<Self, BookError> {
        let t = &b.tree;
        let mut missing = vec![];
        let own = totals(
            b.lines,
            &t.periods,
            &t.activities,
            &Conversion::Own,
            b.rates,
        )
        .map_err(|m| missing.extend(m));
        let conv = totals(b.lines, &t.periods, &t.activities, &b.conversion, b.rates)
            .map_err(|m| missing.extend(m));
        let spent = spending(
            b.lines,
            b.expenditures,
            &t.periods,
            &b.conversion,
            b.rate_type,
            b.rates,
            b.today,
        )
        .map_err(|m| missing.extend(m));
        let (Ok(own), Ok(conv), Ok(spending)) = (own, conv, spent) else {
            missing.sort();
            missing.dedup();
            return Err(BookError::MissingRates(missing));
        };
        let currencies = match &b.conversion {
            Conversion::To { currency, .. } => vec![currency.clone()],
            Conversion::Own if own.grand.0.is_empty() => vec![t.plan.currency.clone()],
            Conversion::Own => own.grand.0.keys().cloned().collect(),
        };
        let mut lines: Vec<&CostLine> = b.lines.iter().collect();
        lines.sort_by_key(|l| {
            let a = b.activity(l);
            let m = a
                .and_then(|a| b.milestone(a))
                .map_or(u16::MAX, |m| m.number);
            let a = a.map_or((u16::MAX, None), |a| (a.number, a.instance));
            (m, a, l.position)
        });
        Ok(Self {
            own,
            conv,
            spending,
            currencies,
            lines,
        })
    }
}

/// Writes the budget workbook as XLSX bytes; a missing rate fails it with every pair, rate type
/// and date that lacks one.
pub fn write(book: &BudgetBook<'_>) -> Result<Vec<u8>, BookError> {
    let fig = Figures::compute(book)?;
    let mut wb = Workbook::new();
    let today = book.today;
    let created = ExcelDateTime::from_ymd(
        u16::try_from(today.year()).unwrap_or(2000),
        u8::from(today.month()),
        today.day(),
    )?;
    let name = book.tree.plan.name.best(book.lang);
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("{name} — {}", tr(W::SheetBudget, book.lang)))
            .set_subject(book.tree.plan.code.to_string())
            .set_creation_datetime(&created),
    );
    let sheets = [
        views::budget(book, &fig)?,
        views::by_activity(book, &fig)?,
        views::by_milestone(book, &fig)?,
        views::by_category(book, &fig)?,
        views::by_party(book, &fig)?,
        views::by_quarter(book, &fig)?,
        views::by_year(book, &fig)?,
        sharing_sheet::write(book, &fig)?,
        spending_sheet::write(book, &fig)?,
        rates_sheet::write(book, &fig)?,
    ];
    for s in sheets {
        wb.push_worksheet(s.finish());
    }
    Ok(wb.save_to_buffer()?)
}

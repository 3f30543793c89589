//! The activity's header in: dates, budgets, the plan's calendar and the organisations.

use crate::iati::import::{DateRange, ImportBudget, ImportDates, ImportOrg};
use crate::iati::model::{BudgetKind, BudgetStatus, DateKind, IatiActivity};
use crate::iati::text::TextMaker;
use handover_core::calendar::MonthStart;
use handover_core::money::Currency;
use std::collections::BTreeSet;

pub(super) fn activity_dates(a: &IatiActivity) -> ImportDates {
    let first = |k: DateKind| {
        a.dates
            .iter()
            .find(|d| d.kind == Some(k) && d.date.is_some())
            .and_then(|d| d.date)
    };
    ImportDates {
        planned_start: first(DateKind::PlannedStart),
        actual_start: first(DateKind::ActualStart),
        planned_end: first(DateKind::PlannedEnd),
        actual_end: first(DateKind::ActualEnd),
    }
}

pub(super) fn budgets(a: &IatiActivity) -> Vec<ImportBudget> {
    a.budgets
        .iter()
        .map(|b| ImportBudget {
            start: b.start,
            end: b.end,
            value: b.value,
            currency: b
                .currency
                .as_deref()
                .or(a.default_currency.as_deref())
                .and_then(|c| Currency::parse(c).ok()),
            value_date: b.value_date,
            kind: b.kind.unwrap_or(BudgetKind::Original),
            status: b.status.unwrap_or(BudgetStatus::Indicative),
        })
        .collect()
}

/// The plan's start (a month's first day) and its number of quarters.
pub(super) fn calendar(
    d: &ImportDates,
    periods: &BTreeSet<DateRange>,
    budgets: &[ImportBudget],
    notes: &mut Vec<String>,
) -> (Option<MonthStart>, u16) {
    let first_period = periods.iter().map(|p| p.start).min();
    let first_budget = budgets.iter().filter_map(|b| b.start).min();
    let start = [d.actual_start, d.planned_start]
        .into_iter()
        .flatten()
        .min();
    let start = match start {
        Some(s) => Some(s),
        None => {
            let s = first_period.or(first_budget);
            notes.push(match s {
                Some(_) => "no start date: the plan starts with its first period or budget".into(),
                None => "no date at all: the plan's start is to be chosen".into(),
            });
            s
        }
    };
    let Some(start) = start.and_then(|s| s.replace_day(1).ok()) else {
        return (None, 12);
    };
    let end = [d.planned_end, d.actual_end]
        .into_iter()
        .flatten()
        .chain(periods.iter().map(|p| p.end))
        .chain(budgets.iter().filter_map(|b| b.end))
        .max();
    let quarters = match end {
        Some(end) if end >= start => {
            let months = (end.year() - start.year()) * 12 + i32::from(u8::from(end.month()))
                - i32::from(u8::from(start.month()))
                + 1;
            let q = (months + 2) / 3;
            if q > 40 {
                notes.push(format!(
                    "the activity spans {q} quarters: the plan keeps the first 40"
                ));
            }
            q.clamp(1, 40) as u16
        }
        _ => 12,
    };
    (MonthStart::new(start).ok(), quarters)
}

/// Participating organisations, one per identifier (or name), with all their roles.
pub(super) fn participants(a: &IatiActivity) -> Vec<ImportOrg> {
    let mut out: Vec<ImportOrg> = Vec::new();
    for p in &a.participating_orgs {
        let name = TextMaker::best(&p.name);
        let same = |o: &ImportOrg| match (&o.iati_ref, &p.iati_ref) {
            (Some(x), Some(y)) => x == y,
            (None, None) => o.name == name,
            _ => false,
        };
        let i = match out.iter().position(same) {
            Some(i) => i,
            None => {
                out.push(ImportOrg {
                    iati_ref: p.iati_ref.clone(),
                    name: name.clone(),
                    org_type: p.org_type.clone(),
                    roles: vec![],
                });
                out.len() - 1
            }
        };
        if let Some(r) = p.role
            && !out[i].roles.contains(&r)
        {
            out[i].roles.push(r);
        }
    }
    out
}

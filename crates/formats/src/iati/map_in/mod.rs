//! An IATI activity as a Handover plan to import: the header (code, name, dates, status,
//! currency, languages), its own periods (the union of the result periods, as date ranges),
//! the results of the four types with their indicators, baselines, targets, actuals,
//! dimensions and evidence, the organisations for the caller to match in the directory, and
//! the budgets as a plain list. What does not fit is counted in `notes`. The header is
//! mapped in [`header`].

mod header;

use header::{activity_dates, budgets, calendar, participants};

use super::code::plan_code;
use super::import::{
    DateRange, ImportIndicator, ImportOrg, ImportPlan, ImportResult, ImportValue, Skipped,
};
use super::model::{IatiActivity, IatiIndicator, IatiTarget};
use super::text::{TextMaker, comment_value};
use handover_core::indicator::{Baseline, Dimensions, Direction, Measure, ValueKind};
use handover_core::money::Currency;
use handover_core::plan::{PlanStatus, ResultLevel};
use handover_core::text::Text;
use std::collections::BTreeSet;
use time::{Date, Month};

/// Maps a read activity to a plan to import (its texts are moved, not copied).
pub fn map_in(mut a: IatiActivity) -> Result<ImportPlan, Skipped> {
    if a.identifier.trim().is_empty() {
        return Err(Skipped);
    }
    let mut notes = Vec::new();
    let mut tm = TextMaker::new(a.lang);
    let name = tm.text(std::mem::take(&mut a.title));
    let general = a
        .descriptions
        .iter()
        .position(|(t, _)| t.as_deref().is_none_or(|t| t == "1"))
        .unwrap_or(0);
    let description = if general < a.descriptions.len() {
        tm.text(a.descriptions.swap_remove(general).1)
    } else {
        Text::default()
    };
    let dates = activity_dates(&a);
    let mut results = Vec::new();
    let mut codes = BTreeSet::new();
    let mut periods = BTreeSet::new();
    let mut counts = Counts::default();
    for (ri, r) in std::mem::take(&mut a.results).into_iter().enumerate() {
        if r.level.is_none() {
            counts.untyped += 1;
        }
        let indicators = r
            .indicators
            .into_iter()
            .enumerate()
            .map(|(ii, i)| indicator(i, (ri, ii), &mut codes, &mut periods, &mut tm, &mut counts))
            .collect();
        results.push(ImportResult {
            level: r.level.unwrap_or(ResultLevel::Other),
            title: tm.text(r.title),
            description: tm.text(r.description),
            evidence: urls(r.document_links),
            indicators,
        });
    }
    counts.notes(&mut notes);
    let budgets = budgets(&a);
    let (start, quarters) = calendar(&dates, &periods, &budgets, &mut notes);
    let currency = a
        .default_currency
        .as_deref()
        .and_then(|c| Currency::parse(c).ok())
        .or_else(|| budgets.iter().find_map(|b| b.currency.clone()));
    let status = match a.status.as_deref().map(str::trim) {
        Some("1") => PlanStatus::Draft,
        Some("2" | "6") => PlanStatus::InProgress,
        Some("3") => PlanStatus::HandedOver,
        Some("4" | "5") => PlanStatus::Closed,
        other => {
            notes.push(format!(
                "activity status {}: the plan is a draft",
                other.map_or("missing".into(), |s| format!("`{s}` unknown"))
            ));
            PlanStatus::Draft
        }
    };
    let reporting_org = a.reporting_org.as_ref().map(|o| ImportOrg {
        iati_ref: o.iati_ref.clone(),
        name: TextMaker::best(&o.name),
        org_type: o.org_type.clone(),
        roles: vec![],
    });
    let participants = participants(&a);
    let name = if name.is_empty() {
        Text::en(a.identifier.trim())
    } else {
        name
    };
    tm.notes(&mut notes);
    Ok(ImportPlan {
        identifier: a.identifier.trim().to_owned(),
        code: plan_code(a.identifier.trim()),
        languages: tm.languages(),
        name,
        description,
        currency,
        status,
        dates,
        start,
        quarters,
        periods: periods.into_iter().collect(),
        reporting_org,
        participants,
        results,
        budgets,
        notes,
    })
}

/// What is counted while mapping, for the notes.
#[derive(Default)]
struct Counts {
    untyped: usize,
    no_measure: usize,
    bad_periods: usize,
    lost_values: usize,
    bad_dimensions: usize,
}

impl Counts {
    fn notes(&self, notes: &mut Vec<String>) {
        let mut say = |n: usize, what: &str| {
            if n > 0 {
                notes.push(format!("{n} {what}"));
            }
        };
        say(
            self.untyped,
            "result(s) without a known type were imported as `other`",
        );
        say(
            self.no_measure,
            "indicator(s) without a known measure were imported as `unit`",
        );
        say(
            self.bad_periods,
            "indicator period(s) without a readable start and end (start before end) were skipped",
        );
        say(
            self.lost_values,
            "target(s) and actual(s) of those periods were skipped",
        );
        say(
            self.bad_dimensions,
            "dimension(s) without a name or a value were skipped",
        );
    }
}

fn indicator(
    i: IatiIndicator,
    (ri, ii): (usize, usize),
    codes: &mut BTreeSet<String>,
    periods: &mut BTreeSet<DateRange>,
    tm: &mut TextMaker,
    counts: &mut Counts,
) -> ImportIndicator {
    if i.measure.is_none() {
        counts.no_measure += 1;
    }
    let measure = i.measure.unwrap_or(Measure::Unit);
    let base = i
        .references
        .iter()
        .map(|r| r.code.trim())
        .find(|c| !c.is_empty())
        .map_or_else(|| format!("{}.{}", ri + 1, ii + 1), str::to_owned);
    let mut code = base.clone();
    let mut n = 2;
    while !codes.insert(code.clone()) {
        code = format!("{base}-{n}");
        n += 1;
    }
    let baselines = i
        .baselines
        .into_iter()
        .map(|b| {
            let (value, comment) = comment_value(measure, b.value, tm.text(b.comment));
            Baseline {
                value,
                date: b.date.or_else(|| {
                    b.year
                        .and_then(|y| Date::from_calendar_date(y, Month::January, 1).ok())
                }),
                dimensions: dimensions(b.dimensions, counts),
                comment,
            }
        })
        .collect();
    let mut values = Vec::new();
    for p in i.periods {
        let range = match (p.start, p.end) {
            (Some(start), Some(end)) if start <= end => DateRange { start, end },
            _ => {
                counts.bad_periods += 1;
                counts.lost_values += p.targets.len() + p.actuals.len();
                continue;
            }
        };
        periods.insert(range);
        let all = p.targets.into_iter().map(|t| (ValueKind::Target, t));
        for (kind, t) in all.chain(p.actuals.into_iter().map(|t| (ValueKind::Actual, t))) {
            values.push(value(t, kind, range, measure, tm, counts));
        }
    }
    ImportIndicator {
        code,
        title: tm.text(i.title),
        description: tm.text(i.description),
        measure,
        direction: if i.ascending == Some(false) {
            Direction::Down
        } else {
            Direction::Up
        },
        references: i.references,
        baselines,
        values,
        evidence: urls(i.document_links),
    }
}

fn value(
    t: IatiTarget,
    kind: ValueKind,
    period: DateRange,
    measure: Measure,
    tm: &mut TextMaker,
    counts: &mut Counts,
) -> ImportValue {
    let (value, comment) = comment_value(measure, t.value, tm.text(t.comment));
    ImportValue {
        period,
        kind,
        value,
        original: t.original,
        dimensions: dimensions(t.dimensions, counts),
        comment,
        evidence: urls(t.document_links),
    }
}

fn dimensions(pairs: Vec<(String, String)>, counts: &mut Counts) -> Dimensions {
    let mut d = Dimensions::new();
    for (k, v) in pairs {
        if k.is_empty() || v.is_empty() {
            counts.bad_dimensions += 1;
        } else {
            d.insert(k, v);
        }
    }
    d
}

fn urls(links: Vec<super::model::DocumentLink>) -> Vec<String> {
    links
        .into_iter()
        .filter(|l| !l.url.is_empty())
        .map(|l| l.url)
        .collect()
}

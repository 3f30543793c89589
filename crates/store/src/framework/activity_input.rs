//! An activity as a client writes it, checked against the plan: title, needs of the plan, key,
//! the indicative (planned) and actual quarters inside the calendar with the end not before the
//! start, and who leads in each quarter.

use super::input::{self, LeadInput};
use handover_core::calendar::QuarterRange;
use handover_core::error::Problems;
use handover_core::plan::{Activity, Lead, PlanTree};
use handover_core::text::Text;

/// A span of quarters as written; either end may be left out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Quarters {
    pub start: Option<u16>,
    pub end: Option<u16>,
}

/// An activity as written; `None` leaves a field as it is (or takes its default when adding).
#[derive(Clone, Debug, Default)]
pub struct ActivityInput {
    /// The milestone it belongs to (id, key or number); needed when adding.
    pub milestone: Option<String>,
    /// Its place among the milestone's activities, from 1; the end when absent.
    pub position: Option<u16>,
    /// `Some(None)` clears the key.
    pub key: Option<Option<String>>,
    pub title: Option<Text>,
    pub rationale: Option<Text>,
    pub needs: Option<Vec<String>>,
    pub financial_description: Option<Text>,
    pub repeatable: Option<bool>,
    /// The indicative timeline; a quarter left out keeps its value (needed when adding).
    pub planned: Option<Quarters>,
    /// When it really started and ended; replaces both (a quarter left out is cleared).
    pub actual: Option<Quarters>,
    /// Who leads in each quarter; replaces the list. By default the plan's owner leads every
    /// planned quarter.
    pub leads: Option<Vec<LeadInput>>,
}

impl ActivityInput {
    /// Whether the input asks to move the activity.
    pub(crate) fn moves(&self) -> bool {
        self.milestone.is_some() || self.position.is_some()
    }
}

/// `base` with the input applied; every problem is pushed with its field.
pub(crate) fn apply(
    tree: &PlanTree,
    base: &Activity,
    input: &ActivityInput,
    creating: bool,
    p: &mut Problems,
) -> Activity {
    let mut a = base.clone();
    if creating || input.title.is_some() {
        input::required_text(p, "title", input.title.as_ref(), "an activity");
    }
    if let Some(t) = &input.title {
        a.title = t.clone();
    }
    if let Some(t) = &input.rationale {
        a.rationale = t.clone();
    }
    if let Some(t) = &input.financial_description {
        a.financial_description = t.clone();
    }
    if let Some(k) = &input.key {
        a.key = input::key(p, k.as_deref());
    }
    if let Some(r) = input.repeatable {
        a.repeatable = r;
    }
    if let Some(needs) = &input.needs {
        for (i, n) in needs.iter().enumerate() {
            if !tree.needs.iter().any(|x| x.key == *n) {
                let keys: Vec<_> = tree.needs.iter().map(|x| x.key.as_str()).collect();
                p.push(
                    format!("needs[{i}]"),
                    format!(
                        "`{n}` is not a need of this plan: use one of {}",
                        keys.join(", ")
                    ),
                );
            }
        }
        a.needs = needs.clone();
    }
    let planned = input.planned.unwrap_or_default();
    let start = planned.start.or((!creating).then_some(base.planned.start));
    let end = planned.end.or((!creating).then_some(base.planned.end));
    match (start, end) {
        (Some(s), Some(e)) => {
            let ok_s = input::quarter(tree, p, "planned.start_quarter", s).is_some();
            let ok_e = input::quarter(tree, p, "planned.end_quarter", e).is_some();
            if ok_s && ok_e {
                match QuarterRange::new(s, e, tree.plan.quarters) {
                    Ok(r) => a.planned = r,
                    Err(m) => p.push("planned.end_quarter", m),
                }
            }
        }
        _ => p.push(
            "planned",
            "give the indicative timeline: start_quarter and end_quarter",
        ),
    }
    if let Some(actual) = input.actual {
        if let Some(s) = actual.start {
            input::quarter(tree, p, "actual.start_quarter", s);
        }
        if let Some(e) = actual.end {
            input::quarter(tree, p, "actual.end_quarter", e);
        }
        match (actual.start, actual.end) {
            (None, Some(_)) => p.push(
                "actual.end_quarter",
                "an activity ends after it starts: give the actual start quarter too",
            ),
            (Some(s), Some(e)) if e < s => p.push(
                "actual.end_quarter",
                format!("the end quarter Q{e} is before the start quarter Q{s}"),
            ),
            _ => {}
        }
        a.actual_start = actual.start;
        a.actual_end = actual.end;
    }
    match &input.leads {
        Some(l) => a.leads = input::leads(tree, l, p),
        None if creating => {
            a.leads = (a.planned.start..=a.planned.end)
                .map(|quarter| Lead {
                    quarter,
                    parties: vec![tree.plan.owner],
                })
                .collect();
        }
        None => {}
    }
    a
}

/// Whether the change touches the framework or the timeline (not actual quarters or status).
pub(crate) fn is_material(before: &Activity, after: &Activity) -> bool {
    let strip = |a: &Activity| Activity {
        actual_start: None,
        actual_end: None,
        version: 0,
        ..a.clone()
    };
    strip(before) != strip(after)
}

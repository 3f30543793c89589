//! Turning what a client wrote into the plan's own values: party codes into parties, references
//! (an id, a key, a number) into records of this plan, quarters into checked ranges. Every
//! problem is pushed with the field it came from, as the request names it (`leads[1].parties[0]`).

use crate::error::StoreError;
use handover_core::error::Problems;
use handover_core::ids::{ActivityId, IndicatorId, Key, MilestoneId, OrgId, ResultId};
use handover_core::plan::{Activity, Lead, Milestone, PlanTree, ResultNode};
use handover_core::text::Text;

/// Who leads an activity in one quarter, as written: party codes (or ids).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeadInput {
    pub quarter: u16,
    pub parties: Vec<String>,
}

/// Where a result node hangs, as written: the plan, an activity (id, key or display number)
/// or another result (id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParentRef {
    Plan,
    Activity(String),
    Result(String),
}

/// Parties of the plan named by code or id; an unknown one is a problem at `field[i]`.
pub(crate) fn parties(
    tree: &PlanTree,
    refs: &[String],
    field: &str,
    p: &mut Problems,
) -> Vec<OrgId> {
    let mut out = vec![];
    for (i, r) in refs.iter().enumerate() {
        let found = tree
            .parties
            .iter()
            .find(|o| o.code.as_str() == r.trim() || o.id.to_string() == r.trim().to_lowercase());
        match found {
            Some(o) if out.contains(&o.id) => {
                p.push(format!("{field}[{i}]"), format!("`{r}` is named twice"));
            }
            Some(o) => out.push(o.id),
            None => {
                let codes: Vec<_> = tree.parties.iter().map(|o| o.code.as_str()).collect();
                p.push(
                    format!("{field}[{i}]"),
                    format!(
                        "`{r}` is not a party of this plan: use one of {}",
                        codes.join(", ")
                    ),
                );
            }
        }
    }
    out
}

/// A non-empty text, or a problem at `field`.
pub(crate) fn required_text(p: &mut Problems, field: &str, t: Option<&Text>, what: &str) {
    if t.is_none_or(Text::is_empty) {
        p.push(
            field,
            format!("{what} needs a {field} in at least one language"),
        );
    }
}

/// A stable key, or a problem at `key`.
pub(crate) fn key(p: &mut Problems, raw: Option<&str>) -> Option<Key> {
    raw.and_then(|k| p.take("key", Key::parse(k.trim())))
}

/// A quarter of the plan's calendar (1 … quarters), or a problem at `field`.
pub(crate) fn quarter(tree: &PlanTree, p: &mut Problems, field: &str, q: u16) -> Option<u16> {
    let max = tree.plan.quarters;
    if q == 0 || q > max {
        p.push(
            field,
            format!("Q{q} is not in the plan's calendar: use a quarter from 1 to {max}"),
        );
        None
    } else {
        Some(q)
    }
}

/// Leads per quarter: each quarter once, inside the calendar, led by parties of the plan.
pub(crate) fn leads(tree: &PlanTree, input: &[LeadInput], p: &mut Problems) -> Vec<Lead> {
    let mut out: Vec<Lead> = vec![];
    for (i, l) in input.iter().enumerate() {
        let field = format!("leads[{i}]");
        quarter(tree, p, &format!("{field}.quarter"), l.quarter);
        if out.iter().any(|o| o.quarter == l.quarter) {
            p.push(
                format!("{field}.quarter"),
                format!("Q{} is listed twice: name each quarter once", l.quarter),
            );
        }
        if l.parties.is_empty() {
            p.push(
                format!("{field}.parties"),
                "name who leads: one party, or several jointly",
            );
        }
        let parties = parties(tree, &l.parties, &format!("{field}.parties"), p);
        out.push(Lead {
            quarter: l.quarter,
            parties,
        });
    }
    out.sort_by_key(|l| l.quarter);
    out
}

/// A milestone by id, key or number.
pub fn milestone<'t>(tree: &'t PlanTree, r: &str) -> Option<&'t Milestone> {
    let r = r.trim();
    tree.milestones.iter().find(|m| {
        m.id.to_string() == r.to_lowercase()
            || m.key.as_ref().is_some_and(|k| k.as_str() == r)
            || m.number.to_string() == r
    })
}

/// An activity by id, stable key (the first instance of a repeated one) or display number
/// (`7`, `24.2`).
pub fn activity<'t>(tree: &'t PlanTree, r: &str) -> Option<&'t Activity> {
    let r = r.trim();
    let lower = r.to_lowercase();
    tree.activities
        .iter()
        .find(|a| a.id.to_string() == lower)
        .or_else(|| {
            tree.activities
                .iter()
                .find(|a| a.key.as_ref().is_some_and(|k| k.as_str() == r))
        })
        .or_else(|| tree.activities.iter().find(|a| a.display_number() == r))
}

/// A result node by id.
pub fn result<'t>(tree: &'t PlanTree, r: &str) -> Option<&'t ResultNode> {
    let id = r.trim().parse::<ResultId>().ok()?;
    tree.results.iter().find(|n| n.id == id)
}

/// An indicator by id or code.
pub fn indicator<'t>(
    tree: &'t PlanTree,
    r: &str,
) -> Option<&'t handover_core::indicator::Indicator> {
    let r = r.trim();
    let id = r.parse::<IndicatorId>().ok();
    tree.indicators
        .iter()
        .find(|i| Some(i.id) == id)
        .or_else(|| tree.indicators.iter().find(|i| i.code == r))
}

/// Finds a record or answers `NotFound` naming it as written.
pub(crate) fn found<T>(r: Option<T>, kind: &str, reference: &str) -> Result<T, StoreError> {
    r.ok_or_else(|| super::missing(kind, reference))
}

/// The activity a result node belongs to, through its ancestors (none for plan-level results).
pub(crate) fn activity_of(tree: &PlanTree, mut id: ResultId) -> Option<ActivityId> {
    use handover_core::plan::ResultParent;
    for _ in 0..tree.results.len() + 1 {
        let node = tree.results.iter().find(|n| n.id == id)?;
        match node.parent {
            ResultParent::Activity(a) => return Some(a),
            ResultParent::Plan => return None,
            ResultParent::Result(r) => id = r,
        }
    }
    None
}

/// A milestone's id when the reference names one, else a problem at `field`.
pub(crate) fn milestone_ref(
    tree: &PlanTree,
    p: &mut Problems,
    field: &str,
    r: &str,
) -> Option<MilestoneId> {
    let m = milestone(tree, r).map(|m| m.id);
    if m.is_none() {
        p.push(
            field,
            format!("`{r}` is not a milestone of this plan: give its id, key or number"),
        );
    }
    m
}

/// A risk by id.
pub fn risk<'t>(tree: &'t PlanTree, r: &str) -> Option<&'t handover_core::risk::Risk> {
    let id = r.trim().parse::<handover_core::ids::RiskId>().ok()?;
    tree.risks.iter().find(|x| x.id == id)
}

/// A period by label (`Q3`, in any case) or id.
pub fn period<'t>(tree: &'t PlanTree, r: &str) -> Option<&'t handover_core::plan::Period> {
    let r = r.trim();
    tree.periods
        .iter()
        .find(|q| q.label.eq_ignore_ascii_case(r) || q.id.to_string() == r.to_lowercase())
}

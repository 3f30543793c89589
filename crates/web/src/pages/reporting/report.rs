//! `GET/POST /plans/{code}/reports/{period}?org=CODE`: one party's quarterly report.
//!
//! - Its reporter (a reporter, editor or administrator of that party) sees what is due and
//!   enters every actual of the quarter on one form: each indicator of the plan the party
//!   reports, grouped by milestone, activity and result, with the value (a number in the
//!   indicator's measure, or a narrative), its breakdowns (disaggregation), a comment and an
//!   evidence link. "Save draft" keeps it; "Submit" saves and sends it for review. The save is
//!   all or nothing: every bad value is named next to its field, what was typed stays, and the
//!   answer is 422.
//! - A reviewer (an editor or administrator of another party of the plan) sees the submitted
//!   report read only and approves it, or returns it with a comment (required).
//! - An approved report is locked: it is shown read only to everyone.

use super::numbers::{editable_number, typed_number};
use super::{
    PlanCtx, dims_key, dims_label, frequency, open, parse_dims, period_dates, period_name,
    status_class, status_key,
};
use crate::AppState;
use crate::i18n::Ui;
use crate::pages::{
    Frame, Nav, PageError, PlanNav, Posted, Viewer, render, render_status, see_other,
};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use handover_core::actor::Access;
use handover_core::ids::OrgId;
use handover_core::indicator::{Dimensions, Indicator, Measure, Value, ValueKind};
use handover_core::plan::{Period, PlanTree, ResultNode};
use handover_core::reporting::{ReportStatus, ReportStep};
use handover_core::text::Text;
use handover_store::StoreError;
use handover_store::cycle::reports::{self, ActualInput, ActualView, ReportView};
use serde::Deserialize;
use std::collections::HashMap;

/// The most rows one form may post (a plan's indicators with their breakdowns fit easily).
const MAX_ROWS: usize = 5000;

/// The page's query: whose report (`org`, a party's code) and what was just done (`done`).
#[derive(Debug, Default, Deserialize)]
pub(super) struct ReportQuery {
    #[serde(default)]
    org: String,
    #[serde(default)]
    done: String,
}

/// A problem listed above the form, linking to its field.
#[derive(Debug)]
struct Problem {
    anchor: String,
    text: String,
    /// The line (indicator and breakdown) and field it is about; its anchor is found when the
    /// form is laid out.
    row: Option<((String, String), &'static str)>,
}

impl Problem {
    /// A problem about the whole form or review.
    fn general(anchor: &str, text: String) -> Self {
        Self {
            anchor: anchor.to_owned(),
            text,
            row: None,
        }
    }
}

/// One value of an indicator on the page: the total or one breakdown, or the empty line for a
/// new breakdown.
#[derive(Debug)]
struct Row {
    /// Its number on the form (`r{n}.value`…).
    n: usize,
    indicator: String,
    /// The breakdown as the form carries it (`sex=female`), empty for the total.
    dims: String,
    /// The breakdown in words.
    dims_label: String,
    /// The line where the reporter types a new breakdown.
    breakdown: bool,
    /// What the reporter typed as the new breakdown.
    breakdown_text: String,
    /// The value as the form shows it (typed, saved, or formatted for reading).
    value: String,
    comment: String,
    evidence: String,
    /// Who reported it and when (read-only view).
    reported: String,
    /// A problem with this line, shown next to its field.
    problem: Option<String>,
}

/// A value another party has reported for the same indicator and breakdown: shown, not editable.
#[derive(Debug)]
struct Theirs {
    org: String,
    dims_label: String,
    value: String,
}

/// One indicator on the form.
#[derive(Debug)]
struct Block {
    id: String,
    code: String,
    statement: String,
    href: String,
    /// `Output: …` — the result it measures.
    result: String,
    /// Measure and frequency in words.
    measure: String,
    /// The unit (user data).
    unit: String,
    /// This period's targets, in words.
    target: Option<String>,
    numeric: bool,
    rows: Vec<Row>,
    new_row: Option<Row>,
    theirs: Vec<Theirs>,
}

/// An activity's indicators (or the plan's own results), under its milestone.
#[derive(Debug)]
struct Section {
    /// Set on the first section of a milestone, to open it with a heading.
    milestone: Option<String>,
    activity: Option<String>,
    activity_href: Option<String>,
    blocks: Vec<Block>,
}

/// A link to another party's report for the same period.
#[derive(Debug)]
struct PartyLink {
    name: String,
    href: String,
}

#[derive(Template)]
#[template(path = "pages/reporting/report.html")]
struct ReportPage {
    frame: Frame,
    plan_nav: PlanNav,
    heading: String,
    period: String,
    dates: String,
    org_name: String,
    org_code: String,
    status_key: String,
    status_class: &'static str,
    locked: bool,
    due: String,
    overdue: bool,
    begun: bool,
    review_comment: Option<String>,
    returned: bool,
    submitted: Option<String>,
    reviewed: Option<String>,
    /// `edit` (the reporter's form), `review` (approve or return) or `read`.
    mode: &'static str,
    notice: Option<String>,
    problems: Vec<Problem>,
    current: Vec<Section>,
    other: Vec<Section>,
    other_count: usize,
    version: i64,
    action: String,
    review_text: String,
    review_problem: Option<String>,
    parties: Vec<PartyLink>,
    back: String,
    /// Whether any indicator of the plan is this party's to report.
    any: bool,
}

impl ReportPage {
    fn editing(&self) -> bool {
        self.mode == "edit"
    }

    fn reviewing(&self) -> bool {
        self.mode == "review"
    }
}

/// What a posted form brings back to the page: the typed values and the problems.
#[derive(Debug, Default)]
struct Overlay {
    /// By indicator id and breakdown (`+` for the new-breakdown line).
    rows: HashMap<(String, String), Typed>,
    problems: Vec<Problem>,
    review_text: String,
    review_problem: Option<String>,
}

/// One posted line.
#[derive(Debug, Default, Clone)]
struct Typed {
    indicator: String,
    dims: String,
    breakdown: Option<String>,
    value: String,
    comment: String,
    evidence: String,
    problem: Option<String>,
}

impl Typed {
    fn key(&self) -> (String, String) {
        (
            self.indicator.clone(),
            if self.breakdown.is_some() {
                "+".to_owned()
            } else {
                self.dims.clone()
            },
        )
    }
}

pub(super) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, period)): Path<(String, String)>,
    Query(q): Query<ReportQuery>,
) -> Result<Response, PageError> {
    let ctx = open(&state, &viewer, &code).await?;
    let (p, org) = target(&ctx, &viewer, &period, &q.org)?;
    let report = reports::get(&state.store, &viewer.actor, ctx.id, &p.id.to_string(), org)
        .await
        .map_err(|e| viewer.fail(e))?;
    let notice = match q.done.as_str() {
        d @ ("saved" | "submitted" | "approved" | "returned") => {
            Some(viewer.ui.t(format!("reporting-done-{d}")))
        }
        _ => None,
    };
    let page = page(
        &state,
        &viewer,
        &ctx,
        &p,
        org,
        &report,
        notice,
        Overlay::default(),
    )
    .await?;
    Ok(render(&page))
}

/// The period and the reporting organisation a URL names: `org` is a party's code; without it,
/// the reader's own organisation when it is a party, else the plan's owner.
fn target(
    ctx: &PlanCtx,
    viewer: &Viewer,
    period: &str,
    org: &str,
) -> Result<(Period, OrgId), PageError> {
    let nf = || PageError::NotFound(viewer.ui.lang);
    let p = handover_store::framework::find::period(&ctx.tree, period)
        .cloned()
        .ok_or_else(nf)?;
    let org = if org.trim().is_empty() {
        ctx.viewer_party(viewer).unwrap_or(ctx.tree.plan.owner)
    } else {
        ctx.tree
            .parties
            .iter()
            .find(|o| o.code.as_str() == org.trim() || o.id.to_string() == org.trim())
            .map(|o| o.id)
            .ok_or_else(nf)?
    };
    Ok((p, org))
}

/// What the reader may do with this report.
fn mode(ctx: &PlanCtx, viewer: &Viewer, org: OrgId, status: ReportStatus) -> &'static str {
    let own = ctx.viewer_party(viewer) == Some(org);
    if !viewer.may_write() {
        "read"
    } else if own && ctx.access >= Access::Report && status.editable() {
        "edit"
    } else if !own
        && ctx.viewer_party(viewer).is_some()
        && ctx.access >= Access::Edit
        && status == ReportStatus::Submitted
    {
        "review"
    } else {
        "read"
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "a report page names its plan, period, party, report, notice and what was posted"
)]
async fn page(
    state: &AppState,
    viewer: &Viewer,
    ctx: &PlanCtx,
    p: &Period,
    org: OrgId,
    report: &ReportView,
    notice: Option<String>,
    overlay: Overlay,
) -> Result<ReportPage, PageError> {
    let ui = viewer.ui;
    let mode = mode(ctx, viewer, org, report.status);
    // Other parties' values for the same indicators: shown, not editable here.
    let mut theirs: Vec<(String, ActualView)> = vec![];
    for party in ctx.tree.parties.iter().filter(|o| o.id != org) {
        let r = reports::get(
            &state.store,
            &viewer.actor,
            ctx.id,
            &p.id.to_string(),
            party.id,
        )
        .await
        .map_err(|e| viewer.fail(e))?;
        for a in r.actuals {
            let also_mine = report
                .actuals
                .iter()
                .any(|m| m.indicator_id == a.indicator_id && m.dimensions == a.dimensions);
            if !also_mine {
                theirs.push((party.name.clone(), a));
            }
        }
    }
    let mut builder = Builder {
        ui,
        tree: &ctx.tree,
        code: ctx.code(),
        period: p,
        org,
        report,
        theirs: &theirs,
        editing: mode == "edit",
        overlay: &overlay,
        next: 0,
        numbers: HashMap::new(),
    };
    let (current, other, any) = builder.sections();
    let numbers = std::mem::take(&mut builder.numbers);
    let mut overlay = overlay;
    for problem in &mut overlay.problems {
        if let Some((key, field)) = &problem.row {
            problem.anchor = match numbers.get(key) {
                Some(n) => format!("r{n}-{field}"),
                None => "report-form".to_owned(),
            };
        }
    }
    let other_count = other.iter().map(|s| s.blocks.len()).sum();
    let org_name = ctx.party_name(org);
    let org_code = ctx
        .tree
        .parties
        .iter()
        .find(|o| o.id == org)
        .map(|o| o.code.as_str().to_owned())
        .unwrap_or_default();
    let period = period_name(ui, p);
    let heading = ui.ta("reporting-report-heading", "period", &period);
    let who_when = |by: &Option<String>, at: &Option<String>| {
        by.as_ref().map(|b| {
            ui.targs(
                "reporting-by-on",
                &[
                    ("who", b),
                    (
                        "date",
                        &at.as_deref().map(|a| ui.date_text(a)).unwrap_or_default(),
                    ),
                ],
            )
        })
    };
    let today = time::OffsetDateTime::now_utc().date();
    Ok(ReportPage {
        frame: Frame::new(
            viewer,
            format!("{heading} {org_name} — {}", ui.text(&ctx.tree.plan.name)),
            Nav::None,
        ),
        plan_nav: PlanNav::new(
            ui,
            ctx.code(),
            &ctx.tree.plan.name,
            ctx.tree.plan.status.as_str(),
            "reports",
        ),
        heading,
        dates: period_dates(ui, p),
        period,
        org_name,
        org_code: org_code.clone(),
        status_key: status_key(report.status),
        status_class: status_class(report.status),
        locked: report.status == ReportStatus::Approved,
        due: ui.date_text(&report.due),
        overdue: report.overdue,
        begun: p.start <= today,
        review_comment: report
            .review_comment
            .clone()
            .filter(|c| !c.trim().is_empty()),
        returned: report.status == ReportStatus::Returned,
        submitted: who_when(&report.submitted_by, &report.submitted_at),
        reviewed: who_when(&report.reviewed_by, &report.reviewed_at),
        mode,
        notice,
        problems: overlay.problems,
        current,
        other,
        other_count,
        version: report.version,
        action: format!("/plans/{}/reports/{}?org={org_code}", ctx.code(), p.id),
        review_text: overlay.review_text,
        review_problem: overlay.review_problem,
        parties: ctx
            .tree
            .parties
            .iter()
            .filter(|o| o.id != org)
            .map(|o| PartyLink {
                name: o.name.clone(),
                href: format!(
                    "/plans/{}/reports/{}?org={}",
                    ctx.code(),
                    p.id,
                    o.code.as_str()
                ),
            })
            .collect(),
        back: format!("/plans/{}/reports", ctx.code()),
        any,
    })
}

/// Lays out the indicators a party reports, by milestone and activity.
struct Builder<'a> {
    ui: Ui,
    tree: &'a PlanTree,
    code: &'a str,
    period: &'a Period,
    org: OrgId,
    report: &'a ReportView,
    theirs: &'a [(String, ActualView)],
    editing: bool,
    overlay: &'a Overlay,
    next: usize,
    /// The form's number of each line, by indicator and breakdown (`+` for a new one).
    numbers: HashMap<(String, String), usize>,
}

impl Builder<'_> {
    /// The sections of this quarter's activities, the sections of the others, and whether the
    /// party reports any indicator at all.
    fn sections(&mut self) -> (Vec<Section>, Vec<Section>, bool) {
        let ui = self.ui;
        let tree = self.tree;
        let seq = self.period.seq;
        let (mut current, mut other) = (vec![], vec![]);
        let (mut open_current, mut open_other) = (None, None);
        let mut any = false;
        for m in &tree.milestones {
            let m_heading = ui.targs(
                "reporting-milestone-heading",
                &[
                    ("n", &ui.int(i64::from(m.number))),
                    ("title", ui.text(&m.title)),
                ],
            );
            for a in tree.activities_of(m.id) {
                let mut found = vec![];
                for r in tree.results_of_activity(a.id) {
                    collect(tree, r, &mut found);
                }
                let found: Vec<_> = found.into_iter().filter(|(_, i)| self.applies(i)).collect();
                if found.is_empty() {
                    continue;
                }
                any = true;
                let has_value = found.iter().any(|(_, i)| self.has_value(i));
                let this_quarter = a.planned.contains(seq)
                    || a.actual_start
                        .is_some_and(|s| s <= seq && a.actual_end.is_none_or(|e| seq <= e))
                    || has_value;
                if !self.editing && !this_quarter {
                    // Read only: other activities show only what was reported (nothing here).
                    continue;
                }
                let blocks: Vec<Block> =
                    found.iter().map(|(node, i)| self.block(node, i)).collect();
                let (list, opened) = if this_quarter {
                    (&mut current, &mut open_current)
                } else {
                    (&mut other, &mut open_other)
                };
                let milestone = if *opened == Some(m.id) {
                    None
                } else {
                    *opened = Some(m.id);
                    Some(m_heading.clone())
                };
                list.push(Section {
                    milestone,
                    activity: Some(ui.targs(
                        "reporting-activity-heading",
                        &[("n", &a.display_number()), ("title", ui.text(&a.title))],
                    )),
                    activity_href: Some(format!("/plans/{}/activities/{}", self.code, a.id)),
                    blocks,
                });
            }
        }
        // Results of the plan as a whole (impact, overall outcomes).
        let mut found = vec![];
        for r in tree.plan_results() {
            collect(tree, r, &mut found);
        }
        let found: Vec<_> = found.into_iter().filter(|(_, i)| self.applies(i)).collect();
        let blocks: Vec<Block> = found.iter().map(|(node, i)| self.block(node, i)).collect();
        if !blocks.is_empty() {
            any = true;
            current.push(Section {
                milestone: Some(ui.t("reporting-plan-results")),
                activity: None,
                activity_href: None,
                blocks,
            });
        }
        (current, other, any)
    }

    /// Whether the party reports this indicator (the indicator names it, or names no one).
    fn applies(&self, i: &Indicator) -> bool {
        i.responsible.is_empty() || i.responsible.contains(&self.org)
    }

    fn has_value(&self, i: &Indicator) -> bool {
        self.report.actuals.iter().any(|a| a.indicator_id == i.id)
    }

    fn block(&mut self, node: &ResultNode, i: &Indicator) -> Block {
        let ui = self.ui;
        let numeric = i.measure.is_numeric();
        let mine: Vec<&ActualView> = self
            .report
            .actuals
            .iter()
            .filter(|a| a.indicator_id == i.id)
            .collect();
        let theirs: Vec<&(String, ActualView)> = self
            .theirs
            .iter()
            .filter(|(_, a)| a.indicator_id == i.id)
            .collect();
        // The breakdowns the indicator is known by: its total, those of its baselines and
        // targets, and those already reported.
        let mut combos: Vec<Dimensions> = vec![Dimensions::new()];
        let targets: Vec<_> = self
            .tree
            .values
            .iter()
            .filter(|v| v.indicator_id == i.id && v.kind == ValueKind::Target)
            .collect();
        for d in i
            .baselines
            .iter()
            .map(|b| &b.dimensions)
            .chain(targets.iter().map(|v| &v.dimensions))
            .chain(mine.iter().map(|a| &a.dimensions))
        {
            if !combos.contains(d) {
                combos.push(d.clone());
            }
        }
        combos.retain(|d| !theirs.iter().any(|(_, a)| &a.dimensions == d));
        let mut rows = vec![];
        for d in &combos {
            let saved = mine.iter().find(|a| &a.dimensions == d).copied();
            if !self.editing && saved.is_none() {
                continue;
            }
            let key = (i.id.to_string(), dims_key(d));
            let typed = self.overlay.rows.get(&key);
            rows.push(self.row(i, d, saved, typed));
        }
        let new_row = self.editing.then(|| {
            let typed = self.overlay.rows.get(&(i.id.to_string(), "+".to_owned()));
            let n = self.next;
            self.next += 1;
            self.numbers.insert((i.id.to_string(), "+".to_owned()), n);
            Row {
                n,
                indicator: i.id.to_string(),
                dims: String::new(),
                dims_label: String::new(),
                breakdown: true,
                breakdown_text: typed.and_then(|t| t.breakdown.clone()).unwrap_or_default(),
                value: typed.map(|t| t.value.clone()).unwrap_or_default(),
                comment: typed.map(|t| t.comment.clone()).unwrap_or_default(),
                evidence: typed.map(|t| t.evidence.clone()).unwrap_or_default(),
                reported: String::new(),
                problem: typed.and_then(|t| t.problem.clone()),
            }
        });
        let period_targets: Vec<String> = targets
            .iter()
            .filter(|v| v.period_id == self.period.id)
            .map(|v| {
                let value = shown(ui, i.measure, &v.value.as_text());
                if v.dimensions.is_empty() {
                    value
                } else {
                    format!("{} {value}", dims_label(ui, &v.dimensions))
                }
            })
            .collect();
        let unit = i.unit.clone().unwrap_or_default();
        let measure = ui.t(format!("reporting-measure-{}", i.measure.as_str()));
        Block {
            id: i.id.to_string(),
            code: i.code.clone(),
            statement: ui.text(&i.statement).to_owned(),
            href: format!("/plans/{}/indicators/{}", self.code, i.id),
            result: ui.targs(
                "reporting-result-line",
                &[
                    (
                        "level",
                        &ui.t(format!("reporting-level-{}", node.level.as_str())),
                    ),
                    ("title", ui.text(&node.title)),
                ],
            ),
            measure: ui.targs(
                "reporting-measure-line",
                &[
                    ("measure", &measure),
                    (
                        "frequency",
                        &ui.t(format!("reporting-frequency-{}", frequency(i))),
                    ),
                ],
            ),
            unit,
            target: (!period_targets.is_empty()).then(|| {
                ui.targs(
                    "reporting-target-line",
                    &[
                        ("period", &period_name(ui, self.period)),
                        ("value", &period_targets.join("; ")),
                    ],
                )
            }),
            numeric,
            rows,
            new_row,
            theirs: theirs
                .iter()
                .map(|(org, a)| Theirs {
                    org: org.clone(),
                    dims_label: dims_label(ui, &a.dimensions),
                    value: shown(ui, i.measure, &a.value),
                })
                .collect(),
        }
    }

    fn row(
        &mut self,
        i: &Indicator,
        d: &Dimensions,
        saved: Option<&ActualView>,
        typed: Option<&Typed>,
    ) -> Row {
        let ui = self.ui;
        let n = self.next;
        self.next += 1;
        self.numbers.insert((i.id.to_string(), dims_key(d)), n);
        let (value, comment, evidence) = match (typed, saved) {
            (Some(t), _) => (t.value.clone(), t.comment.clone(), t.evidence.clone()),
            (None, Some(a)) => (
                if self.editing {
                    if i.measure.is_numeric() {
                        editable_number(ui.lang, &a.value)
                    } else {
                        a.value.clone()
                    }
                } else {
                    shown(ui, i.measure, &a.value)
                },
                ui.text(&a.comment).to_owned(),
                a.evidence.clone().unwrap_or_default(),
            ),
            (None, None) => Default::default(),
        };
        Row {
            n,
            indicator: i.id.to_string(),
            dims: dims_key(d),
            dims_label: dims_label(ui, d),
            breakdown: false,
            breakdown_text: String::new(),
            value,
            comment,
            evidence,
            reported: saved
                .and_then(|a| {
                    a.reported_by.as_ref().map(|b| {
                        ui.targs(
                            "reporting-by-on",
                            &[
                                ("who", b),
                                (
                                    "date",
                                    &a.reported_at
                                        .as_deref()
                                        .map(|t| ui.date_text(t))
                                        .unwrap_or_default(),
                                ),
                            ],
                        )
                    })
                })
                .unwrap_or_default(),
            problem: typed.and_then(|t| t.problem.clone()),
        }
    }
}

/// The indicators under a result node and its descendants, in the framework's order.
fn collect<'t>(
    tree: &'t PlanTree,
    node: &'t ResultNode,
    out: &mut Vec<(&'t ResultNode, &'t Indicator)>,
) {
    for i in tree.indicators_of(node.id) {
        out.push((node, i));
    }
    for child in tree.results_under(node.id) {
        collect(tree, child, out);
    }
}

/// A stored value for reading: numbers in the page's digits and separators.
fn shown(ui: Ui, measure: Measure, stored: &str) -> String {
    if measure.is_numeric() {
        ui.num(stored)
    } else {
        stored.to_owned()
    }
}

/// `POST /plans/{code}/reports/{period}`: `action` is `save` or `submit` (the reporter's form)
/// or `approve` or `return` (the reviewer's).
pub(super) async fn post(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, period)): Path<(String, String)>,
    Query(q): Query<ReportQuery>,
    Posted(fields): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    if !viewer.may_write() {
        return Err(PageError::Forbidden(ui.lang));
    }
    let ctx = open(&state, &viewer, &code).await?;
    let form: HashMap<String, String> = fields.into_iter().collect();
    let field = |name: &str| form.get(name).map(String::as_str).unwrap_or("");
    let version: i64 = field("version")
        .trim()
        .parse()
        .map_err(|_| PageError::Bad(ui.lang, ui.t("reporting-bad-form")))?;
    match field("action") {
        "save" | "submit" => {
            let org = ctx
                .viewer_party(&viewer)
                .ok_or(PageError::Forbidden(ui.lang))?;
            let (p, _) = target(&ctx, &viewer, &period, "")?;
            actuals(
                &state,
                &viewer,
                &ctx,
                &p,
                org,
                version,
                &form,
                field("action") == "submit",
            )
            .await
        }
        "approve" | "return" => {
            let org_ref = if q.org.is_empty() {
                field("org").to_owned()
            } else {
                q.org.clone()
            };
            if org_ref.trim().is_empty() {
                return Err(PageError::NotFound(ui.lang));
            }
            let (p, org) = target(&ctx, &viewer, &period, &org_ref)?;
            review(
                &state,
                &viewer,
                &ctx,
                &p,
                org,
                version,
                field("action") == "approve",
                field("comment"),
            )
            .await
        }
        _ => Err(PageError::Bad(ui.lang, ui.t("reporting-bad-form"))),
    }
}

/// Saves the reporter's actuals, all or nothing, and submits them when asked.
#[expect(
    clippy::too_many_arguments,
    reason = "saving names the plan, period, party, version, the form and the step"
)]
async fn actuals(
    state: &AppState,
    viewer: &Viewer,
    ctx: &PlanCtx,
    p: &Period,
    org: OrgId,
    version: i64,
    form: &HashMap<String, String>,
    submit: bool,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    let store = &state.store;
    let period_ref = p.id.to_string();
    let before = reports::get(store, &viewer.actor, ctx.id, &period_ref, org)
        .await
        .map_err(|e| viewer.fail(e))?;
    if !before.status.editable() {
        // Submitted (under review) or approved (locked): nothing to save.
        return Err(PageError::Forbidden(ui.lang));
    }
    let mut overlay = Overlay::default();
    let mut inputs = vec![];
    let mut keys = vec![];
    // The lines posted, by their number on the form (`r12.indicator`…), in order.
    let mut lines: Vec<usize> = form
        .keys()
        .filter_map(|k| {
            k.strip_prefix('r')?
                .strip_suffix(".indicator")?
                .parse()
                .ok()
        })
        .collect();
    lines.sort_unstable();
    if lines.len() > MAX_ROWS {
        return Err(PageError::Bad(ui.lang, ui.t("reporting-bad-form")));
    }
    for n in lines {
        let get = |f: &str| form.get(&format!("r{n}.{f}")).cloned();
        let Some(indicator) = get("indicator") else {
            continue;
        };
        let mut t = Typed {
            indicator,
            dims: get("dims").unwrap_or_default(),
            breakdown: get("breakdown"),
            value: get("value").unwrap_or_default(),
            comment: get("comment").unwrap_or_default(),
            evidence: get("evidence").unwrap_or_default(),
            problem: None,
        };
        let Some(ind) = ctx
            .tree
            .indicators
            .iter()
            .find(|i| i.id.to_string() == t.indicator)
        else {
            overlay.problems.push(Problem::general(
                "report-form",
                ui.t("reporting-problem-no-indicator"),
            ));
            continue;
        };
        let what = ui.targs(
            "reporting-problem-where",
            &[("code", &ind.code), ("statement", ui.text(&ind.statement))],
        );
        let blank = t.value.trim().is_empty();
        let dims = match &t.breakdown {
            Some(b) if b.trim().is_empty() && blank => {
                if !t.comment.trim().is_empty() || !t.evidence.trim().is_empty() {
                    t.problem = Some(ui.t("reporting-problem-needs-value"));
                }
                None
            }
            Some(b) if b.trim().is_empty() => {
                t.problem = Some(ui.t("reporting-problem-breakdown-missing"));
                None
            }
            Some(b) => match parse_dims(b) {
                Ok(d) => Some(d),
                Err(()) => {
                    t.problem = Some(ui.t("reporting-problem-breakdown"));
                    None
                }
            },
            None => parse_dims(&t.dims).ok(),
        };
        if let Some(d) = dims {
            let saved = before
                .actuals
                .iter()
                .find(|a| a.indicator_id == ind.id && a.dimensions == d);
            if blank {
                if saved.is_some() {
                    t.problem = Some(ui.t("reporting-problem-cleared"));
                } else if !t.comment.trim().is_empty() || !t.evidence.trim().is_empty() {
                    t.problem = Some(ui.t("reporting-problem-needs-value"));
                }
            } else {
                let value = if ind.measure.is_numeric() {
                    typed_number(ui.lang, ind.measure, &t.value)
                } else {
                    t.value.trim().to_owned()
                };
                // The core's rule, read here only to say it in the reader's language next to
                // the field; the store applies it again.
                match Value::parse(ind.measure, &value) {
                    Err(_) => t.problem = Some(number_problem(ui, ind, &t.value)),
                    Ok(_) => {
                        let mut comment = saved
                            .map(|a| a.comment.clone())
                            .unwrap_or_else(Text::default);
                        let typed_comment = t.comment.trim();
                        if typed_comment != comment.best(ui.lang).trim() {
                            comment.set(ui.lang, typed_comment);
                        }
                        let evidence = t.evidence.trim();
                        inputs.push(ActualInput {
                            indicator: ind.id,
                            value,
                            dimensions: d,
                            comment,
                            evidence: (!evidence.is_empty()).then(|| evidence.to_owned()),
                        });
                        keys.push((t.key(), what.clone()));
                    }
                }
            }
        } else if t.breakdown.is_none() {
            t.problem = Some(ui.t("reporting-problem-breakdown"));
        }
        if let Some(problem) = &t.problem {
            overlay.problems.push(Problem {
                anchor: String::new(),
                text: format!("{what} — {problem}"),
                row: Some((
                    t.key(),
                    if problem_on_breakdown(&t) {
                        "breakdown"
                    } else {
                        "value"
                    },
                )),
            });
        }
        overlay.rows.insert(t.key(), t);
    }
    if !overlay.problems.is_empty() {
        return reshow(state, viewer, ctx, p, org, &before, overlay).await;
    }
    let mut version = version;
    if !inputs.is_empty() {
        match reports::save_actuals(store, &viewer.actor, ctx.id, &period_ref, version, inputs)
            .await
        {
            Ok(after) => version = after.version,
            Err(StoreError::Invalid(invalid)) => {
                for problem in invalid.0 {
                    let found = index_of(&problem.field).and_then(|i| keys.get(i));
                    let message = store_problem(ui, &problem.field, &problem.message);
                    match found {
                        Some((key, what)) => {
                            if let Some(t) = overlay.rows.get_mut(key) {
                                t.problem = Some(message.clone());
                            }
                            let field = if problem.field.ends_with(".evidence") {
                                "evidence"
                            } else {
                                "value"
                            };
                            overlay.problems.push(Problem {
                                anchor: String::new(),
                                text: format!("{what} — {message}"),
                                row: Some((key.clone(), field)),
                            });
                        }
                        None => overlay
                            .problems
                            .push(Problem::general("report-form", message)),
                    }
                }
                return reshow(state, viewer, ctx, p, org, &before, overlay).await;
            }
            Err(e) => return Err(viewer.fail(e)),
        }
    }
    if submit {
        match reports::step(
            store,
            &viewer.actor,
            ctx.id,
            &period_ref,
            org,
            ReportStep::Submit,
            None,
            version,
        )
        .await
        {
            Ok(_) => {}
            Err(StoreError::Invalid(invalid)) => {
                for problem in invalid.0 {
                    overlay.problems.push(Problem::general(
                        "report-form",
                        ui.ta("reporting-problem-submit", "reason", &problem.message),
                    ));
                }
                let now = reports::get(store, &viewer.actor, ctx.id, &period_ref, org)
                    .await
                    .map_err(|e| viewer.fail(e))?;
                return reshow(state, viewer, ctx, p, org, &now, overlay).await;
            }
            Err(e) => return Err(viewer.fail(e)),
        }
    }
    let done = if submit { "submitted" } else { "saved" };
    Ok(see_other(&format!(
        "/plans/{}/reports/{}?done={done}",
        ctx.code(),
        p.id
    )))
}

/// Whether a line's problem is about its breakdown rather than its value.
fn problem_on_breakdown(t: &Typed) -> bool {
    t.breakdown
        .as_ref()
        .is_some_and(|b| b.trim().is_empty() || parse_dims(b).is_err())
        && !t.value.trim().is_empty()
}

/// `actuals[3].value` → 3.
fn index_of(field: &str) -> Option<usize> {
    field
        .strip_prefix("actuals[")?
        .split(']')
        .next()?
        .parse()
        .ok()
}

/// A store's problem with an actual, in the reader's language when it is one we know.
fn store_problem(ui: Ui, field: &str, message: &str) -> String {
    if field.ends_with(".evidence") {
        ui.t("reporting-problem-evidence")
    } else if field.ends_with(".dimensions") {
        ui.t("reporting-problem-breakdown")
    } else {
        message.to_owned()
    }
}

/// "“N/A” is not a number…" for an indicator.
fn number_problem(ui: Ui, ind: &Indicator, typed: &str) -> String {
    ui.targs(
        "reporting-problem-number",
        &[
            ("value", typed.trim()),
            (
                "measure",
                &ui.t(format!("reporting-measure-{}", ind.measure.as_str())),
            ),
        ],
    )
}

/// The form again with its problems (422), keeping what was typed.
async fn reshow(
    state: &AppState,
    viewer: &Viewer,
    ctx: &PlanCtx,
    p: &Period,
    org: OrgId,
    report: &ReportView,
    overlay: Overlay,
) -> Result<Response, PageError> {
    let page = page(state, viewer, ctx, p, org, report, None, overlay).await?;
    Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
}

/// Approves another party's submitted report, or returns it with a comment.
#[expect(
    clippy::too_many_arguments,
    reason = "a review names the plan, period, party, version, decision and comment"
)]
async fn review(
    state: &AppState,
    viewer: &Viewer,
    ctx: &PlanCtx,
    p: &Period,
    org: OrgId,
    version: i64,
    approve: bool,
    comment: &str,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    let store = &state.store;
    let period_ref = p.id.to_string();
    let comment = comment.trim();
    let mut overlay = Overlay {
        review_text: comment.to_owned(),
        ..Overlay::default()
    };
    if !approve && comment.is_empty() {
        let problem = ui.t("reporting-problem-return-comment");
        overlay
            .problems
            .push(Problem::general("review-comment", problem.clone()));
        overlay.review_problem = Some(problem);
    } else {
        let step = if approve {
            ReportStep::Approve
        } else {
            ReportStep::Return
        };
        let said = (!comment.is_empty()).then(|| comment.to_owned());
        match reports::step(
            store,
            &viewer.actor,
            ctx.id,
            &period_ref,
            org,
            step,
            said,
            version,
        )
        .await
        {
            Ok(_) => {
                let code = ctx
                    .tree
                    .parties
                    .iter()
                    .find(|o| o.id == org)
                    .map(|o| o.code.as_str().to_owned())
                    .unwrap_or_default();
                let done = if approve { "approved" } else { "returned" };
                return Ok(see_other(&format!(
                    "/plans/{}/reports/{}?org={code}&done={done}",
                    ctx.code(),
                    p.id
                )));
            }
            Err(StoreError::Invalid(invalid)) => {
                for problem in invalid.0 {
                    let text = ui.ta("reporting-problem-review", "reason", &problem.message);
                    overlay.review_problem = Some(text.clone());
                    overlay
                        .problems
                        .push(Problem::general("review-comment", text));
                }
            }
            Err(e) => return Err(viewer.fail(e)),
        }
    }
    let report = reports::get(store, &viewer.actor, ctx.id, &period_ref, org)
        .await
        .map_err(|e| viewer.fail(e))?;
    reshow(state, viewer, ctx, p, org, &report, overlay).await
}

//! `GET /plans/{code}`: the plan at a glance — its status and dates, its parties with their
//! roles and whether each has endorsed the current framework version, the quarters of its
//! calendar, each milestone's progress (share of its activities completed), the RBM quality
//! checks of SPEC §2 ([`handover_core::quality`]) and who leads which activity this quarter.

use super::{PlanCtx, isolate, number_of, open, period_name, today};
use crate::AppState;
use crate::i18n::Ui;
use crate::pages::{Frame, Nav, PageError, PlanNav, Viewer, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use handover_core::ids::{ActivityId, OrgId, PeriodId, ResultId};
use handover_core::plan::{Activity, ProgressStatus, ResultParent};
use handover_core::quality::{self, Check, Finding, Subject};
use handover_core::reporting::due_date;
use handover_store::cycle::endorsements::{self, EndorsementState};
use handover_store::cycle::reports;

/// A plain fact about the plan.
#[derive(Debug)]
struct Fact {
    key: &'static str,
    value: String,
}

/// A party of the plan.
#[derive(Debug)]
struct PartyRow {
    name: String,
    code: String,
    role_key: &'static str,
    region: String,
    /// `Signed by … on …` for the current framework version, empty while awaited.
    signed: String,
}

/// A quarter of the calendar.
#[derive(Debug)]
struct QuarterRow {
    name: String,
    start: String,
    end: String,
    due: String,
    current: bool,
}

/// A milestone and its progress.
#[derive(Debug)]
struct MilestoneRow {
    number: String,
    title: String,
    total: i64,
    completed: i64,
    percent: String,
    /// How many of its activities are in each progress state, in words.
    breakdown: String,
}

/// One item a quality check names.
#[derive(Debug)]
struct QualityItem {
    /// A code or number (`1.1.1`, `7`), possibly empty.
    code: String,
    label: String,
    /// Where it sits (`Activity 7 · Output`), possibly empty.
    context: String,
    href: String,
}

/// The findings of one check.
#[derive(Debug)]
struct QualityGroup {
    /// The check's name with its count.
    summary: String,
    /// Why it matters.
    why: String,
    items: Vec<QualityItem>,
}

/// An activity of the current quarter and who leads it.
#[derive(Debug)]
struct LeadRow {
    number: String,
    title: String,
    href: String,
    status_key: String,
    lead: String,
    kind_key: &'static str,
}

/// Who leads what now.
#[derive(Debug)]
struct LeadsNow {
    /// `Q3: 1 July 2027 – 30 September 2027`; empty once the calendar has ended.
    heading: String,
    /// The catalogue key of a note about the quarter shown (not started yet, ended).
    note: Option<&'static str>,
    rows: Vec<LeadRow>,
    local_authority: String,
    joint: String,
    partners: String,
}

#[derive(Template)]
#[template(path = "pages/plan/overview.html")]
struct OverviewPage {
    frame: Frame,
    plan_nav: PlanNav,
    facts: Vec<Fact>,
    parties: Vec<PartyRow>,
    quarters: Vec<QuarterRow>,
    endorsement: EndorsementState,
    framework_version: String,
    awaiting: String,
    milestones: Vec<MilestoneRow>,
    quality: Vec<QualityGroup>,
    leads: LeadsNow,
}

pub(crate) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let ctx = open(&state, &viewer, &code).await?;
    let ui = viewer.ui;
    let store = &state.store;
    let endorsement = endorsements::state(store, &viewer.actor, ctx.id)
        .await
        .map_err(|e| viewer.fail(e))?;
    let overdue: Vec<(PeriodId, OrgId)> = reports::list(store, &viewer.actor, ctx.id)
        .await
        .map_err(|e| viewer.fail(e))?
        .iter()
        .filter(|r| r.overdue)
        .map(|r| (r.period_id, r.organisation_id))
        .collect();
    let findings = quality::check(&ctx.tree, &overdue);
    let plan = &ctx.tree.plan;
    let title = ui.text(&plan.name).to_owned();
    let page = OverviewPage {
        frame: Frame::new(&viewer, title, Nav::Portfolio),
        plan_nav: PlanNav::new(ui, ctx.code(), &plan.name, plan.status.as_str(), "overview"),
        facts: facts(ui, &ctx),
        parties: parties(ui, &ctx, &endorsement),
        quarters: quarters(ui, &ctx),
        framework_version: ui.int(endorsement.framework_version),
        awaiting: ctx.names(&endorsement.awaiting, ", "),
        endorsement,
        milestones: milestones(ui, &ctx),
        quality: quality_groups(ui, &ctx, &findings),
        leads: leads_now(ui, &ctx),
    };
    Ok(render(&page))
}

fn facts(ui: Ui, ctx: &PlanCtx) -> Vec<Fact> {
    let plan = &ctx.tree.plan;
    let mut out = vec![
        Fact {
            key: "plan-fact-code",
            value: plan.code.as_str().to_owned(),
        },
        Fact {
            key: "plan-fact-kind",
            value: ui.t(format!("plan-kind-{}", plan.kind.as_str())),
        },
        Fact {
            key: "plan-fact-start",
            value: ui.date(plan.start.date()),
        },
    ];
    if let Some(last) = ctx.tree.periods.iter().max_by_key(|p| p.seq) {
        out.push(Fact {
            key: "plan-fact-end",
            value: ui.date(last.end),
        });
    }
    out.push(Fact {
        key: "plan-fact-quarters",
        value: ui.int(i64::from(plan.quarters)),
    });
    out.push(Fact {
        key: "plan-fact-currency",
        value: plan.currency.to_string(),
    });
    out.push(Fact {
        key: "plan-fact-report-due",
        value: ui.tn("plan-n-days-after-quarter", i64::from(plan.report_due_days)),
    });
    if let Some(t) = &plan.template_code {
        out.push(Fact {
            key: "plan-fact-template",
            value: t.clone(),
        });
    }
    out
}

fn parties(ui: Ui, ctx: &PlanCtx, state: &EndorsementState) -> Vec<PartyRow> {
    ctx.tree
        .parties
        .iter()
        .map(|o| {
            let signed = state
                .history
                .iter()
                .rev()
                .find(|e| {
                    e.organisation_id == o.id && e.framework_version == state.framework_version
                })
                .map(|e| {
                    ui.targs(
                        "plan-signed-by",
                        &[
                            ("name", &isolate(&e.signed_by)),
                            ("date", &ui.date(e.signed_at.date())),
                        ],
                    )
                })
                .unwrap_or_default();
            PartyRow {
                name: o.name.clone(),
                code: o.code.as_str().to_owned(),
                role_key: ctx.role_key(o.id),
                region: o.region.clone().unwrap_or_default(),
                signed,
            }
        })
        .collect()
}

fn quarters(ui: Ui, ctx: &PlanCtx) -> Vec<QuarterRow> {
    let today = today();
    let due_days = ctx.tree.plan.report_due_days;
    ctx.tree
        .periods
        .iter()
        .map(|p| QuarterRow {
            name: period_name(ui, p),
            start: ui.date(p.start),
            end: ui.date(p.end),
            due: ui.date(due_date(p.end, due_days)),
            current: p.start <= today && today <= p.end,
        })
        .collect()
}

/// `Not started: 4 · Started: 2 · …` for a set of activities (states with none left out).
fn breakdown(ui: Ui, activities: &[&Activity]) -> String {
    ProgressStatus::ALL
        .iter()
        .filter_map(|s| {
            let n = activities.iter().filter(|a| a.status == *s).count() as i64;
            (n > 0).then(|| {
                ui.targs(
                    "plan-status-count",
                    &[("status", &ui.t(progress_key(*s))), ("count", &ui.int(n))],
                )
            })
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The catalogue key of an activity's progress status.
pub(in crate::pages) fn progress_key(s: ProgressStatus) -> String {
    format!("plan-progress-{}", s.as_str())
}

fn milestones(ui: Ui, ctx: &PlanCtx) -> Vec<MilestoneRow> {
    ctx.tree
        .milestones
        .iter()
        .map(|m| {
            let acts: Vec<&Activity> = ctx.tree.activities_of(m.id).collect();
            let total = acts.len() as i64;
            let completed = acts
                .iter()
                .filter(|a| a.status == ProgressStatus::Completed)
                .count() as i64;
            let share = if total > 0 {
                completed as f64 / total as f64
            } else {
                0.0
            };
            MilestoneRow {
                number: ui.int(i64::from(m.number)),
                title: ui.text(&m.title).to_owned(),
                total,
                completed,
                percent: ui.percent(share),
                breakdown: breakdown(ui, &acts),
            }
        })
        .collect()
}

/// The activity a result node hangs under, at any depth.
fn activity_of(ctx: &PlanCtx, mut r: ResultId) -> Option<ActivityId> {
    for _ in 0..64 {
        match ctx.tree.results.iter().find(|n| n.id == r)?.parent {
            ResultParent::Activity(a) => return Some(a),
            ResultParent::Result(p) => r = p,
            ResultParent::Plan => return None,
        }
    }
    None
}

fn activity_href(ctx: &PlanCtx, a: ActivityId) -> String {
    format!("/plans/{}/activities/{a}", ctx.code())
}

fn activity_context(ui: Ui, ctx: &PlanCtx, a: Option<ActivityId>) -> String {
    a.and_then(|a| ctx.tree.activities.iter().find(|x| x.id == a))
        .map(|a| ui.ta("plan-activity-n", "number", &number_of(ui, a)))
        .unwrap_or_default()
}

fn item(ui: Ui, ctx: &PlanCtx, f: &Finding) -> Option<QualityItem> {
    let tree = &ctx.tree;
    let framework = format!("/plans/{}/framework", ctx.code());
    match f.subject {
        Subject::Plan => None,
        Subject::Result(r) => {
            let node = tree.results.iter().find(|n| n.id == r)?;
            let activity = activity_of(ctx, r);
            Some(QualityItem {
                code: String::new(),
                label: ui.text(&node.title).to_owned(),
                context: activity_context(ui, ctx, activity),
                href: activity.map_or(framework, |a| activity_href(ctx, a)),
            })
        }
        Subject::Indicator(i) => {
            let ind = tree.indicators.iter().find(|x| x.id == i)?;
            Some(QualityItem {
                code: ind.code.clone(),
                label: ui.text(&ind.statement).to_owned(),
                context: activity_context(ui, ctx, activity_of(ctx, ind.result_id)),
                href: format!("/plans/{}/indicators/{i}", ctx.code()),
            })
        }
        Subject::Activity(a) => {
            let act = tree.activities.iter().find(|x| x.id == a)?;
            Some(QualityItem {
                code: number_of(ui, act),
                label: ui.text(&act.title).to_owned(),
                context: String::new(),
                href: activity_href(ctx, a),
            })
        }
        Subject::Report {
            period,
            organisation,
        } => {
            let p = tree.periods.iter().find(|x| x.id == period)?;
            Some(QualityItem {
                code: period_name(ui, p),
                label: tree.party_name(organisation),
                context: String::new(),
                href: format!("/plans/{}/reports/{period}", ctx.code()),
            })
        }
    }
}

/// The catalogue key of a check's name (with a count) and of why it matters.
pub(in crate::pages) fn check_keys(c: Check) -> (String, String) {
    (
        format!("plan-check-{}", c.as_str().replace('_', "-")),
        format!("plan-check-{}-why", c.as_str().replace('_', "-")),
    )
}

fn quality_groups(ui: Ui, ctx: &PlanCtx, findings: &[Finding]) -> Vec<QualityGroup> {
    Check::ALL
        .iter()
        .filter_map(|c| {
            let mine: Vec<&Finding> = findings.iter().filter(|f| f.check == *c).collect();
            if mine.is_empty() {
                return None;
            }
            let (name, why) = check_keys(*c);
            Some(QualityGroup {
                summary: ui.tn(&name, mine.len() as i64),
                why: ui.t(&why),
                items: mine.iter().filter_map(|f| item(ui, ctx, f)).collect(),
            })
        })
        .collect()
}

/// The catalogue key of who leads: the local authority alone, jointly, partners, nobody.
fn lead_kind(ctx: &PlanCtx, parties: &[OrgId]) -> &'static str {
    let owner = ctx.tree.plan.owner;
    match (parties.contains(&owner), parties.len()) {
        (_, 0) => "plan-lead-none",
        (true, 1) => "plan-lead-local-authority",
        (true, _) => "plan-lead-joint",
        (false, _) => "plan-lead-partner",
    }
}

fn leads_now(ui: Ui, ctx: &PlanCtx) -> LeadsNow {
    let today = today();
    let periods = &ctx.tree.periods;
    let current = periods.iter().find(|p| p.start <= today && today <= p.end);
    let (period, note) = match current {
        Some(p) => (Some(p), None),
        None => match periods.iter().min_by_key(|p| p.seq) {
            Some(first) if today < first.start => (Some(first), Some("plan-leads-not-started")),
            _ => (None, Some("plan-leads-ended")),
        },
    };
    let mut out = LeadsNow {
        heading: String::new(),
        note,
        rows: vec![],
        local_authority: ui.int(0),
        joint: ui.int(0),
        partners: ui.int(0),
    };
    let Some(p) = period else {
        return out;
    };
    out.heading = ui.targs(
        "plan-leads-quarter",
        &[
            ("quarter", &period_name(ui, p)),
            ("start", &ui.date(p.start)),
            ("end", &ui.date(p.end)),
        ],
    );
    let q = p.seq;
    let (mut la, mut joint, mut partners) = (0, 0, 0);
    for a in ctx.tree.activities.iter().filter(|a| a.planned.contains(q)) {
        let parties: Vec<OrgId> = a
            .leads
            .iter()
            .find(|l| l.quarter == q)
            .map(|l| l.parties.clone())
            .unwrap_or_default();
        let kind = lead_kind(ctx, &parties);
        match kind {
            "plan-lead-local-authority" => la += 1,
            "plan-lead-joint" => joint += 1,
            "plan-lead-partner" => partners += 1,
            _ => {}
        }
        out.rows.push(LeadRow {
            number: number_of(ui, a),
            title: ui.text(&a.title).to_owned(),
            href: activity_href(ctx, a.id),
            status_key: progress_key(a.status),
            lead: ctx.names(&parties, " + "),
            kind_key: kind,
        });
    }
    out.local_authority = ui.int(la);
    out.joint = ui.int(joint);
    out.partners = ui.int(partners);
    out
}

//! `GET /plans/{code}/budget/compare?a=&b=`: two versions of the budget side by side (`a` the
//! earlier, `b` the later; each a version's number, name or id, or `current` for the cost lines
//! as they stand): the lines added, removed and changed — every field of a changed line before
//! and after, the changed ones marked in words as well as by emphasis — and the totals per
//! funding party before, after and their difference, in each line's own currency.

use super::money::{exact, sum};
use super::{PlanBudget, category_label, open, quarter, title, unit_label};
use crate::AppState;
use crate::i18n::Ui;
use crate::pages::{Frame, Nav, PageError, PlanNav, Viewer, render};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use handover_core::finance::Sum;
use handover_core::finance::cost_line::CostLine;
use handover_core::finance::version::compare;
use handover_store::finance::versions;
use serde::Deserialize;

/// The fields compared, in the order shown.
pub(super) const CHANGED: &[&str] = &[
    "activity",
    "category",
    "description",
    "unit",
    "unit_price",
    "currency",
    "funder",
    "quantities",
];

/// One field of a changed line.
#[derive(Debug)]
struct FieldRow {
    label: String,
    before: String,
    after: String,
    changed: bool,
}

/// A changed line.
#[derive(Debug)]
struct Change {
    id: String,
    title: String,
    fields: Vec<FieldRow>,
}

/// An added or removed line.
#[derive(Debug)]
struct LineRow {
    activity: String,
    description: String,
    category: String,
    amount: String,
}

/// A party's totals.
#[derive(Debug)]
struct PartyRow {
    party: String,
    before: Vec<String>,
    after: Vec<String>,
    difference: Vec<String>,
}

#[derive(Template)]
#[template(path = "pages/finance/compare.html")]
struct ComparePage {
    frame: Frame,
    plan_nav: PlanNav,
    code: String,
    sub: &'static str,
    earlier: String,
    later: String,
    counts: String,
    changed: Vec<Change>,
    added: Vec<LineRow>,
    removed: Vec<LineRow>,
    parties: Vec<PartyRow>,
    total: PartyRow,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct CompareQuery {
    #[serde(default)]
    a: String,
    #[serde(default)]
    b: String,
}

/// The lines of `which` (a version or `current`) and its name.
async fn lines_of(
    state: &AppState,
    viewer: &Viewer,
    plan: &PlanBudget,
    which: &str,
) -> Result<(Vec<CostLine>, String), PageError> {
    let ui = viewer.ui;
    if which == "current" {
        return Ok((plan.data.lines.clone(), ui.t("finance-current-budget")));
    }
    let v = versions::get(&state.store, &viewer.actor, plan.id, which)
        .await
        .map_err(|e| viewer.fail(e))?;
    let name = ui.targs(
        "finance-version-numbered",
        &[("number", &ui.int(v.number)), ("name", &v.name)],
    );
    Ok((v.lines, name))
}

/// Each field of a line in words, in the order of [`CHANGED`].
fn shown(ui: Ui, plan: &PlanBudget, l: &CostLine) -> Vec<String> {
    vec![
        plan.activity_label(ui, l.activity_id),
        category_label(ui, l.category),
        ui.text(&l.description).to_owned(),
        unit_label(ui, l.unit),
        exact(ui, &l.unit_price),
        l.currency.to_string(),
        plan.tree().party_name(l.funder),
        l.quantities
            .iter()
            .map(|(q, n)| {
                ui.targs(
                    "finance-quarter-quantity",
                    &[("quarter", &quarter(ui, q)), ("quantity", &exact(ui, &n))],
                )
            })
            .collect::<Vec<_>>()
            .join(", "),
    ]
}

fn line_row(ui: Ui, plan: &PlanBudget, l: &CostLine) -> LineRow {
    LineRow {
        activity: plan.activity_label(ui, l.activity_id),
        description: ui.text(&l.description).to_owned(),
        category: category_label(ui, l.category),
        amount: sum(ui, &Sum::of(l.amount(), &l.currency)).join(""),
    }
}

/// A difference with its sign (`+5,400.00 USD`, `-6,000.00 USD`).
fn signed(ui: Ui, s: &Sum) -> Vec<String> {
    s.0.iter()
        .map(|(c, a)| {
            let shown = sum(ui, &Sum::of(*a, c)).join("");
            if a.is_sign_positive() && !a.is_zero() {
                format!("+{shown}")
            } else {
                shown
            }
        })
        .collect()
}

/// `GET /plans/{code}/budget/compare`.
pub(super) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Query(q): Query<CompareQuery>,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    let plan = open(&state, &viewer, &code).await?;
    let a = match q.a.trim() {
        "" => plan
            .data
            .versions
            .first()
            .map(|v| v.number.to_string())
            .ok_or(PageError::NotFound(ui.lang))?,
        a => a.to_owned(),
    };
    let b = match q.b.trim() {
        "" => "current".to_owned(),
        b => b.to_owned(),
    };
    let (before, earlier) = lines_of(&state, &viewer, &plan, &a).await?;
    let (after, later) = lines_of(&state, &viewer, &plan, &b).await?;
    let c = compare(&before, &after);
    let changed = c
        .changed
        .iter()
        .map(|ch| {
            let (was, now) = (shown(ui, &plan, &ch.before), shown(ui, &plan, &ch.after));
            Change {
                id: ch.after.id.to_string(),
                title: ui.targs(
                    "finance-line-in",
                    &[
                        ("line", ui.text(&ch.after.description)),
                        ("activity", &plan.activity_label(ui, ch.after.activity_id)),
                    ],
                ),
                fields: CHANGED
                    .iter()
                    .enumerate()
                    .map(|(i, f)| FieldRow {
                        label: ui.t(format!("finance-field-{}", f.replace('_', "-"))),
                        before: was[i].clone(),
                        after: now[i].clone(),
                        changed: ch.fields.contains(f),
                    })
                    .collect(),
            }
        })
        .collect();
    let tree = plan.tree();
    let mut party_ids: Vec<_> = tree.parties.iter().map(|o| o.id).collect();
    party_ids.extend(
        c.by_party
            .keys()
            .filter(|o| !tree.parties.iter().any(|p| p.id == **o)),
    );
    let parties = party_ids
        .iter()
        .filter_map(|o| c.by_party.get(o).map(|t| (o, t)))
        .map(|(o, (b, a, d))| PartyRow {
            party: tree.party_name(*o),
            before: sum(ui, b),
            after: sum(ui, a),
            difference: signed(ui, d),
        })
        .collect();
    let total = PartyRow {
        party: ui.t("finance-grand-total"),
        before: sum(ui, &c.total_before),
        after: sum(ui, &c.total_after),
        difference: signed(ui, &c.total_after.minus(&c.total_before)),
    };
    let counts = ui.targs(
        "finance-compare-counts",
        &[
            ("added", &ui.int(c.added.len() as i64)),
            ("removed", &ui.int(c.removed.len() as i64)),
            ("changed", &ui.int(c.changed.len() as i64)),
            ("unchanged", &ui.int(c.unchanged as i64)),
        ],
    );
    let page = ComparePage {
        frame: Frame::new(
            &viewer,
            title(ui, &ui.t("finance-comparison"), &plan),
            Nav::None,
        ),
        plan_nav: plan.nav.clone(),
        code: plan.code().to_owned(),
        sub: "versions",
        earlier,
        later,
        counts,
        changed,
        added: c.added.iter().map(|l| line_row(ui, &plan, l)).collect(),
        removed: c.removed.iter().map(|l| line_row(ui, &plan, l)).collect(),
        parties,
        total,
    };
    Ok(render(&page))
}

//! `GET /plans/{code}/budget`: the budget — the conversion chooser; the totals by milestone,
//! activity, category, party, quarter and year in each line's own currency and converted (a
//! missing rate is named, pair, type and date, and the own-currency totals stay); the cost
//! lines by milestone and activity with their quantities per quarter; the cost sharing
//! (chart and table); the Agreement of Cooperation record; the links and the import form.

use super::chooser::{Chooser, ConversionQuery, choose};
use super::money::{exact, sum, sum_in};
use super::{
    PlanBudget, activity_label, category_label, missing_rate, open, quarter, title, unit_label,
    year,
};
use crate::AppState;
use crate::i18n::Ui;
use crate::pages::{Frame, Nav, PageError, PlanNav, Viewer, render};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use handover_core::finance::cost_line::CostCategory;
use handover_core::finance::{Conversion, Sum, Totals, totals};
use handover_core::money::Currency;
use serde::Deserialize;
use std::collections::BTreeMap;

/// One line of a totals table.
#[derive(Debug)]
pub(super) struct TotalRow {
    pub(super) label: String,
    /// Per currency, rounded.
    pub(super) own: Vec<String>,
    pub(super) converted: String,
}

/// A totals table (by milestone, activity…).
#[derive(Debug)]
struct TotalTable {
    id: &'static str,
    heading: String,
    rows: Vec<TotalRow>,
}

/// A cost line as the budget shows it.
#[derive(Debug)]
struct LineRow {
    id: String,
    category: String,
    description: String,
    unit: String,
    unit_price: String,
    funder: String,
    /// `Q1: 3`, one per quarter with a quantity.
    quantities: Vec<String>,
    own: String,
    converted: String,
}

#[derive(Debug)]
struct ActivityGroup {
    label: String,
    total: TotalRow,
    lines: Vec<LineRow>,
}

#[derive(Debug)]
struct MilestoneGroup {
    total: TotalRow,
    activities: Vec<ActivityGroup>,
}

#[derive(Template)]
#[template(path = "pages/finance/budget.html")]
struct BudgetPage {
    frame: Frame,
    plan_nav: PlanNav,
    code: String,
    sub: &'static str,
    edit: bool,
    chooser: Chooser,
    /// The converted column's currency; empty when totals are shown in own currencies only.
    currency: String,
    missing: Vec<String>,
    notice: String,
    grand: TotalRow,
    tables: Vec<TotalTable>,
    milestones: Vec<MilestoneGroup>,
    sharing: super::budget_sharing::Sharing,
    aoc: Vec<(String, String)>,
    versions: usize,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct BudgetQuery {
    #[serde(flatten)]
    conversion: ConversionQuery,
    /// How many lines an import just added.
    #[serde(default)]
    imported: Option<usize>,
}

/// A total in own currencies and, when converted, in the chosen one.
fn row(ui: Ui, label: String, own: Option<&Sum>, conv: Option<(&Sum, &Currency)>) -> TotalRow {
    TotalRow {
        label,
        own: own.map(|s| sum(ui, s)).unwrap_or_default(),
        converted: conv.map(|(s, c)| sum_in(ui, s, c)).unwrap_or_default(),
    }
}

/// `GET /plans/{code}/budget`.
pub(super) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
    Query(q): Query<BudgetQuery>,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    let plan = open(&state, &viewer, &code).await?;
    let (conversion, chooser) = choose(ui, &plan, &q.conversion, plan.url("budget"));
    let data = &plan.data;
    let tree = &data.tree;
    let own = totals(
        &data.lines,
        &tree.periods,
        &tree.activities,
        &Conversion::Own,
        &data.rates,
    )
    .unwrap_or_default();
    let (converted, missing): (Option<(Totals, Currency)>, Vec<String>) = match &conversion {
        Conversion::Own => (None, vec![]),
        Conversion::To { currency, .. } => match totals(
            &data.lines,
            &tree.periods,
            &tree.activities,
            &conversion,
            &data.rates,
        ) {
            Ok(t) => (Some((t, currency.clone())), vec![]),
            Err(m) => (None, m.iter().map(|m| missing_rate(ui, m)).collect()),
        },
    };
    let conv = |pick: &dyn Fn(&Totals) -> Option<&Sum>| {
        converted
            .as_ref()
            .map(|(t, c)| (pick(t).cloned().unwrap_or_default(), c.clone()))
    };
    let mk = |label: String, pick: &dyn Fn(&Totals) -> Option<&Sum>| {
        let c = conv(pick);
        row(ui, label, pick(&own), c.as_ref().map(|(s, c)| (s, c)))
    };
    let mut milestones_sorted: Vec<_> = tree.milestones.iter().collect();
    milestones_sorted.sort_by_key(|m| m.number);
    let ms_label = |m: &handover_core::plan::Milestone| {
        ui.targs(
            "finance-milestone-numbered",
            &[
                ("number", &ui.int(i64::from(m.number))),
                ("title", ui.text(&m.title)),
            ],
        )
    };
    let activities = plan.activities();
    let mut tables = vec![
        TotalTable {
            id: "by-milestone",
            heading: ui.t("finance-by-milestone"),
            rows: milestones_sorted
                .iter()
                .filter(|m| own.by_milestone.contains_key(&m.id))
                .map(|m| mk(ms_label(m), &|t| t.by_milestone.get(&m.id)))
                .collect(),
        },
        TotalTable {
            id: "by-activity",
            heading: ui.t("finance-by-activity"),
            rows: activities
                .iter()
                .filter(|a| own.by_activity.contains_key(&a.id))
                .map(|a| mk(activity_label(ui, a), &|t| t.by_activity.get(&a.id)))
                .collect(),
        },
        TotalTable {
            id: "by-category",
            heading: ui.t("finance-by-category"),
            rows: CostCategory::ALL
                .iter()
                .filter(|c| own.by_category.contains_key(c))
                .map(|c| mk(category_label(ui, *c), &|t| t.by_category.get(c)))
                .collect(),
        },
        TotalTable {
            id: "by-party",
            heading: ui.t("finance-by-party"),
            rows: tree
                .parties
                .iter()
                .filter(|o| own.by_party.contains_key(&o.id))
                .map(|o| mk(o.name.clone(), &|t| t.by_party.get(&o.id)))
                .collect(),
        },
        TotalTable {
            id: "by-quarter",
            heading: ui.t("finance-by-quarter"),
            rows: tree
                .periods
                .iter()
                .filter(|p| own.by_quarter.contains_key(&p.seq))
                .map(|p| {
                    let label = ui.targs(
                        "finance-quarter-month",
                        &[
                            ("quarter", &quarter(ui, p.seq)),
                            ("month", &ui.month(p.start)),
                        ],
                    );
                    mk(label, &|t| t.by_quarter.get(&p.seq))
                })
                .collect(),
        },
    ];
    tables.push(TotalTable {
        id: "by-year",
        heading: ui.t("finance-by-year"),
        rows: own
            .by_year
            .keys()
            .map(|y| mk(year(ui, *y), &|t| t.by_year.get(y)))
            .collect(),
    });
    tables.retain(|t| !t.rows.is_empty());
    let grand = mk(ui.t("finance-grand-total"), &|t| Some(&t.grand));
    let milestones = groups(ui, &plan, &own, converted.as_ref(), &ms_label);
    let sharing = super::budget_sharing::sharing(ui, &plan, &own, converted.as_ref());
    let aoc = super::settings::aoc_facts(ui, &plan);
    let notice = q
        .imported
        .map(|n| ui.tn("finance-imported-lines", n as i64))
        .unwrap_or_default();
    let page = BudgetPage {
        frame: Frame::new(
            &viewer,
            title(ui, &ui.t("finance-budget"), &plan),
            Nav::None,
        ),
        plan_nav: plan.nav.clone(),
        code: plan.code().to_owned(),
        sub: "budget",
        edit: plan.edit,
        currency: converted
            .as_ref()
            .map(|(_, c)| c.to_string())
            .unwrap_or_default(),
        chooser,
        missing,
        notice,
        grand,
        tables,
        milestones,
        sharing,
        aoc,
        versions: data.versions.len(),
    };
    Ok(render(&page))
}

/// The cost lines by milestone and activity, each level with its totals.
fn groups(
    ui: Ui,
    plan: &PlanBudget,
    own: &Totals,
    converted: Option<&(Totals, Currency)>,
    ms_label: &dyn Fn(&handover_core::plan::Milestone) -> String,
) -> Vec<MilestoneGroup> {
    let data = &plan.data;
    let tree = &data.tree;
    let conv = |pick: &dyn Fn(&Totals) -> Option<&Sum>| {
        converted
            .map(|(t, c)| sum_in(ui, pick(t).unwrap_or(&Sum::default()), c))
            .unwrap_or_default()
    };
    let mut by_activity: BTreeMap<_, Vec<LineRow>> = BTreeMap::new();
    for l in &data.lines {
        let line_own = own.by_line.get(&l.id).cloned().unwrap_or_default();
        by_activity.entry(l.activity_id).or_default().push(LineRow {
            id: l.id.to_string(),
            category: category_label(ui, l.category),
            description: ui.text(&l.description).to_owned(),
            unit: unit_label(ui, l.unit),
            unit_price: ui.targs(
                "finance-money",
                &[
                    ("amount", &exact(ui, &l.unit_price)),
                    ("currency", l.currency.as_str()),
                ],
            ),
            funder: tree.party_name(l.funder),
            quantities: l
                .quantities
                .iter()
                .map(|(q, n)| {
                    ui.targs(
                        "finance-quarter-quantity",
                        &[("quarter", &quarter(ui, q)), ("quantity", &exact(ui, &n))],
                    )
                })
                .collect(),
            own: sum(ui, &line_own).join(" + "),
            converted: conv(&|t| t.by_line.get(&l.id)),
        });
    }
    let mut milestones: Vec<_> = tree.milestones.iter().collect();
    milestones.sort_by_key(|m| m.number);
    milestones
        .into_iter()
        .filter_map(|m| {
            let activities: Vec<ActivityGroup> = plan
                .activities()
                .into_iter()
                .filter(|a| a.milestone_id == m.id)
                .filter_map(|a| {
                    let lines = by_activity.remove(&a.id)?;
                    Some(ActivityGroup {
                        label: activity_label(ui, a),
                        total: TotalRow {
                            label: String::new(),
                            own: own
                                .by_activity
                                .get(&a.id)
                                .map(|s| sum(ui, s))
                                .unwrap_or_default(),
                            converted: conv(&|t| t.by_activity.get(&a.id)),
                        },
                        lines,
                    })
                })
                .collect();
            (!activities.is_empty()).then(|| MilestoneGroup {
                total: TotalRow {
                    label: ms_label(m),
                    own: own
                        .by_milestone
                        .get(&m.id)
                        .map(|s| sum(ui, s))
                        .unwrap_or_default(),
                    converted: conv(&|t| t.by_milestone.get(&m.id)),
                },
                activities,
            })
        })
        .collect()
}

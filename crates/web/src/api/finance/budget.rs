//! `GET /api/v1/plans/{plan}/budget`: the plan's budget totals by milestone, activity, cost
//! category, funding party, quarter and calendar year, and the cost sharing between the parties
//! per year and quarter — in each line's own currency (one amount per currency), or converted
//! (`?currency=USD&rate_type=parallel_market&at=quarter_start|YYYY-MM-DD`). A conversion missing
//! a rate is 422 `missing_rate`, one entry per pair, rate type and date.

use super::docs::{MoneyDoc, amounts, party};
use super::query::{ConversionDoc, Params, target};
use super::{missing_rates, store_error};
use crate::AppState;
use crate::api::framework::{Ids, ReadErrors, plan_id};
use crate::api::openapi::ErrorBody;
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::http::Uri;
use handover_core::calendar::format_date;
use handover_core::finance::sharing::{self, Share};
use handover_core::finance::{Conversion, CostCategory, RateType, Sum, Totals, totals};
use handover_core::ids::{ActivityId, MilestoneId, OrgId};
use handover_core::money::{Currency, Money};
use handover_core::plan::PlanTree;
use handover_store::finance::{self, BudgetData};
use std::collections::BTreeSet;

/// A plan's budget totals in one view.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct BudgetDoc {
    /// The plan's code.
    pub plan: String,
    /// The plan's own currency.
    pub plan_currency: String,
    /// The plan's default rate type (used when `rate_type` is not given).
    pub default_rate_type: RateType,
    /// The view: own currencies, or converted.
    pub conversion: ConversionDoc,
    /// How many cost lines the budget has.
    pub lines: usize,
    /// The whole budget: one amount per currency, each rounded once.
    pub total: Vec<MoneyDoc>,
    /// Every milestone, in order.
    pub by_milestone: Vec<MilestoneTotal>,
    /// Every activity, in order.
    pub by_activity: Vec<ActivityTotal>,
    /// Every cost category.
    pub by_category: Vec<CategoryTotal>,
    /// Every party (owner first) and any other funder.
    pub by_party: Vec<PartyTotal>,
    /// Every quarter of the plan.
    pub by_quarter: Vec<QuarterTotal>,
    /// Every calendar year the plan's quarters begin in.
    pub by_year: Vec<YearTotal>,
    /// Each party's part of each year and quarter, per currency of the view.
    pub cost_sharing: Vec<SharingDoc>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct MilestoneTotal {
    pub id: MilestoneId,
    pub number: u16,
    pub key: Option<String>,
    pub total: Vec<MoneyDoc>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ActivityTotal {
    pub id: ActivityId,
    /// `7`, `24.1`.
    pub display_number: String,
    pub key: Option<String>,
    /// The milestone's number.
    pub milestone: Option<u16>,
    pub total: Vec<MoneyDoc>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct CategoryTotal {
    pub category: CostCategory,
    pub total: Vec<MoneyDoc>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct PartyTotal {
    /// The party's code.
    pub party: String,
    pub total: Vec<MoneyDoc>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct QuarterTotal {
    /// 1 for Q1.
    pub quarter: u16,
    /// `Q1`…
    pub period: String,
    /// The quarter's first day: the date its amounts convert at with `at=quarter_start`.
    pub start: String,
    pub total: Vec<MoneyDoc>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct YearTotal {
    pub year: i32,
    pub total: Vec<MoneyDoc>,
}

/// The cost sharing in one currency.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct SharingDoc {
    /// ISO 4217: the amounts in this currency only.
    pub currency: String,
    pub by_year: Vec<YearShares>,
    pub by_quarter: Vec<QuarterShares>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct YearShares {
    pub year: i32,
    pub shares: Vec<ShareDoc>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct QuarterShares {
    pub quarter: u16,
    pub period: String,
    pub shares: Vec<ShareDoc>,
}

/// One party's part of a period.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ShareDoc {
    /// The party's code.
    pub party: String,
    /// Its amount, rounded once.
    pub amount: String,
    /// Of the period's total, from 0 to 1 with 4 places (`0.3333`).
    pub share: String,
}

/// Reads the conversion of `uri` and totals the budget; a missing rate is 422.
pub(crate) async fn totalled(
    state: &AppState,
    actor: &handover_core::actor::Actor,
    plan: &str,
    uri: &Uri,
) -> Result<(BudgetData, Conversion, Totals), AppError> {
    let params = Params::read(uri, &["currency", "rate_type", "at"])?;
    let plan = plan_id(state, actor, plan).await?;
    let data = finance::budget(&state.store, actor, plan)
        .await
        .map_err(store_error)?;
    let conversion = params.conversion(data.settings.rate_type)?;
    let t = totals(
        &data.lines,
        &data.tree.periods,
        &data.tree.activities,
        &conversion,
        &data.rates,
    )
    .map_err(|m| missing_rates(m, "currency"))?;
    Ok((data, conversion, t))
}

fn shares(tree: &PlanTree, currency: &Currency, list: &[Share]) -> Vec<ShareDoc> {
    list.iter()
        .map(|s| ShareDoc {
            party: party(tree, s.party),
            amount: Money {
                amount: s.amount,
                currency: currency.clone(),
            }
            .rounded()
            .amount
            .to_string(),
            share: s.share.to_string(),
        })
        .collect()
}

/// The document of a totalled budget.
pub(crate) fn document(data: &BudgetData, conversion: &Conversion, t: &Totals) -> BudgetDoc {
    let tree = &data.tree;
    let zero = target(conversion);
    let total = |s: Option<&Sum>| amounts(s.unwrap_or(&Sum::default()), zero);
    let mut funders: Vec<OrgId> = tree.plan.parties();
    funders.extend(
        t.by_party
            .keys()
            .filter(|o| !tree.plan.parties().contains(o)),
    );
    let currencies: Vec<Currency> = match zero {
        Some(c) => vec![c.clone()],
        None => t.grand.0.keys().cloned().collect(),
    };
    let years: BTreeSet<i32> = tree.periods.iter().map(|p| p.start.year()).collect();
    let order = tree.plan.parties();
    BudgetDoc {
        plan: tree.plan.code.to_string(),
        plan_currency: tree.plan.currency.to_string(),
        default_rate_type: data.settings.rate_type,
        conversion: conversion.into(),
        lines: data.lines.len(),
        total: amounts(&t.grand, zero),
        by_milestone: tree
            .milestones
            .iter()
            .map(|m| MilestoneTotal {
                id: m.id,
                number: m.number,
                key: m.key.as_ref().map(ToString::to_string),
                total: total(t.by_milestone.get(&m.id)),
            })
            .collect(),
        by_activity: tree
            .activities
            .iter()
            .map(|a| ActivityTotal {
                id: a.id,
                display_number: a.display_number(),
                key: a.key.as_ref().map(ToString::to_string),
                milestone: tree
                    .milestones
                    .iter()
                    .find(|m| m.id == a.milestone_id)
                    .map(|m| m.number),
                total: total(t.by_activity.get(&a.id)),
            })
            .collect(),
        by_category: CostCategory::ALL
            .into_iter()
            .map(|c| CategoryTotal {
                category: c,
                total: total(t.by_category.get(&c)),
            })
            .collect(),
        by_party: funders
            .iter()
            .map(|o| PartyTotal {
                party: party(tree, *o),
                total: total(t.by_party.get(o)),
            })
            .collect(),
        by_quarter: tree
            .periods
            .iter()
            .map(|p| QuarterTotal {
                quarter: p.seq,
                period: p.label.clone(),
                start: format_date(p.start),
                total: total(t.by_quarter.get(&p.seq)),
            })
            .collect(),
        by_year: years
            .iter()
            .map(|y| YearTotal {
                year: *y,
                total: total(t.by_year.get(y)),
            })
            .collect(),
        cost_sharing: currencies
            .iter()
            .map(|c| SharingDoc {
                currency: c.to_string(),
                by_year: sharing::by_year(t, c, &order)
                    .into_iter()
                    .map(|(year, s)| YearShares {
                        year,
                        shares: shares(tree, c, &s),
                    })
                    .collect(),
                by_quarter: sharing::by_quarter(t, c, &order)
                    .into_iter()
                    .map(|(quarter, s)| QuarterShares {
                        quarter,
                        period: format!("Q{quarter}"),
                        shares: shares(tree, c, &s),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// `GET /api/v1/plans/{plan}/budget`: the budget's totals and cost sharing.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/budget", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id"),
        ("currency" = Option<String>, Query, description = "`own` (the default: each line's own currency) or an ISO 4217 code to convert to"),
        ("rate_type" = Option<RateType>, Query, description = "The rate type to convert at; the plan's default"),
        ("at" = Option<String>, Query, description = "`quarter_start` (the default: each amount at its quarter's first day) or a date YYYY-MM-DD")),
    responses((status = 200, body = BudgetDoc), (status = 422, description = "`missing_rate`: a rate the conversion needs is missing", body = ErrorBody), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_budget(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    uri: Uri,
) -> Result<Json<BudgetDoc>, AppError> {
    let (data, conversion, t) = totalled(&state, &actor, &plan, &uri).await?;
    Ok(Json(document(&data, &conversion, &t)))
}

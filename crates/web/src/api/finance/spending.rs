//! `GET /api/v1/plans/{plan}/spending`: planned against actual — per quarter and per cost line,
//! the burn rate (actual over what was planned in the quarters begun so far), the share of the
//! budget spent, the variance, and the lines that spent more than they planned. A payment in
//! another currency than its line is converted to the line's currency at the rate of its own
//! day (at the conversion's rate type, else the plan's default); totals over lines follow the
//! chosen conversion like the budget's.

use super::docs::{MoneyDoc, amounts};
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
use handover_core::finance::spending::spending;
use handover_core::finance::{Conversion, RateType};
use handover_core::ids::{CostLineId, ExpenditureId};
use handover_core::money::Money;
use handover_core::text::Text;
use handover_store::finance;

/// Planned against actual.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct SpendingDoc {
    /// The plan's code.
    pub plan: String,
    pub conversion: ConversionDoc,
    /// The rate type payments in another currency than their line's are converted at.
    pub payments_rate_type: RateType,
    /// The day "to date" counts to (today).
    pub today: String,
    pub planned: Vec<MoneyDoc>,
    pub actual: Vec<MoneyDoc>,
    /// Planned in the quarters begun by today.
    pub planned_to_date: Vec<MoneyDoc>,
    /// actual ÷ planned to date (4 places; above 1 spending runs ahead of the plan); `null`
    /// when nothing was planned yet or the totals hold several currencies.
    pub burn_rate: Option<String>,
    /// actual ÷ the whole budget (4 places); `null` as for `burn_rate`.
    pub spent_share: Option<String>,
    pub by_quarter: Vec<QuarterSpendingDoc>,
    pub by_line: Vec<LineSpendingDoc>,
    /// The lines that spent more than they planned.
    pub overspent: Vec<CostLineId>,
    /// Spending dated outside the plan's quarters (counted in the nearest one).
    pub outside_quarters: Vec<ExpenditureId>,
}

/// One quarter over every line.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct QuarterSpendingDoc {
    pub quarter: u16,
    pub period: String,
    pub planned: Vec<MoneyDoc>,
    pub actual: Vec<MoneyDoc>,
    /// actual − planned.
    pub variance: Vec<MoneyDoc>,
}

/// One cost line, in its own currency.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct LineSpendingDoc {
    pub cost_line: CostLineId,
    /// The activity's display number.
    pub activity: Option<String>,
    pub description: Text,
    pub planned: MoneyDoc,
    pub actual: MoneyDoc,
    /// actual − planned.
    pub variance: MoneyDoc,
    /// Spent more than the whole line planned.
    pub overspent: bool,
}

/// `GET /api/v1/plans/{plan}/spending?currency=&rate_type=&at=`.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/spending", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id"),
        ("currency" = Option<String>, Query, description = "`own` (the default) or an ISO 4217 code to convert the totals to"),
        ("rate_type" = Option<RateType>, Query, description = "The rate type to convert at; the plan's default"),
        ("at" = Option<String>, Query, description = "`quarter_start` (the default) or a date YYYY-MM-DD")),
    responses((status = 200, body = SpendingDoc), (status = 422, description = "`missing_rate`: a rate a payment or the conversion needs is missing", body = ErrorBody), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_spending(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    uri: Uri,
) -> Result<Json<SpendingDoc>, AppError> {
    let params = Params::read(&uri, &["currency", "rate_type", "at"])?;
    let plan = plan_id(&state, &actor, &plan).await?;
    let data = finance::budget(&state.store, &actor, plan)
        .await
        .map_err(store_error)?;
    let conversion = params.conversion(data.settings.rate_type)?;
    let payments_rate_type = match &conversion {
        Conversion::To { rate_type, .. } => *rate_type,
        Conversion::Own => data.settings.rate_type,
    };
    let today = time::OffsetDateTime::now_utc().date();
    let tree = &data.tree;
    let s = spending(
        &data.lines,
        &data.expenditures,
        &tree.periods,
        &conversion,
        payments_rate_type,
        &data.rates,
        today,
    )
    .map_err(|m| missing_rates(m, "currency"))?;
    let zero = target(&conversion);
    let money = |amount, l: &handover_core::finance::CostLine| {
        MoneyDoc::rounded(Money {
            amount,
            currency: l.currency.clone(),
        })
    };
    let by_line = data
        .lines
        .iter()
        .filter_map(|l| {
            let ls = s.by_line.get(&l.id)?;
            Some(LineSpendingDoc {
                cost_line: l.id,
                activity: super::docs::activity(tree, l.activity_id).0,
                description: l.description.clone(),
                planned: money(ls.planned, l),
                actual: money(ls.actual, l),
                variance: money(ls.variance(), l),
                overspent: ls.overspent(),
            })
        })
        .collect();
    let by_quarter = tree
        .periods
        .iter()
        .map(|p| {
            let q = s.by_quarter.get(&p.seq).cloned().unwrap_or_default();
            QuarterSpendingDoc {
                quarter: p.seq,
                period: p.label.clone(),
                planned: amounts(&q.planned, zero),
                actual: amounts(&q.actual, zero),
                variance: amounts(&q.actual.minus(&q.planned), zero),
            }
        })
        .collect();
    let ratio = |r: Option<rust_decimal::Decimal>| r.map(|r| r.to_string());
    Ok(Json(SpendingDoc {
        plan: tree.plan.code.to_string(),
        conversion: (&conversion).into(),
        payments_rate_type,
        today: format_date(today),
        planned: amounts(&s.planned, zero),
        actual: amounts(&s.actual, zero),
        planned_to_date: amounts(&s.planned_to_date, zero),
        burn_rate: ratio(s.burn_rate()),
        spent_share: ratio(s.spent_share()),
        by_quarter,
        by_line,
        overspent: s.overspent().map(|(id, _)| *id).collect(),
        outside_quarters: s.outside_quarters.clone(),
    }))
}

//! `GET /api/v1/real-terms`: an amount held in a currency that loses its value (a salary of
//! 3,000,000 LBP a month), expressed quarter by quarter in a stable currency at each quarter's
//! first-day rate, and how much of its real value it lost — over a plan's quarters
//! (`?plan=`), or over the quarters from `start` (2019-01-01 and 20 quarters, to 2023, by
//! default). A quarter without a rate has `real: null` and names the missing rate.

use super::docs::MoneyDoc;
use super::query::{Params, bad_query};
use super::store_error;
use crate::AppState;
use crate::api::framework::{ReadErrors, load, plan_id};
use crate::error::{AppError, ErrorEntry};
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::http::Uri;
use handover_core::calendar::{MonthStart, check_quarter_count, format_date, quarters};
use handover_core::finance::RateType;
use handover_core::finance::real_terms::{erosion, series};
use handover_core::ids::{PeriodId, PlanId};
use handover_core::money::{Currency, Money, parse_decimal};
use handover_core::plan::Period;
use handover_store::finance::{rates, settings};

/// A real-terms series.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct RealTermsDoc {
    /// The amount as held, exact.
    pub amount: String,
    /// Its currency.
    pub currency: String,
    /// The currency its real value is shown in.
    pub stable: String,
    pub rate_type: RateType,
    /// The plan whose quarters the series follows, or `null`.
    pub plan: Option<String>,
    pub series: Vec<RealTermsPoint>,
    /// The share of its first quarter's real value lost by the last quarter with a rate (4
    /// places: `0.9246` is 92.46%); `null` with fewer than two quarters with a rate.
    pub erosion: Option<String>,
}

/// One quarter of the series.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct RealTermsPoint {
    pub quarter: u16,
    pub period: String,
    /// The quarter's first day: the date of its rate.
    pub start: String,
    pub nominal: MoneyDoc,
    /// In the stable currency, rounded once; `null` without a rate.
    pub real: Option<MoneyDoc>,
    /// The missing rate (pair, type, date) when `real` is `null`.
    pub missing: Option<String>,
}

fn periods(spans: Vec<handover_core::calendar::PeriodSpan>, plan: PlanId) -> Vec<Period> {
    spans
        .into_iter()
        .map(|q| Period {
            id: PeriodId::new(),
            plan_id: plan,
            seq: q.seq,
            label: q.label(),
            start: q.start,
            end: q.end,
        })
        .collect()
}

/// `GET /api/v1/real-terms?amount=&currency=&stable=&rate_type=&plan=`.
#[utoipa::path(get, path = "/api/v1/real-terms", tag = "finance",
    params(("amount" = String, Query, description = "The amount held, an exact decimal"),
        ("currency" = String, Query, description = "Its currency, ISO 4217"),
        ("stable" = Option<String>, Query, description = "The stable currency (USD by default)"),
        ("rate_type" = Option<RateType>, Query, description = "The plan's default with `plan`, else `official`"),
        ("plan" = Option<String>, Query, description = "Follow this plan's quarters (code or id)"),
        ("start" = Option<String>, Query, description = "Without `plan`: the first day of the first quarter (2019-01-01)"),
        ("quarters" = Option<u16>, Query, description = "Without `plan`: how many quarters (20)")),
    responses((status = 200, body = RealTermsDoc), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_real_terms(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    uri: Uri,
) -> Result<Json<RealTermsDoc>, AppError> {
    let q = Params::read(
        &uri,
        &[
            "amount",
            "currency",
            "stable",
            "rate_type",
            "plan",
            "start",
            "quarters",
        ],
    )?;
    let amount = q.required("amount", parse_decimal)?;
    let currency = q.required("currency", Currency::parse)?;
    let stable = q
        .parsed("stable", Currency::parse)?
        .unwrap_or_else(|| Currency::parse("USD").unwrap_or_else(|_| currency.clone()));
    let rate_type = q.parsed("rate_type", RateType::parse)?;
    let start = q.parsed("start", MonthStart::parse)?;
    let count = q.parsed("quarters", |s| {
        s.parse::<u16>()
            .map_err(|_| format!("`{s}` is not a whole number"))
            .and_then(check_quarter_count)
    })?;
    let (plan, periods, rate_type) = match q.0.get("plan") {
        Some(key) => {
            let clash: Vec<_> = [("start", start.is_some()), ("quarters", count.is_some())]
                .into_iter()
                .filter(|(_, given)| *given)
                .map(|(n, _)| {
                    ErrorEntry::field(
                        n,
                        format!("`{n}` applies only without `plan`: a plan's quarters are its own"),
                    )
                })
                .collect();
            if !clash.is_empty() {
                return Err(bad_query(clash));
            }
            let id = plan_id(&state, &actor, key).await?;
            let tree = load(&state, &actor, id).await?;
            let default = settings::get(&state.store, &actor, id)
                .await
                .map_err(store_error)?
                .rate_type;
            (
                Some(tree.plan.code.to_string()),
                tree.periods,
                rate_type.unwrap_or(default),
            )
        }
        None => {
            let start = match start {
                Some(s) => s,
                None => MonthStart::parse("2019-01-01")
                    .map_err(|m| bad_query(vec![ErrorEntry::field("start", m)]))?,
            };
            let spans = quarters(start, count.unwrap_or(20));
            (
                None,
                periods(spans, PlanId(uuid::Uuid::nil())),
                rate_type.unwrap_or(RateType::Official),
            )
        }
    };
    let table = rates::table(&state.store, &actor)
        .await
        .map_err(store_error)?;
    let s = series(amount, &currency, &stable, rate_type, &periods, &table);
    let money = |amount, currency: &Currency| {
        MoneyDoc::rounded(Money {
            amount,
            currency: currency.clone(),
        })
    };
    let points = s
        .iter()
        .zip(&periods)
        .map(|(r, p)| RealTermsPoint {
            quarter: r.quarter,
            period: p.label.clone(),
            start: format_date(p.start),
            nominal: MoneyDoc {
                amount: r.nominal.to_string(),
                currency: currency.to_string(),
            },
            real: r.real.as_ref().ok().map(|a| money(*a, &stable)),
            missing: r.real.as_ref().err().map(ToString::to_string),
        })
        .collect();
    Ok(Json(RealTermsDoc {
        amount: amount.to_string(),
        currency: currency.to_string(),
        stable: stable.to_string(),
        rate_type,
        plan,
        series: points,
        erosion: erosion(&s).map(|e| e.to_string()),
    }))
}

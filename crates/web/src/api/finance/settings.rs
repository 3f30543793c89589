//! `/api/v1/plans/{plan}/finance-settings` (the rate type totals convert at unless another is
//! chosen) and `/api/v1/plans/{plan}/agreement-of-cooperation` (SPEC §6: the activity it is
//! signed in, the day it was signed, the budget versions frozen as its baseline and handover
//! revision). Both are one record per plan, read with `GET` and set with `PUT` + `If-Match`
//! (`"0"` while never set).

use super::store_error;
use crate::AppState;
use crate::api::body::{JsonBody, RequestBody};
use crate::api::concurrency::IfMatch;
use crate::api::framework::{Ids, ReadErrors, WriteErrors, load, nullable, one, plan_id};
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::extract::State;
use axum::response::Response;
use handover_core::calendar::format_date;
use handover_core::finance::RateType;
use handover_core::finance::aoc::AgreementOfCooperation;
use handover_core::finance::settings::FinanceSettings;
use handover_core::ids::{ActivityId, BudgetVersionId};
use handover_store::finance::{AocInput, aoc, settings, versions};
use serde::Deserialize;

/// A plan's finance settings.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct FinanceSettingsDoc {
    /// The rate type totals convert at unless a request names another (`official` by default).
    pub rate_type: RateType,
    /// 0 while never set; raised by one on every change (sent as `ETag`).
    pub version: i64,
}

impl From<FinanceSettings> for FinanceSettingsDoc {
    fn from(s: FinanceSettings) -> Self {
        Self {
            rate_type: s.rate_type,
            version: s.version,
        }
    }
}

/// The settings as written.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FinanceSettingsBody {
    /// `official`, `platform`, `parallel_market`, `donor_accounting` or `un_operational`.
    pub rate_type: RateType,
}

impl RequestBody for FinanceSettingsBody {
    const FIELDS: &'static [&'static str] = &["rate_type"];
}

/// `GET /api/v1/plans/{plan}/finance-settings`.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/finance-settings", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id")),
    responses((status = 200, body = FinanceSettingsDoc, headers(("ETag" = String))), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_finance_settings(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let s = settings::get(&state.store, &actor, plan)
        .await
        .map_err(store_error)?;
    Ok(one(s.version, FinanceSettingsDoc::from(s)))
}

/// `PUT /api/v1/plans/{plan}/finance-settings`: sets the plan's default rate type.
#[utoipa::path(put, path = "/api/v1/plans/{plan}/finance-settings", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id"), ("If-Match" = String, Header, description = "The version read, as its ETag (\"0\" while never set)")),
    request_body = FinanceSettingsBody,
    responses((status = 200, body = FinanceSettingsDoc, headers(("ETag" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn set_finance_settings(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    IfMatch(version): IfMatch,
    JsonBody(body): JsonBody<FinanceSettingsBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let s = settings::set(&state.store, &actor, plan, version, body.rate_type)
        .await
        .map_err(store_error)?;
    Ok(one(s.version, FinanceSettingsDoc::from(s)))
}

/// A budget version named by the AoC.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct VersionRef {
    pub id: BudgetVersionId,
    pub number: i64,
    pub name: String,
    /// Where it is: `/api/v1/plans/{plan}/budget-versions/{number}`.
    pub url: String,
}

/// The plan's Agreement of Cooperation record.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct AocDoc {
    /// The activity it is signed in (activity 7 of the RTO template): its UUID.
    pub activity_id: Option<ActivityId>,
    /// Its display number.
    pub activity: Option<String>,
    /// The day it was signed (YYYY-MM-DD).
    pub signed_on: Option<String>,
    /// The budget version frozen as its baseline.
    pub baseline: Option<VersionRef>,
    /// The latest revision agreed at handover (activity 25).
    pub handover_revision: Option<VersionRef>,
    /// The agreement record of the partnership, once attached.
    pub agreement: Option<uuid::Uuid>,
    /// 0 while never set; raised by one on every change (sent as `ETag`).
    pub version: i64,
}

/// The AoC as written; a field left out keeps its value.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AocBody {
    /// YYYY-MM-DD; `null` clears it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub signed_on: Option<Option<String>>,
    /// The activity it is signed in: id, key or display number.
    #[serde(default)]
    pub activity: Option<String>,
}

impl RequestBody for AocBody {
    const FIELDS: &'static [&'static str] = &["signed_on", "activity"];
    const READ_ONLY: &'static [&'static str] = &[
        "id",
        "version",
        "activity_id",
        "baseline",
        "handover_revision",
        "agreement",
    ];
}

async fn aoc_doc(
    state: &AppState,
    actor: &handover_core::actor::Actor,
    plan: handover_core::ids::PlanId,
    a: AgreementOfCooperation,
) -> Result<Response, AppError> {
    let tree = load(state, actor, plan).await?;
    let list = versions::list(&state.store, actor, plan)
        .await
        .map_err(store_error)?;
    let named = |id: Option<BudgetVersionId>| {
        let v = list.iter().find(|v| Some(v.id) == id)?;
        Some(VersionRef {
            id: v.id,
            number: v.number,
            name: v.name.clone(),
            url: format!(
                "/api/v1/plans/{}/budget-versions/{}",
                tree.plan.code, v.number
            ),
        })
    };
    let doc = AocDoc {
        activity_id: a.activity_id,
        activity: a
            .activity_id
            .and_then(|id| super::docs::activity(&tree, id).0),
        signed_on: a.signed_on.map(format_date),
        baseline: named(a.baseline),
        handover_revision: named(a.handover_revision),
        agreement: a.agreement,
        version: a.version,
    };
    Ok(one(a.version, doc))
}

/// `GET /api/v1/plans/{plan}/agreement-of-cooperation`.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/agreement-of-cooperation", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id")),
    responses((status = 200, body = AocDoc, headers(("ETag" = String))), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_aoc(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let a = aoc::get(&state.store, &actor, plan)
        .await
        .map_err(store_error)?;
    aoc_doc(&state, &actor, plan, a).await
}

/// `PUT /api/v1/plans/{plan}/agreement-of-cooperation`: the day it was signed and the activity
/// it is signed in (its baseline and handover revision are set by freezing versions).
#[utoipa::path(put, path = "/api/v1/plans/{plan}/agreement-of-cooperation", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id"), ("If-Match" = String, Header, description = "The version read, as its ETag (\"0\" while never set)")),
    request_body = AocBody,
    responses((status = 200, body = AocDoc, headers(("ETag" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn set_aoc(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    IfMatch(version): IfMatch,
    JsonBody(body): JsonBody<AocBody>,
) -> Result<Response, AppError> {
    let plan = plan_id(&state, &actor, &plan).await?;
    let input = AocInput {
        signed_on: body.signed_on,
        activity: body.activity,
    };
    let a = aoc::set(&state.store, &actor, plan, version, input)
        .await
        .map_err(store_error)?;
    aoc_doc(&state, &actor, plan, a).await
}

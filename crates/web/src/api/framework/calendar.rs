//! `/api/v1/plans/{plan}/calendar`: the plan's reporting periods (quarters Q1… from its start
//! date), as date ranges.

use super::{Ids, ListQuery, ReadErrors, load, plan_id};
use crate::AppState;
use crate::api::pagination::Page;
use crate::api::plans::{CalendarPeriod, build};
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::http::Uri;

/// `GET /api/v1/plans/{plan}/calendar`: the periods in order.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/calendar", tag = "framework",
    params(("plan" = String, Path, description = "The plan's code or id"), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = Page<CalendarPeriod>), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn list_calendar(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    uri: Uri,
) -> Result<Json<Page<CalendarPeriod>>, AppError> {
    let q = ListQuery::read(&uri, &[])?;
    let tree = load(&state, &actor, plan_id(&state, &actor, &plan).await?).await?;
    Ok(Json(q.page.page(build::calendar(&tree))))
}

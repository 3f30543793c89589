//! `/api/v1/organisations`: the directory every signed-in user reads (SPEC §14), and adding an
//! organisation to it (an editor or administrator, or the operator).

use crate::AppState;
use crate::api::body::{JsonBody, RequestBody};
use crate::api::framework::{Ids, ListQuery, ReadErrors, WriteErrors, created, one};
use crate::api::pagination::Page;
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use handover_core::ids::OrgId;
use handover_core::org::{NewOrganisation, Organisation};
use handover_store::{StoreError, orgs};
use serde::{Deserialize, Serialize};

/// An organisation of the directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct OrganisationDoc {
    pub id: OrgId,
    /// The short unique code people type.
    pub code: String,
    pub name: String,
    /// e.g. `municipality`, `union_of_municipalities`, `development_partner`, `ministry`.
    #[serde(rename = "type")]
    pub org_type: &'static str,
    /// The region (governorate).
    pub region: Option<String>,
    /// The union a municipality belongs to.
    pub union_id: Option<OrgId>,
    /// IATI organisation identifier.
    pub iati_id: Option<String>,
    /// Reads every plan (set by the operator).
    pub ministry: bool,
    pub version: i64,
}

impl From<Organisation> for OrganisationDoc {
    fn from(o: Organisation) -> Self {
        OrganisationDoc {
            id: o.id,
            code: o.code.to_string(),
            name: o.name,
            org_type: o.org_type.as_str(),
            region: o.region,
            union_id: o.union_id,
            iati_id: o.iati_id,
            ministry: o.ministry,
            version: o.version,
        }
    }
}

/// A new organisation.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewOrganisationBody {
    /// 2–40 lower-case letters, digits and dashes.
    pub code: String,
    pub name: String,
    /// The organisation type, as in `handover org add --help`.
    #[serde(rename = "type")]
    pub org_type: String,
    #[serde(default)]
    pub region: Option<String>,
    /// The code of the union a municipality belongs to.
    #[serde(default)]
    pub union: Option<String>,
    #[serde(default)]
    pub iati_id: Option<String>,
}

impl RequestBody for NewOrganisationBody {
    const FIELDS: &'static [&'static str] = &["code", "name", "type", "region", "union", "iati_id"];
    const READ_ONLY: &'static [&'static str] = &["id", "version", "ministry", "union_id"];
}

/// `GET /api/v1/organisations`: the directory, by name.
#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations",
    params(("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = Page<OrganisationDoc>), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn list_organisations(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    uri: Uri,
) -> Result<Json<Page<OrganisationDoc>>, AppError> {
    let q = ListQuery::read(&uri, &[])?;
    let all = orgs::list(&state.store, &actor).await?;
    Ok(Json(q.page.page(all.into_iter().map(Into::into).collect())))
}

/// `GET /api/v1/organisations/{organisation}` (code or id).
#[utoipa::path(get, path = "/api/v1/organisations/{organisation}", tag = "organisations",
    params(("organisation" = String, Path, description = "The organisation's code or id")),
    responses((status = 200, body = OrganisationDoc, headers(("ETag" = String))), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_organisation(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(org): Ids<String>,
) -> Result<Response, AppError> {
    let key = org.parse::<OrgId>().map_or(org, |id| id.to_string());
    let o = orgs::find(&state.store, &actor, &key).await?;
    Ok(one(o.version, OrganisationDoc::from(o)))
}

/// `POST /api/v1/organisations`: adds an organisation to the directory.
#[utoipa::path(post, path = "/api/v1/organisations", tag = "organisations",
    request_body = NewOrganisationBody,
    responses((status = 201, body = OrganisationDoc, headers(("ETag" = String), ("Location" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn create_organisation(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    JsonBody(b): JsonBody<NewOrganisationBody>,
) -> Result<Response, AppError> {
    let new = NewOrganisation::parse(
        &b.code,
        &b.name,
        &b.org_type,
        b.region.as_deref(),
        b.union.as_deref(),
        b.iati_id.as_deref(),
    )
    .map_err(StoreError::Invalid)?;
    let o = orgs::add(&state.store, &actor, new)
        .await
        .map_err(|e| match e {
            // Name the request's field, so the error entry points at it.
            StoreError::Duplicate { field, value } => StoreError::Duplicate {
                field: if field.contains("IATI") {
                    "iati_id"
                } else {
                    "code"
                }
                .into(),
                value,
            },
            other => other,
        })?;
    let location = format!("/api/v1/organisations/{}", o.code);
    Ok(created(&location, o.version, OrganisationDoc::from(o)))
}

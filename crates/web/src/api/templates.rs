//! `/api/v1/templates`: the templates a caller can see (the deployment's built-in ones and its
//! organisation's own), one template in the template format, and importing a new one given as
//! JSON in that format (`docs/TEMPLATE-FORMAT.md`); every problem of an invalid template is
//! listed with its JSON Pointer.

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
use handover_core::ids::{OrgId, TemplateId};
use handover_core::template::Template;
use handover_core::text::Text;
use handover_store::templates::{self, TemplateInfo};
use serde::Serialize;

/// A template as listed.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TemplateSummary {
    pub id: TemplateId,
    pub code: String,
    /// `rto_transition` or `generic`.
    pub kind: String,
    pub name: Text,
    /// Shipped with Handover.
    pub builtin: bool,
    /// The organisation that owns it; `null` for the deployment's.
    pub organisation_id: Option<OrgId>,
    pub version: i64,
    /// Where the whole template is.
    pub url: String,
}

impl From<TemplateInfo> for TemplateSummary {
    fn from(t: TemplateInfo) -> Self {
        TemplateSummary {
            url: format!("/api/v1/templates/{}", t.id),
            id: t.id,
            code: t.code,
            kind: t.kind,
            name: t.name,
            builtin: t.builtin,
            organisation_id: t.organisation_id,
            version: t.version,
        }
    }
}

/// The template format as a request body (its own rules refuse unknown fields at any depth).
#[derive(Debug)]
pub struct TemplateBody(pub Template);

impl<'de> serde::Deserialize<'de> for TemplateBody {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Template::deserialize(d).map(TemplateBody)
    }
}

impl RequestBody for TemplateBody {
    const FIELDS: &'static [&'static str] = &[
        "format",
        "code",
        "kind",
        "quarters",
        "languages",
        "name",
        "description",
        "needs",
        "risks",
        "results",
        "milestones",
    ];
}

/// `GET /api/v1/templates`: the deployment's templates and the caller's organisation's own.
#[utoipa::path(get, path = "/api/v1/templates", tag = "templates",
    params(("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = Page<TemplateSummary>), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn list_templates(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    uri: Uri,
) -> Result<Json<Page<TemplateSummary>>, AppError> {
    let q = ListQuery::read(&uri, &[])?;
    let all = templates::list(&state.store, &actor).await?;
    Ok(Json(q.page.page(all.into_iter().map(Into::into).collect())))
}

/// `GET /api/v1/templates/{template}` (code or id): the template in the template format.
#[utoipa::path(get, path = "/api/v1/templates/{template}", tag = "templates",
    params(("template" = String, Path, description = "The template's code or id")),
    responses((status = 200, description = "The template, in the template format (see `handover template schema`)", body = Object, headers(("ETag" = String))), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn show_template(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(template): Ids<String>,
) -> Result<Response, AppError> {
    let key = template
        .parse::<TemplateId>()
        .map_or(template, |id| id.to_string());
    let (info, t) = templates::get(&state.store, &actor, &key).await?;
    Ok(one(info.version, t))
}

/// `POST /api/v1/templates`: imports a new template (the operator's for the whole deployment,
/// a member's for their organisation); an existing code is 409.
#[utoipa::path(post, path = "/api/v1/templates", tag = "templates",
    request_body(content = Object, description = "A template in the template format (see `handover template schema`)"),
    responses((status = 201, body = TemplateSummary, headers(("ETag" = String), ("Location" = String))), WriteErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn create_template(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    JsonBody(TemplateBody(t)): JsonBody<TemplateBody>,
) -> Result<Response, AppError> {
    let info = templates::create(&state.store, &actor, &t).await?;
    let s = TemplateSummary::from(info);
    Ok(created(&s.url.clone(), s.version, s))
}

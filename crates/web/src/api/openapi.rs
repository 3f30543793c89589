//! The OpenAPI 3.1 document's frame (title, version, security, the shared error body); the
//! paths and schemas come from the handlers themselves (`utoipa-axum`).

use crate::error::ErrorEntry;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// The frame of the document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Handover API",
        description = "Plans, results frameworks, indicators, reporting, endorsement and handover of the institutions local authorities and development partners build together. See docs/API-DESIGN.md.",
        license(name = "AGPL-3.0-or-later")
    ),
    components(schemas(ErrorBody, ErrorEntry)),
    modifiers(&Security),
    tags(
        (name = "plans", description = "Plans and their results frameworks"),
        (name = "framework", description = "A plan's milestones, activities, results, indicators, targets, actuals, risks and calendar, record by record"),
        (name = "organisations", description = "The organisation directory"),
        (name = "templates", description = "Templates plans are copied from"),
        (name = "accounts", description = "Users, memberships, sessions and tokens"),
        (name = "reporting", description = "Quarterly reports: draft, submit, approve or return"),
        (name = "endorsement", description = "Every party signs off the plan's framework"),
        (name = "handover", description = "The handover schedule"),
        (name = "audit", description = "Who changed what, when"),
        (name = "finance", description = "Cost lines, budget totals and versions, spending, the Agreement of Cooperation, exchange rates and real terms"),
    )
)]
pub(crate) struct ApiDoc;

/// The document the routes are added to.
pub(crate) fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// The one error body of every refusal (SPEC §14).
#[derive(utoipa::ToSchema)]
#[expect(
    dead_code,
    reason = "describes the wire form of AppError for the OpenAPI document"
)]
pub(crate) struct ErrorBody {
    /// A stable machine code, e.g. `not_found`, `invalid`, `stale_version`.
    code: String,
    /// A sentence for people.
    message: String,
    /// One entry per problem.
    errors: Vec<ErrorEntry>,
}

/// Bearer tokens for scripts, session cookies for the browser.
struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("hov_…")
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("handover_session"))),
        );
    }
}

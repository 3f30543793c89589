//! The JSON API under `/api/v1`: one module per resource, each with its request and response
//! types and `#[utoipa::path]` on every handler, so `/api/openapi.json` is generated from the
//! same routes that serve. URL shapes, resource shapes, pagination and errors follow
//! `docs/API-DESIGN.md`.

pub mod body;
pub mod concurrency;
pub mod cycle;
pub mod finance;
pub mod framework;
pub mod me;
pub mod openapi;
pub mod organisations;
pub mod pagination;
pub mod plans;
pub mod reference;
pub mod session;
pub mod templates;
pub mod tokens;
pub mod users;

use crate::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The API's routes, with their full paths, and their OpenAPI description.
pub(crate) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::document())
        .routes(routes!(plans::list_plans, framework::plan::create_plan))
        .routes(routes!(plans::show_plan, framework::plan::update_plan))
        .routes(routes!(
            organisations::list_organisations,
            organisations::create_organisation
        ))
        .routes(routes!(organisations::show_organisation))
        .routes(routes!(
            templates::list_templates,
            templates::create_template
        ))
        .routes(routes!(templates::show_template))
        .routes(routes!(framework::calendar::list_calendar))
        .routes(routes!(
            framework::milestones::list_milestones,
            framework::milestones::create_milestone
        ))
        .routes(routes!(
            framework::milestones::show_milestone,
            framework::milestones::update_milestone,
            framework::milestones::delete_milestone
        ))
        .routes(routes!(
            framework::activities::list_activities,
            framework::activities::create_activity
        ))
        .routes(routes!(
            framework::activities::show_activity,
            framework::activities::update_activity,
            framework::activities::delete_activity
        ))
        .routes(routes!(framework::activity_status::set_activity_status))
        .routes(routes!(framework::activity_status::list_status_history))
        .routes(routes!(framework::activity_status::add_activity_instance))
        .routes(routes!(
            framework::results::list_results,
            framework::results::create_result
        ))
        .routes(routes!(
            framework::results::show_result,
            framework::results::update_result,
            framework::results::delete_result
        ))
        .routes(routes!(
            framework::indicators::list_indicators,
            framework::indicators::create_indicator
        ))
        .routes(routes!(
            framework::indicators::show_indicator,
            framework::indicators::update_indicator,
            framework::indicators::delete_indicator
        ))
        .routes(routes!(
            framework::values::list_values,
            framework::values::create_value
        ))
        .routes(routes!(
            framework::values::show_value,
            framework::values::update_value,
            framework::values::delete_value
        ))
        .routes(routes!(
            framework::risks::list_risks,
            framework::risks::create_risk
        ))
        .routes(routes!(
            framework::risks::show_risk,
            framework::risks::update_risk,
            framework::risks::delete_risk
        ))
        .routes(routes!(me::show_me))
        .routes(routes!(
            session::sign_in,
            session::show_session,
            session::switch_organisation,
            session::sign_out
        ))
        .routes(routes!(tokens::create_token, tokens::list_tokens))
        .routes(routes!(tokens::revoke_token))
        .routes(routes!(users::list_users, users::add_user))
        .routes(routes!(users::show_user, users::update_user))
        .routes(routes!(users::set_membership, users::remove_membership))
        .routes(routes!(cycle::reports::list_reports))
        .routes(routes!(cycle::reports::show_report))
        .routes(routes!(cycle::reports::save_actuals))
        .routes(routes!(cycle::reports::submit_report))
        .routes(routes!(cycle::reports::review_report))
        .routes(routes!(cycle::reports::list_due_reports))
        .routes(routes!(
            cycle::endorsements::show_endorsements,
            cycle::endorsements::endorse_plan
        ))
        .routes(routes!(
            cycle::handover::list_handover_items,
            cycle::handover::add_handover_item
        ))
        .routes(routes!(
            cycle::handover::update_handover_item,
            cycle::handover::delete_handover_item
        ))
        .routes(routes!(cycle::handover::confirm_handover_item))
        .routes(routes!(cycle::audit::list_plan_audit))
        .merge(finance_routes())
}

/// The finance routes (`api/finance/`).
fn finance_routes() -> OpenApiRouter<AppState> {
    use finance::*;
    OpenApiRouter::new()
        .routes(routes!(
            cost_lines::list_cost_lines,
            cost_lines::create_cost_line
        ))
        .routes(routes!(imports::import_cost_lines))
        .routes(routes!(
            cost_lines::show_cost_line,
            cost_lines::update_cost_line,
            cost_lines::delete_cost_line
        ))
        .routes(routes!(budget::show_budget))
        .routes(routes!(workbook::download_workbook))
        .routes(routes!(
            versions::list_budget_versions,
            versions::freeze_budget_version
        ))
        .routes(routes!(versions::show_budget_version))
        .routes(routes!(comparison::compare_budget_versions))
        .routes(routes!(
            expenditures::list_expenditures,
            expenditures::create_expenditure
        ))
        .routes(routes!(
            expenditures::show_expenditure,
            expenditures::update_expenditure,
            expenditures::delete_expenditure
        ))
        .routes(routes!(spending::show_spending))
        .routes(routes!(
            settings::show_finance_settings,
            settings::set_finance_settings
        ))
        .routes(routes!(settings::show_aoc, settings::set_aoc))
        .routes(routes!(rates::list_rates, rates::create_rate))
        .routes(routes!(imports::import_rates))
        .routes(routes!(
            rates::show_rate,
            rates::update_rate,
            rates::delete_rate
        ))
        .routes(routes!(real_terms::show_real_terms))
}

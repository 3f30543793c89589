//! `GET /api/v1/plans/{plan}/budget-comparison`: two budgets side by side — two frozen
//! versions, or a version and the current budget — line by line (added, removed, changed with
//! the fields that differ) and in totals per funding party, per currency.

use super::docs::{self, CostLineDoc, MoneyDoc, amounts};
use super::query::Params;
use super::store_error;
use crate::AppState;
use crate::api::framework::{Ids, ReadErrors, plan_id};
use crate::error::AppError;
use crate::extract::CurrentActor;
use axum::Json;
use axum::extract::State;
use axum::http::Uri;
use handover_core::finance::version::compare;
use handover_core::ids::BudgetVersionId;
use handover_store::finance::versions;

/// One side of a comparison: a frozen version, or the current budget.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct SideDoc {
    /// The version's id; `null` for the current budget.
    pub id: Option<BudgetVersionId>,
    /// The version's number; `null` for the current budget.
    pub number: Option<i64>,
    /// The version's name, or `current`.
    pub name: String,
}

/// How one line differs.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct LineChangeDoc {
    pub before: CostLineDoc,
    pub after: CostLineDoc,
    /// The fields that differ: `activity`, `category`, `description`, `unit`, `unit_price`,
    /// `currency`, `funder`, `quantities`.
    pub fields: Vec<String>,
}

/// A party's totals before and after.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct PartyChangeDoc {
    /// The party's code.
    pub party: String,
    pub before: Vec<MoneyDoc>,
    pub after: Vec<MoneyDoc>,
    /// after − before, per currency.
    pub difference: Vec<MoneyDoc>,
}

/// Two budgets side by side.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ComparisonDoc {
    pub from: SideDoc,
    pub to: SideDoc,
    pub added: Vec<CostLineDoc>,
    pub removed: Vec<CostLineDoc>,
    pub changed: Vec<LineChangeDoc>,
    /// How many lines are the same in both.
    pub unchanged: usize,
    pub by_party: Vec<PartyChangeDoc>,
    pub total_before: Vec<MoneyDoc>,
    pub total_after: Vec<MoneyDoc>,
    pub difference: Vec<MoneyDoc>,
}

/// `GET /api/v1/plans/{plan}/budget-comparison?from=&to=`: `from` and `to` name a version (id,
/// number or name) or `current`; by default `from` is the AoC baseline (else the latest
/// version) and `to` the current budget.
#[utoipa::path(get, path = "/api/v1/plans/{plan}/budget-comparison", tag = "finance",
    params(("plan" = String, Path, description = "The plan's code or id"),
        ("from" = Option<String>, Query, description = "A version's id, number or name, or `current`; the AoC baseline (else the latest version) by default"),
        ("to" = Option<String>, Query, description = "A version's id, number or name, or `current` (the default)")),
    responses((status = 200, body = ComparisonDoc), ReadErrors),
    security(("bearer" = []), ("session" = [])))]
pub(crate) async fn compare_budget_versions(
    State(state): State<AppState>,
    CurrentActor(actor): CurrentActor,
    Ids(plan): Ids<String>,
    uri: Uri,
) -> Result<Json<ComparisonDoc>, AppError> {
    let params = Params::read(&uri, &["from", "to"])?;
    let plan = plan_id(&state, &actor, &plan).await?;
    let data = handover_store::finance::budget(&state.store, &actor, plan)
        .await
        .map_err(store_error)?;
    let from = match params.0.get("from") {
        Some(f) => f.clone(),
        None => {
            let baseline = data
                .aoc
                .baseline
                .and_then(|b| data.versions.iter().find(|v| v.id == b))
                .or(data.versions.last());
            match baseline {
                Some(v) => v.number.to_string(),
                None => {
                    return Err(handover_store::StoreError::NotFound(
                        "a frozen budget version to compare with (freeze one first)".into(),
                    )
                    .into());
                }
            }
        }
    };
    let to = params.0.get("to").cloned().unwrap_or("current".into());
    let side = |name: &str| {
        let (state, actor, lines) = (&state, &actor, &data.lines);
        let name = name.to_owned();
        async move {
            if name.eq_ignore_ascii_case("current") {
                let side = SideDoc {
                    id: None,
                    number: None,
                    name: "current".into(),
                };
                return Ok::<_, AppError>((side, lines.clone()));
            }
            let v = versions::get(&state.store, actor, plan, &name)
                .await
                .map_err(store_error)?;
            let side = SideDoc {
                id: Some(v.id),
                number: Some(v.number),
                name: v.name,
            };
            Ok((side, v.lines))
        }
    };
    let (from, before) = side(&from).await?;
    let (to, after) = side(&to).await?;
    let tree = &data.tree;
    let c = compare(&before, &after);
    let line = |l| docs::cost_line(tree, l);
    Ok(Json(ComparisonDoc {
        from,
        to,
        added: c.added.iter().map(line).collect(),
        removed: c.removed.iter().map(line).collect(),
        changed: c
            .changed
            .iter()
            .map(|ch| LineChangeDoc {
                before: line(&ch.before),
                after: line(&ch.after),
                fields: ch.fields.iter().map(|f| (*f).to_owned()).collect(),
            })
            .collect(),
        unchanged: c.unchanged,
        by_party: c
            .by_party
            .iter()
            .map(|(o, (b, a, d))| PartyChangeDoc {
                party: docs::party(tree, *o),
                before: amounts(b, None),
                after: amounts(a, None),
                difference: amounts(d, None),
            })
            .collect(),
        total_before: amounts(&c.total_before, None),
        total_after: amounts(&c.total_after, None),
        difference: amounts(&c.total_after.minus(&c.total_before), None),
    }))
}

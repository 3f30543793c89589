//! A batch's targets and actuals, read as one JSON array per plan that the database builds
//! (SQLite's `json_group_array`, PostgreSQL's `json_agg`) rather than one row per value: a row
//! costs far more to hand over than its bytes, and values are most of a plan's rows. They are
//! put back in the order `plans::load` gives them (indicator, period, kind, dimensions).

use crate::StoreResult;
use crate::error::StoreError;
use handover_core::ids::{IndicatorId, PeriodId, PlanId, ValueId};
use handover_core::indicator::{Dimensions, PeriodValue, Value, ValueKind};
use handover_core::plan::Period;
use handover_core::text::Text;
use std::collections::HashMap;

/// The query: `plan_id`, and `vals`, the plan's values as a JSON array of arrays; `{}`
/// stands for the plans' placeholders.
pub(super) fn query(sqlite: bool) -> &'static str {
    if sqlite {
        "SELECT plan_id, json_group_array(json_array(id, indicator_id, period_id, kind, value, is_number, \
         json(dimensions), json(comment), evidence)) AS vals \
         FROM indicator_values WHERE plan_id IN ({}) GROUP BY plan_id"
    } else {
        "SELECT plan_id, json_agg(json_build_array(id, indicator_id, period_id, kind, value, is_number, \
         dimensions::json, comment::json, evidence))::text AS vals \
         FROM indicator_values WHERE plan_id IN ({}) GROUP BY plan_id"
    }
}

/// One value as the query writes it.
type Row = (
    ValueId,
    IndicatorId,
    PeriodId,
    String,
    String,
    i64,
    Dimensions,
    Text,
    Option<String>,
);

/// The values of a plan from its JSON array. Who reported them and when are not read (the
/// export does not write them).
pub(super) fn decode(
    plan_id: PlanId,
    json: &str,
    periods: &[Period],
) -> StoreResult<Vec<PeriodValue>> {
    let rows: Vec<Row> = serde_json::from_str(json)
        .map_err(|e| StoreError::Corrupt(format!("the values of plan {plan_id}: {e}")))?;
    let seq: HashMap<PeriodId, u16> = periods.iter().map(|p| (p.id, p.seq)).collect();
    let mut out = rows
        .into_iter()
        .map(
            |(id, indicator_id, period_id, kind, raw, is_number, dimensions, comment, evidence)| {
                let value = if is_number != 0 {
                    Value::Number(
                        raw.parse()
                            .map_err(|_| StoreError::Corrupt(format!("decimal `{raw}`")))?,
                    )
                } else {
                    Value::Narrative(raw)
                };
                Ok(PeriodValue {
                    id,
                    plan_id,
                    indicator_id,
                    period_id,
                    kind: if kind == "target" {
                        ValueKind::Target
                    } else {
                        ValueKind::Actual
                    },
                    value,
                    dimensions,
                    comment,
                    evidence,
                    reported_by: None,
                    reported_at: None,
                    version: 0,
                })
            },
        )
        .collect::<StoreResult<Vec<_>>>()?;
    out.sort_by(|a, b| {
        (
            a.indicator_id,
            seq.get(&a.period_id),
            a.kind.as_str(),
            &a.dimensions,
        )
            .cmp(&(
                b.indicator_id,
                seq.get(&b.period_id),
                b.kind.as_str(),
                &b.dimensions,
            ))
    });
    Ok(out)
}

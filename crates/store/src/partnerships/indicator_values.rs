//! Dated values of a partnership's performance indicators, recorded by reporters of the member
//! organisations: a number for numeric measures, a narrative for qualitative ones, with a
//! comment.

use super::indicators::load_one;
use super::refs::{date as date_col, text, typed_date};
use super::tx::{Tx, check_version, missing};
use super::{IndicatorValueId, PartnershipId, PartnershipIndicatorId};
use crate::StoreResult;
use crate::codec::{self, date, json, now};
use crate::connect::Store;
use crate::rows::{Get, row};
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::indicator::{Measure, Value};
use handover_core::text::Text;
use serde::{Deserialize, Serialize};
use time::Date;

/// A dated value of a performance indicator.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct IndicatorValue {
    /// Its id.
    pub id: IndicatorValueId,
    /// The day it was measured.
    pub on: Date,
    /// The value.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub value: Value,
    /// A comment, one text per language.
    pub comment: Text,
    /// Who recorded it, as the audit trail names actors.
    pub recorded_by: String,
    /// Its version.
    pub version: i64,
}

/// A value as written; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct IndicatorValueInput {
    /// `YYYY-MM-DD`; required when recording.
    pub on: Option<String>,
    /// The value as typed; required when recording.
    pub value: Option<String>,
    /// A comment.
    pub comment: Option<Text>,
}

/// Records a dated value of an indicator (a reporter, editor or administrator).
pub async fn record_value(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    indicator: PartnershipIndicatorId,
    input: IndicatorValueInput,
) -> StoreResult<IndicatorValue> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Report, "recording a value")
        .await?;
    let ind = load_one(&mut tx, partnership, indicator).await?;
    let mut p = Problems::default();
    if input.on.is_none() {
        p.push("on", "give the day the value was measured (YYYY-MM-DD)");
    }
    if input.value.is_none() {
        p.push("value", "give the value");
    }
    let base = IndicatorValue {
        id: IndicatorValueId::new(),
        on: time::OffsetDateTime::now_utc().date(),
        value: Value::Narrative(String::new()),
        comment: Text::default(),
        recorded_by: actor.label(),
        version: 1,
    };
    let v = apply(&base, &input, ind.measure, &mut p);
    p.into_result()?;
    tx.exec(
        "INSERT INTO partnership_indicator_values (id, partnership_id, indicator_id, on_date, value, comment, \
         recorded_by, recorded_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1)",
        row![v.id.to_string(), partnership.to_string(), indicator.to_string(), date(v.on), v.value.as_text(),
             json(&v.comment), v.recorded_by.clone(), now()],
    )
    .await?;
    tx.audit(
        AuditAction::Create,
        "partnership_indicator_value",
        v.id,
        None::<&()>,
        Some(&v),
    )
    .await?;
    tx.commit().await?;
    Ok(v)
}

/// Changes a value if `expected` is still its version.
pub async fn update_value(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    indicator: PartnershipIndicatorId,
    value: IndicatorValueId,
    expected: i64,
    input: IndicatorValueInput,
) -> StoreResult<IndicatorValue> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Report, "changing a value")
        .await?;
    let ind = load_one(&mut tx, partnership, indicator).await?;
    let before = ind
        .values
        .iter()
        .find(|v| v.id == value)
        .cloned()
        .ok_or_else(|| missing("value", value))?;
    check_version("the value", expected, before.version)?;
    let mut p = Problems::default();
    let mut after = apply(&before, &input, ind.measure, &mut p);
    p.into_result()?;
    if after == before {
        return Ok(before);
    }
    after.recorded_by = actor.label();
    after.version = before.version + 1;
    tx.update_checked(
        "UPDATE partnership_indicator_values SET on_date = $1, value = $2, comment = $3, recorded_by = $4, \
         recorded_at = $5, version = version + 1 WHERE id = $6 AND version = $7",
        row![date(after.on), after.value.as_text(), json(&after.comment), after.recorded_by.clone(), now(),
             value.to_string(), expected],
        "the value",
        expected,
    )
    .await?;
    tx.audit(
        AuditAction::Update,
        "partnership_indicator_value",
        value,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Deletes a value if `expected` is still its version.
pub async fn delete_value(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    indicator: PartnershipIndicatorId,
    value: IndicatorValueId,
    expected: i64,
) -> StoreResult<()> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Report, "deleting a value")
        .await?;
    let ind = load_one(&mut tx, partnership, indicator).await?;
    let before = ind
        .values
        .iter()
        .find(|v| v.id == value)
        .cloned()
        .ok_or_else(|| missing("value", value))?;
    check_version("the value", expected, before.version)?;
    tx.update_checked(
        "DELETE FROM partnership_indicator_values WHERE id = $1 AND version = $2",
        row![value.to_string(), expected],
        "the value",
        expected,
    )
    .await?;
    tx.audit(
        AuditAction::Delete,
        "partnership_indicator_value",
        value,
        Some(&before),
        None::<&()>,
    )
    .await?;
    tx.commit().await
}

fn apply(
    base: &IndicatorValue,
    input: &IndicatorValueInput,
    measure: Measure,
    p: &mut Problems,
) -> IndicatorValue {
    let mut v = base.clone();
    if let Some(d) = &input.on {
        match typed_date(p, "on", Some(d)) {
            Some(d) => v.on = d,
            None if d.trim().is_empty() => {
                p.push("on", "give the day the value was measured (YYYY-MM-DD)")
            }
            None => {}
        }
    }
    if let Some(raw) = &input.value
        && let Some(x) = p.take("value", Value::parse(measure, raw))
    {
        v.value = x;
    }
    v.comment = input.comment.clone().unwrap_or(v.comment);
    v
}

/// An indicator's values, oldest first.
pub(super) async fn load_values(
    tx: &mut Tx<'_>,
    indicator: PartnershipIndicatorId,
    measure: Measure,
) -> StoreResult<Vec<IndicatorValue>> {
    let rows = tx
        .all(
            "SELECT * FROM partnership_indicator_values WHERE indicator_id = $1 ORDER BY on_date, id",
            row![indicator.to_string()],
        )
        .await?;
    rows.iter()
        .map(|r| {
            Ok(IndicatorValue {
                id: codec::id(&r.text("id")?)?,
                on: date_col(r, "on_date")?,
                value: codec::parsed(Value::parse(measure, &r.text("value")?))?,
                comment: text(r, "comment")?,
                recorded_by: r.text("recorded_by")?,
                version: r.int("version")?,
            })
        })
        .collect()
}

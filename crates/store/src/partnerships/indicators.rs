//! Performance indicators of a partnership (SPEC §9; seed `001_…`: "indicators reflecting the
//! interests of the different stakeholders, and giving due attention to both the economic and
//! social aspects"): the same measures and values as a plan's indicators, each tagged with whose
//! interest it serves, optionally tied to one agreement, with a baseline, a target and dated
//! values. Editors define indicators; reporters record values.

use super::indicator_values::{IndicatorValue, load_values};
use super::refs::{keyed, text};
use super::tx::{Tx, check_version, missing};
use super::{AgreementId, PartnershipId, PartnershipIndicatorId};
use crate::StoreResult;
use crate::codec::{self, json};
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::{Get, row};
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::indicator::{Measure, Value};
use handover_core::partnership::InterestServed;
use handover_core::text::Text;
use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;

/// A performance indicator of a partnership with its values, oldest first.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct PartnershipIndicator {
    /// Its id.
    pub id: PartnershipIndicatorId,
    /// The partnership it measures.
    pub partnership_id: PartnershipId,
    /// The agreement it measures, if any.
    pub agreement_id: Option<AgreementId>,
    /// A short code unique in the partnership (`PI1`).
    pub code: String,
    /// What it measures, one text per language.
    pub statement: Text,
    /// Its measure (unit, percentage, nominal, ordinal, qualitative).
    pub measure: Measure,
    /// The unit of a count or amount.
    pub unit: Option<String>,
    /// Whose interest it serves.
    pub interest: InterestServed,
    /// Its baseline.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub baseline: Option<Value>,
    /// Its target.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub target: Option<Value>,
    /// Its dated values, oldest first.
    pub values: Vec<IndicatorValue>,
    /// Its version.
    pub version: i64,
}

/// An indicator as written; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct IndicatorInput {
    /// Required when creating.
    pub code: Option<String>,
    /// Required when creating.
    pub statement: Option<Text>,
    /// Required when creating; fixed once values are recorded.
    pub measure: Option<Measure>,
    /// `Some(None)` clears it.
    pub unit: Option<Option<String>>,
    /// Required when creating.
    pub interest: Option<InterestServed>,
    /// `Some(None)` clears it.
    pub baseline: Option<Option<String>>,
    /// `Some(None)` clears it.
    pub target: Option<Option<String>>,
    /// The agreement it measures; `Some(None)` clears it.
    pub agreement: Option<Option<AgreementId>>,
}

/// The performance indicators of a partnership, in the order they were made.
pub async fn list_indicators(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
) -> StoreResult<Vec<PartnershipIndicator>> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.access(partnership).await?;
    let rows = tx
        .all(
            "SELECT * FROM partnership_indicators WHERE partnership_id = $1 ORDER BY position, id",
            row![partnership.to_string()],
        )
        .await?;
    let mut out = vec![];
    for r in &rows {
        out.push(from_row(&mut tx, r).await?);
    }
    tx.commit().await?;
    Ok(out)
}

/// Adds a performance indicator.
pub async fn create_indicator(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    input: IndicatorInput,
) -> StoreResult<PartnershipIndicator> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Edit, "adding an indicator")
        .await?;
    let mut p = Problems::default();
    for (field, given, what) in [
        (
            "code",
            input.code.is_some(),
            "give the indicator a short code, e.g. PI1",
        ),
        (
            "statement",
            input.statement.is_some(),
            "say what the indicator measures",
        ),
        (
            "measure",
            input.measure.is_some(),
            "give its measure: unit, percentage, nominal, ordinal or qualitative",
        ),
        (
            "interest",
            input.interest.is_some(),
            "say whose interest it serves",
        ),
    ] {
        if !given {
            p.push(field, what);
        }
    }
    let base = PartnershipIndicator {
        id: PartnershipIndicatorId::new(),
        partnership_id: partnership,
        agreement_id: None,
        code: String::new(),
        statement: Text::default(),
        measure: input.measure.unwrap_or(Measure::Unit),
        unit: None,
        interest: input.interest.unwrap_or(InterestServed::Other),
        baseline: None,
        target: None,
        values: vec![],
        version: 1,
    };
    let ind = apply(&mut tx, &base, &input, &mut p).await?;
    p.into_result()?;
    let position = tx
        .one(
            "SELECT COUNT(*) AS n FROM partnership_indicators WHERE partnership_id = $1",
            row![partnership.to_string()],
        )
        .await?
        .map(|r| r.int("n"))
        .transpose()?
        .unwrap_or(0);
    let mut values = columns(&ind);
    values.extend(row![ind.id.to_string(), partnership.to_string(), position]);
    tx.exec(
        "INSERT INTO partnership_indicators (code, statement, measure, unit, interest, baseline, target, agreement_id, \
         id, partnership_id, position, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1)",
        values,
    )
    .await
    .map_err(|e| duplicate(e, &ind.code))?;
    tx.audit(
        AuditAction::Create,
        "partnership_indicator",
        ind.id,
        None::<&()>,
        Some(&ind),
    )
    .await?;
    tx.commit().await?;
    Ok(ind)
}

/// Changes an indicator if `expected` is still its version.
pub async fn update_indicator(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    indicator: PartnershipIndicatorId,
    expected: i64,
    input: IndicatorInput,
) -> StoreResult<PartnershipIndicator> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Edit, "changing an indicator")
        .await?;
    let before = load_one(&mut tx, partnership, indicator).await?;
    check_version("the indicator", expected, before.version)?;
    let mut p = Problems::default();
    if input.measure.is_some_and(|m| m != before.measure) && !before.values.is_empty() {
        p.push("measure", "the measure is fixed once values are recorded");
    }
    let mut after = apply(&mut tx, &before, &input, &mut p).await?;
    p.into_result()?;
    if after == before {
        return Ok(before);
    }
    after.version = before.version + 1;
    let mut values = columns(&after);
    values.extend(row![indicator.to_string(), expected]);
    tx.update_checked(
        "UPDATE partnership_indicators SET code = $1, statement = $2, measure = $3, unit = $4, interest = $5, \
         baseline = $6, target = $7, agreement_id = $8, version = version + 1 WHERE id = $9 AND version = $10",
        values,
        "the indicator",
        expected,
    )
    .await
    .map_err(|e| duplicate(e, &after.code))?;
    tx.audit(
        AuditAction::Update,
        "partnership_indicator",
        indicator,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Deletes an indicator and its values if `expected` is still its version.
pub async fn delete_indicator(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    indicator: PartnershipIndicatorId,
    expected: i64,
) -> StoreResult<()> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Edit, "deleting an indicator")
        .await?;
    let before = load_one(&mut tx, partnership, indicator).await?;
    check_version("the indicator", expected, before.version)?;
    tx.update_checked(
        "DELETE FROM partnership_indicators WHERE id = $1 AND version = $2",
        row![indicator.to_string(), expected],
        "the indicator",
        expected,
    )
    .await?;
    tx.audit(
        AuditAction::Delete,
        "partnership_indicator",
        indicator,
        Some(&before),
        None::<&()>,
    )
    .await?;
    tx.commit().await
}

fn duplicate(e: StoreError, code: &str) -> StoreError {
    match e {
        StoreError::Duplicate { .. } => StoreError::Duplicate {
            field: "indicator code".into(),
            value: code.to_owned(),
        },
        other => other,
    }
}

fn columns(i: &PartnershipIndicator) -> Vec<crate::rows::Arg> {
    row![
        i.code.clone(),
        json(&i.statement),
        i.measure.as_str(),
        i.unit.clone(),
        i.interest.as_str(),
        i.baseline.as_ref().map(Value::as_text),
        i.target.as_ref().map(Value::as_text),
        i.agreement_id.map(|a| a.to_string()),
    ]
}

async fn apply(
    tx: &mut Tx<'_>,
    base: &PartnershipIndicator,
    input: &IndicatorInput,
    p: &mut Problems,
) -> StoreResult<PartnershipIndicator> {
    let mut i = base.clone();
    if let Some(c) = &input.code {
        let c = c.trim();
        if c.is_empty() || c.chars().count() > 20 {
            p.push("code", "an indicator code has 1 to 20 characters, e.g. PI1");
        }
        i.code = c.to_owned();
    }
    if let Some(s) = &input.statement {
        if s.is_empty() {
            p.push(
                "statement",
                "say what the indicator measures in at least one language",
            );
        }
        i.statement = s.clone();
    }
    i.measure = input.measure.unwrap_or(i.measure);
    i.interest = input.interest.unwrap_or(i.interest);
    if let Some(u) = &input.unit {
        i.unit = u
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(str::to_owned);
    }
    for (field, given, slot) in [
        ("baseline", &input.baseline, &mut i.baseline),
        ("target", &input.target, &mut i.target),
    ] {
        if let Some(v) = given {
            *slot = v
                .as_deref()
                .filter(|v| !v.trim().is_empty())
                .and_then(|v| p.take(field, Value::parse(base_measure(input, base), v)));
        }
    }
    if let Some(a) = &input.agreement {
        i.agreement_id = *a;
        if let Some(a) = a {
            let found = tx
                .one(
                    "SELECT id FROM partnership_agreements WHERE id = $1 AND partnership_id = $2",
                    row![a.to_string(), i.partnership_id.to_string()],
                )
                .await?;
            if found.is_none() {
                p.push(
                    "agreement",
                    format!("`{a}` is not an agreement of this partnership"),
                );
            }
        }
    }
    Ok(i)
}

fn base_measure(input: &IndicatorInput, base: &PartnershipIndicator) -> Measure {
    input.measure.unwrap_or(base.measure)
}

/// One indicator of the partnership with its values, read in the transaction.
pub(super) async fn load_one(
    tx: &mut Tx<'_>,
    partnership: PartnershipId,
    indicator: PartnershipIndicatorId,
) -> StoreResult<PartnershipIndicator> {
    let r = tx
        .one(
            "SELECT * FROM partnership_indicators WHERE id = $1 AND partnership_id = $2",
            row![indicator.to_string(), partnership.to_string()],
        )
        .await?
        .ok_or_else(|| missing("indicator", indicator))?;
    from_row(tx, &r).await
}

async fn from_row(tx: &mut Tx<'_>, r: &AnyRow) -> StoreResult<PartnershipIndicator> {
    let id: PartnershipIndicatorId = codec::id(&r.text("id")?)?;
    let measure = keyed(r, "measure", Measure::parse)?;
    let value = |col: &str| -> StoreResult<Option<Value>> {
        r.opt_text(col)?
            .map(|v| codec::parsed(Value::parse(measure, &v)))
            .transpose()
    };
    Ok(PartnershipIndicator {
        id,
        partnership_id: codec::id(&r.text("partnership_id")?)?,
        agreement_id: r
            .opt_text("agreement_id")?
            .map(|a| codec::id(&a))
            .transpose()?,
        code: r.text("code")?,
        statement: text(r, "statement")?,
        measure,
        unit: r.opt_text("unit")?,
        interest: keyed(r, "interest", InterestServed::parse)?,
        baseline: value("baseline")?,
        target: value("target")?,
        values: load_values(tx, id, measure).await?,
        version: r.int("version")?,
    })
}

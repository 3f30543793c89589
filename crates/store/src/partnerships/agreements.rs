//! Agreements between partners (SPEC §9; seed `001_…`): an Agreement of Cooperation, a
//! public-private partnership contract, a memorandum of understanding or a service contract,
//! with its parties and their roles, purpose, value and currency, dates, deliverables, the RTO
//! plan it belongs to, and its employment impact.

use super::agreement_input::{AgreementInput, apply};
use super::refs::{OrgRef, keyed, opt_date, text};
use super::tx::{Tx, check_version, missing};
use super::{AgreementId, PartnershipId};
use crate::StoreResult;
use crate::codec::{self, date, from_json, json};
use crate::connect::Store;
use crate::rows::{Get, row};
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::ids::{OrgId, PlanId};
use handover_core::money::Currency;
use handover_core::partnership::{AgreementKind, EmploymentImpact, PartnerRole};
use handover_core::text::Text;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;
use time::Date;

/// An agreement between partners.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Agreement {
    /// Its id.
    pub id: AgreementId,
    /// The partnership it belongs to.
    pub partnership_id: PartnershipId,
    /// What kind of agreement it is.
    pub kind: AgreementKind,
    /// Its title, one text per language.
    pub title: Text,
    /// Its purpose, one text per language.
    pub purpose: Text,
    /// The parties and their roles.
    pub parties: Vec<Party>,
    /// Its value, an exact decimal (with `currency`).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub value: Option<Decimal>,
    /// The currency of the value.
    pub currency: Option<Currency>,
    /// When it starts.
    pub start_on: Option<Date>,
    /// When it ends.
    pub end_on: Option<Date>,
    /// What it delivers, one text per language each.
    pub deliverables: Vec<Text>,
    /// The RTO plan whose Agreement of Cooperation this is, if any.
    pub plan_id: Option<PlanId>,
    /// Its employment impact, once recorded.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub employment: Option<EmploymentImpact>,
    /// Its version.
    pub version: i64,
}

/// A party to an agreement.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Party {
    /// The organisation (a member of the partnership).
    pub organisation: OrgRef,
    /// Its role: steering (convening), rowing or cheering.
    pub role: PartnerRole,
}

/// How parties are stored: organisation ids and roles.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredParty {
    pub(super) organisation_id: OrgId,
    pub(super) role: PartnerRole,
}

/// The agreements of a partnership, in the order they were made.
pub async fn list_agreements(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
) -> StoreResult<Vec<Agreement>> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.access(partnership).await?;
    let out = load_all(&mut tx, partnership).await?;
    tx.commit().await?;
    Ok(out)
}

/// One agreement of a partnership.
pub async fn get_agreement(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    agreement: AgreementId,
) -> StoreResult<Agreement> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.access(partnership).await?;
    let a = load_one(&mut tx, partnership, agreement).await?;
    tx.commit().await?;
    Ok(a)
}

/// Records an agreement between members of the partnership.
pub async fn create_agreement(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    input: AgreementInput,
) -> StoreResult<Agreement> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Edit, "recording an agreement")
        .await?;
    let mut p = Problems::default();
    if input.kind.is_none() {
        p.push("kind", "give the kind of agreement");
    }
    if input.title.as_ref().is_none_or(Text::is_empty) {
        p.push(
            "title",
            "give the agreement a title in at least one language",
        );
    }
    let base = Agreement {
        id: AgreementId::new(),
        partnership_id: partnership,
        kind: input.kind.unwrap_or(AgreementKind::AgreementOfCooperation),
        title: Text::default(),
        purpose: Text::default(),
        parties: vec![],
        value: None,
        currency: None,
        start_on: None,
        end_on: None,
        deliverables: vec![],
        plan_id: None,
        employment: None,
        version: 1,
    };
    let a = apply(&mut tx, &base, &input, &mut p).await?;
    p.into_result()?;
    let position = tx
        .one(
            "SELECT COUNT(*) AS n FROM partnership_agreements WHERE partnership_id = $1",
            row![partnership.to_string()],
        )
        .await?
        .map(|r| r.int("n"))
        .transpose()?
        .unwrap_or(0);
    let mut values = columns(&a);
    values.extend(row![a.id.to_string(), partnership.to_string(), position]);
    tx.exec(
        "INSERT INTO partnership_agreements (kind, title, purpose, parties, value, currency, start_on, end_on, \
         deliverables, plan_id, employment, id, partnership_id, position, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1)",
        values,
    )
    .await?;
    tx.audit(
        AuditAction::Create,
        "agreement",
        a.id,
        None::<&()>,
        Some(&a),
    )
    .await?;
    tx.commit().await?;
    Ok(a)
}

/// Changes an agreement if `expected` is still its version.
pub async fn update_agreement(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    agreement: AgreementId,
    expected: i64,
    input: AgreementInput,
) -> StoreResult<Agreement> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Edit, "changing an agreement")
        .await?;
    let before = load_one(&mut tx, partnership, agreement).await?;
    check_version("the agreement", expected, before.version)?;
    let mut p = Problems::default();
    let mut after = apply(&mut tx, &before, &input, &mut p).await?;
    if after.title.is_empty() {
        p.push(
            "title",
            "an agreement needs a title in at least one language",
        );
    }
    p.into_result()?;
    if after == before {
        return Ok(before);
    }
    after.version = before.version + 1;
    let mut values = columns(&after);
    values.extend(row![agreement.to_string(), expected]);
    tx.update_checked(
        "UPDATE partnership_agreements SET kind = $1, title = $2, purpose = $3, parties = $4, value = $5, \
         currency = $6, start_on = $7, end_on = $8, deliverables = $9, plan_id = $10, employment = $11, \
         version = version + 1 WHERE id = $12 AND version = $13",
        values,
        "the agreement",
        expected,
    )
    .await?;
    tx.audit(
        AuditAction::Update,
        "agreement",
        agreement,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Deletes an agreement if `expected` is still its version (its indicators stay with the
/// partnership).
pub async fn delete_agreement(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    agreement: AgreementId,
    expected: i64,
) -> StoreResult<()> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Edit, "deleting an agreement")
        .await?;
    let before = load_one(&mut tx, partnership, agreement).await?;
    check_version("the agreement", expected, before.version)?;
    tx.exec(
        "UPDATE agreements_of_cooperation SET agreement_id = NULL, version = version + 1 WHERE agreement_id = $1",
        row![agreement.to_string()],
    )
    .await?;
    tx.update_checked(
        "DELETE FROM partnership_agreements WHERE id = $1 AND version = $2",
        row![agreement.to_string(), expected],
        "the agreement",
        expected,
    )
    .await?;
    tx.audit(
        AuditAction::Delete,
        "agreement",
        agreement,
        Some(&before),
        None::<&()>,
    )
    .await?;
    tx.commit().await
}

/// The stored columns $1–$11 of an agreement.
fn columns(a: &Agreement) -> Vec<crate::rows::Arg> {
    let parties: Vec<StoredParty> = a
        .parties
        .iter()
        .map(|p| StoredParty {
            organisation_id: p.organisation.id,
            role: p.role,
        })
        .collect();
    row![
        a.kind.as_str(),
        json(&a.title),
        json(&a.purpose),
        json(&parties),
        a.value.map(|v| v.to_string()),
        a.currency.as_ref().map(|c| c.to_string()),
        a.start_on.map(date),
        a.end_on.map(date),
        json(&a.deliverables),
        a.plan_id.map(|p| p.to_string()),
        a.employment.as_ref().map(json),
    ]
}

/// One agreement of the partnership, read in the transaction.
pub(super) async fn load_one(
    tx: &mut Tx<'_>,
    partnership: PartnershipId,
    agreement: AgreementId,
) -> StoreResult<Agreement> {
    let r = tx
        .one(
            "SELECT * FROM partnership_agreements WHERE id = $1 AND partnership_id = $2",
            row![agreement.to_string(), partnership.to_string()],
        )
        .await?
        .ok_or_else(|| missing("agreement", agreement))?;
    from_row(tx, &r).await
}

async fn load_all(tx: &mut Tx<'_>, partnership: PartnershipId) -> StoreResult<Vec<Agreement>> {
    let rows = tx
        .all(
            "SELECT * FROM partnership_agreements WHERE partnership_id = $1 ORDER BY position, id",
            row![partnership.to_string()],
        )
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        out.push(from_row(tx, r).await?);
    }
    Ok(out)
}

async fn from_row(tx: &mut Tx<'_>, r: &AnyRow) -> StoreResult<Agreement> {
    let stored: Vec<StoredParty> = from_json(&r.text("parties")?, "agreement parties")?;
    let mut parties = Vec::with_capacity(stored.len());
    for s in stored {
        let organisation = tx
            .org(&s.organisation_id.to_string())
            .await?
            .ok_or_else(|| codec_err("a party of an agreement"))?;
        parties.push(Party {
            organisation,
            role: s.role,
        });
    }
    Ok(Agreement {
        id: codec::id(&r.text("id")?)?,
        partnership_id: codec::id(&r.text("partnership_id")?)?,
        kind: keyed(r, "kind", AgreementKind::parse)?,
        title: text(r, "title")?,
        purpose: text(r, "purpose")?,
        parties,
        value: r
            .opt_text("value")?
            .map(|v| codec::parsed(handover_core::money::parse_decimal(&v)))
            .transpose()?,
        currency: r
            .opt_text("currency")?
            .map(|c| codec::parsed(Currency::parse(&c)))
            .transpose()?,
        start_on: opt_date(r, "start_on")?,
        end_on: opt_date(r, "end_on")?,
        deliverables: from_json(&r.text("deliverables")?, "deliverables")?,
        plan_id: r.opt_text("plan_id")?.map(|p| codec::id(&p)).transpose()?,
        employment: r
            .opt_text("employment")?
            .map(|e| from_json(&e, "employment impact"))
            .transpose()?,
        version: r.int("version")?,
    })
}

fn codec_err(what: &str) -> crate::StoreError {
    crate::StoreError::Corrupt(format!(
        "{what} names an organisation that is not in the directory"
    ))
}

//! An agreement as written, checked field by field: its parties must be members of the
//! partnership, its value an exact non-negative amount with a currency, its dates in order, its
//! plan one the actor can see, and its employment impact consistent.

use super::agreements::Agreement;
use super::agreements::Party;
use super::members::load_members;
use super::refs::typed_date;
use super::tx::{Tx, scope_org};
use crate::StoreResult;
use crate::codec;
use crate::rows::{Get, row};
use handover_core::error::Problems;
use handover_core::money::{Currency, parse_decimal};
use handover_core::partnership::{AgreementKind, EmploymentImpact, PartnerRole};
use handover_core::text::Text;

/// A party as written: an organisation's code or id and its role.
#[derive(Clone, Debug)]
pub struct PartyInput {
    /// The organisation's code or id; it must be a member of the partnership.
    pub organisation: String,
    /// Its role in the agreement.
    pub role: PartnerRole,
}

/// An agreement as written; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct AgreementInput {
    /// Required when creating.
    pub kind: Option<AgreementKind>,
    /// Required when creating.
    pub title: Option<Text>,
    /// What it is for.
    pub purpose: Option<Text>,
    /// Replaces the parties.
    pub parties: Option<Vec<PartyInput>>,
    /// An exact decimal (`250000.00`); `Some(None)` clears it.
    pub value: Option<Option<String>>,
    /// ISO 4217; `Some(None)` clears it.
    pub currency: Option<Option<String>>,
    /// `YYYY-MM-DD`; `Some(None)` clears it.
    pub start_on: Option<Option<String>>,
    /// `YYYY-MM-DD`; `Some(None)` clears it.
    pub end_on: Option<Option<String>>,
    /// Replaces the deliverables.
    pub deliverables: Option<Vec<Text>>,
    /// The RTO plan's code or id; `Some(None)` clears it.
    pub plan: Option<Option<String>>,
    /// The employment impact; `Some(None)` clears it.
    pub employment: Option<Option<EmploymentImpact>>,
}

/// `base` with the input applied; every problem is recorded with its field.
pub(super) async fn apply(
    tx: &mut Tx<'_>,
    base: &Agreement,
    input: &AgreementInput,
    p: &mut Problems,
) -> StoreResult<Agreement> {
    let mut a = base.clone();
    a.kind = input.kind.unwrap_or(a.kind);
    a.title = input.title.clone().unwrap_or(a.title);
    a.purpose = input.purpose.clone().unwrap_or(a.purpose);
    if let Some(parties) = &input.parties {
        let members = load_members(tx, a.partnership_id).await?;
        a.parties = vec![];
        for (i, party) in parties.iter().enumerate() {
            let key = party.organisation.trim();
            match members
                .iter()
                .find(|m| m.organisation.code == key || m.organisation.id.to_string() == key)
            {
                Some(m)
                    if a.parties
                        .iter()
                        .any(|x| x.organisation.id == m.organisation.id) =>
                {
                    p.push(format!("parties[{i}]"), format!("`{key}` is named twice"));
                }
                Some(m) => a.parties.push(Party {
                    organisation: m.organisation.clone(),
                    role: party.role,
                }),
                None => p.push(
                    format!("parties[{i}]"),
                    format!("`{key}` is not a member of the partnership: add it as a member first"),
                ),
            }
        }
    }
    if let Some(v) = &input.value {
        a.value = match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(raw) => match parse_decimal(raw) {
                Ok(d) if d.is_sign_negative() => {
                    p.push("value", "the value of an agreement is not negative");
                    None
                }
                Ok(d) if d > crate::finance::MAX_AMOUNT => {
                    p.push("value", "the value is larger than Handover keeps (10^15)");
                    None
                }
                Ok(d) => Some(d),
                Err(e) => {
                    p.push("value", e);
                    None
                }
            },
            None => None,
        };
    }
    if let Some(c) = &input.currency {
        a.currency = match c.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(c) => p.take("currency", Currency::parse(c)),
            None => None,
        };
    }
    if a.value.is_some() && a.currency.is_none() {
        p.push("currency", "give the currency of the value, e.g. USD");
    }
    if let Some(d) = &input.start_on {
        a.start_on = typed_date(p, "start_on", d.as_deref());
    }
    if let Some(d) = &input.end_on {
        a.end_on = typed_date(p, "end_on", d.as_deref());
    }
    if let (Some(s), Some(e)) = (a.start_on, a.end_on)
        && e < s
    {
        p.push("end_on", "an agreement ends after it starts");
    }
    if let Some(d) = &input.deliverables {
        a.deliverables = d.iter().filter(|t| !t.is_empty()).cloned().collect();
    }
    if let Some(plan) = &input.plan {
        a.plan_id = match plan.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(code) => {
                let sql = format!(
                    "SELECT p.id FROM plans p WHERE (p.code = $2 OR p.id = $2) AND {}",
                    crate::plans::read_scope(tx.actor())
                );
                match tx.one(&sql, row![scope_org(tx.actor()), code]).await? {
                    Some(r) => Some(codec::id(&r.text("id")?)?),
                    None => {
                        p.push("plan", format!("`{code}` is not a plan you can see"));
                        None
                    }
                }
            }
            None => None,
        };
    }
    if let Some(e) = &input.employment {
        a.employment = match e {
            Some(e) => match EmploymentImpact::new(
                e.jobs_created,
                e.jobs_held_by_women,
                e.jobs_in_small_local_enterprises,
                e.quality.clone(),
            ) {
                Ok(e) => Some(e),
                Err(bad) => {
                    for f in bad.0 {
                        p.push(format!("employment.{}", f.field), f.message);
                    }
                    None
                }
            },
            None => None,
        };
    }
    Ok(a)
}

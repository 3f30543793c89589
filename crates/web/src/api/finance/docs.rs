//! The shapes finance records are sent in: cost lines, spending, rates, amounts of money and
//! quantities per quarter. Stored figures are exact decimal strings; totals are rounded once.

use handover_core::calendar::format_date;
use handover_core::finance::cost_line::Quantities;
use handover_core::finance::spending::Expenditure;
use handover_core::finance::{CostCategory, CostLine, ExchangeRate, RateType, Sum, Unit};
use handover_core::ids::{ActivityId, CostLineId, ExpenditureId, OrgId, RateId};
use handover_core::money::{Currency, Money};
use handover_core::plan::PlanTree;
use handover_core::text::Text;
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::collections::BTreeMap;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{RefOr, Schema};

/// An amount of money: an exact decimal string and its currency.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct MoneyDoc {
    /// Exact decimal; a total is rounded once to the currency's minor unit (`"1507.50"`).
    pub amount: String,
    /// ISO 4217.
    pub currency: String,
}

impl MoneyDoc {
    /// A total, rounded once to its currency's minor unit (half to even).
    pub fn rounded(m: Money) -> Self {
        let m = m.rounded();
        Self {
            amount: m.amount.to_string(),
            currency: m.currency.to_string(),
        }
    }
}

/// A total as a list of amounts, one per currency, rounded once; in a converted view (when
/// `zero_in` is given) an empty total is zero in that currency.
pub fn amounts(sum: &Sum, zero_in: Option<&Currency>) -> Vec<MoneyDoc> {
    match (sum.0.is_empty(), zero_in) {
        (true, Some(c)) => vec![MoneyDoc::rounded(Money {
            amount: Default::default(),
            currency: c.clone(),
        })],
        _ => sum
            .rounded()
            .into_iter()
            .map(|m| MoneyDoc {
                amount: m.amount.to_string(),
                currency: m.currency.to_string(),
            })
            .collect(),
    }
}

/// Quantities by quarter as a JSON object `{"Q1": "3", "Q4": "2.5"}`, in quarter order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuarterMap(pub BTreeMap<u16, String>);

impl QuarterMap {
    pub fn of(q: &Quantities) -> Self {
        Self(q.iter().map(|(k, n)| (k, n.to_string())).collect())
    }
}

impl Serialize for QuarterMap {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (q, n) in &self.0 {
            m.serialize_entry(&format!("Q{q}"), n)?;
        }
        m.end()
    }
}

impl utoipa::PartialSchema for QuarterMap {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some(
                "Quantity per quarter of the plan, keys `Q1`, `Q2`…, each an exact decimal string; a quarter left out costs nothing.",
            ))
            .additional_properties(Some(ObjectBuilder::new().schema_type(Type::String)))
            .into()
    }
}

impl utoipa::ToSchema for QuarterMap {}

/// A cost line of an activity's budget.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct CostLineDoc {
    /// The record's UUID.
    pub id: CostLineId,
    /// The activity's UUID.
    pub activity_id: ActivityId,
    /// The activity's display number (`7`, `24.1`); `null` in a frozen version whose activity
    /// was deleted since.
    pub activity: Option<String>,
    /// The number of the activity's milestone.
    pub milestone: Option<u16>,
    /// `logistics`, `external_expertise` or `in_house_expertise`.
    pub category: CostCategory,
    /// What is paid for, one text per language.
    pub description: Text,
    /// What a quantity counts: `person_day`, `event`, `lump_sum`…
    pub unit: Unit,
    /// Exact decimal, as stored.
    pub unit_price: String,
    /// ISO 4217: the currency of the price and of the line's amounts.
    pub currency: String,
    /// The funding party's code.
    pub funder: String,
    /// Quantity per quarter.
    pub quantities: QuarterMap,
    /// The line's whole amount (quantities × unit price), rounded once.
    pub amount: MoneyDoc,
    /// Order within the activity.
    pub position: i64,
    /// Raised by one on every change (sent as `ETag`).
    pub version: i64,
}

/// A party's code (its id when it is no longer a party).
pub fn party(tree: &PlanTree, id: OrgId) -> String {
    tree.parties
        .iter()
        .find(|o| o.id == id)
        .map_or_else(|| id.to_string(), |o| o.code.to_string())
}

/// The activity's display number and its milestone's number.
pub fn activity(tree: &PlanTree, id: ActivityId) -> (Option<String>, Option<u16>) {
    match tree.activities.iter().find(|a| a.id == id) {
        Some(a) => (
            Some(a.display_number()),
            tree.milestones
                .iter()
                .find(|m| m.id == a.milestone_id)
                .map(|m| m.number),
        ),
        None => (None, None),
    }
}

pub fn cost_line(tree: &PlanTree, l: &CostLine) -> CostLineDoc {
    let (activity, milestone) = activity(tree, l.activity_id);
    CostLineDoc {
        id: l.id,
        activity_id: l.activity_id,
        activity,
        milestone,
        category: l.category,
        description: l.description.clone(),
        unit: l.unit,
        unit_price: l.unit_price.to_string(),
        currency: l.currency.to_string(),
        funder: party(tree, l.funder),
        quantities: QuarterMap::of(&l.quantities),
        amount: MoneyDoc::rounded(Money {
            amount: l.amount(),
            currency: l.currency.clone(),
        }),
        position: l.position,
        version: l.version,
    }
}

/// Money paid against a cost line.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ExpenditureDoc {
    /// The record's UUID.
    pub id: ExpenditureId,
    /// The cost line's UUID.
    pub cost_line: CostLineId,
    /// The display number of the line's activity.
    pub activity: Option<String>,
    /// The day it was paid (YYYY-MM-DD).
    pub date: String,
    /// Exact decimal, as paid.
    pub amount: String,
    /// ISO 4217: may differ from the line's (a dollar line paid in pounds).
    pub currency: String,
    /// What was paid (an invoice, a payroll month).
    pub description: String,
    /// A link to the evidence.
    pub evidence: Option<String>,
    /// Raised by one on every change (sent as `ETag`).
    pub version: i64,
}

pub fn expenditure(tree: &PlanTree, lines: &[CostLine], e: &Expenditure) -> ExpenditureDoc {
    let activity = lines
        .iter()
        .find(|l| l.id == e.cost_line_id)
        .and_then(|l| activity(tree, l.activity_id).0);
    ExpenditureDoc {
        id: e.id,
        cost_line: e.cost_line_id,
        activity,
        date: format_date(e.date),
        amount: e.amount.to_string(),
        currency: e.currency.to_string(),
        description: e.description.clone(),
        evidence: e.evidence.clone(),
        version: e.version,
    }
}

/// One unit of `base` is worth `rate` units of `quote` on `date`, at this rate type.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct RateDoc {
    /// The record's UUID.
    pub id: RateId,
    /// ISO 4217.
    pub base: String,
    /// ISO 4217.
    pub quote: String,
    /// `official`, `platform`, `parallel_market`, `donor_accounting` or `un_operational`.
    pub rate_type: RateType,
    /// The day from which it holds (YYYY-MM-DD): a conversion uses the latest rate on or before
    /// its date.
    pub date: String,
    /// Exact decimal: units of `quote` per unit of `base`.
    pub rate: String,
    /// Where the figure comes from.
    pub source: Option<String>,
    /// Raised by one on every change (sent as `ETag`).
    pub version: i64,
}

impl From<&ExchangeRate> for RateDoc {
    fn from(r: &ExchangeRate) -> Self {
        Self {
            id: r.id,
            base: r.base.to_string(),
            quote: r.quote.to_string(),
            rate_type: r.rate_type,
            date: format_date(r.date),
            rate: r.rate.to_string(),
            source: r.source.clone(),
            version: r.version,
        }
    }
}

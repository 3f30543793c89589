//! Cost lines: what an activity costs, line by line, in the seed's three kinds of cost
//! (logistics, external expertise, in-house expertise), as quantities per quarter of a unit at a
//! unit price, in one currency, funded by one party.

use crate::error::Problems;
use crate::ids::{ActivityId, CostLineId, OrgId, PlanId};
use crate::money::Currency;
use crate::text::Text;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The seed's three kinds of cost.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CostCategory {
    /// Catering, equipment, venue, rehabilitation works.
    Logistics,
    /// Consultants.
    ExternalExpertise,
    /// Staff of the local authority or RTO and/or of the development partner.
    InHouseExpertise,
}

impl CostCategory {
    pub const ALL: [CostCategory; 3] = [
        CostCategory::Logistics,
        CostCategory::ExternalExpertise,
        CostCategory::InHouseExpertise,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CostCategory::Logistics => "logistics",
            CostCategory::ExternalExpertise => "external_expertise",
            CostCategory::InHouseExpertise => "in_house_expertise",
        }
    }

    /// Accepts the stored name or the English words (`in-house expertise`), any case.
    pub fn parse(s: &str) -> Result<Self, String> {
        let k = key(s);
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == k)
            .ok_or_else(|| {
                format!(
                    "`{}` is not a cost category: use logistics, external_expertise or in_house_expertise",
                    s.trim()
                )
            })
    }
}

/// The unit a quantity counts.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    PersonDay,
    PersonMonth,
    Event,
    Month,
    Item,
    Trip,
    SquareMetre,
    LumpSum,
}

impl Unit {
    pub const ALL: [Unit; 8] = [
        Unit::PersonDay,
        Unit::PersonMonth,
        Unit::Event,
        Unit::Month,
        Unit::Item,
        Unit::Trip,
        Unit::SquareMetre,
        Unit::LumpSum,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Unit::PersonDay => "person_day",
            Unit::PersonMonth => "person_month",
            Unit::Event => "event",
            Unit::Month => "month",
            Unit::Item => "item",
            Unit::Trip => "trip",
            Unit::SquareMetre => "square_metre",
            Unit::LumpSum => "lump_sum",
        }
    }

    /// Accepts the stored name or the English words (`person-day`, `lump sum`), any case.
    pub fn parse(s: &str) -> Result<Self, String> {
        let k = key(s);
        Self::ALL
            .into_iter()
            .find(|u| u.as_str() == k)
            .ok_or_else(|| {
                format!(
                    "`{}` is not a unit: use one of {}",
                    s.trim(),
                    Self::ALL.map(Unit::as_str).join(", ")
                )
            })
    }
}

/// `In-house expertise` → `in_house_expertise`.
fn key(s: &str) -> String {
    s.trim().to_ascii_lowercase().replace(['-', ' '], "_")
}

/// One line of an activity's budget.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct CostLine {
    pub id: CostLineId,
    pub plan_id: PlanId,
    pub activity_id: ActivityId,
    pub category: CostCategory,
    pub description: Text,
    pub unit: Unit,
    #[serde(with = "rust_decimal::serde::str")]
    pub unit_price: Decimal,
    pub currency: Currency,
    /// The party that pays for it.
    pub funder: OrgId,
    /// Quantity per quarter of the plan (1 for Q1); quarters without a quantity cost nothing.
    pub quantities: Quantities,
    /// Order within the activity.
    pub position: i64,
    pub version: i64,
}

/// Quantities by quarter number, exact.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Quantities(pub BTreeMap<u16, QuantityValue>);

/// One exact quantity (serialised as a string so no JSON reader turns it into a float).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct QuantityValue(#[serde(with = "rust_decimal::serde::str")] pub Decimal);

impl Quantities {
    /// Quantities from (quarter, quantity) pairs; zero quantities are dropped.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (u16, Decimal)>) -> Self {
        Self(
            pairs
                .into_iter()
                .filter(|(_, q)| !q.is_zero())
                .map(|(k, q)| (k, QuantityValue(q)))
                .collect(),
        )
    }

    pub fn get(&self, quarter: u16) -> Decimal {
        self.0.get(&quarter).map(|q| q.0).unwrap_or_default()
    }

    pub fn total(&self) -> Decimal {
        self.0.values().map(|q| q.0).sum()
    }

    pub fn iter(&self) -> impl Iterator<Item = (u16, Decimal)> + '_ {
        self.0.iter().map(|(k, q)| (*k, q.0))
    }
}

impl CostLine {
    /// The exact amount planned for one quarter: quantity × unit price.
    pub fn amount_in(&self, quarter: u16) -> Decimal {
        self.quantities.get(quarter) * self.unit_price
    }

    /// The exact amount over all quarters.
    pub fn amount(&self) -> Decimal {
        self.quantities.total() * self.unit_price
    }

    /// Checks what a user typed: a description, a unit price not below zero, quantities not
    /// below zero and inside the plan's `quarters`, and at least one quantity.
    pub fn check(&self, quarters: u16, p: &mut Problems) {
        if self.description.is_empty() {
            p.push(
                "description",
                "a cost line needs a description in at least one language",
            );
        }
        if self.unit_price.is_sign_negative() {
            p.push(
                "unit_price",
                format!(
                    "{} is below zero: a unit price is 0 or more",
                    self.unit_price
                ),
            );
        }
        for (q, n) in self.quantities.iter() {
            if q == 0 || q > quarters {
                p.push(
                    format!("quantities/Q{q}"),
                    format!("the plan has quarters Q1 to Q{quarters}"),
                );
            }
            if n.is_sign_negative() {
                p.push(
                    format!("quantities/Q{q}"),
                    format!("{n} is below zero: a quantity is 0 or more"),
                );
            }
        }
        if self.quantities.0.is_empty() {
            p.push("quantities", "give a quantity for at least one quarter");
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::str::FromStr;

    /// A line for tests: `qty` per listed quarter at `price` in `currency`.
    pub(crate) fn line(
        activity: ActivityId,
        funder: OrgId,
        category: CostCategory,
        price: &str,
        currency: &str,
        qty: &[(u16, &str)],
    ) -> CostLine {
        CostLine {
            id: CostLineId::new(),
            plan_id: PlanId(uuid::Uuid::nil()),
            activity_id: activity,
            category,
            description: Text::en("line"),
            unit: Unit::PersonDay,
            unit_price: Decimal::from_str(price).unwrap(),
            currency: Currency::parse(currency).unwrap(),
            funder,
            quantities: Quantities::from_pairs(
                qty.iter().map(|(q, n)| (*q, Decimal::from_str(n).unwrap())),
            ),
            position: 0,
            version: 1,
        }
    }

    #[test]
    fn amounts_are_exact_and_bad_lines_are_named() {
        let l = line(
            ActivityId::new(),
            OrgId::new(),
            CostCategory::InHouseExpertise,
            "1507.5",
            "LBP",
            &[(1, "2.5"), (3, "0.1")],
        );
        assert_eq!(l.amount_in(1).to_string(), "3768.75");
        assert_eq!(l.amount().to_string(), "3919.50");
        assert_eq!(
            CostCategory::parse("In-house expertise"),
            Ok(CostCategory::InHouseExpertise)
        );
        assert_eq!(Unit::parse("lump sum"), Ok(Unit::LumpSum));
        assert!(Unit::parse("bag").unwrap_err().contains("person_day"));
        let mut bad = l.clone();
        bad.unit_price = Decimal::from(-1);
        bad.quantities = Quantities::from_pairs([(13, Decimal::ONE)]);
        let mut p = Problems::default();
        bad.check(12, &mut p);
        let fields: Vec<_> = p.into_vec().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["unit_price", "quantities/Q13"]);
    }
}

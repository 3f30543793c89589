//! Budget versions: the budget frozen under a name — the baseline agreed in the Agreement of
//! Cooperation (activity 7), the revision from the handover discussions (activity 25), or any
//! other — with who froze it and when, and the comparison of two versions line by line and in
//! totals per funding party.

use super::cost_line::CostLine;
use super::sum::Sum;
use crate::ids::{BudgetVersionId, CostLineId, OrgId, PlanId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// Why a version was frozen.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VersionPurpose {
    /// The budget agreed in the Agreement of Cooperation (activity 7).
    AocBaseline,
    /// The revision agreed in the handover discussions (activity 25).
    HandoverRevision,
    /// Any other revision.
    Revision,
}

impl VersionPurpose {
    pub const ALL: [VersionPurpose; 3] = [
        VersionPurpose::AocBaseline,
        VersionPurpose::HandoverRevision,
        VersionPurpose::Revision,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            VersionPurpose::AocBaseline => "aoc_baseline",
            VersionPurpose::HandoverRevision => "handover_revision",
            VersionPurpose::Revision => "revision",
        }
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        let k = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Self::ALL
            .into_iter()
            .find(|p| p.as_str() == k)
            .ok_or_else(|| {
                format!(
                    "`{}` is not a purpose: use aoc_baseline, handover_revision or revision",
                    s.trim()
                )
            })
    }
}

/// A frozen budget: the cost lines as they stood, never changed afterwards.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct BudgetVersion {
    pub id: BudgetVersionId,
    pub plan_id: PlanId,
    /// 1 for the first version frozen in the plan.
    pub number: i64,
    pub name: String,
    pub purpose: VersionPurpose,
    /// Who froze it, as the audit trail names actors (`user:…`, `operator:…`).
    pub frozen_by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub frozen_at: OffsetDateTime,
    pub lines: Vec<CostLine>,
}

/// How one line differs between two versions.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct LineChange {
    pub before: CostLine,
    pub after: CostLine,
    /// The fields that differ: `category`, `description`, `unit`, `unit_price`, `currency`,
    /// `funder`, `quantities`, `activity`.
    pub fields: Vec<&'static str>,
}

/// Two versions side by side.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize)]
pub struct Comparison {
    pub added: Vec<CostLine>,
    pub removed: Vec<CostLine>,
    pub changed: Vec<LineChange>,
    pub unchanged: usize,
    /// Per funding party: the earlier total, the later total, and later − earlier, per currency.
    pub by_party: BTreeMap<OrgId, (Sum, Sum, Sum)>,
    pub total_before: Sum,
    pub total_after: Sum,
}

/// Compares `before` with `after`; lines are matched by id (a version keeps its lines' ids).
pub fn compare(before: &[CostLine], after: &[CostLine]) -> Comparison {
    let old: BTreeMap<CostLineId, &CostLine> = before.iter().map(|l| (l.id, l)).collect();
    let new: BTreeMap<CostLineId, &CostLine> = after.iter().map(|l| (l.id, l)).collect();
    let mut c = Comparison::default();
    for l in after {
        match old.get(&l.id) {
            None => c.added.push(l.clone()),
            Some(b) => {
                let fields = differences(b, l);
                if fields.is_empty() {
                    c.unchanged += 1;
                } else {
                    c.changed.push(LineChange {
                        before: (*b).clone(),
                        after: l.clone(),
                        fields,
                    });
                }
            }
        }
    }
    c.removed = before
        .iter()
        .filter(|l| !new.contains_key(&l.id))
        .cloned()
        .collect();
    for l in before {
        let e = c.by_party.entry(l.funder).or_default();
        e.0.add(l.amount(), &l.currency);
        c.total_before.add(l.amount(), &l.currency);
    }
    for l in after {
        let e = c.by_party.entry(l.funder).or_default();
        e.1.add(l.amount(), &l.currency);
        c.total_after.add(l.amount(), &l.currency);
    }
    for (b, a, d) in c.by_party.values_mut() {
        *d = a.minus(b);
    }
    c
}

fn differences(a: &CostLine, b: &CostLine) -> Vec<&'static str> {
    let mut out = vec![];
    let mut check = |same: bool, name| {
        if !same {
            out.push(name);
        }
    };
    check(a.activity_id == b.activity_id, "activity");
    check(a.category == b.category, "category");
    check(a.description == b.description, "description");
    check(a.unit == b.unit, "unit");
    check(a.unit_price == b.unit_price, "unit_price");
    check(a.currency == b.currency, "currency");
    check(a.funder == b.funder, "funder");
    check(a.quantities == b.quantities, "quantities");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finance::cost_line::CostCategory::*;
    use crate::finance::cost_line::tests::line;
    use crate::ids::ActivityId;
    use crate::money::Currency;
    use rust_decimal::Decimal;

    #[test]
    fn a_handover_revision_shifts_staff_costs_to_the_local_authority() {
        let a = ActivityId::new();
        let (la, dp) = (OrgId::new(), OrgId::new());
        let staff = line(
            a,
            dp,
            InHouseExpertise,
            "1000",
            "USD",
            &[(9, "3"), (10, "3")],
        );
        let venue = line(a, la, Logistics, "150", "USD", &[(9, "1")]);
        let baseline = vec![staff.clone(), venue.clone()];
        let mut moved = staff.clone();
        moved.funder = la;
        moved.unit_price = Decimal::from(900);
        let added = line(a, la, ExternalExpertise, "500", "USD", &[(10, "1")]);
        let revision = vec![moved, added.clone()];
        let c = compare(&baseline, &revision);
        assert_eq!(c.added, vec![added]);
        assert_eq!(c.removed, vec![venue]);
        assert_eq!(c.changed.len(), 1);
        assert_eq!(c.changed[0].fields, ["unit_price", "funder"]);
        let usd = Currency::parse("USD").unwrap();
        assert_eq!(c.by_party[&dp].2.get(&usd), Decimal::from(-6000));
        assert_eq!(c.by_party[&la].2.get(&usd), Decimal::from(5400 + 500 - 150));
        assert_eq!(
            c.total_after.minus(&c.total_before).get(&usd),
            Decimal::from(-250)
        );
        assert_eq!(compare(&baseline, &baseline).unchanged, 2);
    }
}

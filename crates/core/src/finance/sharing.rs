//! Cost sharing: what each party funds, per quarter and per year, and its share of the whole —
//! the measure of the shift to the local authority as the development partner exits.

use super::sum::Sum;
use super::totals::Totals;
use crate::ids::OrgId;
use crate::money::Currency;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// One party's part of a period's budget.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Share {
    pub party: OrgId,
    /// Exact amount in the totals' currency.
    pub amount: Decimal,
    /// Of the period's total, from 0 to 1, rounded to 4 places (0.1234 = 12.34%).
    pub share: Decimal,
}

/// Shares per quarter (1 for Q1), for totals converted to one `currency`; parties in `order`.
pub fn by_quarter(t: &Totals, currency: &Currency, order: &[OrgId]) -> BTreeMap<u16, Vec<Share>> {
    split(
        t.by_party_quarter.iter().map(|((o, q), s)| (*q, *o, s)),
        currency,
        order,
    )
}

/// Shares per calendar year.
pub fn by_year(t: &Totals, currency: &Currency, order: &[OrgId]) -> BTreeMap<i32, Vec<Share>> {
    split(
        t.by_party_year.iter().map(|((o, y), s)| (*y, *o, s)),
        currency,
        order,
    )
}

fn split<'a, K: Ord + Copy>(
    parts: impl Iterator<Item = (K, OrgId, &'a Sum)>,
    currency: &Currency,
    order: &[OrgId],
) -> BTreeMap<K, Vec<Share>> {
    let mut amounts: BTreeMap<K, BTreeMap<OrgId, Decimal>> = BTreeMap::new();
    for (k, o, s) in parts {
        *amounts.entry(k).or_default().entry(o).or_default() += s.get(currency);
    }
    amounts
        .into_iter()
        .map(|(k, by)| {
            let total: Decimal = by.values().sum();
            let mut parties: Vec<OrgId> = order.to_vec();
            parties.extend(by.keys().filter(|o| !order.contains(o)));
            let shares = parties
                .into_iter()
                .filter_map(|o| by.get(&o).map(|a| (o, *a)))
                .map(|(party, amount)| Share {
                    party,
                    amount,
                    share: if total.is_zero() {
                        Decimal::ZERO
                    } else {
                        (amount / total).round_dp(4)
                    },
                })
                .collect();
            (k, shares)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finance::conversion::Conversion;
    use crate::finance::cost_line::CostCategory::*;
    use crate::finance::cost_line::tests::line;
    use crate::finance::rates::tests::lebanon;
    use crate::finance::totals::{tests::periods, totals};
    use crate::ids::ActivityId;
    use std::str::FromStr;

    #[test]
    fn the_local_authority_takes_over_staff_costs_year_by_year() {
        let a = ActivityId::new();
        let (la, dp) = (OrgId::new(), OrgId::new());
        let lines = vec![
            line(
                a,
                dp,
                InHouseExpertise,
                "1000",
                "USD",
                &[(1, "3"), (5, "2"), (9, "1")],
            ),
            line(
                a,
                la,
                InHouseExpertise,
                "1000",
                "USD",
                &[(5, "1"), (9, "2")],
            ),
        ];
        let ps = periods("2021-01-01", 12);
        let t = totals(&lines, &ps, &[], &Conversion::Own, &lebanon()).unwrap();
        let usd = Currency::parse("USD").unwrap();
        let y = by_year(&t, &usd, &[la, dp]);
        assert_eq!(
            y[&2021],
            vec![Share {
                party: dp,
                amount: Decimal::from(3000),
                share: Decimal::ONE
            }]
        );
        assert_eq!(y[&2022][0].party, la);
        assert_eq!(y[&2022][0].share, Decimal::from_str("0.3333").unwrap());
        assert_eq!(y[&2023][0].share, Decimal::from_str("0.6667").unwrap());
        assert_eq!(by_quarter(&t, &usd, &[]).len(), 3);
    }
}

//! Totals of a budget by activity, milestone, category, funding party, quarter and calendar year
//! (Lebanese municipalities' fiscal year is the calendar year), in each line's own currency or
//! converted; every total is exact until shown.

use super::conversion::{Conversion, Converter};
use super::cost_line::{CostCategory, CostLine};
use super::rates::{MissingRate, RateTable};
use super::sum::Sum;
use crate::ids::{ActivityId, MilestoneId, OrgId};
use crate::plan::{Activity, Period};
use serde::Serialize;
use std::collections::BTreeMap;

/// A budget's totals, every one exact (round with [`Sum::rounded`] to show).
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize)]
pub struct Totals {
    pub by_activity: BTreeMap<ActivityId, Sum>,
    pub by_milestone: BTreeMap<MilestoneId, Sum>,
    pub by_category: BTreeMap<CostCategory, Sum>,
    pub by_party: BTreeMap<OrgId, Sum>,
    /// By quarter number (1 for Q1).
    pub by_quarter: BTreeMap<u16, Sum>,
    pub by_year: BTreeMap<i32, Sum>,
    /// By funding party and quarter: the cost sharing.
    pub by_party_quarter: BTreeMap<(OrgId, u16), Sum>,
    /// By funding party and calendar year.
    pub by_party_year: BTreeMap<(OrgId, i32), Sum>,
    /// By cost line.
    pub by_line: BTreeMap<crate::ids::CostLineId, Sum>,
    pub grand: Sum,
}

/// Adds up `lines` of a plan with these `periods` and `activities`; fails with every missing
/// rate (pair, type, date) when a conversion lacks one, so no total is ever partial.
pub fn totals(
    lines: &[CostLine],
    periods: &[Period],
    activities: &[Activity],
    conversion: &Conversion,
    rates: &RateTable,
) -> Result<Totals, Vec<MissingRate>> {
    let milestone_of: BTreeMap<ActivityId, MilestoneId> =
        activities.iter().map(|a| (a.id, a.milestone_id)).collect();
    let mut c = Converter::new(conversion, rates);
    let mut t = Totals::default();
    for line in lines {
        for (q, _) in line.quantities.iter() {
            let Some(period) = periods.iter().find(|p| p.seq == q) else {
                continue;
            };
            let s = c.sum(line.amount_in(q), &line.currency, period.start);
            t.by_activity
                .entry(line.activity_id)
                .or_default()
                .add_sum(&s);
            if let Some(m) = milestone_of.get(&line.activity_id) {
                t.by_milestone.entry(*m).or_default().add_sum(&s);
            }
            t.by_category.entry(line.category).or_default().add_sum(&s);
            t.by_party.entry(line.funder).or_default().add_sum(&s);
            t.by_quarter.entry(q).or_default().add_sum(&s);
            t.by_year
                .entry(period.start.year())
                .or_default()
                .add_sum(&s);
            t.by_party_quarter
                .entry((line.funder, q))
                .or_default()
                .add_sum(&s);
            t.by_party_year
                .entry((line.funder, period.start.year()))
                .or_default()
                .add_sum(&s);
            t.by_line.entry(line.id).or_default().add_sum(&s);
            t.grand.add_sum(&s);
        }
    }
    c.finish()?;
    Ok(t)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::calendar::{MonthStart, quarters};
    use crate::finance::conversion::RateDate;
    use crate::finance::cost_line::tests::line;
    use crate::finance::rates::RateType;
    use crate::finance::rates::tests::lebanon;
    use crate::ids::{PeriodId, PlanId};
    use crate::money::Currency;

    pub(crate) fn periods(start: &str, n: u16) -> Vec<Period> {
        quarters(MonthStart::parse(start).unwrap(), n)
            .into_iter()
            .map(|q| Period {
                id: PeriodId::new(),
                plan_id: PlanId(uuid::Uuid::nil()),
                seq: q.seq,
                label: q.label(),
                start: q.start,
                end: q.end,
            })
            .collect()
    }

    #[test]
    fn totals_in_own_currencies_and_converted_at_each_quarters_rate() {
        let (a, b) = (ActivityId::new(), ActivityId::new());
        let (la, dp) = (OrgId::new(), OrgId::new());
        let lines = vec![
            // RTO staff paid by the municipality in pounds, Q1 and Q4 of a plan from July 2021.
            line(
                a,
                la,
                CostCategory::InHouseExpertise,
                "3000000",
                "LBP",
                &[(1, "3"), (4, "3")],
            ),
            // A consultant paid by the partner in dollars.
            line(
                b,
                dp,
                CostCategory::ExternalExpertise,
                "333.333",
                "USD",
                &[(2, "3")],
            ),
        ];
        let ps = periods("2021-07-01", 12);
        let t = totals(&lines, &ps, &[], &Conversion::Own, &lebanon()).unwrap();
        let usd = Currency::parse("USD").unwrap();
        let lbp = Currency::parse("LBP").unwrap();
        assert_eq!(t.grand.get(&lbp).to_string(), "18000000");
        // 999.999 is kept exact and rounded once for display: 1000.00.
        assert_eq!(t.grand.get(&usd).to_string(), "999.999");
        assert_eq!(t.grand.rounded()[1].amount.to_string(), "1000.00");
        assert_eq!(t.by_year[&2021].get(&lbp).to_string(), "9000000");
        assert_eq!(t.by_year[&2022].get(&lbp).to_string(), "9000000");

        // At the market rate of each quarter's first day: Q1 (2021-07-01) 20,000; Q4 (2022-04-01)
        // still 20,000 in this table.
        let to_usd = Conversion::To {
            currency: usd.clone(),
            rate_type: RateType::ParallelMarket,
            at: RateDate::QuarterStart,
        };
        let t = totals(&lines, &ps, &[], &to_usd, &lebanon()).unwrap();
        assert_eq!(t.by_party[&la].rounded()[0].amount.to_string(), "900.00");
        assert_eq!(t.grand.0.len(), 1);

        // At the official rate the same pounds are worth over ten times more dollars.
        let official = Conversion::To {
            currency: usd.clone(),
            rate_type: RateType::Official,
            at: RateDate::QuarterStart,
        };
        let t = totals(&lines, &ps, &[], &official, &lebanon()).unwrap();
        assert_eq!(t.by_party[&la].rounded()[0].amount.to_string(), "11940.30");

        // A missing rate fails the whole total and names pair, type and date.
        let platform = Conversion::To {
            currency: usd,
            rate_type: RateType::Platform,
            at: RateDate::On(crate::calendar::parse_date("2021-01-01").unwrap()),
        };
        let e = totals(&lines, &ps, &[], &platform, &lebanon()).unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(
            e[0].to_string()
                .contains("platform rate between LBP and USD on or before 2021-01-01")
        );
    }
}

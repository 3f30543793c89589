//! Checking a rate as written: every field when adding, two different currencies, a rate
//! inside the accepted range, and who may write rates at all.

use crate::StoreResult;
use crate::codec::date;
use crate::error::StoreError;
use crate::finance::line_input::Named;
use handover_core::actor::{Actor, Role};
use handover_core::calendar::parse_date;
use handover_core::finance::{ExchangeRate, RateType};
use handover_core::ids::RateId;
use handover_core::money::Currency;
use rust_decimal::Decimal;
use time::Date;

use super::RateInput;

/// The smallest and largest rate accepted, so conversions stay exact and inside range.
const MIN_RATE: Decimal = Decimal::from_parts(1, 0, 0, false, 9);
const MAX_RATE: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

pub(super) type Key = (Currency, Currency, RateType, Date);

pub(super) fn key(r: &ExchangeRate) -> Key {
    (r.base.clone(), r.quote.clone(), r.rate_type, r.date)
}

pub(super) fn describe(r: &ExchangeRate) -> String {
    format!("{}/{} {} {}", r.base, r.quote, r.rate_type, date(r.date))
}

/// The operator, or an editor or administrator of an organisation.
pub(super) fn may_write(actor: &Actor) -> StoreResult<()> {
    match actor {
        Actor::Operator { .. } => Ok(()),
        Actor::Member { role, .. } if *role >= Role::Editor => Ok(()),
        _ => Err(StoreError::Forbidden(
            "changing exchange rates needs an editor or administrator of an organisation".into(),
        )),
    }
}

/// `base` (or a new rate) with the input applied and checked; `None` after a problem.
pub(super) fn build(
    base: Option<&ExchangeRate>,
    input: &RateInput,
    n: &mut Named<'_>,
) -> Option<ExchangeRate> {
    let mut ok = true;
    if base.is_none() {
        for (missing, field, message) in [
            (
                input.base.is_none(),
                "base",
                "give the base currency (e.g. USD)",
            ),
            (
                input.quote.is_none(),
                "quote",
                "give the quote currency (e.g. LBP)",
            ),
            (
                input.rate_type.is_none(),
                "rate_type",
                "give the rate type: official, platform, parallel_market, donor_accounting or un_operational",
            ),
            (input.date.is_none(), "date", "give the date as YYYY-MM-DD"),
            (
                input.rate.is_none(),
                "rate",
                "give the rate: how many of the quote currency one base is worth",
            ),
        ] {
            if missing {
                n.push(field, message);
                ok = false;
            }
        }
    }
    let day = match input.date.as_deref().map(parse_date) {
        Some(Err(e)) => {
            n.push("date", e);
            return None;
        }
        Some(Ok(d)) => Some(d),
        None => None,
    };
    let mut r = match (
        base,
        &input.base,
        &input.quote,
        input.rate_type,
        day,
        input.rate,
    ) {
        (Some(b), ..) => b.clone(),
        (None, Some(b), Some(q), Some(t), Some(d), Some(x)) if ok => ExchangeRate {
            id: RateId::new(),
            base: b.clone(),
            quote: q.clone(),
            rate_type: t,
            date: d,
            rate: x,
            source: None,
            version: 1,
        },
        _ => return None,
    };
    if let Some(c) = &input.base {
        r.base = c.clone();
    }
    if let Some(c) = &input.quote {
        r.quote = c.clone();
    }
    r.rate_type = input.rate_type.unwrap_or(r.rate_type);
    r.date = day.unwrap_or(r.date);
    r.rate = input.rate.unwrap_or(r.rate);
    if let Some(s) = &input.source {
        r.source = s
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned);
    }
    for (field, message) in r.check() {
        n.push(field, message);
        ok = false;
    }
    if r.rate > Decimal::ZERO && (r.rate < MIN_RATE || r.rate > MAX_RATE) {
        n.push(
            "rate",
            format!(
                "{} is out of range: a rate is between {MIN_RATE} and {MAX_RATE}",
                r.rate
            ),
        );
        ok = false;
    }
    ok.then_some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rate_range_reads_as_written() {
        assert_eq!(MIN_RATE.to_string(), "0.000000001");
        assert_eq!(MAX_RATE.to_string(), "1000000000");
    }
}

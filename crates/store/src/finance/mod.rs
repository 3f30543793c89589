//! Finance (SPEC §4) in the store: cost lines on activities, deployment-wide exchange rates,
//! a plan's finance settings, frozen budget versions, spending against cost lines and the
//! Agreement of Cooperation record. Plan data is scoped by the plan's parties like the rest of
//! the plan (reading needs read access, cost lines, versions, settings and the AoC need edit
//! access, spending needs report access); every write is audited in its own transaction and
//! refuses stale versions. Cost-line writes are material: they clear the plan's endorsement.

pub mod aoc;
mod budget;
pub mod cost_lines;
mod decode;
pub mod expenditures;
pub(crate) mod guard;
mod line_input;
pub mod rates;
pub mod settings;
pub mod versions;

pub use aoc::AocInput;
pub use budget::{BudgetData, budget};
pub use cost_lines::CostLineInput;
pub use expenditures::ExpenditureInput;
pub use rates::{RateFilter, RateImport, RateInput};
pub use versions::VersionSummary;

use rust_decimal::Decimal;

/// The largest amount a cost line or a payment may reach (10^15), so that converting and
/// summing a whole budget stays far inside exact decimal arithmetic.
pub(crate) const MAX_AMOUNT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_what_their_messages_say() {
        assert_eq!(MAX_AMOUNT, Decimal::from(1_000_000_000_000_000_i64));
        assert_eq!(MAX_AMOUNT.to_string(), "1000000000000000");
    }
}

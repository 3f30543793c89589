//! A plan's finance settings: the rate type its totals use unless another is chosen.

use super::rates::RateType;
use crate::ids::PlanId;
use serde::{Deserialize, Serialize};

/// The plan's finance settings.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct FinanceSettings {
    pub plan_id: PlanId,
    /// The rate type of conversions when none is chosen (official by default).
    pub rate_type: RateType,
    pub version: i64,
}

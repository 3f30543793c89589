//! The Agreement of Cooperation record (SPEC §6): one record linking activity 7 (signing the
//! AoC), the agreement between the parties (attached by the partnerships module) and the budget
//! version frozen as its baseline.

use crate::ids::{ActivityId, BudgetVersionId, PlanId};
use serde::{Deserialize, Serialize};
use time::Date;

/// A plan's Agreement of Cooperation.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct AgreementOfCooperation {
    pub plan_id: PlanId,
    /// The activity in which the AoC is signed (activity 7 of the RTO template).
    pub activity_id: Option<ActivityId>,
    /// The budget version frozen as the AoC's baseline.
    pub baseline: Option<BudgetVersionId>,
    /// The latest revision agreed at handover (activity 25), when there is one.
    pub handover_revision: Option<BudgetVersionId>,
    /// The agreement record of the partnership, once attached.
    pub agreement: Option<uuid::Uuid>,
    #[serde(default, with = "super::dates::option")]
    pub signed_on: Option<Date>,
    pub version: i64,
}

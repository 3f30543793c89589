//! Risks: likelihood and impact scored 1–5, a mitigation, an owner and a review date; a risk
//! past its review date is flagged.

use crate::ids::{ActivityId, OrgId, PlanId, ResultId, RiskId};
use crate::text::Text;
use serde::{Deserialize, Serialize};
use time::Date;

/// A score from 1 to 5 (likelihood or impact).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Score(u8);

impl schemars::JsonSchema for Score {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Score".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A score from 1 to 5 (likelihood or impact).",
            "type": "integer",
            "minimum": 1,
            "maximum": 5
        })
    }
}

impl Score {
    pub fn new(n: i64) -> Result<Self, String> {
        if (1..=5).contains(&n) {
            Ok(Self(n as u8))
        } else {
            Err(format!(
                "{n} is out of range: a score is a whole number from 1 to 5"
            ))
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Score {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, String> {
        Self::new(i64::from(n))
    }
}

impl From<Score> for u8 {
    fn from(s: Score) -> u8 {
        s.0
    }
}

/// Where a risk stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RiskStatus {
    Open,
    Monitoring,
    Closed,
}

impl RiskStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RiskStatus::Open => "open",
            RiskStatus::Monitoring => "monitoring",
            RiskStatus::Closed => "closed",
        }
    }
}

/// A risk of the plan, or of one of its activities or outputs.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Risk {
    pub id: RiskId,
    pub plan_id: PlanId,
    pub activity_id: Option<ActivityId>,
    pub result_id: Option<ResultId>,
    pub description: Text,
    pub likelihood: Score,
    pub impact: Score,
    pub mitigation: Text,
    pub owner: Vec<OrgId>,
    pub status: RiskStatus,
    pub review_date: Option<Date>,
    pub version: i64,
}

impl Risk {
    /// Likelihood × impact, 1–25.
    pub fn score(&self) -> u8 {
        self.likelihood.get() * self.impact.get()
    }

    /// An open risk whose review date has passed.
    pub fn overdue_for_review(&self, today: Date) -> bool {
        self.status != RiskStatus::Closed && self.review_date.is_some_and(|d| d < today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_one_to_five() {
        assert!(Score::new(7).unwrap_err().contains("1 to 5"));
        assert!(Score::new(0).is_err());
        assert_eq!(Score::new(5).map(Score::get), Ok(5));
    }
}

//! The plan status: stored, and never going backwards (SPEC §6).

use serde::{Deserialize, Serialize};

/// draft → endorsed → in progress → handing over → handed over → closed.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    Draft,
    Endorsed,
    InProgress,
    HandingOver,
    HandedOver,
    Closed,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 6] = [
        PlanStatus::Draft,
        PlanStatus::Endorsed,
        PlanStatus::InProgress,
        PlanStatus::HandingOver,
        PlanStatus::HandedOver,
        PlanStatus::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PlanStatus::Draft => "draft",
            PlanStatus::Endorsed => "endorsed",
            PlanStatus::InProgress => "in_progress",
            PlanStatus::HandingOver => "handing_over",
            PlanStatus::HandedOver => "handed_over",
            PlanStatus::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| format!("unknown plan status `{s}`"))
    }

    /// A move to `next` is allowed only forwards.
    pub fn advance_to(self, next: PlanStatus) -> Result<PlanStatus, String> {
        if next > self {
            Ok(next)
        } else {
            Err(format!(
                "a plan's status never goes backwards: it is {} and cannot become {}",
                self.as_str(),
                next.as_str()
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_never_goes_backwards() {
        assert!(
            PlanStatus::InProgress
                .advance_to(PlanStatus::Draft)
                .is_err()
        );
        assert!(
            PlanStatus::InProgress
                .advance_to(PlanStatus::InProgress)
                .is_err()
        );
        assert_eq!(
            PlanStatus::Draft.advance_to(PlanStatus::Endorsed),
            Ok(PlanStatus::Endorsed)
        );
    }
}

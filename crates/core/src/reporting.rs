//! The reporting cycle (SPEC §2): one report per plan, period and reporting organisation. A
//! reporter saves draft actuals and submits; an editor or administrator of another party of the
//! plan approves it or returns it with a comment; an approved report is locked.

use crate::actor::Role;
use crate::ids::{OrgId, PeriodId, PlanId};
use serde::{Deserialize, Serialize};
use time::{Date, Duration};

/// Where a report stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    Draft,
    Submitted,
    Returned,
    Approved,
}

impl ReportStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportStatus::Draft => "draft",
            ReportStatus::Submitted => "submitted",
            ReportStatus::Returned => "returned",
            ReportStatus::Approved => "approved",
        }
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        match s {
            "draft" => Ok(ReportStatus::Draft),
            "submitted" => Ok(ReportStatus::Submitted),
            "returned" => Ok(ReportStatus::Returned),
            "approved" => Ok(ReportStatus::Approved),
            _ => Err(format!("unknown report status `{s}`")),
        }
    }

    /// Whether the reporting organisation may still change its actuals.
    pub fn editable(self) -> bool {
        matches!(self, ReportStatus::Draft | ReportStatus::Returned)
    }
}

/// A quarterly report of one organisation on one plan.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Report {
    pub plan_id: PlanId,
    pub period_id: PeriodId,
    pub organisation_id: OrgId,
    pub status: ReportStatus,
    /// The reviewer's comment when returned (or approved with a remark).
    pub review_comment: Option<String>,
    pub submitted_by: Option<String>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub submitted_at: Option<time::OffsetDateTime>,
    pub reviewed_by: Option<String>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub reviewed_at: Option<time::OffsetDateTime>,
    pub version: i64,
}

/// A step of the cycle.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportStep {
    Submit,
    Approve,
    Return,
}

/// Checks a step and gives the status it leads to. `actor_org` and `role` are who acts;
/// `reporting_org` is whose report it is.
pub fn next_status(
    current: ReportStatus,
    step: ReportStep,
    actor_org: Option<OrgId>,
    role: Option<Role>,
    reporting_org: OrgId,
    comment: Option<&str>,
) -> Result<ReportStatus, String> {
    let own = actor_org == Some(reporting_org);
    match step {
        ReportStep::Submit => {
            if !current.editable() {
                return Err(format!(
                    "a {} report cannot be submitted again",
                    current.as_str()
                ));
            }
            if actor_org.is_some() && !own {
                return Err("a report is submitted by its own organisation".into());
            }
            Ok(ReportStatus::Submitted)
        }
        ReportStep::Approve | ReportStep::Return => {
            if current != ReportStatus::Submitted {
                return Err(format!(
                    "only a submitted report can be reviewed; this one is {}",
                    current.as_str()
                ));
            }
            if own {
                return Err("a report is reviewed by another party of the plan, not by its own organisation".into());
            }
            if role.is_some_and(|r| r < Role::Editor) {
                return Err("reviewing a report needs an editor or administrator".into());
            }
            if step == ReportStep::Return {
                if comment.is_none_or(|c| c.trim().is_empty()) {
                    return Err("say why the report is returned: a comment is required".into());
                }
                Ok(ReportStatus::Returned)
            } else {
                Ok(ReportStatus::Approved)
            }
        }
    }
}

/// When a period's report is due: `due_days` after the period's last day.
pub fn due_date(period_end: Date, due_days: u16) -> Date {
    period_end + Duration::days(i64::from(due_days))
}

/// Whether a report is overdue on `today`: past its due date and not yet submitted or approved.
pub fn overdue(status: Option<ReportStatus>, period_end: Date, due_days: u16, today: Date) -> bool {
    let done = matches!(
        status,
        Some(ReportStatus::Submitted | ReportStatus::Approved)
    );
    !done && today > due_date(period_end, due_days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_cycle() {
        let (la, dp) = (OrgId::new(), OrgId::new());
        let submit = next_status(
            ReportStatus::Draft,
            ReportStep::Submit,
            Some(la),
            Some(Role::Reporter),
            la,
            None,
        );
        assert_eq!(submit, Ok(ReportStatus::Submitted));
        // Its own organisation cannot approve it; a viewer of the other party cannot either.
        assert!(
            next_status(
                ReportStatus::Submitted,
                ReportStep::Approve,
                Some(la),
                Some(Role::Administrator),
                la,
                None
            )
            .is_err()
        );
        assert!(
            next_status(
                ReportStatus::Submitted,
                ReportStep::Approve,
                Some(dp),
                Some(Role::Viewer),
                la,
                None
            )
            .is_err()
        );
        assert!(
            next_status(
                ReportStatus::Submitted,
                ReportStep::Return,
                Some(dp),
                Some(Role::Editor),
                la,
                None
            )
            .is_err()
        );
        assert_eq!(
            next_status(
                ReportStatus::Submitted,
                ReportStep::Return,
                Some(dp),
                Some(Role::Editor),
                la,
                Some("Q1 evidence missing")
            ),
            Ok(ReportStatus::Returned)
        );
        assert_eq!(
            next_status(
                ReportStatus::Returned,
                ReportStep::Submit,
                Some(la),
                Some(Role::Reporter),
                la,
                None
            ),
            Ok(ReportStatus::Submitted)
        );
        assert_eq!(
            next_status(
                ReportStatus::Submitted,
                ReportStep::Approve,
                Some(dp),
                Some(Role::Editor),
                la,
                None
            ),
            Ok(ReportStatus::Approved)
        );
        assert!(
            next_status(
                ReportStatus::Approved,
                ReportStep::Submit,
                Some(la),
                Some(Role::Reporter),
                la,
                None
            )
            .is_err()
        );
        assert!(!ReportStatus::Approved.editable());
    }

    #[test]
    fn due_and_overdue() {
        assert_eq!(due_date(date!(2027 - 03 - 31), 30), date!(2027 - 04 - 30));
        assert!(!overdue(
            None,
            date!(2027 - 03 - 31),
            30,
            date!(2027 - 04 - 30)
        ));
        assert!(overdue(
            None,
            date!(2027 - 03 - 31),
            30,
            date!(2027 - 05 - 01)
        ));
        assert!(overdue(
            Some(ReportStatus::Returned),
            date!(2027 - 03 - 31),
            30,
            date!(2027 - 05 - 01)
        ));
        assert!(!overdue(
            Some(ReportStatus::Submitted),
            date!(2027 - 03 - 31),
            30,
            date!(2027 - 05 - 01)
        ));
    }
}

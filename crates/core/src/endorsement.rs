//! Endorsement and the plan's status (SPEC §6). A plan is endorsed only when every party has
//! signed off its current framework version; a material change (framework, timeline, budget —
//! not actuals or statuses) raises that version and so clears the endorsement, while the stored
//! status never goes backwards.

use crate::ids::{OrgId, PlanId};
use crate::plan::PlanStatus;
use serde::{Deserialize, Serialize};
use time::Date;

/// One party's sign-off of one framework version.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Endorsement {
    pub plan_id: PlanId,
    pub organisation_id: OrgId,
    /// The framework version signed.
    pub framework_version: i64,
    pub signed_by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub signed_at: time::OffsetDateTime,
}

/// Whether every party has signed `framework_version`.
pub fn endorsed(parties: &[OrgId], endorsements: &[Endorsement], framework_version: i64) -> bool {
    !parties.is_empty()
        && parties.iter().all(|p| {
            endorsements
                .iter()
                .any(|e| e.organisation_id == *p && e.framework_version == framework_version)
        })
}

/// The parties still to sign the current version.
pub fn awaiting(
    parties: &[OrgId],
    endorsements: &[Endorsement],
    framework_version: i64,
) -> Vec<OrgId> {
    parties
        .iter()
        .copied()
        .filter(|p| {
            !endorsements
                .iter()
                .any(|e| e.organisation_id == *p && e.framework_version == framework_version)
        })
        .collect()
}

/// What the plan's situation is, for the status rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Situation {
    pub status: PlanStatus,
    /// Every party has signed the current framework version.
    pub endorsed: bool,
    pub start: Date,
    pub today: Date,
    /// Activity 25 (the handover review) has started.
    pub handover_review_started: bool,
    /// The handover schedule has items and every one is confirmed by both sides.
    pub handover_complete: bool,
}

/// The status the plan should now have: the furthest state its situation allows, never behind
/// the stored one. Endorsement moves a draft forward; later states follow from dates and facts.
pub fn status_now(s: Situation) -> PlanStatus {
    let mut next = s.status;
    if next == PlanStatus::Draft && s.endorsed {
        next = PlanStatus::Endorsed;
    }
    if next == PlanStatus::Endorsed && s.today >= s.start {
        next = PlanStatus::InProgress;
    }
    if next == PlanStatus::InProgress && s.handover_review_started {
        next = PlanStatus::HandingOver;
    }
    if next == PlanStatus::HandingOver && s.handover_complete {
        next = PlanStatus::HandedOver;
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn sig(org: OrgId, v: i64) -> Endorsement {
        Endorsement {
            plan_id: PlanId::new(),
            organisation_id: org,
            framework_version: v,
            signed_by: "x".into(),
            signed_at: time::OffsetDateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn every_party_signs_the_current_version() {
        let (la, dp) = (OrgId::new(), OrgId::new());
        assert!(!endorsed(&[la, dp], &[sig(la, 1)], 1));
        assert!(endorsed(&[la, dp], &[sig(la, 1), sig(dp, 1)], 1));
        // A material change raised the version: the old signatures no longer count.
        assert!(!endorsed(&[la, dp], &[sig(la, 1), sig(dp, 1)], 2));
        assert_eq!(awaiting(&[la, dp], &[sig(la, 2)], 2), vec![dp]);
    }

    #[test]
    fn status_moves_forward_only() {
        let base = Situation {
            status: PlanStatus::Draft,
            endorsed: false,
            start: date!(2027 - 01 - 01),
            today: date!(2027 - 06 - 01),
            handover_review_started: true,
            handover_complete: true,
        };
        // Started but never endorsed: stays a draft.
        assert_eq!(status_now(base), PlanStatus::Draft);
        assert_eq!(
            status_now(Situation {
                endorsed: true,
                ..base
            }),
            PlanStatus::HandedOver
        );
        assert_eq!(
            status_now(Situation {
                endorsed: true,
                today: date!(2026 - 12 - 01),
                ..base
            }),
            PlanStatus::Endorsed
        );
        // Endorsement cleared by a change later: the status stays.
        assert_eq!(
            status_now(Situation {
                status: PlanStatus::InProgress,
                handover_review_started: false,
                ..base
            }),
            PlanStatus::InProgress
        );
    }
}

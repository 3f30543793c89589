//! Partnerships in the store (SPEC §9, §14; seeds `001_…` and `002_…`).
//!
//! - **Scope.** Partnership data (members, agreements, indicators, readiness, maturity rounds and
//!   answers) is scoped by the partnership's current member organisations: outside the scope a
//!   record does not exist (`NotFound`); inside it, members act by role — editors and
//!   administrators change the partnership, reporters record indicator values and answer
//!   rounds, viewers read — and a write the role does not allow is `Forbidden`. The operator
//!   acts on everything; the reader reads everything.
//! - **Private registers.** An organisation's stakeholder register is its own: for any other
//!   organisation it does not exist.
//! - **Invited respondents.** Someone without an account answers a maturity round through a
//!   personal single-use link; redeeming it yields a [`respondent::Respondent`], accepted only
//!   by [`respondent::answer`].
//! - **The RTO network** (member RTOs, communities of practice, meetings) is readable by every
//!   actor.
//!
//! Every write runs in one transaction with its scope check and its audit entry, and refuses
//! stale versions.

mod agreement_input;
pub mod agreements;
pub mod answers;
mod aoc_link;
pub mod communities;
mod csv;
pub mod demo;
mod ids;
pub mod indicator_values;
pub mod indicators;
pub mod invitations;
pub mod involvement;
mod meetings;
pub mod members;
pub mod network;
mod partnership;
pub mod readiness;
mod refs;
pub mod respondent;
pub mod results;
pub mod rounds;
mod stakeholder_input;
pub mod stakeholders;
mod tx;

pub use agreement_input::{AgreementInput, PartyInput};
pub use agreements::{
    Agreement, Party, create_agreement, delete_agreement, get_agreement, list_agreements,
    update_agreement,
};
pub use answers::{DimensionAnswer, Response, answer_as_member, check_answers, responses};
pub use aoc_link::attach_to_plan;
pub use communities::{Community, CommunityInput, Meeting, MeetingInput};
pub use csv::{CSV_HEADER, export_csv, results_csv};
pub use ids::{
    AgreementId, CommunityId, IndicatorValueId, InvitationId, InvolvementId, MeetingId, MemberId,
    PartnershipId, PartnershipIndicatorId, ResponseId, RoundId, StakeholderId,
};
pub use indicator_values::{IndicatorValue, IndicatorValueInput};
pub use indicators::{IndicatorInput, PartnershipIndicator};
pub use invitations::{Invitation, InvitationInput, LinkState};
pub use involvement::{InvolvementEntry, InvolvementInput, record_involvement};
pub use members::{Member, MemberInput, add_member, remove_member, update_member};
pub use network::{NetworkMember, NetworkPartner};
pub use partnership::{
    Partnership, PartnershipInput, PartnershipSummary, create, delete, find, get, list, update,
};
pub use readiness::{Readiness, ReadinessInput, ReadinessItem, readiness, set_readiness};
pub use refs::{OrgRef, PartnershipRef};
pub use respondent::Respondent;
pub use results::{
    DimensionResult, PortfolioRow, RoundResults, portfolio, results, round_summaries,
};
pub use rounds::{Round, RoundInput, RoundKind};
pub use stakeholder_input::{StakeholderInput, sector_of};
pub use stakeholders::{Person, Stakeholder};

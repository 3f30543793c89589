//! Identifiers of the partnership records: a UUID (v7, so ids sort by creation) wrapped in a
//! newtype per kind of record, so that a round id can never be passed where an agreement id is
//! expected.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh id.
            #[expect(clippy::new_without_default, reason = "a new id is not a default value")]
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
                use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Uuid)))
                    .into()
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $name {}

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s.trim()).map(Self)
            }
        }
    )*};
}

id_type!(
    /// A partnership.
    PartnershipId,
    /// A member organisation's place in a partnership.
    MemberId,
    /// An agreement between partners.
    AgreementId,
    /// A performance indicator of a partnership.
    PartnershipIndicatorId,
    /// A dated value of a partnership's performance indicator.
    IndicatorValueId,
    /// A round of the partnering maturity assessment.
    RoundId,
    /// An invitation to answer a round, with its single-use link.
    InvitationId,
    /// One respondent's answers to a round.
    ResponseId,
    /// An entry of an organisation's stakeholder register.
    StakeholderId,
    /// A dated entry of a stakeholder's involvement history.
    InvolvementId,
    /// A community of practice of the RTO network.
    CommunityId,
    /// A meeting of a community of practice.
    MeetingId,
);

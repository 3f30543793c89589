//! Partnerships (SPEC §9, seeds `001_…` and `002_…`): who the stakeholders are and which of them
//! are partners, the agreements between partners, and how ready and how mature their partnering
//! is.
//!
//! - [`stakeholder`]: sector, type, role (steering, rowing, cheering) and whether a stakeholder
//!   is consulted or collaborates actively as a partner.
//! - [`agreement`]: the kinds of agreement, whose interest a performance indicator serves, and
//!   the employment impact of a partnership.
//! - [`readiness`]: the six questions of the partnering readiness assessment and what is still
//!   missing.
//! - [`maturity`]: the seven dimensions of the partnering maturity assessment, scores from 1 to 6
//!   and their bands; [`aggregate`] turns a round's answers into results per dimension;
//!   [`recommend`] says what to do next about a dimension.
//!
//! The functions stay in their modules (`aggregate::summarise`, `readiness::summarise`,
//! `recommend::recommendation`); the types are re-exported here. Plain Rust, no I/O: the store
//! and the pages build on these types.

/// Declares a small enum stored and exchanged as a stable snake_case key, with `ALL`,
/// `as_str()` and `parse()`; `$what` names it in the error for an unknown key.
macro_rules! keyed_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) {
            $($(#[$vmeta:meta])* $variant:ident => $key:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Clone,
            Copy,
            PartialEq,
            Eq,
            Hash,
            PartialOrd,
            Ord,
            Debug,
            serde::Serialize,
            serde::Deserialize,
            schemars::JsonSchema,
        )]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $key)] $variant,)+
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: [$name; [$($key),+].len()] = [$($name::$variant),+];

            /// The stable snake_case key (stored, and used in the API and the command line).
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)+
                }
            }

            /// The value with this key (surrounding spaces ignored); an unknown key is refused
            /// with the list of known ones.
            pub fn parse(s: &str) -> Result<Self, String> {
                let wanted = s.trim();
                Self::ALL
                    .into_iter()
                    .find(|v| v.as_str() == wanted)
                    .ok_or_else(|| {
                        let all: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                        format!("unknown {} `{wanted}`: use one of {}", $what, all.join(", "))
                    })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub mod aggregate;
pub mod agreement;
pub mod maturity;
pub mod readiness;
pub mod recommend;
pub mod stakeholder;

pub use aggregate::{DimensionSummary, RoundSummary};
pub use agreement::{AgreementKind, EmploymentImpact, InterestServed};
pub use maturity::{Band, Dimension, Score, ScoreError};
pub use readiness::{ReadinessAnswer, ReadinessQuestion, ReadinessState, ReadinessSummary, Unmet};
pub use recommend::Recommendation;
pub use stakeholder::{GovernmentTier, Involvement, PartnerRole, Sector, StakeholderType, Stance};

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key round-trips through `parse` and is what serde writes.
    fn round_trips<T>(
        all: &[T],
        as_str: fn(&T) -> &'static str,
        parse: fn(&str) -> Result<T, String>,
    ) where
        T: PartialEq + std::fmt::Debug + serde::Serialize,
    {
        for v in all {
            let key = as_str(v);
            assert_eq!(parse(key).as_ref(), Ok(v));
            assert_eq!(serde_json::to_string(v).unwrap(), format!("\"{key}\""));
            assert!(
                key.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "snake_case: {key}"
            );
        }
    }

    #[test]
    fn every_key_round_trips() {
        round_trips(&Sector::ALL, |v| v.as_str(), Sector::parse);
        round_trips(&GovernmentTier::ALL, |v| v.as_str(), GovernmentTier::parse);
        round_trips(
            &StakeholderType::ALL,
            |v| v.as_str(),
            StakeholderType::parse,
        );
        round_trips(&PartnerRole::ALL, |v| v.as_str(), PartnerRole::parse);
        round_trips(&Involvement::ALL, |v| v.as_str(), Involvement::parse);
        round_trips(&Stance::ALL, |v| v.as_str(), Stance::parse);
        round_trips(&AgreementKind::ALL, |v| v.as_str(), AgreementKind::parse);
        round_trips(&InterestServed::ALL, |v| v.as_str(), InterestServed::parse);
        round_trips(
            &ReadinessQuestion::ALL,
            |v| v.as_str(),
            ReadinessQuestion::parse,
        );
        round_trips(&ReadinessState::ALL, |v| v.as_str(), ReadinessState::parse);
        round_trips(&Dimension::ALL, |v| v.as_str(), Dimension::parse);
        round_trips(&Band::ALL, |v| v.as_str(), Band::parse);
    }

    #[test]
    fn unknown_keys_are_refused_with_the_known_ones() {
        let e = AgreementKind::parse("contract").unwrap_err();
        assert!(e.contains("unknown agreement kind `contract`"), "{e}");
        assert!(
            e.contains("ppp_contract, memorandum_of_understanding"),
            "{e}"
        );
        assert_eq!(PartnerRole::parse(" rowing "), Ok(PartnerRole::Rowing));
    }
}

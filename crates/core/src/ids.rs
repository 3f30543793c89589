//! Identifiers: every record has a UUID (v7, so ids sort by creation), wrapped in a newtype
//! per kind of record so that a plan id can never be passed where an activity id is expected;
//! records people type also have a short [`Code`].

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
                crate::openapi::uuid_schema()
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
                Uuid::parse_str(s).map(Self)
            }
        }
    )*};
}

id_type!(
    /// An organisation of the directory.
    OrgId,
    /// A plan.
    PlanId,
    /// A milestone of a plan.
    MilestoneId,
    /// An activity of a plan.
    ActivityId,
    /// A result node (output, outcome, impact or other).
    ResultId,
    /// An indicator on a result node.
    IndicatorId,
    /// A reporting period of a plan.
    PeriodId,
    /// A target or actual value of an indicator in a period.
    ValueId,
    /// A risk of a plan.
    RiskId,
    /// A stored template.
    TemplateId,
    /// A user account.
    UserId,
    /// An audit entry.
    AuditId,
    /// A cost line of an activity's budget.
    CostLineId,
    /// A dated exchange rate.
    RateId,
    /// A frozen version of a plan's budget.
    BudgetVersionId,
    /// Money spent against a cost line.
    ExpenditureId,
);

/// A short unique code people type (organisations, plans, templates): lower-case letters,
/// digits and dashes, 2–40 characters, starting with a letter or digit.
#[derive(
    Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(try_from = "String", into = "String")]
pub struct Code(String);

impl Code {
    pub fn parse(s: &str) -> Result<Self, String> {
        let ok_len = (2..=40).contains(&s.len());
        let ok_chars = s
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        let ok_start = s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
        if ok_len && ok_chars && ok_start {
            Ok(Self(s.to_owned()))
        } else {
            Err(format!(
                "`{s}` is not a valid code: use 2–40 lower-case letters, digits and dashes, starting with a letter or digit"
            ))
        }
    }

    /// Makes a code from free text (a name), for records created without one.
    pub fn slugify(s: &str) -> Self {
        let mut out = String::new();
        for c in s.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
            if out.len() >= 32 {
                break;
            }
        }
        let out = out.trim_end_matches('-').to_owned();
        if out.len() < 2 {
            Self(
                format!("x-{}", Uuid::now_v7().simple())
                    .chars()
                    .take(12)
                    .collect(),
            )
        } else {
            Self(out)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Code {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s)
    }
}

impl From<Code> for String {
    fn from(c: Code) -> String {
        c.0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A stable key (snake_case) that features use to find an element whatever its display
/// number, such as `aoc` or `handover_review`.
#[derive(
    Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(try_from = "String", into = "String")]
pub struct Key(String);

impl Key {
    pub fn parse(s: &str) -> Result<Self, String> {
        let ok = (1..=60).contains(&s.len())
            && s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(format!(
                "`{s}` is not a valid key: use snake_case (lower-case letters, digits, underscores), starting with a letter"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Key {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s)
    }
}

impl From<Key> for String {
    fn from(k: Key) -> String {
        k.0
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_keys_are_checked() {
        assert!(Code::parse("beirut-rto").is_ok());
        assert!(Code::parse("Beirut").is_err());
        assert!(Code::parse("-x").is_err());
        assert_eq!(
            Code::slugify("Union of Tyre Municipalities").as_str(),
            "union-of-tyre-municipalities"
        );
        assert!(Key::parse("handover_review").is_ok());
        assert!(Key::parse("Handover").is_err());
    }
}

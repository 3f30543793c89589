//! The partnering maturity assessment's scale (seed `002_…`, SPEC §9): seven dimensions, each
//! scored from 1 to 6, and three bands.
//!
//! The seed's example is the "BRIP Steering Committee Partnering Maturity Assessment (31 August
//! 2016)", and its ranking scale runs from "1-2 (centre) low level of partnering (uncoordinated or
//! limited to informational exchange) to 3-4 (alignment seeking, some community of practice) to
//! 5-6 (outer ring) higher level of partnering (specific partnering solutions)". It names the
//! three bands, not the six levels one by one, so a score is shown with its band's name.
//!
//! Each dimension's definition is the question a respondent answers. Scoring per respondent, the
//! medians and the rounds are our design ([`super::aggregate`]).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;

keyed_enum! {
    /// One of the seven dimensions of partnering maturity, in the seed's order.
    pub enum Dimension ("dimension") {
        /// Goals and objectives.
        GoalsAndObjectives => "goals_and_objectives",
        /// Resources.
        Resources => "resources",
        /// Activities.
        Activities => "activities",
        /// Communications.
        Communications => "communications",
        /// Governance.
        Governance => "governance",
        /// Processes, technologies and systems.
        ProcessesTechnologiesSystems => "processes_technologies_systems",
        /// Culture, attitudes, leadership.
        CultureAttitudesLeadership => "culture_attitudes_leadership",
    }
}

impl Dimension {
    /// The stable snake_case key (the same as [`Self::as_str`]).
    pub fn key(self) -> &'static str {
        self.as_str()
    }

    /// Its place in [`Self::ALL`], from 0 (the radar chart's axis).
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|d| *d == self).unwrap_or(0)
    }

    /// The dimension's name in English, as the seed writes it.
    pub fn name_en(self) -> &'static str {
        match self {
            Self::GoalsAndObjectives => "Goals and objectives",
            Self::Resources => "Resources",
            Self::Activities => "Activities",
            Self::Communications => "Communications",
            Self::Governance => "Governance",
            Self::ProcessesTechnologiesSystems => "Processes, technologies and systems",
            Self::CultureAttitudesLeadership => "Culture, attitudes, leadership",
        }
    }

    /// The seed's definition of the dimension: what a respondent scores.
    pub fn definition_en(self) -> &'static str {
        match self {
            Self::GoalsAndObjectives => {
                "The extent to which goals and objectives are shared and articulated jointly"
            }
            Self::Resources => {
                "The extent to which budgets, people, knowledge and ideas are combined"
            }
            Self::Activities => "Evidence of co-created and jointly implementing solutions",
            Self::Communications => {
                "Shared intelligence from common data and information, evidence of collective \
                 content and joint communications"
            }
            Self::Governance => {
                "Convening power, decision making, shared secretariat, administration, logistics"
            }
            Self::ProcessesTechnologiesSystems => {
                "Shared online workspaces, shared data, protocols for working together, \
                 accountability for activities in-between coordination meetings, common M&E \
                 tools, ability to share knowledge"
            }
            Self::CultureAttitudesLeadership => {
                "Degree of responsiveness and flexibility, inter-personal networks, trust and \
                 respect"
            }
        }
    }
}

/// Why a score was refused.
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error)]
pub enum ScoreError {
    /// A whole number outside 1–6.
    #[error("{0} is out of range: a score is a whole number from 1 to 6")]
    OutOfRange(i64),
    /// Not a whole number at all.
    #[error("`{0}` is not a score: a score is a whole number from 1 to 6")]
    NotAWholeNumber(String),
}

/// A respondent's score for one dimension: a whole number from 1 (centre: low) to 6 (outer ring:
/// high).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Score(u8);

impl Score {
    /// The lowest score.
    pub const MIN: Score = Score(1);
    /// The highest score.
    pub const MAX: Score = Score(6);

    /// The score `n`, refused outside 1–6 with a message naming the range.
    pub fn new(n: i64) -> Result<Self, ScoreError> {
        match u8::try_from(n) {
            Ok(v) if (Self::MIN.0..=Self::MAX.0).contains(&v) => Ok(Self(v)),
            _ => Err(ScoreError::OutOfRange(n)),
        }
    }

    /// A score typed by a person (`" 4 "`); anything but a whole number from 1 to 6 is refused.
    pub fn parse(s: &str) -> Result<Self, ScoreError> {
        let t = s.trim();
        match t.parse::<i64>() {
            Ok(n) => Self::new(n),
            Err(_) => Err(ScoreError::NotAWholeNumber(t.to_owned())),
        }
    }

    /// The score as a number from 1 to 6.
    pub fn get(self) -> u8 {
        self.0
    }

    /// The band the score falls in.
    pub fn band(self) -> Band {
        Band::of(Decimal::from(self.0))
    }
}

impl TryFrom<i64> for Score {
    type Error = ScoreError;
    fn try_from(n: i64) -> Result<Self, ScoreError> {
        Self::new(n)
    }
}

impl TryFrom<u8> for Score {
    type Error = ScoreError;
    fn try_from(n: u8) -> Result<Self, ScoreError> {
        Self::new(i64::from(n))
    }
}

impl From<Score> for u8 {
    fn from(s: Score) -> u8 {
        s.0
    }
}

impl From<Score> for Decimal {
    fn from(s: Score) -> Decimal {
        Decimal::from(s.0)
    }
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl schemars::JsonSchema for Score {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MaturityScore".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A partnering maturity score: a whole number from 1 (low) to 6 (high).",
            "type": "integer",
            "minimum": 1,
            "maximum": 6
        })
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Score {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::Integer)
            .minimum(Some(1))
            .maximum(Some(6))
            .description(Some(
                "A partnering maturity score: a whole number from 1 (low) to 6 (high).",
            ))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Score {
    fn name() -> std::borrow::Cow<'static, str> {
        "MaturityScore".into()
    }
}

keyed_enum! {
    /// The seed's three levels of partnering, from the centre of the radar to its outer ring.
    pub enum Band ("band") {
        /// Scores 1–2 (centre): low level of partnering (uncoordinated or limited to
        /// informational exchange). A median below 2.5.
        Low => "low",
        /// Scores 3–4: alignment seeking, some community of practice. A median from 2.5 to
        /// below 4.5.
        AlignmentSeeking => "alignment_seeking",
        /// Scores 5–6 (outer ring): higher level of partnering (specific partnering solutions).
        /// A median of 4.5 and above.
        PartneringSolutions => "partnering_solutions",
    }
}

impl Band {
    /// The band of a median (or any value on the 1–6 scale): below 2.5 low, 2.5 to below 4.5
    /// alignment seeking, 4.5 and above partnering solutions.
    pub fn of(median: Decimal) -> Band {
        if median < Decimal::new(25, 1) {
            Band::Low
        } else if median < Decimal::new(45, 1) {
            Band::AlignmentSeeking
        } else {
            Band::PartneringSolutions
        }
    }

    /// The whole scores that make up the band (1–2, 3–4, 5–6).
    pub fn scores(self) -> RangeInclusive<u8> {
        match self {
            Band::Low => 1..=2,
            Band::AlignmentSeeking => 3..=4,
            Band::PartneringSolutions => 5..=6,
        }
    }

    /// The band's name in English.
    pub fn name_en(self) -> &'static str {
        match self {
            Band::Low => "Low level of partnering",
            Band::AlignmentSeeking => "Alignment seeking",
            Band::PartneringSolutions => "Partnering solutions",
        }
    }

    /// What the band means, in the seed's words.
    pub fn description_en(self) -> &'static str {
        match self {
            Band::Low => "Uncoordinated or limited to informational exchange",
            Band::AlignmentSeeking => "Alignment seeking, some community of practice",
            Band::PartneringSolutions => {
                "Higher level of partnering: specific partnering solutions"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn seven_dimensions_each_with_the_seeds_definition() {
        assert_eq!(Dimension::ALL.len(), 7);
        for (i, dim) in Dimension::ALL.into_iter().enumerate() {
            assert_eq!(dim.index(), i);
            assert_eq!(dim.key(), dim.as_str());
            assert!(!dim.name_en().is_empty());
            assert!(!dim.definition_en().contains("  "), "{dim}");
        }
        assert_eq!(
            Dimension::Governance.definition_en(),
            "Convening power, decision making, shared secretariat, administration, logistics"
        );
    }

    #[test]
    fn scores_outside_one_to_six_are_refused_clearly() {
        assert_eq!(
            Score::new(0).unwrap_err().to_string(),
            "0 is out of range: a score is a whole number from 1 to 6"
        );
        assert_eq!(
            Score::new(7).unwrap_err().to_string(),
            "7 is out of range: a score is a whole number from 1 to 6"
        );
        assert!(Score::new(-1).is_err() && Score::new(256 + 3).is_err());
        assert_eq!(
            Score::parse("4.5").unwrap_err().to_string(),
            "`4.5` is not a score: a score is a whole number from 1 to 6"
        );
        assert_eq!(Score::parse(" 6 ").map(Score::get), Ok(6));
        assert_eq!(Score::new(1), Ok(Score::MIN));
    }

    #[test]
    fn scores_travel_as_integers() {
        assert_eq!(serde_json::to_string(&Score::new(3).unwrap()).unwrap(), "3");
        assert_eq!(serde_json::from_str::<Score>("5").unwrap().get(), 5);
        let e = serde_json::from_str::<Score>("7").unwrap_err().to_string();
        assert!(e.contains("from 1 to 6"), "{e}");
        assert!(
            serde_json::from_str::<Score>("300")
                .unwrap_err()
                .to_string()
                .contains("1 to 6")
        );
    }

    #[test]
    fn bands_at_their_edges() {
        assert_eq!(Band::of(d("1")), Band::Low);
        assert_eq!(Band::of(d("2")), Band::Low);
        assert_eq!(Band::of(d("2.49")), Band::Low);
        assert_eq!(Band::of(d("2.5")), Band::AlignmentSeeking);
        assert_eq!(Band::of(d("4")), Band::AlignmentSeeking);
        assert_eq!(Band::of(d("4.49")), Band::AlignmentSeeking);
        assert_eq!(Band::of(d("4.5")), Band::PartneringSolutions);
        assert_eq!(Band::of(d("6")), Band::PartneringSolutions);
    }

    #[test]
    fn each_score_falls_in_the_band_that_lists_it() {
        for n in 1..=6 {
            let s = Score::new(n).unwrap();
            assert!(s.band().scores().contains(&s.get()), "{s}");
        }
    }
}

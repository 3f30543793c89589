//! Indicators and their values: IATI's measures, baselines, and targets and actuals per
//! period, one per combination of disaggregation dimensions.

use crate::error::Invalid;
use crate::ids::{IndicatorId, OrgId, PeriodId, PlanId, ResultId, ValueId};
use crate::money::parse_decimal;
use crate::text::Text;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::Date;

/// IATI's indicator measures (codelist IndicatorMeasure 1–5).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// A count or an amount (money when the indicator has a currency).
    Unit,
    Percentage,
    Nominal,
    /// An ordered scale.
    Ordinal,
    /// Narrative.
    Qualitative,
}

impl Measure {
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Unit => "unit",
            Measure::Percentage => "percentage",
            Measure::Nominal => "nominal",
            Measure::Ordinal => "ordinal",
            Measure::Qualitative => "qualitative",
        }
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        match s {
            "unit" => Ok(Measure::Unit),
            "percentage" => Ok(Measure::Percentage),
            "nominal" => Ok(Measure::Nominal),
            "ordinal" => Ok(Measure::Ordinal),
            "qualitative" => Ok(Measure::Qualitative),
            _ => Err(format!(
                "unknown measure `{s}`: use unit, percentage, nominal, ordinal or qualitative"
            )),
        }
    }

    /// IATI IndicatorMeasure code.
    pub fn iati_code(self) -> u8 {
        match self {
            Measure::Unit => 1,
            Measure::Percentage => 2,
            Measure::Nominal => 3,
            Measure::Ordinal => 4,
            Measure::Qualitative => 5,
        }
    }

    /// Whether values are numbers (everything but qualitative).
    pub fn is_numeric(self) -> bool {
        self != Measure::Qualitative
    }
}

/// Whether a rising value is good news.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

/// Whether each period's value stands alone or values accumulate toward the life-of-plan target.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Cumulation {
    Cumulative,
    NonCumulative,
}

/// How often an indicator is collected.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Monthly,
    Quarterly,
    SemiAnnual,
    Annual,
    Once,
}

/// A value of an indicator: a number for numeric measures, a narrative for qualitative ones.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Number(#[serde(with = "rust_decimal::serde::str")] Decimal),
    Narrative(String),
}

impl Value {
    /// Parses what a user typed for an indicator of the given measure. "Yes", "N/A" or
    /// "see report" in a numeric indicator is refused: a qualitative indicator exists for that.
    pub fn parse(measure: Measure, raw: &str) -> Result<Self, String> {
        if measure.is_numeric() {
            parse_decimal(raw).map(Value::Number).map_err(|e| {
                format!(
                    "{e}; this indicator's measure is {}, so its values are numbers",
                    measure.as_str()
                )
            })
        } else if raw.trim().is_empty() {
            Err("the value is empty".into())
        } else {
            Ok(Value::Narrative(raw.trim().to_owned()))
        }
    }

    pub fn as_text(&self) -> String {
        match self {
            Value::Number(d) => d.to_string(),
            Value::Narrative(s) => s.clone(),
        }
    }
}

/// Disaggregation dimensions: name → value, e.g. `sex` → `female`.
pub type Dimensions = BTreeMap<String, String>;

/// A baseline: a value at a date, possibly for one combination of dimensions.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Baseline {
    pub value: Option<Value>,
    pub date: Option<Date>,
    #[serde(default)]
    pub dimensions: Dimensions,
    #[serde(default)]
    pub comment: Text,
}

/// An indicator on a result node.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Indicator {
    pub id: IndicatorId,
    pub plan_id: PlanId,
    pub result_id: ResultId,
    pub position: i64,
    pub code: String,
    pub statement: Text,
    pub measure: Measure,
    pub unit: Option<String>,
    pub direction: Option<Direction>,
    pub cumulation: Cumulation,
    pub baselines: Vec<Baseline>,
    pub data_source: Text,
    pub collection_method: Text,
    pub frequency: Frequency,
    /// Who reports it.
    pub responsible: Vec<OrgId>,
    pub proposed_by: Option<String>,
    pub validated_by: Option<String>,
    pub version: i64,
}

/// Target or actual.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    Target,
    Actual,
}

impl ValueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ValueKind::Target => "target",
            ValueKind::Actual => "actual",
        }
    }
}

/// A target or an actual of an indicator for one period and one combination of dimensions.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct PeriodValue {
    pub id: ValueId,
    pub plan_id: PlanId,
    pub indicator_id: IndicatorId,
    pub period_id: PeriodId,
    pub kind: ValueKind,
    pub value: Value,
    #[serde(default)]
    pub dimensions: Dimensions,
    #[serde(default)]
    pub comment: Text,
    /// A link to the evidence (or an attached file's address).
    pub evidence: Option<String>,
    pub reported_by: Option<String>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub reported_at: Option<time::OffsetDateTime>,
    pub version: i64,
}

/// Checks a set of dimensions: names and values non-empty.
pub fn parse_dimensions(pairs: &[(String, String)]) -> Result<Dimensions, Invalid> {
    let mut d = Dimensions::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if k.trim().is_empty() || v.trim().is_empty() {
            return Err(Invalid::one(
                format!("dimensions[{i}]"),
                "a dimension needs a name and a value, e.g. sex=female",
            ));
        }
        d.insert(k.trim().to_owned(), v.trim().to_owned());
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_values_refuse_words() {
        assert!(
            Value::parse(Measure::Unit, "N/A")
                .unwrap_err()
                .contains("numbers")
        );
        assert!(Value::parse(Measure::Percentage, "Yes").is_err());
        assert_eq!(
            Value::parse(Measure::Percentage, "42.5"),
            Ok(Value::Number(Decimal::new(425, 1)))
        );
        assert_eq!(
            Value::parse(Measure::Qualitative, "see report"),
            Ok(Value::Narrative("see report".into()))
        );
        assert!(
            Measure::parse("count")
                .unwrap_err()
                .contains("unknown measure")
        );
    }
}

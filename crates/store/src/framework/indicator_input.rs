//! An indicator as a client writes it, checked: a code and statement, the measure's rule for
//! numbers (in baselines and in the values already entered), baselines with dates and
//! dimensions, and the parties responsible for reporting.

use super::input;
use handover_core::calendar::parse_date;
use handover_core::error::Problems;
use handover_core::indicator::{
    Baseline, Cumulation, Dimensions, Direction, Frequency, Indicator, Measure, Value,
};
use handover_core::plan::PlanTree;
use handover_core::text::Text;

/// A baseline as written: a value (a number for numeric measures), a date, dimensions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BaselineInput {
    pub value: Option<String>,
    pub date: Option<String>,
    pub dimensions: Dimensions,
    pub comment: Text,
}

/// An indicator as written; `None` leaves a field as it is (or takes its default).
#[derive(Clone, Debug, Default)]
pub struct IndicatorInput {
    /// The result node it measures (id); needed when adding.
    pub result: Option<String>,
    /// Its place among the result's indicators, from 1; the end when absent.
    pub position: Option<u16>,
    pub code: Option<String>,
    pub statement: Option<Text>,
    pub measure: Option<Measure>,
    pub unit: Option<Option<String>>,
    pub direction: Option<Option<Direction>>,
    pub cumulation: Option<Cumulation>,
    /// Replaces the list.
    pub baselines: Option<Vec<BaselineInput>>,
    pub data_source: Option<Text>,
    pub collection_method: Option<Text>,
    pub frequency: Option<Frequency>,
    /// Party codes; by default the result's responsible parties.
    pub responsible: Option<Vec<String>>,
    pub proposed_by: Option<Option<String>>,
    pub validated_by: Option<Option<String>>,
}

/// `base` with the input applied; every problem is pushed with its field.
pub(crate) fn apply(
    tree: &PlanTree,
    base: &Indicator,
    input: &IndicatorInput,
    creating: bool,
    p: &mut Problems,
) -> Indicator {
    let mut i = base.clone();
    if let Some(c) = &input.code {
        i.code = c.trim().to_owned();
    }
    if (creating || input.code.is_some()) && (i.code.is_empty() || i.code.len() > 40) {
        p.push(
            "code",
            "give the indicator a code of 1 to 40 characters, e.g. 7.1.2",
        );
    }
    if creating || input.statement.is_some() {
        input::required_text(p, "statement", input.statement.as_ref(), "an indicator");
    }
    let blank = |s: &Option<String>| {
        s.as_ref()
            .map(|x| x.trim().to_owned())
            .filter(|x| !x.is_empty())
    };
    i.statement = input.statement.clone().unwrap_or(i.statement);
    i.measure = input.measure.unwrap_or(i.measure);
    i.unit = input.unit.as_ref().map_or(i.unit, blank);
    i.direction = input.direction.unwrap_or(i.direction);
    i.cumulation = input.cumulation.unwrap_or(i.cumulation);
    i.data_source = input.data_source.clone().unwrap_or(i.data_source);
    i.collection_method = input
        .collection_method
        .clone()
        .unwrap_or(i.collection_method);
    i.frequency = input.frequency.unwrap_or(i.frequency);
    i.proposed_by = input.proposed_by.as_ref().map_or(i.proposed_by, blank);
    i.validated_by = input.validated_by.as_ref().map_or(i.validated_by, blank);
    if let Some(r) = &input.responsible {
        i.responsible = input::parties(tree, r, "responsible", p);
    }
    match &input.baselines {
        Some(list) => {
            i.baselines = list
                .iter()
                .enumerate()
                .map(|(n, b)| baseline(i.measure, b, &format!("baselines[{n}]"), p))
                .collect();
        }
        None if i.measure != base.measure => {
            // The measure changed: the baselines already there must fit it.
            for b in &base.baselines {
                if let Some(v) = &b.value
                    && let Err(e) = Value::parse(i.measure, &v.as_text())
                {
                    p.push(
                        "measure",
                        format!("a baseline does not fit this measure: {e}"),
                    );
                }
            }
        }
        None => {}
    }
    if i.measure != base.measure && !creating {
        let texts = tree
            .values
            .iter()
            .filter(|v| v.indicator_id == base.id)
            .filter(|v| Value::parse(i.measure, &v.value.as_text()).is_err())
            .count();
        if texts > 0 {
            p.push(
                "measure",
                format!("{texts} target(s) or actual(s) already entered are not numbers: change them first, or keep the measure"),
            );
        }
    }
    i
}

/// One baseline, checked against the measure.
fn baseline(measure: Measure, b: &BaselineInput, field: &str, p: &mut Problems) -> Baseline {
    let value = b
        .value
        .as_deref()
        .and_then(|v| p.take(format!("{field}.value"), Value::parse(measure, v)));
    let date = b
        .date
        .as_deref()
        .and_then(|d| p.take(format!("{field}.date"), parse_date(d)));
    if b.dimensions
        .iter()
        .any(|(k, v)| k.trim().is_empty() || v.trim().is_empty())
    {
        p.push(
            format!("{field}.dimensions"),
            "a dimension needs a name and a value, e.g. {\"sex\": \"female\"}",
        );
    }
    Baseline {
        value,
        date,
        dimensions: b.dimensions.clone(),
        comment: b.comment.clone(),
    }
}

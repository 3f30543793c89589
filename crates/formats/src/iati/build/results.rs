//! Building results: results, indicators, references, baselines, periods, targets and actuals,
//! with their values read against the indicator's measure.

use super::{Builder, boolean, code_check, date, owned};
use crate::iati::check::{Attrs, Frame, problem};
use crate::iati::lenient::{self, Reading};
use crate::iati::model::{
    IatiBaseline, IatiIndicator, IatiPeriod, IatiResult, IatiTarget, Reference,
};
use crate::iati::read::Problem;
use crate::iati::schema::K;
use handover_core::indicator::{Measure, Value};
use handover_core::plan::ResultLevel;

impl Builder {
    /// A part of a result starts.
    pub(super) fn start_result_part(
        &mut self,
        f: &Frame,
        parent: Option<K>,
        a: &Attrs<'_>,
        out: &mut Vec<Problem>,
    ) {
        match f.k {
            K::Result => self.start_result(f, a, out),
            K::Indicator => self.start_indicator(a, out),
            K::ResultReference | K::IndicatorReference => {
                let r = Reference {
                    vocabulary: a.get("vocabulary").unwrap_or_default().trim().to_owned(),
                    code: a.get("code").unwrap_or_default().trim().to_owned(),
                    uri: owned(a.get("vocabulary-uri").or(a.get("indicator-uri"))),
                };
                let refs = if f.k == K::ResultReference {
                    self.result().map(|r| &mut r.references)
                } else {
                    self.indicator().map(|i| &mut i.references)
                };
                if let Some(refs) = refs {
                    refs.push(r);
                }
            }
            K::Baseline => {
                let (value, original) = self.value(a.get("value"), f, out);
                let b = IatiBaseline {
                    year: a
                        .get("year")
                        .and_then(|y| lenient::integer(y, 1).value())
                        .and_then(|y| i32::try_from(y).ok()),
                    date: date(a.get("iso-date")),
                    value,
                    original,
                    ..IatiBaseline::default()
                };
                if let Some(i) = self.indicator() {
                    i.baselines.push(b);
                }
            }
            K::Period => {
                if let Some(i) = self.indicator() {
                    i.periods.push(IatiPeriod::default());
                }
            }
            K::Target | K::Actual => {
                let (value, original) = self.value(a.get("value"), f, out);
                let t = IatiTarget {
                    value,
                    original,
                    ..IatiTarget::default()
                };
                if let Some(p) = self.period() {
                    if f.k == K::Target {
                        &mut p.targets
                    } else {
                        &mut p.actuals
                    }
                    .push(t);
                }
            }
            K::Dimension => {
                let d = (
                    a.get("name").unwrap_or_default().trim().to_owned(),
                    a.get("value").unwrap_or_default().trim().to_owned(),
                );
                if let Some((dims, _)) = self.disaggregated(parent) {
                    dims.push(d);
                }
            }
            K::ResultLocation => {
                if let (Some(r), Some((_, locs))) =
                    (owned(a.get("ref")), self.disaggregated(parent))
                {
                    locs.push(r);
                }
            }
            _ => {}
        }
    }

    fn start_result(&mut self, f: &Frame, a: &Attrs<'_>, out: &mut Vec<Problem>) {
        let level = a.get("type").and_then(|t| match t.trim() {
            "1" => Some(ResultLevel::Output),
            "2" => Some(ResultLevel::Outcome),
            "3" => Some(ResultLevel::Impact),
            "9" => Some(ResultLevel::Other),
            _ => None,
        });
        code_check(
            a.get("type"),
            level.is_some(),
            f,
            "ResultType (1, 2, 3, 9)",
            out,
        );
        self.act.results.push(IatiResult {
            level,
            aggregation_status: boolean(a.get("aggregation-status")),
            ..IatiResult::default()
        });
    }

    fn start_indicator(&mut self, a: &Attrs<'_>, out: &mut Vec<Problem>) {
        let raw = a.get("measure").map(str::trim);
        let measure = raw.and_then(|m| match m {
            "1" => Some(Measure::Unit),
            "2" => Some(Measure::Percentage),
            "3" => Some(Measure::Nominal),
            "4" => Some(Measure::Ordinal),
            "5" => Some(Measure::Qualitative),
            _ => None,
        });
        let by_name = raw.and_then(|m| Measure::parse(&m.to_ascii_lowercase()).ok());
        match (raw, measure, by_name) {
            (Some(m), None, Some(n)) => out.push(problem(format!(
                    "`indicator` measure `{m}` is a name, not a code of IndicatorMeasure; read as {} ({})",
                    n.iati_code(),
                    n.as_str()
                ),
                Some(m),
            )),
            (Some(m), None, None) => out.push(problem(format!(
                    "`indicator` measure `{m}` is not a code of IndicatorMeasure (1–5); its values are read as numbers"
                ),
                Some(m),
            )),
            _ => {}
        }
        self.measure = measure.or(by_name);
        if let Some(r) = self.result() {
            r.indicators.push(IatiIndicator {
                measure: measure.or(by_name),
                ascending: boolean(a.get("ascending")),
                aggregation_status: boolean(a.get("aggregation-status")),
                ..Default::default()
            });
        }
    }

    /// Reads a baseline's, target's or actual's `value` against the indicator's measure.
    fn value(
        &self,
        raw: Option<&str>,
        f: &Frame,
        out: &mut Vec<Problem>,
    ) -> (Option<Value>, Option<String>) {
        let qualitative = self.measure == Some(Measure::Qualitative);
        let Some(raw) = raw else {
            if !qualitative {
                out.push(problem(
                    format!("`{}` has no `value`: it was left empty", f.name),
                    None,
                ));
            }
            return (None, None);
        };
        let t = raw.trim();
        if qualitative {
            return (
                (!t.is_empty()).then(|| Value::Narrative(t.to_owned())),
                None,
            );
        }
        match lenient::decimal(t) {
            Reading::Exact(d) => (Some(Value::Number(d)), None),
            Reading::Read(d, note) => {
                out.push(problem(
                    format!("`{}` value `{t}`: {note}", f.name),
                    Some(t),
                ));
                (Some(Value::Number(d)), Some(t.to_owned()))
            }
            Reading::Unreadable(why) => {
                out.push(problem(
                    format!(
                        "`{}` value `{t}`: {why}; it was left empty, the text is kept",
                        f.name
                    ),
                    Some(t),
                ));
                (None, Some(t.to_owned()))
            }
            Reading::Empty => {
                out.push(problem(
                    format!("`{}` value is empty: it was left empty", f.name),
                    None,
                ));
                (None, None)
            }
        }
    }
}

//! The rules a template must follow beyond its shape; each problem names its field by path
//! (`milestones[0].activities[2].end_quarter`) so the file reader can point at its line.

use super::spec::{IndicatorSpec, ResultSpec, Template};
use crate::error::FieldError;
use std::collections::HashSet;

/// Every problem with the template, in file order; empty when it is valid.
pub fn validate(t: &Template) -> Vec<FieldError> {
    let mut v = Checker::default();
    if t.format != 1 {
        v.err(
            "format",
            format!(
                "format {} is not known: this version reads format 1",
                t.format
            ),
        );
    }
    if let Err(e) = t.quarter_count() {
        v.err("quarters", e);
    }
    if t.name.is_empty() {
        v.err("name", "the template has no name");
    }
    let mut need_keys = HashSet::new();
    for (i, n) in t.needs.iter().enumerate() {
        if !need_keys.insert(n.key.as_str()) {
            v.err(
                format!("needs[{i}].key"),
                format!("the need `{}` is listed twice", n.key),
            );
        }
        if n.text.is_empty() {
            v.err(format!("needs[{i}].text"), "the need has no text");
        }
    }
    for (i, r) in t.results.iter().enumerate() {
        v.result(&format!("results[{i}]"), r);
    }
    let mut last_milestone = 0;
    let mut last_activity = 0;
    let mut milestone_keys = HashSet::new();
    let mut activity_keys = HashSet::new();
    for (mi, m) in t.milestones.iter().enumerate() {
        let mp = format!("milestones[{mi}]");
        if m.number <= last_milestone {
            v.err(
                format!("{mp}.number"),
                format!(
                    "milestone {} is out of order: numbers rise by file order",
                    m.number
                ),
            );
        }
        last_milestone = m.number;
        if let Some(k) = &m.key
            && !milestone_keys.insert(k.as_str().to_owned())
        {
            v.err(
                format!("{mp}.key"),
                format!("the milestone key `{k}` is used twice"),
            );
        }
        if m.title.is_empty() {
            v.err(format!("{mp}.title"), "the milestone has no title");
        }
        for (ai, a) in m.activities.iter().enumerate() {
            let ap = format!("{mp}.activities[{ai}]");
            if a.number <= last_activity {
                v.err(
                    format!("{ap}.number"),
                    format!(
                        "activity {} is out of order: numbers rise by file order across milestones",
                        a.number
                    ),
                );
            }
            last_activity = a.number;
            if let Some(k) = &a.key
                && !activity_keys.insert(k.as_str().to_owned())
            {
                v.err(
                    format!("{ap}.key"),
                    format!("the activity key `{k}` is used twice"),
                );
            }
            if a.title.is_empty() {
                v.err(format!("{ap}.title"), "the activity has no title");
            }
            for (ni, n) in a.needs.iter().enumerate() {
                if !need_keys.contains(n.as_str()) {
                    v.err(
                        format!("{ap}.needs[{ni}]"),
                        format!("`{n}` is not one of the template's needs"),
                    );
                }
            }
            if a.start_quarter == 0 || a.start_quarter > t.quarters {
                v.err(
                    format!("{ap}.start_quarter"),
                    format!(
                        "Q{} is outside the calendar Q1–Q{}",
                        a.start_quarter, t.quarters
                    ),
                );
            }
            if a.end_quarter < a.start_quarter {
                v.err(
                    format!("{ap}.end_quarter"),
                    format!(
                        "the end quarter Q{} is before the start quarter Q{}",
                        a.end_quarter, a.start_quarter
                    ),
                );
            } else if a.end_quarter > t.quarters {
                v.err(
                    format!("{ap}.end_quarter"),
                    format!(
                        "Q{} is outside the calendar Q1–Q{}",
                        a.end_quarter, t.quarters
                    ),
                );
            }
            for (oi, o) in a.outputs.iter().enumerate() {
                let op = format!("{ap}.outputs[{oi}]");
                if o.title.is_empty() {
                    v.err(format!("{op}.title"), "the output has no title");
                }
                for (ii, ind) in o.indicators.iter().enumerate() {
                    v.indicator(&format!("{op}.indicators[{ii}]"), ind);
                }
                for (ri, r) in o.risks.iter().enumerate() {
                    if r.description.is_empty() {
                        v.err(
                            format!("{op}.risks[{ri}].description"),
                            "the risk has no description",
                        );
                    }
                }
                for (ci, c) in o.outcomes.iter().enumerate() {
                    let cp = format!("{op}.outcomes[{ci}]");
                    if c.title.is_empty() {
                        v.err(format!("{cp}.title"), "the outcome has no title");
                    }
                    for (ii, ind) in c.indicators.iter().enumerate() {
                        v.indicator(&format!("{cp}.indicators[{ii}]"), ind);
                    }
                }
            }
        }
    }
    for (i, r) in t.risks.iter().enumerate() {
        if r.description.is_empty() {
            v.err(
                format!("risks[{i}].description"),
                "the risk has no description",
            );
        }
    }
    v.errors
}

#[derive(Default)]
struct Checker {
    errors: Vec<FieldError>,
    codes: HashSet<String>,
}

impl Checker {
    fn err(&mut self, field: impl Into<String>, msg: impl Into<String>) {
        self.errors.push(FieldError::new(field, msg));
    }

    fn indicator(&mut self, path: &str, i: &IndicatorSpec) {
        if i.code.trim().is_empty() {
            self.err(format!("{path}.code"), "the indicator has no code");
        } else if !self.codes.insert(i.code.clone()) {
            self.err(
                format!("{path}.code"),
                format!("the indicator code `{}` is used twice", i.code),
            );
        }
        if i.statement.is_empty() {
            self.err(
                format!("{path}.statement"),
                "the indicator has no statement",
            );
        }
        if !i.measure.is_numeric() && i.direction.is_some() {
            self.err(
                format!("{path}.direction"),
                "a qualitative indicator has no direction",
            );
        }
    }

    fn result(&mut self, path: &str, r: &ResultSpec) {
        if r.title.is_empty() {
            self.err(format!("{path}.title"), "the result has no title");
        }
        for (ii, ind) in r.indicators.iter().enumerate() {
            self.indicator(&format!("{path}.indicators[{ii}]"), ind);
        }
        for (ci, c) in r.results.iter().enumerate() {
            self.result(&format!("{path}.results[{ci}]"), c);
        }
    }
}

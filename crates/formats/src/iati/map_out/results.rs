//! Results out: indicators with their reference, baselines, periods, targets and actuals,
//! dimensions and evidence; a qualitative value goes in the comment.

use super::narratives;
use crate::iati::model::{
    DocumentLink, IatiBaseline, IatiIndicator, IatiPeriod, IatiTarget, LangTag, Narrative,
    Narratives, Reference,
};
use handover_core::indicator::{Dimensions, Indicator, Measure, PeriodValue, Value};
use handover_core::plan::PlanTree;
use handover_core::text::{Lang, Text};

/// An indicator of the plan as an IATI indicator.
pub(super) fn indicator(
    t: &PlanTree,
    i: &Indicator,
    lang: Option<LangTag>,
    notes: &mut Vec<String>,
) -> IatiIndicator {
    let langs = &t.plan.languages;
    let mut title = narratives(&i.statement, langs);
    if title.is_empty() {
        title = vec![Narrative {
            lang,
            text: i.code.clone(),
        }];
    }
    let mut baselines = Vec::new();
    for b in &i.baselines {
        if i.measure.is_numeric() && b.value.is_none() {
            notes.push(format!(
                "a baseline of indicator {} has no value: not exported (rule 8.8.1)",
                i.code
            ));
            continue;
        }
        let (value, comment) = qualitative(i.measure, b.value.as_ref(), &b.comment, langs, lang);
        let date = b.date.unwrap_or(t.plan.start.date());
        baselines.push(IatiBaseline {
            year: Some(date.year()),
            date: b.date,
            value,
            original: None,
            locations: vec![],
            dimensions: dims(&b.dimensions),
            comment,
            document_links: vec![],
        });
    }
    let mut periods = Vec::new();
    for q in &t.periods {
        let of = |v: &&PeriodValue| v.indicator_id == i.id && v.period_id == q.id;
        let values: Vec<&PeriodValue> = t.values.iter().filter(of).collect();
        if values.is_empty() {
            continue;
        }
        let target = |kind| {
            values
                .iter()
                .filter(|v| v.kind == kind)
                .map(|v| period_value(v, i.measure, langs, lang))
                .collect()
        };
        periods.push(IatiPeriod {
            start: Some(q.start),
            end: Some(q.end),
            targets: target(handover_core::indicator::ValueKind::Target),
            actuals: target(handover_core::indicator::ValueKind::Actual),
        });
    }
    IatiIndicator {
        measure: Some(i.measure),
        ascending: Some(i.direction != Some(handover_core::indicator::Direction::Down)),
        aggregation_status: None,
        title,
        description: vec![],
        document_links: vec![],
        references: vec![Reference {
            vocabulary: "99".into(),
            code: i.code.clone(),
            uri: None,
        }],
        baselines,
        periods,
    }
}

fn period_value(v: &PeriodValue, m: Measure, langs: &[Lang], lang: Option<LangTag>) -> IatiTarget {
    let (value, comment) = qualitative(m, Some(&v.value), &v.comment, langs, lang);
    IatiTarget {
        value,
        original: None,
        locations: vec![],
        dimensions: dims(&v.dimensions),
        comment,
        document_links: v
            .evidence
            .iter()
            .map(|url| DocumentLink {
                url: url.clone(),
                format: Some("text/html".into()),
                title: vec![Narrative {
                    lang: LangTag::parse("en"),
                    text: "Evidence".into(),
                }],
                categories: vec!["A08".into()],
                date: None,
            })
            .collect(),
    }
}

/// A value and its comment: a qualitative value moves to an empty comment.
fn qualitative(
    m: Measure,
    value: Option<&Value>,
    comment: &Text,
    langs: &[Lang],
    lang: Option<LangTag>,
) -> (Option<Value>, Narratives) {
    let comment = narratives(comment, langs);
    match value {
        Some(v) if m == Measure::Qualitative && comment.is_empty() => (
            None,
            vec![Narrative {
                lang,
                text: v.as_text(),
            }],
        ),
        Some(Value::Number(d)) if m == Measure::Qualitative => {
            (Some(Value::Narrative(d.to_string())), comment)
        }
        v => (v.cloned(), comment),
    }
}

fn dims(d: &Dimensions) -> Vec<(String, String)> {
    d.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}

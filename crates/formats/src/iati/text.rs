//! Narratives as Handover texts (English, French, Arabic), counting what is not kept, and the
//! rule that moves a qualitative value between `@value` and the comment (ruleset 8.8.3–8.10.3:
//! a qualitative indicator's value should be in the comment, not in `@value`).

use super::model::{LangTag, Narrative};
use handover_core::indicator::{Measure, Value};
use handover_core::text::{Lang, Text};
use std::collections::{BTreeMap, BTreeSet};

/// Makes texts from narratives, remembering the languages kept and the narratives left out.
#[derive(Debug)]
pub(crate) struct TextMaker {
    default: Option<LangTag>,
    kept: BTreeSet<Lang>,
    dropped: BTreeMap<String, usize>,
    stood_in: usize,
}

/// A Handover language from a tag (`en`, `en-GB`, `fr-CA`…).
pub(crate) fn lang_of(tag: Option<LangTag>) -> Result<Lang, String> {
    let code = tag.as_ref().map_or("en", LangTag::as_str);
    let primary = code.split(['-', '_']).next().unwrap_or(code);
    Lang::parse(primary).map_err(|_| primary.to_owned())
}

impl TextMaker {
    /// Narratives without `xml:lang` are in `default` (the activity's), else English.
    pub fn new(default: Option<LangTag>) -> Self {
        Self {
            default,
            kept: BTreeSet::new(),
            dropped: BTreeMap::new(),
            stood_in: 0,
        }
    }

    /// The text of some narratives: the first in each of the three languages. When there is
    /// none in them, the first non-empty narrative stands in as English.
    pub fn text(&mut self, ns: Vec<Narrative>) -> Text {
        let mut t = Text::default();
        let mut first_other = None;
        for n in ns.into_iter().filter(|n| !n.text.trim().is_empty()) {
            match lang_of(n.lang.or(self.default)) {
                Ok(l) if t.get(l).is_none() => {
                    t.set(l, n.text);
                    self.kept.insert(l);
                }
                Ok(_) => {}
                Err(code) => {
                    *self.dropped.entry(code.clone()).or_default() += 1;
                    if first_other.is_none() {
                        first_other = Some((code, n.text));
                    }
                }
            }
        }
        if t.is_empty()
            && let Some((code, text)) = first_other
        {
            if let Some(c) = self.dropped.get_mut(&code) {
                *c -= 1;
            }
            t.set(Lang::En, text);
            self.kept.insert(Lang::En);
            self.stood_in += 1;
        }
        t
    }

    /// The best single name among narratives: English, French, Arabic, else the first.
    pub fn best(ns: &[Narrative]) -> String {
        let mut tm = TextMaker::new(None);
        let t = tm.text(ns.to_vec());
        t.best(Lang::En).to_owned()
    }

    /// The languages kept, the activity's own first.
    pub fn languages(&self) -> Vec<Lang> {
        let own = lang_of(self.default).ok().filter(|l| self.kept.contains(l));
        let mut out: Vec<Lang> = own.into_iter().collect();
        out.extend(self.kept.iter().copied().filter(|l| Some(*l) != own));
        if out.is_empty() {
            out.push(Lang::En);
        }
        out
    }

    /// The report lines about narratives.
    pub fn notes(&self, notes: &mut Vec<String>) {
        let dropped: Vec<String> = self
            .dropped
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(l, n)| format!("{l}×{n}"))
            .collect();
        if !dropped.is_empty() {
            notes.push(format!(
                "narratives in languages other than English, French and Arabic were not kept: {}",
                dropped.join(", ")
            ));
        }
        if self.stood_in > 0 {
            notes.push(format!(
                "{} text(s) had no English, French or Arabic narrative: the first stands in as English",
                self.stood_in
            ));
        }
    }
}

/// A qualitative value without `@value` is its comment: a comment in one language becomes the
/// value; in several, the English (or best) one is the value and the comment stays.
pub(crate) fn comment_value(
    measure: Measure,
    value: Option<Value>,
    comment: Text,
) -> (Option<Value>, Text) {
    if measure != Measure::Qualitative || value.is_some() || comment.is_empty() {
        return (value, comment);
    }
    let v = Value::Narrative(comment.best(Lang::En).to_owned());
    if comment.langs().count() == 1 {
        (Some(v), Text::default())
    } else {
        (Some(v), comment)
    }
}

//! What the framework's forms share: the posted fields (repeated names for check boxes), the
//! problems the store found, each put next to its field in the page's language, and the
//! editing of a multilingual text in the page's language only.

use super::super::{PageError, Viewer};
use crate::i18n::Ui;
use handover_core::ids::OrgId;
use handover_core::plan::PlanTree;
use handover_core::text::{Lang, Text};
use handover_store::StoreError;

/// A posted form as its name–value pairs, in order (a name may repeat: check boxes).
#[derive(Debug, Default, Clone)]
pub(super) struct Fields(pub(super) Vec<(String, String)>);

impl Fields {
    /// The first value of `name`, trimmed; empty when absent.
    pub(super) fn get(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    }

    /// Every non-empty value of `name`.
    pub(super) fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_owned())
            .collect()
    }

    /// Whether a check box `name` was ticked.
    pub(super) fn checked(&self, name: &str) -> bool {
        self.0.iter().any(|(k, v)| k == name && !v.is_empty())
    }

    /// The record version the form was opened with (0 when unreadable: a stale write).
    pub(super) fn version(&self) -> i64 {
        self.get("version").parse().unwrap_or(0)
    }
}

/// One problem of a form: the form field it belongs to and what to do about it.
#[derive(Debug, Clone)]
pub(super) struct Problem {
    /// The form field's name (`title`, `planned_start_quarter`), or `form` for the form as a whole.
    pub(super) field: String,
    /// The field's label, for the list at the top.
    pub(super) label: String,
    pub(super) message: String,
}

/// The problems of a posted form.
#[derive(Debug, Clone, Default)]
pub(super) struct Problems(pub(super) Vec<Problem>);

impl Problems {
    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problem of the form field `field`, if any (shown next to it).
    pub(super) fn of(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|p| p.field == field)
            .map(|p| p.message.as_str())
    }

    /// Whether the form field `field` has a problem (`aria-invalid`).
    pub(super) fn has(&self, field: &str) -> bool {
        self.of(field).is_some()
    }

    /// A problem found by the page itself (a value that could not be read).
    pub(super) fn push(&mut self, ui: Ui, field: &str) {
        if !self.has(field) {
            self.0.push(Problem {
                field: field.to_owned(),
                label: ui.t(format!("framework-field-{}", field.replace('_', "-"))),
                message: ui.t(format!("framework-problem-{}", field.replace('_', "-"))),
            });
        }
    }

    /// The problems of a refused write, on the form's fields (`known`); any other store error
    /// becomes its page (404, 403, the conflict page…).
    pub(super) fn from_store(
        viewer: &Viewer,
        e: StoreError,
        known: &[&str],
    ) -> Result<Self, PageError> {
        let ui = viewer.ui;
        let mut out = Self::default();
        match e {
            StoreError::Invalid(invalid) => {
                for p in invalid.0 {
                    let field = form_field(&p.field);
                    if known.contains(&field.as_str()) {
                        out.push(ui, &field);
                    } else if !out
                        .0
                        .iter()
                        .any(|x| x.field == "form" && x.message == p.message)
                    {
                        // A rule the form has no field for: the store's own words.
                        out.0.push(Problem {
                            field: "form".into(),
                            label: ui.t("framework-field-form"),
                            message: p.message,
                        });
                    }
                }
                Ok(out)
            }
            StoreError::Duplicate { field, .. } => {
                let field = form_field(&field);
                let field = if known.contains(&field.as_str()) {
                    field
                } else {
                    "form".into()
                };
                out.0.push(Problem {
                    label: ui.t(format!("framework-field-{}", field.replace('_', "-"))),
                    field,
                    message: ui.t("error-duplicate"),
                });
                Ok(out)
            }
            other => Err(viewer.fail(other)),
        }
    }
}

/// What a form template needs besides its values: the labels and problems of its fields.
#[derive(Debug, Clone)]
pub(super) struct FormView {
    pub(super) ui: Ui,
    pub(super) problems: Problems,
}

impl FormView {
    pub(super) fn new(ui: Ui, problems: Problems) -> Self {
        Self { ui, problems }
    }

    /// The label of the field `name` (`framework-field-…`).
    pub(super) fn label(&self, name: &str) -> String {
        self.ui
            .t(format!("framework-field-{}", name.replace('_', "-")))
    }

    /// Whether the field `name` has a problem.
    pub(super) fn invalid(&self, name: &str) -> bool {
        self.problems.has(name)
    }

    /// The problem of the field `name` (empty when none).
    pub(super) fn problem(&self, name: &str) -> &str {
        self.problems.of(name).unwrap_or_default()
    }

    /// Which language a text field edits.
    pub(super) fn language_hint(&self) -> String {
        self.ui
            .t(format!("framework-hint-language-{}", self.ui.code()))
    }
}

/// The form field a store problem names: `planned.start_quarter` → `planned_start_quarter`,
/// `leads[2].parties[0]` → `leads`.
fn form_field(store_field: &str) -> String {
    let base = store_field.split('[').next().unwrap_or(store_field);
    match base {
        // The timeline as a whole: shown at its start.
        "planned" => "planned_start_quarter".into(),
        _ => base.replace('.', "_"),
    }
}

/// `text` with its entry in `lang` replaced by what was typed (the other languages kept; an
/// empty entry removes that language).
pub(super) fn edited(text: &Text, lang: Lang, typed: &str) -> Text {
    let mut t = text.clone();
    t.set(lang, typed.trim());
    t
}

/// A multilingual text's entry in the page's language, for an edit form (empty when it has
/// none yet: the form does not copy another language's words into this one).
pub(super) fn own(text: &Text, lang: Lang) -> String {
    text.get(lang).unwrap_or_default().to_owned()
}

/// The text in another language shown beside an empty field, so a translator sees what to
/// translate; empty when the page's language has its own.
pub(super) fn elsewhere(text: &Text, lang: Lang) -> String {
    match text.show(lang) {
        Some(s) if s.fallback => s.text.to_owned(),
        _ => String::new(),
    }
}

/// An option of a `<select>` or a check box: value, label, chosen.
#[derive(Debug, Clone)]
pub(super) struct Choice {
    pub(super) value: String,
    pub(super) label: String,
    pub(super) chosen: bool,
}

/// The quarters of the plan's calendar (`Q3 — July 2027`), `chosen` selected.
pub(super) fn quarter_choices(ui: Ui, tree: &PlanTree, chosen: &str) -> Vec<Choice> {
    tree.periods
        .iter()
        .map(|p| Choice {
            value: p.seq.to_string(),
            label: ui.targs(
                "framework-quarter-choice",
                &[
                    ("quarter", &super::quarter(ui, p.seq)),
                    ("month", &ui.month(p.start)),
                ],
            ),
            chosen: p.seq.to_string() == chosen,
        })
        .collect()
}

/// The plan's parties as check boxes, by code.
pub(super) fn party_choices(tree: &PlanTree, chosen: &[String]) -> Vec<Choice> {
    tree.parties
        .iter()
        .map(|o| Choice {
            value: o.code.to_string(),
            label: o.name.clone(),
            chosen: chosen.iter().any(|c| c == o.code.as_str()),
        })
        .collect()
}

/// The codes of parties given by id.
pub(super) fn party_codes(tree: &PlanTree, ids: &[OrgId]) -> Vec<String> {
    ids.iter()
        .filter_map(|id| tree.parties.iter().find(|o| o.id == *id))
        .map(|o| o.code.to_string())
        .collect()
}

/// Choices whose labels come from the catalogue: `framework-{prefix}-{value}`.
pub(super) fn labelled(ui: Ui, prefix: &str, values: &[&str], chosen: &str) -> Vec<Choice> {
    values
        .iter()
        .map(|v| Choice {
            value: (*v).to_owned(),
            label: ui.t(format!("framework-{prefix}-{}", v.replace('_', "-"))),
            chosen: *v == chosen,
        })
        .collect()
}

/// A number from 1 to 5 for a score field, or `None` (the form shows its problem).
pub(super) fn score(raw: &str) -> Option<i64> {
    raw.parse::<i64>().ok().filter(|n| (1..=5).contains(n))
}

/// A quarter number typed into a select, or `None` when left empty or unreadable.
pub(super) fn quarter_number(raw: &str) -> Option<u16> {
    raw.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_fields_map_to_form_fields() {
        assert_eq!(form_field("planned.start_quarter"), "planned_start_quarter");
        assert_eq!(form_field("leads[2].parties[0]"), "leads");
        assert_eq!(form_field("title"), "title");
    }

    #[test]
    fn editing_one_language_keeps_the_others() {
        let t = Text::en("Planning").with(Lang::Ar, "التخطيط");
        let e = edited(&t, Lang::Fr, " Planification ");
        assert_eq!(e.get(Lang::Fr), Some("Planification"));
        assert_eq!(e.get(Lang::Ar), Some("التخطيط"));
        let cleared = edited(&t, Lang::En, "");
        assert_eq!(cleared.get(Lang::En), None);
        assert!(!cleared.is_empty());
        assert_eq!(own(&t, Lang::Fr), "");
        assert_eq!(elsewhere(&t, Lang::Fr), "Planning");
        assert_eq!(elsewhere(&t, Lang::En), "");
    }
}

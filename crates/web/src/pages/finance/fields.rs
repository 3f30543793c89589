//! What the finance forms share: the posted fields, the problems of a refused form (each on its
//! field, labelled and explained from the catalogue, `finance-field-…` and
//! `finance-problem-…`), and the choices of the selects.

use crate::i18n::Ui;
use crate::pages::{PageError, Viewer};
use handover_store::StoreError;

/// A posted form as its name–value pairs, in order.
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

    /// The record version the form was opened with (0 when unreadable: a stale write).
    pub(super) fn version(&self) -> i64 {
        self.get("version").parse().unwrap_or(0)
    }
}

/// One problem of a form.
#[derive(Debug, Clone)]
pub(super) struct Problem {
    /// The form field's name, or `form` for the form as a whole.
    pub(super) field: String,
    pub(super) label: String,
    pub(super) message: String,
}

/// The problems of a posted form.
#[derive(Debug, Clone, Default)]
pub(super) struct Problems(pub(super) Vec<Problem>);

/// A field's catalogue suffix (`unit_price` → `unit-price`).
fn key(field: &str) -> String {
    field.replace('_', "-")
}

impl Problems {
    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn of(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|p| p.field == field)
            .map(|p| p.message.as_str())
    }

    /// A problem found by the page itself, explained by the catalogue.
    pub(super) fn push(&mut self, ui: Ui, field: &str) {
        if self.of(field).is_none() {
            self.0.push(Problem {
                field: field.to_owned(),
                label: ui.t(format!("finance-field-{}", key(field))),
                message: ui.t(format!("finance-problem-{}", key(field))),
            });
        }
    }

    /// A problem of the form as a whole, in the given words.
    pub(super) fn general(&mut self, ui: Ui, message: String) {
        if !self
            .0
            .iter()
            .any(|p| p.field == "form" && p.message == message)
        {
            self.0.push(Problem {
                field: "form".into(),
                label: ui.t("finance-field-form"),
                message,
            });
        }
    }

    /// The problems of a refused write on the form's fields (`known`); the store's field
    /// `quantities/Q3` belongs to the form's `quantities`. Any other store error becomes its
    /// page (404, 403, the conflict page…).
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
                    let field = p.field.split(['/', '.', '[']).next().unwrap_or_default();
                    if known.contains(&field) {
                        out.push(ui, field);
                    } else {
                        out.general(ui, p.message);
                    }
                }
                Ok(out)
            }
            StoreError::Duplicate { .. } => {
                out.general(ui, ui.t("finance-problem-duplicate"));
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

    /// The label of the field `name`.
    pub(super) fn label(&self, name: &str) -> String {
        self.ui.t(format!("finance-field-{}", key(name)))
    }

    /// Whether the field `name` has a problem.
    pub(super) fn invalid(&self, name: &str) -> bool {
        self.problems.of(name).is_some()
    }

    /// The problem of the field `name` (empty when none).
    pub(super) fn problem(&self, name: &str) -> &str {
        self.problems.of(name).unwrap_or_default()
    }

    /// 422 when the form has problems, else 200.
    pub(super) fn status(&self) -> axum::http::StatusCode {
        if self.problems.is_empty() {
            axum::http::StatusCode::OK
        } else {
            axum::http::StatusCode::UNPROCESSABLE_ENTITY
        }
    }
}

/// An option of a `<select>`: value, label, chosen.
#[derive(Debug, Clone)]
pub(super) struct Choice {
    pub(super) value: String,
    pub(super) label: String,
    pub(super) chosen: bool,
}

impl Choice {
    pub(super) fn new(value: impl Into<String>, label: impl Into<String>, chosen: &str) -> Self {
        let value = value.into();
        Self {
            chosen: value == chosen,
            label: label.into(),
            value,
        }
    }
}

/// Choices whose labels come from the catalogue: `finance-{prefix}-{value}`.
pub(super) fn labelled(ui: Ui, prefix: &str, values: &[&str], chosen: &str) -> Vec<Choice> {
    values
        .iter()
        .map(|v| Choice::new(*v, ui.t(format!("finance-{prefix}-{}", key(v))), chosen))
        .collect()
}

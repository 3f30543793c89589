//! `GET /plans/new` and `POST /plans/new`: a new plan copied from a template — the template,
//! a code, a name (in the page's language), the owning local authority, the partners from the
//! directory, the start (the first day of a month) and the reporting currency. The plan is made
//! by the same store function as `POST /api/v1/plans` ([`new_plan::create`]), which checks
//! every field and that the reader's organisation is one of the plan's parties; a refused form
//! comes back (422) with each problem next to its field and what was typed kept, and nothing is
//! stored. A made plan opens at its own page, `/plans/{code}`.

use super::super::{Frame, Nav, PageError, Posted, Viewer, render, render_status, see_other};
use super::may_create_plans;
use crate::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use handover_core::calendar::{add_months, format_date};
use handover_core::org::Organisation;
use handover_core::text::Text;
use handover_store::framework::new_plan::{self, NewPlanInput};
use handover_store::{StoreError, orgs, templates};
use serde::Deserialize;
use std::collections::BTreeMap;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/plans/new", get(show_form).post(make_plan))
}

/// The form's fields, in the order the page shows them (used for the problems' summary).
const FIELDS: [&str; 7] = [
    "template",
    "code",
    "name",
    "local_authority",
    "partners",
    "start",
    "currency",
];

/// `?template=` chooses the template when coming from a template's page.
#[derive(Debug, Default, Deserialize)]
struct Chosen {
    #[serde(default)]
    template: String,
}

/// What the form holds, as typed.
#[derive(Clone, Debug, Default)]
struct Typed {
    template: String,
    code: String,
    name: String,
    local_authority: String,
    partners: Vec<String>,
    start: String,
    currency: String,
}

impl Typed {
    /// Reads a posted form (`partners` may come several times, one per ticked box).
    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut t = Self::default();
        for (k, v) in pairs {
            match k.as_str() {
                "template" => t.template = v,
                "code" => t.code = v,
                "name" => t.name = v,
                "local_authority" => t.local_authority = v,
                "partners" if !v.trim().is_empty() => t.partners.push(v),
                "start" => t.start = v,
                "currency" => t.currency = v,
                _ => {}
            }
        }
        t
    }
}

/// An option of a select.
#[derive(Debug)]
struct Choice {
    value: String,
    label: String,
    /// The label's language when it is not the page's (a fallback); empty otherwise.
    lang: String,
    selected: bool,
}

/// A partner's check box.
#[derive(Debug)]
struct PartnerBox {
    code: String,
    name: String,
    kind_key: String,
    checked: bool,
}

/// A problem in the summary above the form.
#[derive(Debug)]
struct Listed {
    anchor: String,
    label: String,
    message: String,
}

#[derive(Template)]
#[template(path = "pages/templates/new_plan.html")]
struct NewPlanPage {
    frame: Frame,
    typed: Typed,
    templates: Vec<Choice>,
    /// The reader's own organisations that may own the plan, then the other local authorities.
    own: Vec<Choice>,
    others: Vec<Choice>,
    partners: Vec<PartnerBox>,
    /// Each field's problem, by field name.
    problems: BTreeMap<&'static str, String>,
    listed: Vec<Listed>,
}

impl NewPlanPage {
    /// The problem of a field, if it has one.
    fn problem(&self, field: &str) -> Option<&str> {
        self.problems.get(field).map(String::as_str)
    }

    /// `aria-describedby` of a field: its hint, and its problem when it has one.
    fn described(&self, field: &str, id: &str) -> String {
        if self.problems.contains_key(field) {
            format!("{id}-hint {id}-problem")
        } else {
            format!("{id}-hint")
        }
    }
}

async fn show_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(chosen): Query<Chosen>,
) -> Result<Response, PageError> {
    if !may_create_plans(&viewer) {
        return Err(PageError::Forbidden(viewer.ui.lang));
    }
    let directory = orgs::list(&state.store, &viewer.actor)
        .await
        .map_err(|e| viewer.fail(e))?;
    let acting = viewer
        .organisation
        .and_then(|id| directory.iter().find(|o| o.id == id));
    let today = time::OffsetDateTime::now_utc().date();
    let next_month = add_months(today.replace_day(1).unwrap_or(today), 1);
    let typed = Typed {
        template: chosen.template,
        local_authority: acting
            .filter(|o| o.org_type.is_local_authority())
            .map(|o| o.code.to_string())
            .unwrap_or_default(),
        partners: acting
            .filter(|o| !o.org_type.is_local_authority())
            .map(|o| vec![o.code.to_string()])
            .unwrap_or_default(),
        start: format_date(next_month),
        currency: "USD".into(),
        ..Typed::default()
    };
    let page = form_page(&state, &viewer, typed, directory, BTreeMap::new()).await?;
    Ok(render(&page))
}

async fn make_plan(
    State(state): State<AppState>,
    viewer: Viewer,
    Posted(pairs): Posted<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    if !may_create_plans(&viewer) {
        return Err(PageError::Forbidden(ui.lang));
    }
    let typed = Typed::from_pairs(pairs);
    let mut name = Text::default();
    name.set(ui.lang, typed.name.trim());
    let code = typed.code.trim();
    let input = NewPlanInput {
        template: typed.template.trim().to_owned(),
        code: (!code.is_empty()).then(|| code.to_owned()),
        name,
        local_authority: typed.local_authority.trim().to_owned(),
        partners: typed.partners.iter().map(|p| p.trim().to_owned()).collect(),
        start: typed.start.trim().to_owned(),
        currency: typed.currency.trim().to_owned(),
        languages: vec![],
    };
    let mut problems = BTreeMap::new();
    match new_plan::create(&state.store, &viewer.actor, input).await {
        Ok(tree) => return Ok(see_other(&format!("/plans/{}", tree.plan.code))),
        Err(StoreError::Invalid(invalid)) => {
            for p in &invalid.0 {
                let field = field_of(&p.field);
                problems.entry(field).or_insert_with(|| {
                    ui.t(format!("templates-new-problem-{}", field.replace('_', "-")))
                });
            }
        }
        Err(StoreError::Duplicate { .. }) => {
            problems.insert("code", ui.t("templates-new-problem-code-taken"));
        }
        // The role was checked above: what is left is the rule that the reader's organisation
        // must be one of the plan's parties.
        Err(StoreError::Forbidden(_)) => {
            let acting = viewer
                .user
                .as_ref()
                .and_then(|u| {
                    u.memberships
                        .iter()
                        .find(|m| Some(m.organisation_id) == viewer.organisation)
                })
                .map(|m| m.organisation_name.clone())
                .unwrap_or_default();
            problems.insert(
                "local_authority",
                ui.ta("templates-new-problem-party", "organisation", &acting),
            );
        }
        Err(e) => return Err(viewer.fail(e)),
    }
    let directory = orgs::list(&state.store, &viewer.actor)
        .await
        .map_err(|e| viewer.fail(e))?;
    let page = form_page(&state, &viewer, typed, directory, problems).await?;
    Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
}

/// The form field a store problem belongs to (`partners[1]` is the partners' field).
fn field_of(store_field: &str) -> &'static str {
    let head = store_field.split(['[', '.']).next().unwrap_or_default();
    FIELDS
        .iter()
        .find(|f| **f == head)
        .copied()
        .unwrap_or("other")
}

/// The form, with the choices of the directory and the templates.
async fn form_page(
    state: &AppState,
    viewer: &Viewer,
    typed: Typed,
    directory: Vec<Organisation>,
    problems: BTreeMap<&'static str, String>,
) -> Result<NewPlanPage, PageError> {
    let ui = viewer.ui;
    let all = templates::list(&state.store, &viewer.actor)
        .await
        .map_err(|e| viewer.fail(e))?;
    // The RTO transition framework unless another was asked for.
    let wanted = if typed.template.is_empty() {
        all.iter()
            .find(|t| t.code == "rto-transition")
            .or(all.first())
            .map(|t| t.code.clone())
            .unwrap_or_default()
    } else {
        typed.template.clone()
    };
    let templates = all
        .iter()
        .map(|t| Choice {
            value: t.code.clone(),
            label: ui.text(&t.name).to_owned(),
            lang: t
                .name
                .show(ui.lang)
                .filter(|s| s.fallback)
                .map(|s| s.lang.code().to_owned())
                .unwrap_or_default(),
            selected: t.code == wanted || t.id.to_string() == wanted,
        })
        .collect();
    let mine: Vec<_> = viewer
        .user
        .as_ref()
        .map(|u| u.memberships.iter().map(|m| m.organisation_id).collect())
        .unwrap_or_default();
    let choice = |o: &Organisation| Choice {
        value: o.code.to_string(),
        label: o.name.clone(),
        lang: String::new(),
        selected: o.code.as_str() == typed.local_authority.trim(),
    };
    // The reader's own organisations (whatever their kind: a generic plan may be owned by
    // anyone), then every other local authority of the directory.
    let own = directory
        .iter()
        .filter(|o| mine.contains(&o.id))
        .map(choice)
        .collect();
    let others = directory
        .iter()
        .filter(|o| !mine.contains(&o.id) && o.org_type.is_local_authority())
        .map(choice)
        .collect();
    let partners = directory
        .iter()
        .filter(|o| !o.org_type.is_local_authority())
        .map(|o| PartnerBox {
            code: o.code.to_string(),
            name: o.name.clone(),
            kind_key: format!("templates-org-type-{}", o.org_type.as_str()),
            checked: typed.partners.iter().any(|p| p.trim() == o.code.as_str()),
        })
        .collect();
    let listed = FIELDS
        .iter()
        .chain(std::iter::once(&"other"))
        .filter_map(|f| {
            problems.get(f).map(|m| Listed {
                anchor: anchor(f),
                label: ui.t(format!("templates-new-{}", f.replace('_', "-"))),
                message: m.clone(),
            })
        })
        .collect();
    Ok(NewPlanPage {
        frame: Frame::new(viewer, ui.t("templates-new-title"), Nav::NewPlan),
        typed,
        templates,
        own,
        others,
        partners,
        problems,
        listed,
    })
}

/// The id of a field's input, for the links of the problems' summary.
fn anchor(field: &str) -> String {
    match field {
        "other" => "new-plan-form".into(),
        "partners" => "f-partners".into(),
        f => format!("f-{}", f.replace('_', "-")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Ui;

    #[test]
    fn store_fields_map_to_form_fields() {
        assert_eq!(field_of("partners[2]"), "partners");
        assert_eq!(field_of("start"), "start");
        assert_eq!(field_of("template.milestones[0]"), "template");
        assert_eq!(field_of("languages"), "other");
    }

    #[test]
    fn repeated_partners_are_kept() {
        let t = Typed::from_pairs(vec![
            ("partners".into(), "a".into()),
            ("partners".into(), "".into()),
            ("partners".into(), "b".into()),
            ("code".into(), "x".into()),
        ]);
        assert_eq!(t.partners, vec!["a", "b"]);
        assert_eq!(t.code, "x");
    }

    #[test]
    fn every_problem_key_exists() {
        let ui = Ui::new(handover_core::text::Lang::En);
        for f in FIELDS.iter().chain(std::iter::once(&"other")) {
            let key = format!("templates-new-problem-{}", f.replace('_', "-"));
            assert!(!ui.t(&key).contains(&key), "{key}");
            let label = format!("templates-new-{}", f.replace('_', "-"));
            assert!(!ui.t(&label).contains(&label), "{label}");
        }
    }
}

//! Templates and new plans: `GET /templates` (the built-in templates and the reader's
//! organisation's own, named in the page's language), `GET /templates/{code}` (one template's
//! needs, milestones and activities with their timelines, leads and outputs), and
//! `GET/POST /plans/new` ([`new_plan`]: a plan copied from a template).

mod new_plan;

use super::{Frame, Nav, PageError, Viewer, render};
use crate::AppState;
use crate::i18n::Ui;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use handover_core::actor::{Actor, Role};
use handover_core::plan::LeadKind;
use handover_core::template::{ActivitySpec, Template as PlanTemplate};
use handover_core::text::{Lang, Text};
use handover_store::templates::{self, TemplateInfo};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/templates", get(list_templates))
        .route("/templates/{code}", get(show_template))
        .merge(new_plan::routes())
}

/// Whether the reader may make plans (an editor or administrator, or the operator); the store
/// decides in the end.
pub(super) fn may_create_plans(viewer: &Viewer) -> bool {
    viewer.user.is_some()
        && match &viewer.actor {
            Actor::Member { role, .. } => *role >= Role::Editor,
            Actor::Operator { .. } => true,
            Actor::Reader { .. } => false,
        }
}

/// A text of a template in the page's language, or in another one it has (then `lang` names
/// it, for the page's `lang` attribute).
#[derive(Debug, Default)]
struct Local {
    text: String,
    lang: String,
}

impl Local {
    fn of(ui: Ui, t: &Text) -> Self {
        match t.show(ui.lang) {
            Some(s) => Self {
                text: s.text.to_owned(),
                lang: if s.fallback {
                    s.lang.code().to_owned()
                } else {
                    String::new()
                },
            },
            None => Self::default(),
        }
    }

    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// A template's line in the list.
#[derive(Debug)]
struct Line {
    code: String,
    name: Local,
    kind_key: String,
    builtin: bool,
    milestones: usize,
    activities: usize,
}

#[derive(Template)]
#[template(path = "pages/templates/list.html")]
struct ListPage {
    frame: Frame,
    lines: Vec<Line>,
    may_create: bool,
}

async fn list_templates(
    State(state): State<AppState>,
    viewer: Viewer,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    let all = templates::list(&state.store, &viewer.actor)
        .await
        .map_err(|e| viewer.fail(e))?;
    let mut lines = Vec::with_capacity(all.len());
    for info in all {
        let (_, t) = templates::get(&state.store, &viewer.actor, &info.id.to_string())
            .await
            .map_err(|e| viewer.fail(e))?;
        lines.push(line(ui, &info, &t));
    }
    let page = ListPage {
        frame: Frame::new(&viewer, ui.t("templates-title"), Nav::Templates),
        lines,
        may_create: may_create_plans(&viewer),
    };
    Ok(render(&page))
}

fn line(ui: Ui, info: &TemplateInfo, t: &PlanTemplate) -> Line {
    Line {
        code: info.code.clone(),
        name: Local::of(ui, &info.name),
        kind_key: format!("templates-kind-{}", info.kind),
        builtin: info.builtin,
        milestones: t.milestones.len(),
        activities: t.milestones.iter().map(|m| m.activities.len()).sum(),
    }
}

/// An activity of a template, as shown.
#[derive(Debug)]
struct ActivityView {
    number: String,
    title: Local,
    rationale: Local,
    lead: String,
    timeline: String,
    repeatable: bool,
    outputs: Vec<OutputView>,
}

/// An output with how many indicators and risks it carries.
#[derive(Debug)]
struct OutputView {
    title: Local,
    facts: String,
}

#[derive(Debug)]
struct MilestoneView {
    number: String,
    title: Local,
    objective: Local,
    activities: Vec<ActivityView>,
}

#[derive(Template)]
#[template(path = "pages/templates/show.html")]
struct ShowPage {
    frame: Frame,
    code: String,
    name: Local,
    description: Local,
    kind_key: String,
    builtin: bool,
    quarters: String,
    /// Each language's code and its name in that language.
    languages: Vec<(&'static str, &'static str)>,
    needs: Vec<Local>,
    milestones: Vec<MilestoneView>,
    activity_count: usize,
    may_create: bool,
}

async fn show_template(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let ui = viewer.ui;
    let (info, t) = templates::get(&state.store, &viewer.actor, &code)
        .await
        .map_err(|e| viewer.fail(e))?;
    let milestones: Vec<MilestoneView> = t
        .milestones
        .iter()
        .map(|m| MilestoneView {
            number: ui.int(i64::from(m.number)),
            title: Local::of(ui, &m.title),
            objective: Local::of(ui, &m.objective),
            activities: m.activities.iter().map(|a| activity(ui, a)).collect(),
        })
        .collect();
    let languages = t
        .languages
        .iter()
        .map(|l: &Lang| (l.code(), Ui::endonym(l)))
        .collect();
    let page = ShowPage {
        frame: Frame::new(&viewer, ui.text(&info.name).to_owned(), Nav::Templates),
        code: info.code.clone(),
        name: Local::of(ui, &info.name),
        description: Local::of(ui, &t.description),
        kind_key: format!("templates-kind-{}", info.kind),
        builtin: info.builtin,
        quarters: ui.int(i64::from(t.quarters)),
        languages,
        needs: t.needs.iter().map(|n| Local::of(ui, &n.text)).collect(),
        activity_count: milestones.iter().map(|m| m.activities.len()).sum(),
        milestones,
        may_create: may_create_plans(&viewer),
    };
    Ok(render(&page))
}

fn quarter(ui: Ui, q: u16) -> String {
    ui.ta("quarter-label", "n", &ui.int(i64::from(q)))
}

fn activity(ui: Ui, a: &ActivitySpec) -> ActivityView {
    let timeline = if a.start_quarter == a.end_quarter {
        quarter(ui, a.start_quarter)
    } else {
        ui.targs(
            "templates-quarter-range",
            &[
                ("from", &quarter(ui, a.start_quarter)),
                ("to", &quarter(ui, a.end_quarter)),
            ],
        )
    };
    ActivityView {
        number: ui.int(i64::from(a.number)),
        title: Local::of(ui, &a.title),
        rationale: Local::of(ui, &a.rationale),
        lead: ui.t(format!("templates-lead-{}", lead_key(a.lead))),
        timeline,
        repeatable: a.repeatable,
        outputs: a
            .outputs
            .iter()
            .map(|o| OutputView {
                title: Local::of(ui, &o.title),
                facts: ui.targs(
                    "templates-output-facts",
                    &[
                        (
                            "indicators",
                            &ui.tn(
                                "templates-n-indicators",
                                (o.indicators.len()
                                    + o.outcomes.iter().map(|c| c.indicators.len()).sum::<usize>())
                                    as i64,
                            ),
                        ),
                        ("risks", &ui.tn("templates-n-risks", o.risks.len() as i64)),
                    ],
                ),
            })
            .collect(),
    }
}

fn lead_key(k: LeadKind) -> &'static str {
    k.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;
    use handover_core::org::OrgType;
    use handover_core::plan::PlanKind;

    /// The keys built at run time exist in every language.
    #[test]
    fn every_kind_lead_and_organisation_type_has_its_words() {
        let mut keys: Vec<String> = [PlanKind::RtoTransition, PlanKind::Generic]
            .iter()
            .map(|k| format!("templates-kind-{}", k.as_str()))
            .collect();
        keys.extend(
            [LeadKind::LocalAuthority, LeadKind::Partner, LeadKind::Joint]
                .iter()
                .map(|k| format!("templates-lead-{}", lead_key(*k))),
        );
        keys.extend(
            OrgType::ALL
                .iter()
                .map(|t| format!("templates-org-type-{}", t.as_str())),
        );
        for lang in Lang::ALL {
            let ui = Ui::new(lang);
            for key in &keys {
                assert!(!ui.t(key).contains(key.as_str()), "{key} in {lang:?}");
            }
        }
    }
}

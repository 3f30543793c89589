//! The results framework pages: the tree of an RTO plan, adding and changing its records
//! through the forms (422 naming the field, 409 on a stale version, nothing changed either
//! way), the activity page and its status form (reporters too), the risk register, who may
//! do what, and the Arabic page.

use super::*;
use handover_core::plan::ProgressStatus;
use handover_core::text::Lang;

/// The plan as stored now.
async fn stored(store: &Store) -> PlanTree {
    let id = plans::find(store, &op(), "f-plan").await.unwrap();
    plans::load(store, &op(), id).await.unwrap()
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

pub(crate) async fn run(store: &Store) {
    add_org(
        store,
        "f-tyre",
        "Union of Tyre (framework)",
        "union_of_municipalities",
        "South",
    )
    .await;
    add_org(
        store,
        "f-dp",
        "Partner for the framework",
        "development_partner",
        "South",
    )
    .await;
    add_org(
        store,
        "f-other",
        "Another union (framework)",
        "municipality",
        "North",
    )
    .await;
    rto_plan(store, "f-plan", "f-tyre", "f-dp", "2027-01-01").await;
    add_user(store, "f-tyre", Role::Editor, "editor@f.test").await;
    add_user(store, "f-tyre", Role::Reporter, "reporter@f.test").await;
    add_user(store, "f-other", Role::Editor, "outsider@f.test").await;
    let before = stored(store).await;
    let mut ms = before.milestones.clone();
    ms.sort_by_key(|m| m.number);
    let (m1, m2) = (ms[0].clone(), ms[1].clone());

    // The tree: 7 milestones, 27 activities with 24.1, outputs, indicators linking to their
    // pages, risks; an editor sees the controls.
    let mut editor = Browser::new(store, false);
    editor.sign_in("editor@f.test").await;
    let page = editor.get("/plans/f-plan/framework").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.html);
    assert_eq!(count(&page.html, "class=\"fw-milestone\""), 7);
    assert_eq!(count(&page.html, "class=\"fw-activity\""), 27);
    assert!(page.html.contains("<span class=\"fw-num\">24.1</span>"));
    assert!(page.html.contains("Planning phase"));
    let indicator = &before.indicators[0];
    assert!(
        page.html
            .contains(&format!("/plans/f-plan/indicators/{}", indicator.id))
    );
    assert!(page.html.contains("Add a milestone"));
    assert!(
        page.html
            .contains("aria-current=\"page\">Results framework"),
        "the framework tab is open"
    );

    // Adding an activity through the form stores it at the end of its milestone.
    let new = format!("/plans/f-plan/framework/activities/new?milestone={}", m1.id);
    let form = editor.get(&new).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.html);
    assert!(form.html.contains("<label for=\"f-title\">"));
    let added = editor
        .submit(
            &new,
            "/plans/f-plan/framework/activities/new",
            &[
                ("milestone", &m1.id.to_string()),
                ("title", "Map the stakeholders of the RTO"),
                ("rationale", "Know who matters before consulting."),
                ("needs", "ownership"),
                ("planned_start_quarter", "2"),
                ("planned_end_quarter", "3"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.html);
    assert!(added.location().starts_with("/plans/f-plan/framework#a-"));
    let after = stored(store).await;
    assert_eq!(after.activities.len(), 28);
    let a = after
        .activities
        .iter()
        .find(|a| a.title.get(Lang::En) == Some("Map the stakeholders of the RTO"))
        .expect("the new activity is stored");
    assert_eq!(
        (a.milestone_id, a.number, a.planned.start, a.planned.end),
        (m1.id, 8, 2, 3)
    );
    assert_eq!(a.needs, vec!["ownership".to_owned()]);
    let tree_page = editor.get("/plans/f-plan/framework").await;
    assert!(tree_page.html.contains("Map the stakeholders of the RTO"));
    assert_eq!(count(&tree_page.html, "class=\"fw-activity\""), 28);

    // An empty title: the form again with 422, the problem next to the title, what was typed
    // kept, and nothing stored.
    let empty = editor
        .submit(
            &new,
            "/plans/f-plan/framework/activities/new",
            &[
                ("milestone", &m1.id.to_string()),
                ("title", ""),
                ("rationale", "A rationale worth keeping"),
                ("planned_start_quarter", "1"),
                ("planned_end_quarter", "1"),
            ],
        )
        .await;
    assert_eq!(
        empty.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        empty.html
    );
    assert!(empty.html.contains("id=\"f-title-problem\""));
    assert!(
        empty
            .html
            .contains("Give a title in at least one language.")
    );
    assert!(empty.html.contains("role=\"alert\""));
    assert!(
        empty.html.contains("A rationale worth keeping"),
        "keeps what was typed"
    );
    assert_eq!(stored(store).await.activities.len(), 28);

    // Changing a milestone with the version read; again with that (now stale) version: 409,
    // and the first change stays. The other languages are kept.
    let edit = format!("/plans/f-plan/framework/milestones/{}/edit", m2.id);
    let edit_form = editor.get(&edit).await;
    assert_eq!(edit_form.status, StatusCode::OK);
    assert!(
        edit_form
            .html
            .contains(&format!("name=\"version\" value=\"{}\"", m2.version))
    );
    let v = m2.version.to_string();
    let first = editor
        .submit(
            &edit,
            &edit,
            &[
                ("version", &v),
                ("title", "Inception, revised"),
                ("objective", "Start well."),
            ],
        )
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.html);
    let stale = editor
        .submit(
            &edit,
            &edit,
            &[
                ("version", &v),
                ("title", "A later change"),
                ("objective", ""),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.html);
    let now = stored(store).await;
    let m2_now = now.milestones.iter().find(|m| m.id == m2.id).unwrap();
    assert_eq!(m2_now.title.get(Lang::En), Some("Inception, revised"));
    assert_eq!(
        m2_now.title.get(Lang::Ar),
        m2.title.get(Lang::Ar),
        "Arabic kept"
    );
    // A new milestone without a title is refused, naming the field.
    let blank = editor
        .submit(
            "/plans/f-plan/framework/milestones/new",
            "/plans/f-plan/framework/milestones/new",
            &[("title", ""), ("objective", "An objective without a title")],
        )
        .await;
    assert_eq!(
        blank.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        blank.html
    );
    assert!(blank.html.contains("id=\"f-title-problem\""));
    assert!(blank.html.contains("An objective without a title"));
    assert_eq!(stored(store).await.milestones.len(), 7);

    // Moving milestone 1 down swaps it with milestone 2; the activities follow.
    let mv = format!("/plans/f-plan/framework/milestones/{}/move", m1.id);
    let moved = editor
        .submit(
            "/plans/f-plan/framework",
            &mv,
            &[("version", &m1.version.to_string()), ("direction", "down")],
        )
        .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER, "{}", moved.html);
    let now = stored(store).await;
    assert_eq!(
        now.milestones
            .iter()
            .find(|m| m.id == m1.id)
            .unwrap()
            .number,
        2
    );
    assert_eq!(
        now.milestones
            .iter()
            .find(|m| m.id == m2.id)
            .unwrap()
            .number,
        1
    );
    // And back up.
    let m1_now = now
        .milestones
        .iter()
        .find(|m| m.id == m1.id)
        .unwrap()
        .clone();
    let back = editor
        .submit(
            "/plans/f-plan/framework",
            &mv,
            &[
                ("version", &m1_now.version.to_string()),
                ("direction", "up"),
            ],
        )
        .await;
    assert_eq!(back.status, StatusCode::SEE_OTHER, "{}", back.html);
    assert_eq!(
        stored(store)
            .await
            .milestones
            .iter()
            .find(|m| m.id == m1.id)
            .unwrap()
            .number,
        1
    );

    // Moving an activity up one place within its milestone.
    let now = stored(store).await;
    let seventh = now
        .activities
        .iter()
        .find(|a| a.number == 7)
        .unwrap()
        .clone();
    let up = editor
        .submit(
            "/plans/f-plan/framework",
            &format!("/plans/f-plan/framework/activities/{}/move", seventh.id),
            &[
                ("version", &seventh.version.to_string()),
                ("direction", "up"),
            ],
        )
        .await;
    assert_eq!(up.status, StatusCode::SEE_OTHER, "{}", up.html);
    assert_eq!(
        stored(store)
            .await
            .activities
            .iter()
            .find(|a| a.id == seventh.id)
            .unwrap()
            .number,
        6
    );

    // The activity page: rationale, needs, leads, quarters, outputs with indicators, risks.
    let first_activity = now
        .activities
        .iter()
        .find(|a| a.number == 1)
        .unwrap()
        .clone();
    let activity_url = format!("/plans/f-plan/activities/{}", first_activity.id);
    let activity = editor.get(&activity_url).await;
    assert_eq!(activity.status, StatusCode::OK, "{}", activity.html);
    assert!(
        activity
            .html
            .contains("Consultations with local-authority officials")
    );
    assert!(activity.html.contains("Needs addressed"));
    assert!(
        activity.html.contains("Union of Tyre (framework)"),
        "who leads"
    );
    assert!(activity.html.contains("/plans/f-plan/indicators/"));
    assert!(activity.html.contains("Not started"));

    // Marking it started through the form changes its status.
    let started = editor
        .submit(
            &activity_url,
            &format!("{activity_url}/status"),
            &[
                ("version", &first_activity.version.to_string()),
                ("status", "started"),
                ("note", "Kick-off held"),
            ],
        )
        .await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.html);
    let a1 = stored(store)
        .await
        .activities
        .into_iter()
        .find(|a| a.id == first_activity.id)
        .unwrap();
    assert_eq!(a1.status, ProgressStatus::Started);
    let shown = editor.get(&activity_url).await;
    assert!(
        shown.html.contains("Kick-off held"),
        "the history shows the change"
    );
    // The same form again, with the version it was opened with: 409, status unchanged.
    let again = editor
        .submit(
            &activity_url,
            &format!("{activity_url}/status"),
            &[
                ("version", &first_activity.version.to_string()),
                ("status", "completed"),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(
        stored(store)
            .await
            .activities
            .iter()
            .find(|a| a.id == a1.id)
            .unwrap()
            .status,
        ProgressStatus::Started
    );

    // A reporter may change a status but not the framework.
    let mut reporter = Browser::new(store, false);
    reporter.sign_in("reporter@f.test").await;
    let seen = reporter.get(&activity_url).await;
    assert!(
        seen.html
            .contains(&format!("action=\"{activity_url}/status\""))
    );
    assert!(!seen.html.contains("Change this activity"));
    let advanced = reporter
        .submit(
            &activity_url,
            &format!("{activity_url}/status"),
            &[("version", &a1.version.to_string()), ("status", "advanced")],
        )
        .await;
    assert_eq!(advanced.status, StatusCode::SEE_OTHER, "{}", advanced.html);
    assert_eq!(
        stored(store)
            .await
            .activities
            .iter()
            .find(|a| a.id == a1.id)
            .unwrap()
            .status,
        ProgressStatus::Advanced
    );
    let tree_for_reporter = reporter.get("/plans/f-plan/framework").await;
    assert!(!tree_for_reporter.html.contains("Add a milestone"));
    assert_eq!(
        reporter
            .get("/plans/f-plan/framework/milestones/new")
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let refused = reporter
        .submit(
            "/plans/f-plan/framework",
            "/plans/f-plan/framework/milestones/new",
            &[("title", "Not mine to add")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(stored(store).await.milestones.len(), 7);

    // The risk register: every risk, highest score first, level in words; an editor adds one.
    let register = editor.get("/plans/f-plan/risks").await;
    assert_eq!(register.status, StatusCode::OK, "{}", register.html);
    assert!(register.html.contains("Highly competent RTO members leave"));
    assert!(register.html.contains("20 · Critical"));
    assert!(register.html.contains("aria-current=\"page\">Risks"));
    let risks_before = stored(store).await.risks.len();
    let new_risk = format!("/plans/f-plan/risks/new?activity={}", first_activity.id);
    let missing = editor
        .submit(
            &new_risk,
            "/plans/f-plan/risks/new",
            &[
                ("activity", &first_activity.id.to_string()),
                ("description", "Officials boycott the meetings"),
                ("impact", "4"),
            ],
        )
        .await;
    assert_eq!(
        missing.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        missing.html
    );
    assert!(missing.html.contains("id=\"f-likelihood-problem\""));
    assert!(missing.html.contains("Officials boycott the meetings"));
    assert_eq!(stored(store).await.risks.len(), risks_before);
    let risk = editor
        .submit(
            &new_risk,
            "/plans/f-plan/risks/new",
            &[
                ("activity", &first_activity.id.to_string()),
                ("description", "Officials boycott the meetings"),
                ("likelihood", "5"),
                ("impact", "5"),
                ("owner", "f-tyre"),
                ("status", "open"),
            ],
        )
        .await;
    assert_eq!(risk.status, StatusCode::SEE_OTHER, "{}", risk.html);
    assert_eq!(risk.location(), activity_url);
    let register = editor.get("/plans/f-plan/risks").await;
    let top = register
        .html
        .find("Officials boycott the meetings")
        .unwrap();
    let next = register
        .html
        .find("Highly competent RTO members leave")
        .unwrap();
    assert!(top < next, "the highest score comes first");
    assert!(register.html.contains("25 · Critical"));

    // Someone outside the plan's parties finds nothing, and can change nothing.
    let mut outsider = Browser::new(store, false);
    outsider.sign_in("outsider@f.test").await;
    assert_eq!(
        outsider.get("/plans/f-plan/framework").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        outsider.get(&activity_url).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        outsider.get("/plans/f-plan/risks").await.status,
        StatusCode::NOT_FOUND
    );
    let theirs = outsider
        .submit(
            "/plans",
            &format!("{activity_url}/status"),
            &[("version", "1"), ("status", "completed")],
        )
        .await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);

    // In Arabic: right to left, with the template's Arabic titles.
    let mut arabic = Browser::new(store, false).speaking("ar-LB,ar;q=0.9");
    arabic.sign_in("editor@f.test").await;
    let page = arabic.get("/plans/f-plan/framework").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(page.html.contains("إطار النتائج"));
    assert!(page.html.contains("مرحلة التخطيط"));
    assert!(page.html.contains("مشاورات مع المسؤولين المحليين"));
    assert!(
        page.html.contains("٢٥.١"),
        "numbers in the page's digits (24.1 is 25.1 since an activity was added)"
    );
    let activity = arabic.get(&activity_url).await;
    assert!(activity.html.contains("dir=\"rtl\""));
    assert!(activity.html.contains("متقدّم"), "the status in Arabic");
}

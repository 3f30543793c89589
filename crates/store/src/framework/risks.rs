//! The risk register: risks of the plan, of an activity or of one of its results, each with a
//! likelihood and an impact from 1 to 5, a mitigation, owners, a status and a review date.
//! Risks are reviewed constantly, so a change to one is **not** material: it does not clear the
//! plan's endorsement.

use super::input::{self, found};
use super::{Write, check_version};
use crate::StoreResult;
use crate::codec::{date, json};
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::row;
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::calendar::parse_date;
use handover_core::error::Problems;
use handover_core::ids::{PlanId, RiskId};
use handover_core::risk::{Risk, RiskStatus, Score};
use handover_core::text::Text;

/// A risk as written; `None` leaves a field as it is (or takes its default when adding).
#[derive(Clone, Debug, Default)]
pub struct RiskInput {
    /// The activity it threatens (id, key or display number), when adding.
    pub activity: Option<String>,
    /// The result it threatens (id), when adding; its activity follows.
    pub result: Option<String>,
    pub description: Option<Text>,
    pub likelihood: Option<i64>,
    pub impact: Option<i64>,
    pub mitigation: Option<Text>,
    /// Party codes; by default the result's responsible parties, the activity's leads, or the
    /// plan's owner.
    pub owner: Option<Vec<String>>,
    pub status: Option<RiskStatus>,
    /// `YYYY-MM-DD`; `Some(None)` clears it.
    pub review_date: Option<Option<String>>,
}

/// Adds a risk to the plan, an activity or a result.
pub async fn create(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    input: RiskInput,
) -> StoreResult<Risk> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "adding a risk").await?;
    let mut p = Problems::default();
    let result = input.result.as_deref().and_then(|r| {
        let n = input::result(&w.tree, r).map(|n| n.id);
        if n.is_none() {
            p.push("result", format!("`{r}` is not a result of this plan"));
        }
        n
    });
    let mut activity = input.activity.as_deref().and_then(|a| {
        let x = input::activity(&w.tree, a).map(|x| x.id);
        if x.is_none() {
            p.push("activity", format!("`{a}` is not an activity of this plan"));
        }
        x
    });
    if let Some(r) = result {
        let of = input::activity_of(&w.tree, r);
        if activity.is_some() && activity != of {
            p.push("result", "this result is not under the activity named");
        }
        activity = of;
    }
    let owner = match (&input.owner, result, activity) {
        (Some(o), ..) => input::parties(&w.tree, o, "owner", &mut p),
        (None, Some(r), _) => w
            .tree
            .results
            .iter()
            .find(|n| n.id == r)
            .map(|n| n.responsible.clone())
            .unwrap_or_default(),
        (None, None, Some(a)) => {
            let mut out = vec![];
            for l in w
                .tree
                .activities
                .iter()
                .filter(|x| x.id == a)
                .flat_map(|x| &x.leads)
            {
                out.extend(
                    l.parties
                        .iter()
                        .filter(|o| !out.contains(*o))
                        .copied()
                        .collect::<Vec<_>>(),
                );
            }
            out
        }
        (None, None, None) => vec![w.tree.plan.owner],
    };
    if input.description.is_none() {
        input::required_text(&mut p, "description", None, "a risk");
    }
    if input.likelihood.is_none() {
        p.push("likelihood", "give the likelihood, from 1 to 5");
    }
    if input.impact.is_none() {
        p.push("impact", "give the impact, from 1 to 5");
    }
    let base = Risk {
        id: RiskId::new(),
        plan_id: plan,
        activity_id: activity,
        result_id: result,
        description: Text::default(),
        likelihood: Score::new(1).map_err(StoreError::Corrupt)?,
        impact: Score::new(1).map_err(StoreError::Corrupt)?,
        mitigation: Text::default(),
        owner,
        status: RiskStatus::Open,
        review_date: None,
        version: 1,
    };
    let r = apply(&base, &input, &mut p);
    p.into_result()?;
    w.exec(
        "INSERT INTO risks (id, plan_id, activity_id, result_id, description, likelihood, impact, mitigation, owner, status, review_date, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1)",
        row![r.id.to_string(), plan.to_string(), r.activity_id.map(|a| a.to_string()), r.result_id.map(|x| x.to_string()),
             json(&r.description), i64::from(r.likelihood.get()), i64::from(r.impact.get()), json(&r.mitigation),
             json(&r.owner), r.status.as_str(), r.review_date.map(date)],
    )
    .await?;
    w.audit(
        AuditAction::Create,
        "risk",
        &r.id.to_string(),
        None::<&()>,
        Some(&r),
    )
    .await?;
    w.commit().await?;
    Ok(r)
}

/// Changes a risk if `expected` is still its version.
pub async fn update(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    risk: &str,
    expected: i64,
    input: RiskInput,
) -> StoreResult<Risk> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "changing a risk").await?;
    let before = find(&w, risk)?;
    check_version("the risk", expected, before.version)?;
    let mut p = Problems::default();
    for (field, given) in [("activity", &input.activity), ("result", &input.result)] {
        if given.is_some() {
            p.push(
                field,
                "a risk stays where it was added: delete it and add it again to move it",
            );
        }
    }
    let mut after = apply(&before, &input, &mut p);
    if let Some(o) = &input.owner {
        after.owner = input::parties(&w.tree, o, "owner", &mut p);
    }
    p.into_result()?;
    if after == before {
        return Ok(before);
    }
    after.version = before.version + 1;
    w.update_checked(
        "UPDATE risks SET description = $1, likelihood = $2, impact = $3, mitigation = $4, owner = $5, status = $6, review_date = $7, \
         version = version + 1 WHERE id = $8 AND version = $9",
        row![json(&after.description), i64::from(after.likelihood.get()), i64::from(after.impact.get()), json(&after.mitigation),
             json(&after.owner), after.status.as_str(), after.review_date.map(date), before.id.to_string(), expected],
        "the risk",
        expected,
    )
    .await?;
    w.audit(
        AuditAction::Update,
        "risk",
        &before.id.to_string(),
        Some(&before),
        Some(&after),
    )
    .await?;
    w.commit().await?;
    Ok(after)
}

/// Deletes a risk if `expected` is still its version.
pub async fn delete(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    risk: &str,
    expected: i64,
) -> StoreResult<()> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "deleting a risk").await?;
    let before = find(&w, risk)?;
    check_version("the risk", expected, before.version)?;
    w.update_checked(
        "DELETE FROM risks WHERE id = $1 AND version = $2",
        row![before.id.to_string(), expected],
        "the risk",
        expected,
    )
    .await?;
    w.audit(
        AuditAction::Delete,
        "risk",
        &before.id.to_string(),
        Some(&before),
        None::<&()>,
    )
    .await?;
    w.commit().await
}

fn find(w: &Write<'_>, risk: &str) -> StoreResult<Risk> {
    let id = risk.trim().parse::<RiskId>().ok();
    found(
        w.tree.risks.iter().find(|r| Some(r.id) == id).cloned(),
        "risk",
        risk,
    )
}

/// `base` with the scores, texts, status and review date of the input.
fn apply(base: &Risk, input: &RiskInput, p: &mut Problems) -> Risk {
    let mut r = base.clone();
    if let Some(d) = &input.description {
        if d.is_empty() {
            p.push(
                "description",
                "a risk needs a description in at least one language",
            );
        }
        r.description = d.clone();
    }
    if let Some(n) = input.likelihood {
        r.likelihood = p.take("likelihood", Score::new(n)).unwrap_or(r.likelihood);
    }
    if let Some(n) = input.impact {
        r.impact = p.take("impact", Score::new(n)).unwrap_or(r.impact);
    }
    r.mitigation = input.mitigation.clone().unwrap_or(r.mitigation);
    r.status = input.status.unwrap_or(r.status);
    if let Some(d) = &input.review_date {
        r.review_date = d
            .as_deref()
            .and_then(|d| p.take("review_date", parse_date(d)));
    }
    r
}

//! Result nodes (output, outcome, impact, other): added under the plan, an activity or another
//! result at a position among their siblings, changed, moved (never under themselves), or
//! deleted with everything under them. Every change is material.

use super::input::{self, ParentRef, found};
use super::{Write, check_version, id_list, order, snapshot};
use crate::StoreResult;
use crate::codec::json;
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::{Arg, row};
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::ids::{OrgId, PlanId, ResultId};
use handover_core::plan::{PlanTree, ResultLevel, ResultNode, ResultParent};
use handover_core::text::Text;

/// A result node as written; `None` leaves a field as it is (or takes its default).
#[derive(Clone, Debug, Default)]
pub struct ResultInput {
    /// Where it hangs; needed when adding.
    pub parent: Option<ParentRef>,
    /// Needed when adding.
    pub level: Option<ResultLevel>,
    pub title: Option<Text>,
    pub description: Option<Text>,
    pub assumptions: Option<Text>,
    /// Party codes; by default the activity's leads (the parent's responsible parties under a
    /// result, the owner under the plan).
    pub responsible: Option<Vec<String>>,
    /// Its place among its siblings, from 1; the end when absent.
    pub position: Option<u16>,
}

/// Adds a result node.
pub async fn create(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    input: ResultInput,
) -> StoreResult<ResultNode> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "adding a result").await?;
    let mut p = Problems::default();
    let parent = match &input.parent {
        Some(r) => parent(&w.tree, &mut p, r, None),
        None => {
            p.push(
                "parent",
                "say where the result hangs: the plan, an activity or a result",
            );
            None
        }
    };
    if input.level.is_none() {
        p.push("level", "give the level: output, outcome, impact or other");
    }
    input::required_text(&mut p, "title", input.title.as_ref(), "a result");
    let responsible = match &input.responsible {
        Some(r) => input::parties(&w.tree, r, "responsible", &mut p),
        None => parent
            .map(|x| default_responsible(&w.tree, x))
            .unwrap_or_default(),
    };
    let siblings = parent
        .map(|x| siblings(&w.tree, x, None))
        .unwrap_or_default();
    let at = order::position_of(&mut p, "position", input.position, siblings.len());
    p.into_result()?;
    let (Some(parent), Some(level), Some(at)) = (parent, input.level, at) else {
        return Err(StoreError::Corrupt("a checked result input".into()));
    };
    let node = ResultNode {
        id: ResultId::new(),
        plan_id: plan,
        parent,
        level,
        position: order::next_position(&w.tree),
        title: input.title.unwrap_or_default(),
        description: input.description.unwrap_or_default(),
        assumptions: input.assumptions.unwrap_or_default(),
        responsible,
        version: 1,
    };
    let (kind, parent_id) = columns(node.parent);
    w.exec(
        "INSERT INTO result_nodes (id, plan_id, parent_kind, parent_id, level, position, title, description, assumptions, responsible, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1)",
        row![node.id.to_string(), plan.to_string(), kind, parent_id, level.as_str(), node.position,
             json(&node.title), json(&node.description), json(&node.assumptions), json(&node.responsible)],
    )
    .await?;
    let mut order = siblings;
    order::place(&mut order, at, (node.id.to_string(), node.position));
    order::reposition(&mut w, "result_nodes", &order).await?;
    let after = reread(&mut w, node.id).await?;
    w.audit(
        AuditAction::Create,
        "result",
        &node.id.to_string(),
        None::<&()>,
        Some(&after),
    )
    .await?;
    w.material();
    w.commit().await?;
    Ok(after)
}

/// Changes or moves a result node if `expected` is still its version.
pub async fn update(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    result: &str,
    expected: i64,
    input: ResultInput,
) -> StoreResult<ResultNode> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "changing a result").await?;
    let before = found(input::result(&w.tree, result), "result", result)?.clone();
    check_version("the result", expected, before.version)?;
    let mut p = Problems::default();
    let mut after = before.clone();
    if let Some(r) = &input.parent {
        after.parent = parent(&w.tree, &mut p, r, Some(before.id)).unwrap_or(before.parent);
    }
    if let Some(l) = input.level {
        after.level = l;
    }
    if input.title.is_some() {
        input::required_text(&mut p, "title", input.title.as_ref(), "a result");
    }
    after.title = input.title.clone().unwrap_or(after.title);
    after.description = input.description.clone().unwrap_or(after.description);
    after.assumptions = input.assumptions.clone().unwrap_or(after.assumptions);
    if let Some(r) = &input.responsible {
        after.responsible = input::parties(&w.tree, r, "responsible", &mut p);
    }
    let was = siblings(&w.tree, after.parent, None);
    let mut order = siblings(&w.tree, after.parent, Some(before.id));
    let keep = was.iter().position(|(id, _)| *id == before.id.to_string());
    let at = match (input.position, keep) {
        (None, Some(i)) => Some(i),
        _ => order::position_of(&mut p, "position", input.position, order.len()),
    };
    p.into_result()?;
    order::place(
        &mut order,
        at.unwrap_or(usize::MAX),
        (before.id.to_string(), before.position),
    );
    if after == before && order == was {
        return Ok(before);
    }
    let (kind, parent_id) = columns(after.parent);
    w.update_checked(
        "UPDATE result_nodes SET parent_kind = $1, parent_id = $2, level = $3, title = $4, description = $5, assumptions = $6, \
         responsible = $7, version = version + 1 WHERE id = $8 AND version = $9",
        row![kind, parent_id, after.level.as_str(), json(&after.title), json(&after.description),
             json(&after.assumptions), json(&after.responsible), before.id.to_string(), expected],
        "the result",
        expected,
    )
    .await?;
    order::reposition(&mut w, "result_nodes", &order).await?;
    if after.parent != before.parent {
        // The risks of the moved results follow them to their new activity.
        let mut moved = w.tree.clone();
        if let Some(n) = moved.results.iter_mut().find(|n| n.id == before.id) {
            n.parent = after.parent;
        }
        let activity = input::activity_of(&moved, before.id).map(|a| a.to_string());
        let nodes = snapshot::below(&w.tree, vec![before.id]);
        let (marks, mut values) = id_list(&nodes, 2);
        values.insert(0, Arg::from(activity));
        w.exec(
            &format!("UPDATE risks SET activity_id = $1 WHERE result_id IN ({marks})"),
            values,
        )
        .await?;
    }
    let stored = reread(&mut w, before.id).await?;
    w.audit(
        AuditAction::Update,
        "result",
        &before.id.to_string(),
        Some(&before),
        Some(&stored),
    )
    .await?;
    w.material();
    w.commit().await?;
    Ok(stored)
}

/// Deletes a result node with the results, indicators, values and risks under it.
pub async fn delete(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    result: &str,
    expected: i64,
) -> StoreResult<()> {
    let mut w = Write::begin(store, actor, plan, Access::Edit, "deleting a result").await?;
    let before = found(input::result(&w.tree, result), "result", result)?.clone();
    check_version("the result", expected, before.version)?;
    let snap = snapshot::result(&w.tree, before.id);
    let nodes = snapshot::below(&w.tree, vec![before.id]);
    delete_nodes(&mut w, &nodes).await?;
    w.audit(
        AuditAction::Delete,
        "result",
        &before.id.to_string(),
        Some(&snap),
        None::<&()>,
    )
    .await?;
    w.material();
    w.commit().await
}

/// Deletes result nodes; their indicators, values and risks go with them (foreign keys).
pub(crate) async fn delete_nodes(w: &mut Write<'_>, nodes: &[ResultId]) -> StoreResult<()> {
    if nodes.is_empty() {
        return Ok(());
    }
    let (marks, values) = id_list(nodes, 1);
    w.exec(
        &format!("DELETE FROM result_nodes WHERE id IN ({marks})"),
        values,
    )
    .await?;
    Ok(())
}

/// The parent a reference names; a result cannot hang under itself or its own results.
fn parent(
    tree: &PlanTree,
    p: &mut Problems,
    r: &ParentRef,
    moving: Option<ResultId>,
) -> Option<ResultParent> {
    match r {
        ParentRef::Plan => Some(ResultParent::Plan),
        ParentRef::Activity(a) => {
            let found = input::activity(tree, a).map(|a| ResultParent::Activity(a.id));
            if found.is_none() {
                p.push(
                    "parent.id",
                    format!("`{a}` is not an activity of this plan"),
                );
            }
            found
        }
        ParentRef::Result(x) => match input::result(tree, x) {
            Some(n) if moving.is_some_and(|m| snapshot::is_under(tree, n.id, m)) => {
                p.push(
                    "parent.id",
                    "a result cannot hang under itself or one of its own results",
                );
                None
            }
            Some(n) => Some(ResultParent::Result(n.id)),
            None => {
                p.push("parent.id", format!("`{x}` is not a result of this plan"));
                None
            }
        },
    }
}

/// Who is responsible by default under a parent.
fn default_responsible(tree: &PlanTree, parent: ResultParent) -> Vec<OrgId> {
    let mut out: Vec<OrgId> = vec![];
    match parent {
        ResultParent::Plan => out.push(tree.plan.owner),
        ResultParent::Activity(a) => {
            for l in tree
                .activities
                .iter()
                .filter(|x| x.id == a)
                .flat_map(|x| &x.leads)
            {
                out.extend(
                    l.parties
                        .iter()
                        .filter(|p| !out.contains(p))
                        .copied()
                        .collect::<Vec<_>>(),
                );
            }
        }
        ResultParent::Result(r) => {
            out = tree
                .results
                .iter()
                .find(|n| n.id == r)
                .map(|n| n.responsible.clone())
                .unwrap_or_default();
        }
    }
    if out.is_empty() {
        out.push(tree.plan.owner);
    }
    out
}

/// The results under `parent` in order (`(id, position)`), leaving out `except`.
fn siblings(tree: &PlanTree, parent: ResultParent, except: Option<ResultId>) -> Vec<(String, i64)> {
    let mut s: Vec<_> = tree
        .results
        .iter()
        .filter(|r| r.parent == parent && Some(r.id) != except)
        .collect();
    s.sort_by_key(|r| r.position);
    s.into_iter()
        .map(|r| (r.id.to_string(), r.position))
        .collect()
}

/// The stored form of a parent.
fn columns(parent: ResultParent) -> (&'static str, Option<String>) {
    match parent {
        ResultParent::Plan => ("plan", None),
        ResultParent::Activity(a) => ("activity", Some(a.to_string())),
        ResultParent::Result(r) => ("result", Some(r.to_string())),
    }
}

/// The result node as stored now, inside the write.
async fn reread(w: &mut Write<'_>, id: ResultId) -> StoreResult<ResultNode> {
    let r = sqlx::query("SELECT * FROM result_nodes WHERE id = $1")
        .bind(id.to_string())
        .fetch_one(&mut **w.tx())
        .await
        .map_err(StoreError::db("reading a result"))?;
    crate::plans::result_from(&r, w.plan)
}

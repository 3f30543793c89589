//! What hangs under a record (result nodes at any depth, their indicators, values and risks),
//! for cascading deletes and for the audit entry that keeps the whole subtree as it was.

use handover_core::ids::{ActivityId, MilestoneId, ResultId};
use handover_core::plan::{PlanTree, ResultParent};
use serde_json::{Value, json};

/// Result nodes under `roots`, at any depth, `roots` included.
pub(crate) fn below(tree: &PlanTree, roots: Vec<ResultId>) -> Vec<ResultId> {
    let mut out = roots;
    let mut i = 0;
    while i < out.len() {
        let under: Vec<_> = tree
            .results_under(out[i])
            .map(|r| r.id)
            .filter(|r| !out.contains(r))
            .collect();
        out.extend(under);
        i += 1;
    }
    out
}

/// Result nodes under an activity, at any depth.
pub(crate) fn of_activity(tree: &PlanTree, a: ActivityId) -> Vec<ResultId> {
    below(tree, tree.results_of_activity(a).map(|r| r.id).collect())
}

/// The results, indicators, values and risks of a set of result nodes.
fn contents(tree: &PlanTree, results: &[ResultId]) -> Value {
    let indicators: Vec<_> = tree
        .indicators
        .iter()
        .filter(|i| results.contains(&i.result_id))
        .collect();
    json!({
        "results": tree.results.iter().filter(|r| results.contains(&r.id)).collect::<Vec<_>>(),
        "indicators": indicators,
        "values": tree.values.iter().filter(|v| indicators.iter().any(|i| i.id == v.indicator_id)).collect::<Vec<_>>(),
        "risks": tree.risks.iter().filter(|r| r.result_id.is_some_and(|x| results.contains(&x))).collect::<Vec<_>>(),
    })
}

/// An activity with everything under it.
pub(crate) fn activity(tree: &PlanTree, a: ActivityId) -> Value {
    let mut v = contents(tree, &of_activity(tree, a));
    v["activity"] = json!(tree.activities.iter().find(|x| x.id == a));
    v["activity_risks"] = json!(
        tree.risks
            .iter()
            .filter(|r| r.activity_id == Some(a) && r.result_id.is_none())
            .collect::<Vec<_>>()
    );
    v
}

/// A result node with everything under it.
pub(crate) fn result(tree: &PlanTree, r: ResultId) -> Value {
    contents(tree, &below(tree, vec![r]))
}

/// A milestone with its activities and everything under them.
pub(crate) fn milestone(tree: &PlanTree, m: MilestoneId) -> Value {
    json!({
        "milestone": tree.milestones.iter().find(|x| x.id == m),
        "activities": tree.activities_of(m).map(|a| activity(tree, a.id)).collect::<Vec<_>>(),
    })
}

/// Whether `node` is `ancestor` or hangs under it.
pub(crate) fn is_under(tree: &PlanTree, node: ResultId, ancestor: ResultId) -> bool {
    let mut at = Some(node);
    for _ in 0..=tree.results.len() {
        match at {
            Some(n) if n == ancestor => return true,
            Some(n) => {
                at = tree
                    .results
                    .iter()
                    .find(|r| r.id == n)
                    .and_then(|r| match r.parent {
                        ResultParent::Result(p) => Some(p),
                        _ => None,
                    });
            }
            None => return false,
        }
    }
    false
}

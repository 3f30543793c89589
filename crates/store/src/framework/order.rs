//! Keeping the framework's order after a record is added, moved or removed: milestones are
//! numbered 1…n; activities are numbered through the plan in milestone order, the instances of a
//! repeatable activity sharing a number (24.1, 24.2…); results and indicators keep a position
//! among their siblings. Renumbering a sibling does not raise its version: a number is the
//! list's order, not the record's content.

use super::Write;
use crate::StoreResult;
use crate::rows::row;
use handover_core::error::Problems;
use handover_core::ids::{ActivityId, MilestoneId};
use handover_core::plan::PlanTree;

/// Checks a 1-based position (`field`) among `count` places (`count + 1` to append); the index
/// to insert at.
pub(crate) fn position_of(
    p: &mut Problems,
    field: &str,
    wanted: Option<u16>,
    count: usize,
) -> Option<usize> {
    match wanted {
        None => Some(count),
        Some(n) if (1..=count + 1).contains(&(n as usize)) => Some(n as usize - 1),
        Some(n) => {
            p.push(
                field,
                format!(
                    "{n} is out of range: use a position from 1 to {}",
                    count + 1
                ),
            );
            None
        }
    }
}

/// Places `item` at index `at` of `list` (at the end when past it).
pub(crate) fn place<T>(list: &mut Vec<T>, at: usize, item: T) {
    let at = at.min(list.len());
    list.insert(at, item);
}

/// The plan's milestones in order.
pub(crate) fn milestones(tree: &PlanTree) -> Vec<MilestoneId> {
    let mut m: Vec<_> = tree.milestones.iter().collect();
    m.sort_by_key(|m| m.number);
    m.into_iter().map(|m| m.id).collect()
}

/// Numbers milestones 1…n in the given order.
pub(crate) async fn number_milestones(w: &mut Write<'_>, order: &[MilestoneId]) -> StoreResult<()> {
    for (i, id) in order.iter().enumerate() {
        let number = i as i64 + 1;
        let now = w.tree.milestones.iter().find(|m| m.id == *id);
        if now.is_none_or(|m| i64::from(m.number) != number) {
            w.exec(
                "UPDATE milestones SET number = $1 WHERE id = $2",
                row![number, id.to_string()],
            )
            .await?;
        }
    }
    Ok(())
}

/// Activities per milestone, each slot holding the instances of one activity.
pub(crate) type Layout = Vec<(MilestoneId, Vec<Vec<ActivityId>>)>;

/// The plan's activities as they stand.
pub(crate) fn layout(tree: &PlanTree) -> Layout {
    milestones(tree)
        .into_iter()
        .map(|m| {
            let mut acts: Vec<_> = tree.activities_of(m).collect();
            acts.sort_by_key(|a| (a.number, a.instance));
            let mut slots: Vec<Vec<ActivityId>> = vec![];
            let mut last = None;
            for a in acts {
                if last == Some(a.number) {
                    if let Some(s) = slots.last_mut() {
                        s.push(a.id);
                    }
                } else {
                    slots.push(vec![a.id]);
                }
                last = Some(a.number);
            }
            (m, slots)
        })
        .collect()
}

/// Where an activity is: its milestone's index in the layout, its slot's index.
pub(crate) fn locate(layout: &Layout, a: ActivityId) -> Option<(usize, usize)> {
    layout
        .iter()
        .enumerate()
        .find_map(|(mi, (_, slots))| slots.iter().position(|s| s.contains(&a)).map(|si| (mi, si)))
}

/// Writes the numbers, instances and milestones the layout gives, where they changed.
/// `repeatable` says which activities count their instances (24.1) rather than none (7).
pub(crate) async fn number_activities(
    w: &mut Write<'_>,
    layout: &Layout,
    repeatable: impl Fn(ActivityId) -> bool,
) -> StoreResult<()> {
    let mut number = 0_i64;
    for (milestone, slots) in layout {
        for slot in slots {
            number += 1;
            for (k, a) in slot.iter().enumerate() {
                let instance = repeatable(*a).then_some(k as i64 + 1);
                let now = w.tree.activities.iter().find(|x| x.id == *a);
                let same = now.is_some_and(|x| {
                    i64::from(x.number) == number
                        && x.instance.map(i64::from) == instance
                        && x.milestone_id == *milestone
                });
                if !same {
                    w.exec(
                        "UPDATE activities SET milestone_id = $1, number = $2, instance = $3 WHERE id = $4",
                        row![milestone.to_string(), number, instance, a.to_string()],
                    )
                    .await?;
                }
            }
        }
    }
    Ok(())
}

/// Gives siblings (`(id, position now)`, in their new order) the positions they held between
/// them, so every other record keeps its place.
pub(crate) async fn reposition(
    w: &mut Write<'_>,
    table: &str,
    order: &[(String, i64)],
) -> StoreResult<()> {
    let mut places: Vec<i64> = order.iter().map(|(_, p)| *p).collect();
    places.sort_unstable();
    for ((id, now), place) in order.iter().zip(places) {
        if *now != place {
            w.exec(
                &format!("UPDATE {table} SET position = $1 WHERE id = $2"),
                row![place, id.clone()],
            )
            .await?;
        }
    }
    Ok(())
}

/// A position after every result and indicator of the plan.
pub(crate) fn next_position(tree: &PlanTree) -> i64 {
    let r = tree.results.iter().map(|r| r.position).max().unwrap_or(0);
    let i = tree
        .indicators
        .iter()
        .map(|i| i.position)
        .max()
        .unwrap_or(0);
    r.max(i) + 1
}

//! Fitting an imported activity's plan to the store's rules: a plan holds one target (and one
//! actual) per indicator, period and set of dimensions, while a published file may repeat
//! them (a period with several `<target>`s that differ only by location, which Handover does
//! not keep). The first of each is kept, and a note says how many were left.

use handover_core::plan::PlanTree;
use handover_formats::iati::ImportPlan;
use std::collections::HashSet;

/// A note when the activity repeats a target or an actual (values without a value aside).
pub(super) fn repeated(p: &ImportPlan) -> Option<String> {
    let mut dropped = 0;
    for i in p.results.iter().flat_map(|r| &r.indicators) {
        let mut seen = HashSet::new();
        for v in i.values.iter().filter(|v| v.value.is_some()) {
            if !seen.insert((v.period, v.kind.as_str(), &v.dimensions)) {
                dropped += 1;
            }
        }
    }
    (dropped > 0).then(|| {
        format!(
            "{dropped} target(s) or actual(s) repeated for the same indicator, period and dimensions (differing only by location, or not at all): the first of each was kept"
        )
    })
}

/// Drops repeated values, keeping the first of each.
pub(super) fn one_value_each(t: &mut PlanTree) {
    let mut seen = HashSet::with_capacity(t.values.len());
    t.values.retain(|v| {
        seen.insert((
            v.indicator_id,
            v.period_id,
            v.kind.as_str(),
            v.dimensions.clone(),
        ))
    });
}

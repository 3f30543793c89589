//! Turning a cost line as written into a checked line of the plan: references resolved to the
//! plan's activities and parties, defaults taken, and every problem named by its field (with a
//! prefix such as `3/` for the fourth row of an import).

use super::MAX_AMOUNT;
use super::cost_lines::CostLineInput;
use crate::framework::find;
use handover_core::error::Problems;
use handover_core::finance::cost_line::Quantities;
use handover_core::finance::{CostCategory, CostLine, Unit};
use handover_core::ids::{ActivityId, CostLineId, OrgId};
use handover_core::plan::PlanTree;
use handover_core::text::Text;
use rust_decimal::Decimal;

/// Problems pushed with a field prefix (`""` for one line, `"3/"` for a row of an import).
pub(super) struct Named<'p> {
    p: &'p mut Problems,
    prefix: String,
}

impl<'p> Named<'p> {
    /// Problems pushed into `p`, each field after `prefix`.
    pub(super) fn new(p: &'p mut Problems, prefix: &str) -> Self {
        Self {
            p,
            prefix: prefix.to_owned(),
        }
    }

    pub(super) fn push(&mut self, field: impl AsRef<str>, message: impl Into<String>) {
        self.p
            .push(format!("{}{}", self.prefix, field.as_ref()), message);
    }
}

/// The party of the plan named by code or id.
pub(super) fn party(tree: &PlanTree, r: &str) -> Option<OrgId> {
    let r = r.trim();
    tree.parties
        .iter()
        .find(|o| o.code.as_str() == r || o.id.to_string() == r.to_lowercase())
        .map(|o| o.id)
}

/// `base` (or a new line of the plan when adding) with the input applied and checked; `None`
/// when a problem was found (each one pushed).
pub(super) fn build(
    tree: &PlanTree,
    base: Option<&CostLine>,
    input: &CostLineInput,
    n: &mut Named<'_>,
) -> Option<CostLine> {
    let adding = base.is_none();
    let mut ok = true;
    let mut need = |n: &mut Named<'_>, missing: bool, field: &str, message: &str| {
        if adding && missing {
            n.push(field, message);
            ok = false;
        }
    };
    need(
        n,
        input.activity.is_none(),
        "activity",
        "name the activity: its id, key or display number",
    );
    need(
        n,
        input.category.is_none(),
        "category",
        "give a category: logistics, external_expertise or in_house_expertise",
    );
    need(
        n,
        input.description.is_none(),
        "description",
        "a cost line needs a description in at least one language",
    );
    let units = Unit::ALL.map(Unit::as_str).join(", ");
    need(
        n,
        input.unit.is_none(),
        "unit",
        &format!("give a unit: one of {units}"),
    );
    need(
        n,
        input.unit_price.is_none(),
        "unit_price",
        "give a unit price",
    );
    let mut line = base.cloned().unwrap_or_else(|| CostLine {
        id: CostLineId::new(),
        plan_id: tree.plan.id,
        activity_id: ActivityId::new(),
        category: CostCategory::Logistics,
        description: Text::default(),
        unit: Unit::LumpSum,
        unit_price: Decimal::ZERO,
        currency: tree.plan.currency.clone(),
        funder: tree.plan.owner,
        quantities: Quantities::default(),
        position: 0,
        version: 1,
    });
    if let Some(a) = &input.activity {
        match find::activity(tree, a) {
            Some(x) => line.activity_id = x.id,
            None => {
                n.push(
                    "activity",
                    format!(
                        "`{a}` is not an activity of this plan: give its id, key or display number"
                    ),
                );
                ok = false;
            }
        }
    }
    if let Some(f) = &input.funder {
        match party(tree, f) {
            Some(o) => line.funder = o,
            None => {
                let codes: Vec<_> = tree.parties.iter().map(|o| o.code.as_str()).collect();
                n.push(
                    "funder",
                    format!(
                        "`{f}` is not a party of this plan: use one of {}",
                        codes.join(", ")
                    ),
                );
                ok = false;
            }
        }
    }
    line.category = input.category.unwrap_or(line.category);
    if let Some(d) = &input.description {
        line.description = d.clone();
    }
    line.unit = input.unit.unwrap_or(line.unit);
    line.unit_price = input.unit_price.unwrap_or(line.unit_price);
    if let Some(c) = &input.currency {
        line.currency = c.clone();
    }
    if let Some(q) = &input.quantities {
        line.quantities = Quantities::from_pairs(q.iter().map(|(k, v)| (*k, *v)));
    }
    let mut own = Problems::default();
    line.check(tree.plan.quarters, &mut own);
    for e in own.into_vec() {
        // A missing description was named above when adding.
        if !(adding && input.description.is_none() && e.field == "description") {
            n.push(e.field, e.message);
        }
        ok = false;
    }
    if !in_bounds(&line) {
        n.push(
            "quantities",
            format!("quantity × unit price is too large: a line's amount stays under {MAX_AMOUNT}"),
        );
        ok = false;
    }
    ok.then_some(line)
}

/// Every quarter's amount and the total can be computed and stay under the bound.
fn in_bounds(l: &CostLine) -> bool {
    let mut total = Some(Decimal::ZERO);
    for (_, q) in l.quantities.iter() {
        let amount = q.checked_mul(l.unit_price);
        if amount.is_none_or(|a| a.abs() > MAX_AMOUNT) {
            return false;
        }
        total = total.and_then(|t| t.checked_add(q));
    }
    total
        .and_then(|t| t.checked_mul(l.unit_price))
        .is_some_and(|a| a.abs() <= MAX_AMOUNT)
}

//! Spending is a financial record: deleting the activities its cost lines belong to is refused
//! while payments are recorded against them, with a message saying how many, instead of a
//! database error.

use crate::StoreResult;
use crate::error::StoreError;
use crate::framework::{Write, id_list};
use crate::rows::Get;
use handover_core::error::Invalid;
use handover_core::ids::ActivityId;

/// Refuses to delete `activities` (named `what`, for the message) while any payment is recorded
/// against one of their cost lines.
pub(crate) async fn no_spending_on(
    w: &mut Write<'_>,
    activities: &[ActivityId],
    field: &str,
    what: &str,
) -> StoreResult<()> {
    if activities.is_empty() {
        return Ok(());
    }
    let (marks, values) = id_list(activities, 1);
    let sql = format!(
        "SELECT COUNT(*) AS n FROM expenditures e JOIN cost_lines c ON c.id = e.cost_line_id \
         WHERE c.activity_id IN ({marks})"
    );
    let mut q = sqlx::query(&sql);
    for v in values {
        q = match v {
            crate::rows::Arg::Text(t) => q.bind(t),
            crate::rows::Arg::Int(n) => q.bind(n),
        };
    }
    let row = q
        .fetch_one(&mut **w.tx())
        .await
        .map_err(StoreError::db("counting the spending of activities"))?;
    let n = row.int("n")?;
    if n > 0 {
        return Err(Invalid::one(
            field,
            format!(
                "{n} payment(s) are recorded against the cost lines of {what}: delete them on the spending page first"
            ),
        )
        .into());
    }
    Ok(())
}

//! A stakeholder's involvement history: dated entries saying whether it was consulted as a
//! stakeholder or collaborated actively as a partner of a partnership (seed `002_…`: "stakeholders
//! (interest – for and against) … and partners (active collaboration)"). Entries are only ever
//! added; the latest per partnership is the current one. Each names the partnership as it was,
//! so the history survives the partnership.

use super::refs::{date as date_col, text, typed_date};
use super::stakeholders::{load_one, register_access};
use super::tx::{Tx, missing, scope_org, scope_sql, today};
use super::{InvolvementId, PartnershipId, StakeholderId};
use crate::StoreResult;
use crate::codec::{self, date, json, now};
use crate::connect::Store;
use crate::rows::{Get, row};
use handover_core::actor::Actor;
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::ids::OrgId;
use handover_core::partnership::Involvement;
use handover_core::text::Text;
use serde::{Deserialize, Serialize};
use time::Date;

/// One dated entry of a stakeholder's involvement in a partnership.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct InvolvementEntry {
    /// Its id.
    pub id: InvolvementId,
    /// The partnership, while it exists.
    pub partnership_id: Option<PartnershipId>,
    /// The partnership's code when the entry was recorded.
    pub partnership_code: String,
    /// The partnership's name when the entry was recorded.
    pub partnership_name: Text,
    /// Stakeholder (consulted) or partner (collaborating).
    pub involvement: Involvement,
    /// From when.
    pub since: Date,
    /// A note.
    pub note: Text,
    /// Who recorded it, as the audit trail names actors.
    pub recorded_by: String,
}

/// An involvement entry as written.
#[derive(Clone, Debug)]
pub struct InvolvementInput {
    /// The partnership's code or id; it must be one the keeper is a member of.
    pub partnership: String,
    /// Stakeholder or partner.
    pub involvement: Involvement,
    /// `YYYY-MM-DD`.
    pub since: String,
    /// A note.
    pub note: Text,
}

/// Adds a dated involvement entry to a stakeholder of the keeper's register.
pub async fn record_involvement(
    store: &Store,
    actor: &Actor,
    keeper: OrgId,
    stakeholder: StakeholderId,
    input: InvolvementInput,
) -> StoreResult<InvolvementEntry> {
    let mut tx = Tx::begin(store, actor).await?;
    register_access(&mut tx, keeper, true).await?;
    load_one(&mut tx, keeper, stakeholder).await?;
    let mut p = Problems::default();
    let since = typed_date(&mut p, "since", Some(&input.since));
    if since.is_none() && p.is_empty() {
        p.push("since", "give the day the involvement began (YYYY-MM-DD)");
    }
    let sql = format!(
        "SELECT p.id, p.code, p.name FROM partnerships p WHERE (p.code = $3 OR p.id = $3) AND {}",
        scope_sql(actor, 1, 2)
    );
    let found = tx
        .one(
            &sql,
            row![scope_org(actor), today(), input.partnership.trim()],
        )
        .await?;
    if found.is_none() {
        p.push(
            "partnership",
            format!(
                "`{}` is not a partnership you are a member of",
                input.partnership.trim()
            ),
        );
    }
    p.into_result()?;
    let (Some(r), Some(since)) = (found, since) else {
        return Err(missing("partnership", &input.partnership));
    };
    let entry = InvolvementEntry {
        id: InvolvementId::new(),
        partnership_id: Some(codec::id(&r.text("id")?)?),
        partnership_code: r.text("code")?,
        partnership_name: text(&r, "name")?,
        involvement: input.involvement,
        since,
        note: input.note,
        recorded_by: actor.label(),
    };
    tx.exec(
        "INSERT INTO stakeholder_involvements (id, keeper_id, stakeholder_id, partnership_id, partnership_code, \
         partnership_name, involvement, since, note, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        row![entry.id.to_string(), keeper.to_string(), stakeholder.to_string(),
             entry.partnership_id.map(|p| p.to_string()), entry.partnership_code.clone(),
             json(&entry.partnership_name), entry.involvement.as_str(), date(since), json(&entry.note),
             entry.recorded_by.clone(), now()],
    )
    .await?;
    tx.audit(
        AuditAction::Create,
        "stakeholder_involvement",
        entry.id,
        None::<&()>,
        Some(&entry),
    )
    .await?;
    tx.commit().await?;
    Ok(entry)
}

/// A stakeholder's entries, oldest first.
pub(super) async fn load_entries(
    tx: &mut Tx<'_>,
    stakeholder: StakeholderId,
) -> StoreResult<Vec<InvolvementEntry>> {
    let rows = tx
        .all(
            "SELECT * FROM stakeholder_involvements WHERE stakeholder_id = $1 ORDER BY since, id",
            row![stakeholder.to_string()],
        )
        .await?;
    rows.iter()
        .map(|r| {
            Ok(InvolvementEntry {
                id: codec::id(&r.text("id")?)?,
                partnership_id: r
                    .opt_text("partnership_id")?
                    .map(|p| codec::id(&p))
                    .transpose()?,
                partnership_code: r.text("partnership_code")?,
                partnership_name: text(r, "partnership_name")?,
                involvement: codec::parsed(Involvement::parse(&r.text("involvement")?))?,
                since: date_col(r, "since")?,
                note: text(r, "note")?,
                recorded_by: r.text("recorded_by")?,
            })
        })
        .collect()
}

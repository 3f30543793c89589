//! Communities of practice of the RTO network: a name, a description and themes, and their
//! meetings ([`super::meetings`]). Readable by every actor; changed by the operator and by editors and administrators of member RTOs.

use super::CommunityId;
use super::network::network_write;
use super::refs::{date as date_col, text};
use super::tx::{Tx, check_version, missing};
use crate::StoreResult;
use crate::codec::{self, from_json, json};
use crate::connect::Store;
use crate::rows::{Get, row};
use handover_core::actor::Actor;
use handover_core::audit::AuditAction;
use handover_core::ids::OrgId;
use handover_core::text::Text;
use serde::{Deserialize, Serialize};

pub use super::meetings::{Meeting, MeetingInput, add_meeting, delete_meeting, update_meeting};

/// A community of practice with its meetings, oldest first.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Community {
    /// Its id.
    pub id: CommunityId,
    /// Its name, one text per language.
    pub name: Text,
    /// What it is about.
    pub description: Text,
    /// Its themes.
    pub themes: Vec<Text>,
    /// Its meetings, oldest first.
    pub meetings: Vec<Meeting>,
    /// Its version.
    pub version: i64,
}

/// A community as written; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct CommunityInput {
    /// Required when creating.
    pub name: Option<Text>,
    /// What it is about.
    pub description: Option<Text>,
    /// Replaces the themes.
    pub themes: Option<Vec<Text>>,
}

/// The communities of practice, by creation, with their meetings.
pub async fn list_communities(store: &Store, actor: &Actor) -> StoreResult<Vec<Community>> {
    let mut tx = Tx::begin(store, actor).await?;
    let rows = tx
        .all("SELECT id FROM network_communities ORDER BY id", vec![])
        .await?;
    let mut out = vec![];
    for r in &rows {
        out.push(load(&mut tx, codec::id(&r.text("id")?)?).await?);
    }
    tx.commit().await?;
    Ok(out)
}

/// One community of practice.
pub async fn get_community(
    store: &Store,
    actor: &Actor,
    id: CommunityId,
) -> StoreResult<Community> {
    let mut tx = Tx::begin(store, actor).await?;
    let c = load(&mut tx, id).await?;
    tx.commit().await?;
    Ok(c)
}

/// Creates a community of practice.
pub async fn create_community(
    store: &Store,
    actor: &Actor,
    input: CommunityInput,
) -> StoreResult<Community> {
    let mut tx = Tx::begin(store, actor).await?;
    network_write(&mut tx, "creating a community of practice").await?;
    if input.name.as_ref().is_none_or(Text::is_empty) {
        return Err(handover_core::Invalid::one(
            "name",
            "give the community a name in at least one language",
        )
        .into());
    }
    let c = Community {
        id: CommunityId::new(),
        name: input.name.clone().unwrap_or_default(),
        description: input.description.clone().unwrap_or_default(),
        themes: clean_themes(input.themes.clone().unwrap_or_default()),
        meetings: vec![],
        version: 1,
    };
    tx.exec(
        "INSERT INTO network_communities (id, name, description, themes, version) VALUES ($1, $2, $3, $4, 1)",
        row![c.id.to_string(), json(&c.name), json(&c.description), json(&c.themes)],
    )
    .await?;
    tx.audit(
        AuditAction::Create,
        "community",
        c.id,
        None::<&()>,
        Some(&c),
    )
    .await?;
    tx.commit().await?;
    Ok(c)
}

/// Changes a community if `expected` is still its version.
pub async fn update_community(
    store: &Store,
    actor: &Actor,
    id: CommunityId,
    expected: i64,
    input: CommunityInput,
) -> StoreResult<Community> {
    let mut tx = Tx::begin(store, actor).await?;
    network_write(&mut tx, "changing a community of practice").await?;
    let before = load(&mut tx, id).await?;
    check_version("the community", expected, before.version)?;
    let mut after = before.clone();
    if let Some(n) = &input.name {
        if n.is_empty() {
            return Err(handover_core::Invalid::one(
                "name",
                "a community needs a name in at least one language",
            )
            .into());
        }
        after.name = n.clone();
    }
    after.description = input.description.clone().unwrap_or(after.description);
    if let Some(t) = &input.themes {
        after.themes = clean_themes(t.clone());
    }
    if after == before {
        return Ok(before);
    }
    after.version = before.version + 1;
    tx.update_checked(
        "UPDATE network_communities SET name = $1, description = $2, themes = $3, version = version + 1 \
         WHERE id = $4 AND version = $5",
        row![json(&after.name), json(&after.description), json(&after.themes), id.to_string(), expected],
        "the community",
        expected,
    )
    .await?;
    tx.audit(
        AuditAction::Update,
        "community",
        id,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Deletes a community and its meetings if `expected` is still its version.
pub async fn delete_community(
    store: &Store,
    actor: &Actor,
    id: CommunityId,
    expected: i64,
) -> StoreResult<()> {
    let mut tx = Tx::begin(store, actor).await?;
    network_write(&mut tx, "deleting a community of practice").await?;
    let before = load(&mut tx, id).await?;
    check_version("the community", expected, before.version)?;
    tx.update_checked(
        "DELETE FROM network_communities WHERE id = $1 AND version = $2",
        row![id.to_string(), expected],
        "the community",
        expected,
    )
    .await?;
    tx.audit(
        AuditAction::Delete,
        "community",
        id,
        Some(&before),
        None::<&()>,
    )
    .await?;
    tx.commit().await
}

fn clean_themes(themes: Vec<Text>) -> Vec<Text> {
    themes.into_iter().filter(|t| !t.is_empty()).collect()
}

pub(super) async fn load(tx: &mut Tx<'_>, id: CommunityId) -> StoreResult<Community> {
    let r = tx
        .one(
            "SELECT * FROM network_communities WHERE id = $1",
            row![id.to_string()],
        )
        .await?
        .ok_or_else(|| missing("community of practice", id))?;
    let rows = tx
        .all(
            "SELECT * FROM network_meetings WHERE community_id = $1 ORDER BY on_date, id",
            row![id.to_string()],
        )
        .await?;
    let mut meetings = vec![];
    for m in &rows {
        let present: Vec<OrgId> = from_json(&m.text("attendance")?, "meeting attendance")?;
        let mut attendance = vec![];
        for o in present {
            if let Some(org) = tx.org(&o.to_string()).await? {
                attendance.push(org);
            }
        }
        meetings.push(Meeting {
            id: codec::id(&m.text("id")?)?,
            community_id: id,
            on: date_col(m, "on_date")?,
            title: text(m, "title")?,
            attendance,
            head_count: u32::try_from(m.int("head_count")?).unwrap_or(0),
            notes: text(m, "notes")?,
            version: m.int("version")?,
        });
    }
    Ok(Community {
        id,
        name: text(&r, "name")?,
        description: text(&r, "description")?,
        themes: from_json(&r.text("themes")?, "community themes")?,
        meetings,
        version: r.int("version")?,
    })
}

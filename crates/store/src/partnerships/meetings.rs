//! Meetings of the RTO network's communities of practice: a date, a title, the organisations
//! present and how many people came. Changed by the operator and by editors and administrators
//! of member RTOs.

use super::CommunityId;
use super::MeetingId;
use super::communities::load;
use super::network::network_write;
use super::refs::{OrgRef, typed_date};
use super::tx::{Tx, check_version, missing};
use crate::StoreResult;
use crate::codec::{date, json};
use crate::connect::Store;
use crate::rows::row;
use handover_core::actor::Actor;
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::ids::OrgId;
use handover_core::text::Text;
use serde::{Deserialize, Serialize};
use time::Date;

/// A meeting of a community of practice.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Meeting {
    /// Its id.
    pub id: MeetingId,
    /// The community that met.
    pub community_id: CommunityId,
    /// The day.
    pub on: Date,
    /// Its title.
    pub title: Text,
    /// The organisations present.
    pub attendance: Vec<OrgRef>,
    /// How many people came.
    pub head_count: u32,
    /// Notes.
    pub notes: Text,
    /// Its version.
    pub version: i64,
}

/// A meeting as written; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct MeetingInput {
    /// `YYYY-MM-DD`; required when adding.
    pub on: Option<String>,
    /// Required when adding.
    pub title: Option<Text>,
    /// Codes or ids of the organisations present; replaces the list.
    pub attendance: Option<Vec<String>>,
    /// How many people came (at least one per organisation present).
    pub head_count: Option<u32>,
    /// Notes.
    pub notes: Option<Text>,
}

/// Records a meeting of a community.
pub async fn add_meeting(
    store: &Store,
    actor: &Actor,
    community: CommunityId,
    input: MeetingInput,
) -> StoreResult<Meeting> {
    let mut tx = Tx::begin(store, actor).await?;
    network_write(&mut tx, "recording a meeting").await?;
    load(&mut tx, community).await?;
    let mut p = Problems::default();
    if input.on.is_none() {
        p.push("on", "give the day of the meeting (YYYY-MM-DD)");
    }
    if input.title.as_ref().is_none_or(Text::is_empty) {
        p.push("title", "give the meeting a title in at least one language");
    }
    let base = Meeting {
        id: MeetingId::new(),
        community_id: community,
        on: time::OffsetDateTime::now_utc().date(),
        title: Text::default(),
        attendance: vec![],
        head_count: 0,
        notes: Text::default(),
        version: 1,
    };
    let m = apply(&mut tx, &base, &input, &mut p).await?;
    p.into_result()?;
    tx.exec(
        "INSERT INTO network_meetings (id, community_id, on_date, title, attendance, head_count, notes, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1)",
        row![m.id.to_string(), community.to_string(), date(m.on), json(&m.title), json(&ids(&m)),
             i64::from(m.head_count), json(&m.notes)],
    )
    .await?;
    tx.audit(AuditAction::Create, "meeting", m.id, None::<&()>, Some(&m))
        .await?;
    tx.commit().await?;
    Ok(m)
}

/// Changes a meeting if `expected` is still its version.
pub async fn update_meeting(
    store: &Store,
    actor: &Actor,
    community: CommunityId,
    meeting: MeetingId,
    expected: i64,
    input: MeetingInput,
) -> StoreResult<Meeting> {
    let mut tx = Tx::begin(store, actor).await?;
    network_write(&mut tx, "changing a meeting").await?;
    let before = find_meeting(&mut tx, community, meeting).await?;
    check_version("the meeting", expected, before.version)?;
    let mut p = Problems::default();
    let mut after = apply(&mut tx, &before, &input, &mut p).await?;
    if after.title.is_empty() {
        p.push("title", "a meeting needs a title in at least one language");
    }
    p.into_result()?;
    if after == before {
        return Ok(before);
    }
    after.version = before.version + 1;
    tx.update_checked(
        "UPDATE network_meetings SET on_date = $1, title = $2, attendance = $3, head_count = $4, notes = $5, \
         version = version + 1 WHERE id = $6 AND version = $7",
        row![date(after.on), json(&after.title), json(&ids(&after)), i64::from(after.head_count), json(&after.notes),
             meeting.to_string(), expected],
        "the meeting",
        expected,
    )
    .await?;
    tx.audit(
        AuditAction::Update,
        "meeting",
        meeting,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Deletes a meeting if `expected` is still its version.
pub async fn delete_meeting(
    store: &Store,
    actor: &Actor,
    community: CommunityId,
    meeting: MeetingId,
    expected: i64,
) -> StoreResult<()> {
    let mut tx = Tx::begin(store, actor).await?;
    network_write(&mut tx, "deleting a meeting").await?;
    let before = find_meeting(&mut tx, community, meeting).await?;
    check_version("the meeting", expected, before.version)?;
    tx.update_checked(
        "DELETE FROM network_meetings WHERE id = $1 AND version = $2",
        row![meeting.to_string(), expected],
        "the meeting",
        expected,
    )
    .await?;
    tx.audit(
        AuditAction::Delete,
        "meeting",
        meeting,
        Some(&before),
        None::<&()>,
    )
    .await?;
    tx.commit().await
}

fn ids(m: &Meeting) -> Vec<OrgId> {
    m.attendance.iter().map(|o| o.id).collect()
}

async fn apply(
    tx: &mut Tx<'_>,
    base: &Meeting,
    input: &MeetingInput,
    p: &mut Problems,
) -> StoreResult<Meeting> {
    let mut m = base.clone();
    if let Some(d) = &input.on {
        m.on = typed_date(p, "on", Some(d)).unwrap_or(m.on);
    }
    m.title = input.title.clone().unwrap_or(m.title);
    if let Some(list) = &input.attendance {
        m.attendance = vec![];
        for (i, o) in list.iter().enumerate() {
            match tx.org(o).await? {
                Some(org) if m.attendance.iter().any(|x| x.id == org.id) => {
                    p.push(format!("attendance[{i}]"), format!("`{o}` is listed twice"));
                }
                Some(org) => m.attendance.push(org),
                None => p.push(
                    format!("attendance[{i}]"),
                    format!("`{o}` is not an organisation of the directory"),
                ),
            }
        }
    }
    m.head_count = input.head_count.unwrap_or(m.head_count);
    if (m.head_count as usize) < m.attendance.len() {
        p.push(
            "head_count",
            format!(
                "{} organisations were present, so at least {} people came",
                m.attendance.len(),
                m.attendance.len()
            ),
        );
    }
    m.notes = input.notes.clone().unwrap_or(m.notes);
    Ok(m)
}

async fn find_meeting(
    tx: &mut Tx<'_>,
    community: CommunityId,
    meeting: MeetingId,
) -> StoreResult<Meeting> {
    load(tx, community)
        .await?
        .meetings
        .into_iter()
        .find(|m| m.id == meeting)
        .ok_or_else(|| missing("meeting", meeting))
}

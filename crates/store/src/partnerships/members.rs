//! The member organisations of a partnership: each with its role in convening and driving the
//! partnering process (steering, rowing, cheering, seed `002_…`) and the dates it joined and
//! left. An organisation that has left no longer sees the partnership.

use super::refs::{OrgRef, keyed, opt_date, typed_date};
use super::tx::{Tx, check_version, missing};
use super::{MemberId, PartnershipId};
use crate::StoreResult;
use crate::codec::{self, date};
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::{Get, row};
use handover_core::actor::{Access, Actor};
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::partnership::PartnerRole;
use serde::{Deserialize, Serialize};
use time::Date;

/// A member organisation of a partnership.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Member {
    /// Its id.
    pub id: MemberId,
    /// The organisation.
    pub organisation: OrgRef,
    /// Its role: steering, rowing or cheering.
    pub role: PartnerRole,
    /// When it joined, if recorded.
    pub joined_on: Option<Date>,
    /// When it left, if it has.
    pub left_on: Option<Date>,
    /// Its version.
    pub version: i64,
}

impl Member {
    /// Whether it is a member on `day` (it has not left by then).
    pub fn is_current(&self, day: Date) -> bool {
        self.left_on.is_none_or(|l| l > day)
    }
}

/// A member as written; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct MemberInput {
    /// The organisation's code or id (when adding).
    pub organisation: Option<String>,
    /// Its role (required when adding).
    pub role: Option<PartnerRole>,
    /// `YYYY-MM-DD`; `Some(None)` clears it.
    pub joined_on: Option<Option<String>>,
    /// `YYYY-MM-DD`; `Some(None)` clears it.
    pub left_on: Option<Option<String>>,
}

/// Adds an organisation of the directory to a partnership.
pub async fn add_member(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    input: MemberInput,
) -> StoreResult<Member> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Edit, "adding a member")
        .await?;
    let mut p = Problems::default();
    let org = match input.organisation.as_deref() {
        Some(o) => {
            let found = tx.org(o).await?;
            if found.is_none() {
                p.push(
                    "organisation",
                    format!("`{o}` is not an organisation of the directory"),
                );
            }
            found
        }
        None => {
            p.push("organisation", "name the organisation (code or id)");
            None
        }
    };
    if input.role.is_none() {
        p.push(
            "role",
            "give the member's role: steering, rowing or cheering",
        );
    }
    let base = Member {
        id: MemberId::new(),
        organisation: org.clone().unwrap_or(OrgRef {
            id: handover_core::ids::OrgId::new(),
            code: String::new(),
            name: String::new(),
        }),
        role: input.role.unwrap_or(PartnerRole::Rowing),
        joined_on: None,
        left_on: None,
        version: 1,
    };
    let m = apply(&base, &input, &mut p);
    if let Some(o) = &org
        && load_members(&mut tx, partnership)
            .await?
            .iter()
            .any(|m| m.organisation.id == o.id)
    {
        return Err(StoreError::Duplicate {
            field: "member organisation".into(),
            value: o.code.clone(),
        });
    }
    p.into_result()?;
    tx.exec(
        "INSERT INTO partnership_members (id, partnership_id, organisation_id, role, joined_on, left_on, version) \
         VALUES ($1, $2, $3, $4, $5, $6, 1)",
        row![m.id.to_string(), partnership.to_string(), m.organisation.id.to_string(), m.role.as_str(),
             m.joined_on.map(date), m.left_on.map(date)],
    )
    .await?;
    tx.audit(
        AuditAction::Create,
        "partnership_member",
        m.id,
        None::<&()>,
        Some(&m),
    )
    .await?;
    tx.commit().await?;
    Ok(m)
}

/// Changes a member's role or dates if `expected` is still its version. The convening
/// organisation cannot leave.
pub async fn update_member(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    member: MemberId,
    expected: i64,
    input: MemberInput,
) -> StoreResult<Member> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Edit, "changing a member")
        .await?;
    let before = find(&mut tx, partnership, member).await?;
    check_version("the member", expected, before.version)?;
    let mut p = Problems::default();
    if input.organisation.is_some() {
        p.push(
            "organisation",
            "a member stays the same organisation: remove it and add the other",
        );
    }
    let mut after = apply(&before, &input, &mut p);
    if after.left_on.is_some() && is_convener(&mut tx, partnership, &before).await? {
        p.push(
            "left_on",
            "the convening organisation cannot leave: name another convener first",
        );
    }
    p.into_result()?;
    if after == before {
        return Ok(before);
    }
    after.version = before.version + 1;
    tx.update_checked(
        "UPDATE partnership_members SET role = $1, joined_on = $2, left_on = $3, version = version + 1 \
         WHERE id = $4 AND version = $5",
        row![after.role.as_str(), after.joined_on.map(date), after.left_on.map(date), member.to_string(), expected],
        "the member",
        expected,
    )
    .await?;
    tx.audit(
        AuditAction::Update,
        "partnership_member",
        member,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Removes a member recorded by mistake (one that left keeps its record with `left_on`). The
/// convening organisation cannot be removed.
pub async fn remove_member(
    store: &Store,
    actor: &Actor,
    partnership: PartnershipId,
    member: MemberId,
    expected: i64,
) -> StoreResult<()> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(partnership, Access::Edit, "removing a member")
        .await?;
    let before = find(&mut tx, partnership, member).await?;
    check_version("the member", expected, before.version)?;
    if is_convener(&mut tx, partnership, &before).await? {
        return Err(handover_core::Invalid::one(
            "member",
            "the convening organisation cannot be removed: name another convener first",
        )
        .into());
    }
    tx.update_checked(
        "DELETE FROM partnership_members WHERE id = $1 AND version = $2",
        row![member.to_string(), expected],
        "the member",
        expected,
    )
    .await?;
    tx.audit(
        AuditAction::Delete,
        "partnership_member",
        member,
        Some(&before),
        None::<&()>,
    )
    .await?;
    tx.commit().await
}

async fn is_convener(tx: &mut Tx<'_>, partnership: PartnershipId, m: &Member) -> StoreResult<bool> {
    let r = tx
        .one(
            "SELECT convening_id FROM partnerships WHERE id = $1",
            row![partnership.to_string()],
        )
        .await?;
    Ok(match r {
        Some(r) => r.text("convening_id")? == m.organisation.id.to_string(),
        None => false,
    })
}

async fn find(
    tx: &mut Tx<'_>,
    partnership: PartnershipId,
    member: MemberId,
) -> StoreResult<Member> {
    load_members(tx, partnership)
        .await?
        .into_iter()
        .find(|m| m.id == member)
        .ok_or_else(|| missing("member", member))
}

/// `base` with the role and dates of the input; the dates must run forwards.
fn apply(base: &Member, input: &MemberInput, p: &mut Problems) -> Member {
    let mut m = base.clone();
    m.role = input.role.unwrap_or(m.role);
    if let Some(d) = &input.joined_on {
        m.joined_on = typed_date(p, "joined_on", d.as_deref());
    }
    if let Some(d) = &input.left_on {
        m.left_on = typed_date(p, "left_on", d.as_deref());
    }
    if let (Some(j), Some(l)) = (m.joined_on, m.left_on)
        && l < j
    {
        p.push("left_on", "a member leaves after it joined");
    }
    m
}

/// The members of a partnership, steering first, then rowing, then cheering, each by name.
pub(crate) async fn load_members(
    tx: &mut Tx<'_>,
    partnership: PartnershipId,
) -> StoreResult<Vec<Member>> {
    let rows = tx
        .all(
            "SELECT m.id, m.role, m.joined_on, m.left_on, m.version, o.id AS o_id, o.code AS o_code, \
             o.name AS o_name FROM partnership_members m JOIN organisations o ON o.id = m.organisation_id \
             WHERE m.partnership_id = $1",
            row![partnership.to_string()],
        )
        .await?;
    let mut out = rows
        .iter()
        .map(|r| {
            Ok(Member {
                id: codec::id(&r.text("id")?)?,
                organisation: OrgRef::from_row(r, "o_")?,
                role: keyed(r, "role", PartnerRole::parse)?,
                joined_on: opt_date(r, "joined_on")?,
                left_on: opt_date(r, "left_on")?,
                version: r.int("version")?,
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    out.sort_by(|a, b| (a.role, &a.organisation.name).cmp(&(b.role, &b.organisation.name)));
    Ok(out)
}

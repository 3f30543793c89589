//! Partnerships: a code, a name and a purpose, the convening organisation, and the member
//! organisations with their roles (steering, rowing, cheering) and dates. A partnership exists
//! only for its current member organisations (and the operator); its editors and administrators
//! change it.

use super::members::{Member, load_members};
use super::refs::{OrgRef, text};
use super::tx::{Tx, check_version, missing, scope_org, scope_sql, today};
use super::{MemberId, PartnershipId};
use crate::StoreResult;
use crate::codec::{self, json, now};
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::{Get, row};
use handover_core::actor::{Access, Actor, Role};
use handover_core::audit::AuditAction;
use handover_core::error::Problems;
use handover_core::ids::Code;
use handover_core::partnership::PartnerRole;
use handover_core::text::Text;
use serde::{Deserialize, Serialize};

/// A partnership with its members.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Partnership {
    /// Its id.
    pub id: PartnershipId,
    /// Its short unique code.
    pub code: Code,
    /// Its name, one text per language.
    pub name: Text,
    /// What it is for, one text per language.
    pub purpose: Text,
    /// The organisation that convenes it.
    pub convening: OrgRef,
    /// The member organisations, steering first, then rowing, then cheering.
    pub members: Vec<Member>,
    /// Its version, raised by every change to its own fields.
    pub version: i64,
}

/// A partnership as listed.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct PartnershipSummary {
    /// Its id.
    pub id: PartnershipId,
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: Text,
    /// The convening organisation.
    pub convening: OrgRef,
    /// How many organisations are members today.
    pub current_members: usize,
}

/// A partnership as written; `None` leaves a field as it is.
#[derive(Clone, Debug, Default)]
pub struct PartnershipInput {
    /// The short unique code (required when creating).
    pub code: Option<String>,
    /// The name (required when creating).
    pub name: Option<Text>,
    /// What it is for.
    pub purpose: Option<Text>,
    /// The convening organisation's code or id: by default the actor's own organisation; it
    /// must be a member when changed.
    pub convening: Option<String>,
}

/// Creates a partnership convened by an organisation, which becomes its first (steering)
/// member. A member organisation's editor or administrator creates partnerships it convenes;
/// the operator names the convener.
pub async fn create(
    store: &Store,
    actor: &Actor,
    input: PartnershipInput,
) -> StoreResult<Partnership> {
    let mut tx = Tx::begin(store, actor).await?;
    let own = match actor {
        Actor::Operator { .. } => None,
        Actor::Member { org, role, .. } if *role >= Role::Editor => Some(*org),
        _ => {
            return Err(StoreError::Forbidden(
                "creating a partnership needs an editor or administrator of the convening organisation".into(),
            ));
        }
    };
    let mut p = Problems::default();
    let code = match input.code.as_deref().map(str::trim) {
        Some(c) => p.take("code", Code::parse(c)),
        None => {
            p.push(
                "code",
                "give the partnership a short code, e.g. river-basin-sc",
            );
            None
        }
    };
    let name = input.name.clone().unwrap_or_default();
    if name.is_empty() {
        p.push(
            "name",
            "give the partnership a name in at least one language",
        );
    }
    let convening = match (input.convening.as_deref(), own) {
        (Some(c), _) => {
            let found = tx.org(c).await?;
            if found.is_none() {
                p.push(
                    "convening",
                    format!("`{c}` is not an organisation of the directory"),
                );
            }
            found
        }
        (None, Some(o)) => tx.org(&o.to_string()).await?,
        (None, None) => {
            p.push("convening", "name the convening organisation (code or id)");
            None
        }
    };
    if let (Some(o), Some(c)) = (own, &convening)
        && o != c.id
    {
        return Err(StoreError::Forbidden(
            "an organisation creates the partnerships it convenes itself".into(),
        ));
    }
    p.into_result()?;
    let (Some(code), Some(convening)) = (code, convening) else {
        return Err(StoreError::Corrupt("a checked partnership input".into()));
    };
    let id = PartnershipId::new();
    let t = now();
    tx.exec(
        "INSERT INTO partnerships (id, code, name, purpose, convening_id, version, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, 1, $6, $6)",
        row![id.to_string(), code.to_string(), json(&name), json(&input.purpose.clone().unwrap_or_default()),
             convening.id.to_string(), t],
    )
    .await
    .map_err(|e| duplicate_code(e, &code))?;
    let member = MemberId::new();
    tx.exec(
        "INSERT INTO partnership_members (id, partnership_id, organisation_id, role, joined_on, left_on, version) \
         VALUES ($1, $2, $3, $4, NULL, NULL, 1)",
        row![member.to_string(), id.to_string(), convening.id.to_string(), PartnerRole::Steering.as_str()],
    )
    .await?;
    let made = load(&mut tx, id).await?;
    tx.audit(
        AuditAction::Create,
        "partnership",
        id,
        None::<&()>,
        Some(&made),
    )
    .await?;
    tx.commit().await?;
    Ok(made)
}

fn duplicate_code(e: StoreError, code: &Code) -> StoreError {
    match e {
        StoreError::Duplicate { .. } => StoreError::Duplicate {
            field: "partnership code".into(),
            value: code.to_string(),
        },
        other => other,
    }
}

/// A partnership by code or id, inside the actor's scope.
pub async fn find(store: &Store, actor: &Actor, code_or_id: &str) -> StoreResult<PartnershipId> {
    let mut tx = Tx::begin(store, actor).await?;
    let sql = format!(
        "SELECT p.id FROM partnerships p WHERE (p.code = $3 OR p.id = $3) AND {}",
        scope_sql(actor, 1, 2)
    );
    let r = tx
        .one(&sql, row![scope_org(actor), today(), code_or_id.trim()])
        .await?;
    tx.commit().await?;
    match r {
        Some(r) => codec::id(&r.text("id")?),
        None => Err(missing("partnership", code_or_id)),
    }
}

/// A partnership with its members.
pub async fn get(store: &Store, actor: &Actor, id: PartnershipId) -> StoreResult<Partnership> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.access(id).await?;
    let p = load(&mut tx, id).await?;
    tx.commit().await?;
    Ok(p)
}

/// The partnerships in the actor's scope, by code.
pub async fn list(store: &Store, actor: &Actor) -> StoreResult<Vec<PartnershipSummary>> {
    let mut tx = Tx::begin(store, actor).await?;
    let sql = format!(
        "SELECT p.id, p.code, p.name, o.id AS o_id, o.code AS o_code, o.name AS o_name, \
         (SELECT COUNT(*) FROM partnership_members m WHERE m.partnership_id = p.id \
          AND (m.left_on IS NULL OR m.left_on > $2)) AS current_members \
         FROM partnerships p JOIN organisations o ON o.id = p.convening_id WHERE {} ORDER BY p.code",
        scope_sql(actor, 1, 2)
    );
    let rows = tx.all(&sql, row![scope_org(actor), today()]).await?;
    tx.commit().await?;
    rows.iter()
        .map(|r| {
            Ok(PartnershipSummary {
                id: codec::id(&r.text("id")?)?,
                code: r.text("code")?,
                name: text(r, "name")?,
                convening: OrgRef::from_row(r, "o_")?,
                current_members: usize::try_from(r.int("current_members")?).unwrap_or(0),
            })
        })
        .collect()
}

/// Changes a partnership's code, name, purpose or convener if `expected` is still its version.
pub async fn update(
    store: &Store,
    actor: &Actor,
    id: PartnershipId,
    expected: i64,
    input: PartnershipInput,
) -> StoreResult<Partnership> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(id, Access::Edit, "changing a partnership")
        .await?;
    let before = load(&mut tx, id).await?;
    check_version("the partnership", expected, before.version)?;
    let mut after = before.clone();
    let mut p = Problems::default();
    if let Some(c) = &input.code {
        after.code = p.take("code", Code::parse(c.trim())).unwrap_or(after.code);
    }
    if let Some(n) = &input.name {
        if n.is_empty() {
            p.push(
                "name",
                "a partnership needs a name in at least one language",
            );
        }
        after.name = n.clone();
    }
    after.purpose = input.purpose.clone().unwrap_or(after.purpose);
    if let Some(c) = &input.convening {
        let today = time::OffsetDateTime::now_utc().date();
        match before.members.iter().find(|m| {
            (m.organisation.code == c.trim() || m.organisation.id.to_string() == c.trim())
                && m.is_current(today)
        }) {
            Some(m) => after.convening = m.organisation.clone(),
            None => p.push(
                "convening",
                format!("`{c}` is not a current member of the partnership"),
            ),
        }
    }
    p.into_result()?;
    if after == before {
        return Ok(before);
    }
    after.version = before.version + 1;
    tx.update_checked(
        "UPDATE partnerships SET code = $1, name = $2, purpose = $3, convening_id = $4, version = version + 1, \
         updated_at = $5 WHERE id = $6 AND version = $7",
        row![after.code.to_string(), json(&after.name), json(&after.purpose), after.convening.id.to_string(),
             now(), id.to_string(), expected],
        "the partnership",
        expected,
    )
    .await
    .map_err(|e| duplicate_code(e, &after.code))?;
    tx.audit(
        AuditAction::Update,
        "partnership",
        id,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Deletes a partnership and everything recorded in it (agreements, indicators, readiness,
/// rounds and answers) if `expected` is still its version; the audit entry keeps its snapshot.
/// Stakeholder registers keep their involvement history, naming the partnership as it was.
pub async fn delete(
    store: &Store,
    actor: &Actor,
    id: PartnershipId,
    expected: i64,
) -> StoreResult<()> {
    let mut tx = Tx::begin(store, actor).await?;
    tx.require(id, Access::Edit, "deleting a partnership")
        .await?;
    let before = load(&mut tx, id).await?;
    check_version("the partnership", expected, before.version)?;
    tx.update_checked(
        "DELETE FROM partnerships WHERE id = $1 AND version = $2",
        row![id.to_string(), expected],
        "the partnership",
        expected,
    )
    .await?;
    tx.audit(
        AuditAction::Delete,
        "partnership",
        id,
        Some(&before),
        None::<&()>,
    )
    .await?;
    tx.commit().await
}

/// Reads a partnership and its members in the transaction (no scope check).
pub(crate) async fn load(tx: &mut Tx<'_>, id: PartnershipId) -> StoreResult<Partnership> {
    let r = tx
        .one(
            "SELECT p.*, o.id AS o_id, o.code AS o_code, o.name AS o_name FROM partnerships p \
             JOIN organisations o ON o.id = p.convening_id WHERE p.id = $1",
            row![id.to_string()],
        )
        .await?
        .ok_or_else(|| missing("partnership", id))?;
    Ok(Partnership {
        id,
        code: codec::parsed(Code::parse(&r.text("code")?))?,
        name: text(&r, "name")?,
        purpose: text(&r, "purpose")?,
        convening: OrgRef::from_row(&r, "o_")?,
        members: load_members(tx, id).await?,
        version: r.int("version")?,
    })
}

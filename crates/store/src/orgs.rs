//! The organisation directory: readable by every actor, written by the operator (and by
//! organisations' editors when an import meets a partner it does not know yet).

use crate::StoreResult;
use crate::audit;
use crate::codec::{self, now};
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::Get;
use handover_core::actor::{Actor, Role};
use handover_core::audit::AuditAction;
use handover_core::ids::{Code, OrgId};
use handover_core::org::{NewOrganisation, OrgType, Organisation};
use sqlx::any::AnyRow;

const COLUMNS: &str = "id, code, name, org_type, region, union_id, iati_id, ministry, version";

fn from_row(r: &AnyRow) -> StoreResult<Organisation> {
    Ok(Organisation {
        id: codec::id(&r.text("id")?)?,
        code: codec::parsed(Code::parse(&r.text("code")?))?,
        name: r.text("name")?,
        org_type: codec::parsed(OrgType::parse(&r.text("org_type")?))?,
        region: r.opt_text("region")?,
        union_id: r.opt_text("union_id")?.map(|u| codec::id(&u)).transpose()?,
        iati_id: r.opt_text("iati_id")?,
        ministry: r.int("ministry")? != 0,
        version: r.int("version")?,
    })
}

fn may_add(actor: &Actor) -> bool {
    match actor {
        Actor::Operator { .. } => true,
        Actor::Reader { .. } => false,
        Actor::Member { role, .. } => *role >= Role::Editor,
    }
}

/// Adds an organisation to the directory.
pub async fn add(store: &Store, actor: &Actor, new: NewOrganisation) -> StoreResult<Organisation> {
    if !may_add(actor) {
        return Err(StoreError::Forbidden(
            "adding organisations to the directory needs an editor or administrator".into(),
        ));
    }
    let union_id = match &new.union_code {
        Some(u) => {
            let union = find(store, actor, u.as_str()).await?;
            if union.org_type != OrgType::UnionOfMunicipalities {
                return Err(handover_core::Invalid::one(
                    "union",
                    format!("`{u}` is not a union of municipalities"),
                )
                .into());
            }
            Some(union.id)
        }
        None => None,
    };
    let org = Organisation {
        id: OrgId::new(),
        code: new.code,
        name: new.name,
        org_type: new.org_type,
        region: new.region,
        union_id,
        iati_id: new.iati_id,
        ministry: false,
        version: 1,
    };
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    let t = now();
    sqlx::query(&format!(
        "INSERT INTO organisations ({COLUMNS}, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 1, $8, $8)"
    ))
    .bind(org.id.to_string())
    .bind(org.code.to_string())
    .bind(&org.name)
    .bind(org.org_type.as_str())
    .bind(&org.region)
    .bind(org.union_id.map(|u| u.to_string()))
    .bind(&org.iati_id)
    .bind(t)
    .execute(&mut *tx)
    .await
    .map_err(|e| match StoreError::db("adding an organisation")(e) {
        StoreError::Duplicate { field, .. } if field == "iati_id" => StoreError::Duplicate {
            field: "IATI identifier".into(),
            value: org.iati_id.clone().unwrap_or_default(),
        },
        StoreError::Duplicate { .. } => StoreError::Duplicate { field: "organisation code".into(), value: org.code.to_string() },
        other => other,
    })?;
    audit::record(
        &mut tx,
        actor,
        AuditAction::Create,
        "organisation",
        &org.id.to_string(),
        None,
        None::<&()>,
        Some(&org),
    )
    .await?;
    tx.commit()
        .await
        .map_err(StoreError::db("saving an organisation"))?;
    Ok(org)
}

/// The whole directory, by name.
pub async fn list(store: &Store, _actor: &Actor) -> StoreResult<Vec<Organisation>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM organisations ORDER BY name, code"
    ))
    .fetch_all(&store.pool)
    .await
    .map_err(StoreError::db("listing organisations"))?;
    rows.iter().map(from_row).collect()
}

/// An organisation by code or id.
pub async fn find(store: &Store, _actor: &Actor, code_or_id: &str) -> StoreResult<Organisation> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM organisations WHERE code = $1 OR id = $1"
    ))
    .bind(code_or_id.trim())
    .fetch_optional(&store.pool)
    .await
    .map_err(StoreError::db("finding an organisation"))?;
    match row {
        Some(r) => from_row(&r),
        None => Err(StoreError::NotFound(format!("organisation `{code_or_id}`"))),
    }
}

/// Sets or clears the ministry flag (reads every plan). The operator's alone.
pub async fn flag_ministry(
    store: &Store,
    actor: &Actor,
    code_or_id: &str,
    ministry: bool,
) -> StoreResult<Organisation> {
    if !actor.is_operator() {
        return Err(StoreError::Forbidden(
            "only the operator grants the ministry flag".into(),
        ));
    }
    let before = find(store, actor, code_or_id).await?;
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    let done = sqlx::query("UPDATE organisations SET ministry = $1, version = version + 1, updated_at = $2 WHERE id = $3 AND version = $4")
        .bind(i64::from(ministry))
        .bind(now())
        .bind(before.id.to_string())
        .bind(before.version)
        .execute(&mut *tx)
        .await
        .map_err(StoreError::db("flagging an organisation"))?;
    if done.rows_affected() == 0 {
        return Err(StoreError::Stale(
            format!("organisation `{}`", before.code),
            before.version,
            before.version + 1,
        ));
    }
    let after = Organisation {
        ministry,
        version: before.version + 1,
        ..before.clone()
    };
    audit::record(
        &mut tx,
        actor,
        AuditAction::Update,
        "organisation",
        &before.id.to_string(),
        None,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit()
        .await
        .map_err(StoreError::db("saving an organisation"))?;
    Ok(after)
}

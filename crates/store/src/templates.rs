//! Stored templates: the built-in ones, readable by everyone, and each organisation's own,
//! visible to it alone. A template is stored whole (its validated structure as JSON); plans
//! are copies, so nothing here ever touches a plan.

use crate::StoreResult;
use crate::audit;
use crate::codec::{self, from_json, json, now};
use crate::connect::Store;
use crate::error::StoreError;
use crate::rows::Get;
use handover_core::Invalid;
use handover_core::actor::{Actor, Role};
use handover_core::audit::AuditAction;
use handover_core::ids::{OrgId, TemplateId};
use handover_core::template::{Template, validate};
use handover_core::text::Text;
use serde::Serialize;
use sqlx::any::AnyRow;

/// A template's listing entry.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TemplateInfo {
    pub id: TemplateId,
    pub code: String,
    pub kind: String,
    pub name: Text,
    pub builtin: bool,
    /// The owning organisation; `None` for templates of the whole deployment.
    pub organisation_id: Option<OrgId>,
    pub version: i64,
}

fn info(r: &AnyRow) -> StoreResult<TemplateInfo> {
    let owner = r.text("owner_key")?;
    Ok(TemplateInfo {
        id: codec::id(&r.text("id")?)?,
        code: r.text("code")?,
        kind: r.text("kind")?,
        name: from_json(&r.text("name")?, "template name")?,
        builtin: r.int("builtin")? != 0,
        organisation_id: if owner.is_empty() {
            None
        } else {
            Some(codec::id(&owner)?)
        },
        version: r.int("version")?,
    })
}

fn owner_key(actor: &Actor) -> String {
    actor.org().map(|o| o.to_string()).unwrap_or_default()
}

/// Installs or refreshes the built-in templates shipped with the program.
pub async fn sync_builtin(store: &Store, builtin: &[Template]) -> StoreResult<()> {
    let operator = Actor::operator("handover");
    for t in builtin {
        let body = json(t);
        let existing = sqlx::query(
            "SELECT id, body, version FROM templates WHERE owner_key = '' AND code = $1",
        )
        .bind(t.code.to_string())
        .fetch_optional(&store.pool)
        .await
        .map_err(StoreError::db("reading templates"))?;
        let mut tx = store
            .pool
            .begin()
            .await
            .map_err(StoreError::db("starting a transaction"))?;
        match existing {
            Some(r) if r.text("body")? == body => continue,
            Some(r) => {
                let id = r.text("id")?;
                sqlx::query("UPDATE templates SET body = $1, name = $2, kind = $3, builtin = 1, version = version + 1, updated_at = $4 WHERE id = $5")
                    .bind(&body)
                    .bind(json(&t.name))
                    .bind(t.kind.as_str())
                    .bind(now())
                    .bind(&id)
                    .execute(&mut *tx)
                    .await
                    .map_err(StoreError::db("refreshing a built-in template"))?;
                audit::record(
                    &mut tx,
                    &operator,
                    AuditAction::Update,
                    "template",
                    &id,
                    None,
                    None::<&()>,
                    Some(t),
                )
                .await?;
            }
            None => {
                let id = TemplateId::new().to_string();
                insert(&mut tx, &id, "", true, t).await?;
                audit::record(
                    &mut tx,
                    &operator,
                    AuditAction::Create,
                    "template",
                    &id,
                    None,
                    None::<&()>,
                    Some(t),
                )
                .await?;
            }
        }
        tx.commit()
            .await
            .map_err(StoreError::db("saving a template"))?;
    }
    Ok(())
}

async fn insert(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: &str,
    owner: &str,
    builtin: bool,
    t: &Template,
) -> StoreResult<()> {
    let ts = now();
    sqlx::query("INSERT INTO templates (id, code, owner_key, builtin, kind, name, body, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8)")
        .bind(id)
        .bind(t.code.to_string())
        .bind(owner)
        .bind(i64::from(builtin))
        .bind(t.kind.as_str())
        .bind(json(&t.name))
        .bind(json(t))
        .bind(ts)
        .execute(&mut **tx)
        .await
        .map_err(StoreError::db("saving a template"))?;
    Ok(())
}

/// The templates an actor can see: the deployment's and its organisation's own.
pub async fn list(store: &Store, actor: &Actor) -> StoreResult<Vec<TemplateInfo>> {
    let rows = sqlx::query("SELECT id, code, owner_key, builtin, kind, name, version FROM templates WHERE owner_key = '' OR owner_key = $1 ORDER BY builtin DESC, code")
        .bind(owner_key(actor))
        .fetch_all(&store.pool)
        .await
        .map_err(StoreError::db("listing templates"))?;
    rows.iter().map(info).collect()
}

/// A template by code (the actor's organisation's own first, then the deployment's) or id.
pub async fn get(
    store: &Store,
    actor: &Actor,
    code_or_id: &str,
) -> StoreResult<(TemplateInfo, Template)> {
    let row = sqlx::query(
        "SELECT id, code, owner_key, builtin, kind, name, version, body FROM templates \
         WHERE (code = $1 OR id = $1) AND (owner_key = '' OR owner_key = $2) \
         ORDER BY CASE WHEN owner_key = '' THEN 1 ELSE 0 END LIMIT 1",
    )
    .bind(code_or_id.trim())
    .bind(owner_key(actor))
    .fetch_optional(&store.pool)
    .await
    .map_err(StoreError::db("reading a template"))?;
    let r = row.ok_or_else(|| StoreError::NotFound(format!("template `{code_or_id}`")))?;
    Ok((info(&r)?, from_json(&r.text("body")?, "template body")?))
}

/// Stores an imported template: the operator's go to the whole deployment, an organisation's
/// to itself. A template of the same code and owner is replaced (its plans are unaffected);
/// a built-in template cannot be replaced.
pub async fn import(store: &Store, actor: &Actor, t: &Template) -> StoreResult<TemplateInfo> {
    save(store, actor, t, true).await
}

/// Stores a new template like [`import`], but refuses (`Duplicate` on `code`) when the actor's
/// organisation (or the deployment, for the operator) already has one of that code: replacing
/// a template is a change of an existing record.
pub async fn create(store: &Store, actor: &Actor, t: &Template) -> StoreResult<TemplateInfo> {
    save(store, actor, t, false).await
}

async fn save(
    store: &Store,
    actor: &Actor,
    t: &Template,
    replace: bool,
) -> StoreResult<TemplateInfo> {
    if matches!(actor, Actor::Reader { .. })
        || matches!(actor, Actor::Member { role, .. } if *role < Role::Editor)
    {
        return Err(StoreError::Forbidden(
            "importing templates needs an editor or administrator".into(),
        ));
    }
    let problems = validate(t);
    if !problems.is_empty() {
        return Err(Invalid(problems).into());
    }
    let owner = owner_key(actor);
    let existing = sqlx::query(
        "SELECT id, builtin, body, version FROM templates WHERE owner_key = $1 AND code = $2",
    )
    .bind(&owner)
    .bind(t.code.to_string())
    .fetch_optional(&store.pool)
    .await
    .map_err(StoreError::db("reading templates"))?;
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    let id = match existing {
        Some(r) if r.int("builtin")? != 0 => {
            return Err(Invalid::one(
                "code",
                format!(
                    "`{}` is a built-in template: give yours another code",
                    t.code
                ),
            )
            .into());
        }
        Some(_) if !replace => {
            return Err(StoreError::Duplicate {
                field: "code".into(),
                value: t.code.to_string(),
            });
        }
        Some(r) => {
            let id = r.text("id")?;
            let before: Template = from_json(&r.text("body")?, "template body")?;
            sqlx::query("UPDATE templates SET body = $1, name = $2, kind = $3, version = version + 1, updated_at = $4 WHERE id = $5 AND version = $6")
                .bind(json(t))
                .bind(json(&t.name))
                .bind(t.kind.as_str())
                .bind(now())
                .bind(&id)
                .bind(r.int("version")?)
                .execute(&mut *tx)
                .await
                .map_err(StoreError::db("replacing a template"))?;
            audit::record(
                &mut tx,
                actor,
                AuditAction::Update,
                "template",
                &id,
                None,
                Some(&before),
                Some(t),
            )
            .await?;
            id
        }
        None => {
            let id = TemplateId::new().to_string();
            insert(&mut tx, &id, &owner, false, t).await?;
            audit::record(
                &mut tx,
                actor,
                AuditAction::Create,
                "template",
                &id,
                None,
                None::<&()>,
                Some(t),
            )
            .await?;
            id
        }
    };
    tx.commit()
        .await
        .map_err(StoreError::db("saving a template"))?;
    let (info, _) = get(store, actor, &id).await?;
    Ok(info)
}

//! The organisation directory during an import, held in memory for the whole file: an
//! organisation named in an activity is matched by IATI identifier (case-insensitively), then
//! by the `XX-HO-{CODE}` stand-in that Handover's own export writes for an organisation without
//! one, then by name; one not found is added, with its name, its type (from the IATI
//! OrganisationType code) and its identifier. Added organisations are written chunk by chunk,
//! each with its audit entry.

use crate::StoreResult;
use crate::codec::{self, json};
use crate::error::StoreError;
use crate::exchange::sql;
use crate::rows::{Get, row};
use handover_core::actor::Actor;
use handover_core::audit::AuditAction;
use handover_core::ids::{AuditId, Code, OrgId};
use handover_core::org::{OrgType, Organisation};
use handover_formats::iati::{ImportOrg, OrgRole, plan_code, unique_code};
use sqlx::any::AnyRow;
use sqlx::{Any, AnyConnection, Transaction};
use std::collections::{HashMap, HashSet};

/// The directory as the import sees it.
#[derive(Debug, Default)]
pub(super) struct Directory {
    orgs: Vec<Organisation>,
    by_iati: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    by_code: HashMap<String, usize>,
    codes: HashSet<String>,
    /// Added and not yet written.
    fresh: Vec<usize>,
    /// Added in all.
    pub(super) added: usize,
}

impl Directory {
    /// Reads the whole directory.
    pub(super) async fn load(conn: &mut AnyConnection) -> StoreResult<Self> {
        let rows = sqlx::query(
            "SELECT id, code, name, org_type, region, union_id, iati_id, ministry, version \
             FROM organisations ORDER BY code",
        )
        .fetch_all(&mut *conn)
        .await
        .map_err(StoreError::db("reading the organisation directory"))?;
        let mut d = Directory::default();
        for r in &rows {
            d.push(from_row(r)?);
        }
        Ok(d)
    }

    fn push(&mut self, o: Organisation) -> usize {
        let i = self.orgs.len();
        if let Some(id) = &o.iati_id {
            self.by_iati.entry(id.to_ascii_uppercase()).or_insert(i);
        }
        self.by_name.entry(name_key(&o.name)).or_insert(i);
        self.by_code.insert(o.code.as_str().to_owned(), i);
        self.codes.insert(o.code.as_str().to_owned());
        self.orgs.push(o);
        i
    }

    /// An organisation by id.
    pub(super) fn get(&self, id: OrgId) -> Option<Organisation> {
        self.orgs.iter().find(|o| o.id == id).cloned()
    }

    /// The directory entry of an organisation named in an activity, added when missing;
    /// `None` when it has neither an identifier nor a name.
    pub(super) fn resolve(&mut self, o: &ImportOrg) -> Option<Organisation> {
        let iati = o
            .iati_ref
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let name = o.name.trim();
        let found = match iati {
            Some(r) => {
                let key = r.to_ascii_uppercase();
                self.by_iati.get(&key).copied().or_else(|| {
                    key.strip_prefix("XX-HO-")
                        .and_then(|c| self.by_code.get(&c.to_ascii_lowercase()))
                        .copied()
                        .filter(|i| self.orgs[*i].iati_id.is_none())
                })
            }
            None if !name.is_empty() => self.by_name.get(&name_key(name)).copied(),
            None => return None,
        };
        if let Some(i) = found {
            return Some(self.orgs[i].clone());
        }
        let base = plan_code(iati.unwrap_or(name));
        let code: Code = unique_code(&base, |c| self.codes.contains(c));
        let org = Organisation {
            id: OrgId::new(),
            code,
            name: if name.is_empty() {
                iati.unwrap_or_default().to_owned()
            } else {
                name.to_owned()
            },
            org_type: org_type(o.org_type.as_deref(), &o.roles),
            region: None,
            union_id: None,
            iati_id: iati.map(str::to_owned),
            ministry: false,
            version: 1,
        };
        let i = self.push(org.clone());
        self.fresh.push(i);
        self.added += 1;
        Some(org)
    }

    /// The organisations added since the last call, to write.
    pub(super) fn take_fresh(&mut self) -> Vec<Organisation> {
        std::mem::take(&mut self.fresh)
            .into_iter()
            .map(|i| self.orgs[i].clone())
            .collect()
    }
}

/// Names compare without case and surrounding spaces.
fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The directory's type for an IATI OrganisationType code; a funder of unknown type is a
/// development partner.
fn org_type(code: Option<&str>, roles: &[OrgRole]) -> OrgType {
    let funds = roles
        .iter()
        .any(|r| matches!(r, OrgRole::Funding | OrgRole::Extending));
    match code.map(str::trim) {
        Some("10") if !funds => OrgType::Ministry,
        Some("11") => OrgType::Municipality,
        Some("21" | "22" | "23" | "24") => OrgType::Ngo,
        Some("10" | "40" | "60") => OrgType::DevelopmentPartner,
        Some("70" | "71" | "72" | "73") => OrgType::PrivateCompany,
        Some("80") => OrgType::ResearchOrTraining,
        _ if funds => OrgType::DevelopmentPartner,
        _ => OrgType::Other,
    }
}

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

/// Writes added organisations, each with its audit entry.
pub(super) async fn insert(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    orgs: &[Organisation],
    stamp: &str,
) -> StoreResult<()> {
    let rows = orgs
        .iter()
        .map(|o| {
            row![
                o.id.to_string(),
                o.code.to_string(),
                o.name.clone(),
                o.org_type.as_str(),
                o.iati_id.clone(),
                0i64,
                o.version,
                stamp,
                stamp,
            ]
        })
        .collect();
    sql::insert(
        tx,
        "organisations",
        &[
            "id",
            "code",
            "name",
            "org_type",
            "iati_id",
            "ministry",
            "version",
            "created_at",
            "updated_at",
        ],
        rows,
    )
    .await?;
    let audit = orgs
        .iter()
        .map(|o| {
            row![
                AuditId::new().to_string(),
                stamp,
                actor.label(),
                AuditAction::Import.as_str(),
                "organisation",
                o.id.to_string(),
                None::<String>,
                None::<String>,
                json(o),
            ]
        })
        .collect();
    super::rows::insert_audit(tx, audit).await
}

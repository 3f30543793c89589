//! One chunk of activities: what each one becomes (a new plan, an update, unchanged, or a
//! conflict), then the chunk's writes: organisations added to the directory, new plans with a
//! few multi-row statements, and updates one plan at a time.

use super::{State, directory, rows, update};
use crate::StoreResult;
use crate::codec::{json, now};
use crate::error::StoreError;
use crate::exchange::hash::content_hash;
use crate::exchange::report::Conflict;
use crate::exchange::sql::bind;
use crate::framework::id_list;
use crate::plans::access_with;
use crate::rows::{Arg, Get, row};
use handover_core::actor::Access;
use handover_core::audit::AuditAction;
use handover_core::ids::{AuditId, Code, OrgId, PlanId};
use handover_core::org::Organisation;
use handover_core::plan::PlanTree;
use handover_formats::iati::{ImportPlan, OrgRole, TreeOptions, unique_code};
use serde_json::json;
use std::collections::{HashMap, HashSet};

/// A plan imported before from an activity of the chunk, as recorded and as it is now.
#[derive(Clone, Debug)]
pub(super) struct Existing {
    pub plan: PlanId,
    pub code: String,
    pub hash: String,
    pub plan_version: i64,
    pub framework_version: i64,
    pub audit_entries: i64,
    pub now_version: i64,
    pub now_framework: i64,
    pub now_audit: i64,
}

impl Existing {
    /// What changed in Handover since the last import, if anything.
    fn edited(&self) -> Option<String> {
        if self.now_framework != self.framework_version {
            Some(format!(
                "its results framework was changed in Handover since its last import (framework version {}, imported at {})",
                self.now_framework, self.framework_version
            ))
        } else if self.now_version != self.plan_version {
            Some(format!(
                "the plan was changed in Handover since its last import (version {}, imported at {})",
                self.now_version, self.plan_version
            ))
        } else if self.now_audit != self.audit_entries {
            Some(format!(
                "{} change(s) were recorded on the plan in Handover since its last import",
                self.now_audit - self.audit_entries
            ))
        } else {
            None
        }
    }
}

/// The parties of an imported activity as found (or added) in the directory.
#[derive(Debug, Default)]
pub(super) struct Parties {
    /// Every participating organisation found, in order, each once.
    pub orgs: Vec<Organisation>,
    pub roles: Vec<(OrgId, OrgRole)>,
}

impl Parties {
    /// The partners of a plan owned by `owner`.
    pub fn partners(&self, owner: OrgId) -> Vec<Organisation> {
        self.orgs
            .iter()
            .filter(|o| o.id != owner)
            .cloned()
            .collect()
    }
}

/// Decides and (unless the import does not write) writes one chunk.
pub(super) async fn process(st: &mut State<'_>, chunk: Vec<ImportPlan>) -> StoreResult<()> {
    let existing = if st.links_exist {
        lookup(st, &chunk).await?
    } else {
        HashMap::new()
    };
    let mut creates = Vec::new();
    let mut updates = Vec::new();
    let mut repeats = HashSet::new();
    for plan in chunk {
        st.report.note(&plan.identifier, &plan.notes);
        if let Some(note) = super::tree::repeated(&plan) {
            st.report.note(&plan.identifier, &[note]);
            repeats.insert(plan.identifier.clone());
        }
        let Some(e) = existing.get(&plan.identifier) else {
            creates.push(plan);
            continue;
        };
        let hash = content_hash(&plan);
        if hash == e.hash {
            st.report.unchanged += 1;
            continue;
        }
        let blocker = match access_with(&mut *st.tx, st.actor, e.plan).await {
            Err(StoreError::NotFound(_)) => Some((
                None,
                "it was imported before as a plan outside your organisation's scope, which cannot be changed from here".to_owned(),
            )),
            Err(other) => return Err(other),
            Ok((a, _)) if a < Access::Edit => Some((
                Some(e.code.clone()),
                "your organisation may not change this plan".to_owned(),
            )),
            Ok(_) if !st.options.overwrite => e.edited().map(|why| (Some(e.code.clone()), why)),
            Ok(_) => None,
        };
        if let Some((plan_code, reason)) = blocker {
            st.report.conflicts.push(Conflict {
                identifier: plan.identifier.clone(),
                plan: plan_code,
                reason,
            });
            if !st.options.skip_conflicts {
                st.blocked = true;
            }
            continue;
        }
        updates.push((plan, e.clone(), hash));
    }
    st.report.created += creates.len();
    st.report.updated += updates.len();
    let create_parties: Vec<Parties> = creates.iter().map(|p| parties(st, p)).collect();
    let update_parties: Vec<Parties> = updates.iter().map(|(p, ..)| parties(st, p)).collect();
    if !st.writing() {
        return Ok(());
    }
    let stamp = now();
    let fresh = st.directory.take_fresh();
    directory::insert(&mut st.tx, st.actor, &fresh, &stamp).await?;
    create(st, creates, create_parties, &repeats, &stamp).await?;
    for ((plan, e, hash), parties) in updates.iter().zip(&update_parties) {
        let repeated = repeats.contains(&plan.identifier);
        update::apply(st, plan, e, hash, parties, repeated, &stamp).await?;
    }
    Ok(())
}

/// The activity's participating organisations in the directory (added when missing).
fn parties(st: &mut State<'_>, p: &ImportPlan) -> Parties {
    let mut out = Parties::default();
    for o in &p.participants {
        let Some(org) = st.directory.resolve(o) else {
            continue;
        };
        for r in &o.roles {
            if !out.roles.contains(&(org.id, *r)) {
                out.roles.push((org.id, *r));
            }
        }
        if !out.orgs.iter().any(|x| x.id == org.id) {
            out.orgs.push(org);
        }
    }
    out
}

/// Writes the chunk's new plans.
async fn create(
    st: &mut State<'_>,
    plans: Vec<ImportPlan>,
    parties: Vec<Parties>,
    repeats: &HashSet<String>,
    stamp: &str,
) -> StoreResult<()> {
    if plans.is_empty() {
        return Ok(());
    }
    let codes = codes_for(st, &plans).await?;
    let mut trees: Vec<PlanTree> = Vec::with_capacity(plans.len());
    for ((p, parties), code) in plans.iter().zip(&parties).zip(codes) {
        let partners = parties.partners(st.owner.id);
        let mut tree = p.to_tree(&TreeOptions {
            owner: &st.owner,
            partners: &partners,
            fallback_start: st.options.fallback_start,
            fallback_currency: &st.options.fallback_currency,
        });
        tree.plan.code = code;
        if repeats.contains(&p.identifier) {
            super::tree::one_value_each(&mut tree);
        }
        trees.push(tree);
    }
    let refs: Vec<&PlanTree> = trees.iter().collect();
    rows::plans(&mut st.tx, &refs, stamp).await?;
    let periods: Vec<_> = trees.iter().flat_map(|t| &t.periods).collect();
    rows::periods(&mut st.tx, &periods).await?;
    let results: Vec<_> = trees.iter().flat_map(|t| &t.results).collect();
    let indicators: Vec<_> = trees.iter().flat_map(|t| &t.indicators).collect();
    let values: Vec<_> = trees.iter().flat_map(|t| &t.values).collect();
    rows::framework(&mut st.tx, &results, &indicators, &values).await?;
    let hashes: Vec<String> = plans.iter().map(content_hash).collect();
    let links: Vec<rows::Link<'_>> = plans
        .iter()
        .zip(&trees)
        .zip(&hashes)
        .zip(&parties)
        .map(|(((p, t), h), parties)| rows::Link {
            plan: t.plan.id,
            identifier: &p.identifier,
            hash: h,
            plan_version: t.plan.version,
            framework_version: 1,
            audit_entries: 1,
            dates: &p.dates,
            budgets: &p.budgets,
            roles: &parties.roles,
        })
        .collect();
    let source = st.options.source.as_deref();
    rows::links(&mut st.tx, &links, source, stamp).await?;
    let audit: Vec<Vec<Arg>> = plans
        .iter()
        .zip(&trees)
        .zip(&hashes)
        .map(|((p, t), h)| {
            row![
                AuditId::new().to_string(),
                stamp,
                st.actor.label(),
                AuditAction::Import.as_str(),
                "plan",
                t.plan.id.to_string(),
                t.plan.id.to_string(),
                None::<String>,
                json(&summary(p, t, h, source)),
            ]
        })
        .collect();
    rows::insert_audit(&mut st.tx, audit).await
}

/// What the audit trail keeps of an imported plan: where it came from, its header and counts.
pub(super) fn summary(
    p: &ImportPlan,
    t: &PlanTree,
    hash: &str,
    source: Option<&str>,
) -> serde_json::Value {
    json!({
        "identifier": p.identifier,
        "source": source,
        "content_hash": hash,
        "plan": t.plan,
        "parties": t.parties.iter().map(|o| o.code.as_str()).collect::<Vec<_>>(),
        "periods": t.periods.len(),
        "results": t.results.len(),
        "indicators": t.indicators.len(),
        "values": t.values.len(),
        "budgets": p.budgets.len(),
        "notes": p.notes,
    })
}

/// The chunk's activities already imported, by identifier.
async fn lookup(
    st: &mut State<'_>,
    chunk: &[ImportPlan],
) -> StoreResult<HashMap<String, Existing>> {
    let ids: Vec<&str> = chunk.iter().map(|p| p.identifier.as_str()).collect();
    let (marks, values) = id_list(&ids, 1);
    let sql = format!(
        "SELECT l.plan_id, l.identifier, l.content_hash, l.plan_version, l.framework_version, l.audit_entries, \
         p.code, p.version AS now_version, p.framework_version AS now_framework, \
         (SELECT COUNT(*) FROM audit_log a WHERE a.plan_id = l.plan_id) AS now_audit \
         FROM iati_links l JOIN plans p ON p.id = l.plan_id WHERE l.identifier IN ({marks})"
    );
    let rows = sqlx::query_with(&sql, bind(values)?)
        .fetch_all(&mut *st.tx)
        .await
        .map_err(StoreError::db("reading the IATI links"))?;
    let mut out = HashMap::new();
    for r in &rows {
        out.insert(
            r.text("identifier")?,
            Existing {
                plan: crate::codec::id(&r.text("plan_id")?)?,
                code: r.text("code")?,
                hash: r.text("content_hash")?,
                plan_version: r.int("plan_version")?,
                framework_version: r.int("framework_version")?,
                audit_entries: r.int("audit_entries")?,
                now_version: r.int("now_version")?,
                now_framework: r.int("now_framework")?,
                now_audit: r.int("now_audit")?,
            },
        );
    }
    Ok(out)
}

/// Each new plan's code: its own, or with `-2`, `-3`… when another plan has it.
async fn codes_for(st: &mut State<'_>, plans: &[ImportPlan]) -> StoreResult<Vec<Code>> {
    let bases: Vec<&str> = plans.iter().map(|p| p.code.as_str()).collect();
    let (marks, values) = id_list(&bases, 1);
    let sql = format!("SELECT code FROM plans WHERE code IN ({marks})");
    let rows = sqlx::query_with(&sql, bind(values)?)
        .fetch_all(&mut *st.tx)
        .await
        .map_err(StoreError::db("reading plan codes"))?;
    let mut taken: HashSet<String> = rows
        .iter()
        .map(|r| r.text("code"))
        .collect::<Result<_, _>>()?;
    let mut out = Vec::with_capacity(plans.len());
    for p in plans {
        let base = &p.code;
        if taken.contains(base.as_str()) || st.codes.contains(base.as_str()) {
            // Every code that could be a suffixed form of this one.
            let stem: String = base.as_str().chars().take(30).collect();
            let like = sqlx::query("SELECT code FROM plans WHERE code LIKE $1")
                .bind(format!("{stem}%"))
                .fetch_all(&mut *st.tx)
                .await
                .map_err(StoreError::db("reading plan codes"))?;
            for r in &like {
                taken.insert(r.text("code")?);
            }
        }
        let code = unique_code(base, |c| taken.contains(c) || st.codes.contains(c));
        st.codes.insert(code.as_str().to_owned());
        out.push(code);
    }
    Ok(out)
}

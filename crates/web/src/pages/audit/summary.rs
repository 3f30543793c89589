//! An audit entry told in words: what record it is about (`7. Consultations…`, `1.1.1`,
//! `Q2 · Union of Tyre`) and, for a change, each field that changed with its value before and
//! after — texts in the page's language, statuses and other coded values from the catalogue,
//! ids as the names of what they point to, long values shortened.

use crate::i18n::Ui;
use crate::pages::plan::{activity_number, number_of, period_name, when};
use handover_core::audit::{AuditAction, AuditEntry};
use handover_core::plan::{PlanStatus, PlanTree, ProgressStatus};
use handover_core::reporting::ReportStatus;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The longest value shown whole.
const LONGEST: usize = 120;
/// The most changed fields listed for one entry.
const MOST: usize = 12;

/// One changed field.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Change {
    /// The field's name in the page's language (or as stored when it has none).
    pub(super) field: String,
    pub(super) before: String,
    pub(super) after: String,
}

/// What an entry says.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Summary {
    /// The record's name (may be empty).
    pub(super) record: String,
    pub(super) changes: Vec<Change>,
    /// Changed fields not listed.
    pub(super) more: usize,
}

/// The names of what a plan's ids point to.
#[derive(Debug)]
pub(super) struct Names(HashMap<String, String>);

impl Names {
    pub(super) fn of(ui: Ui, tree: &PlanTree) -> Self {
        let mut m = HashMap::new();
        m.insert(
            tree.plan.id.to_string(),
            ui.text(&tree.plan.name).to_owned(),
        );
        for o in &tree.parties {
            m.insert(o.id.to_string(), o.name.clone());
        }
        for p in &tree.periods {
            m.insert(p.id.to_string(), period_name(ui, p));
        }
        for ms in &tree.milestones {
            m.insert(
                ms.id.to_string(),
                ui.ta("audit-milestone-n", "number", &ui.int(i64::from(ms.number))),
            );
        }
        for a in &tree.activities {
            m.insert(
                a.id.to_string(),
                ui.ta("plan-activity-n", "number", &number_of(ui, a)),
            );
        }
        for r in &tree.results {
            m.insert(r.id.to_string(), shorten(ui.text(&r.title)));
        }
        for i in &tree.indicators {
            m.insert(i.id.to_string(), i.code.clone());
        }
        Self(m)
    }

    fn get(&self, id: &str) -> Option<&str> {
        self.0.get(id).map(String::as_str)
    }
}

/// The catalogue key of a kind of record, when it has one.
pub(super) fn entity_key(entity: &str) -> Option<&'static str> {
    Some(match entity {
        "plan" => "audit-entity-plan",
        "plan_status" => "audit-entity-plan-status",
        "milestone" => "audit-entity-milestone",
        "activity" => "audit-entity-activity",
        "result" => "audit-entity-result",
        "indicator" => "audit-entity-indicator",
        "indicator_value" => "audit-entity-indicator-value",
        "risk" => "audit-entity-risk",
        "endorsement" => "audit-entity-endorsement",
        "report" => "audit-entity-report",
        "handover_item" => "audit-entity-handover-item",
        "organisation" => "audit-entity-organisation",
        "user" => "audit-entity-user",
        "membership" => "audit-entity-membership",
        "api_token" => "audit-entity-api-token",
        "session" => "audit-entity-session",
        "template" => "audit-entity-template",
        "cost_line" => "audit-entity-cost-line",
        "cost_lines" => "audit-entity-cost-lines",
        "budget_version" => "audit-entity-budget-version",
        "expenditure" => "audit-entity-expenditure",
        "finance_settings" => "audit-entity-finance-settings",
        "aoc" => "audit-entity-aoc",
        "exchange_rate" => "audit-entity-exchange-rate",
        "exchange_rates" => "audit-entity-exchange-rates",
        _ => return None,
    })
}

/// The catalogue key of an action.
pub(super) fn action_key(a: AuditAction) -> &'static str {
    match a {
        AuditAction::Create => "audit-action-create",
        AuditAction::Update => "audit-action-update",
        AuditAction::Delete => "audit-action-delete",
        AuditAction::Import => "audit-action-import",
    }
}

/// The fields with a name in the catalogue (`audit-field-…`).
pub(super) const FIELDS: &[&str] = &[
    "title",
    "name",
    "status",
    "objective",
    "rationale",
    "description",
    "assumptions",
    "statement",
    "code",
    "number",
    "position",
    "parent",
    "level",
    "measure",
    "unit",
    "direction",
    "cumulation",
    "baselines",
    "data_source",
    "overdue",
    "collection_method",
    "frequency",
    "responsible",
    "proposed_by",
    "validated_by",
    "planned",
    "actual_start",
    "actual_end",
    "leads",
    "needs",
    "financial_description",
    "value",
    "comment",
    "evidence",
    "dimensions",
    "kind",
    "period_id",
    "indicator_id",
    "result_id",
    "activity_id",
    "milestone_id",
    "organisation_id",
    "report_due_days",
    "review_comment",
    "submitted_by",
    "submitted_at",
    "reviewed_by",
    "reviewed_at",
    "reported_by",
    "reported_at",
    "actuals",
    "likelihood",
    "impact",
    "mitigation",
    "owner",
    "review_date",
    "due",
    "owner_confirmation",
    "partner_confirmation",
    "framework_version",
    "signed_by",
    "signed_at",
    "baseline",
    "handover_revision",
    "signed_on",
    "agreement",
    "category",
    "unit_price",
    "currency",
    "funder",
    "quantities",
    "rate_type",
    "amount",
    "date",
    "cost_line_id",
    "lines",
    "purpose",
    "rate",
    "base",
    "quote",
    "source",
];

/// Coded values with a name in the catalogue (`audit-value-<field>-<value>`).
pub(super) const CODED: &[(&str, &[&str])] = &[
    ("level", &["output", "outcome", "impact", "other"]),
    (
        "measure",
        &["unit", "percentage", "nominal", "ordinal", "qualitative"],
    ),
    ("direction", &["up", "down"]),
    (
        "frequency",
        &["monthly", "quarterly", "semi_annual", "annual", "once"],
    ),
    ("cumulation", &["cumulative", "non_cumulative"]),
    (
        "kind",
        &[
            "target",
            "actual",
            "function",
            "staff_costs",
            "asset",
            "data",
        ],
    ),
];

/// The catalogue key of a field's name.
pub(super) fn field_key(field: &str) -> Option<String> {
    FIELDS
        .contains(&field)
        .then(|| format!("audit-field-{}", field.replace('_', "-")))
}

/// The catalogue key of a coded value.
pub(super) fn coded_key(field: &str, value: &str) -> Option<String> {
    CODED
        .iter()
        .find(|(f, values)| *f == field && values.contains(&value))
        .map(|(f, _)| format!("audit-value-{f}-{}", value.replace('_', "-")))
}

/// The catalogue key of a status, read as the kind of record it belongs to.
fn status_key(entity: &str, s: &str) -> Option<String> {
    match entity {
        "plan" | "plan_status" => PlanStatus::parse(s)
            .ok()
            .map(|x| format!("status-{}", x.as_str())),
        "activity" => ProgressStatus::parse(s)
            .ok()
            .map(|x| format!("plan-progress-{}", x.as_str())),
        "report" => ReportStatus::parse(s)
            .ok()
            .map(|x| format!("audit-report-{}", x.as_str())),
        "risk" => ["open", "monitoring", "closed"]
            .contains(&s)
            .then(|| format!("audit-risk-{s}")),
        _ => None,
    }
}

/// Fields that change with every write and say nothing to a reader.
const QUIET: &[&str] = &["version", "id", "plan_id", "updated_at", "created_at"];

/// Shortens a text to [`LONGEST`] characters.
fn shorten(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() > LONGEST {
        let cut: String = s.chars().take(LONGEST - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        s.to_owned()
    }
}

/// A domain `Text` as JSON (`{"en": …, "fr": …}`), in the page's language.
fn as_text(ui: Ui, m: &Map<String, Value>) -> Option<String> {
    if m.is_empty()
        || !m
            .iter()
            .all(|(k, v)| ["en", "fr", "ar"].contains(&k.as_str()) && v.is_string())
    {
        return None;
    }
    let want = ui.code();
    [want, "en", "fr", "ar"]
        .iter()
        .find_map(|l| m.get(*l).and_then(Value::as_str))
        .map(shorten)
}

/// The record itself inside a snapshot (`{"activity": {…}, "results": […]}`).
fn record<'a>(entity: &str, v: &'a Value) -> Option<&'a Map<String, Value>> {
    let m = v.as_object()?;
    match m.get(entity).and_then(Value::as_object) {
        Some(inner) => Some(inner),
        None => Some(m),
    }
}

/// A value as a reader sees it.
fn show(ui: Ui, names: &Names, entity: &str, field: &str, v: &Value) -> String {
    match v {
        Value::Null => "—".to_owned(),
        Value::Bool(b) => ui.t(if *b { "yes" } else { "no" }),
        Value::Number(n) => ui.num(&n.to_string()),
        Value::String(s) => {
            if field == "status"
                && let Some(k) = status_key(entity, s)
            {
                return ui.t(&k);
            }
            if let Some(k) = coded_key(field, s) {
                return ui.t(&k);
            }
            if let Some(name) = names.get(s) {
                return name.to_owned();
            }
            if s.len() == 10 && handover_core::calendar::parse_date(s).is_ok() {
                return ui.date_text(s);
            }
            if let Ok(t) =
                time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
            {
                return when(ui, t);
            }
            shorten(s)
        }
        Value::Object(m) => {
            if m.is_empty() {
                return "—".to_owned();
            }
            if let Some(t) = as_text(ui, m) {
                return t;
            }
            if let (Some(s), Some(e)) = (
                m.get("start").and_then(Value::as_u64),
                m.get("end").and_then(Value::as_u64),
            ) {
                let q =
                    |n: u64| crate::pages::plan::quarter_name(ui, u16::try_from(n).unwrap_or(0));
                return format!("{}–{}", q(s), q(e));
            }
            if let Some(id) = m.get("id").and_then(Value::as_str)
                && let Some(name) = names.get(id)
            {
                return name.to_owned();
            }
            if let (Some(by), Some(at)) = (m.get("by").and_then(Value::as_str), m.get("at")) {
                return format!("{by}, {}", show(ui, names, entity, "at", at));
            }
            shorten(&v.to_string())
        }
        Value::Array(items) => {
            if items.is_empty() {
                return "—".to_owned();
            }
            if items.len() <= 6 && items.iter().all(Value::is_string) {
                return items
                    .iter()
                    .map(|i| show(ui, names, entity, field, i))
                    .collect::<Vec<_>>()
                    .join(", ");
            }
            ui.tn("audit-n-items", items.len() as i64)
        }
    }
}

/// The field's name as a reader sees it.
fn field_name(ui: Ui, field: &str) -> String {
    match field_key(field) {
        Some(k) => ui.t(&k),
        None => field.to_owned(),
    }
}

/// The name of the record an entry is about.
fn record_name(ui: Ui, names: &Names, entity: &str, m: &Map<String, Value>) -> String {
    let s = |k: &str| m.get(k).and_then(Value::as_str);
    let text = |k: &str| {
        m.get(k)
            .and_then(Value::as_object)
            .and_then(|t| as_text(ui, t))
    };
    let name = |k: &str| s(k).and_then(|id| names.get(id)).map(str::to_owned);
    let join = |parts: Vec<Option<String>>| {
        parts
            .into_iter()
            .flatten()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    };
    match entity {
        "activity" | "milestone" => {
            let number = m
                .get("number")
                .and_then(Value::as_u64)
                .map(|n| activity_number(ui, n, m.get("instance").and_then(Value::as_u64)));
            let title = text("title").unwrap_or_default();
            match number {
                Some(n) => format!("{n}. {title}"),
                None => title,
            }
        }
        "indicator" => join(vec![s("code").map(str::to_owned), text("statement")]),
        "indicator_value" => join(vec![
            name("indicator_id"),
            name("period_id"),
            s("kind")
                .and_then(|k| coded_key("kind", k))
                .map(|k| ui.t(&k)),
        ]),
        "report" => join(vec![name("period_id"), name("organisation_id")]),
        "endorsement" => join(vec![
            m.get("framework_version")
                .and_then(Value::as_i64)
                .map(|v| ui.ta("audit-framework-version", "version", &ui.int(v))),
            name("organisation_id"),
        ]),
        "plan_status" => String::new(),
        _ => ["title", "name", "statement", "description"]
            .iter()
            .find_map(|k| text(k).or_else(|| s(k).map(shorten)))
            .or_else(|| {
                ["code", "email", "label"]
                    .iter()
                    .find_map(|k| s(k).map(str::to_owned))
            })
            .unwrap_or_default(),
    }
}

/// What `e` says, in the page's language.
pub(super) fn summarise(ui: Ui, names: &Names, e: &AuditEntry) -> Summary {
    let entity = e.entity.as_str();
    let before = e.before.as_ref().and_then(|v| record(entity, v));
    let after = e.after.as_ref().and_then(|v| record(entity, v));
    let shown = after.or(before);
    let record = shown
        .map(|m| record_name(ui, names, entity, m))
        .unwrap_or_default();
    let (Some(b), Some(a)) = (before, after) else {
        return Summary {
            record,
            changes: vec![],
            more: 0,
        };
    };
    let mut fields: Vec<&String> = a.keys().collect();
    fields.extend(b.keys().filter(|k| !a.contains_key(*k)));
    let null = Value::Null;
    let mut changes: Vec<Change> = fields
        .into_iter()
        .filter(|f| !QUIET.contains(&f.as_str()))
        .filter_map(|f| {
            let (was, now) = (b.get(f).unwrap_or(&null), a.get(f).unwrap_or(&null));
            (was != now).then(|| Change {
                field: field_name(ui, f),
                before: show(ui, names, entity, f, was),
                after: show(ui, names, entity, f, now),
            })
        })
        .collect();
    let more = changes.len().saturating_sub(MOST);
    changes.truncate(MOST);
    Summary {
        record,
        changes,
        more,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use handover_core::ids::{AuditId, PlanId};
    use handover_core::text::Lang;
    use serde_json::json;

    fn entry(
        entity: &str,
        action: AuditAction,
        before: Option<Value>,
        after: Option<Value>,
    ) -> AuditEntry {
        AuditEntry {
            id: AuditId::new(),
            at: time::OffsetDateTime::UNIX_EPOCH,
            actor: "rana@example.org".into(),
            action,
            entity: entity.into(),
            entity_id: "x".into(),
            plan_id: Some(PlanId::new()),
            before,
            after,
        }
    }

    fn no_names() -> Names {
        Names(HashMap::new())
    }

    #[test]
    fn a_change_lists_the_fields_that_changed_in_words() {
        let ui = Ui::new(Lang::Fr);
        let e = entry(
            "activity",
            AuditAction::Update,
            Some(
                json!({"number": 7, "title": {"en": "Agreement", "fr": "Accord"}, "status": "not_started", "version": 3, "planned": {"start": 1, "end": 2}}),
            ),
            Some(
                json!({"number": 7, "title": {"en": "Agreement", "fr": "Accord"}, "status": "started", "version": 4, "planned": {"start": 1, "end": 3}}),
            ),
        );
        let s = summarise(ui, &no_names(), &e);
        assert_eq!(s.record, "7. Accord");
        assert_eq!(s.changes.len(), 2, "{s:?}");
        let status = s
            .changes
            .iter()
            .find(|c| c.before == ui.t("plan-progress-not_started"))
            .unwrap();
        assert_eq!(status.field, ui.t("audit-field-status"));
        assert_eq!(status.after, ui.t("plan-progress-started"));
        let planned = s
            .changes
            .iter()
            .find(|c| c.field == ui.t("audit-field-planned"))
            .unwrap();
        assert_eq!(
            (planned.before.as_str(), planned.after.as_str()),
            ("T1–T2", "T1–T3")
        );
    }

    #[test]
    fn a_creation_names_its_record_and_long_values_are_shortened() {
        let ui = Ui::new(Lang::En);
        let e = entry(
            "plan",
            AuditAction::Create,
            None,
            Some(json!({"plan": {"name": {"en": "Tyre transition"}}, "milestones": []})),
        );
        let s = summarise(ui, &no_names(), &e);
        assert_eq!(s.record, "Tyre transition");
        assert!(s.changes.is_empty());
        let long = "x".repeat(500);
        let shown = show(ui, &no_names(), "risk", "description", &Value::String(long));
        assert_eq!(shown.chars().count(), LONGEST);
        assert!(shown.ends_with('…'));
        assert_eq!(
            show(
                ui,
                &no_names(),
                "plan_status",
                "status",
                &json!("in_progress")
            ),
            ui.t("status-in_progress")
        );
        assert_eq!(
            show(
                ui,
                &no_names(),
                "indicator",
                "measure",
                &json!("qualitative")
            ),
            ui.t("audit-value-measure-qualitative")
        );
        assert_eq!(
            show(
                ui,
                &no_names(),
                "indicator",
                "baselines",
                &json!([{}, {}, {}])
            ),
            ui.tn("audit-n-items", 3)
        );
    }

    #[test]
    fn every_runtime_key_exists() {
        for lang in [Lang::En, Lang::Fr, Lang::Ar] {
            let ui = Ui::new(lang);
            let mut keys: Vec<String> = FIELDS.iter().filter_map(|f| field_key(f)).collect();
            keys.extend(
                CODED
                    .iter()
                    .flat_map(|(f, vs)| vs.iter().filter_map(|v| coded_key(f, v))),
            );
            for e in [
                "plan",
                "plan_status",
                "milestone",
                "activity",
                "result",
                "indicator",
                "indicator_value",
                "risk",
                "endorsement",
                "report",
                "handover_item",
                "organisation",
                "user",
                "membership",
                "api_token",
                "session",
                "template",
            ] {
                keys.push(entity_key(e).unwrap().to_owned());
            }
            for a in [
                AuditAction::Create,
                AuditAction::Update,
                AuditAction::Delete,
                AuditAction::Import,
            ] {
                keys.push(action_key(a).to_owned());
            }
            for s in ["draft", "submitted", "returned", "approved"] {
                keys.push(status_key("report", s).unwrap());
            }
            for s in ["open", "monitoring", "closed"] {
                keys.push(status_key("risk", s).unwrap());
            }
            for s in ProgressStatus::ALL {
                keys.push(status_key("activity", s.as_str()).unwrap());
            }
            for k in keys {
                assert!(
                    !ui.t(&k).starts_with("Unknown localization"),
                    "{lang:?}: {k}"
                );
            }
        }
    }
}

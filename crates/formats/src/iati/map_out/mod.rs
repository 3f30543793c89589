//! A plan as an IATI activity that respects the codelists and the results rules of the 2.03
//! ruleset: the owner reports; parties participate with their roles; titles and descriptions
//! in each content language; status and dates; budgets by quarter; every result with at least
//! one indicator (the schema wants one), each indicator with a reference (vocabulary 99, its
//! code, never on the result too: rule 8.11.1), baselines that have a value (8.8.1), its
//! periods with targets and actuals, their dimensions, and evidence as document links.
//! A qualitative value goes in the comment, not in `@value` (8.9.3), unless the comment is
//! taken, then in both. Results are mapped in [`results`].

mod results;

use results::indicator;

use super::model::{
    ActivityDate, BudgetKind, BudgetStatus, DateKind, ExportActivity, IatiBudget, IatiIndicator,
    IatiResult, LangTag, Narrative, Narratives, OrgRef, OrgRole, ParticipatingOrg, Sector,
};
use handover_core::calendar::add_months;
use handover_core::finance::Sum;
use handover_core::ids::OrgId;
use handover_core::org::{OrgType, Organisation};
use handover_core::plan::{PlanStatus, PlanTree};
use handover_core::text::{Lang, Text};
use std::collections::BTreeMap;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// A plan to export and what goes with it.
#[derive(Clone, Copy, Debug)]
pub struct ExportInput<'a> {
    pub tree: &'a PlanTree,
    /// The activity's IATI identifier (kept from an import); by default
    /// `{reporting-org ref}-{PLAN-CODE}`.
    pub identifier: Option<&'a str>,
    /// Budget totals by quarter number (`finance::Totals::by_quarter`), when finance exists.
    pub budget: Option<&'a BTreeMap<u16, Sum>>,
    /// Roles of parties; a party not named here is implementing (4) when it owns the plan,
    /// funding (1) when it is a partner.
    pub roles: &'a [(OrgId, OrgRole)],
    /// A DAC 5-digit sector code (rule 6.2.2 wants a sector); none by default.
    pub sector: Option<&'a str>,
    /// The activity's `last-updated-datetime`.
    pub updated: OffsetDateTime,
}

/// The activity, and what could not be exported.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Exported {
    pub activity: ExportActivity,
    pub notes: Vec<String>,
}

/// The IATI OrganisationType code of a directory organisation.
fn org_type(t: OrgType) -> &'static str {
    match t {
        OrgType::Municipality | OrgType::UnionOfMunicipalities => "11",
        OrgType::Ministry => "10",
        OrgType::DevelopmentPartner | OrgType::DevelopmentBank => "40",
        OrgType::PrivateCompany | OrgType::BusinessAssociation => "70",
        OrgType::Ngo | OrgType::FaithBased | OrgType::CommunityBased => "22",
        OrgType::ResearchOrTraining => "80",
        OrgType::WorkersOrganisation | OrgType::EmployersOrganisation | OrgType::Other => "90",
    }
}

/// The IATI identifier of an organisation; `XX-HO-{CODE}` when it has none.
fn org_ref(o: &Organisation) -> String {
    o.iati_id
        .clone()
        .unwrap_or_else(|| format!("XX-HO-{}", o.code.as_str().to_ascii_uppercase()))
}

/// Maps a plan to an activity.
pub fn map_out(input: &ExportInput<'_>) -> Exported {
    let t = input.tree;
    let p = &t.plan;
    let mut notes = Vec::new();
    let langs = &p.languages;
    let lang = langs.first().and_then(|l| LangTag::parse(l.code()));
    let owner = t.parties.iter().find(|o| o.id == p.owner);
    let reporting_ref = owner.map_or_else(|| "XX-HO-UNKNOWN".into(), org_ref);
    if owner.is_none_or(|o| o.iati_id.is_none()) {
        notes.push(format!(
            "the owner has no IATI organisation identifier: `{reporting_ref}` stands in"
        ));
    }
    let identifier = input.identifier.map_or_else(
        || format!("{reporting_ref}-{}", p.code.as_str().to_ascii_uppercase()),
        str::to_owned,
    );
    let name_only = |s: &str| {
        vec![Narrative {
            lang,
            text: s.to_owned(),
        }]
    };
    let mut title = narratives(&p.name, langs);
    if title.is_empty() {
        title = name_only(&identifier);
    }
    let needs = join_needs(t);
    let mut description = narratives(&needs, langs);
    if description.is_empty() {
        description.clone_from(&title);
    }
    let mut participating_orgs = Vec::new();
    for o in &t.parties {
        let mut roles: Vec<OrgRole> = input
            .roles
            .iter()
            .filter(|(id, _)| *id == o.id)
            .map(|(_, r)| *r)
            .collect();
        if roles.is_empty() {
            roles.push(if o.id == p.owner {
                OrgRole::Implementing
            } else {
                OrgRole::Funding
            });
        }
        for role in roles {
            participating_orgs.push(ParticipatingOrg {
                iati_ref: o.iati_id.clone(),
                role: Some(role),
                org_type: Some(org_type(o.org_type).into()),
                activity_id: None,
                name: name_only(&o.name),
            });
        }
    }
    let end = t
        .periods
        .iter()
        .map(|q| q.end)
        .max()
        .unwrap_or_else(|| {
            let next = add_months(p.start.date(), u32::from(p.quarters) * 3);
            next.previous_day().unwrap_or(next)
        })
        .max(p.start.date().next_day().unwrap_or(p.start.date()));
    let mut results = Vec::new();
    let mut ordered: Vec<_> = t.results.iter().collect();
    ordered.sort_by_key(|r| r.position);
    for r in ordered {
        let indicators: Vec<IatiIndicator> = t
            .indicators_of(r.id)
            .map(|i| indicator(t, i, lang, &mut notes))
            .collect();
        if indicators.is_empty() {
            notes.push(format!(
                "the {} `{}` has no indicator: IATI needs one, so it was not exported",
                r.level.as_str(),
                r.title.best(Lang::En)
            ));
            continue;
        }
        let mut title = narratives(&r.title, langs);
        if title.is_empty() {
            title = name_only(r.level.as_str());
        }
        results.push(IatiResult {
            level: Some(r.level),
            aggregation_status: None,
            title,
            description: narratives(&r.description, langs),
            document_links: vec![],
            references: vec![],
            indicators,
        });
    }
    let activity = ExportActivity {
        identifier,
        lang,
        default_currency: Some(p.currency.as_str().to_owned()),
        last_updated: input
            .updated
            .replace_nanosecond(0)
            .ok()
            .and_then(|u| u.format(&Rfc3339).ok()),
        reporting_org: Some(OrgRef {
            iati_ref: Some(reporting_ref),
            org_type: owner.map(|o| org_type(o.org_type).to_owned()),
            name: name_only(owner.map_or("", |o| o.name.as_str())),
        }),
        title,
        descriptions: vec![(Some("1".into()), description)],
        participating_orgs,
        status: Some(status_code(p.status).into()),
        dates: vec![
            ActivityDate {
                kind: Some(DateKind::PlannedStart),
                date: Some(p.start.date()),
            },
            ActivityDate {
                kind: Some(DateKind::PlannedEnd),
                date: Some(end),
            },
        ],
        sectors: input
            .sector
            .map(|c| Sector {
                vocabulary: Some("1".into()),
                code: c.to_owned(),
                percentage: None,
            })
            .into_iter()
            .collect(),
        budgets: budgets(t, input.budget, &mut notes),
        document_links: vec![],
        results,
    };
    Exported { activity, notes }
}

/// ActivityStatus code of a plan status.
fn status_code(s: PlanStatus) -> &'static str {
    match s {
        PlanStatus::Draft | PlanStatus::Endorsed => "1",
        PlanStatus::InProgress | PlanStatus::HandingOver => "2",
        PlanStatus::HandedOver => "3",
        PlanStatus::Closed => "4",
    }
}

/// The narratives of a text: each content language that has it, else every language it has.
fn narratives(t: &Text, langs: &[Lang]) -> Narratives {
    let mut out: Narratives = langs
        .iter()
        .filter_map(|l| t.get(*l).map(|s| (*l, s)))
        .map(|(l, s)| Narrative {
            lang: LangTag::parse(l.code()),
            text: s.to_owned(),
        })
        .collect();
    if out.is_empty() {
        out = t
            .iter()
            .map(|(l, s)| Narrative {
                lang: LangTag::parse(l.code()),
                text: s.to_owned(),
            })
            .collect();
    }
    out
}

/// The plan's needs, one paragraph each, per language.
fn join_needs(t: &PlanTree) -> Text {
    let mut out = Text::default();
    for l in Lang::ALL {
        let parts: Vec<&str> = t.needs.iter().filter_map(|n| n.text.get(l)).collect();
        out.set(l, parts.join("\n\n"));
    }
    out
}

fn budgets(
    t: &PlanTree,
    by_quarter: Option<&BTreeMap<u16, Sum>>,
    notes: &mut Vec<String>,
) -> Vec<IatiBudget> {
    let status = if t.plan.status >= PlanStatus::Endorsed {
        BudgetStatus::Committed
    } else {
        BudgetStatus::Indicative
    };
    let mut out = Vec::new();
    for (q, sum) in by_quarter.into_iter().flatten() {
        let Some(period) = t.periods.iter().find(|p| p.seq == *q) else {
            continue;
        };
        if period.end > add_months(period.start, 12) || period.end <= period.start {
            notes.push(format!(
                "the budget of {} was not exported: IATI budget periods last a year at most",
                period.label
            ));
            continue;
        }
        for (currency, amount) in &sum.0 {
            out.push(IatiBudget {
                kind: Some(BudgetKind::Original),
                status: Some(status),
                start: Some(period.start),
                end: Some(period.end),
                value: Some(*amount),
                original: None,
                currency: Some(currency.as_str().to_owned()),
                value_date: Some(period.start),
            });
        }
    }
    out
}

//! Building an [`IatiActivity`] from the checked elements as they stream by (results in
//! [`results`]). Values are read
//! leniently against the indicator's measure; the ruleset's value rules (8.8–8.10) and codes
//! outside their codelists are reported here.

mod results;

use super::check::{Attrs, Frame, problem};
use super::lenient::{self, Reading};
use super::model::{
    ActivityDate, BudgetKind, BudgetStatus, DateKind, DocumentLink, IatiActivity, IatiBaseline,
    IatiBudget, IatiPeriod, IatiResult, IatiTarget, LangTag, Narrative, Narratives, OrgRef,
    OrgRole, ParticipatingOrg, Sector,
};
use super::read::Problem;
use super::schema::K;
use handover_core::indicator::Measure;

/// Dimensions: `(name, value)` pairs.
type Pairs = Vec<(String, String)>;

/// The activity being read.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    act: IatiActivity,
    /// The current indicator's measure (`None`: missing or unknown; values read as numbers).
    measure: Option<Measure>,
    /// The current narrative's `xml:lang`.
    lang: Option<LangTag>,
}

fn owned(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn date(s: Option<&str>) -> Option<time::Date> {
    s.and_then(|s| lenient::date(s).value())
}

fn boolean(s: Option<&str>) -> Option<bool> {
    s.and_then(|s| lenient::boolean(s).value())
}

/// The kind of the ancestor `n` levels up (1: the parent).
fn up(anc: &[Frame], n: usize) -> Option<K> {
    anc.len().checked_sub(n).map(|i| anc[i].k)
}

impl Builder {
    /// The activity read so far; the builder is left empty.
    pub fn take(&mut self) -> IatiActivity {
        std::mem::take(&mut self.act)
    }

    fn result(&mut self) -> Option<&mut IatiResult> {
        self.act.results.last_mut()
    }

    fn indicator(&mut self) -> Option<&mut super::model::IatiIndicator> {
        self.result()?.indicators.last_mut()
    }

    fn period(&mut self) -> Option<&mut IatiPeriod> {
        self.indicator()?.periods.last_mut()
    }

    fn baseline(&mut self) -> Option<&mut IatiBaseline> {
        self.indicator()?.baselines.last_mut()
    }

    fn target(&mut self, k: K) -> Option<&mut IatiTarget> {
        let p = self.period()?;
        match k {
            K::Target => p.targets.last_mut(),
            K::Actual => p.actuals.last_mut(),
            _ => None,
        }
    }

    fn budget(&mut self) -> Option<&mut IatiBudget> {
        self.act.budgets.last_mut()
    }

    /// The document links of the element `owner`.
    fn docs(&mut self, owner: Option<K>) -> Option<&mut Vec<DocumentLink>> {
        match owner? {
            K::Activity => Some(&mut self.act.document_links),
            K::Result => Some(&mut self.result()?.document_links),
            K::Indicator => Some(&mut self.indicator()?.document_links),
            K::Baseline => Some(&mut self.baseline()?.document_links),
            k @ (K::Target | K::Actual) => Some(&mut self.target(k)?.document_links),
            _ => None,
        }
    }

    /// The dimensions and locations of a baseline, target or actual.
    fn disaggregated(&mut self, owner: Option<K>) -> Option<(&mut Pairs, &mut Vec<String>)> {
        match owner? {
            K::Baseline => self
                .baseline()
                .map(|b| (&mut b.dimensions, &mut b.locations)),
            k @ (K::Target | K::Actual) => self
                .target(k)
                .map(|t| (&mut t.dimensions, &mut t.locations)),
            _ => None,
        }
    }

    /// Where a narrative whose ancestors are `anc` belongs, if Handover keeps it.
    fn narratives(&mut self, anc: &[Frame]) -> Option<&mut Narratives> {
        match (up(anc, 1)?, up(anc, 2), up(anc, 3)) {
            (K::Title, Some(K::Activity), _) => Some(&mut self.act.title),
            (K::ActDescription, _, _) => Some(&mut self.act.descriptions.last_mut()?.1),
            (K::ReportingOrg, _, _) => Some(&mut self.act.reporting_org.as_mut()?.name),
            (K::ParticipatingOrg, _, _) => Some(&mut self.act.participating_orgs.last_mut()?.name),
            (K::Title, Some(K::Result), _) => Some(&mut self.result()?.title),
            (K::Description, Some(K::Result), _) => Some(&mut self.result()?.description),
            (K::Title, Some(K::Indicator), _) => Some(&mut self.indicator()?.title),
            (K::Description, Some(K::Indicator), _) => Some(&mut self.indicator()?.description),
            (K::Comment, Some(K::Baseline), _) => Some(&mut self.baseline()?.comment),
            (K::Comment, Some(k @ (K::Target | K::Actual)), _) => {
                Some(&mut self.target(k)?.comment)
            }
            (K::Title, Some(K::DocumentLink), owner) => {
                Some(&mut self.docs(owner)?.last_mut()?.title)
            }
            _ => None,
        }
    }

    /// An element starts (`anc`: its ancestors, the parent last).
    pub fn start(&mut self, f: &Frame, anc: &[Frame], a: &Attrs<'_>, out: &mut Vec<Problem>) {
        let parent = up(anc, 1);
        match f.k {
            K::Activity => {
                self.act = IatiActivity {
                    lang: a.lang.as_deref().and_then(LangTag::parse),
                    default_currency: owned(a.get("default-currency")),
                    last_updated: owned(a.get("last-updated-datetime")),
                    ..IatiActivity::default()
                };
            }
            K::Narrative => self.lang = a.lang.as_deref().and_then(LangTag::parse),
            K::ReportingOrg => {
                self.act.reporting_org = Some(OrgRef {
                    iati_ref: owned(a.get("ref")),
                    org_type: owned(a.get("type")),
                    name: vec![],
                });
            }
            K::ActDescription => self.act.descriptions.push((owned(a.get("type")), vec![])),
            K::ParticipatingOrg => {
                let role = a.get("role").and_then(OrgRole::from_code);
                code_check(
                    a.get("role"),
                    role.is_some(),
                    f,
                    "OrganisationRole (1–4)",
                    out,
                );
                self.act.participating_orgs.push(ParticipatingOrg {
                    iati_ref: owned(a.get("ref")),
                    role,
                    org_type: owned(a.get("type")),
                    activity_id: owned(a.get("activity-id")),
                    name: vec![],
                });
            }
            K::ActivityStatus if parent == Some(K::Activity) => {
                self.act.status = owned(a.get("code"));
            }
            K::ActivityDate => {
                let kind = a.get("type").and_then(DateKind::from_code);
                code_check(
                    a.get("type"),
                    kind.is_some(),
                    f,
                    "ActivityDateType (1–4)",
                    out,
                );
                self.act.dates.push(ActivityDate {
                    kind,
                    date: date(a.get("iso-date")),
                });
            }
            K::Sector if parent == Some(K::Activity) => self.act.sectors.push(Sector {
                vocabulary: owned(a.get("vocabulary")),
                code: a.get("code").unwrap_or_default().trim().to_owned(),
                percentage: a
                    .get("percentage")
                    .and_then(|p| lenient::decimal(p).value()),
            }),
            K::Budget => {
                let kind = a.get("type").and_then(|t| match t.trim() {
                    "1" => Some(BudgetKind::Original),
                    "2" => Some(BudgetKind::Revised),
                    _ => None,
                });
                code_check(a.get("type"), kind.is_some(), f, "BudgetType (1–2)", out);
                let status = a.get("status").and_then(|t| match t.trim() {
                    "1" => Some(BudgetStatus::Indicative),
                    "2" => Some(BudgetStatus::Committed),
                    _ => None,
                });
                code_check(
                    a.get("status"),
                    status.is_some(),
                    f,
                    "BudgetStatus (1–2)",
                    out,
                );
                self.act.budgets.push(IatiBudget {
                    kind,
                    status,
                    ..IatiBudget::default()
                });
            }
            K::PeriodStart | K::PeriodEnd => {
                let d = date(a.get("iso-date"));
                let start = f.k == K::PeriodStart;
                match parent {
                    Some(K::Budget) => {
                        if let Some(b) = self.budget() {
                            *if start { &mut b.start } else { &mut b.end } = d;
                        }
                    }
                    Some(K::Period) => {
                        if let Some(p) = self.period() {
                            *if start { &mut p.start } else { &mut p.end } = d;
                        }
                    }
                    _ => {}
                }
            }
            K::Value if parent == Some(K::Budget) => {
                let currency = owned(a.get("currency"));
                let value_date = date(a.get("value-date"));
                if let Some(b) = self.budget() {
                    b.currency = currency;
                    b.value_date = value_date;
                }
            }
            K::DocumentLink => {
                let link = DocumentLink {
                    url: a.get("url").unwrap_or_default().trim().to_owned(),
                    format: owned(a.get("format")),
                    ..DocumentLink::default()
                };
                if let Some(d) = self.docs(parent) {
                    d.push(link);
                }
            }
            K::CodeOnly | K::IsoDate if parent == Some(K::DocumentLink) => {
                let owner = up(anc, 2);
                let code = owned(a.get("code"));
                let d = date(a.get("iso-date"));
                if let Some(link) = self.docs(owner).and_then(|d| d.last_mut()) {
                    match (f.name, code) {
                        ("category", Some(c)) => link.categories.push(c),
                        ("document-date", _) => link.date = d,
                        _ => {}
                    }
                }
            }
            K::Result
            | K::Indicator
            | K::ResultReference
            | K::IndicatorReference
            | K::Baseline
            | K::Period
            | K::Target
            | K::Actual
            | K::Dimension
            | K::ResultLocation => self.start_result_part(f, parent, a, out),
            _ => {}
        }
    }

    /// An element ends; `text` is its text when it holds text.
    pub fn end(&mut self, f: &Frame, anc: &[Frame], text: &str, _out: &mut Vec<Problem>) {
        match f.k {
            K::Identifier if up(anc, 1) == Some(K::Activity) => {
                self.act.identifier = text.trim().to_owned();
            }
            K::Narrative => {
                let lang = self.lang.take();
                if let Some(n) = self.narratives(anc) {
                    n.push(Narrative {
                        lang,
                        text: text.trim().to_owned(),
                    });
                }
            }
            K::Value if up(anc, 1) == Some(K::Budget) => {
                let r = lenient::decimal(text);
                let exact = matches!(r, Reading::Exact(_));
                if let Some(b) = self.budget() {
                    b.value = r.value();
                    b.original = (!exact).then(|| text.trim().to_owned());
                }
            }
            K::Indicator => self.measure = None,
            _ => {}
        }
    }
}

/// Reports a code that is present but not in its codelist.
fn code_check(raw: Option<&str>, known: bool, f: &Frame, list: &str, out: &mut Vec<Problem>) {
    if let Some(raw) = raw.filter(|r| !known && !r.trim().is_empty()) {
        out.push(problem(
            format!(
                "`{}` code `{}` is not in the {list} codelist",
                f.name,
                raw.trim()
            ),
            Some(raw),
        ));
    }
}

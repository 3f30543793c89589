//! `handover plan show` as text: the header (parties with their roles, status, start,
//! currency, languages), the calendar Q1–Q12 as dates, then milestones → activities with their
//! planned and actual quarters, status and leads, and under each its outputs → outcomes with
//! indicators (baselines, targets and actuals) and risks. Texts are shown in the plan's first
//! content language, falling back to another when missing.

use crate::output::{date_range, quarters};
use handover_core::calendar::format_date;
use handover_core::indicator::{Indicator, PeriodValue, ValueKind};
use handover_core::plan::{Activity, PlanTree, ResultNode};
use handover_core::risk::Risk;
use handover_core::text::{Lang, Text};
use std::fmt::Write as _;
use time::Date;

struct View<'a> {
    tree: &'a PlanTree,
    lang: Lang,
    today: Date,
    out: String,
}

/// The whole plan as text.
pub fn render(tree: &PlanTree) -> String {
    let mut v = View {
        tree,
        lang: tree.plan.languages.first().copied().unwrap_or(Lang::En),
        today: time::OffsetDateTime::now_utc().date(),
        out: String::new(),
    };
    v.header();
    v.calendar();
    v.plan_level();
    for m in &tree.milestones {
        v.line(0, &format!("Milestone {} — {}", m.number, v.t(&m.title)));
        for a in tree.activities_of(m.id) {
            v.activity(a);
        }
        v.out.push('\n');
    }
    if tree.milestones.is_empty() {
        v.line(0, "No milestones yet: this plan is built by hand.");
    }
    v.out
}

impl View<'_> {
    fn t<'b>(&self, text: &'b Text) -> &'b str {
        text.best(self.lang)
    }

    fn line(&mut self, indent: usize, text: &str) {
        let _ = writeln!(self.out, "{}{text}", "  ".repeat(indent));
    }

    fn header(&mut self) {
        let p = &self.tree.plan;
        self.line(0, &format!("Plan `{}` — {}", p.code, self.t(&p.name)));
        let template = p
            .template_code
            .as_deref()
            .map(|t| format!(" (from template {t})"))
            .unwrap_or_default();
        self.line(1, &format!("kind:       {}{template}", p.kind.as_str()));
        self.line(
            1,
            &format!("status:     {}", p.status.as_str().replace('_', " ")),
        );
        if p.start_passed_unendorsed(self.today) {
            self.line(
                1,
                "            ! the start date has passed and the plan is not endorsed",
            );
        }
        let end = self.tree.periods.last().map(|l| format_date(l.end));
        self.line(
            1,
            &format!(
                "start:      {}, {} quarters{}",
                format_date(p.start.date()),
                p.quarters,
                end.map(|e| format!(" to {e}")).unwrap_or_default()
            ),
        );
        self.line(1, &format!("currency:   {}", p.currency));
        let langs: Vec<_> = p.languages.iter().map(|l| l.code()).collect();
        self.line(1, &format!("languages:  {}", langs.join(", ")));
        self.line(1, "parties:");
        for o in &self.tree.parties {
            let role = if o.id == p.owner {
                "owner  "
            } else {
                "partner"
            };
            let region = o
                .region
                .as_deref()
                .map(|r| format!(", {r}"))
                .unwrap_or_default();
            let line = format!(
                "{role}  {} ({}, {}{region})",
                o.name,
                o.code,
                o.org_type.as_str()
            );
            self.line(2, &line);
        }
        self.out.push('\n');
    }

    fn calendar(&mut self) {
        self.line(0, "Calendar");
        for q in &self.tree.periods {
            let line = format!(
                "{:<4} {}  Y{}",
                q.label,
                date_range(q.start, q.end),
                (q.seq - 1) / 4 + 1
            );
            self.line(1, &line);
        }
        self.out.push('\n');
    }

    fn plan_level(&mut self) {
        let tree = self.tree;
        let results: Vec<_> = tree.plan_results().collect();
        if !results.is_empty() {
            self.line(0, "Results under the plan");
            for r in results {
                self.result(r, 1);
            }
            self.out.push('\n');
        }
        let risks: Vec<_> = tree
            .risks
            .iter()
            .filter(|r| r.activity_id.is_none())
            .collect();
        if !risks.is_empty() {
            self.line(0, "Plan risks");
            for r in risks {
                self.risk(r, 1);
            }
            self.out.push('\n');
        }
    }

    fn activity(&mut self, a: &Activity) {
        let tree = self.tree;
        let key = a
            .key
            .as_ref()
            .map(|k| format!(" [{k}]"))
            .unwrap_or_default();
        let title = self.t(&a.title).to_owned();
        self.line(
            1,
            &format!("Activity {}{key} — {title}", a.display_number()),
        );
        let planned = quarters(tree, a.planned.start, a.planned.end);
        self.line(2, &format!("planned: {planned}"));
        let actual = match (a.actual_start, a.actual_end) {
            (Some(s), Some(e)) => quarters(tree, s, e),
            (Some(s), None) => match tree.periods.iter().find(|p| p.seq == s) {
                Some(p) => format!("since Q{s} ({}), not finished", format_date(p.start)),
                None => format!("since Q{s}, not finished"),
            },
            _ => "-".into(),
        };
        let late = match a.slippage() {
            n if n > 0 => format!(" ({n} quarter{} late)", if n == 1 { "" } else { "s" }),
            _ => String::new(),
        };
        self.line(2, &format!("actual:  {actual}{late}"));
        self.line(
            2,
            &format!("status:  {}", a.status.as_str().replace('_', " ")),
        );
        self.line(2, &format!("lead:    {}", self.leads(a)));
        for r in tree.results_of_activity(a.id) {
            self.result(r, 2);
        }
        for r in tree
            .risks
            .iter()
            .filter(|r| r.activity_id == Some(a.id) && r.result_id.is_none())
        {
            self.risk(r, 2);
        }
    }

    /// Who leads, quarter by quarter, with runs of the same parties merged: `Q1–Q2 jointly A + B`.
    fn leads(&self, a: &Activity) -> String {
        let mut runs: Vec<(u16, u16, &[handover_core::ids::OrgId])> = vec![];
        for l in &a.leads {
            match runs.last_mut() {
                Some((_, end, parties))
                    if *parties == l.parties.as_slice() && *end + 1 == l.quarter =>
                {
                    *end = l.quarter;
                }
                _ => runs.push((l.quarter, l.quarter, &l.parties)),
            }
        }
        if runs.is_empty() {
            return "-".into();
        }
        runs.iter()
            .map(|(s, e, parties)| {
                let names: Vec<String> = parties.iter().map(|p| self.tree.party_name(*p)).collect();
                let who = if names.len() > 1 {
                    format!("jointly {}", names.join(" + "))
                } else {
                    names.join("")
                };
                let q = if s == e {
                    format!("Q{s}")
                } else {
                    format!("Q{s}–Q{e}")
                };
                format!("{q} {who}")
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn result(&mut self, r: &ResultNode, indent: usize) {
        let tree = self.tree;
        let level = match r.level.as_str() {
            "output" => "Output",
            "outcome" => "Outcome",
            "impact" => "Impact",
            _ => "Result",
        };
        self.line(indent, &format!("{level}: {}", self.t(&r.title)));
        for i in tree.indicators_of(r.id) {
            self.indicator(i, indent + 1);
        }
        for k in tree.risks.iter().filter(|k| k.result_id == Some(r.id)) {
            self.risk(k, indent + 1);
        }
        for child in tree.results_under(r.id) {
            self.result(child, indent + 1);
        }
    }

    fn indicator(&mut self, i: &Indicator, indent: usize) {
        let unit = i
            .unit
            .as_deref()
            .map(|u| format!(": {u}"))
            .unwrap_or_default();
        let line = format!(
            "Indicator {} — {} ({}{unit})",
            i.code,
            self.t(&i.statement),
            i.measure.as_str()
        );
        self.line(indent, &line);
        for b in &i.baselines {
            let value = b.value.as_ref().map_or("-".into(), |v| v.as_text());
            let date = b
                .date
                .map(|d| format!(" on {}", format_date(d)))
                .unwrap_or_default();
            let dims = dimensions(&b.dimensions);
            self.line(indent + 1, &format!("baseline {value}{dims}{date}"));
        }
        for p in &self.tree.periods {
            let of = |kind| -> Vec<&PeriodValue> {
                self.tree
                    .values
                    .iter()
                    .filter(|v| v.indicator_id == i.id && v.period_id == p.id && v.kind == kind)
                    .collect()
            };
            let (targets, actuals) = (of(ValueKind::Target), of(ValueKind::Actual));
            if targets.is_empty() && actuals.is_empty() {
                continue;
            }
            let mut parts = vec![];
            for (name, values) in [("target", targets), ("actual", actuals)] {
                if !values.is_empty() {
                    let shown: Vec<String> = values
                        .iter()
                        .map(|v| format!("{}{}", v.value.as_text(), dimensions(&v.dimensions)))
                        .collect();
                    parts.push(format!("{name} {}", shown.join(", ")));
                }
            }
            let line = format!("{:<4} {}", p.label, parts.join("; "));
            self.line(indent + 1, &line);
        }
    }

    fn risk(&mut self, r: &Risk, indent: usize) {
        let review = match r.review_date {
            Some(d) if r.overdue_for_review(self.today) => {
                format!(", review by {} — overdue", format_date(d))
            }
            Some(d) => format!(", review by {}", format_date(d)),
            None => String::new(),
        };
        let owners: Vec<String> = r.owner.iter().map(|o| self.tree.party_name(*o)).collect();
        let line = format!(
            "Risk: {} (L{}×I{} = {}; {}; owner {}{review})",
            self.t(&r.description),
            r.likelihood.get(),
            r.impact.get(),
            r.score(),
            r.status.as_str(),
            if owners.is_empty() {
                "-".into()
            } else {
                owners.join(" + ")
            },
        );
        self.line(indent, &line);
    }
}

/// ` [sex=female]` for a disaggregated value, nothing otherwise.
fn dimensions(d: &handover_core::indicator::Dimensions) -> String {
    if d.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = d.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!(" [{}]", parts.join(", "))
}

//! `handover budget show|freeze|compare|export|versions`: a plan's budget. Totals are exact
//! until shown and rounded once, per total, to the currency's minor unit (half to even); they
//! are kept per currency (`--currency own`) or converted to one currency at the plan's rate type
//! (or `--rate-type`) dated at each quarter's first day (or `--at DAY`). A total never mixes
//! currencies: a missing rate fails the command, naming the pair, the rate type and the date.

use super::Ctx;
use super::costs::{LineView, Names, budget, category_name, grouped, money, quantities, shorten};
use super::org::options_problem;
use crate::cli::{BudgetCommand, ConversionArgs, ShowIn};
use crate::output::{self, Table};
use anyhow::Context as _;
use handover_core::calendar::format_date;
use handover_core::finance::sharing;
use handover_core::finance::version::{Comparison, VersionPurpose, compare};
use handover_core::finance::{
    Conversion, CostCategory, CostLine, MissingRate, RateDate, RateType, Sum, Totals, totals,
};
use handover_core::money::{Currency, Money};
use handover_formats::budget_book;
use handover_store::StoreError;
use handover_store::finance::{BudgetData, VersionSummary, versions};
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;
use time::format_description::well_known::Rfc3339;

pub async fn run(ctx: &Ctx, command: BudgetCommand) -> anyhow::Result<()> {
    match command {
        BudgetCommand::Show { plan, conversion } => show(ctx, &plan, &conversion).await,
        BudgetCommand::Freeze {
            plan,
            name,
            purpose,
        } => freeze(ctx, &plan, &name, purpose).await,
        BudgetCommand::Compare { plan, from, to } => compare_versions(ctx, &plan, &from, &to).await,
        BudgetCommand::Export {
            plan,
            output,
            conversion,
        } => export(ctx, &plan, &output, &conversion).await,
        BudgetCommand::Versions { plan } => list_versions(ctx, &plan).await,
    }
}

/// The conversion the options ask for: by default the plan's currency at the plan's rate type,
/// dated at each quarter's first day.
fn conversion_of(data: &BudgetData, a: &ConversionArgs) -> anyhow::Result<Conversion> {
    let wanted = a
        .currency
        .clone()
        .unwrap_or_else(|| ShowIn::Currency(data.tree.plan.currency.clone()));
    match wanted {
        ShowIn::Own => {
            if a.rate_type.is_some() {
                anyhow::bail!(
                    "--rate-type: totals in each line's own currency convert nothing; name a currency with --currency to convert at a rate type"
                );
            }
            if a.at.is_some() {
                anyhow::bail!(
                    "--at: totals in each line's own currency convert nothing; name a currency with --currency to convert at a date's rate"
                );
            }
            Ok(Conversion::Own)
        }
        ShowIn::Currency(currency) => Ok(Conversion::To {
            currency,
            rate_type: a.rate_type.unwrap_or(data.settings.rate_type),
            at: a.at.unwrap_or(RateDate::QuarterStart),
        }),
    }
}

/// The failure of a total that lacks rates: each missing rate on its own line.
fn missing_rates(conversion: &Conversion, missing: &[MissingRate]) -> anyhow::Error {
    let into = match conversion {
        Conversion::To { currency, .. } => format!(" in {currency}"),
        Conversion::Own => String::new(),
    };
    let mut s = format!(
        "the budget cannot be totalled{into}: {} rate{} missing, and a total never mixes currencies:",
        missing.len(),
        if missing.len() == 1 { " is" } else { "s are" }
    );
    for m in missing {
        s.push_str("\n  ");
        s.push_str(&m.to_string());
    }
    s.push_str(
        "\nAdd the rate with `handover rates add` or `handover rates import`, choose another with --rate-type or --at, or show each line's own currency with --currency own.",
    );
    anyhow::anyhow!(s)
}

/// The budget's totals, or the error naming every missing rate.
fn totals_of(data: &BudgetData, conversion: &Conversion) -> anyhow::Result<Totals> {
    totals(
        &data.lines,
        &data.tree.periods,
        &data.tree.activities,
        conversion,
        &data.rates,
    )
    .map_err(|m| missing_rates(conversion, &m))
}

/// A sum as the rounded amounts people see, one per currency (zero in `fallback` when empty).
fn shown(s: &Sum, fallback: &Currency) -> Vec<Money> {
    if s.0.is_empty() {
        vec![
            Money {
                amount: Decimal::ZERO,
                currency: fallback.clone(),
            }
            .rounded(),
        ]
    } else {
        s.rounded()
    }
}

fn amounts(m: &[Money]) -> String {
    m.iter().map(money).collect::<Vec<_>>().join("; ")
}

/// `+120.00 USD; -3.50 LBP`: a difference, signed.
fn signed(m: &[Money]) -> String {
    m.iter()
        .map(|m| {
            if m.amount.is_sign_positive() && !m.amount.is_zero() {
                format!("+{}", money(m))
            } else {
                money(m)
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One total of a view: what it is about and its amounts.
#[derive(Debug, Serialize)]
struct Row {
    /// The milestone's or activity's number, the category, the party's code, `Q3`, the year.
    key: String,
    name: String,
    total: Vec<Money>,
}

/// A party's share of a year's budget.
#[derive(Debug, Serialize)]
struct YearShare {
    year: i32,
    party: String,
    amount: Money,
    /// Between 0 and 1, four decimals.
    #[serde(with = "rust_decimal::serde::str")]
    share: Decimal,
}

/// What `budget show` prints.
#[derive(Debug, Serialize)]
struct Shown {
    plan: String,
    name: String,
    /// The currency totals are converted to; `null` when each line keeps its own.
    currency: Option<Currency>,
    rate_type: Option<RateType>,
    /// `quarter_start` or the day whose rate converts every amount.
    at: Option<String>,
    lines: usize,
    by_milestone: Vec<Row>,
    by_activity: Vec<Row>,
    by_category: Vec<Row>,
    by_party: Vec<Row>,
    by_quarter: Vec<Row>,
    by_year: Vec<Row>,
    /// Each party's share per calendar year, when the totals are in one currency.
    cost_sharing: Vec<YearShare>,
    total: Vec<Money>,
    versions: usize,
    aoc_baseline: Option<String>,
    handover_revision: Option<String>,
}

fn at_text(at: RateDate) -> String {
    match at {
        RateDate::QuarterStart => "quarter_start".into(),
        RateDate::On(d) => format_date(d),
    }
}

fn version_name(
    data: &BudgetData,
    id: Option<handover_core::ids::BudgetVersionId>,
) -> Option<String> {
    let id = id?;
    data.versions
        .iter()
        .find(|v| v.id == id)
        .map(|v| format!("{} {}", v.number, v.name))
}

fn view(data: &BudgetData, conversion: &Conversion, t: &Totals) -> Shown {
    let tree = &data.tree;
    let names = Names::new(tree);
    let lang = names.lang;
    let fallback = match conversion {
        Conversion::To { currency, .. } => currency.clone(),
        Conversion::Own => tree.plan.currency.clone(),
    };
    let row = |key: String, name: String, s: &Sum| Row {
        key,
        name,
        total: shown(s, &fallback),
    };
    let by_milestone = tree
        .milestones
        .iter()
        .filter_map(|m| {
            t.by_milestone
                .get(&m.id)
                .map(|s| row(m.number.to_string(), m.title.best(lang).to_owned(), s))
        })
        .collect();
    let by_activity = tree
        .milestones
        .iter()
        .flat_map(|m| tree.activities_of(m.id))
        .filter_map(|a| {
            t.by_activity
                .get(&a.id)
                .map(|s| row(a.display_number(), a.title.best(lang).to_owned(), s))
        })
        .collect();
    let by_category = CostCategory::ALL
        .iter()
        .filter_map(|c| {
            t.by_category
                .get(c)
                .map(|s| row(c.as_str().into(), category_name(*c).into(), s))
        })
        .collect();
    let parties = tree.plan.parties();
    let mut party_order = parties.clone();
    party_order.extend(t.by_party.keys().filter(|o| !parties.contains(o)));
    let by_party = party_order
        .iter()
        .filter_map(|o| {
            t.by_party.get(o).map(|s| {
                let name = tree
                    .parties
                    .iter()
                    .find(|p| p.id == *o)
                    .map(|p| p.name.clone())
                    .unwrap_or_default();
                row(names.party(*o), name, s)
            })
        })
        .collect();
    let by_quarter = tree
        .periods
        .iter()
        .filter_map(|p| {
            t.by_quarter
                .get(&p.seq)
                .map(|s| row(p.label.clone(), output::date_range(p.start, p.end), s))
        })
        .collect();
    let by_year = t
        .by_year
        .iter()
        .map(|(y, s)| row(y.to_string(), String::new(), s))
        .collect();
    let cost_sharing = match t.grand.0.len() {
        1 => {
            let currency = t.grand.0.keys().next().cloned().unwrap_or(fallback.clone());
            sharing::by_year(t, &currency, &party_order)
                .into_iter()
                .flat_map(|(year, shares)| {
                    let currency = currency.clone();
                    let names = &names;
                    shares.into_iter().map(move |s| YearShare {
                        year,
                        party: names.party(s.party),
                        amount: Money {
                            amount: s.amount,
                            currency: currency.clone(),
                        }
                        .rounded(),
                        share: s.share,
                    })
                })
                .collect()
        }
        _ => vec![],
    };
    let (currency, rate_type, at) = match conversion {
        Conversion::Own => (None, None, None),
        Conversion::To {
            currency,
            rate_type,
            at,
        } => (Some(currency.clone()), Some(*rate_type), Some(at_text(*at))),
    };
    Shown {
        plan: tree.plan.code.to_string(),
        name: tree.plan.name.best(lang).to_owned(),
        currency,
        rate_type,
        at,
        lines: data.lines.len(),
        by_milestone,
        by_activity,
        by_category,
        by_party,
        by_quarter,
        by_year,
        cost_sharing,
        total: shown(&t.grand, &fallback),
        versions: data.versions.len(),
        aoc_baseline: version_name(data, data.aoc.baseline),
        handover_revision: version_name(data, data.aoc.handover_revision),
    }
}

/// A section of totals: a heading and a table whose amounts are right-aligned.
fn section(out: &mut String, heading: &str, columns: [&str; 3], rows: &[Row]) {
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(out, "{heading}");
    let texts: Vec<String> = rows.iter().map(|r| amounts(&r.total)).collect();
    let width = texts.iter().map(|s| s.chars().count()).max().unwrap_or(0);
    let named = rows.iter().any(|r| !r.name.is_empty());
    let mut t = if named {
        Table::new(&columns)
    } else {
        Table::new(&[columns[0], columns[2]])
    };
    for (r, text) in rows.iter().zip(&texts) {
        let amount = format!("{text:>width$}");
        t.row(if named {
            vec![r.key.clone(), shorten(&r.name, 60), amount]
        } else {
            vec![r.key.clone(), amount]
        });
    }
    for l in t.render().lines() {
        let _ = writeln!(out, "  {l}");
    }
    out.push('\n');
}

fn render(s: &Shown) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Budget of `{}` — {}", s.plan, s.name);
    match (&s.currency, s.rate_type, &s.at) {
        (Some(c), Some(t), Some(at)) => {
            let when = if at == "quarter_start" {
                "of the first day of each quarter".to_owned()
            } else {
                format!("of {at}")
            };
            let _ = writeln!(
                out,
                "In {c}, converted at the {} rate {when}; every total is rounded once, half to even.",
                t.as_str().replace('_', " ")
            );
        }
        _ => {
            let _ = writeln!(
                out,
                "In each line's own currency: totals are kept apart per currency and rounded once, half to even."
            );
        }
    }
    let mut versions = format!(
        "{} cost line{}; {} frozen version{}",
        s.lines,
        if s.lines == 1 { "" } else { "s" },
        s.versions,
        if s.versions == 1 { "" } else { "s" }
    );
    if let Some(b) = &s.aoc_baseline {
        let _ = write!(versions, "; AoC baseline: version {b}");
    }
    if let Some(r) = &s.handover_revision {
        let _ = write!(versions, "; handover revision: version {r}");
    }
    let _ = writeln!(out, "{versions}.\n");
    if s.lines == 0 {
        let _ = writeln!(
            out,
            "No cost lines yet. Import them with `handover costs import --plan {} FILE`.",
            s.plan
        );
        return out;
    }
    section(
        &mut out,
        "By milestone",
        ["MILESTONE", "NAME", "TOTAL"],
        &s.by_milestone,
    );
    section(
        &mut out,
        "By activity",
        ["ACTIVITY", "NAME", "TOTAL"],
        &s.by_activity,
    );
    section(
        &mut out,
        "By category",
        ["CATEGORY", "", "TOTAL"],
        &s.by_category,
    );
    section(
        &mut out,
        "By funding party",
        ["PARTY", "NAME", "TOTAL"],
        &s.by_party,
    );
    section(
        &mut out,
        "By quarter",
        ["QUARTER", "DATES", "TOTAL"],
        &s.by_quarter,
    );
    section(
        &mut out,
        "By calendar year",
        ["YEAR", "", "TOTAL"],
        &s.by_year,
    );
    if !s.cost_sharing.is_empty() {
        let _ = writeln!(out, "Cost sharing by calendar year");
        let mut t = Table::new(&["YEAR", "PARTY", "SHARE", "AMOUNT"]);
        let width = s
            .cost_sharing
            .iter()
            .map(|y| money(&y.amount).chars().count())
            .max()
            .unwrap_or(0);
        for y in &s.cost_sharing {
            t.row(vec![
                y.year.to_string(),
                y.party.clone(),
                format!("{:>7}", percent(y.share)),
                format!("{:>width$}", money(&y.amount)),
            ]);
        }
        for l in t.render().lines() {
            let _ = writeln!(out, "  {l}");
        }
        out.push('\n');
    }
    let _ = writeln!(out, "Total: {}", amounts(&s.total));
    out
}

/// `0.6667` → `66.67%`.
fn percent(share: Decimal) -> String {
    let mut p = (share * Decimal::from(100)).round_dp(2);
    p.rescale(2);
    format!("{p}%")
}

async fn show(ctx: &Ctx, plan: &str, a: &ConversionArgs) -> anyhow::Result<()> {
    let (_, data) = budget(ctx, plan).await?;
    let conversion = conversion_of(&data, a)?;
    let t = totals_of(&data, &conversion)?;
    let s = view(&data, &conversion, &t);
    output::emit(ctx.format, &s, || render(&s))
}

/// The option a field of a version freeze comes from.
fn freeze_option(field: &str) -> String {
    match field {
        "name" => "--name".into(),
        "purpose" => "--purpose".into(),
        "lines" | "budget" => "--plan".into(),
        other => other.into(),
    }
}

fn summary(v: &handover_core::finance::version::BudgetVersion) -> VersionSummary {
    VersionSummary {
        id: v.id,
        number: v.number,
        name: v.name.clone(),
        purpose: v.purpose,
        frozen_by: v.frozen_by.clone(),
        frozen_at: v.frozen_at,
        lines: v.lines.len(),
    }
}

/// The exact total of some lines, per currency.
fn lines_total(lines: &[CostLine]) -> Sum {
    let mut s = Sum::default();
    for l in lines {
        s.add(l.amount(), &l.currency);
    }
    s
}

async fn freeze(ctx: &Ctx, plan: &str, name: &str, purpose: VersionPurpose) -> anyhow::Result<()> {
    let id = super::find_plan(ctx, plan).await?;
    let v = match versions::freeze(&ctx.store, &ctx.actor, id, name, purpose).await {
        Ok(v) => v,
        Err(StoreError::Invalid(e)) => return Err(options_problem(&e, freeze_option)),
        Err(StoreError::Duplicate { .. }) => anyhow::bail!(
            "--name: the plan already has a version named `{}`; choose another name",
            name.trim()
        ),
        Err(e) => return Err(e.into()),
    };
    let s = summary(&v);
    output::emit(ctx.format, &s, || {
        format!(
            "Froze version {} `{}` ({}) of `{plan}`: {} cost line{}, {}.{}\n",
            v.number,
            v.name,
            v.purpose.as_str(),
            v.lines.len(),
            if v.lines.len() == 1 { "" } else { "s" },
            amounts(&lines_total(&v.lines).rounded()),
            match purpose {
                VersionPurpose::AocBaseline =>
                    " It is the baseline of the Agreement of Cooperation.",
                VersionPurpose::HandoverRevision =>
                    " It is the revision agreed in the handover discussions.",
                VersionPurpose::Revision => "",
            }
        )
    })
}

async fn list_versions(ctx: &Ctx, plan: &str) -> anyhow::Result<()> {
    let (_, data) = budget(ctx, plan).await?;
    let all = &data.versions;
    output::emit(ctx.format, all, || {
        if all.is_empty() {
            return format!(
                "The plan `{}` has no frozen budget versions. Freeze one with `handover budget freeze --plan {} --name NAME --purpose aoc_baseline`.\n",
                data.tree.plan.code, data.tree.plan.code
            );
        }
        let mut t = Table::new(&[
            "NO",
            "NAME",
            "PURPOSE",
            "LINES",
            "FROZEN BY",
            "FROZEN AT (UTC)",
        ]);
        for v in all {
            let mut purpose = v.purpose.as_str().to_owned();
            if data.aoc.baseline == Some(v.id) {
                purpose.push_str(" (AoC)");
            }
            if data.aoc.handover_revision == Some(v.id) {
                purpose.push_str(" (handover)");
            }
            t.row(vec![
                v.number.to_string(),
                v.name.clone(),
                purpose,
                v.lines.to_string(),
                v.frozen_by.clone(),
                v.frozen_at
                    .replace_nanosecond(0)
                    .unwrap_or(v.frozen_at)
                    .format(&Rfc3339)
                    .unwrap_or_default(),
            ]);
        }
        t.render()
    })
}

/// One side of a comparison: a frozen version or the current budget.
#[derive(Debug, Serialize)]
struct Side {
    /// `null` for the current budget.
    number: Option<i64>,
    name: String,
}

async fn side(ctx: &Ctx, data: &BudgetData, which: &str) -> anyhow::Result<(Side, Vec<CostLine>)> {
    if which.trim().eq_ignore_ascii_case("current") {
        return Ok((
            Side {
                number: None,
                name: "current".into(),
            },
            data.lines.clone(),
        ));
    }
    match versions::get(&ctx.store, &ctx.actor, data.tree.plan.id, which.trim()).await {
        Ok(v) => Ok((
            Side {
                number: Some(v.number),
                name: v.name,
            },
            v.lines,
        )),
        Err(StoreError::NotFound(_)) => anyhow::bail!(
            "the plan `{}` has no budget version `{which}`; see `handover budget versions --plan {}`",
            data.tree.plan.code,
            data.tree.plan.code
        ),
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Serialize)]
struct Changed {
    fields: Vec<&'static str>,
    before: LineView,
    after: LineView,
}

#[derive(Debug, Serialize)]
struct PartyChange {
    party: String,
    before: Vec<Money>,
    after: Vec<Money>,
    difference: Vec<Money>,
}

/// What `budget compare` prints.
#[derive(Debug, Serialize)]
struct Compared {
    plan: String,
    from: Side,
    to: Side,
    added: Vec<LineView>,
    removed: Vec<LineView>,
    changed: Vec<Changed>,
    unchanged: usize,
    /// Totals per funding party in each line's own currency, before, after and after − before.
    by_party: Vec<PartyChange>,
    total_before: Vec<Money>,
    total_after: Vec<Money>,
    difference: Vec<Money>,
}

fn compared(data: &BudgetData, from: Side, to: Side, c: &Comparison) -> Compared {
    let names = Names::new(&data.tree);
    let plan_currency = &data.tree.plan.currency;
    let parties = data.tree.plan.parties();
    let mut order = parties.clone();
    order.extend(c.by_party.keys().filter(|o| !parties.contains(o)));
    Compared {
        plan: data.tree.plan.code.to_string(),
        from,
        to,
        added: c.added.iter().map(|l| names.line(l)).collect(),
        removed: c.removed.iter().map(|l| names.line(l)).collect(),
        changed: c
            .changed
            .iter()
            .map(|ch| Changed {
                fields: ch.fields.clone(),
                before: names.line(&ch.before),
                after: names.line(&ch.after),
            })
            .collect(),
        unchanged: c.unchanged,
        by_party: order
            .iter()
            .filter_map(|o| {
                c.by_party.get(o).map(|(b, a, d)| PartyChange {
                    party: names.party(*o),
                    before: shown(b, plan_currency),
                    after: shown(a, plan_currency),
                    difference: shown(d, plan_currency),
                })
            })
            .collect(),
        total_before: shown(&c.total_before, plan_currency),
        total_after: shown(&c.total_after, plan_currency),
        difference: shown(&c.total_after.minus(&c.total_before), plan_currency),
    }
}

fn side_text(s: &Side) -> String {
    match s.number {
        Some(n) => format!("version {n} `{}`", s.name),
        None => "the current budget".into(),
    }
}

/// One field of a line as text, for a change `before → after`.
fn field_text(v: &LineView, field: &str) -> String {
    match field {
        "activity" => v.activity.clone(),
        "category" => v.category_shown.into(),
        "description" => format!("\"{}\"", v.description_shown),
        "unit" => v.unit.clone(),
        "unit_price" => grouped(v.unit_price_exact),
        "currency" => v.currency.clone(),
        "funder" => v.funder.clone(),
        "quantities" => quantities(&v.quantities),
        other => other.to_owned(),
    }
}

fn line_text(v: &LineView) -> String {
    format!(
        "activity {}, {}: {} — {} × {} {} ({}) = {}, funded by {}",
        v.activity,
        v.category_shown,
        shorten(&v.description_shown, 60),
        v.unit.replace('_', " "),
        grouped(v.unit_price_exact),
        v.currency,
        quantities(&v.quantities),
        money(&v.total),
        v.funder
    )
}

fn render_comparison(c: &Compared) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Budget of `{}`: {} compared with {}",
        c.plan,
        side_text(&c.to),
        side_text(&c.from)
    );
    let _ = writeln!(
        out,
        "{} added, {} removed, {} changed, {} unchanged.\n",
        c.added.len(),
        c.removed.len(),
        c.changed.len(),
        c.unchanged
    );
    if !c.added.is_empty() {
        let _ = writeln!(out, "Added");
        for v in &c.added {
            let _ = writeln!(out, "  + {}", line_text(v));
        }
        out.push('\n');
    }
    if !c.removed.is_empty() {
        let _ = writeln!(out, "Removed");
        for v in &c.removed {
            let _ = writeln!(out, "  - {}", line_text(v));
        }
        out.push('\n');
    }
    if !c.changed.is_empty() {
        let _ = writeln!(out, "Changed");
        for ch in &c.changed {
            let _ = writeln!(out, "  ~ {}", line_text(&ch.after));
            for f in &ch.fields {
                let _ = writeln!(
                    out,
                    "      {}: {} → {}",
                    f.replace('_', " "),
                    field_text(&ch.before, f),
                    field_text(&ch.after, f)
                );
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "By funding party (each line's own currency)");
    let mut t = Table::new(&["PARTY", "BEFORE", "AFTER", "DIFFERENCE"]);
    for p in &c.by_party {
        t.row(vec![
            p.party.clone(),
            amounts(&p.before),
            amounts(&p.after),
            signed(&p.difference),
        ]);
    }
    t.row(vec![
        "Total".into(),
        amounts(&c.total_before),
        amounts(&c.total_after),
        signed(&c.difference),
    ]);
    for l in t.render().lines() {
        let _ = writeln!(out, "  {l}");
    }
    out
}

async fn compare_versions(ctx: &Ctx, plan: &str, from: &str, to: &str) -> anyhow::Result<()> {
    let (_, data) = budget(ctx, plan).await?;
    let (from_side, before) = side(ctx, &data, from).await?;
    let (to_side, after) = side(ctx, &data, to).await?;
    let c = compare(&before, &after);
    let shown = compared(&data, from_side, to_side, &c);
    output::emit(ctx.format, &shown, || render_comparison(&shown))
}

async fn export(ctx: &Ctx, plan: &str, file: &Path, a: &ConversionArgs) -> anyhow::Result<()> {
    let name = file.display().to_string();
    if !name.to_ascii_lowercase().ends_with(".xlsx") {
        anyhow::bail!("--output: name an .xlsx file, e.g. budget.xlsx");
    }
    let (_, data) = budget(ctx, plan).await?;
    let conversion = conversion_of(&data, a)?;
    let t = totals_of(&data, &conversion)?;
    let names = Names::new(&data.tree);
    let book = budget_book::BudgetBook {
        tree: &data.tree,
        lines: &data.lines,
        expenditures: &data.expenditures,
        rates: &data.rates,
        conversion: conversion.clone(),
        rate_type: data.settings.rate_type,
        lang: names.lang,
        today: time::OffsetDateTime::now_utc().date(),
    };
    let bytes = match budget_book::write(&book) {
        Ok(b) => b,
        Err(budget_book::BookError::MissingRates(m)) => return Err(missing_rates(&conversion, &m)),
        Err(e) => return Err(anyhow::Error::new(e).context(format!("cannot write {name}"))),
    };
    std::fs::write(file, &bytes).with_context(|| format!("cannot write {name}"))?;
    let s = view(&data, &conversion, &t);
    #[derive(Serialize)]
    struct Exported<'a> {
        file: String,
        bytes: usize,
        lines: usize,
        total: &'a [Money],
    }
    let done = Exported {
        file: name.clone(),
        bytes: bytes.len(),
        lines: data.lines.len(),
        total: &s.total,
    };
    output::emit(ctx.format, &done, || {
        format!(
            "Wrote the budget of `{}` to {name}: {} cost line{}, total {}.\n",
            s.plan,
            s.lines,
            if s.lines == 1 { "" } else { "s" },
            amounts(&s.total)
        )
    })
}

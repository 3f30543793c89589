//! `handover costs import|list`: a plan's cost lines. An import reads the whole CSV or XLSX file
//! strictly (handover_formats::cost_lines_file) and hands every row to the store in one
//! all-or-nothing write: any bad row — in the file or against the plan (an unknown activity or
//! funder, a quarter the plan lacks) — is named with its row and column, and nothing is
//! imported.

use super::Ctx;
use crate::cli::CostsCommand;
use crate::output::{self, Table};
use anyhow::Context as _;
use handover_core::finance::{CostCategory, CostLine};
use handover_core::ids::{OrgId, PlanId};
use handover_core::money::Money;
use handover_core::plan::PlanTree;
use handover_core::text::{Lang, Text};
use handover_formats::cost_lines_file;
use handover_formats::sheet::{CellError, FileKind, Limits, Parsed};
use handover_store::finance::{self, CostLineInput, cost_lines};
use handover_store::{StoreError, plans};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

pub async fn run(ctx: &Ctx, command: CostsCommand) -> anyhow::Result<()> {
    match command {
        CostsCommand::Import {
            plan,
            file,
            replace,
        } => import(ctx, &plan, &file, replace).await,
        CostsCommand::List { plan } => list(ctx, &plan).await,
    }
}

/// A spreadsheet read whole, with its kind taken from its extension; refused when the
/// extension is neither `.csv` nor `.xlsx` or the file is over the size limit.
pub(super) fn read_sheet(file: &Path, limits: &Limits) -> anyhow::Result<(FileKind, Vec<u8>)> {
    let name = file.display().to_string();
    let Some(kind) = FileKind::from_name(&name) else {
        anyhow::bail!("{name}: name a .csv or .xlsx file (the extension says which it is)");
    };
    let size = std::fs::metadata(file)
        .with_context(|| format!("cannot read {name}"))?
        .len();
    if size > limits.max_file_bytes {
        anyhow::bail!(
            "{name} is {size} bytes, over the limit of {} bytes; nothing was imported",
            limits.max_file_bytes
        );
    }
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {name}"))?;
    Ok((kind, bytes))
}

/// The error of a refused file: every problem on its own line, with its row and column.
pub(super) fn refused(file: &Path, problems: &[CellError]) -> anyhow::Error {
    let mut s = format!(
        "{} was refused and nothing was imported ({} problem{}):",
        file.display(),
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    for p in problems {
        s.push_str("\n  ");
        s.push_str(&p.to_string());
    }
    anyhow::anyhow!(s)
}

/// A store's refusal of imported rows placed at their rows and columns; other errors pass.
pub(super) fn store_refusal<T>(file: &Path, parsed: &Parsed<T>, e: StoreError) -> anyhow::Error {
    match e {
        StoreError::Invalid(invalid) => {
            let cells: Vec<CellError> = invalid
                .0
                .iter()
                .map(|p| parsed.cell_error(&p.field, p.message.clone()))
                .collect();
            refused(file, &cells)
        }
        other => anyhow::Error::new(other).context(format!(
            "{} was refused and nothing was imported",
            file.display()
        )),
    }
}

async fn import(ctx: &Ctx, plan: &str, file: &Path, replace: bool) -> anyhow::Result<()> {
    let id = super::find_plan(ctx, plan).await?;
    let limits = Limits::default();
    let (kind, bytes) = read_sheet(file, &limits)?;
    let parsed = cost_lines_file::read(&bytes, kind, &limits).map_err(|e| refused(file, &e))?;
    let rows: Vec<CostLineInput> = parsed
        .rows
        .iter()
        .map(|(_, r)| CostLineInput {
            activity: Some(r.activity.clone()),
            category: Some(r.category),
            description: Some(r.description.clone()),
            unit: Some(r.unit),
            unit_price: Some(r.unit_price),
            currency: r.currency.clone(),
            funder: r.funder.clone(),
            quantities: Some(r.quantities.clone()),
        })
        .collect();
    let count = cost_lines::import(&ctx.store, &ctx.actor, id, rows, replace)
        .await
        .map_err(|e| store_refusal(file, &parsed, e))?;
    let lines = cost_lines::list(&ctx.store, &ctx.actor, id).await?;
    #[derive(Serialize)]
    struct Imported {
        imported: usize,
        replaced: bool,
        lines: usize,
    }
    let done = Imported {
        imported: count,
        replaced: replace,
        lines: lines.len(),
    };
    output::emit(ctx.format, &done, || {
        format!(
            "Imported {count} cost line{} from {}{}; the plan now has {} cost line{}.\nSee them with `handover costs list --plan {plan}` and the totals with `handover budget show --plan {plan}`.\n",
            if count == 1 { "" } else { "s" },
            file.display(),
            if replace {
                ", replacing the plan's previous lines"
            } else {
                ""
            },
            lines.len(),
            if lines.len() == 1 { "" } else { "s" },
        )
    })
}

async fn list(ctx: &Ctx, plan: &str) -> anyhow::Result<()> {
    let id = super::find_plan(ctx, plan).await?;
    let tree = plans::load(&ctx.store, &ctx.actor, id).await?;
    let lines = cost_lines::list(&ctx.store, &ctx.actor, id).await?;
    let names = Names::new(&tree);
    let views: Vec<LineView> = lines.iter().map(|l| names.line(l)).collect();
    output::emit(ctx.format, &views, || {
        if views.is_empty() {
            return format!(
                "The plan `{}` has no cost lines yet. Import them with `handover costs import --plan {} FILE`.\n",
                tree.plan.code, tree.plan.code
            );
        }
        lines_table(&views)
    })
}

/// Cost lines as an aligned table.
pub(super) fn lines_table(views: &[LineView]) -> String {
    let mut t = Table::new(&[
        "ACTIVITY",
        "CATEGORY",
        "DESCRIPTION",
        "UNIT",
        "UNIT PRICE",
        "QUANTITIES",
        "FUNDER",
        "TOTAL",
    ]);
    let width = views
        .iter()
        .map(|v| money(&v.total).chars().count())
        .max()
        .unwrap_or(0);
    for v in views {
        t.row(vec![
            v.activity.clone(),
            v.category_shown.to_owned(),
            shorten(&v.description_shown, 48),
            v.unit.clone(),
            format!("{} {}", grouped(v.unit_price_exact), v.currency),
            quantities(&v.quantities),
            v.funder.clone(),
            format!("{:>width$}", money(&v.total)),
        ]);
    }
    t.render()
}

/// `Q1=3 Q4=2`.
pub(super) fn quantities(q: &BTreeMap<String, String>) -> String {
    let mut pairs: Vec<(u16, &String)> = q
        .iter()
        .filter_map(|(k, v)| k.trim_start_matches('Q').parse().ok().map(|n| (n, v)))
        .collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(k, v)| format!("Q{k}={v}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `1,234.50 USD`: an amount already rounded, its thousands grouped for reading.
pub(super) fn money(m: &Money) -> String {
    format!("{} {}", grouped(m.amount), m.currency)
}

/// `18938262500.5` → `18,938,262,500.5`: digits grouped by three for people (files and JSON
/// keep plain numbers).
pub(super) fn grouped(d: Decimal) -> String {
    let s = d.to_string();
    let (sign, digits) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.as_str()),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// A category as people read it.
pub(super) fn category_name(c: CostCategory) -> &'static str {
    match c {
        CostCategory::Logistics => "logistics",
        CostCategory::ExternalExpertise => "external expertise",
        CostCategory::InHouseExpertise => "in-house expertise",
    }
}

/// Cuts a text to `n` characters, with an ellipsis.
pub(super) fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() > n {
        s.chars().take(n - 1).collect::<String>() + "…"
    } else {
        s.to_owned()
    }
}

/// A cost line as people read it: the activity's number and the funder's code instead of ids,
/// the total rounded once.
#[derive(Debug, Clone, Serialize)]
pub(super) struct LineView {
    pub id: String,
    /// The activity's display number (`7`, `24.1`).
    pub activity: String,
    pub category: String,
    pub description: Text,
    #[serde(skip)]
    pub description_shown: String,
    pub unit: String,
    pub unit_price: String,
    #[serde(skip)]
    pub unit_price_exact: Decimal,
    #[serde(skip)]
    pub category_shown: &'static str,
    pub currency: String,
    /// The funding party's code.
    pub funder: String,
    /// `Q3` → quantity.
    pub quantities: BTreeMap<String, String>,
    /// Quantity × unit price over every quarter, rounded once to the currency's minor unit.
    pub total: Money,
    pub version: i64,
}

/// Numbers and codes of a plan's activities and parties.
#[derive(Debug)]
pub(super) struct Names {
    pub lang: Lang,
    activities: BTreeMap<handover_core::ids::ActivityId, String>,
    parties: BTreeMap<OrgId, String>,
}

impl Names {
    pub fn new(tree: &PlanTree) -> Self {
        Self {
            lang: tree.plan.languages.first().copied().unwrap_or(Lang::En),
            activities: tree
                .activities
                .iter()
                .map(|a| (a.id, a.display_number()))
                .collect(),
            parties: tree
                .parties
                .iter()
                .map(|o| (o.id, o.code.to_string()))
                .collect(),
        }
    }

    pub fn activity(&self, id: handover_core::ids::ActivityId) -> String {
        self.activities
            .get(&id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    pub fn party(&self, id: OrgId) -> String {
        self.parties
            .get(&id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    pub fn line(&self, l: &CostLine) -> LineView {
        LineView {
            id: l.id.to_string(),
            activity: self.activity(l.activity_id),
            category: l.category.as_str().to_owned(),
            description: l.description.clone(),
            description_shown: l.description.best(self.lang).to_owned(),
            unit: l.unit.as_str().to_owned(),
            unit_price: l.unit_price.normalize().to_string(),
            unit_price_exact: l.unit_price.normalize(),
            category_shown: category_name(l.category),
            currency: l.currency.to_string(),
            funder: self.party(l.funder),
            quantities: l
                .quantities
                .iter()
                .map(|(q, n)| (format!("Q{q}"), n.normalize().to_string()))
                .collect(),
            total: Money {
                amount: l.amount(),
                currency: l.currency.clone(),
            }
            .rounded(),
            version: l.version,
        }
    }
}

/// The plan's id for a plan named on the command line, with the budget read in one go.
pub(super) async fn budget(ctx: &Ctx, plan: &str) -> anyhow::Result<(PlanId, finance::BudgetData)> {
    let id = super::find_plan(ctx, plan).await?;
    let data = finance::budget(&ctx.store, &ctx.actor, id).await?;
    Ok((id, data))
}

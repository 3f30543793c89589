//! The demo budgets: Lebanon's exchange rates and cost lines on the two RTO plans in progress,
//! written by the operator through the store's finance functions (one audited import each), so
//! the demo obeys the same rules as typed data. Everything is deterministic but the timestamps.
//!
//! **The rates are approximate**: a few dated points per rate type, rounded, from public
//! reporting on the Lebanese pound (SPEC §4) — the official rate of 1,507.5 LBP/USD until
//! February 2023 (then 15,000, and 89,500 from February 2024), the central bank's Sayrafa
//! platform from June 2021, and the parallel market from 2019 — plus a donor's EUR/USD
//! accounting rate. They illustrate the more-than-tenfold gap between rate types; they are not
//! a reference series.
//!
//! - `demo-coastal-south-rto` (LBP, 2025–2027): 50 cost lines over the 27 activities — logistics,
//!   consultants, the time of the union's and the partner's staff, RTO salaries paid in dollars
//!   by the partner and in pounds on the union's payroll, the partner's share falling each year;
//!   totals at the parallel-market rate; the AoC baseline frozen, then a mid-term revision; and
//!   payments in both currencies, one line overspent.
//! - `demo-olive-north-rto` (USD, 2024–2026, handing over): the AoC baseline, then the revision
//!   of the handover discussions (activity 25) moving salaries to the union; payments, one
//!   overspent.

use anyhow::{Context as _, anyhow};
use handover_core::actor::Actor;
use handover_core::finance::version::VersionPurpose;
use handover_core::finance::{CostCategory, CostLine, RateType, Unit};
use handover_core::ids::PlanId;
use handover_core::money::{Currency, parse_decimal};
use handover_core::text::Text;
use handover_store::finance::{
    AocInput, CostLineInput, ExpenditureInput, RateInput, aoc, cost_lines, expenditures, rates,
    settings, versions,
};
use handover_store::{Store, plans};
use std::collections::BTreeMap;

use CostCategory::{ExternalExpertise as Ext, InHouseExpertise as Own, Logistics as Log};
use RateType::{DonorAccounting, Official, ParallelMarket, Platform};

const SOURCE: &str = "Approximate figure for the fictional demo, rounded from public reporting";

/// (base, quote, type, date, rate)
#[rustfmt::skip]
const RATES: &[(&str, &str, RateType, &str, &str)] = &[
    ("USD", "LBP", Official, "2019-01-01", "1507.5"),
    ("USD", "LBP", Official, "2023-02-01", "15000"),
    ("USD", "LBP", Official, "2024-02-01", "89500"),
    ("USD", "LBP", Platform, "2021-06-01", "12000"),
    ("USD", "LBP", Platform, "2022-01-03", "22700"),
    ("USD", "LBP", Platform, "2022-12-01", "38000"),
    ("USD", "LBP", Platform, "2023-05-01", "85500"),
    ("USD", "LBP", ParallelMarket, "2019-01-01", "1507.5"),
    ("USD", "LBP", ParallelMarket, "2020-07-01", "8000"),
    ("USD", "LBP", ParallelMarket, "2021-07-01", "20000"),
    ("USD", "LBP", ParallelMarket, "2022-01-01", "30000"),
    ("USD", "LBP", ParallelMarket, "2023-03-01", "100000"),
    ("USD", "LBP", ParallelMarket, "2023-08-01", "89500"),
    ("EUR", "USD", DonorAccounting, "2019-01-01", "1.14"),
    ("EUR", "USD", DonorAccounting, "2020-01-01", "1.11"),
    ("EUR", "USD", DonorAccounting, "2021-01-01", "1.22"),
    ("EUR", "USD", DonorAccounting, "2022-01-01", "1.13"),
    ("EUR", "USD", DonorAccounting, "2023-01-01", "1.07"),
    ("EUR", "USD", DonorAccounting, "2024-01-01", "1.10"),
    ("EUR", "USD", DonorAccounting, "2025-01-01", "1.04"),
    ("EUR", "USD", DonorAccounting, "2026-01-01", "1.17"),
];

/// (activity, category, description, unit, unit price, currency, funder, quantities by quarter)
type Line = (
    &'static str,
    CostCategory,
    &'static str,
    Unit,
    &'static str,
    &'static str,
    &'static str,
    &'static [(u16, &'static str)],
);

const COASTAL: &str = "demo-coastal-south-rto";
const COASTAL_LA: &str = "union-coastal-south";
const COASTAL_DP: &str = "dp-fictional-cooperation";

#[rustfmt::skip]
const COASTAL_LINES: &[Line] = &[
    // Planning (2025).
    ("1", Log, "Venue and catering for the consultation meetings with the council and the mayors", Unit::Event, "9000000", "LBP", COASTAL_LA, &[(1, "3")]),
    ("1", Log, "Printing of the Arabic brief on the RTO model", Unit::Item, "450000", "LBP", COASTAL_DP, &[(1, "150")]),
    ("1", Own, "Partner programme staff preparing and facilitating the consultations", Unit::PersonDay, "220", "USD", COASTAL_DP, &[(1, "6")]),
    ("1", Own, "Time of the union's officials in the consultations", Unit::PersonDay, "2700000", "LBP", COASTAL_LA, &[(1, "8")]),
    ("2", Log, "Half-day joint workshop: venue and catering", Unit::Event, "11000000", "LBP", COASTAL_LA, &[(1, "1")]),
    ("2", Ext, "Local-governance consultant reviewing the legal and financial constraints", Unit::PersonDay, "320", "USD", COASTAL_DP, &[(1, "4")]),
    ("3", Own, "Secretariat time preparing the council decision", Unit::PersonDay, "2700000", "LBP", COASTAL_LA, &[(1, "3"), (2, "2")]),
    ("4", Log, "Transport to the member municipalities for the survey", Unit::Trip, "3600000", "LBP", COASTAL_LA, &[(1, "10"), (2, "6")]),
    ("4", Ext, "Consultant designing the needs survey and analysing its results", Unit::PersonDay, "350", "USD", COASTAL_DP, &[(1, "15"), (2, "10")]),
    ("4", Own, "Union staff collecting data in the member municipalities", Unit::PersonDay, "2700000", "LBP", COASTAL_LA, &[(1, "12"), (2, "8")]),
    ("5", Ext, "Human-resources consultant drafting the staffing table and job descriptions", Unit::PersonDay, "350", "USD", COASTAL_DP, &[(2, "8")]),
    ("6", Ext, "Lawyer versed in municipal law: the options note", Unit::PersonDay, "300", "USD", COASTAL_DP, &[(2, "5")]),
    ("6", Log, "Meetings with the qaimaqam's office and DGLAC", Unit::Trip, "4500000", "LBP", COASTAL_LA, &[(2, "3")]),
    ("7", Log, "Signing event of the Agreement of Cooperation", Unit::Event, "13500000", "LBP", COASTAL_LA, &[(2, "1")]),
    ("7", Ext, "Legal review of the Agreement of Cooperation", Unit::PersonDay, "300", "USD", COASTAL_DP, &[(2, "3")]),
    // Inception.
    ("8", Log, "Rehabilitation of the premises provided by the union", Unit::SquareMetre, "60", "USD", COASTAL_DP, &[(3, "80")]),
    ("8", Log, "Computers, printer and plotter for the RTO", Unit::Item, "950", "USD", COASTAL_DP, &[(3, "6")]),
    ("8", Log, "Solar back-up power for the RTO's office", Unit::LumpSum, "3200", "USD", COASTAL_DP, &[(3, "1")]),
    ("8", Log, "Furniture for the RTO's office", Unit::LumpSum, "180000000", "LBP", COASTAL_LA, &[(3, "1")]),
    ("8", Own, "Union technical staff supervising the works", Unit::PersonDay, "2700000", "LBP", COASTAL_LA, &[(3, "10")]),
    ("9", Log, "Advertising the RTO's vacancies", Unit::Item, "4500000", "LBP", COASTAL_LA, &[(3, "3")]),
    ("9", Own, "Partner members of the joint selection panel", Unit::PersonDay, "220", "USD", COASTAL_DP, &[(3, "6")]),
    ("9", Own, "Salaries of the RTO engineers paid by the partner", Unit::PersonMonth, "1400", "USD", COASTAL_DP, &[(4, "12"), (5, "9"), (6, "9"), (7, "9"), (8, "9"), (9, "6"), (10, "6"), (11, "3"), (12, "3")]),
    ("9", Own, "Salaries of RTO staff on the union's payroll", Unit::PersonMonth, "58000000", "LBP", COASTAL_LA, &[(4, "3"), (5, "6"), (6, "6"), (7, "6"), (8, "6"), (9, "9"), (10, "9"), (11, "12"), (12, "12")]),
    ("10", Log, "Introduction event with the council, the mayors and municipal staff", Unit::Event, "12000000", "LBP", COASTAL_LA, &[(4, "1")]),
    ("10", Own, "Partner staff coaching the new RTO", Unit::PersonDay, "220", "USD", COASTAL_DP, &[(4, "10")]),
    ("11", Log, "Printed copies of the sustainability toolkit in Arabic", Unit::Item, "900000", "LBP", COASTAL_DP, &[(4, "20")]),
    ("11", Own, "Peer trainers from an established RTO", Unit::PersonDay, "150", "USD", COASTAL_DP, &[(4, "6")]),
    ("12", Ext, "Assessor applying the competency matrix", Unit::PersonDay, "350", "USD", COASTAL_DP, &[(4, "5")]),
    // Capacity development.
    ("13", Ext, "Trainer in Lebanese municipal law", Unit::PersonDay, "300", "USD", COASTAL_DP, &[(4, "3"), (5, "3")]),
    ("13", Log, "Training venue, catering and materials", Unit::Event, "8000000", "LBP", COASTAL_LA, &[(5, "2")]),
    ("14", Ext, "Trainer and coach in proposal writing", Unit::PersonDay, "320", "USD", COASTAL_DP, &[(5, "4"), (6, "4")]),
    ("15", Ext, "Trainer in municipal finance and revenue administration", Unit::PersonDay, "300", "USD", COASTAL_DP, &[(6, "4")]),
    ("15", Own, "Head of finance and revenue collectors as resource persons", Unit::PersonDay, "2700000", "LBP", COASTAL_LA, &[(6, "6")]),
    ("16", Ext, "Trainer in integrity and participatory governance", Unit::PersonDay, "300", "USD", COASTAL_DP, &[(6, "2"), (7, "2")]),
    ("17", Ext, "Trainer in results-based management", Unit::PersonDay, "300", "USD", COASTAL_DP, &[(7, "3")]),
    ("18", Log, "Facilitated strategic-planning workshop with the council", Unit::Event, "22000000", "LBP", COASTAL_LA, &[(8, "1")]),
    // Awareness.
    ("19", Ext, "Communication agency: short videos and leaflets", Unit::LumpSum, "4000", "USD", COASTAL_DP, &[(8, "1")]),
    ("19", Log, "Public visits to completed projects", Unit::Event, "9000000", "LBP", COASTAL_LA, &[(9, "1"), (10, "1")]),
    ("20", Ext, "Social-media trainer", Unit::PersonDay, "250", "USD", COASTAL_DP, &[(7, "3")]),
    ("20", Log, "Smartphone and camera for content production", Unit::Item, "450", "USD", COASTAL_DP, &[(7, "2")]),
    // Networking: the union takes the network over in the last year.
    ("21", Log, "Network meetings and community-of-practice sessions", Unit::Event, "9000000", "LBP", COASTAL_DP, &[(6, "1"), (7, "1"), (8, "1")]),
    ("21", Log, "Network meetings hosted by the union", Unit::Event, "9000000", "LBP", COASTAL_LA, &[(9, "1"), (10, "1"), (11, "1")]),
    ("21", Log, "Online collaboration space", Unit::Month, "25", "USD", COASTAL_DP, &[(6, "3"), (7, "3"), (8, "3")]),
    ("22", Log, "Travel to donor coordination meetings in Beirut", Unit::Trip, "2700000", "LBP", COASTAL_LA, &[(7, "2"), (8, "2"), (9, "2"), (10, "2"), (11, "2")]),
    ("23", Log, "Meetings with community actors", Unit::Event, "6000000", "LBP", COASTAL_LA, &[(7, "1"), (9, "1"), (11, "1")]),
    ("24.1", Ext, "Specialised course: GIS for municipal engineers", Unit::PersonDay, "400", "USD", COASTAL_DP, &[(8, "5"), (9, "5")]),
    ("24.1", Log, "GIS software licences", Unit::Item, "16110000", "LBP", COASTAL_LA, &[(10, "4")]),
    // Handover.
    ("25", Log, "Handover meetings and the joint review workshop", Unit::Event, "13500000", "LBP", COASTAL_LA, &[(9, "1"), (10, "1")]),
    ("25", Ext, "Financial consultant projecting the union's capacity to absorb the RTO's costs", Unit::PersonDay, "350", "USD", COASTAL_DP, &[(9, "6")]),
    ("26", Own, "Retention allowances of the RTO staff", Unit::PersonMonth, "9000000", "LBP", COASTAL_LA, &[(9, "12"), (10, "12"), (11, "12"), (12, "12")]),
    ("27", Log, "Closing event and legal transfer of the equipment", Unit::Event, "13500000", "LBP", COASTAL_LA, &[(12, "1")]),
    ("27", Ext, "Independent end-of-partnership review", Unit::PersonDay, "350", "USD", COASTAL_DP, &[(12, "6")]),
];

/// Added after the baseline: the mid-term revision.
const COASTAL_REVISION: Line = (
    "15",
    Ext,
    "Digitising the union's tax register",
    Unit::LumpSum,
    "2500",
    "USD",
    COASTAL_DP,
    &[(6, "1")],
);

/// (line description, date, amount, currency, what, invoice)
type Payment = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

#[rustfmt::skip]
const COASTAL_PAYMENTS: &[Payment] = &[
    // The venue line is overspent: a third, larger meeting with two more municipalities.
    ("Venue and catering for the consultation", "2025-02-12", "9000000", "LBP", "First consultation meeting"),
    ("Venue and catering for the consultation", "2025-03-05", "9000000", "LBP", "Second consultation meeting"),
    ("Venue and catering for the consultation", "2025-03-27", "12500000", "LBP", "Third meeting, with the mayors of two more municipalities"),
    ("Consultant designing the needs survey", "2025-03-31", "5250", "USD", "Survey design, 15 days"),
    ("Consultant designing the needs survey", "2025-06-30", "3500", "USD", "Analysis and report, 10 days"),
    ("Transport to the member municipalities", "2025-06-15", "57600000", "LBP", "Survey transport, 16 trips"),
    ("Rehabilitation of the premises", "2025-08-10", "179000000", "LBP", "Contractor's advance, paid in pounds"),
    ("Rehabilitation of the premises", "2025-09-20", "2800", "USD", "Contractor's final payment"),
    ("Computers, printer and plotter", "2025-09-05", "5640", "USD", "IT equipment"),
    ("Salaries of the RTO engineers paid by the partner", "2025-12-31", "16800", "USD", "Salaries, Q4 2025"),
    ("Salaries of the RTO engineers paid by the partner", "2026-03-31", "12600", "USD", "Salaries, Q1 2026"),
    ("Salaries of the RTO engineers paid by the partner", "2026-06-30", "12600", "USD", "Salaries, Q2 2026"),
    ("Salaries of the RTO engineers paid by the partner", "2026-09-30", "12600", "USD", "Salaries, Q3 2026"),
    ("Salaries of RTO staff on the union's payroll", "2025-12-31", "174000000", "LBP", "Payroll, Q4 2025"),
    ("Salaries of RTO staff on the union's payroll", "2026-03-31", "348000000", "LBP", "Payroll, Q1 2026"),
    ("Salaries of RTO staff on the union's payroll", "2026-06-30", "348000000", "LBP", "Payroll, Q2 2026"),
    ("Salaries of RTO staff on the union's payroll", "2026-09-30", "348000000", "LBP", "Payroll, Q3 2026"),
    ("Trainer in Lebanese municipal law", "2026-01-20", "900", "USD", "Training, 3 days"),
    ("Digitising the union's tax register", "2026-06-25", "2500", "USD", "Tax-register digitisation"),
];

const OLIVE: &str = "demo-olive-north-rto";
const OLIVE_LA: &str = "union-olive-north";
const OLIVE_FUND: &str = "dp-fictional-fund";
const OLIVE_COOP: &str = "dp-fictional-cooperation";

#[rustfmt::skip]
const OLIVE_LINES: &[Line] = &[
    ("1", Log, "Consultation meetings with the council and the mayors", Unit::Event, "450", "USD", OLIVE_FUND, &[(1, "2")]),
    ("4", Ext, "Needs-assessment consultant", Unit::PersonDay, "350", "USD", OLIVE_FUND, &[(1, "10"), (2, "8")]),
    ("5", Ext, "Human-resources consultant: staffing table and job descriptions", Unit::PersonDay, "350", "USD", OLIVE_COOP, &[(2, "6")]),
    ("7", Log, "Signing event of the Agreement of Cooperation", Unit::Event, "12500000", "LBP", OLIVE_LA, &[(2, "1")]),
    ("7", Ext, "Legal review of the Agreement of Cooperation", Unit::PersonDay, "300", "USD", OLIVE_COOP, &[(2, "3")]),
    ("8", Log, "Rehabilitation and equipment of the RTO's office", Unit::LumpSum, "14500", "USD", OLIVE_FUND, &[(3, "1")]),
    ("8", Own, "Union technical staff supervising the works", Unit::PersonDay, "2700000", "LBP", OLIVE_LA, &[(3, "8")]),
    ("9", Own, "Salaries of the RTO staff paid by the Fund", Unit::PersonMonth, "1500", "USD", OLIVE_FUND, &[(3, "15"), (4, "15"), (5, "15"), (6, "15"), (7, "12"), (8, "12"), (9, "9"), (10, "9"), (11, "6"), (12, "3")]),
    ("9", Own, "Salaries of RTO staff on the union's payroll", Unit::PersonMonth, "60000000", "LBP", OLIVE_LA, &[(5, "3"), (6, "3"), (7, "6"), (8, "6"), (9, "9"), (10, "9"), (11, "12"), (12, "15")]),
    ("13", Ext, "Capacity-development trainers", Unit::PersonDay, "300", "USD", OLIVE_COOP, &[(4, "4"), (5, "6"), (6, "6"), (7, "4")]),
    ("19", Ext, "Visibility campaign: design and production", Unit::LumpSum, "6000", "USD", OLIVE_COOP, &[(8, "1")]),
    ("19", Log, "Visibility events hosted by the union", Unit::LumpSum, "268500000", "LBP", OLIVE_LA, &[(10, "1")]),
    ("21", Log, "Network meetings", Unit::Event, "800", "USD", OLIVE_COOP, &[(6, "1"), (8, "1"), (10, "1")]),
    ("24.1", Ext, "Specialised course: road-design software", Unit::PersonDay, "420", "USD", OLIVE_FUND, &[(8, "5"), (9, "5")]),
    ("25", Log, "Handover review workshop", Unit::Event, "1200", "USD", OLIVE_COOP, &[(9, "1")]),
    ("25", Ext, "Financial consultant: the union's capacity to absorb the RTO's costs", Unit::PersonDay, "350", "USD", OLIVE_FUND, &[(9, "8")]),
    ("26", Own, "Retention allowances of the RTO staff", Unit::PersonMonth, "10000000", "LBP", OLIVE_LA, &[(9, "12"), (10, "12"), (11, "15"), (12, "15")]),
    ("27", Log, "Closing event and transfer of the assets", Unit::Event, "1500", "USD", OLIVE_COOP, &[(12, "1")]),
];

/// The handover discussions' revision: health coverage, added.
const OLIVE_ADDED: Line = (
    "26",
    Own,
    "Health coverage of the RTO staff",
    Unit::PersonMonth,
    "4500000",
    "LBP",
    OLIVE_LA,
    &[(11, "15"), (12, "18")],
);

#[rustfmt::skip]
const OLIVE_PAYMENTS: &[Payment] = &[
    ("Needs-assessment consultant", "2024-03-29", "3500", "USD", "Needs assessment, 10 days"),
    ("Needs-assessment consultant", "2024-06-28", "2800", "USD", "Needs assessment, 8 days"),
    // Overspent: the works found a leaking roof.
    ("Rehabilitation and equipment of the RTO's office", "2024-08-30", "15200", "USD", "Works and equipment, with roof repairs"),
    ("Salaries of the RTO staff paid by the Fund", "2024-09-30", "22500", "USD", "Salaries, Q3 2024"),
    ("Salaries of the RTO staff paid by the Fund", "2024-12-31", "22500", "USD", "Salaries, Q4 2024"),
    ("Salaries of RTO staff on the union's payroll", "2025-03-31", "180000000", "LBP", "Payroll, Q1 2025"),
    ("Salaries of RTO staff on the union's payroll", "2025-06-30", "180000000", "LBP", "Payroll, Q2 2025"),
    ("Capacity-development trainers", "2025-03-15", "1800", "USD", "Training, 6 days"),
];

/// Loads the rates and the budgets of the RTO plans in progress.
pub async fn load(store: &Store, actor: &Actor) -> anyhow::Result<()> {
    load_rates(store, actor).await?;
    coastal_south(store, actor).await?;
    olive_north(store, actor).await?;
    Ok(())
}

fn decimal(s: &str) -> anyhow::Result<rust_decimal::Decimal> {
    parse_decimal(s).map_err(|e| anyhow!("demo figure {s}: {e}"))
}

fn currency(s: &str) -> anyhow::Result<Currency> {
    Currency::parse(s).map_err(|e| anyhow!(e))
}

async fn load_rates(store: &Store, actor: &Actor) -> anyhow::Result<()> {
    let mut rows = Vec::with_capacity(RATES.len());
    for (base, quote, t, date, rate) in RATES {
        rows.push(RateInput {
            base: Some(currency(base)?),
            quote: Some(currency(quote)?),
            rate_type: Some(*t),
            date: Some((*date).to_owned()),
            rate: Some(decimal(rate)?),
            source: Some(Some(SOURCE.to_owned())),
        });
    }
    rates::import(store, actor, rows)
        .await
        .context("storing the demo's exchange rates")?;
    Ok(())
}

fn input(l: &Line) -> anyhow::Result<CostLineInput> {
    let (activity, category, description, unit, price, cur, funder, quantities) = l;
    let mut q = BTreeMap::new();
    for (quarter, n) in *quantities {
        q.insert(*quarter, decimal(n)?);
    }
    Ok(CostLineInput {
        activity: Some((*activity).to_owned()),
        category: Some(*category),
        description: Some(Text::en(*description)),
        unit: Some(*unit),
        unit_price: Some(decimal(price)?),
        currency: Some(currency(cur)?),
        funder: Some((*funder).to_owned()),
        quantities: Some(q),
    })
}

async fn import(store: &Store, actor: &Actor, plan: PlanId, lines: &[Line]) -> anyhow::Result<()> {
    let rows = lines
        .iter()
        .map(input)
        .collect::<anyhow::Result<Vec<_>>>()?;
    cost_lines::import(store, actor, plan, rows, false).await?;
    Ok(())
}

/// The plan's line whose English description starts with `prefix`.
fn line<'a>(lines: &'a [CostLine], prefix: &str) -> anyhow::Result<&'a CostLine> {
    lines
        .iter()
        .find(|l| {
            l.description
                .best(handover_core::text::Lang::En)
                .starts_with(prefix)
        })
        .ok_or_else(|| anyhow!("the demo names the cost line `{prefix}`, which the plan lacks"))
}

async fn pay(
    store: &Store,
    actor: &Actor,
    plan: PlanId,
    code: &str,
    payments: &[Payment],
) -> anyhow::Result<()> {
    let lines = cost_lines::list(store, actor, plan).await?;
    for (n, (prefix, date, amount, cur, what)) in payments.iter().enumerate() {
        let l = line(&lines, prefix)?;
        expenditures::create(
            store,
            actor,
            plan,
            ExpenditureInput {
                cost_line: Some(l.id.to_string()),
                date: Some((*date).to_owned()),
                amount: Some(decimal(amount)?),
                currency: Some(currency(cur)?),
                description: Some(format!("{what} (fictional demo payment)")),
                evidence: Some(Some(format!(
                    "https://example.org/fictional-demo/{code}/payments/{:03}.pdf",
                    n + 1
                ))),
            },
        )
        .await
        .with_context(|| format!("recording the demo payment `{what}`"))?;
    }
    Ok(())
}

async fn sign_aoc(store: &Store, actor: &Actor, plan: PlanId, on: &str) -> anyhow::Result<()> {
    let current = aoc::get(store, actor, plan).await?;
    aoc::set(
        store,
        actor,
        plan,
        current.version,
        AocInput {
            signed_on: Some(Some(on.to_owned())),
            activity: None,
        },
    )
    .await?;
    Ok(())
}

async fn coastal_south(store: &Store, actor: &Actor) -> anyhow::Result<()> {
    let plan = plans::find(store, actor, COASTAL).await?;
    // The union budgets at the market rate, which is what its suppliers charge.
    let s = settings::get(store, actor, plan).await?;
    settings::set(store, actor, plan, s.version, ParallelMarket).await?;
    import(store, actor, plan, COASTAL_LINES)
        .await
        .context("storing the demo budget of the coastal union")?;
    sign_aoc(store, actor, plan, "2025-07-24").await?;
    versions::freeze(
        store,
        actor,
        plan,
        "AoC baseline",
        VersionPurpose::AocBaseline,
    )
    .await?;
    cost_lines::create(store, actor, plan, input(&COASTAL_REVISION)?).await?;
    versions::freeze(
        store,
        actor,
        plan,
        "Mid-term revision: tax register",
        VersionPurpose::Revision,
    )
    .await?;
    pay(store, actor, plan, COASTAL, COASTAL_PAYMENTS).await
}

async fn olive_north(store: &Store, actor: &Actor) -> anyhow::Result<()> {
    let plan = plans::find(store, actor, OLIVE).await?;
    import(store, actor, plan, OLIVE_LINES)
        .await
        .context("storing the demo budget of the olive-grove union")?;
    sign_aoc(store, actor, plan, "2024-06-18").await?;
    versions::freeze(
        store,
        actor,
        plan,
        "AoC baseline",
        VersionPurpose::AocBaseline,
    )
    .await?;
    pay(store, actor, plan, OLIVE, OLIVE_PAYMENTS).await?;

    // The handover discussions (activity 25): the Fund stops paying salaries a quarter early,
    // the union takes the staff on its payroll and indexes the retention allowances.
    let lines = cost_lines::list(store, actor, plan).await?;
    let quarters = |pairs: &[(u16, &str)]| -> anyhow::Result<BTreeMap<u16, rust_decimal::Decimal>> {
        pairs.iter().map(|(q, n)| Ok((*q, decimal(n)?))).collect()
    };
    let changes = [
        (
            "Salaries of the RTO staff paid by the Fund",
            CostLineInput {
                quantities: Some(quarters(&[
                    (3, "15"),
                    (4, "15"),
                    (5, "15"),
                    (6, "15"),
                    (7, "12"),
                    (8, "12"),
                    (9, "9"),
                    (10, "9"),
                    (11, "3"),
                ])?),
                ..Default::default()
            },
        ),
        (
            "Salaries of RTO staff on the union's payroll",
            CostLineInput {
                quantities: Some(quarters(&[
                    (5, "3"),
                    (6, "3"),
                    (7, "6"),
                    (8, "6"),
                    (9, "9"),
                    (10, "9"),
                    (11, "15"),
                    (12, "18"),
                ])?),
                ..Default::default()
            },
        ),
        (
            "Retention allowances of the RTO staff",
            CostLineInput {
                unit_price: Some(decimal("13500000")?),
                ..Default::default()
            },
        ),
    ];
    for (prefix, change) in changes {
        let l = line(&lines, prefix)?;
        cost_lines::update(store, actor, plan, &l.id.to_string(), l.version, change).await?;
    }
    cost_lines::create(store, actor, plan, input(&OLIVE_ADDED)?).await?;
    versions::freeze(
        store,
        actor,
        plan,
        "Handover revision",
        VersionPurpose::HandoverRevision,
    )
    .await?;
    Ok(())
}

//! Demo plan 2, handing over: the fictional olive-grove union of the North, started
//! 2024-01-01 with two partners, reporting in US dollars. Nearly every activity is done, the
//! handover review (activity 25) has started a quarter late, retention measures are advanced,
//! and the local authority already leads most of the work.

use super::build::{DemoPlan, Header};
use super::orgs::Directory;
use handover_core::plan::{PlanStatus, PlanTree, ProgressStatus};
use handover_core::risk::RiskStatus;
use handover_core::template::Template;
use handover_core::text::Lang;
use time::macros::date;

const NOTE: &str = "Fictional demo figure.";

pub fn build(rto: &Template, dir: &Directory) -> anyhow::Result<PlanTree> {
    let owner = dir.get("union-olive-north")?;
    let mut p = DemoPlan::new(
        rto,
        Header {
            code: "demo-olive-north-rto",
            name: "RTO transition of the Union of Fictional Olive Grove Municipalities (fictional demo)",
            owner,
            partners: vec![
                dir.get("dp-fictional-fund")?.clone(),
                dir.get("dp-fictional-cooperation")?.clone(),
            ],
            start: date!(2024 - 01 - 01),
            currency: "USD",
            languages: &[Lang::En, Lang::Fr],
        },
    )?;
    p.status(PlanStatus::HandingOver);

    for (n, s, e) in [
        ("1", 1, 1),
        ("2", 1, 1),
        ("3", 1, 2),
        ("4", 1, 2),
        ("5", 2, 2),
        ("6", 2, 3),
        ("7", 2, 3),
        ("8", 3, 3),
        ("9", 3, 4),
        ("10", 4, 4),
        ("11", 4, 5),
        ("12", 4, 4),
        ("13", 4, 5),
        ("14", 5, 6),
        ("15", 6, 7),
        ("16", 6, 7),
        ("17", 7, 8),
        ("18", 7, 9),
        ("19", 8, 10),
        ("20", 7, 8),
        ("23", 7, 11),
        ("24.1", 8, 10),
    ] {
        p.done(n, s, e)?;
    }
    p.under_way("21", ProgressStatus::Advanced, 6)?;
    p.under_way("22", ProgressStatus::Advanced, 7)?;
    p.under_way("25", ProgressStatus::Started, 10)?;
    p.under_way("26", ProgressStatus::Advanced, 9)?;
    // Responsibility has moved: the union leads networking and donor relations alone.
    for n in ["21", "22", "23"] {
        p.lead_from(n, 9, &[owner.id])?;
    }

    p.baseline("9.1.1", "0", "2024-01-01", &[])?;
    p.actual("9.1.1", 3, "4", &[("sex", "female")], NOTE)?;
    p.actual("9.1.1", 3, "3", &[("sex", "male")], NOTE)?;
    p.actual(
        "24.1.1",
        9,
        "4",
        &[("sex", "female")],
        "GIS training, first cohort.",
    )?;
    p.actual(
        "24.1.1",
        9,
        "3",
        &[("sex", "male")],
        "GIS training, first cohort.",
    )?;
    p.actual(
        "24.1.1",
        10,
        "2",
        &[("sex", "female")],
        "GIS training, second cohort.",
    )?;
    p.actual(
        "24.1.1",
        10,
        "1",
        &[("sex", "male")],
        "GIS training, second cohort.",
    )?;
    p.target("22.1.2", 8, "2", &[])?;
    p.actual("22.1.2", 8, "3", &[], NOTE)?;
    p.target("22.1.2", 10, "2", &[])?;
    p.actual(
        "22.1.2",
        10,
        "1",
        &[],
        "One proposal postponed to the next call.",
    )?;

    // The handover: items in the schedule and the review of the financial arrangements.
    p.target("25.2.1", 10, "12", &[])?;
    p.actual(
        "25.2.1",
        10,
        "7",
        &[],
        "Assets and data items dated; staff costs still under discussion.",
    )?;
    p.actual("25.2.1", 11, "10", &[], NOTE)?;
    p.target("25.1.1", 11, "3", &[])?;
    p.actual("25.1.1", 10, "2", &[], "Review under way.")?;
    p.actual(
        "25.1.1",
        11,
        "2",
        &[],
        "Revised budget awaits the union's budget session.",
    )?;

    // Retention and the pay gap, and the share the union funds.
    p.baseline("26.1.1.1", "100", "2024-06-30", &[])?;
    p.actual(
        "26.1.1.1",
        8,
        "83.3",
        &[],
        "One of six left for a private firm.",
    )?;
    p.target("26.1.1.1", 11, "90", &[])?;
    p.actual(
        "26.1.1.1",
        11,
        "71.4",
        &[],
        "Two of seven left in the last twelve months.",
    )?;
    p.baseline("26.1.1.2", "45", "2024-06-30", &[])?;
    for (q, gap) in [(4, "58"), (8, "64"), (11, "61")] {
        p.actual(
            "26.1.1.2",
            q,
            gap,
            &[],
            "Computed in US dollars at dated market rates.",
        )?;
    }
    p.target("27.1.1.1", 12, "60", &[])?;
    p.actual("27.1.1.1", 9, "25", &[], NOTE)?;
    p.actual("27.1.1.1", 11, "40", &[], NOTE)?;

    p.plan_risk(0, "2026-12-15", RiskStatus::Open)?;
    p.plan_risk(1, "2026-12-15", RiskStatus::Open)?;
    p.plan_risk(2, "2025-06-30", RiskStatus::Closed)?;
    p.activity_risks("25", "2026-10-31", RiskStatus::Open)?;
    p.activity_risks("26", "2027-01-15", RiskStatus::Monitoring)?;
    Ok(p.tree)
}

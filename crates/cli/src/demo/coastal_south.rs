//! Demo plan 1, in progress: the fictional coastal union of the South, started 2025-01-01 with
//! one partner, reporting in Lebanese pounds. The planning and inception phases are done (some
//! late), capacity development is under way, own-source revenue is tracked in LBP, and the
//! standing staff-retention risk is overdue for review.

use super::build::{DemoPlan, Header};
use super::orgs::Directory;
use handover_core::plan::{PlanStatus, PlanTree, ProgressStatus};
use handover_core::risk::RiskStatus;
use handover_core::template::Template;
use handover_core::text::Lang;
use time::macros::date;

const NOTE: &str = "Fictional demo figure.";

pub fn build(rto: &Template, dir: &Directory) -> anyhow::Result<PlanTree> {
    let owner = dir.get("union-coastal-south")?;
    let mut p = DemoPlan::new(
        rto,
        Header {
            code: "demo-coastal-south-rto",
            name: "RTO transition of the Union of Fictional Coastal Municipalities (fictional demo)",
            owner,
            partners: vec![dir.get("dp-fictional-cooperation")?.clone()],
            start: date!(2025 - 01 - 01),
            currency: "LBP",
            languages: &[Lang::En, Lang::Ar],
        },
    )?;
    p.status(PlanStatus::InProgress);

    // Planning and inception: done, a few of them a quarter late.
    for (n, s, e) in [
        ("1", 1, 1),
        ("2", 1, 1),
        ("3", 1, 2),
        ("4", 1, 3),
        ("5", 2, 3),
        ("6", 2, 3),
        ("7", 3, 3),
        ("8", 3, 4),
        ("9", 4, 4),
        ("10", 4, 5),
        ("12", 5, 5),
        ("13", 5, 6),
        ("14", 6, 7),
    ] {
        p.done(n, s, e)?;
    }
    p.under_way("11", ProgressStatus::Advanced, 5)?;
    p.under_way("15", ProgressStatus::Advanced, 6)?;
    p.under_way("16", ProgressStatus::Started, 7)?;
    p.under_way("17", ProgressStatus::Started, 8)?;
    p.under_way("20", ProgressStatus::Started, 7)?;
    p.under_way("21", ProgressStatus::Started, 6)?;
    p.under_way("22", ProgressStatus::Started, 8)?;
    // The union takes the lead of networking in the last year.
    p.lead_from("21", 9, &[owner.id])?;

    // Planning: consultations, by sex where people are counted.
    p.target("1.1.1", 1, "6", &[])?;
    p.actual(
        "1.1.1",
        1,
        "7",
        &[],
        "One extra meeting with the mayors of two member municipalities.",
    )?;
    p.target("1.1.2", 1, "25", &[])?;
    p.actual("1.1.2", 1, "6", &[("sex", "female")], NOTE)?;
    p.actual("1.1.2", 1, "16", &[("sex", "male")], NOTE)?;
    p.actual("4.1.2", 2, "41", &[("sex", "female")], NOTE)?;
    p.actual("4.1.2", 2, "53", &[("sex", "male")], NOTE)?;
    p.actual(
        "4.1.2",
        3,
        "12",
        &[("sex", "female")],
        "Late interviews in two villages.",
    )?;
    p.actual(
        "4.1.2",
        3,
        "9",
        &[("sex", "male")],
        "Late interviews in two villages.",
    )?;
    p.actual(
        "5.1.1.1",
        3,
        "35",
        &[],
        "Projected share at the current rate of collection.",
    )?;
    p.actual(
        "7.2.1",
        3,
        "4",
        &[],
        "Agreement of Cooperation signed in the third quarter.",
    )?;

    // Inception: the office, the team and its induction.
    p.baseline("8.1.2", "9", "2025-07-01", &[])?;
    p.actual(
        "8.1.2",
        4,
        "14",
        &[],
        "Solar panels installed on the union's building.",
    )?;
    p.baseline("9.1.1", "0", "2025-01-01", &[])?;
    p.target("9.1.1", 4, "6", &[])?;
    p.actual("9.1.1", 4, "3", &[("sex", "female")], NOTE)?;
    p.actual(
        "9.1.1",
        4,
        "2",
        &[("sex", "male")],
        "One post still vacant: the engineer.",
    )?;
    p.actual("11.1.1", 5, "7", &[("sex", "female")], NOTE)?;
    p.actual("11.1.1", 5, "9", &[("sex", "male")], NOTE)?;

    // Capacity development: municipal law and revenue.
    p.target("13.1.1", 5, "16", &[])?;
    p.actual("13.1.1", 5, "5", &[("sex", "female")], NOTE)?;
    p.actual("13.1.1", 5, "6", &[("sex", "male")], NOTE)?;
    p.actual(
        "13.1.1",
        6,
        "3",
        &[("sex", "female")],
        "Second session for finance staff.",
    )?;
    p.actual(
        "13.1.1",
        6,
        "2",
        &[("sex", "male")],
        "Second session for finance staff.",
    )?;
    p.target("13.1.2", 6, "80", &[])?;
    p.actual("13.1.2", 6, "86", &[], NOTE)?;
    p.target("15.1.1", 6, "14", &[])?;
    p.actual("15.1.1", 6, "6", &[("sex", "female")], NOTE)?;
    p.actual("15.1.1", 6, "7", &[("sex", "male")], NOTE)?;
    p.baseline("15.1.2", "1", "2026-04-01", &[])?;
    p.target("15.1.2", 6, "2", &[])?;
    p.actual(
        "15.1.2",
        6,
        "2",
        &[],
        "Action plan drafted by the trainees.",
    )?;
    p.target("15.1.2", 7, "3", &[])?;
    p.actual(
        "15.1.2",
        7,
        "2",
        &[],
        "Awaiting the approval of the head of the union.",
    )?;
    p.baseline("15.1.1.1", "38.5", "2025-12-31", &[])?;
    p.target("15.1.1.1", 8, "45", &[])?;

    // Own-source revenue collected, in Lebanese pounds.
    p.add_indicator(
        "15.1.1.1",
        "15.1.1.3",
        "Own-source revenue collected by the union and its member municipalities in the quarter",
        "LBP",
    )?;
    p.baseline("15.1.1.3", "1207500000", "2025-12-31", &[])?;
    for (q, target, actual) in [
        (5, "1500000000", Some("1507500000")),
        (6, "1650000000", Some("1658250000")),
        (7, "1800000000", Some("1734600000.50")),
        (8, "1950000000", None),
    ] {
        p.target("15.1.1.3", q, target, &[])?;
        if let Some(a) = actual {
            p.actual(
                "15.1.1.3",
                q,
                a,
                &[],
                "Fictional receipts from the union's finance unit.",
            )?;
        }
    }

    // Networking, and the pay gap that drives the standing risk.
    p.target("21.1.1", 6, "2", &[])?;
    p.actual("21.1.1", 6, "2", &[], NOTE)?;
    p.target("21.1.1", 7, "2", &[])?;
    p.actual(
        "21.1.1",
        7,
        "3",
        &[],
        "Joined the fictional engineering community of practice.",
    )?;
    p.baseline("26.1.1.2", "62", "2026-06-30", &[])?;

    // Risks: the staff-retention risk is overdue for review.
    p.plan_risk(0, "2026-09-30", RiskStatus::Monitoring)?;
    p.plan_risk(1, "2027-01-31", RiskStatus::Open)?;
    p.plan_risk(2, "2025-09-30", RiskStatus::Closed)?;
    p.activity_risks("9", "2025-12-31", RiskStatus::Closed)?;
    p.activity_risks("15", "2026-12-31", RiskStatus::Monitoring)?;
    Ok(p.tree)
}

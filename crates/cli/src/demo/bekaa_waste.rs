//! Demo plan 4, a generic programme: the fictional plain union of the Bekaa sorts household
//! waste at source with a fictional NGO partner, from 2026-01-01, in US dollars. It is built by
//! hand from the empty generic template — impact → outcome → outputs under the plan, two
//! milestones of activities, indicators with values and plan risks.

use super::build::{DemoPlan, Header};
use super::by_hand::{NewActivity, NewIndicator};
use super::orgs::Directory;
use handover_core::indicator::{Direction, Measure};
use handover_core::plan::{PlanStatus, PlanTree, ProgressStatus, ResultLevel, ResultParent};
use handover_core::risk::RiskStatus;
use handover_core::template::Template;
use handover_core::text::Lang;
use time::macros::date;

pub fn build(generic: &Template, dir: &Directory) -> anyhow::Result<PlanTree> {
    let union = dir.id("union-plain-bekaa")?;
    let ngo = dir.id("dp-fictional-services")?;
    let mut p = DemoPlan::new(
        generic,
        Header {
            code: "demo-bekaa-waste-sorting",
            name: "Household waste sorting in the fictional Bekaa plain (fictional demo programme)",
            owner: dir.get("union-plain-bekaa")?,
            partners: vec![dir.get("dp-fictional-services")?.clone()],
            start: date!(2026 - 01 - 01),
            currency: "USD",
            languages: &[Lang::En],
        },
    )?;
    p.status(PlanStatus::InProgress);

    let impact = p.add_result(
        ResultParent::Plan,
        ResultLevel::Impact,
        "Less waste is dumped or burnt in the open across the fictional plain's villages",
        "The regional sanitary landfill keeps accepting residual waste.",
        &[union],
    );
    p.add_indicator_on(
        impact,
        NewIndicator {
            code: "I.1",
            statement: "Tonnes of waste sent to open dumps per month",
            measure: Measure::Unit,
            unit: Some("tonnes per month"),
            direction: Direction::Down,
            source: "Weighbridge records of the union's trucks (fictional)",
        },
        &[union],
    );
    let outcome = p.add_result(
        ResultParent::Result(impact),
        ResultLevel::Outcome,
        "Households in the pilot villages sort recyclables from residual waste",
        "Recyclers keep buying sorted plastic and cardboard at a price covering collection.",
        &[union, ngo],
    );
    p.add_indicator_on(outcome, NewIndicator { code: "O.1", statement: "Percentage of pilot households sorting at source, by sex of the head of household", measure: Measure::Percentage, unit: None, direction: Direction::Up, source: "Quarterly spot checks of bins (fictional)" }, &[ngo]);
    let bins = p.add_result(
        ResultParent::Result(outcome),
        ResultLevel::Output,
        "Sorting bins distributed and households briefed in the pilot villages",
        "",
        &[ngo],
    );
    p.add_indicator_on(
        bins,
        NewIndicator {
            code: "OP.1",
            statement: "Number of households that received two bins and a briefing",
            measure: Measure::Unit,
            unit: Some("households"),
            direction: Direction::Up,
            source: "Distribution lists (fictional)",
        },
        &[ngo],
    );
    let rounds = p.add_result(
        ResultParent::Result(outcome),
        ResultLevel::Output,
        "Separate collection rounds for recyclables run by the union",
        "",
        &[union],
    );
    p.add_indicator_on(
        rounds,
        NewIndicator {
            code: "OP.2",
            statement: "Number of separate collection rounds run per quarter",
            measure: Measure::Unit,
            unit: Some("rounds"),
            direction: Direction::Up,
            source: "Collection logs (fictional)",
        },
        &[union],
    );

    let design = p.add_milestone(
        1,
        "Design and procurement",
        "Bins, routes and the recycler agreement are ready.",
    );
    let rollout = p.add_milestone(
        2,
        "Roll-out in the pilot villages",
        "Every pilot household sorts and is collected.",
    );
    p.add_activity(
        design,
        NewActivity {
            number: 1,
            key: "route_design",
            title: "Design the separate collection routes",
            rationale: "Trucks run full routes for mixed waste only.",
            planned: (1, 1),
            leads: &[union],
        },
    )?;
    p.add_activity(
        design,
        NewActivity {
            number: 2,
            key: "bin_procurement",
            title: "Procure sorting bins",
            rationale: "Households have no place to keep recyclables apart.",
            planned: (1, 2),
            leads: &[ngo],
        },
    )?;
    p.add_activity(
        rollout,
        NewActivity {
            number: 3,
            key: "household_briefings",
            title: "Brief households door to door",
            rationale: "Sorting fails without knowing what goes where.",
            planned: (2, 4),
            leads: &[union, ngo],
        },
    )?;
    p.add_activity(
        rollout,
        NewActivity {
            number: 4,
            key: "collection_rounds",
            title: "Run separate collection rounds",
            rationale: "Sorted waste must be collected apart or households stop sorting.",
            planned: (3, 12),
            leads: &[union],
        },
    )?;
    p.done("1", 1, 1)?;
    p.done("2", 1, 3)?;
    p.under_way("3", ProgressStatus::Advanced, 2)?;
    p.under_way("4", ProgressStatus::Started, 4)?;

    p.baseline("I.1", "310", "2025-12-31", &[])?;
    p.actual("I.1", 3, "296", &[], "Fictional weighbridge total.")?;
    p.baseline("O.1", "4", "2025-12-31", &[])?;
    p.target("O.1", 3, "25", &[])?;
    p.actual(
        "O.1",
        3,
        "31",
        &[("sex", "female")],
        "Female-headed households.",
    )?;
    p.actual(
        "O.1",
        3,
        "22",
        &[("sex", "male")],
        "Male-headed households.",
    )?;
    p.target("OP.1", 2, "800", &[])?;
    p.actual("OP.1", 2, "640", &[], "Bins delivered late.")?;
    p.target("OP.1", 3, "1600", &[])?;
    p.actual("OP.1", 3, "1480", &[], "Fictional distribution lists.")?;
    p.target("OP.2", 4, "24", &[])?;

    p.add_plan_risk(
        "Recyclers stop buying sorted materials when prices fall, and households lose faith in sorting.",
        3,
        4,
        "Agree a floor price with two fictional recyclers; store bales when prices are low.",
        &[union, ngo],
        "2026-09-30",
        RiskStatus::Monitoring,
    )?;
    p.add_plan_risk(
        "Fuel shortages interrupt the separate collection rounds.",
        3,
        3,
        "Keep a fuel reserve for two weeks of rounds; combine rounds in low season.",
        &[union],
        "2027-02-28",
        RiskStatus::Open,
    )?;
    Ok(p.tree)
}

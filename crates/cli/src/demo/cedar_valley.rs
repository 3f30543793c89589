//! Demo plan 3, a draft: the fictional cedar-valley union of Baalbek-Hermel plans its RTO with
//! one partner, starting on 1 January next year, in US dollars. Nothing has started; a few
//! baselines are already set from the needs assessment's preparation.

use super::build::{DemoPlan, Header};
use super::orgs::Directory;
use handover_core::plan::PlanTree;
use handover_core::risk::RiskStatus;
use handover_core::template::Template;
use handover_core::text::Lang;
use time::{Date, Month};

pub fn build(rto: &Template, dir: &Directory, year: i32) -> anyhow::Result<PlanTree> {
    let start = Date::from_calendar_date(year, Month::January, 1)?;
    let mut p = DemoPlan::new(
        rto,
        Header {
            code: "demo-cedar-valley-rto",
            name: "RTO transition of the Union of Fictional Cedar Valley Municipalities (fictional demo)",
            owner: dir.get("union-cedar-valley")?,
            partners: vec![dir.get("dp-fictional-fund")?.clone()],
            start,
            currency: "USD",
            languages: &[Lang::En, Lang::Fr, Lang::Ar],
        },
    )?;
    let prepared = format!("{}-11-15", year - 1);
    p.baseline("1.1.1", "0", &prepared, &[])?;
    p.baseline("4.1.1", "0", &prepared, &[])?;
    p.target("1.1.1", 1, "5", &[])?;
    p.target("1.1.2", 1, "20", &[])?;
    p.target("4.1.1", 2, "100", &[])?;
    let review = format!("{year}-03-31");
    p.plan_risk(0, &review, RiskStatus::Open)?;
    p.plan_risk(1, &review, RiskStatus::Open)?;
    p.plan_risk(2, &review, RiskStatus::Open)?;
    Ok(p.tree)
}

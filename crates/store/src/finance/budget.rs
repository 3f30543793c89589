//! Everything a budget page, the API and the workbook need, read in one transaction.

use super::decode;
use super::versions::{VersionSummary, summaries};
use crate::StoreResult;
use crate::connect::Store;
use crate::error::StoreError;
use crate::plans::{access_with, tree_in};
use handover_core::actor::Actor;
use handover_core::finance::aoc::AgreementOfCooperation;
use handover_core::finance::settings::FinanceSettings;
use handover_core::finance::spending::Expenditure;
use handover_core::finance::{CostLine, RateTable};
use handover_core::ids::PlanId;
use handover_core::plan::PlanTree;

/// A plan's budget and what it takes to total it.
#[derive(Clone, Debug)]
pub struct BudgetData {
    pub tree: PlanTree,
    /// By activity order, then position.
    pub lines: Vec<CostLine>,
    /// By date.
    pub expenditures: Vec<Expenditure>,
    /// Every rate of the deployment.
    pub rates: RateTable,
    pub settings: FinanceSettings,
    /// By number.
    pub versions: Vec<VersionSummary>,
    pub aoc: AgreementOfCooperation,
}

/// Reads a plan's whole budget at one moment (read access).
pub async fn budget(store: &Store, actor: &Actor, plan: PlanId) -> StoreResult<BudgetData> {
    let mut tx = store
        .pool
        .begin()
        .await
        .map_err(StoreError::db("starting a transaction"))?;
    access_with(&mut *tx, actor, plan).await?;
    let tree = tree_in(&mut tx, plan).await?;
    let lines = decode::lines(&mut tx, plan, &decode::order(&tree)).await?;
    let expenditures = decode::expenditures(&mut tx, plan).await?;
    let rates = RateTable::new(decode::all_rates(&mut tx).await?);
    let settings = decode::settings(&mut tx, plan).await?;
    let versions = summaries(&mut tx, plan).await?;
    let aoc = decode::aoc(&mut tx, plan, decode::aoc_activity(&tree)).await?;
    tx.commit()
        .await
        .map_err(StoreError::db("reading the budget"))?;
    Ok(BudgetData {
        tree,
        lines,
        expenditures,
        rates,
        settings,
        versions,
        aoc,
    })
}

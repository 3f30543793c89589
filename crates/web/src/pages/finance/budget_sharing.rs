//! The cost sharing on the budget page: each party's share of each year's budget, as a stacked
//! bar chart in percent mode ([`handover_charts::bars::stacked_bars`], mirrored on Arabic
//! pages) and as a table with the same figures. Shares need one currency: the converted totals,
//! or the own-currency totals when every line is in one currency.

use super::PlanBudget;
use super::money::{of, share};
use crate::i18n::Ui;
use handover_charts::bars::{BarSeries, StackedBars, stacked_bars};
use handover_core::finance::Totals;
use handover_core::finance::sharing::by_year;
use handover_core::money::Currency;
use rust_decimal::prelude::ToPrimitive;

/// One year's line of the table: the year and each party's share and amount.
#[derive(Debug)]
pub(super) struct SharingRow {
    pub(super) year: String,
    pub(super) cells: Vec<String>,
}

/// The cost sharing as the page shows it.
#[derive(Debug, Default)]
pub(super) struct Sharing {
    /// The chart, escaped by its maker; empty when there is nothing to share.
    pub(super) chart: String,
    pub(super) parties: Vec<String>,
    pub(super) rows: Vec<SharingRow>,
    /// Why there is no sharing (no lines, or several currencies and no conversion).
    pub(super) note: String,
    /// The table's caption, naming the currency of the amounts.
    pub(super) caption: String,
}

/// The sharing per year of `plan`'s budget.
pub(super) fn sharing(
    ui: Ui,
    plan: &PlanBudget,
    own: &Totals,
    converted: Option<&(Totals, Currency)>,
) -> Sharing {
    let tree = plan.tree();
    let single;
    let (t, currency) = match converted {
        Some((t, c)) => (t, c),
        None => match own.grand.0.keys().collect::<Vec<_>>()[..] {
            [c] => {
                single = c.clone();
                (own, &single)
            }
            [] => {
                return Sharing {
                    note: ui.t("finance-sharing-empty"),
                    ..Sharing::default()
                };
            }
            _ => {
                return Sharing {
                    note: ui.t("finance-sharing-needs-currency"),
                    ..Sharing::default()
                };
            }
        },
    };
    let order: Vec<_> = tree.parties.iter().map(|o| o.id).collect();
    let years = by_year(t, currency, &order);
    if years.is_empty() {
        return Sharing {
            note: ui.t("finance-sharing-empty"),
            ..Sharing::default()
        };
    }
    let parties: Vec<_> = tree.parties.iter().collect();
    let categories: Vec<String> = years.keys().map(|y| super::year(ui, *y)).collect();
    let values: Vec<Vec<f64>> = parties
        .iter()
        .map(|o| {
            years
                .values()
                .map(|shares| {
                    shares
                        .iter()
                        .find(|s| s.party == o.id)
                        .and_then(|s| s.amount.to_f64())
                        .unwrap_or(0.0)
                })
                .collect()
        })
        .collect();
    let series: Vec<BarSeries<'_>> = parties
        .iter()
        .zip(&values)
        .map(|(o, v)| BarSeries {
            label: &o.name,
            values: v,
        })
        .collect();
    let title = ui.t("finance-sharing-chart-title");
    let desc = ui.ta("finance-sharing-chart-desc", "currency", currency.as_str());
    let chart = stacked_bars(
        &StackedBars {
            id: "sharing",
            title: &title,
            desc: &desc,
            categories: &categories,
            series: &series,
            percent: true,
            mirror: ui.rtl(),
        },
        &|v| super::money::axis(ui, v),
    );
    let rows = years
        .iter()
        .map(|(y, shares)| SharingRow {
            year: super::year(ui, *y),
            cells: parties
                .iter()
                .map(|o| match shares.iter().find(|s| s.party == o.id) {
                    Some(s) => ui.targs(
                        "finance-share-of",
                        &[
                            ("share", &share(ui, s.share)),
                            ("amount", &of(ui, s.amount, currency)),
                        ],
                    ),
                    None => "—".to_owned(),
                })
                .collect(),
        })
        .collect();
    Sharing {
        chart,
        parties: parties.iter().map(|o| o.name.clone()).collect(),
        rows,
        note: String::new(),
        caption: ui.ta("finance-sharing-caption", "currency", currency.as_str()),
    }
}

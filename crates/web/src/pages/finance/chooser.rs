//! The conversion chooser of the budget and spending pages: a GET form (`currency` = `own` or a
//! currency code, `rate_type`, `at` = `quarter_start`, `on` (with the date in `on`) or a date
//! `YYYY-MM-DD`). Without a choice: the plan's currency at the plan's rate type on each
//! quarter's first day.

use super::fields::Choice;
use super::{PlanBudget, rate_type_label};
use crate::i18n::Ui;
use handover_core::calendar::{format_date, parse_date};
use handover_core::finance::{Conversion, RateDate, RateType};
use handover_core::money::Currency;
use serde::Deserialize;

/// The chooser's query.
#[derive(Debug, Default, Deserialize)]
pub(super) struct ConversionQuery {
    #[serde(default)]
    pub(super) currency: String,
    #[serde(default)]
    pub(super) rate_type: String,
    #[serde(default)]
    pub(super) at: String,
    #[serde(default)]
    pub(super) on: String,
}

/// What the chooser shows.
#[derive(Debug, Clone)]
pub(super) struct Chooser {
    pub(super) action: String,
    pub(super) currencies: Vec<Choice>,
    pub(super) rate_types: Vec<Choice>,
    /// Each quarter's first day (else one date, `on`).
    pub(super) quarter_start: bool,
    pub(super) on: String,
    /// A choice that could not be read (shown, and the default used instead).
    pub(super) problem: String,
    /// The conversion in words (`in USD at the official rate of each quarter's first day`).
    pub(super) summary: String,
}

/// The conversion chosen by `q` for `plan`, and the chooser showing it.
pub(super) fn choose(
    ui: Ui,
    plan: &PlanBudget,
    q: &ConversionQuery,
    action: String,
) -> (Conversion, Chooser) {
    let data = &plan.data;
    let plan_currency = data.tree.plan.currency.clone();
    let mut problem = String::new();
    let currency = match q.currency.trim() {
        "" => Some(plan_currency.clone()),
        "own" => None,
        code => match Currency::parse(code) {
            Ok(c) => Some(c),
            Err(_) => {
                problem = ui.ta("finance-bad-currency", "value", code);
                Some(plan_currency.clone())
            }
        },
    };
    let rate_type = match q.rate_type.trim() {
        "" => data.settings.rate_type,
        t => RateType::parse(t).unwrap_or(data.settings.rate_type),
    };
    let day = match q.at.trim() {
        "" | "quarter_start" => None,
        "on" => Some(q.on.trim()),
        date => Some(date),
    };
    let on = match day {
        None => None,
        Some(d) => match parse_date(d) {
            Ok(d) => Some(d),
            Err(_) => {
                problem = ui.ta("finance-bad-date", "value", d);
                None
            }
        },
    };
    let at = on.map_or(RateDate::QuarterStart, RateDate::On);
    // The currencies worth offering: the plan's, those of the lines and payments, and the two
    // of the Lebanese setting.
    let mut codes: Vec<Currency> = vec![plan_currency.clone()];
    let more = data
        .lines
        .iter()
        .map(|l| l.currency.clone())
        .chain(data.expenditures.iter().map(|e| e.currency.clone()))
        .chain(
            ["USD", "LBP", "EUR"]
                .iter()
                .filter_map(|c| Currency::parse(c).ok()),
        );
    for c in more {
        if !codes.contains(&c) {
            codes.push(c);
        }
    }
    if let Some(c) = &currency
        && !codes.contains(c)
    {
        codes.push(c.clone());
    }
    let chosen = currency.as_ref().map_or("own", |c| c.as_str()).to_owned();
    let mut currencies = vec![Choice::new("own", ui.t("finance-own-currency"), &chosen)];
    currencies.extend(
        codes
            .iter()
            .map(|c| Choice::new(c.as_str(), c.as_str(), &chosen)),
    );
    let rate_types = RateType::ALL
        .iter()
        .map(|t| Choice::new(t.as_str(), rate_type_label(ui, *t), rate_type.as_str()))
        .collect();
    let summary = match &currency {
        None => ui.t("finance-shown-own"),
        Some(c) => match on {
            None => ui.targs(
                "finance-shown-quarter-start",
                &[
                    ("currency", c.as_str()),
                    ("type", &rate_type_label(ui, rate_type)),
                ],
            ),
            Some(d) => ui.targs(
                "finance-shown-on",
                &[
                    ("currency", c.as_str()),
                    ("type", &rate_type_label(ui, rate_type)),
                    ("date", &ui.date(d)),
                ],
            ),
        },
    };
    let conversion = match currency {
        None => Conversion::Own,
        Some(currency) => Conversion::To {
            currency,
            rate_type,
            at,
        },
    };
    let chooser = Chooser {
        action,
        currencies,
        rate_types,
        quarter_start: on.is_none(),
        on: on.map(format_date).unwrap_or_default(),
        problem,
        summary,
    };
    (conversion, chooser)
}

//! The budget workbook of a small RTO plan costed in pounds and dollars: written, read back with
//! calamine, and every total cell equal to the core's total rounded once, to the cent.

use calamine::{Data, Range, Reader, Xlsx};
use handover_core::calendar::{MonthStart, QuarterRange, parse_date, quarters};
use handover_core::finance::cost_line::Quantities;
use handover_core::finance::sharing::by_year;
use handover_core::finance::spending::{Expenditure, spending};
use handover_core::finance::{
    Conversion, CostCategory, CostLine, ExchangeRate, RateDate, RateTable, RateType, Unit, totals,
};
use handover_core::ids::*;
use handover_core::money::{Currency, Money};
use handover_core::org::{OrgType, Organisation};
use handover_core::plan::*;
use handover_core::text::{Lang, Text};
use handover_formats::budget_book::{BookError, BudgetBook, write};
use rust_decimal::Decimal;
use std::io::{Cursor, Read};
use std::str::FromStr;
use time::Date;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn cur(s: &str) -> Currency {
    Currency::parse(s).unwrap()
}

fn date(s: &str) -> Date {
    parse_date(s).unwrap()
}

fn org(code: &str, name: &str, t: OrgType) -> Organisation {
    Organisation {
        id: OrgId::new(),
        code: Code::parse(code).unwrap(),
        name: name.into(),
        org_type: t,
        region: None,
        union_id: None,
        iati_id: None,
        ministry: false,
        version: 1,
    }
}

fn activity(
    plan: PlanId,
    m: &Milestone,
    number: u16,
    instance: Option<u16>,
    title: &str,
) -> Activity {
    Activity {
        id: ActivityId::new(),
        plan_id: plan,
        milestone_id: m.id,
        key: None,
        number,
        instance,
        title: Text::en(title).with(Lang::Ar, format!("نشاط {number}")),
        rationale: Text::default(),
        needs: vec![],
        financial_description: Text::default(),
        repeatable: instance.is_some(),
        planned: QuarterRange::new(1, 12, 12).unwrap(),
        actual_start: None,
        actual_end: None,
        status: ProgressStatus::NotStarted,
        leads: vec![],
        version: 1,
    }
}

fn milestone(plan: PlanId, number: u16, title: &str) -> Milestone {
    Milestone {
        id: MilestoneId::new(),
        plan_id: plan,
        number,
        key: None,
        title: Text::en(title),
        objective: Text::default(),
        version: 1,
    }
}

/// A plan of the union of municipalities with GIZ from July 2021, in dollars.
fn tree() -> PlanTree {
    let id = PlanId::new();
    let la = org(
        "tyre-union",
        "Union of Tyre Municipalities",
        OrgType::UnionOfMunicipalities,
    );
    let dp = org("giz", "GIZ", OrgType::DevelopmentPartner);
    let start = MonthStart::parse("2021-07-01").unwrap();
    let plan = Plan {
        id,
        code: Code::parse("tyre-rto").unwrap(),
        name: Text::en("Tyre RTO transition"),
        kind: PlanKind::RtoTransition,
        owner: la.id,
        partners: vec![dp.id],
        start,
        quarters: 12,
        currency: cur("USD"),
        languages: vec![Lang::En, Lang::Ar],
        status: PlanStatus::Draft,
        template_code: None,
        report_due_days: 30,
        version: 1,
    };
    let periods = quarters(start, 12)
        .into_iter()
        .map(|q| Period {
            id: PeriodId::new(),
            plan_id: id,
            seq: q.seq,
            label: q.label(),
            start: q.start,
            end: q.end,
        })
        .collect();
    let (m1, m2) = (
        milestone(id, 1, "Preparation"),
        milestone(id, 2, "Handover"),
    );
    let activities = vec![
        activity(id, &m1, 7, None, "Agreement of Cooperation"),
        activity(id, &m2, 24, Some(2), "Coaching"),
        activity(id, &m2, 25, None, "Handover discussions"),
    ];
    PlanTree {
        plan,
        parties: vec![la, dp],
        periods,
        needs: vec![],
        milestones: vec![m1, m2],
        activities,
        results: vec![],
        indicators: vec![],
        values: vec![],
        risks: vec![],
    }
}

#[allow(clippy::too_many_arguments)]
fn line(
    t: &PlanTree,
    a: usize,
    funder: usize,
    category: CostCategory,
    unit: Unit,
    price: &str,
    currency: &str,
    qty: &[(u16, &str)],
) -> CostLine {
    CostLine {
        id: CostLineId::new(),
        plan_id: t.plan.id,
        activity_id: t.activities[a].id,
        category,
        description: Text::en(format!("line of activity {}", t.activities[a].number)),
        unit,
        unit_price: dec(price),
        currency: cur(currency),
        funder: t.parties[funder].id,
        quantities: Quantities::from_pairs(qty.iter().map(|(q, n)| (*q, dec(n)))),
        position: 0,
        version: 1,
    }
}

fn rate(base: &str, quote: &str, t: RateType, d: &str, r: &str) -> ExchangeRate {
    ExchangeRate {
        id: RateId::new(),
        base: cur(base),
        quote: cur(quote),
        rate_type: t,
        date: date(d),
        rate: dec(r),
        source: None,
        version: 1,
    }
}

fn paid(l: &CostLine, d: &str, amount: &str, currency: &str) -> Expenditure {
    Expenditure {
        id: ExpenditureId::new(),
        plan_id: l.plan_id,
        cost_line_id: l.id,
        date: date(d),
        amount: dec(amount),
        currency: cur(currency),
        description: "invoice".into(),
        evidence: None,
        version: 1,
    }
}

struct Fixture {
    tree: PlanTree,
    lines: Vec<CostLine>,
    paid: Vec<Expenditure>,
    rates: RateTable,
}

fn fixture() -> Fixture {
    let tree = tree();
    use CostCategory::*;
    let lines = vec![
        // RTO staff paid by the union in pounds, Q1 and Q4.
        line(
            &tree,
            0,
            0,
            InHouseExpertise,
            Unit::PersonMonth,
            "3000000",
            "LBP",
            &[(1, "3"), (4, "3")],
        ),
        // A consultant paid by GIZ in dollars.
        line(
            &tree,
            1,
            1,
            ExternalExpertise,
            Unit::PersonDay,
            "333.333",
            "USD",
            &[(2, "3"), (5, "1")],
        ),
        // An eighth of a dollar, rounded half to even once per total.
        line(
            &tree,
            2,
            1,
            Logistics,
            Unit::Item,
            "0.125",
            "USD",
            &[(3, "1"), (9, "0.5")],
        ),
        // 3,015 pounds in Q10 (2023-10-01), after the official rate moved to 15,000.
        line(
            &tree,
            2,
            0,
            Logistics,
            Unit::Event,
            "1507.5",
            "LBP",
            &[(10, "2")],
        ),
    ];
    let paid = vec![
        paid(&lines[0], "2021-08-15", "9000000", "LBP"),
        paid(&lines[1], "2021-11-01", "500", "USD"),
        // Pounds against the dollar line: 3,015,000 at 1,507.5 is 2,000 dollars: overspent.
        paid(&lines[1], "2021-12-01", "3015000", "LBP"),
    ];
    use RateType::*;
    let rates = RateTable::new([
        rate("USD", "LBP", Official, "2019-01-01", "1507.5"),
        rate("USD", "LBP", Official, "2023-02-01", "15000"),
        rate("USD", "LBP", ParallelMarket, "2020-07-01", "8000"),
        rate("USD", "LBP", ParallelMarket, "2021-07-01", "20000"),
    ]);
    Fixture {
        tree,
        lines,
        paid,
        rates,
    }
}

fn book<'a>(f: &'a Fixture, lang: Lang) -> BudgetBook<'a> {
    BudgetBook::new(
        &f.tree,
        &f.lines,
        &f.paid,
        &f.rates,
        RateType::Official,
        lang,
        date("2022-01-15"),
    )
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<&[u8]>> {
    calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap()
}

/// The row whose first cell is `label`.
fn row_of(r: &Range<Data>, label: &str) -> u32 {
    (0..r.height() as u32)
        .find(|row| r.get_value((*row, 0)) == Some(&Data::String(label.into())))
        .unwrap_or_else(|| panic!("no row {label}"))
}

/// The number in a cell, as the exact decimal its shortest form writes.
fn num(r: &Range<Data>, row: u32, col: u32) -> Decimal {
    match r.get_value((row, col)) {
        Some(Data::Float(f)) => Decimal::from_str(&format!("{f}")).unwrap(),
        Some(Data::Int(i)) => Decimal::from(*i),
        other => panic!("no number at ({row}, {col}): {other:?}"),
    }
}

fn rounded(amount: Decimal, c: &str) -> Decimal {
    Money {
        amount,
        currency: cur(c),
    }
    .rounded()
    .amount
}

#[test]
fn every_total_of_the_workbook_is_the_cores_to_the_cent() {
    let f = fixture();
    let b = book(&f, Lang::En);
    let bytes = write(&b).unwrap();
    let mut wb = open(&bytes);
    assert_eq!(
        wb.sheet_names(),
        [
            "Budget",
            "By activity",
            "By milestone",
            "By category",
            "By party",
            "By quarter",
            "By year",
            "Cost sharing",
            "Spending",
            "Rates used"
        ]
    );
    let t = &f.tree;
    let conv = totals(&f.lines, &t.periods, &t.activities, &b.conversion, &f.rates).unwrap();
    let own = totals(
        &f.lines,
        &t.periods,
        &t.activities,
        &Conversion::Own,
        &f.rates,
    )
    .unwrap();
    let usd = cur("USD");
    let grand = rounded(conv.grand.get(&usd), "USD");
    // 18,000,000 LBP at 1,507.5, 3,015 LBP at 15,000 (2023-10-01), 1,333.332 + 0.1875 USD.
    assert_eq!(grand.to_string(), "13274.02");

    let r = wb.worksheet_range("By activity").unwrap();
    assert_eq!(num(&r, row_of(&r, "Total"), 3), grand);
    for (i, a) in t.activities.iter().enumerate() {
        let want = rounded(conv.by_activity[&a.id].get(&usd), "USD");
        assert_eq!(num(&r, 1 + i as u32, 3), want, "activity {}", a.number);
    }

    let r = wb.worksheet_range("Budget").unwrap();
    let (amount, converted) = (9 + 12 + 1, 9 + 12 + 2);
    let total_lbp = row_of(&r, "Total LBP");
    assert_eq!(
        num(&r, total_lbp, amount),
        rounded(own.grand.get(&cur("LBP")), "LBP")
    );
    assert_eq!(num(&r, total_lbp, converted), grand);
    assert_eq!(
        num(&r, row_of(&r, "Total USD"), amount).to_string(),
        "1333.52"
    );
    assert_eq!(r.get_value((1, 1)), Some(&Data::String("7".into())));
    assert_eq!(r.get_value((2, 1)), Some(&Data::String("24.2".into())));
    assert_eq!(num(&r, 2, 6), dec("333.333"));

    let r = wb.worksheet_range("By party").unwrap();
    assert_eq!(num(&r, row_of(&r, "Total"), 1), grand);
    for p in &t.parties {
        let want = rounded(conv.by_party[&p.id].get(&usd), "USD");
        assert_eq!(num(&r, row_of(&r, &p.name), 1), want);
    }
    let r = wb.worksheet_range("By year").unwrap();
    assert_eq!(num(&r, row_of(&r, "Total"), 1), grand);
    for (row, y) in (1..).zip([2021, 2022, 2023, 2024]) {
        assert_eq!(num(&r, row, 0), Decimal::from(y));
        let want = conv
            .by_year
            .get(&y)
            .map_or(Decimal::ZERO, |s| rounded(s.get(&usd), "USD"));
        assert_eq!(num(&r, row, 1), want, "{y}");
    }

    // Cost sharing: GIZ's share of 2022 as the core computes it.
    let shares = by_year(&conv, &usd, &t.plan.parties());
    let r = wb.worksheet_range("Cost sharing").unwrap();
    let giz = row_of(&r, "GIZ");
    let s2022 = shares[&2022]
        .iter()
        .find(|s| s.party == t.parties[1].id)
        .unwrap();
    assert_eq!(num(&r, giz, 3), rounded(s2022.amount, "USD"));
    assert_eq!(num(&r, giz, 4), s2022.share);
    assert_eq!(num(&r, row_of(&r, "Total"), 9), grand);

    // Spending: planned and actual totals, the overspent consultant flagged.
    let sp = spending(
        &f.lines,
        &f.paid,
        &t.periods,
        &b.conversion,
        RateType::Official,
        &f.rates,
        b.today,
    )
    .unwrap();
    let r = wb.worksheet_range("Spending").unwrap();
    let total = row_of(&r, "Total");
    assert_eq!(num(&r, total, 3), grand);
    assert_eq!(num(&r, total, 4), rounded(sp.actual.get(&usd), "USD"));
    assert_eq!(num(&r, total, 4).to_string(), "8470.15");
    let consultant = (0..r.height() as u32)
        .find(|row| r.get_value((*row, 0)) == Some(&Data::String("24.2".into())))
        .unwrap();
    assert_eq!(
        r.get_value((consultant, 7)),
        Some(&Data::String("Yes".into()))
    );
    assert_eq!(num(&r, consultant, 4).to_string(), "2500");

    let r = wb.worksheet_range("Rates used").unwrap();
    let inverse: Vec<_> = (1..r.height() as u32)
        .filter(|row| r.get_value((*row, 1)) == Some(&Data::String("LBP".into())))
        .map(|row| num(&r, row, 6).to_string())
        .collect();
    // Q1, Q4 and Q10's first days for the totals, then the payment of 2021-12-01.
    assert_eq!(inverse, ["1507.5", "1507.5", "15000", "1507.5"]);
}

#[test]
fn arabic_sheets_run_right_to_left() {
    let f = fixture();
    let bytes = write(&book(&f, Lang::Ar)).unwrap();
    let wb = open(&bytes);
    assert_eq!(wb.sheet_names()[0], "الميزانية");
    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains("rightToLeft=\"1\""));
    let fr = write(&book(&f, Lang::Fr)).unwrap();
    assert_eq!(open(&fr).sheet_names()[1], "Par activité");
}

#[test]
fn a_missing_rate_names_the_pair_the_type_and_the_date() {
    let f = fixture();
    let mut b = book(&f, Lang::En);
    b.conversion = Conversion::To {
        currency: cur("USD"),
        rate_type: RateType::Platform,
        at: RateDate::QuarterStart,
    };
    let Err(BookError::MissingRates(missing)) = write(&b) else {
        panic!("a missing rate");
    };
    let text = BookError::MissingRates(missing.clone()).to_string();
    assert!(
        text.contains("no platform rate between LBP and USD on or before 2021-07-01"),
        "{text}"
    );
    // The payments at the plan's rate type still find theirs.
    assert!(missing.iter().all(|m| m.rate_type == RateType::Platform));
}

#[test]
fn in_own_currencies_each_currency_has_its_column() {
    let f = fixture();
    let mut b = book(&f, Lang::En);
    b.conversion = Conversion::Own;
    let bytes = write(&b).unwrap();
    let mut wb = open(&bytes);
    let r = wb.worksheet_range("By category").unwrap();
    assert_eq!(
        r.get_value((0, 1)),
        Some(&Data::String("Amount (LBP)".into()))
    );
    assert_eq!(
        r.get_value((0, 2)),
        Some(&Data::String("Amount (USD)".into()))
    );
    let total = row_of(&r, "Total");
    assert_eq!(num(&r, total, 1).to_string(), "18003015");
    assert_eq!(num(&r, total, 2).to_string(), "1333.52");
}

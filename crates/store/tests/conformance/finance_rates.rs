//! Exchange rates on both backends: Lebanon's official, platform and parallel-market rates
//! (SPEC §4) imported all or nothing, a same-day rate replaced, writers by role, and the audit
//! entries of deployment-wide data carrying no plan.

use super::*;
use handover_core::finance::RateType;
use handover_store::finance::rates::{self, RateFilter, RateImport, RateInput};

fn rate(base: &str, quote: &str, t: RateType, date: &str, r: &str) -> RateInput {
    RateInput {
        base: Some(Currency::parse(base).unwrap()),
        quote: Some(Currency::parse(quote).unwrap()),
        rate_type: Some(t),
        date: Some(date.into()),
        rate: Some(parse_decimal(r).unwrap()),
        source: Some(Some("Banque du Liban / lirarate.org".into())),
    }
}

/// Lebanon's rates as SPEC §4 gives them.
pub(crate) fn lebanon() -> Vec<RateInput> {
    use RateType::*;
    vec![
        rate("USD", "LBP", Official, "2019-01-01", "1507.5"),
        rate("USD", "LBP", Official, "2023-02-01", "15000"),
        rate("USD", "LBP", ParallelMarket, "2019-01-01", "1507.5"),
        rate("USD", "LBP", ParallelMarket, "2020-07-01", "8000"),
        rate("USD", "LBP", ParallelMarket, "2021-07-01", "20000"),
        rate("USD", "LBP", ParallelMarket, "2023-03-01", "100000"),
        rate("USD", "LBP", Platform, "2021-06-01", "12000"),
        rate("USD", "LBP", Platform, "2022-01-03", "22700"),
    ]
}

pub(crate) async fn run(store: &Store, editor: &Actor, reporter: &Actor, viewer: &Actor) {
    // Only editors, administrators and the operator write rates.
    for who in [
        reporter,
        viewer,
        &Actor::Reader {
            label: "public".into(),
        },
    ] {
        let r = rates::import(store, who, lebanon()).await;
        assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");
    }
    // A bad row is named by its index and field, and nothing is imported.
    let mut bad = lebanon();
    bad[1].rate = Some(parse_decimal("0").unwrap());
    bad[3].date = Some("2020-13-01".into());
    bad[5].quote = Some(Currency::parse("USD").unwrap());
    let e = rates::import(store, editor, bad).await.unwrap_err();
    assert_eq!(fields(e), ["1/rate", "3/date", "5/quote"]);
    let all = RateFilter::default();
    assert!(rates::list(store, viewer, &all).await.unwrap().is_empty());

    let done = rates::import(store, editor, lebanon()).await.unwrap();
    assert_eq!(
        done,
        RateImport {
            added: 8,
            replaced: 0,
            unchanged: 0
        }
    );
    // Exact: 1507.5 reads back as written on both backends.
    let listed = rates::list(store, reporter, &all).await.unwrap();
    assert_eq!(listed.len(), 8);
    assert_eq!(listed[0].date.to_string(), "2023-03-01", "latest first");
    assert_eq!(listed.last().unwrap().rate.to_string(), "1507.5");
    let platform = RateFilter {
        currency: Some(Currency::parse("LBP").unwrap()),
        rate_type: Some(RateType::Platform),
        ..Default::default()
    };
    let p = rates::list(store, viewer, &platform).await.unwrap();
    assert_eq!(
        p.iter().map(|r| r.rate.to_string()).collect::<Vec<_>>(),
        ["22700", "12000"]
    );

    // Importing again replaces a same-day rate and leaves the others.
    let mut again = lebanon();
    again[5].rate = Some(parse_decimal("89500").unwrap());
    let done = rates::import(store, editor, again).await.unwrap();
    assert_eq!(
        done,
        RateImport {
            added: 0,
            replaced: 1,
            unchanged: 7
        }
    );
    let march = rates::list(
        store,
        viewer,
        &RateFilter {
            from: Some(handover_core::calendar::parse_date("2023-03-01").unwrap()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(march.len(), 1);
    assert_eq!(
        (march[0].rate.to_string(), march[0].version),
        ("89500".into(), 2)
    );

    // One rate at a time: a second rate for the same pair, type and day is a duplicate.
    let dup = rates::create(store, editor, lebanon().remove(0)).await;
    assert!(matches!(dup, Err(StoreError::Duplicate { .. })), "{dup:?}");
    let eur = rates::create(
        store,
        editor,
        rate("EUR", "USD", RateType::Official, "2021-01-01", "1.2"),
    )
    .await
    .unwrap();
    let stale = rates::update(store, editor, &eur.id.to_string(), 0, RateInput::default()).await;
    assert!(matches!(stale, Err(StoreError::Stale(..))), "{stale:?}");
    let changed = rates::update(
        store,
        editor,
        &eur.id.to_string(),
        1,
        RateInput {
            rate: Some(parse_decimal("1.21").unwrap()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(changed.version, 2);
    assert!(matches!(
        rates::delete(store, editor, &eur.id.to_string(), 1).await,
        Err(StoreError::Stale(..))
    ));
    rates::delete(store, editor, &eur.id.to_string(), 2)
        .await
        .unwrap();
    assert_eq!(rates::list(store, viewer, &all).await.unwrap().len(), 8);

    // Every rate write is audited without a plan.
    let trail = audit::list(store, &OP(), &AuditFilter::default())
        .await
        .unwrap();
    let rate_entries: Vec<_> = trail
        .iter()
        .filter(|e| e.entity.starts_with("exchange_rate"))
        .collect();
    assert_eq!(
        rate_entries.len(),
        5,
        "2 imports, a create, an update, a delete"
    );
    assert!(rate_entries.iter().all(|e| e.plan_id.is_none()));
    let replaced = rate_entries
        .iter()
        .find(|e| {
            e.entity == "exchange_rates"
                && e.before.as_ref().is_some_and(|b| b[0]["rate"] == "100000")
        })
        .expect("the replacing import");
    assert_eq!(replaced.after.as_ref().unwrap()[0]["rate"], "89500");
}

/// The fields of an invalid input's problems.
pub(crate) fn fields(e: StoreError) -> Vec<String> {
    match e {
        StoreError::Invalid(i) => i.0.into_iter().map(|f| f.field).collect(),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

//! Page weight and server time of the workspace's plan pages, for the README's figures:
//! `cargo run --release -p handover-web --example page_bench`. It makes a temporary SQLite
//! database with the built-in RTO plan (27 activities, 108 indicators, 12 quarters), then asks
//! for each plan page in-process 50 times (after 5 warm-up requests), reporting the median and
//! 95th percentile time from request to the last byte (database reads and rendering), and the
//! page's size compressed with gzip as the server sends it, with and without its assets (the
//! stylesheet and scripts every page loads, which a browser then keeps in its cache).

use axum::body::Body;
use axum::http::{Request, header};
use handover_core::actor::Actor;
use handover_core::calendar::MonthStart;
use handover_core::ids::Code;
use handover_core::money::Currency;
use handover_core::org::NewOrganisation;
use handover_core::template::{NewPlan, instantiate};
use handover_core::text::Text;
use handover_store::testing::TestDb;
use handover_store::{orgs, plans, templates};
use handover_web::{ServeOptions, router};
use http_body_util::BodyExt;
use std::time::{Duration, Instant};
use tower::ServiceExt;

const RUNS: usize = 50;

#[tokio::main]
async fn main() {
    let db = TestDb::sqlite();
    let store = db.store().await;
    let op = Actor::operator("bench");
    let org = |code: &str, kind: &str| {
        NewOrganisation::parse(code, code, kind, Some("South"), None, None).unwrap()
    };
    let owner = orgs::add(&store, &op, org("bench-union", "union_of_municipalities"))
        .await
        .unwrap();
    let partner = orgs::add(&store, &op, org("bench-dp", "development_partner"))
        .await
        .unwrap();
    templates::sync_builtin(&store, &handover_formats::template::builtin())
        .await
        .unwrap();
    let (_, template) = templates::get(&store, &op, "rto-transition").await.unwrap();
    let tree = instantiate(
        &template,
        NewPlan {
            code: Code::parse("bench-rto").unwrap(),
            name: Text::en("Benchmark RTO transition"),
            owner,
            partners: vec![partner],
            start: MonthStart::parse("2026-01-01").unwrap(),
            currency: Currency::parse("USD").unwrap(),
            languages: vec![],
        },
    )
    .unwrap();
    println!(
        "plan: {} activities, {} indicators, {} quarters",
        tree.activities.len(),
        tree.indicators.len(),
        tree.periods.len()
    );
    plans::create(&store, &op, &tree).await.unwrap();
    let app = router(
        store.clone(),
        ServeOptions {
            demo: true,
            ..ServeOptions::default()
        },
    );

    let get = |path: String, lang: &'static str| {
        let app = app.clone();
        async move {
            let request = Request::get(&path)
                .header(header::ACCEPT_ENCODING, "gzip")
                .header(header::ACCEPT_LANGUAGE, lang)
                .body(Body::empty())
                .unwrap();
            let started = Instant::now();
            let response = app.oneshot(request).await.unwrap();
            let status = response.status();
            let bytes = response.into_body().collect().await.unwrap().to_bytes();
            (status, bytes.len(), started.elapsed())
        }
    };
    let mut assets = 0;
    for path in ["/assets/app.css", "/assets/htmx.min.js", "/assets/app.js"] {
        assets += get(path.to_owned(), "en").await.1;
    }
    println!(
        "assets (css + htmx + app.js), gzip: {:.1} KB",
        assets as f64 / 1024.0
    );
    println!(
        "{:<34} {:>4} {:>9} {:>9} {:>11} {:>14}",
        "page", "lang", "median", "p95", "gzip page", "with assets"
    );
    for tab in ["", "/framework", "/risks", "/reports", "/gantt", "/audit"] {
        for lang in ["en", "ar"] {
            let path = format!("/plans/bench-rto{tab}");
            for _ in 0..5 {
                get(path.clone(), lang).await;
            }
            let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
            let mut size = 0;
            let mut status = axum::http::StatusCode::OK;
            for _ in 0..RUNS {
                let (s, n, t) = get(path.clone(), lang).await;
                status = s;
                size = n;
                times.push(t);
            }
            times.sort();
            let ms = |d: Duration| d.as_secs_f64() * 1000.0;
            println!(
                "{:<34} {:>4} {:>7.2}ms {:>7.2}ms {:>8.1} KB {:>11.1} KB{}",
                path,
                lang,
                ms(times[RUNS / 2]),
                ms(times[RUNS * 95 / 100]),
                size as f64 / 1024.0,
                (size + assets) as f64 / 1024.0,
                if status.is_success() {
                    String::new()
                } else {
                    format!("  (status {status})")
                }
            );
        }
    }
    store.close().await;
    db.cleanup().await;
}

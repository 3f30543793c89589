//! The fictional demo data: loaded once, plans at different stages in LBP and USD, values
//! disaggregated by sex, readable by the ministry.

use super::*;

#[tokio::test]
async fn demo_loads_fictional_plans_once() {
    for db in TestDb::both().await {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        let loaded = ok(&db, dir, &["demo"]);
        assert!(loaded.contains("fictional"), "{loaded}");
        let plans = json(&db, dir, &["plan", "list"]);
        let plans = plans.as_array().unwrap();
        assert_eq!(plans.len(), 4);
        let field = |f: &str| -> Vec<String> {
            plans
                .iter()
                .map(|p| p[f].as_str().unwrap().to_owned())
                .collect()
        };
        for status in ["draft", "in_progress", "handing_over"] {
            assert!(field("status").iter().any(|s| s == status), "{plans:?}");
        }
        assert!(field("currency").iter().any(|c| c == "LBP"));
        assert!(field("currency").iter().any(|c| c == "USD"));
        assert!(field("kind").iter().any(|k| k == "generic"));
        assert!(
            plans
                .iter()
                .all(|p| p["name"]["en"].as_str().unwrap().contains("fictional"))
        );

        let south = ok(&db, dir, &["plan", "show", "demo-coastal-south-rto"]);
        assert!(south.contains("actual 1507500000"), "{south}");
        assert!(
            south.contains("[sex=female]") && south.contains("baseline"),
            "{south}"
        );
        let north = json(&db, dir, &["plan", "show", "demo-olive-north-rto"]);
        let review = north["activities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["key"] == "handover_review")
            .unwrap();
        assert_eq!(review["status"], "started");
        assert_eq!(north["plan"]["status"], "handing_over");
        assert!(
            !json(
                &db,
                dir,
                &["audit", "list", "--plan", "demo-olive-north-rto"]
            )
            .as_array()
            .unwrap()
            .is_empty()
        );

        // The ministry reads every plan; a union sees its own.
        assert_eq!(
            json(
                &db,
                dir,
                &["--as", "ministry-fictional-interior", "plan", "list"]
            )
            .as_array()
            .unwrap()
            .len(),
            4
        );
        assert_eq!(
            json(&db, dir, &["--as", "union-coastal-south", "plan", "list"])
                .as_array()
                .unwrap()
                .len(),
            1
        );

        // Once there are plans, the demo is not loaded again.
        let again = ok(&db, dir, &["demo"]);
        assert!(again.contains("already holds 4 plans"), "{again}");
        assert_eq!(
            json(&db, dir, &["plan", "list"]).as_array().unwrap().len(),
            4
        );
        db.cleanup().await;
    }
}

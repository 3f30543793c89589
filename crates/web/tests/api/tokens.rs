//! Bearer tokens: a party's user reads its plan; an outsider's plan does not exist for it; a
//! revoked token stops working at once.

use super::*;
use handover_core::actor::Role;

pub(crate) async fn run(store: &Store) {
    let app = TestApp::new(store, false);
    // The plan seeded for the whole test belongs to tyre-union and dp-one.
    let party = user_token(store, "tyre-union", Role::Viewer, "viewer@tyre.example.org").await;
    add_org(store, "outsider-town", "municipality").await;
    let outsider = user_token(
        store,
        "outsider-town",
        Role::Administrator,
        "admin@outsider.example.org",
    )
    .await;

    let seen = app
        .call(Method::GET, "/api/v1/plans", Some(&party), &[], None)
        .await;
    assert_eq!(seen.status, StatusCode::OK, "{}", seen.text());
    assert_eq!(seen.json()["total"], 1);
    let plan = app
        .call(
            Method::GET,
            "/api/v1/plans/tyre-rto",
            Some(&party),
            &[],
            None,
        )
        .await;
    assert_eq!(plan.status, StatusCode::OK);

    let hidden = app
        .call(Method::GET, "/api/v1/plans", Some(&outsider), &[], None)
        .await;
    assert_eq!(hidden.json()["total"], 0);
    let hidden = app
        .call(
            Method::GET,
            "/api/v1/plans/tyre-rto",
            Some(&outsider),
            &[],
            None,
        )
        .await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);

    let me = app
        .call(Method::GET, "/api/v1/me", Some(&party), &[], None)
        .await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.json()["email"], "viewer@tyre.example.org");
    assert_eq!(me.json()["role"], "viewer");

    let bogus = app
        .call(
            Method::GET,
            "/api/v1/plans",
            Some("hov_not-a-token"),
            &[],
            None,
        )
        .await;
    assert_eq!(bogus.status, StatusCode::UNAUTHORIZED);
    assert_eq!(bogus.json()["code"], "bad_credentials");

    // Revocation takes effect at once.
    let user = handover_store::accounts::find_user(store, &OP(), "viewer@tyre.example.org")
        .await
        .unwrap();
    let tokens = handover_store::accounts::list_tokens(store, user.id)
        .await
        .unwrap();
    handover_store::accounts::revoke_token(store, &OP(), user.id, &tokens[0].id)
        .await
        .unwrap();
    let revoked = app
        .call(Method::GET, "/api/v1/plans", Some(&party), &[], None)
        .await;
    assert_eq!(revoked.status, StatusCode::UNAUTHORIZED);
}

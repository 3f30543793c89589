//! The OpenAPI document is generated from the routes that serve.

use super::*;

pub(crate) async fn run(store: &Store) {
    let app = TestApp::new(store, false);
    let doc = app.get("/api/openapi.json").await;
    assert_eq!(doc.status, StatusCode::OK);
    let doc = doc.json();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    assert!(doc["paths"]["/api/v1/plans"]["get"].is_object());
    assert!(doc["paths"]["/api/v1/plans/{plan}"]["get"].is_object());
    assert!(doc["components"]["schemas"]["ErrorBody"].is_object());
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());

    // The readable reference is served by the application itself, from the same document.
    let page = app.get("/api/docs").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(
        html.contains("<html lang=\"en\">") && html.contains("/api/v1/plans/{plan}/endorsements"),
        "{html}"
    );
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"http"),
        "nothing loads from elsewhere"
    );
}

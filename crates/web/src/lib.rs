//! Handover over HTTP: the web workspace (server-rendered pages), `/health` and the JSON API
//! under `/api/v1`. Handlers
//! are thin — extract, call the store, map to a response type — and every API error is the one
//! body of SPEC §14 ([`error::AppError`]). `docs/API-DESIGN.md` describes what clients see.

pub mod api;
mod auth;
pub mod error;
mod extract;
mod health;
mod i18n;
mod pages;
mod scope;

use axum::Router;
use axum::http::{HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use handover_store::Store;
use std::net::SocketAddr;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

pub use auth::AuthSettings;
pub use error::{AppError, ErrorEntry};

/// How the server runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ServeOptions {
    /// Serve a read-only view of every plan to anyone, without signing in (`handover serve --demo`).
    pub demo: bool,
    /// Sign-in, sessions and their limits (`[auth]` in the configuration).
    pub auth: AuthSettings,
}

/// What every handler can reach.
#[derive(Clone, Debug)]
pub(crate) struct AppState {
    pub(crate) store: Store,
    pub(crate) options: ServeOptions,
    /// The OpenAPI document of the routes as JSON, generated once.
    pub(crate) openapi_json: std::sync::Arc<String>,
    /// Failed sign-in attempts per client address (in memory).
    pub(crate) address_limiter: std::sync::Arc<auth::limits::AddressLimiter>,
}

/// The whole application as an axum router, ready to serve or to call in-process in tests.
pub fn router(store: Store, options: ServeOptions) -> Router {
    let (api, openapi) = api::routes().split_for_parts();
    let openapi_json = openapi.to_pretty_json().unwrap_or_else(|_| "{}".into());
    let state = AppState {
        store,
        options,
        openapi_json: std::sync::Arc::new(openapi_json),
        address_limiter: std::sync::Arc::new(auth::limits::AddressLimiter::new(
            options.auth.max_attempts_per_address,
            options.auth.address_window_minutes,
        )),
    };
    Router::new()
        .merge(pages::routes())
        .route("/health", get(health::check_health))
        .route("/api/openapi.json", get(show_openapi))
        .route("/api/docs", get(api::reference::show_reference))
        .merge(api)
        // After every route: it applies to the routes already added.
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(not_found)
        // On matched routes only (an unknown method still gets 405): a plan outside the actor's
        // scope is 404 before any body is read.
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            scope::check_plan_scope,
        ))
        .with_state(state.clone())
        // Around every route, so no cookie-authenticated write reaches a handler unchecked.
        .layer(axum::middleware::from_fn_with_state(
            state,
            auth::csrf::protect,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(
            api::body::MAX_JSON_BODY,
        ))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(TraceLayer::new_for_http())
}

/// Binds `listen`, logs the URL, and serves until Ctrl-C or SIGTERM, letting requests in
/// flight finish; then closes the database.
pub async fn serve(store: Store, listen: SocketAddr, options: ServeOptions) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(listen).await.map_err(|e| {
        std::io::Error::new(
            e.kind(),
            format!("cannot listen on {listen}: {e}; choose another address with --listen"),
        )
    })?;
    let addr = listener.local_addr()?;
    tracing::info!(
        demo = options.demo,
        database = %store.url(),
        "Handover is serving at http://{addr}/"
    );
    let app = router(store.clone(), options);
    // The peer's address feeds the per-address sign-in limit.
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    store.close().await;
    tracing::info!("Handover stopped");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM (on Unix); a signal that cannot be watched is logged and
/// ignored, so the other one still works.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %e, "cannot watch for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot watch for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing the requests in flight");
}

/// `GET /api/openapi.json`: the OpenAPI 3.1 document of every API route.
async fn show_openapi(axum::extract::State(state): axum::extract::State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        (*state.openapi_json).clone(),
    )
        .into_response()
}

/// The OpenAPI document without serving anything (for tools and tests).
pub fn openapi() -> utoipa::openapi::OpenApi {
    api::routes().split_for_parts().1
}

/// 405 with the error body; axum adds the `Allow` header.
async fn method_not_allowed() -> AppError {
    AppError::method_not_allowed()
}

/// 404: the error body under `/api`, a small page elsewhere.
async fn not_found(uri: Uri, headers: axum::http::HeaderMap) -> Response {
    let path = uri.path();
    if path == "/api" || path.starts_with("/api/") {
        AppError::no_route(path).into_response()
    } else {
        pages::not_found(&headers)
    }
}

//! Assembles the API listener's router and the layers every response shares.

use std::time::Duration;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::header::{CONNECTION, CONTENT_TYPE, HeaderName, RETRY_AFTER};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::Response;
use tower_http::cors::{Any, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::api::{self, KEY_HEADER};
use crate::errors::{ApiError, code};
use crate::request_log::{LoggedRequest, MAX_BODY_BYTES, RECORDED_PREFIX};
use crate::state::AppState;
use crate::{checkout, control, logos};

/// Everything the API listener serves. Layer order, outermost first:
/// request recording (so even preflights are logged), CORS (answers
/// preflights, decorates every other response), then the routes.
pub fn api_router(state: AppState, control_api: bool) -> Router {
    let mut router = Router::new().merge(api::routes(state.clone())).merge(checkout::routes()).merge(logos::routes());
    if control_api {
        router = router.merge(control::routes());
    }
    router
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        // Test pages run cross-origin isolated, so anything they embed from
        // this listener (logos above all) has to opt in to being embedded.
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("cross-origin-resource-policy"),
            HeaderValue::from_static("cross-origin"),
        ))
        .layer(cors())
        .layer(from_fn_with_state(state.clone(), close_connections_while_a_drop_is_queued))
        .layer(from_fn_with_state(state.clone(), record_requests))
        .with_state(state)
}

/// Outermost middleware on the API listener: records every `/v1/` request,
/// preflights included, before CORS or faults can answer it.
async fn record_requests(State(state): State<AppState>, req: Request, next: Next) -> Result<Response, ApiError> {
    if !req.uri().path().starts_with(RECORDED_PREFIX) {
        return Ok(next.run(req).await);
    }
    let (parts, body) = req.into_parts();
    let bytes = to_bytes(body, MAX_BODY_BYTES).await;
    let recorded = bytes.as_deref().unwrap_or_default();
    state.requests.push(LoggedRequest::new(
        parts.method.as_str(),
        parts.uri.path(),
        parts.uri.query(),
        &parts.headers,
        recorded,
    ));
    let bytes = bytes.map_err(|_| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            code::PAYLOAD_TOO_LARGE,
            format!("request body must be at most {MAX_BODY_BYTES} bytes"),
        )
    })?;
    Ok(next.run(Request::from_parts(parts, Body::from(bytes))).await)
}

/// Browsers silently resend a request whose *reused* keep-alive connection
/// closes without an answer (they take it for an idle connection the server
/// timed out), which would turn a `drop` fault into an invisible success. So
/// while a `drop` is queued every answer says `Connection: close`: the dropped
/// request then travels on a fresh connection, and the client sees the network
/// error the fault is meant to cause.
async fn close_connections_while_a_drop_is_queued(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    if state.faults.has_pending_drop() {
        response.headers_mut().insert(CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// Any origin may call the API, as the real service allows for widgets.
pub fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers([HeaderName::from_static(KEY_HEADER), CONTENT_TYPE])
        .expose_headers([
            HeaderName::from_static("x-ratelimit-limit"),
            HeaderName::from_static("x-ratelimit-remaining"),
            HeaderName::from_static("x-ratelimit-reset"),
            RETRY_AFTER,
        ])
        .allow_private_network(true)
        .max_age(Duration::from_secs(600))
}

async fn not_found() -> ApiError {
    ApiError::not_found("no such endpoint on the SIR sandbox")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, code::METHOD_NOT_ALLOWED, "method not allowed for this endpoint")
}

//! The control API under `/__sandbox/`: test-only levers for resetting state,
//! queueing faults, adding organizations, reading the request log and moving
//! donations along. It answers loopback clients only.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::StatusCode;
use axum::middleware::{Next, from_fn};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::donations::{Donation, TransitionError};
use crate::errors::{ApiError, code};
use crate::extract::{PathParam, RawBody};
use crate::faults::Fault;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/__sandbox/reset", post(reset))
        .route("/__sandbox/faults", post(add_fault))
        .route("/__sandbox/organizations", post(upsert_organization))
        .route("/__sandbox/requests", get(requests))
        .route("/__sandbox/donations/{id}/complete", post(complete))
        .route("/__sandbox/donations/{id}/cancel", post(cancel))
        .route_layer(from_fn(loopback_only))
}

/// Refuses peers that are not on this machine, whatever address we bound.
async fn loopback_only(req: Request, next: Next) -> Response {
    let is_loopback = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .is_some_and(|ConnectInfo(peer)| peer.ip().to_canonical().is_loopback());
    if is_loopback {
        next.run(req).await
    } else {
        ApiError::new(StatusCode::FORBIDDEN, code::FORBIDDEN, "the sandbox control API only answers loopback clients")
            .into_response()
    }
}

async fn reset(State(state): State<AppState>) -> StatusCode {
    state.reset();
    StatusCode::NO_CONTENT
}

async fn add_fault(State(state): State<AppState>, RawBody(body): RawBody) -> Response {
    match Fault::from_json(&body) {
        Ok(fault) => {
            let echoed = fault.to_json();
            let pending = state.faults.push(fault);
            (StatusCode::CREATED, Json(json!({ "fault": echoed, "pendingForEndpoint": pending }))).into_response()
        }
        Err(message) => bad_request(message),
    }
}

async fn upsert_organization(State(state): State<AppState>, RawBody(body): RawBody) -> Response {
    let Ok(Value::Object(org)) = serde_json::from_slice::<Value>(&body) else {
        return bad_request("body must be a JSON object".to_owned());
    };
    match state.organizations.upsert(org) {
        Ok(stored) => (StatusCode::CREATED, Json(stored)).into_response(),
        Err(message) => bad_request(message),
    }
}

async fn requests(State(state): State<AppState>) -> Json<Value> {
    Json(state.requests.snapshot())
}

async fn complete(State(state): State<AppState>, PathParam(id): PathParam) -> Response {
    transition_response(&id, state.donations.complete(&id, state.reward_delay))
}

async fn cancel(State(state): State<AppState>, PathParam(id): PathParam) -> Response {
    transition_response(&id, state.donations.cancel(&id))
}

fn transition_response(id: &str, result: Result<Donation, TransitionError>) -> Response {
    match result {
        Ok(donation) => Json(donation.status_json()).into_response(),
        Err(TransitionError::NotFound) => ApiError::not_found(format!("no donation with id '{id}'")).into_response(),
        Err(TransitionError::NotPending(status)) => ApiError::new(
            StatusCode::CONFLICT,
            code::DONATION_NOT_PENDING,
            format!("donation '{id}' is already {}", status.as_str()),
        )
        .into_response(),
    }
}

fn bad_request(message: String) -> Response {
    ApiError::new(StatusCode::BAD_REQUEST, code::VALIDATION_FAILED, message).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request as HttpRequest;
    use tower::ServiceExt;

    async fn status_from(peer: Option<&str>) -> StatusCode {
        let router = Router::new().route("/probe", get(|| async { "ok" })).route_layer(from_fn(loopback_only));
        let mut req = HttpRequest::builder().uri("/probe").body(Body::empty()).unwrap();
        if let Some(peer) = peer {
            let addr: SocketAddr = peer.parse().unwrap();
            req.extensions_mut().insert(ConnectInfo(addr));
        }
        router.oneshot(req).await.unwrap().status()
    }

    #[tokio::test]
    async fn only_loopback_peers_get_through() {
        assert_eq!(status_from(Some("127.0.0.1:5000")).await, StatusCode::OK);
        assert_eq!(status_from(Some("[::1]:5000")).await, StatusCode::OK);
        assert_eq!(status_from(Some("[::ffff:127.0.0.1]:5000")).await, StatusCode::OK);
        assert_eq!(status_from(Some("192.0.2.7:5000")).await, StatusCode::FORBIDDEN);
        assert_eq!(status_from(Some("[2001:db8::1]:5000")).await, StatusCode::FORBIDDEN);
        assert_eq!(status_from(None).await, StatusCode::FORBIDDEN);
    }
}

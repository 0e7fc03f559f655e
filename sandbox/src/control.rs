//! The control API under `/__sandbox/`: test-only levers for resetting state,
//! queueing faults, adding organizations, reading the request log and moving
//! donations along. It answers loopback clients only.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::StatusCode;
use axum::middleware::{Next, from_fn};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::donations::{DonationStatusBody, TransitionError};
use crate::errors::{ApiError, code};
use crate::extract::{PathParam, RawBody};
use crate::faults::{Fault, FaultSpec};
use crate::organizations::Organization;
use crate::request_log::LoggedRequest;
use crate::state::AppState;

/// `201` answer of `POST /__sandbox/faults`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FaultQueued {
    /// The fault with every default filled in.
    pub fault: FaultSpec,
    /// How many faults now wait for the fault's endpoint, this one included.
    pub pending_for_endpoint: usize,
}

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
async fn loopback_only(req: Request, next: Next) -> Result<Response, ApiError> {
    let is_loopback = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .is_some_and(|ConnectInfo(peer)| peer.ip().to_canonical().is_loopback());
    if is_loopback {
        Ok(next.run(req).await)
    } else {
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            code::FORBIDDEN,
            "the sandbox control API only answers loopback clients",
        ))
    }
}

async fn reset(State(state): State<AppState>) -> StatusCode {
    state.reset();
    StatusCode::NO_CONTENT
}

async fn add_fault(
    State(state): State<AppState>,
    RawBody(body): RawBody,
) -> Result<(StatusCode, Json<FaultQueued>), ApiError> {
    let fault = Fault::from_json(&body).map_err(ApiError::bad_request)?;
    let echoed = fault.to_spec();
    let pending = state.faults.push(fault);
    Ok((StatusCode::CREATED, Json(FaultQueued { fault: echoed, pending_for_endpoint: pending })))
}

async fn upsert_organization(
    State(state): State<AppState>,
    RawBody(body): RawBody,
) -> Result<(StatusCode, Json<Organization>), ApiError> {
    let org: Map<String, Value> =
        serde_json::from_slice(&body).map_err(|_| ApiError::bad_request("body must be a JSON object"))?;
    let stored = state.organizations.upsert(org).map_err(ApiError::bad_request)?;
    Ok((StatusCode::CREATED, Json(stored)))
}

async fn requests(State(state): State<AppState>) -> Json<Vec<LoggedRequest>> {
    Json(state.requests.snapshot())
}

async fn complete(
    State(state): State<AppState>,
    PathParam(id): PathParam,
) -> Result<Json<DonationStatusBody>, ApiError> {
    let donation = state.donations.complete(&id, state.reward_delay).map_err(|e| transition_error(&id, e))?;
    Ok(Json(donation.status_body()))
}

async fn cancel(State(state): State<AppState>, PathParam(id): PathParam) -> Result<Json<DonationStatusBody>, ApiError> {
    let donation = state.donations.cancel(&id).map_err(|e| transition_error(&id, e))?;
    Ok(Json(donation.status_body()))
}

fn transition_error(id: &str, error: TransitionError) -> ApiError {
    match error {
        TransitionError::NotFound => ApiError::not_found(format!("no donation with id '{id}'")),
        TransitionError::NotPending(status) => ApiError::new(
            StatusCode::CONFLICT,
            code::DONATION_NOT_PENDING,
            format!("donation '{id}' is already {}", status.as_str()),
        ),
    }
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

    #[test]
    fn fault_queued_answer_has_the_documented_shape() {
        let fault = Fault::from_json(br#"{"endpoint":"config","kind":"delay","delayMs":250}"#).unwrap();
        let body = FaultQueued { fault: fault.to_spec(), pending_for_endpoint: 1 };
        assert_eq!(
            serde_json::to_value(body).unwrap(),
            serde_json::json!({
                "fault": {
                    "endpoint": "config", "kind": "delay", "status": null, "body": null,
                    "headers": {}, "delayMs": 250, "times": 1,
                },
                "pendingForEndpoint": 1,
            })
        );
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

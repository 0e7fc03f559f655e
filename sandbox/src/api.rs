//! The four partner endpoints under `/v1/partner/`, and the authentication,
//! rate-limit and partner-status checks in front of them.

use axum::extract::{Extension, Request, State};
use axum::http::StatusCode;
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

use crate::donations::NewDonation;
use crate::errors::{ApiError, code};
use crate::extract::{PathParam, RawBody};
use crate::faults::apply_faults;
use crate::keys::{KeyClass, classify};
use crate::partners::{self, FEATURE_DONATIONS, Partner};
use crate::state::AppState;
use crate::validation::{Outcome, validate_create_link};

pub const KEY_HEADER: &str = "x-partner-key";

pub fn routes(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/v1/partner/config", get(config))
        .route("/v1/partner/organizations/{slug}", get(organization))
        .route("/v1/partner/donations/create-link", post(create_link))
        .route("/v1/partner/donations/status/{id}", get(donation_status))
        .route_layer(from_fn_with_state(state.clone(), authenticate))
        // Added last, so it runs first: faults hit before authentication.
        .layer(from_fn_with_state(state, apply_faults))
}

/// Resolves the key to a partner, counts the request against the partner's
/// rate limit and refuses suspended partners. Every answer for a known key,
/// errors included, carries the `X-RateLimit-*` headers.
async fn authenticate(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let partner = match partner_for_key(&state, &req) {
        Ok(partner) => partner,
        Err(error) => return error.into_response(),
    };
    let limit = state.rate_limit_for(&partner);
    let decision = state.rate_limiter.check(&partner.key, limit);
    let mut response = if !decision.allowed {
        ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            code::RATE_LIMITED,
            format!("rate limit of {limit} requests per 60 seconds exceeded; retry after {} s", decision.retry_after),
        )
        .into_response()
    } else if !partner.is_active() {
        ApiError::new(
            StatusCode::FORBIDDEN,
            code::PARTNER_INACTIVE,
            format!("partner {} is {}", partner.name, partner.status.as_str()),
        )
        .into_response()
    } else {
        req.extensions_mut().insert(partner);
        next.run(req).await
    };
    decision.write_headers(response.headers_mut());
    response
}

fn partner_for_key(state: &AppState, req: &Request) -> Result<Partner, ApiError> {
    // A header that is not visible ASCII cannot be a key; classify it as malformed.
    let raw = req.headers().get(KEY_HEADER).map(|v| v.to_str().unwrap_or(""));
    let unauthorized = |message: &str| ApiError::new(StatusCode::UNAUTHORIZED, code::UNAUTHORIZED, message);
    match classify(raw) {
        KeyClass::Missing => Err(unauthorized("X-Partner-Key header is required")),
        KeyClass::Malformed => {
            Err(unauthorized("X-Partner-Key must be a publishable key: pk_test_ followed by 64 hex digits"))
        }
        KeyClass::LivePublishable => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            code::ENVIRONMENT_MISMATCH,
            "live keys (pk_live_) do not work on the sandbox host; use a pk_test_ key",
        )),
        KeyClass::Secret => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            code::SECRET_KEY_IN_BROWSER,
            "secret keys must never be sent from a browser; use the publishable pk_test_ key",
        )),
        KeyClass::TestPublishable => raw
            .and_then(|key| partners::find(&state.partners, key))
            .cloned()
            .ok_or_else(|| unauthorized("unknown publishable key")),
    }
}

async fn config(State(state): State<AppState>, Extension(partner): Extension<Partner>) -> Response {
    Json(partner.config_json(state.rate_limit_for(&partner))).into_response()
}

async fn organization(State(state): State<AppState>, PathParam(slug): PathParam) -> Response {
    match state.organizations.get(&slug) {
        Some(org) => Json(org).into_response(),
        None => ApiError::not_found(format!("no nonprofit with slug '{slug}'")).into_response(),
    }
}

async fn create_link(
    State(state): State<AppState>,
    Extension(partner): Extension<Partner>,
    RawBody(body): RawBody,
) -> Response {
    if !partner.has_feature(FEATURE_DONATIONS) {
        return ApiError::new(
            StatusCode::FORBIDDEN,
            code::FEATURE_DISABLED,
            format!("the {FEATURE_DONATIONS} feature is not enabled for this partner"),
        )
        .into_response();
    }
    let request = match validate_create_link(&body, |slug| state.organizations.contains(slug)) {
        Outcome::Valid(request) => request,
        Outcome::Invalid(problems) => return ApiError::validation(problems).into_response(),
        Outcome::UnknownNonprofit(slug) => {
            return ApiError::not_found(format!("no nonprofit with slug '{slug}'")).into_response();
        }
    };
    let donation = state.donations.create(NewDonation {
        partner_id: partner.id.to_owned(),
        nonprofit_slug: request.nonprofit_slug,
        amount: request.amount,
        tip_amount: request.tip_amount,
        currency: request.currency,
        frequency: request.frequency,
        provider: request.provider,
    });
    let link = format!("{}/checkout/{}", state.api_base, donation.id);
    (StatusCode::CREATED, Json(json!({ "donationLink": link, "partnerDonationId": donation.id }))).into_response()
}

async fn donation_status(
    State(state): State<AppState>,
    Extension(partner): Extension<Partner>,
    PathParam(id): PathParam,
) -> Response {
    // Someone else's donation answers exactly like a missing one.
    match state.donations.get_for_partner(&id, partner.id) {
        Some(donation) => Json(donation.status_json()).into_response(),
        None => ApiError::not_found(format!("no donation with id '{id}'")).into_response(),
    }
}

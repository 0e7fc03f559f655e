//! The four partner endpoints under `/v1/partner/`, and the fault, authentication,
//! rate-limit and partner-status checks in front of them.

use axum::extract::{Extension, Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use crate::donations::{DonationStatusBody, NewDonation};
use crate::errors::{ApiError, code};
use crate::extract::{PathParam, RawBody};
use crate::faults::Endpoint;
use crate::keys::{KeyClass, classify};
use crate::organizations::Organization;
use crate::partners::{self, FEATURE_DONATIONS, Partner, PartnerConfig};
use crate::rate_limit::Decision;
use crate::state::AppState;
use crate::validation::validate_create_link;

pub const KEY_HEADER: &str = "x-partner-key";

/// `201` answer of `POST /v1/partner/donations/create-link`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateLinkResponse {
    /// The sandbox's own checkout page for the donation.
    pub donation_link: String,
    /// `pdn_` + 24 lower-case hex digits.
    pub partner_donation_id: String,
}

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

/// Applies the next queued fault for the addressed endpoint, if any, before
/// the request reaches authentication. Preflights are never faulted so the
/// browser always gets to see the faulted answer itself.
async fn apply_faults(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() == Method::OPTIONS {
        return next.run(req).await;
    }
    let Some(fault) = Endpoint::from_path(req.uri().path()).and_then(|e| state.faults.take(e)) else {
        return next.run(req).await;
    };
    if !fault.delay.is_zero() {
        tokio::time::sleep(fault.delay).await;
    }
    match fault.response() {
        Some(response) => response,
        None => next.run(req).await,
    }
}

/// Resolves the key to a partner, counts the request against the partner's
/// rate limit and refuses suspended partners. Every answer for a known key,
/// errors included, carries the `X-RateLimit-*` headers.
async fn authenticate(State(state): State<AppState>, mut req: Request, next: Next) -> Result<Response, ApiError> {
    let partner = partner_for_key(&state, &req)?;
    let limit = state.rate_limit_for(&partner);
    let decision = state.rate_limiter.check(&partner.key, limit);
    admit(&partner, limit, &decision).map_err(|refused| refused.with_headers(decision.headers()))?;
    req.extensions_mut().insert(partner);
    let mut response = next.run(req).await;
    decision.write_headers(response.headers_mut());
    Ok(response)
}

/// Whether a known partner may make this request: within its rate limit and active.
fn admit(partner: &Partner, limit: u32, decision: &Decision) -> Result<(), ApiError> {
    if !decision.allowed {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            code::RATE_LIMITED,
            format!("rate limit of {limit} requests per 60 seconds exceeded; retry after {} s", decision.retry_after),
        ));
    }
    if !partner.is_active() {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            code::PARTNER_INACTIVE,
            format!("partner {} is {}", partner.name, partner.status.as_str()),
        ));
    }
    Ok(())
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

async fn config(State(state): State<AppState>, Extension(partner): Extension<Partner>) -> Json<PartnerConfig> {
    Json(partner.config(state.rate_limit_for(&partner)))
}

async fn organization(
    State(state): State<AppState>,
    PathParam(slug): PathParam,
) -> Result<Json<Organization>, ApiError> {
    let org = state
        .organizations
        .get(&slug)
        .ok_or_else(|| ApiError::not_found(format!("no nonprofit with slug '{slug}'")))?;
    Ok(Json(org))
}

async fn create_link(
    State(state): State<AppState>,
    Extension(partner): Extension<Partner>,
    RawBody(body): RawBody,
) -> Result<(StatusCode, Json<CreateLinkResponse>), ApiError> {
    if !partner.has_feature(FEATURE_DONATIONS) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            code::FEATURE_DISABLED,
            format!("the {FEATURE_DONATIONS} feature is not enabled for this partner"),
        ));
    }
    let request = validate_create_link(&body, |slug| state.organizations.contains(slug))?;
    let donation = state.donations.create(NewDonation {
        partner_id: partner.id.to_owned(),
        nonprofit_slug: request.nonprofit_slug,
        amount: request.amount,
        tip_amount: request.tip_amount,
        currency: request.currency,
        frequency: request.frequency,
        provider: request.provider,
    });
    let donation_link = format!("{}/checkout/{}", state.api_base, donation.id);
    Ok((StatusCode::CREATED, Json(CreateLinkResponse { donation_link, partner_donation_id: donation.id })))
}

async fn donation_status(
    State(state): State<AppState>,
    Extension(partner): Extension<Partner>,
    PathParam(id): PathParam,
) -> Result<Json<DonationStatusBody>, ApiError> {
    // Someone else's donation answers exactly like a missing one.
    let donation = state
        .donations
        .get_for_partner(&id, partner.id)
        .ok_or_else(|| ApiError::not_found(format!("no donation with id '{id}'")))?;
    Ok(Json(donation.status_body()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_link_response_has_the_documented_shape() {
        let body = CreateLinkResponse {
            donation_link: "http://127.0.0.1:8787/checkout/pdn_0123456789abcdef01234567".into(),
            partner_donation_id: "pdn_0123456789abcdef01234567".into(),
        };
        assert_eq!(
            serde_json::to_value(&body).unwrap(),
            serde_json::json!({
                "donationLink": "http://127.0.0.1:8787/checkout/pdn_0123456789abcdef01234567",
                "partnerDonationId": "pdn_0123456789abcdef01234567",
            })
        );
    }

    #[test]
    fn refused_partners_get_rate_limit_or_inactive_errors() {
        let all = partners::fixtures();
        let ok = Decision { allowed: true, limit: 2, remaining: 1, reset_epoch: 60, retry_after: 60 };
        assert!(admit(&all[0], 2, &ok).is_ok());
        let over = Decision { allowed: false, remaining: 0, ..ok };
        let limited = admit(&all[0], 2, &over).unwrap_err();
        assert_eq!((limited.status, limited.code.as_str()), (StatusCode::TOO_MANY_REQUESTS, code::RATE_LIMITED));
        let paused = admit(&all[2], 2, &ok).unwrap_err();
        assert_eq!((paused.status, paused.code.as_str()), (StatusCode::FORBIDDEN, code::PARTNER_INACTIVE));
    }
}

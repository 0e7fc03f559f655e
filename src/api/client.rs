//! The browser client for the four widget endpoints.

use std::time::Duration;

use super::checkout_link::{CheckoutPolicy, CheckoutUrl};
use super::error::{ApiError, RawResponse, check_status, decode_body, interpret};
use serde::de::DeserializeOwned;

use super::json;
use super::models::{
    CreateLinkRequest, CreateLinkResponse, DonationId, DonationStatus, Organization, PartnerConfig, Slug,
};
use super::retry::RetryPolicy;
use super::transport::{self, Method};
use crate::key::{ApiBase, PublishableKey};
use crate::text::cat;

/// The path of the partner configuration.
pub(crate) const CONFIG_PATH: &str = "/v1/partner/config";

/// The path of one nonprofit.
pub(crate) fn organization_path(slug: &Slug) -> String {
    cat(&["/v1/partner/organizations/", slug.as_str()])
}

/// Timeout and retry settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClientOptions {
    /// Per attempt, covering the whole answer.
    pub timeout: Duration,
    /// When and how often a GET is tried again.
    pub retry: RetryPolicy,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self { timeout: Duration::from_secs(15), retry: RetryPolicy::default() }
    }
}

/// A created donation: where to send the donor, and the id to ask about it later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreatedLink {
    /// Where to send the donor: it passed the checkout allow-list.
    pub checkout_url: CheckoutUrl,
    /// The id the donation's status is asked with.
    pub partner_donation_id: DonationId,
}

/// Talks to the SIR widget endpoints with one publishable key.
#[derive(Clone, Debug)]
pub struct Client {
    key: PublishableKey,
    base: ApiBase,
    checkout: CheckoutPolicy,
    options: ClientOptions,
}

impl Client {
    /// A client for the key's own environment (sandbox or production host).
    pub fn new(key: PublishableKey) -> Self {
        let base = ApiBase::for_environment(key.environment());
        Self { key, base, checkout: CheckoutPolicy::new(), options: ClientOptions::default() }
    }

    /// Sends requests to `base` instead (local sandbox, partner proxy). A loopback base also
    /// allows the loopback checkout page of the local sandbox.
    pub fn with_api_base(mut self, base: ApiBase) -> Self {
        self.checkout = self.checkout.allowing_loopback(base.is_loopback());
        self.base = base;
        self
    }

    /// Replaces the checkout allow-list (for hosts the integrator adds).
    pub fn with_checkout_policy(mut self, policy: CheckoutPolicy) -> Self {
        self.checkout = policy.allowing_loopback(self.base.is_loopback());
        self
    }

    /// Replaces the timeout and retry settings.
    pub fn with_options(mut self, options: ClientOptions) -> Self {
        self.options = options;
        self
    }

    /// The publishable key requests are sent with.
    pub fn key(&self) -> &PublishableKey {
        &self.key
    }

    /// Where requests go.
    pub fn api_base(&self) -> &ApiBase {
        &self.base
    }

    /// `GET /v1/partner/config`.
    pub async fn config(&self) -> Result<PartnerConfig, ApiError> {
        self.get(CONFIG_PATH).await
    }

    /// `GET /v1/partner/organizations/:slug`.
    pub async fn organization(&self, slug: &Slug) -> Result<Organization, ApiError> {
        self.get(&organization_path(slug)).await
    }

    /// `GET /v1/partner/donations/status/:partnerDonationId`.
    pub async fn status(&self, id: &DonationId) -> Result<DonationStatus, ApiError> {
        let id = String::from(js_sys::encode_uri_component(id.as_str()));
        self.get(&cat(&["/v1/partner/donations/status/", &id])).await
    }

    /// `POST /v1/partner/donations/create-link`. Sent exactly once: creating a link is not
    /// idempotent, so a failure is returned to the caller rather than retried. The returned
    /// link has passed the checkout allow-list.
    pub async fn create_link(&self, request: &CreateLinkRequest) -> Result<CreatedLink, ApiError> {
        let body = json::encode(request).map_err(|detail| ApiError::InvalidResponse { detail })?;
        let url = self.base.join("/v1/partner/donations/create-link");
        let raw = transport::send(Method::Post(body), &url, &self.key, self.options.timeout).await?;
        let created: CreateLinkResponse = interpret(&raw, js_sys::Date::now())?;
        let id = created.partner_donation_id.as_deref().and_then(DonationId::parse).ok_or_else(|| {
            ApiError::InvalidResponse { detail: "create-link answered without a usable partnerDonationId".into() }
        })?;
        let link = created.donation_link.ok_or_else(|| ApiError::InvalidResponse {
            detail: "create-link answered without a donationLink".into(),
        })?;
        let checkout_url = self.checkout.check(&link).map_err(ApiError::CheckoutLinkRefused)?;
        Ok(CreatedLink { checkout_url, partner_donation_id: id })
    }

    /// A GET, retried on network errors, 5xx and short 429s as [`RetryPolicy`] says.
    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        decode_body(&self.get_answer(path).await?)
    }

    /// The retry loop of [`Client::get`], up to a successful (2xx) answer, not yet decoded.
    /// Not generic over the decoded type, so the wasm holds it once rather than once per
    /// endpoint, and the per-page sharing of answers (`api::shared`) can share it as it is.
    pub(crate) async fn get_answer(&self, path: &str) -> Result<RawResponse, ApiError> {
        let url = self.base.join(path);
        // The script-tag loader may have sent this very request already (`api::early`): its
        // success is the answer; anything else, and this GET goes out as usual.
        if let Some(body) = super::early::take(&url, self.key.as_header_value())
            && let Some(body) = wasm_bindgen_futures::JsFuture::from(body).await.ok().and_then(|b| b.as_string())
        {
            return Ok(RawResponse { status: 200, retry_after: None, body });
        }
        let mut attempt = 0;
        loop {
            let error = match transport::send(Method::Get, &url, &self.key, self.options.timeout).await {
                Ok(raw) => match check_status(&raw, js_sys::Date::now()) {
                    Ok(()) => return Ok(raw),
                    Err(error) => error,
                },
                Err(error) => error,
            };
            match self.options.retry.retry_delay(&error, attempt, js_sys::Math::random()) {
                Some(wait) => crate::timer::sleep(wait).await,
                None => return Err(error),
            }
            attempt += 1;
        }
    }
}

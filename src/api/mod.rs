//! The API client layer: typed models, typed errors, retries, the checkout-link allow-list, and
//! the HTTP client (browser-only at run time: it uses `fetch`) for the four widget endpoints.

pub mod checkout_link;
pub mod error;
pub mod json;
pub mod models;
pub mod retry;

mod client;
mod transport;

pub use checkout_link::{CheckoutPolicy, CheckoutUrl, InvalidHost, LinkRefusal};
pub(crate) use client::{CONFIG_PATH, organization_path};
pub use client::{Client, ClientOptions, CreatedLink};
pub use error::{ApiError, Field, ForbiddenReason, Problem, RawResponse};
pub use models::{
    CreateLinkRequest, DonationId, DonationStatus, Frequency, Organization, PartnerConfig, Provider, Slug, StatusWord,
    TipConfig,
};
pub use retry::RetryPolicy;

//! The API client layer: typed models, typed errors, retries, the checkout-link allow-list, the
//! HTTP client (browser-only at run time: it uses `fetch`) for the four widget endpoints, and
//! the page's shared configuration and nonprofit requests, which every widget on a page awaits.

mod checkout_link;
pub(crate) mod error;
pub(crate) mod json;
mod models;
mod retry;
mod retry_after;

mod client;
pub mod early;
pub(crate) mod shared;
mod transport;

pub use checkout_link::{CheckoutPolicy, CheckoutUrl, InvalidHost, LinkRefusal};
pub use client::{Client, ClientOptions, CreatedLink};
pub(crate) use error::RawResponse;
pub use error::{ApiError, Field, ForbiddenReason, Problem};
pub use models::{
    CreateLinkRequest, CreateLinkResponse, DonationId, DonationStatus, ErrorBody, Frequency, Organization,
    PartnerConfig, Provider, Slug, StatusWord, TipConfig,
};
pub use retry::RetryPolicy;

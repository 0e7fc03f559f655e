//! One configuration fetch and one nonprofit fetch per page, whatever the number of widgets:
//! widgets with the same key (and nonprofit) await the same request. Failures are not kept, so
//! a later widget or a retry asks again.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;

use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};

use crate::api::{ApiError, Client, Organization, PartnerConfig, Slug};

type Pending<T> = Shared<LocalBoxFuture<'static, Result<T, ApiError>>>;

thread_local! {
    static CONFIGS: RefCell<HashMap<String, Pending<PartnerConfig>>> = RefCell::new(HashMap::new());
    static ORGANIZATIONS: RefCell<HashMap<String, Pending<Organization>>> = RefCell::new(HashMap::new());
}

fn cache_key(client: &Client, extra: &str) -> String {
    format!("{}|{}|{extra}", client.api_base().as_str(), client.key().as_header_value())
}

async fn once<T, F>(
    cache: &'static std::thread::LocalKey<RefCell<HashMap<String, Pending<T>>>>,
    key: String,
    fetch: impl FnOnce() -> F,
) -> Result<T, ApiError>
where
    T: Clone + 'static,
    F: Future<Output = Result<T, ApiError>> + 'static,
{
    let pending =
        cache.with(|c| c.borrow_mut().entry(key.clone()).or_insert_with(|| fetch().boxed_local().shared()).clone());
    let result = pending.await;
    if result.is_err() {
        cache.with(|c| c.borrow_mut().remove(&key));
    }
    result
}

/// The partner configuration, fetched once per page and key.
pub async fn config(client: &Client) -> Result<PartnerConfig, ApiError> {
    let client = client.clone();
    once(&CONFIGS, cache_key(&client, ""), move || async move { client.config().await }).await
}

/// The nonprofit, fetched once per page, key and slug.
pub async fn organization(client: &Client, slug: &Slug) -> Result<Organization, ApiError> {
    let (client, slug) = (client.clone(), slug.clone());
    once(&ORGANIZATIONS, cache_key(&client, slug.as_str()), move || async move { client.organization(&slug).await })
        .await
}

/// Forgets every cached answer (tests, and pages that swap keys at run time).
pub fn clear() {
    CONFIGS.with(|c| c.borrow_mut().clear());
    ORGANIZATIONS.with(|c| c.borrow_mut().clear());
}

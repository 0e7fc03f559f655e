//! One configuration fetch and one nonprofit fetch per page, whatever the number of widgets:
//! widgets with the same key (and nonprofit) await the same request. Failures are not kept, so
//! a later widget or a retry asks again.
//!
//! A request starts when it is asked for, not when its answer is awaited, so a widget asking
//! for both the configuration and the nonprofit gets the two requests in parallel.

use std::cell::RefCell;
use std::future::{Future, poll_fn};
use std::rc::Rc;
use std::task::{Poll, Waker};

use wasm_bindgen_futures::spawn_local;

use crate::api::{ApiError, Client, Organization, PartnerConfig, Slug};

/// A request in flight, with the tasks awaiting it, or its answer.
enum Slot<T> {
    Waiting(Vec<Waker>),
    Done(Result<T, ApiError>),
}

type Shared<T> = Rc<RefCell<Slot<T>>>;

/// Requests by cache key. A page has a handful of keys, so a list beats a hash map (and keeps
/// hashing code out of the wasm).
type Cache<T> = RefCell<Vec<(String, Shared<T>)>>;

thread_local! {
    static CONFIGS: Cache<PartnerConfig> = const { RefCell::new(Vec::new()) };
    static ORGANIZATIONS: Cache<Organization> = const { RefCell::new(Vec::new()) };
}

fn cache_key(client: &Client, extra: &str) -> String {
    format!("{}|{}|{extra}", client.api_base().as_str(), client.key().as_header_value())
}

/// The request for `key`, started now by `fetch` unless one is already in flight or done.
fn start<T, F>(cache: &'static std::thread::LocalKey<Cache<T>>, key: String, fetch: F) -> Shared<T>
where
    T: Clone + 'static,
    F: Future<Output = Result<T, ApiError>> + 'static,
{
    if let Some(slot) = cache.with(|c| c.borrow().iter().find(|(k, _)| *k == key).map(|(_, s)| s.clone())) {
        return slot;
    }
    let slot: Shared<T> = Rc::new(RefCell::new(Slot::Waiting(Vec::new())));
    cache.with(|c| c.borrow_mut().push((key.clone(), slot.clone())));
    let filled = slot.clone();
    spawn_local(async move {
        let result = fetch.await;
        if result.is_err() {
            cache.with(|c| c.borrow_mut().retain(|(k, s)| *k != key || !Rc::ptr_eq(s, &filled)));
        }
        if let Slot::Waiting(waiters) = filled.replace(Slot::Done(result)) {
            waiters.into_iter().for_each(Waker::wake);
        }
    });
    slot
}

/// The answer in `slot`, once there is one.
async fn answer<T: Clone>(slot: Shared<T>) -> Result<T, ApiError> {
    poll_fn(|cx| match &mut *slot.borrow_mut() {
        Slot::Done(result) => Poll::Ready(result.clone()),
        Slot::Waiting(waiters) => {
            waiters.push(cx.waker().clone());
            Poll::Pending
        }
    })
    .await
}

/// The partner configuration for `client`'s key, fetched once per page. The request starts at
/// the call; the returned future waits for its answer.
pub fn config(client: &Client) -> impl Future<Output = Result<PartnerConfig, ApiError>> + use<> {
    let fetching = client.clone();
    answer(start(&CONFIGS, cache_key(client, ""), async move { fetching.config().await }))
}

/// The nonprofit `slug`, fetched once per page and key. The request starts at the call.
pub fn organization(client: &Client, slug: &Slug) -> impl Future<Output = Result<Organization, ApiError>> + use<> {
    let (fetching, slug) = (client.clone(), slug.clone());
    let key = cache_key(client, slug.as_str());
    answer(start(&ORGANIZATIONS, key, async move { fetching.organization(&slug).await }))
}

/// Forgets every cached answer (tests, and pages that swap keys at run time).
pub fn clear() {
    CONFIGS.with(|c| c.borrow_mut().clear());
    ORGANIZATIONS.with(|c| c.borrow_mut().clear());
}

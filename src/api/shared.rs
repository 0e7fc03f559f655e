//! One configuration fetch and one nonprofit fetch per page, whatever the number of widgets:
//! widgets with the same key (and nonprofit) await the same request. Failures are not kept, so
//! a later widget or a retry asks again: neither an error status nor an answer that could not
//! be decoded (a widget that asks again must not be handed the same malformed body).
//!
//! A request starts when it is asked for, not when its answer is awaited, so a widget asking
//! for both the configuration and the nonprofit gets the two requests in parallel. What is
//! shared is the checked HTTP answer; each widget decodes its own copy. That keeps this module
//! (and its futures) the same code for every endpoint, which the wasm holds once.

use std::cell::RefCell;
use std::future::{Future, poll_fn};
use std::rc::Rc;
use std::task::{Poll, Waker};

use serde::de::DeserializeOwned;
use wasm_bindgen_futures::spawn_local;

use super::client::{CONFIG_PATH, organization_path};
use super::error::decode_body;
use super::{ApiError, Client, Organization, PartnerConfig, RawResponse, Slug};
use crate::text::cat;

/// A request in flight, with the tasks awaiting it, or its answer.
enum Slot {
    Waiting(Vec<Waker>),
    Done(Result<RawResponse, ApiError>),
}

type Shared = Rc<RefCell<Slot>>;

thread_local! {
    /// Requests by API base, key and path. A page has a handful, so a list beats a hash map
    /// (and keeps hashing code out of the wasm).
    static REQUESTS: RefCell<Vec<(String, Shared)>> = const { RefCell::new(Vec::new()) };
}

/// The GET of `path` for `client`'s key, started now unless one is already in flight or done.
fn start(client: &Client, path: String) -> Shared {
    let key = cat(&[client.api_base().as_str(), "|", client.key().as_header_value(), "|", &path]);
    if let Some(slot) = REQUESTS.with(|r| r.borrow().iter().find(|(k, _)| *k == key).map(|(_, s)| s.clone())) {
        return slot;
    }
    let slot: Shared = Rc::new(RefCell::new(Slot::Waiting(Vec::new())));
    REQUESTS.with(|r| r.borrow_mut().push((key, slot.clone())));
    let (filled, client) = (slot.clone(), client.clone());
    spawn_local(async move {
        let result = client.get_answer(&path).await;
        if result.is_err() {
            forget(&filled);
        }
        if let Slot::Waiting(waiters) = filled.replace(Slot::Done(result)) {
            waiters.into_iter().for_each(Waker::wake);
        }
    });
    slot
}

/// Drops `slot` from the page's requests, so the next ask starts a new request.
fn forget(slot: &Shared) {
    REQUESTS.with(|r| r.borrow_mut().retain(|(_, s)| !Rc::ptr_eq(s, slot)));
}

/// The answer in `slot` decoded as `T`, once there is one. An answer that does not decode is
/// forgotten like a failed request.
async fn decoded<T: DeserializeOwned>(slot: Shared) -> Result<T, ApiError> {
    let decoded = decode_body(&answer(&slot).await?);
    if decoded.is_err() {
        forget(&slot);
    }
    decoded
}

/// The answer in `slot`, once there is one.
async fn answer(slot: &Shared) -> Result<RawResponse, ApiError> {
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
    decoded(start(client, CONFIG_PATH.to_owned()))
}

/// The nonprofit `slug`, fetched once per page and key. The request starts at the call.
pub fn organization(client: &Client, slug: &Slug) -> impl Future<Output = Result<Organization, ApiError>> + use<> {
    decoded(start(client, organization_path(slug)))
}

/// Forgets every kept answer (tests, and pages that swap keys at run time).
pub fn clear() {
    REQUESTS.with(|r| r.borrow_mut().clear());
}

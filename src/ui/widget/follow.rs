//! Following a donation after its link was created: the id kept in session storage across the
//! trip to checkout, and its status polled with backoff until it is final.

use wasm_bindgen_futures::spawn_local;

use super::state::Tracking;
use super::{Widget, dom};
use crate::api::{ApiError, DonationId, StatusWord};
use crate::donation::{PendingDonation, PollSchedule};
use crate::money::Cents;
use crate::ui::events::WidgetEvent;

impl Widget {
    /// Picks up a donation left in session storage by an earlier visit of this page.
    pub(super) fn resume_pending(&self) {
        let key = &self.0.storage_key;
        // An entry that is unreadable, stale, or whose id is not of the shape a URL path may
        // take is dropped before any request.
        let Some(pending) = dom::storage_get(key).and_then(|text| PendingDonation::from_json(&text, dom::now_ms()))
        else {
            dom::storage_remove(key);
            return;
        };
        let id = pending.partner_donation_id;
        let already = self.with(|st| st.tracking.as_ref().is_some_and(|t| t.id == id.as_str()));
        if !already {
            self.track(id, Cents(pending.amount), false);
        }
    }

    /// Follows a donation's status with backoff until it is final or ten minutes have passed.
    pub(super) fn track(&self, id: DonationId, amount: Cents, elsewhere: bool) {
        let id_text = id.as_str().to_owned();
        let tracking = Tracking { id: id_text.clone(), amount, status: None, elsewhere };
        self.update(|st| st.tracking = Some(tracking));
        let w = self.clone();
        spawn_local(async move {
            let mut schedule = PollSchedule::new(dom::now_ms());
            let mut last: Option<StatusWord> = None;
            let current =
                |w: &Widget| w.0.alive.get() && w.with(|st| st.tracking.as_ref().is_some_and(|t| t.id == id_text));
            // Stops when removed, or replaced by a newer donation.
            while current(&w) {
                match w.0.client.status(&id).await {
                    Ok(status) => {
                        if !current(&w) {
                            break;
                        }
                        let word = status.status.clone();
                        if last.as_ref() != Some(&word) {
                            w.emit(WidgetEvent::status(&id, &word));
                            last = Some(word.clone());
                        }
                        w.update(|st| {
                            if let Some(t) = &mut st.tracking {
                                t.status = Some(status);
                            }
                        });
                        if word.is_paid() || word.is_unsuccessful() {
                            w.show_outcome();
                        }
                        if word.is_final() {
                            dom::storage_remove(&w.0.storage_key);
                            break;
                        }
                    }
                    Err(ApiError::NotFound { .. }) => {
                        dom::storage_remove(&w.0.storage_key);
                        w.update(|st| st.tracking = None);
                        break;
                    }
                    // Anything else may pass: keep asking until the time is up.
                    Err(_) => {}
                }
                match schedule.next_delay(dom::now_ms()) {
                    Some(wait) => crate::timer::sleep(wait).await,
                    None => break,
                }
            }
        });
    }

    /// Leaves the outcome for the form again, keeping what the donor typed.
    pub(super) fn start_over(&self) {
        dom::storage_remove(&self.0.storage_key);
        self.update(|st| {
            st.tracking = None;
            st.redirecting = false;
        });
    }
}

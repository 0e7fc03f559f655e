//! Loading the partner configuration and the nonprofit, and trying again: a failure a new
//! attempt may fix leaves the widget usable, with a Try again; Try again, a click on Donate or
//! the window's `online` event loads again.

use wasm_bindgen_futures::spawn_local;

use super::state::{self, Load, State};
use super::{Widget, dom};
use crate::api::shared;
use crate::ui::events::WidgetEvent;

impl Widget {
    /// Fetches configuration and nonprofit together (shared with other widgets on the page).
    pub(super) fn load(&self) {
        self.update(|st| st.load = Load::Loading);
        let w = self.clone();
        spawn_local(async move {
            let client = &w.0.client;
            // Both requests start here; the answers are awaited in turn.
            let (config, org) = (shared::config(client), shared::organization(client, &w.0.slug));
            let (config, org) = (config.await, org.await.map(state::with_safe_logo));
            let next = match (config, org) {
                (Ok(config), Ok(org)) if config.accepts_donations() => Load::Ready(config, org),
                (Ok(config), Ok(org)) => {
                    dom::console_error(if config.is_active() {
                        "this partner does not have the DONATIONS feature, so the widget is disabled"
                    } else {
                        "this partner account is not active, so the widget is disabled"
                    });
                    Load::DonationsOff(org)
                }
                (Err(e), _) | (_, Err(e)) => {
                    dom::console_error(&e.developer_message());
                    Load::Failed(e)
                }
            };
            let event = match &next {
                Load::Ready(..) => WidgetEvent::Ready,
                Load::Failed(e) => WidgetEvent::from_error(e),
                _ => WidgetEvent::problem("donations_off", "donations are off for this partner"),
            };
            let Some(open) = w.update(|st| {
                st.load = next;
                let open = st.open_when_ready && st.is_ready();
                // A click that came while loading is answered once, now: a later load (the
                // donor's retry, or the page coming back online) does not pop the dialog up.
                st.open_when_ready = false;
                open
            }) else {
                return;
            };
            w.emit(event);
            if open {
                w.present();
            }
        });
    }

    /// The donor's Try again after a failed load.
    pub(super) fn reload(&self) {
        self.load();
        // The note and its button go away while loading: keyboard users keep their place on
        // the Donate button (which works again meanwhile), or on the inline panel.
        self.focus_home();
    }

    /// A click on the button, or the embed's `open()`: shows the flow now, or once loaded.
    /// After a load that failed in a way a new attempt may fix, it loads again first.
    pub(super) fn request_open(&self) {
        let (loading, reload) = self.with(|st| (matches!(st.load, Load::Loading), st.load_may_be_retried()));
        if reload {
            self.load();
        }
        if loading || reload {
            self.update(|st| st.open_when_ready = true);
        } else {
            self.present();
        }
    }

    /// The browser is online again: a load that failed for want of a connection (or any
    /// failure a new attempt may fix) is tried again without the donor asking.
    pub(super) fn on_online(&self) {
        if self.with(State::load_may_be_retried) {
            self.load();
        }
    }
}

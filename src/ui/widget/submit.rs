//! Submitting: one create-link per submission whatever the clicks and key repeats, the checkout
//! window opened inside the click (new tab, popup), alerts with retry or a rate-limit countdown,
//! and checkout by redirect or in the window.

use wasm_bindgen_futures::spawn_local;

use super::state::Alert;
use super::{Widget, dom};
use crate::api::ApiError;
use crate::donation::{CheckoutMode, PendingDonation};
use crate::ui::events::WidgetEvent;

impl Widget {
    /// One submission: at most one create-link request, whatever the clicks and key repeats.
    pub(super) fn submit(&self) {
        let settings = self.settings();
        let now = dom::now_ms();
        let checked = self.update(|st| {
            if st.busy() || st.seconds_to_wait(now).is_some() {
                return None;
            }
            let tips = st.config()?.tips();
            match st.input.validate(tips.as_ref(), settings.locale) {
                Ok(valid) => {
                    st.errors = Default::default();
                    st.alert = None;
                    st.notice = None;
                    st.submitting = true;
                    Some(Ok(valid))
                }
                Err(errors) => {
                    st.errors = errors;
                    Some(Err(()))
                }
            }
        });
        let valid = match checked.flatten() {
            Some(Ok(valid)) => valid,
            Some(Err(())) => return self.focus_first_invalid(),
            None => return,
        };
        let i = &self.0;
        let options = &settings.options;
        let request = valid.to_request(&i.slug, options.provider, options.referral_code.as_deref());
        let mode = options.checkout;
        // The checkout window must open now, inside the click, or popup blockers refuse it.
        let window = match mode {
            CheckoutMode::Redirect => None,
            mode => i.navigator.open_window(mode, settings.s.preparing_checkout),
        };
        let blocked = mode != CheckoutMode::Redirect && window.is_none();
        let amount = valid.amount;
        let w = self.clone();
        spawn_local(async move {
            let result = w.0.client.create_link(&request).await;
            if w.update(|st| st.submitting = false).is_none() {
                return; // the widget was removed meanwhile
            }
            match result {
                Ok(link) => {
                    let id = link.partner_donation_id;
                    w.emit(WidgetEvent::link_created(&id));
                    let pending = PendingDonation::new(&id, amount, dom::now_ms());
                    if let Some(json) = pending.to_json() {
                        dom::storage_set(&w.0.storage_key, &json);
                    }
                    match window {
                        Some(window) => {
                            window.navigate(&link.checkout_url);
                            w.0.window.replace(Some(window));
                            w.track(id, amount, true);
                        }
                        None => {
                            w.update(|st| {
                                if blocked {
                                    st.notice = Some(settings.s.popup_blocked);
                                }
                                st.redirecting = true;
                            });
                            w.0.navigator.redirect(&link.checkout_url);
                        }
                    }
                }
                Err(error) => {
                    if let Some(window) = window {
                        window.close();
                    }
                    dom::console_error(&error.developer_message());
                    w.emit(WidgetEvent::from_error(&error));
                    let retry_at_ms = match &error {
                        ApiError::RateLimited { retry_after } => {
                            Some(dom::now_ms() + retry_after.map_or(5_000.0, |d| d.as_secs_f64() * 1000.0))
                        }
                        _ => None,
                    };
                    w.update(|st| {
                        if let ApiError::Validation { problems, .. } = &error {
                            problems.iter().for_each(|p| st.errors.mark_server_field(p.field));
                        }
                        st.alert = Some(Alert { error, retry_at_ms });
                    });
                    if let Some(at) = retry_at_ms {
                        w.count_down(at);
                    }
                }
            }
        });
    }

    /// Re-renders every second until `until_ms`, for the rate-limit countdown.
    fn count_down(&self, until_ms: f64) {
        let w = self.clone();
        spawn_local(async move {
            while dom::now_ms() < until_ms {
                crate::timer::sleep(std::time::Duration::from_millis(1000)).await;
                if w.update(|_| ()).is_none() {
                    break;
                }
            }
        });
    }
}

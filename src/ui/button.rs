//! `DonateButton`, the Leptos component Rust web apps import.

use leptos::html;
use leptos::prelude::*;

use std::rc::Rc;
use std::time::Duration;

use super::events::WidgetEvent;
use super::navigation::Navigator;
use super::setup::{EventCallback, WidgetProps};
use super::widget::{self, WidgetHandle};
use crate::api::{Frequency, Provider};
use crate::donation::{CheckoutMode, Theme};
use crate::money::Cents;

/// A donate button for one nonprofit, opening an accessible donation dialog that sends the
/// donor to a checkout link created with the partner's publishable key.
///
/// It renders into a shadow root of its own, so the host page's CSS cannot break it, and
/// dispatches `sir-donate:*` DOM events from its host element.
///
/// ```no_run
/// use leptos::prelude::*;
/// use sir_donate::{CheckoutMode, DonateButton, Frequency, WidgetEvent};
///
/// #[component]
/// fn Page() -> impl IntoView {
///     view! {
///         <DonateButton
///             publishable_key="pk_test_5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a"
///             nonprofit="american-red-cross"
///             default_frequency=Frequency::Monthly
///             checkout=CheckoutMode::NewTab
///             on_event=Callback::new(|event: WidgetEvent| leptos::logging::log!("{event:?}"))
///         />
///     }
/// }
/// ```
#[component]
pub fn DonateButton(
    /// The partner's publishable key, `pk_test_…` (sandbox) or `pk_live_…` (production).
    /// Secret keys are refused before any request.
    #[prop(into)]
    publishable_key: String,
    /// The nonprofit's slug, e.g. `american-red-cross`.
    #[prop(into)]
    nonprofit: String,
    /// Preset amounts offered as chips (default $25, $50, $100, $250).
    #[prop(optional)]
    amounts: Option<Vec<Cents>>,
    /// The preset selected at first (default $50, or the middle preset).
    #[prop(optional)]
    default_amount: Option<Cents>,
    /// The frequencies offered (default once and monthly).
    #[prop(optional)]
    frequencies: Option<Vec<Frequency>>,
    /// The frequency selected at first (default once).
    #[prop(optional)]
    default_frequency: Option<Frequency>,
    /// The payment provider (default every.org).
    #[prop(optional)]
    provider: Option<Provider>,
    /// How checkout opens: redirect (default), new tab, or popup.
    #[prop(optional)]
    checkout: Option<CheckoutMode>,
    /// The button's text (default "Donate", translated).
    #[prop(optional, into)]
    label: Option<String>,
    /// `en`, `es` or `fr` (default: the browser's language, then English).
    #[prop(optional, into)]
    locale: Option<String>,
    /// Light, dark, or auto (default: follows the donor's system setting).
    #[prop(optional)]
    theme: Option<Theme>,
    /// An attribution code sent with each donation.
    #[prop(optional, into)]
    referral_code: Option<String>,
    /// Sends API calls elsewhere: the local sandbox or a partner's proxy (`https:`, or
    /// `http:` on loopback).
    #[prop(optional, into)]
    api_base: Option<String>,
    /// Extra checkout hosts to allow besides every.org, Stripe and sirgiving.org.
    #[prop(optional)]
    allowed_hosts: Vec<String>,
    /// Called for every widget event (the same ones dispatched as DOM events).
    #[prop(optional, into)]
    on_event: Option<Callback<WidgetEvent>>,
    /// How long to wait for each API answer before giving up (default 15 s).
    #[prop(optional)]
    timeout: Option<Duration>,
    /// Where navigations go; replace it to observe them in tests.
    #[prop(optional)]
    navigator: Option<Navigator>,
    /// Each increase opens the dialog, as soon as the widget is ready. The script-tag embed
    /// uses it for a click that arrived before the widget did.
    #[prop(optional, into)]
    open_requests: Option<Signal<u32>>,
    /// Focuses the button once rendered (the script-tag embed passes on its placeholder's focus).
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let props = WidgetProps {
        publishable_key,
        nonprofit,
        amounts,
        default_amount,
        frequencies,
        default_frequency,
        provider,
        checkout,
        label,
        locale,
        theme,
        referral_code,
        api_base,
        allowed_hosts,
        timeout,
        on_event: on_event.map(|callback| Rc::new(move |event| callback.run(event)) as EventCallback),
        navigator,
        autofocus,
    };
    let host = NodeRef::<html::Div>::new();
    // The widget mounts into the host's shadow root once the host is in the page; the stored
    // handle unmounts it when this component goes away.
    let mounted = StoredValue::new_local(None::<WidgetHandle>);
    let props = StoredValue::new_local(Some(props));
    Effect::new(move |_| {
        let Some(host) = host.get() else { return };
        let Some(props) = props.try_update_value(Option::take).flatten() else { return };
        mounted.set_value(widget::mount(host.into(), props.into_setup()));
    });
    if let Some(requests) = open_requests {
        // Opens once per request, when the widget is ready: a click that came before it is kept.
        let handled = StoredValue::new(0u32);
        Effect::new(move |_| {
            let wanted = requests.get();
            if wanted > handled.get_value() {
                handled.set_value(wanted);
                mounted.with_value(|m| m.as_ref().map(WidgetHandle::open));
            }
        });
    }
    on_cleanup(move || mounted.update_value(|m| drop(m.take())));
    view! { <div class="sir-donate" node_ref=host></div> }
}

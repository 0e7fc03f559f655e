//! `DonateButton`, the Leptos component Rust web apps import.

use leptos::html;
use leptos::prelude::*;

use super::events::WidgetEvent;
use super::navigation::Navigator;
use super::shadow;
use super::widget::{ConfigProblem, Setup, Widget};
use std::time::Duration;

use crate::api::{CheckoutPolicy, Client, ClientOptions, Frequency, Provider, Slug};
use crate::donation::{CheckoutMode, Theme, WidgetOptions};
use crate::i18n::Locale;
use crate::key::{ApiBase, PublishableKey};
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
    let defaults = WidgetOptions::default();
    let explicit_presets = amounts.is_some();
    let options = WidgetOptions {
        default_amount: default_amount.or(if explicit_presets { None } else { defaults.default_amount }),
        presets: amounts.unwrap_or(defaults.presets),
        frequencies: frequencies.unwrap_or(defaults.frequencies),
        default_frequency: default_frequency.unwrap_or(defaults.default_frequency),
        provider: provider.unwrap_or(defaults.provider),
        checkout: checkout.unwrap_or(defaults.checkout),
        theme: theme.unwrap_or(defaults.theme),
        referral_code,
    }
    .normalised();
    let browser_language = crate::i18n::browser_language();
    let setup = Setup {
        client: build_client(&publishable_key, &nonprofit, api_base.as_deref(), &allowed_hosts).map(
            |(client, slug)| match timeout {
                Some(timeout) => (client.with_options(ClientOptions { timeout, ..ClientOptions::default() }), slug),
                None => (client, slug),
            },
        ),
        options,
        locale: Locale::negotiate(locale.as_deref(), browser_language.as_deref()),
        label: label.filter(|l| !l.trim().is_empty()),
        navigator: navigator.unwrap_or_default(),
        on_event,
        nonprofit,
        open_requests,
        autofocus,
    };

    let host = NodeRef::<html::Div>::new();
    // The widget mounts into the host's shadow root once the host is in the page; dropping the
    // stored handle (when this component goes away) unmounts it and disposes its state.
    let mounted = StoredValue::new_local(None::<Box<dyn std::any::Any>>);
    let setup = StoredValue::new_local(Some(setup));
    Effect::new(move |_| {
        let Some(host) = host.get() else { return };
        let Some(setup) = setup.try_update_value(Option::take).flatten() else { return };
        let host: web_sys::HtmlElement = host.into();
        let _ = host.style().set_property("display", "inline-block");
        let Some(container) = shadow::prepare(&host) else { return };
        let handle = leptos::mount::mount_to(container, move || view! { <Widget setup host/> });
        mounted.set_value(Some(Box::new(handle)));
    });
    view! { <div class="sir-donate" node_ref=host></div> }
}

/// Checks everything the integrator passed before any request: key, slug, API base, hosts.
fn build_client(
    key: &str,
    nonprofit: &str,
    api_base: Option<&str>,
    allowed_hosts: &[String],
) -> Result<(Client, Slug), ConfigProblem> {
    let key = PublishableKey::parse(key)
        .map_err(|e| ConfigProblem { code: "invalid_key", message: e.developer_message() })?;
    let slug = Slug::parse(nonprofit).ok_or_else(|| ConfigProblem {
        code: "invalid_nonprofit",
        message: format!("nonprofit {nonprofit:?} is not a nonprofit slug (lower-case letters, digits and dashes)."),
    })?;
    let policy = CheckoutPolicy::new()
        .with_extra_hosts(allowed_hosts)
        .map_err(|e| ConfigProblem { code: "invalid_allowed_hosts", message: format!("allowed-hosts: {e}") })?;
    let mut client = Client::new(key);
    if let Some(base) = api_base.filter(|b| !b.trim().is_empty()) {
        let base = ApiBase::parse_override(base)
            .map_err(|e| ConfigProblem { code: "invalid_api_base", message: e.developer_message().to_owned() })?;
        client = client.with_api_base(base);
    }
    Ok((client.with_checkout_policy(policy), slug))
}

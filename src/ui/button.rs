//! `DonateButton`, the Leptos component Rust web apps import, and `DonateButtonHandle`, the app's
//! way to open and close it.
//!
//! The option props are generated from the option table (`ui::options`) and are reactive: a
//! literal, a signal, a memo or a closure. One effect reads them all; a change of the key, the
//! nonprofit, the API base, the checkout hosts or the mode mounts a new widget (it is another
//! widget: other requests, another layout), any other change is applied to the mounted widget in
//! place, keeping what the donor typed.

use leptos::html;
use leptos::prelude::*;

use std::rc::Rc;
use std::time::Duration;

use super::events::{EventCallback, WidgetEvent};
use super::navigation::Navigator;
use super::setup::WidgetProps;
use super::widget::{self, WidgetHandle};

/// Builds the `DonateButton` component from the option table: a tt-muncher turns each option
/// into its prop (`Signal<T>` when required, `MaybeProp<T>` otherwise), then emits the function.
macro_rules! donate_button {
    // Every option turned into a prop: emit the component.
    (@props [$($params:tt)*] [$($names:ident)*]) => {
        /// A donate button for one nonprofit, opening an accessible donation dialog that sends
        /// the donor to a checkout link created with the partner's publishable key; or, with
        /// `mode=Mode::Inline`, the donation form itself in place in the page.
        ///
        /// It renders into a shadow root of its own, so the host page's CSS cannot break it, and
        /// dispatches `sir-donate:*` DOM events from its host element. Its props are the options
        /// of the README's options table (the same as the `<sir-donate>` attributes), each taking
        /// a literal or anything reactive, then `on_event`, `timeout`, `navigator`, `handle` and
        /// `autofocus`. `publishable_key` and `nonprofit` are `Signal<String>` (a `&str`, a
        /// `String`, a signal, a memo or a closure); the other options are `MaybeProp<T>` (a
        /// value, an `Option`, a signal, a memo, or a closure as `Signal::derive(move || …)`).
        ///
        /// **Which props do what when they change.** `publishable_key`, `nonprofit`, `api_base`,
        /// `allowed_hosts` and `mode` make it another widget: the old one is unmounted and a new
        /// one mounted (and loaded). Every other option — `label`, `amounts`, `default_amount`,
        /// `frequencies`, `default_frequency`, `locale`, `theme`, `provider`, `checkout`,
        /// `referral_code` — updates the mounted widget in place: an open dialog stays open and
        /// keeps what the donor typed.
        ///
        /// ```no_run
        /// use leptos::prelude::*;
        /// use sir_donate::{CheckoutMode, DonateButton, DonateButtonHandle, Frequency, Mode, WidgetEvent};
        ///
        /// #[component]
        /// fn Page() -> impl IntoView {
        ///     let nonprofit = RwSignal::new("american-red-cross".to_owned());
        ///     let locale = RwSignal::new("en".to_owned());
        ///     let monthly = RwSignal::new(false);
        ///     let handle = DonateButtonHandle::new();
        ///     view! {
        ///         <button on:click=move |_| nonprofit.set("khan-academy".into())>"Khan Academy"</button>
        ///         <button on:click=move |_| locale.set("fr".into())>"Français"</button>
        ///         <button on:click=move |_| monthly.set(true)>"Monthly"</button>
        ///         <button on:click=move |_| handle.open()>"Give now"</button>
        ///         <DonateButton
        ///             publishable_key="pk_test_5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a"
        ///             nonprofit=nonprofit
        ///             locale=locale
        ///             default_frequency=Signal::derive(move || {
        ///                 if monthly.get() { Frequency::Monthly } else { Frequency::Once }
        ///             })
        ///             checkout=CheckoutMode::NewTab
        ///             handle=handle
        ///             on_event=Callback::new(|event: WidgetEvent| leptos::logging::log!("{event:?}"))
        ///         />
        ///         // The form itself, in the page:
        ///         <DonateButton
        ///             publishable_key="pk_test_5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a"
        ///             nonprofit="american-red-cross"
        ///             mode=Mode::Inline
        ///         />
        ///     }
        /// }
        /// ```
        #[component]
        pub fn DonateButton(
            $($params)*
            /// Called for every widget event (the same ones dispatched as DOM events).
            #[prop(optional, into)]
            on_event: Option<Callback<WidgetEvent>>,
            /// How long to wait for each API answer before giving up (default 15 s).
            #[prop(optional)]
            timeout: Option<Duration>,
            /// Where navigations go; replace it to observe them in tests.
            #[prop(optional)]
            navigator: Option<Navigator>,
            /// Opens and closes the widget from the app (see [`DonateButtonHandle`]).
            #[prop(optional)]
            handle: Option<DonateButtonHandle>,
            /// Focuses the button once rendered.
            #[prop(optional)]
            autofocus: bool,
        ) -> impl IntoView {
            let on_event = on_event.map(|callback| Rc::new(move |event| callback.run(event)) as EventCallback);
            // Read in an effect, so every option is tracked and a change reaches the widget.
            let props = move || WidgetProps {
                $( $names: $names.get(), )*
                timeout,
                on_event: on_event.clone(),
                navigator: navigator.clone(),
                autofocus,
            };
            render(props, handle.unwrap_or_default())
        }
    };
    // A required option: a `Signal<T>`.
    (@props [$($params:tt)*] [$($names:ident)*]
        $(#[doc = $doc:literal])* $name:ident : { $($ty:tt)+ } [required],
        attribute $attr:literal, js $js:literal, values $values:literal, default $default:literal,
        read $read:path; $($rest:tt)*) => {
        donate_button!(@props [$($params)* $(#[doc = $doc])* #[prop(into)] $name: Signal<$($ty)+>,]
            [$($names)* $name] $($rest)*);
    };
    // An optional option: a `MaybeProp<T>`.
    (@props [$($params:tt)*] [$($names:ident)*]
        $(#[doc = $doc:literal])* $name:ident : { $($ty:tt)+ } [optional],
        attribute $attr:literal, js $js:literal, values $values:literal, default $default:literal,
        read $read:path; $($rest:tt)*) => {
        donate_button!(@props [$($params)* $(#[doc = $doc])* #[prop(into, optional)] $name: MaybeProp<$($ty)+>,]
            [$($names)* $name] $($rest)*);
    };
    ($($table:tt)*) => {
        donate_button!(@props [] [] $($table)*);
    };
}
super::options::with_options!(donate_button);

/// Opens and closes a [`DonateButton`] from the app: make one with [`DonateButtonHandle::new`]
/// (inside a component, like a signal), pass it as the `handle` prop, and call it from anywhere,
/// even before the widget is ready (it then opens once ready) or mounted.
///
/// ```no_run
/// use leptos::prelude::*;
/// use sir_donate::{DonateButton, DonateButtonHandle};
///
/// #[component]
/// fn Page() -> impl IntoView {
///     let handle = DonateButtonHandle::new();
///     view! {
///         <p>"Help us reach our goal. " <button on:click=move |_| handle.open()>"Donate now"</button></p>
///         <DonateButton publishable_key="pk_test_5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a"
///             nonprofit="khan-academy" handle/>
///     }
/// }
/// ```
#[derive(Clone, Copy)]
pub struct DonateButtonHandle(StoredValue<Control, LocalStorage>);

/// The widget a handle controls, or an open asked for before there was one.
#[derive(Default)]
struct Control {
    widget: Option<widget::WidgetControl>,
    open_when_mounted: bool,
}

impl DonateButtonHandle {
    /// A handle for one `DonateButton`, owned by the current reactive owner (the component that
    /// makes it).
    pub fn new() -> Self {
        DonateButtonHandle(StoredValue::new_local(Control::default()))
    }

    /// Opens the dialog (an inline widget: moves focus into its form), now if the widget is
    /// ready, or as soon as it is.
    pub fn open(&self) {
        let widget = self.0.try_update_value(|c| {
            if c.widget.is_none() {
                c.open_when_mounted = true;
            }
            c.widget.clone()
        });
        if let Some(widget) = widget.flatten() {
            widget.open();
        }
    }

    /// Closes the dialog if it is open (an inline widget has none).
    pub fn close(&self) {
        self.0.try_update_value(|c| c.open_when_mounted = false);
        if let Some(widget) = self.0.try_with_value(|c| c.widget.clone()).flatten() {
            widget.close();
        }
    }

    /// Points the handle at a newly mounted widget (or at none), opening it if asked before.
    fn attach(&self, widget: Option<widget::WidgetControl>) {
        let open = self.0.try_update_value(|c| {
            c.widget = widget.clone();
            widget.is_some() && std::mem::take(&mut c.open_when_mounted)
        });
        if let (Some(true), Some(widget)) = (open, widget) {
            widget.open();
        }
    }
}

impl Default for DonateButtonHandle {
    fn default() -> Self {
        Self::new()
    }
}

/// Mounts the widget built from `props` once the component's host is in the page, and keeps it
/// in step with them.
fn render(props: impl Fn() -> WidgetProps + 'static, handle: DonateButtonHandle) -> impl IntoView {
    let host = NodeRef::<html::Div>::new();
    // The mounted widget, and what it was mounted for: the stored handle unmounts it when this
    // component goes away.
    let mounted = StoredValue::new_local(None::<(WidgetHandle, WidgetIdentity)>);
    Effect::new(move |_| {
        let props = props();
        let Some(host) = host.get() else { return };
        let identity = WidgetIdentity::of(&props);
        let same = mounted.with_value(|m| m.as_ref().is_some_and(|(_, mounted_for)| *mounted_for == identity));
        if same {
            mounted.with_value(|m| m.as_ref().map(|(widget, _)| widget.reconfigure(props.into_setup())));
            return;
        }
        // Another widget: the old one goes first (its listeners, its dialog), then the new one
        // mounts into the same host.
        mounted.update_value(|m| drop(m.take()));
        handle.attach(None);
        let widget = widget::mount(host.into(), props.into_setup());
        handle.attach(widget.as_ref().and_then(WidgetHandle::control));
        mounted.set_value(widget.map(|w| (w, identity)));
    });
    on_cleanup(move || {
        handle.attach(None);
        mounted.update_value(|m| drop(m.take()));
    });
    view! { <div class="sir-donate" node_ref=host></div> }
}

/// What a mounted widget cannot change in place: a widget for another key, nonprofit, API
/// base, set of checkout hosts or mode is another widget.
#[derive(PartialEq)]
struct WidgetIdentity(String, String, Option<String>, Option<Vec<String>>, Option<crate::donation::Mode>);

impl WidgetIdentity {
    fn of(p: &WidgetProps) -> Self {
        WidgetIdentity(
            p.publishable_key.clone(),
            p.nonprofit.clone(),
            p.api_base.clone(),
            p.allowed_hosts.clone(),
            p.mode,
        )
    }
}

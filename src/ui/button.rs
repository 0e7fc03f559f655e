//! `DonateButton`, the Leptos component Rust web apps import.

use leptos::html;
use leptos::prelude::*;

use std::rc::Rc;
use std::time::Duration;

use super::events::EventCallback;
use super::events::WidgetEvent;
use super::navigation::Navigator;
use super::setup::WidgetProps;
use super::widget::{self, WidgetHandle};

macro_rules! donate_button {
    ($( $(#[doc = $doc:literal])* $name:ident : { $($ty:tt)+ } [$($prop:tt)*],
        attribute $attr:literal, js $js:literal, values $values:literal, default $default:literal,
        read $read:path; )*) => {
        /// A donate button for one nonprofit, opening an accessible donation dialog that sends
        /// the donor to a checkout link created with the partner's publishable key; or, with
        /// `mode=Mode::Inline`, the donation form itself in place in the page.
        ///
        /// It renders into a shadow root of its own, so the host page's CSS cannot break it, and
        /// dispatches `sir-donate:*` DOM events from its host element. Its props are the options
        /// of the README's options table (the same as the `<sir-donate>` attributes), then
        /// `on_event`, `timeout`, `navigator`, `open_requests` and `autofocus`.
        ///
        /// ```no_run
        /// use leptos::prelude::*;
        /// use sir_donate::{CheckoutMode, DonateButton, Frequency, Mode, WidgetEvent};
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
            $( $(#[doc = $doc])* #[prop($($prop)*)] $name: $($ty)+, )*
            /// Called for every widget event (the same ones dispatched as DOM events).
            #[prop(optional, into)]
            on_event: Option<Callback<WidgetEvent>>,
            /// How long to wait for each API answer before giving up (default 15 s).
            #[prop(optional)]
            timeout: Option<Duration>,
            /// Where navigations go; replace it to observe them in tests.
            #[prop(optional)]
            navigator: Option<Navigator>,
            /// Each increase opens the dialog (inline: focuses the form), as soon as the widget
            /// is ready.
            #[prop(optional, into)]
            open_requests: Option<Signal<u32>>,
            /// Focuses the button once rendered (the script-tag embed passes on its placeholder's
            /// focus).
            #[prop(optional)]
            autofocus: bool,
        ) -> impl IntoView {
            let props = WidgetProps {
                $( $name, )*
                timeout,
                on_event: on_event.map(|callback| Rc::new(move |event| callback.run(event)) as EventCallback),
                navigator,
                autofocus,
            };
            render(props, open_requests)
        }
    };
}
super::options::with_options!(donate_button);

/// Mounts the widget built from `props` once the component's host is in the page.
fn render(props: WidgetProps, open_requests: Option<Signal<u32>>) -> impl IntoView {
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

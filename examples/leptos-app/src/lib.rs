//! A small Leptos 0.8 (CSR) app that uses sir-donate's `DonateButton` the way a Rust web app
//! does: its own state, as signals, feeds the widgets' props.
//!
//! - a nonprofit switcher, a language switcher and a theme switcher, each a signal the widgets
//!   read: a new nonprofit mounts the widget again for it, a new language or theme changes it in
//!   place;
//! - two widgets: a donate button (the form opens in a dialog) and the form inline in the page;
//! - conditional rendering: a `<Show>` adds and removes the inline widget;
//! - an app button, "Open the donation form", that opens the widget through its
//!   `DonateButtonHandle`;
//! - the widgets' events, shown as they come through `on_event`.
//!
//! `src/main.rs` mounts [`App`]; `tests/app.rs` tests it with `sir_donate::testing`.

use leptos::prelude::*;
use sir_donate::{DonateButton, DonateButtonHandle, Mode, Navigator, Theme, WidgetEvent};

/// The local sandbox's publishable key for its fixture partner. Against the real API, pass your
/// own key to [`App`].
pub const SANDBOX_KEY: &str = "pk_test_5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a";

/// Where `sir-sandbox` listens by default.
pub const DEFAULT_API_BASE: &str = "http://127.0.0.1:8787";

/// The nonprofits the switcher offers: slug and name.
pub const NONPROFITS: [(&str, &str); 3] = [
    ("american-red-cross", "American Red Cross"),
    ("khan-academy", "Khan Academy"),
    ("feeding-america", "Feeding America"),
];

/// The languages the switcher offers: the widget's `locale` and the language's name.
pub const LANGUAGES: [(&str, &str); 3] = [("en", "English"), ("es", "Español"), ("fr", "Français")];

/// The themes the switcher offers.
pub const THEMES: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Auto];

/// The app's state: what its switchers set and its widgets read. `Copy`, as signals are.
#[derive(Clone, Copy, Debug)]
pub struct AppState {
    /// The nonprofit both widgets collect for (its slug).
    pub nonprofit: RwSignal<String>,
    /// The widgets' language (`en`, `es`, `fr`).
    pub locale: RwSignal<String>,
    /// The widgets' colour scheme, and the page's.
    pub theme: RwSignal<Theme>,
    /// Whether the inline widget is shown.
    pub show_inline: RwSignal<bool>,
    /// The latest widget event, as its DOM name (`sir-donate:ready`, …).
    pub last_event: RwSignal<Option<&'static str>>,
}

impl AppState {
    /// The state the page starts with: the first nonprofit, English, the system's theme, both
    /// widgets shown.
    pub fn new() -> AppState {
        AppState {
            nonprofit: RwSignal::new(NONPROFITS[0].0.to_owned()),
            locale: RwSignal::new(LANGUAGES[0].0.to_owned()),
            theme: RwSignal::new(Theme::Auto),
            show_inline: RwSignal::new(true),
            last_event: RwSignal::new(None),
        }
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}

/// The page.
#[component]
pub fn App(
    /// Where the widgets call the API: the sandbox's address in development and in the tests.
    #[prop(into)]
    api_base: String,
    /// The partner's publishable key (default: the sandbox's, [`SANDBOX_KEY`]).
    #[prop(optional, into)]
    publishable_key: Option<String>,
    /// Where the widgets send the donor (default: really there); the tests pass a recording
    /// one, so a donation does not leave the test page.
    #[prop(optional)]
    navigator: Option<Navigator>,
    /// The app's state (default: [`AppState::new`]); the tests pass theirs to drive the signals.
    #[prop(optional)]
    state: Option<AppState>,
) -> impl IntoView {
    let state = state.unwrap_or_default();
    let key = publishable_key.unwrap_or_else(|| SANDBOX_KEY.to_owned());
    // A navigator is not `Send`: kept in the reactive arena, it can be read from the `<Show>`'s
    // children, which must be.
    let navigator = StoredValue::new_local(navigator.unwrap_or_else(Navigator::browser));
    let handle = DonateButtonHandle::new();
    let on_event = Callback::new(move |event: WidgetEvent| state.last_event.set(Some(event.dom_name())));
    let nonprofit_name = move || {
        let slug = state.nonprofit.get();
        match NONPROFITS.iter().find(|(s, _)| *s == slug) {
            Some((_, name)) => (*name).to_owned(),
            None => slug,
        }
    };

    view! {
        <main class="app" data-theme=move || state.theme.get().as_str()>
            <h1>"sir-donate in a Leptos app"</h1>
            <p class="muted">"Collecting for " <strong id="chosen-nonprofit">{nonprofit_name}</strong> "."</p>

            <section class="controls" aria-label="Settings">
                <fieldset>
                    <legend>"Nonprofit"</legend>
                    {NONPROFITS
                        .iter()
                        .map(|&(slug, name)| {
                            view! {
                                <button
                                    type="button"
                                    id=format!("nonprofit-{slug}")
                                    aria-pressed=move || (state.nonprofit.get() == slug).to_string()
                                    on:click=move |_| state.nonprofit.set(slug.to_owned())
                                >
                                    {name}
                                </button>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <label>
                    "Language "
                    <select
                        id="language"
                        prop:value=move || state.locale.get()
                        on:change=move |ev| state.locale.set(event_target_value(&ev))
                    >
                        {LANGUAGES
                            .iter()
                            .map(|&(code, name)| view! { <option value=code>{name}</option> })
                            .collect_view()}
                    </select>
                </label>
                <fieldset>
                    <legend>"Theme"</legend>
                    {THEMES
                        .iter()
                        .map(|&theme| {
                            view! {
                                <button
                                    type="button"
                                    id=format!("theme-{}", theme.as_str())
                                    aria-pressed=move || (state.theme.get() == theme).to_string()
                                    on:click=move |_| state.theme.set(theme)
                                >
                                    {theme.as_str()}
                                </button>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <label>
                    <input
                        type="checkbox"
                        id="show-inline"
                        prop:checked=move || state.show_inline.get()
                        on:change=move |ev| state.show_inline.set(event_target_checked(&ev))
                    />
                    " Show the inline form"
                </label>
                <p>
                    // The app opens the widget itself, through the handle it gave the component.
                    <button type="button" id="open-donation" on:click=move |_| handle.open()>
                        "Open the donation form"
                    </button>
                </p>
            </section>

            <section id="button-widget">
                <h2>"A donate button"</h2>
                <DonateButton
                    publishable_key=key.clone()
                    nonprofit=state.nonprofit
                    locale=state.locale
                    theme=state.theme
                    api_base=api_base.clone()
                    navigator=navigator.get_value()
                    handle=handle
                    on_event=on_event
                />
            </section>

            <Show when=move || state.show_inline.get()>
                <section id="inline-widget">
                    <h2>"The form, in the page"</h2>
                    <DonateButton
                        publishable_key=key.clone()
                        nonprofit=state.nonprofit
                        locale=state.locale
                        theme=state.theme
                        api_base=api_base.clone()
                        mode=Mode::Inline
                        navigator=navigator.get_value()
                        on_event=on_event
                    />
                </section>
            </Show>

            <p class="muted" role="status">
                "Latest widget event: " <code id="last-event">{move || state.last_event.get().unwrap_or("none yet")}</code>
            </p>
        </main>
    }
}

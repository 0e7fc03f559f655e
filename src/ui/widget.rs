//! The widget inside its shadow root: the button, the dialog, the donor flow and the return
//! from checkout. State lives in signals grouped in [`Ctx`]; browser objects that are not
//! `Send` (the navigator, the host element) live in a local [`StoredValue`].

use std::cell::RefCell;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::KeyboardEvent;

use super::dom;
use super::events::{Emitter, WidgetEvent};
use super::navigation::{CheckoutWindow, Navigator};
use super::shared;
use crate::api::{
    ApiError, Client, DonationId, DonationStatus, Frequency, Organization, PartnerConfig, Slug, StatusWord,
};
use crate::donation::{
    AmountChoice, CheckoutMode, DonorInput, FieldErrors, PendingDonation, PollSchedule, TipChoice, WidgetOptions,
};
use crate::i18n::{Locale, Strings};
use crate::money::{CURRENCY, Cents, format_money, percent_of};

/// A configuration mistake of the integrator, shown in place of the button.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ConfigProblem {
    pub code: &'static str,
    pub message: String,
}

/// Everything the widget is built from, decided before it renders.
#[derive(Clone)]
pub(crate) struct Setup {
    pub client: Result<(Client, Slug), ConfigProblem>,
    pub options: WidgetOptions,
    pub locale: Locale,
    pub label: Option<String>,
    pub navigator: Navigator,
    pub on_event: Option<Callback<WidgetEvent>>,
    pub nonprofit: String,
    pub open_requests: Option<Signal<u32>>,
    pub autofocus: bool,
}

/// Loading the partner configuration and the nonprofit.
#[derive(Clone, Debug, PartialEq)]
enum Load {
    Loading,
    Ready(PartnerConfig, Organization),
    /// Loaded, but the partner may not take donations.
    DonationsOff(Organization),
    Failed(ApiError),
}

/// An error shown in the dialog.
#[derive(Clone, Debug, PartialEq)]
struct Alert {
    error: ApiError,
    /// For a 429: when the donor may try again (ms since the epoch).
    retry_at_ms: Option<f64>,
}

/// A donation the widget follows after its link was created.
#[derive(Clone, Debug, PartialEq)]
struct Tracking {
    id: String,
    amount: Cents,
    status: Option<DonationStatus>,
    /// Checkout is open in another window or tab.
    elsewhere: bool,
}

/// What the widget holds that is not `Send`, or not worth a signal.
struct Env {
    client: Client,
    slug: Slug,
    options: WidgetOptions,
    navigator: Navigator,
    emitter: Emitter,
    storage_key: String,
    window: RefCell<Option<CheckoutWindow>>,
}

#[derive(Clone, Copy)]
struct Ctx {
    s: &'static Strings,
    locale: Locale,
    env: StoredValue<Env, LocalStorage>,
    load: RwSignal<Load>,
    input: RwSignal<DonorInput>,
    custom_amount: RwSignal<String>,
    custom_tip: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    submitting: RwSignal<bool>,
    redirecting: RwSignal<bool>,
    alert: RwSignal<Option<Alert>>,
    notice: RwSignal<Option<&'static str>>,
    tracking: RwSignal<Option<Tracking>>,
    /// A click came while the widget was loading: open once it is ready.
    open_when_ready: RwSignal<bool>,
    clock: RwSignal<f64>,
    dialog: NodeRef<html::Dialog>,
    button: NodeRef<html::Button>,
}

impl Ctx {
    fn emit(&self, event: WidgetEvent) {
        self.env.with_value(|env| env.emitter.emit(event));
    }

    fn money(&self, amount: Cents) -> String {
        format_money(amount, CURRENCY, self.locale)
    }

    fn loaded(&self) -> Option<(PartnerConfig, Organization)> {
        self.load.with_untracked(|l| match l {
            Load::Ready(c, o) => Some((c.clone(), o.clone())),
            _ => None,
        })
    }

    fn nonprofit_name(&self) -> String {
        self.load.with(|l| match l {
            Load::Ready(_, o) | Load::DonationsOff(o) => o.display_name().to_owned(),
            _ => self.env.with_value(|e| e.slug.as_str().to_owned()),
        })
    }
}

/// The whole widget for one host element.
#[component]
pub(crate) fn Widget(setup: Setup, host: web_sys::HtmlElement) -> impl IntoView {
    let s = setup.locale.strings();
    let root_class = format!("sir sir--{}", setup.options.theme.as_str());
    let emitter = Emitter { host, nonprofit: setup.nonprofit.clone(), callback: setup.on_event };
    let (client, slug) = match setup.client {
        Ok(pair) => pair,
        Err(problem) => {
            // Shown to the site developer, once in the console and in place of the button; no
            // request is made.
            dom::console_error(&problem.message);
            emitter.emit(WidgetEvent::Error { code: problem.code.to_owned(), message: problem.message.clone() });
            return view! {
                <div class=root_class>
                    <div class="sir-config-error" role="note">
                        <strong>{s.key_problem_title}</strong>
                        <p>{problem.message}</p>
                    </div>
                </div>
            }
            .into_any();
        }
    };
    let options = setup.options;
    let default_amount =
        options.default_amount.map(AmountChoice::Preset).unwrap_or(AmountChoice::Custom(String::new()));
    let storage_key = PendingDonation::storage_key(&client.key().masked(), slug.as_str());
    let ctx = Ctx {
        s,
        locale: setup.locale,
        input: RwSignal::new(DonorInput {
            amount: default_amount,
            frequency: options.default_frequency,
            tip: TipChoice::Suggested,
            first_name: String::new(),
            last_name: String::new(),
            email: String::new(),
        }),
        env: StoredValue::new_local(Env {
            client,
            slug,
            options,
            navigator: setup.navigator,
            emitter,
            storage_key,
            window: RefCell::new(None),
        }),
        load: RwSignal::new(Load::Loading),
        custom_amount: RwSignal::new(String::new()),
        custom_tip: RwSignal::new(String::new()),
        errors: RwSignal::new(FieldErrors::default()),
        submitting: RwSignal::new(false),
        redirecting: RwSignal::new(false),
        alert: RwSignal::new(None),
        notice: RwSignal::new(None),
        tracking: RwSignal::new(None),
        open_when_ready: RwSignal::new(false),
        clock: RwSignal::new(dom::now_ms()),
        dialog: NodeRef::new(),
        button: NodeRef::new(),
    };
    load(ctx);
    resume_pending(ctx);
    Effect::new(move |_| {
        if ctx.open_when_ready.get() && ctx.load.with(|l| matches!(l, Load::Ready(..))) {
            ctx.open_when_ready.set(false);
            open_dialog(ctx);
        }
    });
    if setup.autofocus {
        // The embed's placeholder had focus: keyboard users keep their place.
        Effect::new(move |_| {
            if let Some(button) = ctx.button.get() {
                let _ = button.focus();
            }
        });
    }
    if let Some(requests) = setup.open_requests {
        // Opens once per request, when the widget is ready: a click that came before it is kept.
        let handled = StoredValue::new(0u32);
        Effect::new(move |_| {
            let wanted = requests.get();
            let ready = ctx.load.with(|l| matches!(l, Load::Ready(..)));
            if ready && wanted > handled.get_value() {
                handled.set_value(wanted);
                open_dialog(ctx);
            }
        });
    }
    // Back/forward cache: the page comes back as it was left, mid-redirect; look again.
    let pageshow = window_event_listener(ev::pageshow, move |event| {
        if event.persisted() {
            let _ = ctx.redirecting.try_set(false);
            let _ = ctx.submitting.try_set(false);
            resume_pending(ctx);
        }
    });
    on_cleanup(move || {
        pageshow.remove();
        if ctx.dialog.get_untracked().is_some_and(|d| d.open()) {
            dom::unlock_scroll();
        }
    });

    let label = setup.label.unwrap_or_else(|| s.donate.to_owned());
    view! {
        <div class=root_class>
            {donate_button(ctx, label)}
            {dialog(ctx)}
        </div>
    }
    .into_any()
}

/// Fetches configuration and nonprofit together (shared with other widgets on the page).
fn load(ctx: Ctx) {
    let (client, slug) = ctx.env.with_value(|e| (e.client.clone(), e.slug.clone()));
    let _ = ctx.load.try_set(Load::Loading);
    spawn_local(async move {
        let (config, org) = futures::join!(shared::config(&client), shared::organization(&client, &slug));
        let next = match (config, org) {
            (Ok(config), Ok(org)) if config.accepts_donations() => Load::Ready(config, org),
            (Ok(config), Ok(org)) => {
                let why = if config.is_active() {
                    "this partner does not have the DONATIONS feature, so the button is disabled"
                } else {
                    "this partner account is not active, so the button is disabled"
                };
                dom::console_error(why);
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
            _ => WidgetEvent::Error {
                code: "donations_off".into(),
                message: "donations are off for this partner".into(),
            },
        };
        if ctx.load.try_set(next).is_none() {
            ctx.emit(event);
        }
    });
}

fn donate_button(ctx: Ctx, label: String) -> impl IntoView {
    let s = ctx.s;
    let logo = move || {
        ctx.load.with(|l| match l {
            Load::Ready(_, o) | Load::DonationsOff(o) => o.logo_url.clone().filter(|u| is_image_url(u)),
            _ => None,
        })
    };
    let note = move || {
        let state = ctx.load.with(|l| match l {
            Load::DonationsOff(_) => Some((s.donations_off.to_owned(), false)),
            Load::Failed(e) => Some((donor_message(s, e), e.code() == "network" || e.code() == "timeout")),
            _ => None,
        });
        // A donation followed while the dialog is closed (the donor came back from checkout).
        let following = ctx.tracking.with(|t| {
            t.as_ref().and_then(|t| match &t.status {
                None => Some(s.status_checking),
                Some(st) if st.status.is_paid() || st.status.is_unsuccessful() => None,
                Some(_) => Some(s.status_processing),
            })
        });
        match state {
            Some((text, retry)) => view! {
                <p class="sir-note">
                    {text}
                    {retry.then(|| view! {
                        " " <button type="button" class="sir-link-button" on:click=move |_| load(ctx)>{s.retry}</button>
                    })}
                </p>
            }
            .into_any(),
            None => match following {
                Some(text) => view! { <p class="sir-note" role="status">{text}</p> }.into_any(),
                None => ().into_any(),
            },
        }
    };
    view! {
        <button
            class="sir-button"
            type="button"
            node_ref=ctx.button
            aria-haspopup="dialog"
            aria-label=move || (s.donate_to)(&ctx.nonprofit_name())
            // Disabled only when donating is impossible. While loading the button stays
            // focusable and clickable (aria-disabled): a click then opens the dialog when ready.
            disabled=move || ctx.load.with(|l| matches!(l, Load::DonationsOff(_) | Load::Failed(_)))
            aria-disabled=move || ctx.load.with(|l| matches!(l, Load::Loading)).to_string()
            aria-busy=move || ctx.load.with(|l| matches!(l, Load::Loading)).to_string()
            on:click=move |_| {
                if ctx.load.with_untracked(|l| matches!(l, Load::Loading)) {
                    ctx.open_when_ready.set(true);
                } else {
                    open_dialog(ctx);
                }
            }
        >
            {move || logo().map(|src| view! { <img class="sir-button__logo" src=src alt="" width="24" height="24"/> })}
            <span class="sir-button__label">{label}</span>
        </button>
        {note}
    }
}

/// Only `https:` images (and `http:` on loopback for the sandbox) are shown; anything else
/// from the network is ignored.
fn is_image_url(url: &str) -> bool {
    crate::weburl::parse(url).is_some_and(|u| u.protocol == "https:" || (u.protocol == "http:" && u.is_loopback()))
}

fn open_dialog(ctx: Ctx) {
    let Some(dialog) = ctx.dialog.get_untracked() else { return };
    if dialog.open() || ctx.loaded().is_none() && ctx.tracking.with_untracked(Option::is_none) {
        return;
    }
    if dialog.show_modal().is_err() {
        return;
    }
    dom::lock_scroll();
    ctx.emit(WidgetEvent::Open);
    // The first control of the form (or of the outcome) gets focus, not the close button.
    let body = dialog.query_selector(".sir-dialog__body").ok().flatten();
    let first = body.map(|b| dom::focusables(&b)).and_then(|f| f.into_iter().next());
    let _ = match first {
        Some(el) => el.focus(),
        None => dom::focusables(&dialog).first().map_or(Ok(()), |el| el.focus()),
    };
}

fn close_dialog(ctx: Ctx) {
    let Some(dialog) = ctx.dialog.get_untracked() else { return };
    if !dialog.open() {
        return;
    }
    dialog.close();
    dom::unlock_scroll();
    ctx.emit(WidgetEvent::Close);
    if let Some(button) = ctx.button.get_untracked() {
        let _ = button.focus();
    }
}

fn dialog(ctx: Ctx) -> impl IntoView {
    let s = ctx.s;
    let on_keydown = move |event: KeyboardEvent| {
        let Some(dialog) = ctx.dialog.get_untracked() else { return };
        match event.key().as_str() {
            "Escape" => {
                event.prevent_default();
                close_dialog(ctx);
            }
            "Tab" => dom::trap_tab(&dialog, &event),
            _ => {}
        }
    };
    let logo = move || {
        ctx.load.with(|l| match l {
            Load::Ready(_, o) => o.logo_url.clone().filter(|u| is_image_url(u)),
            _ => None,
        })
    };
    view! {
        <dialog
            class="sir-dialog"
            node_ref=ctx.dialog
            role="dialog"
            aria-modal="true"
            aria-labelledby="sir-title"
            on:keydown=on_keydown
            // The browser's own Esc handling would close without our bookkeeping.
            on:cancel=move |event: web_sys::Event| {
                event.prevent_default();
                close_dialog(ctx);
            }
            // A click on the backdrop lands on the <dialog> element itself.
            on:click=move |event| {
                let on_dialog = ctx.dialog.get_untracked().is_some_and(|d| {
                    event.target().is_some_and(|t| d.is_same_node(wasm_bindgen::JsCast::dyn_ref(&t)))
                });
                if on_dialog {
                    close_dialog(ctx);
                }
            }
        >
            <header class="sir-dialog__header">
                {move || logo().map(|src| view! { <img class="sir-dialog__logo" src=src alt="" width="40" height="40"/> })}
                <h2 class="sir-dialog__title" id="sir-title">{move || (s.dialog_title)(&ctx.nonprofit_name())}</h2>
                <button type="button" class="sir-close" aria-label=s.close on:click=move |_| close_dialog(ctx)>
                    <span aria-hidden="true">"×"</span>
                </button>
            </header>
            {move || {
                if ctx.tracking.with(Option::is_some) {
                    untrack(|| outcome(ctx)).into_any()
                } else if ctx.load.with(|l| matches!(l, Load::Ready(..))) {
                    untrack(|| form(ctx)).into_any()
                } else {
                    view! { <div class="sir-dialog__body"><p>{s.loading}</p></div> }.into_any()
                }
            }}
        </dialog>
    }
}

fn form(ctx: Ctx) -> impl IntoView {
    let s = ctx.s;
    let tips = ctx.loaded().and_then(|(c, _)| c.tips());
    let busy = move || ctx.submitting.get() || ctx.redirecting.get();
    view! {
        <form
            class="sir-form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                submit(ctx);
            }
        >
            <div class="sir-dialog__body">
                {move || ctx.alert.get().map(|alert| alert_box(ctx, alert))}
                {move || ctx.notice.get().map(|text| view! { <div class="sir-alert sir-alert--info" role="status">{text}</div> })}
                {amount_fields(ctx)}
                {frequency_fields(ctx)}
                {tips.map(|tips| tip_fields(ctx, tips.default_percent.unwrap_or(0.0)))}
                {donor_fields(ctx)}
                {summary(ctx)}
            </div>
            <footer class="sir-dialog__footer">
                <button type="submit" class="sir-submit" disabled=busy aria-busy=move || busy().to_string()>
                    {move || busy().then(|| view! { <span class="sir-spinner" aria-hidden="true"></span> })}
                    {move || if busy() { s.submitting } else { s.continue_to_checkout }}
                </button>
            </footer>
        </form>
    }
}

fn chip(
    name: &'static str,
    text: String,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    choose: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <label class="sir-chip">
            <input class="sir-chip__input" type="radio" name=name prop:checked=checked on:change=move |_| choose()/>
            <span class="sir-chip__text">{text}</span>
        </label>
    }
}

fn field_error(id: &'static str, message: impl Fn() -> Option<String> + Send + Sync + 'static) -> impl IntoView {
    move || message().map(|m| view! { <p class="sir-error" id=id>{m}</p> })
}

fn amount_fields(ctx: Ctx) -> impl IntoView {
    let s = ctx.s;
    let presets = ctx.env.with_value(|e| e.options.presets.clone());
    let chips = presets
        .into_iter()
        .map(|c| {
            chip(
                "amount",
                ctx.money(c),
                move || ctx.input.with(|i| i.amount == AmountChoice::Preset(c)),
                move || {
                    ctx.input.update(|i| i.amount = AmountChoice::Preset(c));
                    ctx.errors.update(|e| e.amount = None);
                },
            )
        })
        .collect_view();
    let on_input = move |event: ev::Event| {
        let text = event_target_value(&event);
        ctx.custom_amount.set(text.clone());
        let fallback = ctx.env.with_value(|e| e.options.default_amount);
        ctx.input.update(|i| {
            i.amount = match (text.trim().is_empty(), fallback) {
                (true, Some(c)) => AmountChoice::Preset(c),
                _ => AmountChoice::Custom(text),
            }
        });
        ctx.errors.update(|e| e.amount = None);
    };
    view! {
        <fieldset class="sir-fieldset">
            <legend class="sir-legend">{s.amount_legend}</legend>
            <div class="sir-chips">{chips}</div>
            <div class="sir-field">
                <label class="sir-label" for="sir-amount">{s.custom_amount}</label>
                <input
                    class="sir-input"
                    id="sir-amount"
                    name="amount-other"
                    inputmode="decimal"
                    autocomplete="transaction-amount"
                    aria-describedby="sir-amount-hint sir-amount-error"
                    aria-invalid=move || ctx.errors.with(|e| e.amount.is_some()).to_string()
                    prop:value=move || ctx.custom_amount.get()
                    on:input=on_input
                    on:focus=move |_| {
                        let text = ctx.custom_amount.get_untracked();
                        if !text.trim().is_empty() {
                            ctx.input.update(|i| i.amount = AmountChoice::Custom(text));
                        }
                    }
                />
                <p class="sir-hint" id="sir-amount-hint">{s.custom_amount_hint}</p>
                {field_error("sir-amount-error", move || ctx.errors.with(|e| e.amount.map(|a| a.message(ctx.locale))))}
            </div>
        </fieldset>
    }
}

fn frequency_fields(ctx: Ctx) -> impl IntoView {
    let s = ctx.s;
    let frequencies = ctx.env.with_value(|e| e.options.frequencies.clone());
    (frequencies.len() > 1).then(|| {
        let chips = frequencies
            .into_iter()
            .map(|f: Frequency| {
                chip(
                    "frequency",
                    s.frequency_label(f).to_owned(),
                    move || ctx.input.with(|i| i.frequency == f),
                    move || ctx.input.update(|i| i.frequency = f),
                )
            })
            .collect_view();
        view! {
            <fieldset class="sir-fieldset">
                <legend class="sir-legend">{s.frequency_legend}</legend>
                <div class="sir-chips">{chips}</div>
            </fieldset>
        }
    })
}

/// Tip shares offered besides "none" and "other": the partner's suggestion and one 5 points
/// above it (four chips fit on one row of the dialog).
fn tip_presets(suggested: f64) -> Vec<f64> {
    [suggested, suggested + 5.0].into_iter().filter(|p| *p > 0.0 && *p <= 100.0).collect()
}

/// `10%` in English; French and Spanish put a (narrow no-break) space before the sign.
fn percent_label(p: f64, locale: Locale) -> String {
    let number = crate::money::format_decimal(p, locale);
    match locale {
        Locale::En => format!("{number}%"),
        Locale::Es | Locale::Fr => format!("{number}\u{202f}%"),
    }
}

fn tip_fields(ctx: Ctx, suggested: f64) -> impl IntoView {
    let s = ctx.s;
    let choice_for = move |p: f64| if p == suggested { TipChoice::Suggested } else { TipChoice::Percent(p) };
    let mut chips = vec![
        chip(
            "tip",
            s.tip_none.to_owned(),
            move || ctx.input.with(|i| i.tip == TipChoice::None),
            move || ctx.input.update(|i| i.tip = TipChoice::None),
        )
        .into_any(),
    ];
    for p in tip_presets(suggested) {
        chips.push(
            chip(
                "tip",
                percent_label(p, ctx.locale),
                move || ctx.input.with(|i| i.tip == choice_for(p)),
                move || {
                    ctx.input.update(|i| i.tip = choice_for(p));
                    ctx.errors.update(|e| e.tip = false);
                },
            )
            .into_any(),
        );
    }
    chips.push(
        chip(
            "tip",
            s.tip_custom.to_owned(),
            move || ctx.input.with(|i| matches!(i.tip, TipChoice::Custom(_))),
            move || ctx.input.update(|i| i.tip = TipChoice::Custom(ctx.custom_tip.get_untracked())),
        )
        .into_any(),
    );
    let tip_text = move || {
        let (amount, percent) = ctx.input.with(|i| {
            let tips = crate::api::TipConfig { enabled: true, default_percent: Some(suggested) };
            (i.amount(ctx.locale).ok(), i.tip_percent(Some(&tips), ctx.locale).ok().flatten())
        });
        match (amount, percent) {
            (Some(a), Some(p)) => (s.tip_amount)(&ctx.money(percent_of(a, p))),
            _ => String::new(),
        }
    };
    view! {
        <fieldset class="sir-fieldset">
            <legend class="sir-legend">{s.tip_legend}</legend>
            <p class="sir-hint">{s.tip_explainer}</p>
            <div class="sir-chips">{chips}</div>
            <Show when=move || ctx.input.with(|i| matches!(i.tip, TipChoice::Custom(_)))>
                <div class="sir-field sir-custom-tip">
                    <label class="sir-label" for="sir-tip">{s.tip_custom}</label>
                    <input
                        class="sir-input"
                        id="sir-tip"
                        inputmode="decimal"
                        aria-describedby="sir-tip-error"
                        aria-invalid=move || ctx.errors.with(|e| e.tip).to_string()
                        prop:value=move || ctx.custom_tip.get()
                        on:input=move |event| {
                            let text = event_target_value(&event);
                            ctx.custom_tip.set(text.clone());
                            ctx.input.update(|i| i.tip = TipChoice::Custom(text));
                            ctx.errors.update(|e| e.tip = false);
                        }
                    />
                    {field_error("sir-tip-error", move || ctx.errors.with(|e| e.tip).then(|| s.err_tip.to_owned()))}
                </div>
            </Show>
            <p class="sir-tip-amount" aria-live="polite">{tip_text}</p>
        </fieldset>
    }
}

/// One donor text input: its label, autofill hint, and how it reads and writes the donor's input.
#[derive(Clone, Copy)]
struct DonorField {
    id: &'static str,
    label: &'static str,
    autocomplete: &'static str,
    kind: &'static str,
    hint: Option<&'static str>,
    error_text: &'static str,
    value: fn(&DonorInput) -> String,
    set: fn(&mut DonorInput, String),
    invalid: fn(&FieldErrors) -> bool,
    clear: fn(&mut FieldErrors),
}

fn text_field(ctx: Ctx, f: DonorField) -> impl IntoView {
    let error_id = format!("{}-error", f.id);
    let hint_id = format!("{}-hint", f.id);
    let described = if f.hint.is_some() { format!("{hint_id} {error_id}") } else { error_id.clone() };
    view! {
        <div class="sir-field">
            <label class="sir-label" for=f.id>{f.label}</label>
            <input
                class="sir-input"
                id=f.id
                name=f.id
                type=f.kind
                autocomplete=f.autocomplete
                required
                aria-describedby=described
                aria-invalid=move || ctx.errors.with(f.invalid).to_string()
                prop:value=move || ctx.input.with(f.value)
                on:input=move |event| {
                    let text = event_target_value(&event);
                    ctx.input.update(|i| (f.set)(i, text));
                    ctx.errors.update(f.clear);
                }
            />
            {f.hint.map(|h| view! { <p class="sir-hint" id=hint_id>{h}</p> })}
            {move || ctx.errors.with(f.invalid).then(|| view! { <p class="sir-error" id=error_id.clone()>{f.error_text}</p> })}
        </div>
    }
}

fn donor_fields(ctx: Ctx) -> impl IntoView {
    let s = ctx.s;
    let first = DonorField {
        id: "sir-first-name",
        label: s.first_name,
        autocomplete: "given-name",
        kind: "text",
        hint: None,
        error_text: s.err_first_name,
        value: |i| i.first_name.clone(),
        set: |i, v| i.first_name = v,
        invalid: |e| e.first_name,
        clear: |e| e.first_name = false,
    };
    let last = DonorField {
        id: "sir-last-name",
        label: s.last_name,
        autocomplete: "family-name",
        error_text: s.err_last_name,
        value: |i| i.last_name.clone(),
        set: |i, v| i.last_name = v,
        invalid: |e| e.last_name,
        clear: |e| e.last_name = false,
        ..first
    };
    let email = DonorField {
        id: "sir-email",
        label: s.email,
        autocomplete: "email",
        kind: "email",
        hint: Some(s.email_hint),
        error_text: s.err_email,
        value: |i| i.email.clone(),
        set: |i, v| i.email = v,
        invalid: |e| e.email,
        clear: |e| e.email = false,
    };
    view! {
        <div class="sir-row">{text_field(ctx, first)} {text_field(ctx, last)}</div>
        {text_field(ctx, email)}
    }
}

fn summary(ctx: Ctx) -> impl IntoView {
    let s = ctx.s;
    let lines = move || {
        let tips = ctx.load.with(|l| match l {
            Load::Ready(c, _) => c.tips(),
            _ => None,
        });
        let (amount, frequency, tip) = ctx.input.with(|i| {
            (i.amount(ctx.locale).ok(), i.frequency, i.tip_percent(tips.as_ref(), ctx.locale).ok().flatten())
        });
        let amount = amount.filter(|a| a.is_within_limits())?;
        let tip = tip.map(|p| percent_of(amount, p)).unwrap_or(Cents::ZERO);
        Some(view! {
            <div class="sir-summary" aria-live="polite">
                <p class="sir-summary__line">
                    {(s.summary_line)(&ctx.money(amount), s.frequency_word(frequency), &ctx.nonprofit_name())}
                </p>
                {(tip > Cents::ZERO).then(|| view! { <p class="sir-summary__line">{(s.tip_amount)(&ctx.money(tip))}</p> })}
                <p class="sir-summary__total">
                    {(s.summary_total)(&ctx.money(amount.saturating_add(tip)))}
                    {(frequency == Frequency::Monthly).then_some(s.per_month)}
                </p>
            </div>
        })
    };
    view! {
        <section aria-label=s.summary_title>{lines}</section>
    }
}

/// The donor-facing sentence for an error. A 429's wait is shown by the live countdown in the
/// alert, so here it is only "in a moment" (the static wait in `Strings::api_error` would go stale).
fn donor_message(s: &'static Strings, error: &ApiError) -> String {
    match error {
        ApiError::RateLimited { .. } => s.err_rate_limited_soon.to_owned(),
        other => s.api_error(other),
    }
}

fn alert_box(ctx: Ctx, alert: Alert) -> impl IntoView {
    let s = ctx.s;
    let retryable = matches!(
        alert.error,
        ApiError::Network { .. }
            | ApiError::Timeout { .. }
            | ApiError::Server { .. }
            | ApiError::InvalidResponse { .. }
            | ApiError::UnexpectedStatus { .. }
            | ApiError::RateLimited { .. }
    );
    let retry_at = alert.retry_at_ms;
    let seconds_left = move || retry_at.map(|at| ((at - ctx.clock.get()) / 1000.0).ceil().max(0.0) as u64);
    let error = alert.error.clone();
    let text = move || match (&error, seconds_left()) {
        (ApiError::RateLimited { .. }, Some(n)) if n > 0 => (s.err_rate_limited)(n),
        (e, _) => donor_message(s, e),
    };
    let waiting = move || seconds_left().is_some_and(|n| n > 0);
    view! {
        <div class="sir-alert" role="alert">
            <p>{text}</p>
            {retryable.then(|| view! {
                <div class="sir-alert__actions">
                    <button type="button" class="sir-link-button" disabled=waiting on:click=move |_| submit(ctx)>
                        {s.retry}
                    </button>
                </div>
            })}
        </div>
    }
}

/// Moves focus to the first field with a problem, so keyboard and screen-reader users land on it.
fn focus_first_invalid(ctx: Ctx) {
    let Some(dialog) = ctx.dialog.get_untracked() else { return };
    // The error state renders on the next tick; the aria-invalid selector is checked after it.
    spawn_local(async move {
        leptos::task::tick().await;
        if let Ok(Some(el)) = dialog.query_selector("[aria-invalid='true']")
            && let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el)
        {
            let _ = el.focus();
        }
    });
}

/// One submission: at most one create-link request, whatever the clicks and key repeats.
fn submit(ctx: Ctx) {
    if ctx.submitting.get_untracked() || ctx.redirecting.get_untracked() {
        return;
    }
    if ctx.alert.with_untracked(|a| a.as_ref().and_then(|a| a.retry_at_ms).is_some_and(|at| at > dom::now_ms())) {
        return;
    }
    let Some((config, _)) = ctx.loaded() else { return };
    let valid = match ctx.input.with_untracked(|i| i.validate(config.tips().as_ref(), ctx.locale)) {
        Ok(valid) => valid,
        Err(errors) => {
            ctx.errors.set(errors);
            focus_first_invalid(ctx);
            return;
        }
    };
    ctx.errors.set(FieldErrors::default());
    ctx.alert.set(None);
    ctx.notice.set(None);
    ctx.submitting.set(true);
    let (client, request, mode, navigator) = ctx.env.with_value(|env| {
        let o = &env.options;
        (
            env.client.clone(),
            valid.to_request(&env.slug, o.provider, o.referral_code.as_deref()),
            o.checkout,
            env.navigator.clone(),
        )
    });
    // The checkout window must open now, inside the click, or popup blockers refuse it.
    let window = match mode {
        CheckoutMode::Redirect => None,
        mode => navigator.open_window(mode, ctx.s.preparing_checkout),
    };
    let blocked = mode != CheckoutMode::Redirect && window.is_none();
    let amount = valid.amount;
    spawn_local(async move {
        let result = client.create_link(&request).await;
        if ctx.submitting.try_set(false).is_some() {
            return; // the widget was removed meanwhile
        }
        match result {
            Ok(link) => {
                let id = link.partner_donation_id.as_str().to_owned();
                ctx.emit(WidgetEvent::LinkCreated { partner_donation_id: id.clone() });
                let pending = PendingDonation::new(&id, amount, dom::now_ms());
                ctx.env.with_value(|e| {
                    if let Some(json) = pending.to_json() {
                        dom::storage_set(&e.storage_key, &json);
                    }
                });
                match window {
                    Some(window) => {
                        window.navigate(&link.checkout_url);
                        ctx.env.with_value(|e| *e.window.borrow_mut() = Some(window));
                        track(ctx, pending, true);
                    }
                    None => {
                        if blocked {
                            ctx.notice.set(Some(ctx.s.popup_blocked));
                        }
                        ctx.redirecting.set(true);
                        navigator.redirect(&link.checkout_url);
                    }
                }
            }
            Err(error) => {
                if let Some(window) = window {
                    window.close();
                }
                dom::console_error(&error.developer_message());
                ctx.emit(WidgetEvent::from_error(&error));
                if let ApiError::Validation { problems } = &error {
                    ctx.errors.update(|e| problems.iter().for_each(|p| e.mark_server_field(p.field)));
                }
                let retry_at_ms = match &error {
                    ApiError::RateLimited { retry_after } => {
                        Some(dom::now_ms() + retry_after.map_or(5_000.0, |d| d.as_millis() as f64))
                    }
                    _ => None,
                };
                ctx.alert.set(Some(Alert { error, retry_at_ms }));
                if let Some(at) = retry_at_ms {
                    tick_until(ctx, at);
                }
            }
        }
    });
}

/// Advances the clock every second until `until_ms`, for the rate-limit countdown.
fn tick_until(ctx: Ctx, until_ms: f64) {
    spawn_local(async move {
        loop {
            let now = dom::now_ms();
            if ctx.clock.try_set(now).is_some() || now >= until_ms {
                break;
            }
            gloo_timers::future::sleep(std::time::Duration::from_millis(1000)).await;
        }
    });
}

/// Picks up a donation left in session storage by an earlier visit of this page.
fn resume_pending(ctx: Ctx) {
    let stored = ctx.env.with_value(|e| dom::storage_get(&e.storage_key));
    let Some(pending) = stored.and_then(|text| PendingDonation::from_json(&text, dom::now_ms())) else {
        ctx.env.with_value(|e| dom::storage_remove(&e.storage_key));
        return;
    };
    let already = ctx.tracking.with_untracked(|t| t.as_ref().is_some_and(|t| t.id == pending.partner_donation_id));
    if !already {
        track(ctx, pending, false);
    }
}

/// Follows a donation's status with backoff until it is final or ten minutes have passed.
fn track(ctx: Ctx, pending: PendingDonation, elsewhere: bool) {
    let id_text = pending.partner_donation_id.clone();
    ctx.tracking.set(Some(Tracking { id: id_text.clone(), amount: Cents(pending.amount), status: None, elsewhere }));
    let Some(id) = DonationId::parse(&id_text) else { return };
    let client = ctx.env.with_value(|e| e.client.clone());
    spawn_local(async move {
        let mut schedule = PollSchedule::new(dom::now_ms());
        let mut last: Option<StatusWord> = None;
        loop {
            let current = ctx.tracking.try_with_untracked(|t| t.as_ref().is_some_and(|t| t.id == id_text));
            if current != Some(true) {
                break; // removed, or replaced by a newer donation
            }
            match client.status(&id).await {
                Ok(status) => {
                    let word = status.status.clone();
                    if last.as_ref() != Some(&word) {
                        ctx.emit(WidgetEvent::Status {
                            partner_donation_id: id_text.clone(),
                            status: word.as_str().to_owned(),
                        });
                        last = Some(word.clone());
                    }
                    let shown = ctx.tracking.try_update(|t| {
                        if let Some(t) = t.as_mut().filter(|t| t.id == id_text) {
                            t.status = Some(status);
                        }
                    });
                    if shown.is_none() {
                        break;
                    }
                    if word.is_paid() || word.is_unsuccessful() {
                        open_dialog(ctx);
                    }
                    if word.is_final() {
                        ctx.env.with_value(|e| dom::storage_remove(&e.storage_key));
                        break;
                    }
                }
                Err(ApiError::NotFound { .. }) => {
                    ctx.env.with_value(|e| dom::storage_remove(&e.storage_key));
                    let _ = ctx.tracking.try_set(None);
                    break;
                }
                // Anything else may pass: keep asking until the time is up.
                Err(_) => {}
            }
            match schedule.next_delay(dom::now_ms()) {
                Some(wait) => gloo_timers::future::sleep(wait).await,
                None => break,
            }
        }
    });
}

/// Leaves the outcome for the form again, keeping what the donor typed.
fn start_over(ctx: Ctx) {
    ctx.env.with_value(|e| dom::storage_remove(&e.storage_key));
    ctx.tracking.set(None);
    ctx.redirecting.set(false);
}

fn outcome(ctx: Ctx) -> impl IntoView {
    let s = ctx.s;
    let body = move || {
        let Some(t) = ctx.tracking.get() else { return ().into_any() };
        let Some(status) = t.status.clone() else {
            return view! {
                <div class="sir-outcome" role="status">
                    <span class="sir-spinner" aria-hidden="true"></span>
                    <p class="sir-outcome__body">{s.status_checking}</p>
                </div>
            }
            .into_any();
        };
        let amount = status.amount.map(Cents).unwrap_or(t.amount);
        if status.status.is_paid() {
            let tokens = status
                .tokens_awarded
                .filter(|n| *n > 0.0)
                .map(|n| (s.tokens_awarded)(&crate::money::format_decimal(n, ctx.locale)));
            view! {
                <div class="sir-outcome" role="status">
                    <div class="sir-outcome__icon" aria-hidden="true">"✓"</div>
                    <h3 class="sir-outcome__title">{s.thank_you_title}</h3>
                    <p class="sir-outcome__body">{(s.thank_you_body)(&ctx.money(amount), &ctx.nonprofit_name())}</p>
                    {tokens.map(|t| view! { <p class="sir-outcome__body">{t}</p> })}
                </div>
                <button type="button" class="sir-submit" on:click=move |_| { close_dialog(ctx); start_over(ctx); }>{s.done}</button>
            }
            .into_any()
        } else if status.status.is_unsuccessful() {
            let text = match status.status {
                StatusWord::Cancelled => s.cancelled_body,
                StatusWord::Expired => s.expired_body,
                _ => s.unsuccessful_body,
            };
            view! {
                <div class="sir-outcome" role="status">
                    <div class="sir-outcome__icon sir-outcome__icon--muted" aria-hidden="true">"!"</div>
                    <h3 class="sir-outcome__title">{s.unsuccessful_title}</h3>
                    <p class="sir-outcome__body">{text}</p>
                </div>
                <button type="button" class="sir-submit" on:click=move |_| start_over(ctx)>{s.try_again}</button>
            }
            .into_any()
        } else {
            let text = if t.elsewhere { s.checkout_open_elsewhere } else { s.status_processing };
            view! {
                <div class="sir-outcome" role="status">
                    <span class="sir-spinner" aria-hidden="true"></span>
                    <p class="sir-outcome__body">{text}</p>
                </div>
            }
            .into_any()
        }
    };
    view! { <div class="sir-dialog__body">{body}</div> }
}

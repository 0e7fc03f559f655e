//! The Trunk demo app (`index.html`): the `DonateButton` in several configurations, live
//! against the local sandbox. Built by `trunk build` and served by the README's demo command;
//! `?api=URL` points it at a sandbox on another address.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(demo::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("sir-donate-demo is a browser app: build it with `trunk build` (see README.md).");
}

#[cfg(target_arch = "wasm32")]
mod demo {
    use leptos::prelude::*;
    use sir_donate::{Cents, CheckoutMode, DonateButton, Frequency, Mode, Provider, Theme, WidgetEvent};

    const DEFAULT_API: &str = "http://127.0.0.1:8787";

    fn key(pair: &str) -> String {
        format!("pk_test_{}", pair.repeat(32))
    }

    fn api_base() -> String {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok())
            .and_then(|p| p.get("api"))
            .unwrap_or_else(|| DEFAULT_API.to_owned())
    }

    #[component]
    fn Example(title: &'static str, about: &'static str, children: Children) -> impl IntoView {
        view! {
            <article class="card">
                <h3>{title}</h3>
                <p class="muted">{about}</p>
                <div class="slot">{children()}</div>
            </article>
        }
    }

    #[component]
    pub fn App() -> impl IntoView {
        // Read once per page load; leaking it gives every example a `&'static str` prop.
        let api: &'static str = api_base().leak();
        let log = RwSignal::new(Vec::<String>::new());
        let on_event = Callback::new(move |event: WidgetEvent| {
            log.update(|l| {
                l.insert(0, format!("{event:?}"));
                l.truncate(8);
            })
        });
        view! {
            <main class="demo">
                <header>
                    <h1>"sir-donate demo"</h1>
                    <p>"The " <code>"DonateButton"</code> " component, live against the local "
                       <code>"sir-sandbox"</code> " at " <code>{api}</code>
                       ". Donations go to the sandbox's own checkout page: no real money moves."</p>
                </header>
                <div class="grid">
                    <Example title="Default" about="Presets $25–$250, once or monthly, every.org, redirect.">
                        <DonateButton publishable_key=key("5a") nonprofit="american-red-cross" api_base=api on_event/>
                    </Example>
                    <Example title="Own presets, monthly first" about="$10 / $20 / $40 preset, monthly by default, custom label, new tab.">
                        <DonateButton publishable_key=key("5a") nonprofit="khan-academy" api_base=api
                            amounts=vec![Cents(1000), Cents(2000), Cents(4000)] default_amount=Cents(2000)
                            default_frequency=Frequency::Monthly label="Give monthly" checkout=CheckoutMode::NewTab on_event/>
                    </Example>
                    <Example title="Dark theme" about="theme=dark, popup checkout.">
                        <DonateButton publishable_key=key("5a") nonprofit="world-wildlife-fund" api_base=api
                            theme=Theme::Dark checkout=CheckoutMode::Popup on_event/>
                    </Example>
                    <Example title="En español" about="locale=es, one-time only.">
                        <DonateButton publishable_key=key("5a") nonprofit="doctors-without-borders" api_base=api
                            locale="es" frequencies=vec![Frequency::Once] on_event/>
                    </Example>
                    <Example title="En français" about="locale=fr.">
                        <DonateButton publishable_key=key("5a") nonprofit="feeding-america" api_base=api locale="fr" on_event/>
                    </Example>
                    <Example title="Stripe with tip" about="provider=stripe: the tip is sent as tipPercent and tipAmount.">
                        <DonateButton publishable_key=key("5a") nonprofit="american-red-cross" api_base=api
                            provider=Provider::Stripe referral_code="REFER123" on_event/>
                    </Example>
                    <Example title="Partner without donations" about="Config lacks DONATIONS: disabled, with a reason.">
                        <DonateButton publishable_key=key("0d") nonprofit="american-red-cross" api_base=api on_event/>
                    </Example>
                    <Example title="Suspended partner" about="403 PARTNER_INACTIVE: disabled, the console says why.">
                        <DonateButton publishable_key=key("5e") nonprofit="american-red-cross" api_base=api on_event/>
                    </Example>
                    <Example title="A secret key (refused)" about="sk_… never leaves the page: a message for the site developer, no request.">
                        <DonateButton publishable_key=format!("sk_test_{}", "ab".repeat(32)) nonprofit="american-red-cross" api_base=api on_event/>
                    </Example>
                </div>
                <section class="inline-demo">
                    <h2>"Inline form"</h2>
                    <p class="muted">"mode=Mode::Inline: the same donor flow in place in the page, no button or dialog."</p>
                    <DonateButton publishable_key=key("5a") nonprofit="khan-academy" api_base=api mode=Mode::Inline on_event/>
                </section>
                <section>
                    <h2>"Events"</h2>
                    <ol class="events">{move || log.get().into_iter().map(|e| view! { <li><code>{e}</code></li> }).collect_view()}</ol>
                </section>
            </main>
        }
    }
}

//! The Trunk demo app (`index.html`): the API client working against the local sandbox.
//!
//! Built by `trunk build` and served by the README's demo command. Pass `?api=URL` to point it
//! at a sandbox on another address.

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
    use leptos::task::spawn_local;
    use sir_donate::api::{
        ApiError, Client, CreateLinkRequest, CreatedLink, DonationStatus, Frequency, Organization, PartnerConfig,
        Provider, Slug,
    };
    use sir_donate::key::{ApiBase, PublishableKey};

    const DEFAULT_API: &str = "http://127.0.0.1:8787";
    const PARTNERS: [(&str, &str); 3] = [("Acme Giving", "5a"), ("No Donations Co", "0d"), ("Paused Partner", "5e")];
    const NONPROFITS: [&str; 5] =
        ["american-red-cross", "doctors-without-borders", "world-wildlife-fund", "khan-academy", "feeding-america"];

    fn api_base() -> ApiBase {
        let from_query = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok())
            .and_then(|p| p.get("api"));
        from_query
            .and_then(|u| ApiBase::parse_override(&u).ok())
            .unwrap_or_else(|| ApiBase::parse_override(DEFAULT_API).expect("default is loopback"))
    }

    fn client(pair: &str) -> Client {
        let key = PublishableKey::parse(&format!("pk_test_{}", pair.repeat(32))).expect("fixture key");
        Client::new(key).with_api_base(api_base())
    }

    #[component]
    pub fn App() -> impl IntoView {
        view! {
            <main class="demo">
                <header>
                    <h1>"sir-donate sandbox demo"</h1>
                    <p>"The widget's API client, live against the local " <code>"sir-sandbox"</code>
                       " at " <code>{api_base().as_str().to_owned()}</code> "."</p>
                </header>
                <section>
                    <h2>"Partner configuration"</h2>
                    <div class="grid">
                        {PARTNERS.into_iter().map(|(name, pair)| view! { <PartnerCard name pair/> }).collect_view()}
                    </div>
                </section>
                <section>
                    <h2>"Nonprofits"</h2>
                    <div class="grid">
                        {NONPROFITS.into_iter().map(|slug| view! { <NonprofitCard slug/> }).collect_view()}
                    </div>
                </section>
                <section>
                    <h2>"Create a donation link"</h2>
                    <DonationFlow/>
                </section>
            </main>
        }
    }

    #[component]
    fn PartnerCard(name: &'static str, pair: &'static str) -> impl IntoView {
        let result = RwSignal::new(None::<Result<PartnerConfig, ApiError>>);
        spawn_local(async move { result.set(Some(client(pair).config().await)) });
        view! {
            <article class="card">
                <h3>{name}</h3>
                <p class="muted"><code>{format!("pk_test_…{}", pair.repeat(2))}</code></p>
                {move || match result.get() {
                    None => view! { <p class="muted">"Loading…"</p> }.into_any(),
                    Some(Ok(c)) => view! {
                        <p>{if c.accepts_donations() { "✓ accepts donations" } else { "✗ donations off" }}</p>
                        <p class="muted">"Features: " {c.enabled_features.join(", ")}</p>
                        <p class="muted">{c.tips().map(|t| format!("Tips on, {} % suggested", t.default_percent.unwrap_or(0.0))).unwrap_or_else(|| "Tips off".into())}</p>
                    }.into_any(),
                    Some(Err(e)) => view! { <ErrorLine error=e/> }.into_any(),
                }}
            </article>
        }
    }

    #[component]
    fn NonprofitCard(slug: &'static str) -> impl IntoView {
        let result = RwSignal::new(None::<Result<Organization, ApiError>>);
        let slug_checked = Slug::parse(slug).expect("seeded slug");
        spawn_local(async move { result.set(Some(client("5a").organization(&slug_checked).await)) });
        view! {
            <article class="card org">
                {move || match result.get() {
                    None => view! { <p class="muted">"Loading…"</p> }.into_any(),
                    Some(Ok(org)) => view! {
                        {org.logo_url.clone().map(|src| view! { <img src=src alt="" width="48" height="48"/> })}
                        <div>
                            <h3>{org.display_name().to_owned()}</h3>
                            <p class="muted">"EIN " {org.ein.clone().unwrap_or_default()}</p>
                        </div>
                    }.into_any(),
                    Some(Err(e)) => view! { <ErrorLine error=e/> }.into_any(),
                }}
            </article>
        }
    }

    #[component]
    fn DonationFlow() -> impl IntoView {
        let created = RwSignal::new(None::<Result<CreatedLink, ApiError>>);
        let status = RwSignal::new(None::<Result<DonationStatus, ApiError>>);
        let busy = RwSignal::new(false);
        let create = move |_| {
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            status.set(None);
            spawn_local(async move {
                let request = CreateLinkRequest {
                    nonprofit_slug: "american-red-cross".into(),
                    amount: 2500,
                    currency: "USD".into(),
                    frequency: Frequency::Once,
                    provider: Provider::EveryOrg,
                    donor_email: "demo.donor@example.org".into(),
                    first_name: "Demo".into(),
                    last_name: "Donor".into(),
                    tip_amount: None,
                    tip_percent: Some(10.0),
                    referral_code: None,
                };
                created.set(Some(client("5a").create_link(&request).await));
                busy.set(false);
            });
        };
        let refresh = move |_| {
            if let Some(Ok(link)) = created.get_untracked() {
                spawn_local(async move { status.set(Some(client("5a").status(&link.partner_donation_id).await)) });
            }
        };
        view! {
            <article class="card wide">
                <p>"Acme Giving → American Red Cross, $25.00 once, 10 % tip, a demo donor."</p>
                <button class="primary" on:click=create disabled=move || busy.get()>
                    {move || if busy.get() { "Creating…" } else { "Create donation link" }}
                </button>
                {move || created.get().map(|r| match r {
                    Ok(link) => view! {
                        <p>"Donation " <code>{link.partner_donation_id.as_str().to_owned()}</code> ": "
                           <a href=link.checkout_url.as_str().to_owned() target="_blank" rel="noopener">"open the sandbox checkout"</a></p>
                        <button on:click=refresh>"Check status"</button>
                    }.into_any(),
                    Err(e) => view! { <ErrorLine error=e/> }.into_any(),
                })}
                {move || status.get().map(|r| match r {
                    Ok(s) => view! {
                        <p class="status">"Status: " <strong>{s.status.as_str().to_owned()}</strong>
                           {s.tokens_awarded.map(|t| format!(" · {t} SIR tokens"))}</p>
                    }.into_any(),
                    Err(e) => view! { <ErrorLine error=e/> }.into_any(),
                })}
            </article>
        }
    }

    #[component]
    fn ErrorLine(error: ApiError) -> impl IntoView {
        view! {
            <p class="error">
                <strong>{error.donor_message()}</strong><br/>
                <small><code>{error.code()}</code> " · " {error.developer_message()}</small>
            </p>
        }
    }
}

//! Mounts the app (built with `trunk serve` / `trunk build`; see README.md). `?api=URL` points
//! it at a sandbox on another address than the default `http://127.0.0.1:8787`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    use leptos_app::{App, DEFAULT_API_BASE};

    console_error_panic_hook::set_once();
    let api_base = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|query| web_sys::UrlSearchParams::new_with_str(&query).ok())
        .and_then(|params| params.get("api"))
        .unwrap_or_else(|| DEFAULT_API_BASE.to_owned());
    leptos::mount::mount_to_body(move || view! { <App api_base=api_base.clone() /> });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("leptos-app is a browser app: run it with `trunk serve` (see README.md).");
}

//! Generated nonprofit logos at `GET /logos/{slug}.svg`: a rounded square in
//! the organization's colour with white initials, so the widget can show real
//! images without the sandbox shipping or fetching any artwork.

use axum::Router;
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::errors::ApiError;
use crate::extract::PathParam;
use crate::markup::escape;
use crate::organizations::seed;
use crate::state::AppState;

/// Colours for organizations that were added at run time (picked by slug hash).
const PALETTE: [&str; 8] = ["#3f5bd8", "#0f8b8d", "#8e44ad", "#d35400", "#2e7d32", "#c2185b", "#5d4037", "#00838f"];

pub fn routes() -> Router<AppState> {
    Router::new().route("/logos/{file}", get(logo))
}

async fn logo(State(state): State<AppState>, PathParam(file): PathParam) -> Result<Response, ApiError> {
    let slug = file
        .strip_suffix(".svg")
        .filter(|s| state.organizations.contains(s))
        .ok_or_else(|| ApiError::not_found(format!("no logo named '{file}'")))?;
    let name = state.organizations.display_name(slug);
    let (initials, colour) = match seed(slug) {
        Some(seed) => (seed.initials.to_owned(), seed.colour),
        None => (initials_of(&name), colour_for(slug)),
    };
    Ok((
        [(CONTENT_TYPE, "image/svg+xml"), (CACHE_CONTROL, "public, max-age=300")],
        render_svg(&name, &initials, colour),
    )
        .into_response())
}

/// Up to three initials from the words of `name`, upper-cased.
pub fn initials_of(name: &str) -> String {
    let initials: String = name
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|word| word.chars().next())
        .take(3)
        .flat_map(char::to_uppercase)
        .collect();
    if initials.is_empty() { "?".to_owned() } else { initials }
}

/// A stable palette colour for `slug` (FNV-1a hash).
pub fn colour_for(slug: &str) -> &'static str {
    let hash = slug.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    // The modulo keeps the index below PALETTE.len(), so the cast is lossless.
    PALETTE[(hash % PALETTE.len() as u64) as usize]
}

pub fn render_svg(name: &str, initials: &str, colour: &str) -> String {
    let font_size = match initials.chars().count() {
        0 | 1 => 44,
        2 => 36,
        _ => 29,
    };
    let name = escape(name);
    let initials = escape(initials);
    let colour = escape(colour);
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96" role="img" aria-label="{name} logo">
  <title>{name}</title>
  <defs>
    <linearGradient id="shine" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#ffffff" stop-opacity="0.18"/>
      <stop offset="1" stop-color="#000000" stop-opacity="0.12"/>
    </linearGradient>
  </defs>
  <rect width="96" height="96" rx="22" fill="{colour}"/>
  <rect width="96" height="96" rx="22" fill="url(#shine)"/>
  <text x="48" y="48" dy="0.35em" text-anchor="middle" fill="#ffffff" font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif" font-size="{font_size}" font-weight="700" letter-spacing="1">{initials}</text>
</svg>
"##
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_take_word_starts() {
        assert_eq!(initials_of("Save the Children"), "STC");
        assert_eq!(initials_of("Khan Academy"), "KA");
        assert_eq!(initials_of("UNICEF"), "U");
        assert_eq!(initials_of("a-b c d e"), "ABC");
        assert_eq!(initials_of("  "), "?");
    }

    #[test]
    fn colours_are_stable_palette_entries() {
        assert_eq!(colour_for("x"), colour_for("x"));
        assert!(PALETTE.contains(&colour_for("anything")));
    }

    #[test]
    fn svg_escapes_text() {
        let svg = render_svg("A <b> & C", "A&", "#fff");
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("A &lt;b&gt; &amp; C"));
        assert!(svg.contains(">A&amp;</text>"));
        assert!(!svg.contains("<b>"));
    }
}

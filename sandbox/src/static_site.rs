//! The static listener: serves a directory (the demo page, test pages) on its
//! own port, so pages call the API cross-origin exactly as in production.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_LENGTH, CONTENT_TYPE, ETAG, LAST_MODIFIED};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

const NO_DIR_PAGE: &str = r#"<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>SIR sandbox static server</title></head>
<body style="font-family: system-ui, sans-serif; margin: 3rem; color: #1d2433">
  <h1>SIR sandbox static server</h1>
  <p>No directory is being served. Start the sandbox with <code>--static-dir DIR</code> to serve pages from here.</p>
</body>
</html>
"#;

/// Written in served HTML where the API's URL belongs (an `api-base` attribute,
/// a CSP `connect-src`): replaced on the way out, so demo pages work whatever
/// port the API listener got.
pub const API_BASE_PLACEHOLDER: &str = "%SIR_API_BASE%";

/// A router serving `dir` (with `index.html` for directories), or a short
/// explanatory page when there is none. Fails if `dir` is not a directory.
pub fn router(dir: Option<PathBuf>, api_base: Arc<str>) -> io::Result<Router> {
    let router = match dir {
        Some(dir) => {
            if !dir.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::NotFound,
                    format!("static dir {} is not a directory", dir.display()),
                ));
            }
            // A file's precompressed copy (`x.br`, `x.gz` beside `x`), when there is one and the
            // browser accepts it, as a CDN serves the embed: the benchmark writes them for dist/.
            let files =
                ServeDir::new(dir).append_index_html_on_directories(true).precompressed_br().precompressed_gzip();
            Router::new().fallback_service(files)
        }
        None => Router::new()
            .route("/", get(|| async { Html(NO_DIR_PAGE) }))
            .fallback(|| async { (StatusCode::NOT_FOUND, "not found: no static directory is being served\n") }),
    };
    // Pages under development change constantly; make browsers revalidate every time.
    Ok(router
        .layer(from_fn_with_state(api_base, fill_in_api_base))
        .layer(SetResponseHeaderLayer::overriding(CACHE_CONTROL, HeaderValue::from_static("no-cache"))))
}

/// Replaces [`API_BASE_PLACEHOLDER`] in HTML answers with the API listener's URL.
async fn fill_in_api_base(State(api_base): State<Arc<str>>, req: Request, next: Next) -> Response {
    let response = next.run(req).await;
    let is_html =
        response.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 8 * 1024 * 1024).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "page too large to serve\n").into_response();
    };
    let page = String::from_utf8_lossy(&bytes).replace(API_BASE_PLACEHOLDER, &api_base);
    // The length changed; the validators describe the file on disk, not this page.
    for header in [CONTENT_LENGTH, ETAG, LAST_MODIFIED] {
        parts.headers.remove(header);
    }
    Response::from_parts(parts, Body::from(page))
}

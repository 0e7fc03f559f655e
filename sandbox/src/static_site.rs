//! The static listener: serves a directory (the demo page, test pages) on its
//! own port, so pages call the API cross-origin exactly as in production.

use std::io;
use std::path::PathBuf;

use axum::Router;
use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderValue, StatusCode};
use axum::response::Html;
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

/// A router serving `dir` (with `index.html` for directories), or a short
/// explanatory page when there is none. Fails if `dir` is not a directory.
pub fn router(dir: Option<PathBuf>) -> io::Result<Router> {
    let router = match dir {
        Some(dir) => {
            if !dir.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::NotFound,
                    format!("static dir {} is not a directory", dir.display()),
                ));
            }
            Router::new().fallback_service(ServeDir::new(dir).append_index_html_on_directories(true))
        }
        None => Router::new()
            .route("/", get(|| async { Html(NO_DIR_PAGE) }))
            .fallback(|| async { (StatusCode::NOT_FOUND, "not found: no static directory is being served\n") }),
    };
    // Pages under development change constantly; make browsers revalidate every time.
    Ok(router.layer(SetResponseHeaderLayer::overriding(CACHE_CONTROL, HeaderValue::from_static("no-cache"))))
}

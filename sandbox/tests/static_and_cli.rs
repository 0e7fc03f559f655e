//! The static listener, the library's lifecycle, and the binary's start-up lines.

mod common;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::*;
use sir_sandbox::SandboxConfig;

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("sir-sandbox-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        Self(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[tokio::test]
async fn static_dir_is_served_with_index_files_and_no_cache() {
    let dir = TempDir::new("static");
    std::fs::write(dir.0.join("index.html"), "<h1>demo page</h1>").unwrap();
    std::fs::write(dir.0.join("sub/index.html"), "<p>sub page</p>").unwrap();
    std::fs::write(dir.0.join("app.js"), "console.log(1)").unwrap();
    let sb = sandbox_with(SandboxConfig { static_dir: Some(dir.0.clone()), ..test_config() }).await;
    assert_ne!(sb.api_addr, sb.static_addr);

    let res = client().get(format!("{}/", sb.static_url())).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-cache");
    assert_eq!(res.text().await.unwrap(), "<h1>demo page</h1>");

    let res = client().get(format!("{}/sub/", sb.static_url())).send().await.unwrap();
    assert_eq!(res.text().await.unwrap(), "<p>sub page</p>");

    let res = client().get(format!("{}/app.js", sb.static_url())).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().contains("javascript"));

    let res = client().get(format!("{}/missing.html", sb.static_url())).send().await.unwrap();
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn html_pages_get_the_api_url_filled_in_and_other_files_do_not() {
    let dir = TempDir::new("placeholder");
    let page = r#"<sir-donate api-base="%SIR_API_BASE%"></sir-donate><meta content="connect-src %SIR_API_BASE%">"#;
    std::fs::write(dir.0.join("page.html"), page).unwrap();
    std::fs::write(dir.0.join("data.txt"), "%SIR_API_BASE%").unwrap();
    let sb = sandbox_with(SandboxConfig { static_dir: Some(dir.0.clone()), ..test_config() }).await;
    let res = client().get(format!("{}/page.html", sb.static_url())).send().await.unwrap();
    let length: usize = res.headers()["content-length"].to_str().unwrap().parse().unwrap();
    let body = res.text().await.unwrap();
    assert_eq!(body, page.replace("%SIR_API_BASE%", &sb.api_url()));
    assert_eq!(length, body.len(), "the length matches the filled-in page");
    let res = client().get(format!("{}/data.txt", sb.static_url())).send().await.unwrap();
    assert_eq!(res.text().await.unwrap(), "%SIR_API_BASE%", "only HTML is filled in");
}

#[tokio::test]
async fn without_a_static_dir_a_placeholder_page_is_served() {
    let sb = sandbox().await;
    let res = client().get(format!("{}/", sb.static_url())).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("--static-dir"));
}

#[tokio::test]
async fn a_missing_static_dir_is_a_start_error() {
    let result = sir_sandbox::start(SandboxConfig {
        static_dir: Some(PathBuf::from("this/directory/does/not/exist")),
        ..test_config()
    })
    .await;
    assert!(result.is_err());
}

#[tokio::test]
async fn urls_report_the_bound_ports_and_shutdown_stops_serving() {
    let sb = sandbox().await;
    assert_ne!(sb.api_addr.port(), 0);
    assert_eq!(sb.api_url(), format!("http://127.0.0.1:{}", sb.api_addr.port()));
    assert_eq!(sb.static_url(), format!("http://127.0.0.1:{}", sb.static_addr.port()));
    let addr = sb.api_addr;
    sb.shutdown().await;
    let refused = tokio::time::timeout(Duration::from_secs(2), tokio::net::TcpStream::connect(addr)).await;
    assert!(matches!(refused, Ok(Err(_))), "still accepting after shutdown");
}

/// Kills the spawned binary even when an assertion fails.
struct Spawned(Child);

impl Drop for Spawned {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn binary_prints_both_listening_lines_and_serves() {
    let mut child = Spawned(
        Command::new(env!("CARGO_BIN_EXE_sir-sandbox"))
            .args(["--api-addr", "127.0.0.1:0", "--static-addr", "127.0.0.1:0", "--reward-delay-ms", "50"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("binary starts"),
    );
    let stdout = child.0.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let api_line = lines.next().unwrap().unwrap();
    let static_line = lines.next().unwrap().unwrap();
    let api_url = api_line.strip_prefix("api listening on ").expect(&api_line).to_owned();
    let static_url = static_line.strip_prefix("static listening on ").expect(&static_line).to_owned();
    assert!(api_url.starts_with("http://127.0.0.1:") && !api_url.ends_with(":0"), "{api_url}");
    assert!(static_url.starts_with("http://127.0.0.1:") && static_url != api_url, "{static_url}");

    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let res =
            client().get(format!("{api_url}/v1/partner/config")).header(KEY_HEADER, acme_key()).send().await.unwrap();
        assert_eq!(res.status(), 200);
        let res = client().get(format!("{static_url}/")).send().await.unwrap();
        assert_eq!(res.status(), 200);
    });
}

#[test]
fn binary_logs_requests_with_masked_keys() {
    let mut child = Spawned(
        Command::new(env!("CARGO_BIN_EXE_sir-sandbox"))
            .args(["--api-addr", "127.0.0.1:0", "--static-addr", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("binary starts"),
    );
    let stdout = child.0.stdout.take().unwrap();
    let api_line = BufReader::new(stdout).lines().next().unwrap().unwrap();
    let api_url = api_line.strip_prefix("api listening on ").unwrap().to_owned();

    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let res = client()
            .post(format!("{api_url}/v1/partner/donations/create-link"))
            .header(KEY_HEADER, acme_key())
            .json(&valid_body())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
    });
    let stderr = child.0.stderr.take().unwrap();
    let line = BufReader::new(stderr)
        .lines()
        .map_while(Result::ok)
        .find(|l| l.contains("/v1/partner/donations/create-link"))
        .expect("a log line for the request");
    assert!(line.starts_with("POST /v1/partner/donations/create-link 201 "), "{line}");
    assert!(line.contains("ms"), "{line}");
    assert!(line.contains("pk_test_…5a5a"), "{line}");
    assert!(!line.contains(&acme_key()), "full key leaked: {line}");
    assert!(!line.contains("ada@example.com") && !line.contains("Lovelace"), "body leaked: {line}");
}

#[test]
fn help_describes_fixture_keys_and_the_control_api() {
    let out = Command::new(env!("CARGO_BIN_EXE_sir-sandbox")).arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "--api-addr",
        "--static-addr",
        "--static-dir",
        "--reward-delay-ms",
        "--no-control",
        "--rate-limit",
        "pk_test_5a5a",
        "/__sandbox/faults",
    ] {
        assert!(help.contains(needle), "--help lacks {needle}");
    }
}

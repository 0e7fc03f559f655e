//! Faults that never answer: a dropped connection, seen at the socket and by
//! an HTTP client, and the keep-alive handling that makes a drop visible.

use std::time::Duration;

use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::common::*;

/// Sends a raw request and returns every byte the server sent back.
async fn raw_exchange(addr: std::net::SocketAddr, request: &str) -> Vec<u8> {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut received = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut received))
        .await
        .expect("the server closes the connection");
    // A reset instead of a clean close is fine too: either way nothing arrived.
    if let Err(err) = read {
        assert_eq!(err.kind(), std::io::ErrorKind::ConnectionReset, "{err}");
    }
    received
}

#[tokio::test]
async fn drop_fault_closes_the_connection_without_any_response() {
    let sb = sandbox().await;
    let request =
        format!("GET /v1/partner/config HTTP/1.1\r\nHost: {}\r\nX-Partner-Key: {}\r\n\r\n", sb.api_addr, acme_key());
    // Control: without a fault the same raw request gets a real answer.
    let control = format!(
        "GET /v1/partner/config HTTP/1.1\r\nHost: {}\r\nX-Partner-Key: {}\r\nConnection: close\r\n\r\n",
        sb.api_addr,
        acme_key()
    );
    let answer = raw_exchange(sb.api_addr, &control).await;
    assert!(answer.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&answer));

    add_fault(&sb, json!({"endpoint": "config", "kind": "drop"})).await;
    let received = raw_exchange(sb.api_addr, &request).await;
    assert!(received.is_empty(), "got {:?}", String::from_utf8_lossy(&received));

    // The dropped request was still recorded.
    let log = request_log(&sb).await;
    assert_eq!(log.len(), 2);
    assert_eq!(log[1]["path"], "/v1/partner/config");
}

#[tokio::test]
async fn drop_fault_with_times_shows_as_network_errors_to_a_client() {
    let sb = sandbox().await;
    add_fault(&sb, json!({"endpoint": "status", "kind": "drop", "times": 2})).await;
    for _ in 0..2 {
        let result = client()
            .get(format!("{}/v1/partner/donations/status/pdn_1", sb.api_url()))
            .header(KEY_HEADER, acme_key())
            .send()
            .await;
        assert!(result.is_err(), "expected a network error, got {result:?}");
    }
    let res = get(&sb, "/v1/partner/donations/status/pdn_1", Some(&acme_key())).await;
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn connections_are_not_kept_alive_while_a_drop_is_queued() {
    // Browsers resend a request whose reused connection closes unanswered; a
    // fresh connection per request keeps a drop visible to the client.
    let sb = sandbox().await;
    let keep_alive = |res: &reqwest::Response| res.headers().get("connection").map(|v| v.to_str().unwrap().to_owned());
    let before = get(&sb, "/v1/partner/config", Some(&acme_key())).await;
    assert_eq!(keep_alive(&before), None);
    add_fault(&sb, json!({"endpoint": "create-link", "kind": "drop"})).await;
    let during = get(&sb, "/v1/partner/config", Some(&acme_key())).await;
    assert_eq!(keep_alive(&during).as_deref(), Some("close"));
    let dropped = client()
        .post(format!("{}/v1/partner/donations/create-link", sb.api_url()))
        .header(KEY_HEADER, acme_key())
        .body("{}")
        .send()
        .await;
    assert!(dropped.is_err());
    let after = get(&sb, "/v1/partner/config", Some(&acme_key())).await;
    assert_eq!(keep_alive(&after), None, "back to keep-alive once the drop is used up");
}

#[tokio::test]
async fn queuing_a_drop_closes_idle_keep_alive_connections() {
    let sb = sandbox().await;
    let mut idle = TcpStream::connect(sb.api_addr).await.unwrap();
    let request =
        format!("GET /v1/partner/config HTTP/1.1\r\nHost: {}\r\nX-Partner-Key: {}\r\n\r\n", sb.api_addr, acme_key());
    idle.write_all(request.as_bytes()).await.unwrap();
    let mut buf = vec![0u8; 64 * 1024];
    let n = idle.read(&mut buf).await.unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"), "a kept-alive answer first");
    // Control: without a drop fault the idle connection stays open.
    add_fault(&sb, json!({"endpoint": "config", "kind": "status", "status": 500})).await;
    let still_open = tokio::time::timeout(Duration::from_millis(200), idle.read(&mut buf)).await;
    assert!(still_open.is_err(), "no close without a drop fault");
    add_fault(&sb, json!({"endpoint": "create-link", "kind": "drop"})).await;
    let closed = tokio::time::timeout(Duration::from_secs(5), idle.read(&mut buf)).await.expect("closed promptly");
    assert_eq!(closed.unwrap_or(0), 0, "EOF: the idle connection was closed");
}

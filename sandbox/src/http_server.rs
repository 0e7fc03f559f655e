//! Our own accept loop around hyper, instead of `axum::serve`, for two things
//! the sandbox needs: closing a connection without any response (the `drop`
//! fault), and knowing each request's peer address (the control API's
//! loopback check). It also writes the one-line-per-request access log.

use std::error::Error;
use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;
use tower::ServiceExt;

use crate::api::KEY_HEADER;
use crate::faults::DropConnection;
use crate::keys::mask;

/// Whether to log each request to stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccessLog {
    On,
    Off,
}

/// Returned by the service for a dropped request: hyper then closes the
/// connection without writing a response.
#[derive(Debug)]
struct ConnectionDropped;

impl fmt::Display for ConnectionDropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection dropped by a sandbox fault")
    }
}

impl Error for ConnectionDropped {}

/// Serves `router` on `listener` until `shutdown` fires (or its sender is
/// dropped); open connections then finish their current request and close.
pub fn spawn(
    listener: TcpListener,
    router: Router,
    shutdown: watch::Receiver<()>,
    access_log: AccessLog,
    close_idle: Option<Arc<Notify>>,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut stop = shutdown.clone();
        loop {
            let (stream, peer) = tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok(pair) => pair,
                    Err(err) => {
                        // Usually running out of file descriptors: back off, keep serving.
                        eprintln!("sir-sandbox: accept failed: {err}");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                },
                _ = stop.changed() => break,
            };
            let router = router.clone();
            let mut stop_conn = shutdown.clone();
            let close_idle = close_idle.clone();
            tokio::spawn(async move {
                let service = service_fn(move |req: Request<Incoming>| handle(router.clone(), peer, req, access_log));
                let conn = http1::Builder::new().serve_connection(TokioIo::new(stream), service);
                tokio::pin!(conn);
                tokio::select! {
                    // A dropped connection or a client hanging up ends here with
                    // an error; neither is worth reporting.
                    _ = conn.as_mut() => {}
                    _ = stop_conn.changed() => {
                        conn.as_mut().graceful_shutdown();
                        let _ = conn.await;
                    }
                    // A `drop` fault was queued: close idle keep-alive connections now,
                    // because browsers transparently resend a request whose *reused*
                    // connection closes unanswered. The dropped request then arrives on a
                    // fresh connection and the client sees the network error.
                    _ = async {
                        match &close_idle {
                            Some(notify) => notify.notified().await,
                            None => std::future::pending().await,
                        }
                    } => {
                        conn.as_mut().graceful_shutdown();
                        let _ = conn.await;
                    }
                }
            });
        }
    })
}

async fn handle(
    router: Router,
    peer: SocketAddr,
    req: Request<Incoming>,
    access_log: AccessLog,
) -> Result<axum::response::Response, ConnectionDropped> {
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let key = mask(req.headers().get(KEY_HEADER).map(|v| v.to_str().unwrap_or("?")));
    let mut req = req.map(Body::new);
    req.extensions_mut().insert(ConnectInfo(peer));
    let response = match router.oneshot(req).await {
        Ok(response) => response,
        Err(never) => match never {},
    };
    let dropped = response.extensions().get::<DropConnection>().is_some();
    if access_log == AccessLog::On {
        let outcome = if dropped { "dropped".to_owned() } else { response.status().as_u16().to_string() };
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        eprintln!("{method} {path} {outcome} {ms:.1}ms key={key}");
    }
    if dropped { Err(ConnectionDropped) } else { Ok(response) }
}

//! The client against a small hostile server over real loopback TCP: every kind of bad answer
//! gives an error that names what was wrong, never a panic.

use std::time::Duration;
use synkvakt_api::model::StepState;
use synkvakt_app::tenant_client::{TenantClient, MAX_RESPONSE_BYTES};
use synkvakt_core::Error;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

mod fault_table;
use fault_table::{outcome_of, seen};

const ANSWERS: &str = "The tenant's answers (hostile server)";

/// Serves one canned answer per connection: `reply` gets the socket after the request was read.
async fn hostile<F, Fut>(reply: F) -> String
where
    F: Fn(tokio::net::TcpStream) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut request = Vec::new();
            let mut buffer = [0u8; 1024];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match socket.read(&mut buffer).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buffer[..n]),
                }
            }
            reply(socket).await;
        }
    });
    format!("http://{addr}")
}

fn response(status: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

async fn answering(status: &'static str, body: String) -> TenantClient {
    let url = hostile(move |mut socket| {
        let text = response(status, &body);
        async move {
            let _ = socket.write_all(text.as_bytes()).await;
        }
    })
    .await;
    TenantClient::new(&url, "key").unwrap()
}

#[tokio::test]
async fn an_error_status_carries_the_services_code_and_message() {
    let client = answering(
        "503 Service Unavailable",
        r#"{"code":"maintenance","message":"Back at 07:00"}"#.into(),
    )
    .await;
    let result = client.current_cycle().await;
    match &result {
        Err(Error::Status {
            endpoint,
            status,
            code,
            message,
        }) => {
            assert_eq!(
                (endpoint.as_str(), *status, code.as_str()),
                ("/api/v1/cycles/current", 503, "maintenance")
            );
            assert_eq!(message, "Back at 07:00");
        }
        other => panic!("{other:?}"),
    }
    seen(
        ANSWERS,
        "HTTP 503 with the contract's error body",
        format!(
            "{}, with the service's code and message",
            outcome_of(&result)
        ),
    );
}

#[tokio::test]
async fn an_error_status_without_a_json_body_is_still_clear() {
    let client = answering("502 Bad Gateway", "<html>proxy error</html>".into()).await;
    let result = client.tenant_info().await;
    match &result {
        Err(Error::Status {
            status: 502,
            code,
            message,
            ..
        }) => {
            assert_eq!(code, "no-error-body");
            assert!(message.contains("proxy error"));
        }
        other => panic!("{other:?}"),
    }
    seen(
        ANSWERS,
        "HTTP 502 with an HTML body",
        format!(
            "{}, code `no-error-body` and the body's first words",
            outcome_of(&result)
        ),
    );
}

#[tokio::test]
async fn a_refused_key_is_unauthorized() {
    let client = answering(
        "401 Unauthorized",
        r#"{"code":"unauthorized","message":"no"}"#.into(),
    )
    .await;
    let result = client.tenant_info().await;
    assert!(matches!(result, Err(Error::Unauthorized { status: 401 })));
    seen(ANSWERS, "HTTP 401 (the key refused)", outcome_of(&result));
}

#[tokio::test]
async fn malformed_json_names_the_endpoint() {
    let client = answering("200 OK", r#"{"id": "c1", "steps": [ {"#.into()).await;
    let result = client.current_cycle().await;
    match &result {
        Err(err @ Error::Malformed { .. }) => {
            assert!(err.to_string().contains("/api/v1/cycles/current"), "{err}")
        }
        other => panic!("{other:?}"),
    }
    seen(
        ANSWERS,
        "JSON cut off in the middle",
        format!("{}, naming the endpoint", outcome_of(&result)),
    );
}

#[tokio::test]
async fn a_wrong_shape_names_what_is_missing_or_extra() {
    let missing = answering(
        "200 OK",
        r#"{"name":"X","product":"eAdm","apiVersion":"1"}"#.into(),
    )
    .await;
    match missing.tenant_info().await {
        Err(Error::Malformed { detail, .. }) => {
            assert!(detail.contains("canStartCycle"), "{detail}")
        }
        other => panic!("{other:?}"),
    }
    let wrong_type = answering("200 OK", r#"{"cycles": {"id": 1}}"#.into()).await;
    assert!(matches!(
        wrong_type.cycle_history(5).await,
        Err(Error::Malformed { .. })
    ));
    let unknown_product = answering(
        "200 OK",
        r#"{"name":"X","product":"eSkole","canStartCycle":false,"apiVersion":"1"}"#.into(),
    )
    .await;
    let result = unknown_product.tenant_info().await;
    match &result {
        Err(Error::Malformed { detail, .. }) => assert!(detail.contains("eSkole"), "{detail}"),
        other => panic!("{other:?}"),
    }
    seen(
        ANSWERS,
        "a field missing, of the wrong type, or an unknown product",
        format!("{}, naming the field or value", outcome_of(&result)),
    );
}

#[tokio::test]
async fn unknown_steps_and_states_are_kept_not_rejected() {
    let body = r#"{"id":"c9","kind":"full","state":"paused","startedAt":"2026-11-22T06:00:00Z","finishedAt":null,
        "importFilter":null,"steps":[{"key":"import-payroll","displayName":"Import Payroll","state":"frozen",
        "startedAt":null,"finishedAt":null,"message":null,"errorCode":null}]}"#;
    let client = answering("200 OK", body.into()).await;
    let cycle = client.current_cycle().await.unwrap();
    assert_eq!(cycle.state.as_wire(), "paused");
    assert_eq!(cycle.steps[0].state, StepState::Unknown("frozen".into()));
    seen(
        ANSWERS,
        "a cycle or step state this version does not know",
        format!("kept as state `{}`", cycle.state.as_wire()),
    );
}

#[tokio::test]
async fn an_announced_huge_body_is_refused_before_reading() {
    let url = hostile(|mut socket| async move {
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n",
            MAX_RESPONSE_BYTES * 10
        );
        let _ = socket.write_all(head.as_bytes()).await;
    })
    .await;
    let client = TenantClient::new(&url, "key").unwrap();
    let result = client.current_cycle().await;
    assert!(matches!(result, Err(Error::TooLarge { .. })));
    seen(
        ANSWERS,
        "a Content-Length ten times the limit",
        format!("{} before reading the body", outcome_of(&result)),
    );
}

#[tokio::test]
async fn an_endless_chunked_body_is_cut_off_at_the_limit() {
    let url = hostile(|mut socket| async move {
        let _ = socket
            .write_all(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
            .await;
        let chunk = format!("{:x}\r\n{}\r\n", 65536, "x".repeat(65536));
        for _ in 0..(MAX_RESPONSE_BYTES / 65536 + 10) {
            if socket.write_all(chunk.as_bytes()).await.is_err() {
                return;
            }
        }
    })
    .await;
    let client = TenantClient::new(&url, "key").unwrap();
    let result = client.current_cycle().await;
    assert!(matches!(result, Err(Error::TooLarge { .. })));
    seen(
        ANSWERS,
        "an endless chunked body",
        format!("{} at {} bytes", outcome_of(&result), MAX_RESPONSE_BYTES),
    );
}

#[tokio::test]
async fn a_connection_dropped_mid_body_is_disconnected() {
    let url = hostile(|mut socket| async move {
        let _ = socket
            .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{\"id\":")
            .await;
        let _ = socket.shutdown().await;
    })
    .await;
    let client = TenantClient::new(&url, "key").unwrap();
    let result = client.current_cycle().await;
    match &result {
        Err(Error::Disconnected { endpoint, .. }) => assert_eq!(endpoint, "/api/v1/cycles/current"),
        other => panic!("{other:?}"),
    }
    seen(
        ANSWERS,
        "the connection dropped in the middle of the body",
        outcome_of(&result),
    );
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    let url = hostile(|socket| async move {
        tokio::time::sleep(Duration::from_secs(30)).await;
        drop(socket);
    })
    .await;
    let client = TenantClient::with_timeout(&url, "key", Duration::from_millis(500)).unwrap();
    let result = client.tenant_info().await;
    assert!(matches!(result, Err(Error::Timeout { .. })));
    seen(
        ANSWERS,
        "a server that accepts and never answers",
        format!("{} after the request timeout", outcome_of(&result)),
    );
}

#[tokio::test]
async fn a_closed_port_is_unreachable() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let client = TenantClient::new(&url, "key").unwrap();
    let result = client.tenant_info().await;
    assert!(matches!(result, Err(Error::Unreachable { .. })));
    seen(ANSWERS, "a closed port", outcome_of(&result));
}

#[tokio::test]
async fn a_redirect_is_reported_as_the_address_and_never_followed() {
    let elsewhere = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let elsewhere_url = format!(
        "http://{}/api/v1/cycles/current",
        elsewhere.local_addr().unwrap()
    );
    let reached = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    {
        let reached = reached.clone();
        tokio::spawn(async move {
            while elsewhere.accept().await.is_ok() {
                reached.store(true, std::sync::atomic::Ordering::SeqCst);
            }
        });
    }
    let location = elsewhere_url.clone();
    let url = hostile(move |mut socket| {
        let text = format!(
            "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        async move {
            let _ = socket.write_all(text.as_bytes()).await;
        }
    })
    .await;
    let client = TenantClient::new(&url, "key").unwrap();
    let result = client.current_cycle().await;
    match &result {
        Err(Error::Redirected { to, .. }) => assert_eq!(*to, elsewhere_url),
        other => panic!("expected Redirected, got {other:?}"),
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let followed = reached.load(std::sync::atomic::Ordering::SeqCst);
    assert!(!followed, "the redirect was followed, with the API key");
    seen(
        ANSWERS,
        "a redirect to another origin",
        format!(
            "{}; requests that reached the other origin: {}",
            outcome_of(&result),
            u8::from(followed)
        ),
    );
}

//! A loopback proxy in front of a tenant that loses answers and makes them late, one request
//! per connection, for the tests of what the client does when an answer does not come.

// Each test file uses the part of it that it needs.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the proxy does to the next request whose path contains its text.
#[derive(Clone, Copy)]
pub enum Fault {
    /// The tenant does the work; its answer never reaches the client.
    DropAnswer,
    /// The answer comes after this long.
    Delay(Duration),
    /// The request never reaches the tenant: it is held until the client gives up on it.
    HoldUntilClosed,
}

pub type Faults = Arc<Mutex<VecDeque<(&'static str, Fault)>>>;

/// How many requests whose first line contained a text reached the proxy.
pub type Seen = Arc<Mutex<Vec<String>>>;

/// Reads one HTTP request: its head and its body.
async fn read_request(socket: &mut TcpStream) -> Option<Vec<u8>> {
    let mut request = Vec::new();
    let mut buffer = [0u8; 8192];
    let head_end = loop {
        if let Some(at) = request.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        match socket.read(&mut buffer).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => request.extend_from_slice(&buffer[..n]),
        }
    };
    let head = String::from_utf8_lossy(&request[..head_end]).to_lowercase();
    let length: usize = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(0);
    while request.len() < head_end + length {
        match socket.read(&mut buffer).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => request.extend_from_slice(&buffer[..n]),
        }
    }
    Some(request)
}

/// A proxy to `upstream` that passes one request per connection and applies the faults queued.
pub async fn faulty_proxy(upstream: String, faults: Faults) -> String {
    watching_proxy(upstream, faults, Seen::default()).await
}

/// The same proxy, noting the first line of every request in `seen`.
pub async fn watching_proxy(upstream: String, faults: Faults, seen: Seen) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut client, _)) = listener.accept().await {
            let upstream = upstream.clone();
            let faults = faults.clone();
            let seen = seen.clone();
            tokio::spawn(async move {
                let Some(request) = read_request(&mut client).await else {
                    return;
                };
                let first_line = String::from_utf8_lossy(&request)
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_string();
                seen.lock().unwrap().push(first_line.clone());
                let held = {
                    let mut queued = faults.lock().unwrap();
                    let hit = queued.iter().position(|(path, fault)| {
                        matches!(fault, Fault::HoldUntilClosed) && first_line.contains(path)
                    });
                    hit.and_then(|index| queued.remove(index)).is_some()
                };
                if held {
                    let mut rest = [0u8; 1024];
                    while client.read(&mut rest).await.is_ok_and(|read| read > 0) {}
                    return;
                }
                // One request per connection: the tenant closes it after answering.
                let line_end = request.windows(2).position(|w| w == b"\r\n").unwrap() + 2;
                let mut forwarded = request[..line_end].to_vec();
                forwarded.extend_from_slice(b"Connection: close\r\n");
                forwarded.extend_from_slice(&request[line_end..]);
                let mut tenant = TcpStream::connect(&upstream).await.unwrap();
                tenant.write_all(&forwarded).await.unwrap();
                let mut answer = Vec::new();
                tenant.read_to_end(&mut answer).await.unwrap();
                let fault = {
                    let mut queued = faults.lock().unwrap();
                    let hit = queued
                        .iter()
                        .position(|(path, _)| first_line.contains(path));
                    hit.and_then(|index| queued.remove(index))
                        .map(|(_, fault)| fault)
                };
                match fault {
                    Some(Fault::DropAnswer) => return,
                    Some(Fault::Delay(late)) => tokio::time::sleep(late).await,
                    Some(Fault::HoldUntilClosed) | None => {}
                }
                let _ = client.write_all(&answer).await;
                let _ = client.shutdown().await;
            });
        }
    });
    format!("http://{address}")
}

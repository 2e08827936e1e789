//! A stand-in for the desktop's notification server, for the end-to-end tests: it owns
//! `org.freedesktop.Notifications` on the session bus, writes each `Notify` call as a JSON line,
//! and "clicks" a notification (the `ActionInvoked` signal) for each id a test writes into the
//! clicks file. It runs the command after `--` once it owns the name, and ends with it.
//!
//!     fake-notifications RECORD CLICKS -- COMMAND [ARG...]

use serde_json::json;
use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;
use zbus::object_server::SignalEmitter;
use zbus::zvariant::OwnedValue;

const PATH: &str = "/org/freedesktop/Notifications";

struct Server {
    record: PathBuf,
    next_id: AtomicU32,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Server {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        app_name: String,
        replaces_id: u32,
        app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        hints: HashMap<String, OwnedValue>,
        expire_timeout: i32,
    ) -> u32 {
        let id = self.next_id.fetch_add(1, Ordering::SeqCst) + 1;
        let line = json!({
            "id": id,
            "appName": app_name,
            "replacesId": replaces_id,
            "appIcon": app_icon,
            "summary": summary,
            "body": body,
            "actions": actions,
            "hints": hints.keys().collect::<Vec<_>>(),
            "expireTimeout": expire_timeout,
        });
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.record)
            .and_then(|mut file| writeln!(file, "{line}"));
        if let Err(err) = written {
            eprintln!("fake-notifications: cannot record: {err}");
        }
        id
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["actions".into(), "body".into()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "fake-notifications".into(),
            "synkvakt-tests".into(),
            "1".into(),
            "1.2".into(),
        )
    }

    fn close_notification(&self, _id: u32) {}

    #[zbus(signal)]
    async fn action_invoked(
        emitter: &SignalEmitter<'_>,
        id: u32,
        action_key: &str,
    ) -> zbus::Result<()>;
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (files, command) = match args.iter().position(|arg| arg == "--") {
        Some(split) => (&args[..split], &args[split + 1..]),
        None => (&args[..], &[][..]),
    };
    let [record, clicks] = files else {
        return Err("usage: fake-notifications RECORD CLICKS -- COMMAND [ARG...]".into());
    };
    let (record, clicks) = (PathBuf::from(record), PathBuf::from(clicks));
    let connection = zbus::connection::Builder::session()?
        .name("org.freedesktop.Notifications")?
        .serve_at(
            PATH,
            Server {
                record,
                next_id: AtomicU32::new(0),
            },
        )?
        .build()
        .await?;
    let mut child = match command.split_first() {
        Some((program, rest)) => Some(tokio::process::Command::new(program).args(rest).spawn()?),
        None => None,
    };
    let mut clicked = BTreeSet::new();
    loop {
        if let Some(child) = child.as_mut() {
            if let Some(status) = child.try_wait()? {
                eprintln!("fake-notifications: the command ended: {status}");
                return Ok(());
            }
        }
        let wanted: Vec<u32> = std::fs::read_to_string(&clicks)
            .unwrap_or_default()
            .lines()
            .filter_map(|line| line.trim().parse().ok())
            .collect();
        for id in wanted {
            if clicked.insert(id) {
                let server = connection
                    .object_server()
                    .interface::<_, Server>(PATH)
                    .await?;
                Server::action_invoked(server.signal_emitter(), id, "default").await?;
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

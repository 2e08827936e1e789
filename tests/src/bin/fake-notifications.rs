//! A stand-in for the desktop's notification server and tray host, for the end-to-end tests, in
//! the folder it is given:
//! - it owns `org.freedesktop.Notifications` on the session bus, writes each `Notify` call as a
//!   JSON line to `notifications.jsonl`, and "clicks" a notification (the `ActionInvoked`
//!   signal) for each id a test writes into `clicks.txt`;
//! - it owns `org.kde.StatusNotifierWatcher`, the tray host's registry, and writes the bus name
//!   of each tray icon that registers to `tray-items.txt`;
//! - it writes the session bus's address to `bus-address`, for a test to call the tray icon.
//!
//! It runs the command after `--` once it owns both names, and ends with it.
//!
//!     fake-notifications DIR -- COMMAND [ARG...]

use serde_json::json;
use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;
use zbus::object_server::SignalEmitter;
use zbus::zvariant::OwnedValue;

const PATH: &str = "/org/freedesktop/Notifications";

/// Records one line for the test to read.
fn append_line(record: &std::path::Path, line: &str) {
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(record)
        .and_then(|mut file| writeln!(file, "{line}"));
    if let Err(err) = written {
        eprintln!(
            "fake-notifications: cannot record in {}: {err}",
            record.display()
        );
    }
}

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
        append_line(&self.record, &line.to_string());
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

/// The tray host's registry: tray icons register with it; it says a host shows them.
struct TrayHost {
    record: PathBuf,
    items: std::sync::Mutex<Vec<String>>,
}

#[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
impl TrayHost {
    fn register_status_notifier_item(
        &self,
        service: String,
        #[zbus(header)] header: zbus::message::Header<'_>,
    ) {
        // An item gives its bus name, or only its object path (then it is the caller's name).
        let name = match (service.starts_with('/'), header.sender()) {
            (true, Some(sender)) => sender.to_string(),
            _ => service,
        };
        append_line(&self.record, &name);
        self.items
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(name);
    }

    fn register_status_notifier_host(&self, _service: String) {}

    #[zbus(property)]
    fn registered_status_notifier_items(&self) -> Vec<String> {
        self.items.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    #[zbus(property)]
    fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    fn protocol_version(&self) -> i32 {
        0
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, command) = match args.split_first() {
        Some((dir, rest)) if rest.first().map(String::as_str) == Some("--") => {
            (PathBuf::from(dir), &rest[1..])
        }
        Some((dir, [])) => (PathBuf::from(dir), &[][..]),
        _ => return Err("usage: fake-notifications DIR -- COMMAND [ARG...]".into()),
    };
    let clicks = dir.join("clicks.txt");
    let connection = zbus::connection::Builder::session()?
        .name("org.freedesktop.Notifications")?
        .name("org.kde.StatusNotifierWatcher")?
        .serve_at(
            PATH,
            Server {
                record: dir.join("notifications.jsonl"),
                next_id: AtomicU32::new(0),
            },
        )?
        .serve_at(
            "/StatusNotifierWatcher",
            TrayHost {
                record: dir.join("tray-items.txt"),
                items: std::sync::Mutex::new(Vec::new()),
            },
        )?
        .build()
        .await?;
    let address = std::env::var("DBUS_SESSION_BUS_ADDRESS")?;
    std::fs::write(dir.join("bus-address"), address)?;
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

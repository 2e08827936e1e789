//! The API key lives only in the OS keyring. With a real Secret Service (gnome-keyring on a
//! private D-Bus session of this test's own), a session that adds a profile, tests it, switches
//! to it and reads its status, overview and settings never writes the key to the settings file,
//! the log, the audit trail or any answer the page receives, and the watcher follows it;
//! without a keyring, nothing is saved.

use std::io::{BufRead, Write};
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use synkvakt_api::demo_protocol::Scenario;
use synkvakt_api::model::Product;
use synkvakt_app::os::demo_launcher::DemoLauncher;
use synkvakt_app::os::keyring::Keyring;
use synkvakt_app::os::paths::AppPaths;
use synkvakt_app::os::settings_file::SettingsStore;
use synkvakt_app::ports::{read_secret, Secret, SecretKind, SecretStore};
use synkvakt_app::session::Session;
use synkvakt_app::watch::{TrayState, Watcher};
use synkvakt_core::machines::ScheduledTask;
use synkvakt_core::profiles::{ProfileInput, SecretChange, TenantRef};
use synkvakt_demo_tenant::{start, DemoConfig};

/// A D-Bus session bus and gnome-keyring's Secret Service on it, with an unlocked login keyring
/// in a home of its own; both end with it.
struct PrivateSecretService {
    bus: Child,
    keyring: Child,
    _home: tempfile::TempDir,
}

impl PrivateSecretService {
    async fn start() -> PrivateSecretService {
        let home = tempfile::tempdir().unwrap();
        let mut bus = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon runs (Debian's dbus)");
        let mut address = String::new();
        std::io::BufReader::new(bus.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        // This test binary holds one test: nothing else reads the environment meanwhile.
        std::env::set_var("DBUS_SESSION_BUS_ADDRESS", address.trim());
        let mut keyring = Command::new("gnome-keyring-daemon")
            .args(["--foreground", "--unlock", "--components=secrets"])
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_RUNTIME_DIR", home.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("gnome-keyring-daemon runs (Debian's gnome-keyring)");
        // The login keyring's password, on its input; closing it lets the daemon go on.
        keyring
            .stdin
            .take()
            .unwrap()
            .write_all(b"test-login-password")
            .unwrap();
        let service = PrivateSecretService {
            bus,
            keyring,
            _home: home,
        };
        let deadline = std::time::Instant::now() + Duration::from_secs(15);
        while read(Keyring, "probe", SecretKind::ApiKey).await.is_err() {
            assert!(
                std::time::Instant::now() < deadline,
                "the Secret Service did not come up"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        service
    }
}

impl Drop for PrivateSecretService {
    fn drop(&mut self) {
        let _ = self.keyring.kill();
        let _ = self.keyring.wait();
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
}

/// The keyring's client blocks on its bus: off the runtime's threads, as the app does it.
async fn read(
    keyring: Keyring,
    id: &str,
    kind: SecretKind,
) -> synkvakt_core::Result<Option<Secret>> {
    let keyring: std::sync::Arc<dyn SecretStore> = std::sync::Arc::new(keyring);
    read_secret(&keyring, id, kind).await
}

fn profile(url: String, key: &str) -> ProfileInput {
    ProfileInput {
        id: None,
        name: "Eksempel kommune".into(),
        product: Product::EAdm,
        service_url: url,
        tasks: vec![ScheduledTask {
            name: "eAdm synkronisering".into(),
            server: None,
            role: synkvakt_core::machines::Machine::ClientServer,
        }],
        client_server: None,
        domain_controllers: Vec::new(),
        allow_domain_controller_tasks: false,
        log_folder: r"C:\eadm\loggfiler".into(),
        server_account: Some(r"KOMMUNE\svc-eadm".into()),
        interval_seconds: 45,
        new_cycle_hours: 26,
        new_cycle_wait_minutes: 10,
        watched: true,
        api_key: SecretChange::Replace { value: key.into() },
        server_password: SecretChange::Replace {
            value: "server-password-7f3a".into(),
        },
    }
}

/// Every file under `dir`, read as text where it is text.
fn every_file(dir: &std::path::Path) -> Vec<(std::path::PathBuf, String)> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(every_file(&path));
        } else if let Ok(bytes) = std::fs::read(&path) {
            found.push((path, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    found
}

#[tokio::test]
async fn the_key_lives_only_in_the_keyring() {
    let demo = start(DemoConfig::new(Product::EAdm, Scenario::Healthy))
        .await
        .unwrap();
    // The demo's key is a real tenant's here: the profile reaches it over loopback.
    let key = demo.api_key.clone();
    let home = tempfile::tempdir().unwrap();
    let paths = AppPaths::under(home.path().to_path_buf());
    let _log = synkvakt_app::os::logging::init(&paths.log_dir, "synkvakt");

    // No keyring at all: said, and nothing is saved anywhere else.
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    let session = Session::open(&paths, home.path().join("no-demo"));
    let err = session
        .save_profile(profile(demo.base_url(), &key))
        .await
        .unwrap_err();
    assert_eq!(session.user_error(&err).kind, "keyring");
    assert!(
        !paths.settings_file().exists(),
        "no settings file written without the keyring"
    );

    let _service = PrivateSecretService::start().await;
    let session = Session::open(&paths, home.path().join("no-demo"));
    let mut answers = Vec::new();
    let saved = session
        .save_profile(profile(demo.base_url(), &key))
        .await
        .unwrap();
    let view = &saved.profiles[0];
    assert!(view.api_key_stored && view.server_password_stored);
    let id = view.profile.id.clone();
    assert_eq!(
        read(Keyring, &id, SecretKind::ApiKey).await.unwrap(),
        Some(Secret::new(key.clone()))
    );
    assert_eq!(saved.active, Some(TenantRef::Profile { id: id.clone() }));
    answers.push(serde_json::to_string(&saved).unwrap());

    let mut again = profile(demo.base_url(), "");
    again.id = Some(id.clone());
    again.api_key = SecretChange::Keep;
    again.server_password = SecretChange::Keep;
    let tested = session.test_connection(again.clone()).await.unwrap();
    assert!(
        tested.checks[..4]
            .iter()
            .all(|check| check.outcome == synkvakt_app::session::CheckOutcome::Passed),
        "the stored key is used: {tested:#?}"
    );
    answers.push(serde_json::to_string(&tested).unwrap());
    let status = session.status().await.unwrap();
    assert_eq!(
        status.tenant.reference,
        TenantRef::Profile { id: id.clone() }
    );
    answers.push(serde_json::to_string(&status).unwrap());
    answers.push(serde_json::to_string(&session.history().await.unwrap()).unwrap());
    answers.push(serde_json::to_string(&session.overview().await.unwrap()).unwrap());
    answers.push(serde_json::to_string(&session.tenants().await.unwrap()).unwrap());
    answers.push(serde_json::to_string(&session.app_info()).unwrap());

    // The watcher follows the watched profile on its own interval, its key from the keyring.
    let settings = SettingsStore::for_app(&paths).load().unwrap();
    let launcher = DemoLauncher::new(
        home.path().join("no-demo"),
        paths.runtime_dir.clone(),
        paths.log_dir.clone(),
    );
    let mut watcher = Watcher::new(launcher.into(), paths.data_dir.join("watch.json"));
    let poll = watcher.poll(&settings).await;
    assert_eq!(poll.glance.state, TrayState::Ok, "{poll:?}");
    assert!(poll.glance.tooltip.contains("Demo kommune"), "{poll:?}");
    assert_eq!(
        poll.next_in,
        Duration::from_secs(45),
        "the profile's interval"
    );
    let audit = session
        .audit_log(synkvakt_core::audit_view::AuditQuery {
            search: String::new(),
            outcome: None,
            offset: 0,
            limit: 100,
        })
        .unwrap();
    answers.push(serde_json::to_string(&audit).unwrap());
    // A key that the tenant refuses: the error the page gets does not hold it either.
    let mut wrong = again.clone();
    wrong.api_key = SecretChange::Replace {
        value: "wrong-key-c9d1".into(),
    };
    let refused = session.test_connection(wrong).await.unwrap();
    answers.push(serde_json::to_string(&refused).unwrap());
    drop(_log);

    for answer in &answers {
        assert!(!answer.contains(&key), "an answer holds the key: {answer}");
        assert!(!answer.contains("server-password-7f3a"), "{answer}");
        assert!(!answer.contains("wrong-key-c9d1"), "{answer}");
    }
    let files = every_file(home.path());
    assert!(
        files.iter().any(|(path, _)| path == &paths.settings_file()),
        "the settings file is among the files searched"
    );
    assert!(
        files
            .iter()
            .any(|(path, _)| path.starts_with(&paths.log_dir)),
        "the log is among the files searched"
    );
    for (path, text) in files {
        for secret in [key.as_str(), "server-password-7f3a", "wrong-key-c9d1"] {
            assert!(!text.contains(secret), "{} holds a secret", path.display());
        }
    }

    // Removing the profile forgets its secrets.
    session.remove_profile(id.clone()).await.unwrap();
    assert_eq!(read(Keyring, &id, SecretKind::ApiKey).await.unwrap(), None);
    assert_eq!(
        read(Keyring, &id, SecretKind::ServerPassword)
            .await
            .unwrap(),
        None
    );
}

//! Starts what an end-to-end test needs: a demo tenant on the test clock, then the built app in
//! its own D-Bus session under tauri-driver, and a WebDriver client to drive it.

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use synkvakt_api::demo_protocol::RuntimeFile;
use synkvakt_app::os::audit_file::AuditFile;
use synkvakt_app::os::paths::AppPaths;
use synkvakt_core::actions::{AuditEntry, AuditSink};

pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"),
    }
}

/// The app as `cargo build` made it (with the page inside), and the demo tenant beside it:
/// the debug build, or the one `SYNKVAKT_E2E_PROFILE` names (the benchmark uses `release`).
fn built(name: &str) -> PathBuf {
    let profile = std::env::var("SYNKVAKT_E2E_PROFILE").unwrap_or_else(|_| "debug".into());
    let path = target_dir().join(profile).join(name);
    assert!(
        path.exists(),
        "{} is missing: build the app first (`.ci/dev test` does)",
        path.display()
    );
    path.canonicalize().unwrap()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Kills the process and everything it started (it leads its own process group) when the test
/// ends, passing or failing: dbus-run-session leaves tauri-driver and the app running otherwise.
struct Reaped(Child);

impl Reaped {
    fn spawn(command: &mut Command) -> std::io::Result<Reaped> {
        std::os::unix::process::CommandExt::process_group(command, 0);
        command.spawn().map(Reaped)
    }
}

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg("--")
            .arg(format!("-{}", self.0.id()))
            .status();
        let _ = self.0.wait();
    }
}

/// The `/proc` folders of the processes that carry this home in their environment.
pub fn marked_processes(home: &Path) -> Vec<PathBuf> {
    let marker = format!("SYNKVAKT_HOME={}", home.display());
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().parse::<u32>().is_ok())
        .filter(|entry| {
            std::fs::read(entry.path().join("environ")).is_ok_and(|environ| {
                environ
                    .split(|byte| *byte == 0)
                    .any(|variable| variable == marker.as_bytes())
            })
        })
        .map(|entry| entry.path())
        .collect()
}

/// Ends every process that carries this home in its environment. Services the session's D-Bus
/// started on demand (the document portal WebKit asks for) outlive its process group, and would
/// otherwise keep running and hold the test's output open.
fn end_processes_of(home: &Path) {
    for process in marked_processes(home) {
        if let Some(pid) = process.file_name() {
            let _ = Command::new("kill").arg(pid).status();
        }
    }
}

pub struct DemoTenant {
    _process: Reaped,
    pub file: RuntimeFile,
}

impl DemoTenant {
    pub fn base_url(&self) -> String {
        self.file.base_url()
    }

    /// A GET of the tenant API, as JSON.
    pub async fn get(&self, path: &str) -> Value {
        reqwest::Client::new()
            .get(format!("{}{path}", self.base_url()))
            .bearer_auth(&self.file.api_key)
            .send()
            .await
            .expect("the demo tenant answers")
            .json()
            .await
            .expect("the demo tenant answers JSON")
    }

    /// Clears `users` users' values by hand in the target system: the data has a new version.
    pub async fn clear_by_hand(&self, users: u32) {
        self.control(&format!("/_demo/directory/clear?users={users}"))
            .await;
    }

    pub async fn advance(&self, seconds: i64) {
        self.control(&format!("/_demo/clock/advance?seconds={seconds}"))
            .await;
    }

    /// A POST to one of the demo tenant's own controls, which must succeed.
    async fn control(&self, path: &str) {
        let response = reqwest::Client::new()
            .post(format!("{}{path}", self.base_url()))
            .bearer_auth(&self.file.api_key)
            .send()
            .await
            .expect("the demo tenant answers");
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
    }
}

pub struct Session {
    pub client: Client,
    pub demo: Option<DemoTenant>,
    runtime_dir: PathBuf,
    _driver: Reaped,
    home: tempfile::TempDir,
}

pub struct Launch<'a> {
    pub product: &'a str,
    pub scenario: &'a str,
    /// How many users the demo tenant holds.
    pub users: u32,
    /// How many tenants the demo server simulates.
    pub tenants: u32,
    /// Start a demo tenant on the test clock for the app to find.
    pub start_demo: bool,
    /// Let the app start a demo tenant of its own when it finds none; when false it is pointed
    /// at a program that does not exist.
    pub app_may_start_demo: bool,
    /// The app's command line, e.g. the step a clicked notification opens it at.
    pub args: &'a [&'a str],
    /// Start as on a new machine, with no tenant chosen; otherwise the demo tenant is in view.
    pub first_run: bool,
    /// Start as after a crash during Execute: the data folder keeps the key of a re-export of
    /// `mail` for users 10001–10003 that never reached the demo tenant.
    pub sent_before: bool,
}

impl Drop for Session {
    fn drop(&mut self) {
        end_processes_of(self.home.path());
    }
}

impl<'a> Launch<'a> {
    pub fn demo(product: &'a str, scenario: &'a str) -> Launch<'a> {
        Launch {
            product,
            scenario,
            users: 500,
            tenants: 1,
            start_demo: true,
            app_may_start_demo: true,
            args: &[],
            first_run: false,
            sent_before: false,
        }
    }
}

impl Session {
    pub async fn start(launch: Launch<'_>) -> Session {
        let home = tempfile::tempdir().unwrap();
        let runtime_dir = home.path().join("run");
        let demo = launch
            .start_demo
            .then(|| start_demo(&runtime_dir, &launch, 0));
        if !launch.first_run {
            let paths = AppPaths::under(home.path().to_path_buf());
            std::fs::create_dir_all(&paths.config_dir).unwrap();
            std::fs::write(
                paths.settings_file(),
                json!({ "version": 2, "active": { "kind": "demo", "number": 1 } }).to_string(),
            )
            .unwrap();
        }

        if launch.sent_before {
            let demo = demo
                .as_ref()
                .expect("a re-export sent before needs the demo tenant");
            leave_a_sent_reexport(&AppPaths::under(home.path().to_path_buf()), demo).await;
        }

        let port = free_port();
        let native_port = free_port();
        let mut driver = Command::new("dbus-run-session");
        // The app's session bus has a Secret Service of its own, its keyring in the test's home:
        // gnome-keyring, unlocked with a password of the test's.
        driver
            .arg("--")
            .arg("sh")
            .arg("-c")
            .arg(
                r#"printf 'e2e-login' | XDG_DATA_HOME="$SYNKVAKT_HOME/keyring" gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null && exec "$@""#,
            )
            .arg("with-keyring")
            .arg(tauri_driver())
            .arg("--port")
            .arg(port.to_string())
            .arg("--native-port")
            .arg(native_port.to_string())
            .env("SYNKVAKT_HOME", home.path())
            // A locale every machine has; it is not Norwegian, so the app speaks English.
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        if !launch.app_may_start_demo {
            driver.env(
                "SYNKVAKT_DEMO_TENANT_BIN",
                home.path().join("no-such-demo-tenant"),
            );
        }
        let driver = Reaped::spawn(&mut driver)
            .expect("tauri-driver starts (cargo install --locked tauri-driver)");

        let capabilities = json!({
            "browserName": "wry",
            "tauri:options": { "application": built("synkvakt"), "args": launch.args },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!("json! of an object literal is an object")
        };
        // tauri-driver listens before WebKitWebDriver does, and drops a request it cannot pass on
        // (tauri-apps/tauri#15156): wait for both.
        wait_for_port(port, "tauri-driver");
        wait_for_port(native_port, "WebKitWebDriver");
        let driver_url = format!("http://127.0.0.1:{port}");
        let mut builder = ClientBuilder::native();
        builder.capabilities(capabilities);
        let connecting = builder.connect(&driver_url);
        let client = tokio::time::timeout(Duration::from_secs(60), connecting)
            .await
            .expect("the app starts within a minute")
            .expect("tauri-driver starts the app");
        Session {
            client,
            demo,
            runtime_dir,
            _driver: driver,
            home,
        }
    }

    pub fn demo(&self) -> &DemoTenant {
        self.demo.as_ref().expect("this session has a demo tenant")
    }

    /// Kills the demo tenant, as when its machine goes away; says what it was.
    pub fn stop_demo(&mut self) -> RuntimeFile {
        let demo = self.demo.take().expect("this session has a demo tenant");
        demo.file.clone()
    }

    /// Starts the same demo tenant again on the port it had.
    pub fn restart_demo(&mut self, gone: RuntimeFile) {
        let again = Launch {
            product: gone.product.as_str(),
            scenario: gone.scenario.as_str(),
            ..Launch::demo("", "")
        };
        self.demo = Some(start_demo(&self.runtime_dir, &again, gone.port));
    }

    pub async fn click(&self, css: &str) {
        tokio::time::timeout(Duration::from_secs(10), async {
            self.client
                .find(fantoccini::Locator::Css(css))
                .await?
                .click()
                .await
        })
        .await
        .unwrap_or_else(|_| panic!("clicking {css} took over 10 s"))
        .unwrap_or_else(|err| panic!("cannot click {css}: {err}"));
    }

    /// The text of the first element matching `css`, once there is one.
    pub async fn text_of(&self, css: &str) -> String {
        let script = format!(
            "const e = document.querySelector({}); return e && e.textContent.trim() ? e.textContent.trim() : null;",
            serde_json::to_string(css).unwrap()
        );
        self.wait_for(css, &script)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Runs a script in the page until it returns something other than null.
    pub async fn wait_for(&self, what: &str, script: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let value =
                tokio::time::timeout(Duration::from_secs(10), self.client.execute(script, vec![]))
                    .await
                    .expect("the page answers a script within 10 s")
                    .unwrap_or(Value::Null);
            if !value.is_null() {
                return value;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Saves the screen under `target/e2e-screenshots/` for people to look at. It is taken from
    /// the X display: WebKitWebDriver's own screenshot command never answers under Xvfb here.
    pub async fn screenshot(&self, name: &str) {
        let dir = target_dir().join("e2e-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        let status = Command::new("import")
            .args(["-window", "root"])
            .arg(&path)
            .status()
            .expect("ImageMagick's import takes the screenshot");
        assert!(status.success(), "import could not save {}", path.display());
    }

    /// The folder the app keeps its files in (`SYNKVAKT_HOME`).
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// What the app wrote to its audit log, oldest first: (action kind, purpose, outcome).
    pub fn audit(&self) -> Vec<AuditEntry> {
        let paths = AppPaths::under(self.home.path().to_path_buf());
        AuditFile::new(paths.audit_file())
            .recent(1000)
            .expect("the audit log reads")
    }

    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

/// A WebDriver request sent before its server listens is lost.
fn wait_for_port(port: u16, server: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "{server} did not listen on port {port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .map(|home| home.join("bin").join("tauri-driver"));
    cargo_bin
        .filter(|path| path.exists())
        .unwrap_or_else(|| PathBuf::from("tauri-driver"))
}

/// The processes that carry this home in their environment, each as its command line.
pub fn processes_of(home: &Path) -> Vec<Vec<String>> {
    marked_processes(home)
        .into_iter()
        .filter_map(|process| std::fs::read(process.join("cmdline")).ok())
        .map(|cmdline| {
            cmdline
                .split(|byte| *byte == 0)
                .filter(|arg| !arg.is_empty())
                .map(|arg| String::from_utf8_lossy(arg).into_owned())
                .collect::<Vec<String>>()
        })
        .filter(|args| !args.is_empty())
        .collect()
}

/// The watcher alone, with no window: in its own D-Bus session whose notification server is
/// the tests' fake one, which records each notification and clicks the ones a test names.
pub struct Watching {
    pub demo: Option<DemoTenant>,
    runtime_dir: PathBuf,
    /// What the fake desktop records, and where a test tells it what to click.
    desktop: PathBuf,
    _bus: Reaped,
    home: tempfile::TempDir,
}

impl Drop for Watching {
    fn drop(&mut self) {
        end_processes_of(self.home.path());
    }
}

impl Watching {
    /// The watcher on a demo tenant of `product` in `scenario`, looking every two seconds.
    pub fn start(product: &str, scenario: &str) -> Watching {
        Watching::start_with(product, scenario, 1)
    }

    /// The watcher following `tenants` demo tenants of one demo server.
    pub fn start_with(product: &str, scenario: &str, tenants: u32) -> Watching {
        let home = tempfile::tempdir().unwrap();
        let runtime_dir = home.path().join("run");
        let paths = AppPaths::under(home.path().to_path_buf());
        let settings: synkvakt_core::settings::Settings = serde_json::from_value(json!({
            "version": 2,
            "language": "en",
            "active": { "kind": "demo", "number": 1 },
            "demo": { "product": product, "scenario": scenario, "tenants": tenants },
            "watch": { "intervalSeconds": 2 },
        }))
        .expect("settings of the current shape");
        synkvakt_app::os::settings_file::SettingsStore::new(paths.settings_file())
            .save(&settings)
            .expect("the settings are written");
        let launch = Launch {
            tenants,
            ..Launch::demo(product, scenario)
        };
        let demo = start_demo(&runtime_dir, &launch, 0);
        let desktop = home.path().join("desktop");
        std::fs::create_dir_all(&desktop).unwrap();
        let bus = Reaped::spawn(
            Command::new("dbus-run-session")
                .arg("--")
                .arg(built("fake-notifications"))
                .arg(&desktop)
                .arg("--")
                .arg(built("synkvakt-watcher"))
                .env("SYNKVAKT_HOME", home.path())
                .env("LANG", "C.UTF-8")
                .env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
                // Only the tests' demo tenant: the watcher must not start one of its own.
                .env(
                    "SYNKVAKT_DEMO_TENANT_BIN",
                    home.path().join("no-such-demo-tenant"),
                )
                .stdout(Stdio::null())
                .stderr(Stdio::inherit()),
        )
        .expect("dbus-run-session starts the fake notification server and the watcher");
        Watching {
            demo: Some(demo),
            runtime_dir,
            desktop,
            _bus: bus,
            home,
        }
    }

    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// The tenant's cycle turns into another scenario's, as when the next one runs into
    /// trouble: the demo tenant is started again on its port with that scenario.
    pub fn switch_scenario(&mut self, product: &str, scenario: &str) {
        let port = self.demo.take().expect("a demo tenant runs").file.port;
        self.demo = Some(start_demo(
            &self.runtime_dir,
            &Launch::demo(product, scenario),
            port,
        ));
    }

    /// Every notification shown so far, oldest first.
    pub fn notifications(&self) -> Vec<Value> {
        std::fs::read_to_string(self.desktop.join("notifications.jsonl"))
            .unwrap_or_default()
            .lines()
            .filter_map(|line| serde_json::from_str(line).ok())
            .collect()
    }

    /// Waits until `count` notifications have been shown, then gives them.
    pub async fn wait_for_notifications(&self, count: usize) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let shown = self.notifications();
            if shown.len() >= count {
                return shown;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for notification {count}; shown: {shown:?}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Clicks the notification with this id, as the admin would.
    pub fn click(&self, id: u64) {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.desktop.join("clicks.txt"))
            .unwrap();
        writeln!(file, "{id}").unwrap();
    }

    /// The session bus of the watcher, and the bus name its tray icon registered with the host,
    /// once it has.
    pub async fn tray(&self) -> (zbus::Connection, String) {
        let deadline = Instant::now() + Duration::from_secs(30);
        let item = loop {
            let items =
                std::fs::read_to_string(self.desktop.join("tray-items.txt")).unwrap_or_default();
            if let Some(item) = items.lines().next() {
                break item.to_string();
            }
            assert!(
                Instant::now() < deadline,
                "no tray icon registered with the host"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        let address = std::fs::read_to_string(self.desktop.join("bus-address")).unwrap();
        let bus = zbus::connection::Builder::address(address.trim())
            .unwrap()
            .build()
            .await
            .expect("the test reaches the watcher's session bus");
        (bus, item)
    }

    /// Waits until a process of this test matches `wanted`, and gives its command line.
    pub async fn wait_for_process(
        &self,
        what: &str,
        wanted: impl Fn(&[String]) -> bool,
    ) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(found) = processes_of(self.home())
                .into_iter()
                .find(|args| wanted(args))
            {
                return found;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

/// What a window killed during Execute leaves in the data folder: the key and the request of a
/// re-export the demo tenant never got.
async fn leave_a_sent_reexport(paths: &AppPaths, demo: &DemoTenant) {
    use synkvakt_api::model::{ReexportRequest, ReexportScope, ScopeKind};
    use synkvakt_app::os::pending_reexports::{PendingReexport, PendingReexports};
    let scope = ReexportScope {
        kind: ScopeKind::Selection,
        user_ids: vec!["10001".into(), "10002".into(), "10003".into()],
    };
    let page: Value = reqwest::Client::new()
        .post(format!("{}/api/v1/templates/ad/preview", demo.base_url()))
        .bearer_auth(&demo.file.api_key)
        .json(&json!({"mappingId": "ad-mail", "scope": scope, "offset": 0, "limit": 10}))
        .send()
        .await
        .expect("the demo tenant answers")
        .json()
        .await
        .expect("a preview page");
    let changes = page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|row| row["currentValue"] != row["newValue"])
        .count() as u32;
    PendingReexports::in_data_dir(&paths.data_dir)
        .write(&PendingReexport {
            idempotency_key: "e2e0sent0before0crash0000000001".into(),
            tenant: synkvakt_core::profiles::TenantRef::Demo { number: 1 },
            service_url: format!("{}/", demo.base_url()),
            tenant_name: "Demo kommune".into(),
            template_id: "ad".into(),
            template_name: "Active Directory".into(),
            target_system: "Active Directory".into(),
            attributes: vec!["mail".into()],
            request: ReexportRequest {
                mapping_id: Some("ad-mail".into()),
                scope,
                preview_token: page["previewToken"].as_str().unwrap().into(),
            },
            confirmed: synkvakt_core::reexport::ConfirmedCounts {
                users: 3,
                values: 3,
                changes,
            },
            sent_at: chrono::Utc::now(),
        })
        .expect("the data folder takes the key");
}

fn start_demo(runtime_dir: &Path, launch: &Launch<'_>, port: u16) -> DemoTenant {
    let (product, scenario) = (launch.product, launch.scenario);
    // A new server must not be mistaken for the old one through the old one's file.
    let _ = std::fs::remove_file(RuntimeFile::path_in(runtime_dir));
    let process = Reaped::spawn(
        Command::new(built("synkvakt-demo-tenant"))
            .args([
                "--product",
                product,
                "--scenario",
                scenario,
                "--users",
                &launch.users.to_string(),
                "--tenants",
                &launch.tenants.to_string(),
                "--test-clock",
                "--runtime-dir",
            ])
            .arg(runtime_dir)
            .arg("--port")
            .arg(port.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit()),
    )
    .expect("the demo tenant starts");
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Some(file) = RuntimeFile::read(runtime_dir) {
            return DemoTenant {
                _process: process,
                file,
            };
        }
        assert!(
            Instant::now() < deadline,
            "the demo tenant wrote no runtime file"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

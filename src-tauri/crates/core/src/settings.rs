//! The one settings file, versioned, in the OS's config folder.

use crate::demo::DemoChoice;
use crate::error::{Error, Result};
use crate::guidance::{self, Machine};
use crate::i18n::Language;
use crate::model::Product;
use crate::profiles::{TenantProfile, TenantRef};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Raised whenever the file's shape changes; an older file is upgraded on load.
/// Version 2 added the tenant profiles, the tenant in view and the network settings.
pub const SETTINGS_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub version: u32,
    /// The admin's choice; `None` follows the OS language.
    #[serde(default)]
    pub language: Option<Language>,
    #[serde(default)]
    pub demo: DemoChoice,
    #[serde(default)]
    pub client: ClientMachines,
    #[serde(default)]
    pub limits: WatchLimits,
    #[serde(default)]
    pub watch: WatchSettings,
    /// The real tenants the admin (or IT, in the machine-wide defaults) has added.
    #[serde(default)]
    pub tenants: Vec<TenantProfile>,
    /// The tenant the window shows; `None` until the first choice, which the first-run screen asks for.
    #[serde(default)]
    pub active: Option<TenantRef>,
    #[serde(default)]
    pub network: NetworkSettings,
    /// Larger type and personal data masked, for a screen shared with support.
    #[serde(default)]
    pub support_mode: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            version: SETTINGS_VERSION,
            language: None,
            demo: DemoChoice::default(),
            client: ClientMachines::default(),
            limits: WatchLimits::default(),
            watch: WatchSettings::default(),
            tenants: Vec::new(),
            active: None,
            network: NetworkSettings::default(),
            support_mode: false,
        }
    }
}

/// How Synkvakt reaches the tenants from a municipal network.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct NetworkSettings {
    /// A CA certificate file (PEM) trusted besides the OS's own roots, e.g. the municipality's
    /// CA or its TLS-inspecting proxy's.
    pub extra_ca_file: Option<String>,
    /// A proxy used instead of the system's (`http://proxy.kommune.no:8080`); `None` follows
    /// the system's proxy settings.
    pub proxy: Option<String>,
}

/// A CA file is a few certificates: anything larger is not one.
const MAX_CA_FILE_BYTES: u64 = 1024 * 1024;

impl NetworkSettings {
    /// The certificates of the extra CA file, none when no file is named.
    pub fn extra_ca_certificates(&self) -> Result<Vec<reqwest::Certificate>> {
        let Some(path) = self
            .extra_ca_file
            .as_deref()
            .filter(|p| !p.trim().is_empty())
        else {
            return Ok(Vec::new());
        };
        let path = PathBuf::from(path.trim());
        let unusable = |detail: String| Error::ExtraCa {
            path: path.clone(),
            detail,
        };
        let size = std::fs::metadata(&path)
            .map_err(|err| unusable(err.to_string()))?
            .len();
        if size > MAX_CA_FILE_BYTES {
            return Err(unusable(format!("{size} bytes is too large for a CA file")));
        }
        let pem = std::fs::read(&path).map_err(|err| unusable(err.to_string()))?;
        let certificates =
            reqwest::Certificate::from_pem_bundle(&pem).map_err(|err| unusable(err.to_string()))?;
        if certificates.is_empty() {
            return Err(unusable("the file holds no PEM certificate".to_string()));
        }
        Ok(certificates)
    }
}

/// Where the client's tasks and logs are. The admin's workstation is often not the client server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientMachines {
    /// The server the vendor's client runs on; `None` until someone says which.
    pub client_server: Option<String>,
    /// The domain controller that picks up eFeide's Export AD.
    pub domain_controller: Option<String>,
    /// The client's log folder as a path on the client server.
    pub log_folder: String,
    /// The client's scheduled tasks, each with its server; empty means the product's tasks as
    /// the guides name them, on the client server or the domain controller above.
    pub tasks: Vec<ScheduledTask>,
}

/// A scheduled task of the client and the server it lives on (`None`: this computer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ScheduledTask {
    pub name: String,
    pub server: Option<String>,
}

impl Default for ClientMachines {
    fn default() -> Self {
        ClientMachines {
            client_server: None,
            domain_controller: None,
            log_folder: r"C:\eadm\loggfiler".to_string(),
            tasks: Vec::new(),
        }
    }
}

impl ClientMachines {
    /// The server configured for a kind of machine, when someone has said which.
    pub fn server_for(&self, machine: Machine) -> Option<String> {
        match machine {
            Machine::ClientServer => self.client_server.clone(),
            Machine::DomainController => self.domain_controller.clone(),
        }
        .filter(|server| !server.is_empty())
    }

    /// The client's scheduled tasks for `product`: as configured, else as the guides name them.
    pub fn scheduled_tasks(&self, product: Product) -> Vec<ScheduledTask> {
        if !self.tasks.is_empty() {
            return self.tasks.clone();
        }
        guidance::named_tasks(product)
            .into_iter()
            .map(|(name, machine)| ScheduledTask {
                name: name.to_string(),
                server: self.server_for(machine),
            })
            .collect()
    }

    /// The server of a task the guides name: as configured for it, else its kind of machine's.
    pub fn server_of_task(&self, name: &str, machine: Machine) -> Option<String> {
        match self.tasks.iter().find(|task| task.name == name) {
            Some(task) => task.server.clone(),
            None => self.server_for(machine),
        }
    }

    /// The log folder as this workstation reaches it: the local path on the client server itself,
    /// its administrative share (`\\server\c$\eadm\loggfiler`) from anywhere else.
    pub fn log_folder_from(&self, this_machine: &str) -> String {
        let Some(server) = self
            .client_server
            .as_deref()
            .filter(|server| !server.is_empty())
        else {
            return self.log_folder.clone();
        };
        let short = |name: &str| name.split('.').next().unwrap_or(name).to_ascii_lowercase();
        if short(server) == short(this_machine) {
            return self.log_folder.clone();
        }
        match self.log_folder.split_once(r":\") {
            Some((drive, rest)) => format!(r"\\{server}\{}$\{rest}", drive.to_ascii_lowercase()),
            None => self.log_folder.clone(),
        }
    }
}

/// When a step counts as stalled and the whole sync as stale.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct WatchLimits {
    /// A step is past its usual time after this many times its median duration…
    pub stall_multiplier: f64,
    /// …but never sooner than this.
    pub stall_floor_minutes: u32,
    /// The usual time of a step the history says nothing about.
    pub stall_default_minutes: u32,
    /// With no completed cycle for this long, the sync looks stalled.
    pub stale_hours: u32,
}

impl Default for WatchLimits {
    fn default() -> Self {
        WatchLimits {
            stall_multiplier: 3.0,
            stall_floor_minutes: 10,
            stall_default_minutes: 60,
            stale_hours: 26,
        }
    }
}

/// How the watcher follows the tenant, and which of its events pop up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct WatchSettings {
    /// Seconds between two looks at the current cycle.
    pub interval_seconds: u32,
    /// Seconds between looks while a manual sync the admin started runs.
    pub active_interval_seconds: u32,
    /// How long the tenant may not answer before that is announced.
    pub unreachable_minutes: u32,
    pub notify: NotifyKinds,
    /// Start the watcher (never the window) when the admin signs in.
    pub start_at_login: bool,
}

impl Default for WatchSettings {
    fn default() -> Self {
        WatchSettings {
            interval_seconds: 60,
            active_interval_seconds: 10,
            unreachable_minutes: 15,
            notify: NotifyKinds::default(),
            start_at_login: false,
        }
    }
}

/// The shortest interval a setting may ask for: a look costs the tenant a request.
const MIN_INTERVAL_SECONDS: u32 = 2;
/// The longest: past an hour a failure would be learned too late to matter.
const MAX_INTERVAL_SECONDS: u32 = 3600;

impl WatchSettings {
    pub fn interval(&self) -> std::time::Duration {
        bounded_seconds(self.interval_seconds)
    }

    pub fn active_interval(&self) -> std::time::Duration {
        bounded_seconds(self.active_interval_seconds.min(self.interval_seconds))
    }

    pub fn unreachable_after(&self) -> chrono::Duration {
        chrono::Duration::minutes(i64::from(self.unreachable_minutes))
    }
}

fn bounded_seconds(seconds: u32) -> std::time::Duration {
    std::time::Duration::from_secs(u64::from(
        seconds.clamp(MIN_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS),
    ))
}

/// Which kinds of event pop up as a desktop notification; each is on unless turned off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NotifyKinds {
    pub step_failed: bool,
    pub import_filter_stop: bool,
    pub step_overdue: bool,
    pub stale: bool,
    pub unreachable: bool,
    pub manual_sync_completed: bool,
    pub recovered: bool,
}

impl Default for NotifyKinds {
    fn default() -> Self {
        NotifyKinds {
            step_failed: true,
            import_filter_stop: true,
            step_overdue: true,
            stale: true,
            unreachable: true,
            manual_sync_completed: true,
            recovered: true,
        }
    }
}

impl NotifyKinds {
    pub fn allows(&self, kind: crate::watch::EventKind) -> bool {
        use crate::watch::EventKind::*;
        match kind {
            StepFailed => self.step_failed,
            ImportFilterStop => self.import_filter_stop,
            StepOverdue => self.step_overdue,
            Stale => self.stale,
            Unreachable => self.unreachable,
            ManualSyncCompleted => self.manual_sync_completed,
            Recovered => self.recovered,
        }
    }
}

impl Settings {
    pub fn effective_language(&self) -> Language {
        self.language.unwrap_or_else(Language::from_os)
    }
}

#[derive(Debug, Clone)]
pub struct SettingsStore {
    path: PathBuf,
    /// Defaults IT deployed for every user of the machine, beneath the user's own file.
    machine_defaults: Option<PathBuf>,
}

impl SettingsStore {
    pub fn new(path: PathBuf) -> SettingsStore {
        SettingsStore {
            path,
            machine_defaults: None,
        }
    }

    /// The user's settings over the machine-wide defaults, where the app's folders say.
    pub fn for_app(paths: &crate::paths::AppPaths) -> SettingsStore {
        SettingsStore {
            path: paths.settings_file(),
            machine_defaults: paths.machine_defaults_file(),
        }
    }

    /// The built-in defaults with the machine-wide ones laid over them. A machine file that
    /// cannot be used is said in the log and left out: the user's settings still apply.
    fn defaults(&self) -> serde_json::Value {
        let mut defaults = serde_json::to_value(Settings::default()).unwrap_or_default();
        let Some(path) = &self.machine_defaults else {
            return defaults;
        };
        match std::fs::read_to_string(path) {
            Ok(text) => match serde_json::from_str::<serde_json::Value>(without_bom(&text)) {
                Ok(machine) => {
                    // A mistake in IT's file is IT's: it is left out, never blamed on (and never
                    // sets aside) the user's own file.
                    let mut laid = defaults.clone();
                    lay_over(&mut laid, machine);
                    match serde_json::from_value::<Settings>(laid.clone()) {
                        Ok(_) => defaults = laid,
                        Err(err) => tracing::warn!(
                            path = %path.display(),
                            "the machine-wide defaults are left out, they do not fit the settings: {err}"
                        ),
                    }
                }
                Err(err) => tracing::warn!(
                    path = %path.display(),
                    "the machine-wide defaults are left out, they are not valid JSON: {err}"
                ),
            },
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => tracing::warn!(
                path = %path.display(),
                "the machine-wide defaults cannot be read: {err}"
            ),
        }
        defaults
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the settings over the defaults; a missing file means a first start.
    pub fn load(&self) -> Result<Settings> {
        let mut settings = self.defaults();
        let defaults_broken = |err: serde_json::Error| Error::SettingsBroken {
            path: self.machine_defaults.clone().unwrap_or_default(),
            detail: err.to_string(),
        };
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return serde_json::from_value(settings).map_err(defaults_broken)
            }
            Err(err) => {
                return Err(Error::Io {
                    action: "reading",
                    path: self.path.clone(),
                    detail: err.to_string(),
                })
            }
        };
        let broken = |detail: String| Error::SettingsBroken {
            path: self.path.clone(),
            detail,
        };
        let value: serde_json::Value =
            serde_json::from_str(without_bom(&text)).map_err(|err| broken(err.to_string()))?;
        let version = value
            .get("version")
            .and_then(serde_json::Value::as_u64)
            .ok_or_else(|| broken("no version number".to_string()))?;
        if version > u64::from(SETTINGS_VERSION) {
            return Err(Error::SettingsTooNew {
                path: self.path.clone(),
                version: version as u32,
            });
        }
        let older = version < u64::from(SETTINGS_VERSION);
        lay_over(&mut settings, value);
        let mut settings: Settings =
            serde_json::from_value(settings).map_err(|err| broken(err.to_string()))?;
        if older && settings.active.is_none() {
            // Before version 2 the demo tenant was the only one: the upgraded file stays on it.
            settings.active = Some(TenantRef::Demo { number: 1 });
        }
        settings.version = SETTINGS_VERSION;
        Ok(settings)
    }

    /// Moves a file that could not be used out of the way, so that saving never destroys it:
    /// `settings.json` becomes `settings.json.broken` (or `.broken-2`, … when that exists).
    pub fn set_aside(&self) -> Result<Option<PathBuf>> {
        if !self.path.exists() {
            return Ok(None);
        }
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let aside = (1..)
            .map(|n| match n {
                1 => self.path.with_file_name(format!("{name}.broken")),
                n => self.path.with_file_name(format!("{name}.broken-{n}")),
            })
            .find(|candidate| !candidate.exists())
            .unwrap_or_else(|| self.path.with_file_name(format!("{name}.broken")));
        std::fs::rename(&self.path, &aside).map_err(|err| Error::Io {
            action: "setting aside",
            path: self.path.clone(),
            detail: err.to_string(),
        })?;
        tracing::warn!(aside = %aside.display(), "kept the unusable settings file aside");
        Ok(Some(aside))
    }

    /// Writes the whole file next to the old one and swaps it in, so a crash never leaves half a file.
    pub fn save(&self, settings: &Settings) -> Result<()> {
        let io = |action: &'static str, err: std::io::Error| Error::Io {
            action,
            path: self.path.clone(),
            detail: err.to_string(),
        };
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|err| io("creating the folder of", err))?;
        }
        // Only what differs from the defaults: what IT changes later still reaches this user.
        let value = serde_json::to_value(settings).map_err(|err| io("writing", err.into()))?;
        let mut own =
            differences(&value, &self.defaults()).unwrap_or_else(|| serde_json::json!({}));
        own["version"] = serde_json::json!(SETTINGS_VERSION);
        let text = serde_json::to_string_pretty(&own).map_err(|err| io("writing", err.into()))?;
        let temporary = self.path.with_extension("json.new");
        std::fs::write(&temporary, text).map_err(|err| io("writing", err))?;
        std::fs::rename(&temporary, &self.path).map_err(|err| io("replacing", err))
    }
}

/// The text without the byte-order mark Windows PowerShell 5 and Notepad put before UTF-8,
/// which a JSON parser takes for a stray character.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Lays `over` onto `base`: objects key by key, anything else (a list, a value, null) whole.
fn lay_over(base: &mut serde_json::Value, over: serde_json::Value) {
    match (base, over) {
        (serde_json::Value::Object(base), serde_json::Value::Object(over)) => {
            for (key, value) in over {
                match base.get_mut(&key) {
                    Some(existing) => lay_over(existing, value),
                    None => {
                        base.insert(key, value);
                    }
                }
            }
        }
        (base, over) => *base = over,
    }
}

/// What of `value` differs from `defaults`, key by key; `None` when nothing does.
fn differences(
    value: &serde_json::Value,
    defaults: &serde_json::Value,
) -> Option<serde_json::Value> {
    match (value, defaults) {
        (serde_json::Value::Object(value), serde_json::Value::Object(defaults)) => {
            let differing: serde_json::Map<String, serde_json::Value> = value
                .iter()
                .filter_map(|(key, item)| {
                    let differs = match defaults.get(key) {
                        Some(default) => differences(item, default),
                        None => Some(item.clone()),
                    };
                    differs.map(|item| (key.clone(), item))
                })
                .collect();
            (!differing.is_empty()).then_some(serde_json::Value::Object(differing))
        }
        (value, defaults) => (value != defaults).then(|| value.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::Scenario;

    fn task(name: &str, server: Option<&str>) -> ScheduledTask {
        ScheduledTask {
            name: name.into(),
            server: server.map(str::to_string),
        }
    }

    #[test]
    fn the_tasks_default_to_the_guides_on_the_machines_configured() {
        let machines = ClientMachines {
            client_server: Some("efeide-klient01".into()),
            domain_controller: Some("dc01".into()),
            ..ClientMachines::default()
        };
        assert_eq!(
            machines.scheduled_tasks(Product::EFeide),
            [
                task("eFeide synkronisering", Some("efeide-klient01")),
                task("eFeide Export SAS", Some("efeide-klient01")),
                task("eFeide Export samAccountName", Some("efeide-klient01")),
                task("eFeide Export FlyVO", Some("efeide-klient01")),
                task("eFeide Import AD", Some("dc01")),
            ]
        );
        // Nothing configured: this computer, as on the client server itself.
        assert_eq!(
            ClientMachines::default().scheduled_tasks(Product::EAdm),
            [task("eAdm synkronisering", None)]
        );
    }

    #[test]
    fn configured_tasks_replace_the_defaults_and_name_their_own_servers() {
        let machines = ClientMachines {
            client_server: Some("klient01".into()),
            tasks: vec![task("eAdm synkronisering", Some("klient02"))],
            ..ClientMachines::default()
        };
        assert_eq!(
            machines.scheduled_tasks(Product::EAdm),
            [task("eAdm synkronisering", Some("klient02"))]
        );
        assert_eq!(
            machines.server_of_task("eAdm synkronisering", Machine::ClientServer),
            Some("klient02".into())
        );
        assert_eq!(
            machines.server_of_task("other", Machine::ClientServer),
            Some("klient01".into())
        );
    }

    fn store() -> (tempfile::TempDir, SettingsStore) {
        let dir = tempfile::tempdir().unwrap();
        let store = SettingsStore::new(dir.path().join("config").join("settings.json"));
        (dir, store)
    }

    #[test]
    fn a_missing_file_gives_the_defaults() {
        let (_dir, store) = store();
        assert_eq!(store.load().unwrap(), Settings::default());
    }

    #[test]
    fn machine_wide_defaults_lie_under_the_users_own_and_stay_out_of_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let machine = dir.path().join("machine").join("settings.json");
        std::fs::create_dir_all(machine.parent().unwrap()).unwrap();
        std::fs::write(
            &machine,
            r#"{ "language": "nn", "client": { "clientServer": "eadm-klient01" },
                 "watch": { "intervalSeconds": 120 } }"#,
        )
        .unwrap();
        let store = SettingsStore {
            path: dir.path().join("user").join("settings.json"),
            machine_defaults: Some(machine.clone()),
        };
        let first = store.load().unwrap();
        assert_eq!(first.language, Some(Language::Nn));
        assert_eq!(first.client.client_server.as_deref(), Some("eadm-klient01"));
        assert_eq!(first.watch.interval_seconds, 120);
        assert_eq!(
            first.watch.active_interval_seconds, 10,
            "the rest as built in"
        );

        // The user follows the OS language and starts at login: only that is theirs.
        let mut own = first.clone();
        own.language = None;
        own.watch.start_at_login = true;
        store.save(&own).unwrap();
        let written: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(store.path()).unwrap()).unwrap();
        assert_eq!(
            written,
            serde_json::json!({ "version": 2, "language": null, "watch": { "startAtLogin": true } })
        );
        assert_eq!(store.load().unwrap(), own);

        // IT changes the machine's interval later: it reaches the user, who never set one.
        std::fs::write(&machine, r#"{ "watch": { "intervalSeconds": 300 } }"#).unwrap();
        let later = store.load().unwrap();
        assert_eq!(later.watch.interval_seconds, 300);
        assert!(later.watch.start_at_login);
        assert_eq!(later.language, None);

        // A file IT wrote with PowerShell 5 starts with a byte-order mark: it still counts.
        std::fs::write(
            &machine,
            "\u{feff}{ \"watch\": { \"intervalSeconds\": 240 } }",
        )
        .unwrap();
        assert_eq!(store.load().unwrap().watch.interval_seconds, 240);

        // One that is JSON of the wrong shape too, and the user's file is not blamed for it.
        std::fs::write(&machine, r#"{ "watch": { "intervalSeconds": "often" } }"#).unwrap();
        assert_eq!(store.load().unwrap().watch.interval_seconds, 60);

        // A machine file that is not JSON is left out; the user's settings still hold.
        std::fs::write(&machine, "{ not json").unwrap();
        let without = store.load().unwrap();
        assert_eq!(without.watch.interval_seconds, 60);
        assert!(without.watch.start_at_login);
    }

    #[test]
    fn an_older_file_is_upgraded_and_stays_on_the_demo_tenant_it_showed() {
        let (_dir, store) = store();
        std::fs::create_dir_all(store.path().parent().unwrap()).unwrap();
        std::fs::write(
            store.path(),
            r#"{ "version": 1, "language": "nb", "demo": { "scenario": "stuck" } }"#,
        )
        .unwrap();
        let upgraded = store.load().unwrap();
        assert_eq!(upgraded.version, SETTINGS_VERSION);
        assert_eq!(upgraded.language, Some(Language::Nb));
        assert_eq!(upgraded.demo.scenario, Scenario::Stuck);
        assert_eq!(upgraded.active, Some(TenantRef::Demo { number: 1 }));
        assert!(upgraded.tenants.is_empty());
        // A file of this version that has chosen nothing stays unchosen: the first-run screen.
        std::fs::write(store.path(), r#"{ "version": 2 }"#).unwrap();
        assert_eq!(store.load().unwrap().active, None);
    }

    #[test]
    fn settings_round_trip() {
        let (_dir, store) = store();
        let settings = Settings {
            language: Some(Language::Nn),
            demo: DemoChoice {
                product: Product::EFeide,
                scenario: Scenario::Stuck,
                users: 2_000,
                tenants: 3,
            },
            ..Settings::default()
        };
        store.save(&settings).unwrap();
        assert_eq!(store.load().unwrap(), settings);
    }

    #[test]
    fn an_unusable_file_is_set_aside_not_overwritten() {
        let (_dir, store) = store();
        std::fs::create_dir_all(store.path().parent().unwrap()).unwrap();
        std::fs::write(store.path(), "{ broken").unwrap();
        let aside = store.set_aside().unwrap().unwrap();
        assert_eq!(std::fs::read_to_string(&aside).unwrap(), "{ broken");
        std::fs::write(store.path(), "{ broken again").unwrap();
        let second = store.set_aside().unwrap().unwrap();
        assert_ne!(aside, second);
        assert_eq!(
            std::fs::read_to_string(&aside).unwrap(),
            "{ broken",
            "the first one is kept"
        );
        assert!(store.set_aside().unwrap().is_none(), "nothing to set aside");
    }

    #[test]
    fn the_log_folder_is_given_as_this_workstation_reaches_it() {
        let mut client = ClientMachines::default();
        assert_eq!(client.log_folder_from("ws01"), r"C:\eadm\loggfiler");
        client.client_server = Some("eadm-klient01".into());
        assert_eq!(
            client.log_folder_from("ws01"),
            r"\\eadm-klient01\c$\eadm\loggfiler"
        );
        assert_eq!(
            client.log_folder_from("EADM-KLIENT01.kommune.local"),
            r"C:\eadm\loggfiler"
        );
        client.log_folder = r"D:\eadm\logg".into();
        assert_eq!(
            client.log_folder_from("ws01"),
            r"\\eadm-klient01\d$\eadm\logg"
        );
    }

    #[test]
    fn broken_and_newer_files_are_errors_not_defaults() {
        let (_dir, store) = store();
        std::fs::create_dir_all(store.path().parent().unwrap()).unwrap();
        std::fs::write(store.path(), "{ not json").unwrap();
        assert!(matches!(store.load(), Err(Error::SettingsBroken { .. })));
        std::fs::write(store.path(), r#"{"version": 7}"#).unwrap();
        assert!(matches!(
            store.load(),
            Err(Error::SettingsTooNew { version: 7, .. })
        ));
        std::fs::write(store.path(), r#"{"language": "nb"}"#).unwrap();
        assert!(matches!(store.load(), Err(Error::SettingsBroken { .. })));
    }
}

//! The settings file: one versioned JSON file in the OS's config folder, laid over the
//! machine-wide defaults IT deployed, and written with only what the user changed.

use crate::os::paths::AppPaths;
use crate::ports::SettingsStorage;
use std::path::{Path, PathBuf};
use synkvakt_core::error::{Error, Result};
use synkvakt_core::profiles::TenantRef;
use synkvakt_core::settings::{Settings, SETTINGS_VERSION};

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
    pub fn for_app(paths: &AppPaths) -> SettingsStore {
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
        for profile in &mut settings.tenants {
            profile.client = std::mem::take(&mut profile.client).fit_for(profile.product);
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

impl SettingsStorage for SettingsStore {
    fn load(&self) -> Result<Settings> {
        SettingsStore::load(self)
    }

    fn save(&self, settings: &Settings) -> Result<()> {
        SettingsStore::save(self, settings)
    }

    fn set_aside(&self) -> Result<()> {
        SettingsStore::set_aside(self).map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use synkvakt_api::demo_protocol::Scenario;
    use synkvakt_api::model::Product;
    use synkvakt_core::i18n::Language;
    use synkvakt_core::settings::DemoChoice;

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

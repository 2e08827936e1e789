//! The settings as values: what the window app and the watcher run with, whatever file or
//! policy they came from. Reading and writing them is the app crate's (`os::settings_file`).

use crate::error::{Error, Result};
use crate::i18n::Language;
use crate::machines::ClientMachines;
use crate::profiles::{invalid, TenantProfile, TenantRef};
use crate::usual::WatchLimits;
use serde::{Deserialize, Serialize};
use synkvakt_api::demo_protocol::Scenario;
use synkvakt_api::model::Product;

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

/// The demo the app starts when it has no tenant of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoChoice {
    pub product: Product,
    pub scenario: Scenario,
    /// How many users the demo tenant holds, from 50 to 200,000.
    #[serde(default = "DemoChoice::default_users")]
    pub users: u32,
    /// How many municipalities the demo serves, as support staff follow many: the first at the
    /// server's root, the others below `/tenants/N/`.
    #[serde(default = "DemoChoice::default_tenants")]
    pub tenants: u32,
}

impl DemoChoice {
    fn default_users() -> u32 {
        500
    }

    fn default_tenants() -> u32 {
        1
    }
}

impl Default for DemoChoice {
    fn default() -> Self {
        DemoChoice {
            product: Product::EAdm,
            scenario: Scenario::Running,
            users: DemoChoice::default_users(),
            tenants: DemoChoice::default_tenants(),
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
    #[serde(alias = "stale")]
    pub no_new_cycle: bool,
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
            no_new_cycle: true,
            unreachable: true,
            manual_sync_completed: true,
            recovered: true,
        }
    }
}

impl NotifyKinds {
    pub fn allows(&self, kind: crate::alerts::EventKind) -> bool {
        use crate::alerts::EventKind::*;
        match kind {
            StepFailed => self.step_failed,
            ImportFilterStop => self.import_filter_stop,
            StepOverdue => self.step_overdue,
            NoNewCycle => self.no_new_cycle,
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

impl Settings {
    pub fn profile(&self, id: &str) -> Result<&TenantProfile> {
        self.tenants
            .iter()
            .find(|profile| profile.id == id)
            .ok_or_else(|| Error::ProfileNotFound { id: id.to_string() })
    }

    /// Whether `tenant` is one these settings know: a profile that exists, or a demo tenant
    /// within the demo server's count.
    pub fn knows(&self, tenant: &TenantRef) -> Result<()> {
        match tenant {
            TenantRef::Demo { number } => {
                if *number == 0 || *number > self.demo.tenants.max(1) {
                    return Err(invalid(
                        "demo-tenant",
                        "at-most",
                        self.demo.tenants.max(1) as usize,
                    ));
                }
                Ok(())
            }
            TenantRef::Profile { id } => self.profile(id).map(drop),
        }
    }

    /// The tenant in view: the one chosen, else the first profile (one IT deployed for every
    /// user, say); `None` before anything exists to choose, which the first-run screen asks for.
    pub fn in_view(&self) -> Option<TenantRef> {
        self.active.clone().or_else(|| {
            self.tenants.first().map(|profile| TenantRef::Profile {
                id: profile.id.clone(),
            })
        })
    }

    /// The tenants the watcher follows: every watched profile, and the demo server's tenants
    /// while the demo is the tenant in view.
    pub fn watched_tenants(&self) -> Vec<TenantRef> {
        let demo = self
            .active
            .as_ref()
            .is_some_and(TenantRef::is_demo)
            .then(|| (1..=self.demo.tenants.max(1)).map(|number| TenantRef::Demo { number }))
            .into_iter()
            .flatten();
        let profiles = self
            .tenants
            .iter()
            .filter(|profile| profile.watched)
            .map(|profile| TenantRef::Profile {
                id: profile.id.clone(),
            });
        demo.chain(profiles).collect()
    }
}

//! Tenant profiles: the real tenants an admin follows, each with its service address, product,
//! the client's tasks and servers, and how it is watched. What the page sends is checked here
//! field by field before anything is saved; the secrets go to the keyring, never into a profile.

use crate::addresses::service_base;
use crate::error::{Error, Result};
use crate::guidance;
use crate::machines::{ClientMachines, Machine, ScheduledTask};
use serde::{Deserialize, Serialize};
use specta::Type;
use synkvakt_api::model::Product;

/// Which tenant: one of the demo server's, or a profile the admin added.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum TenantRef {
    Demo { number: u32 },
    Profile { id: String },
}

impl TenantRef {
    /// A stable name, for what the watcher remembers and for the audit log.
    pub fn key(&self) -> String {
        match self {
            TenantRef::Demo { number } => format!("demo/{number}"),
            TenantRef::Profile { id } => format!("profile/{id}"),
        }
    }

    /// The tenant a `key()` names; `None` for anything else.
    pub fn from_key(key: &str) -> Option<TenantRef> {
        match key.split_once('/')? {
            ("demo", number) => number
                .parse()
                .ok()
                .filter(|number| *number > 0)
                .map(|number| TenantRef::Demo { number }),
            ("profile", id)
                if !id.is_empty()
                    && id.len() <= 64
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')) =>
            {
                Some(TenantRef::Profile { id: id.to_string() })
            }
            _ => None,
        }
    }

    pub fn is_demo(&self) -> bool {
        matches!(self, TenantRef::Demo { .. })
    }
}

/// A real tenant as the settings file keeps it: no secret is ever part of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TenantProfile {
    pub id: String,
    pub name: String,
    pub product: Product,
    pub service_url: String,
    /// The client's servers, tasks and log folder.
    #[serde(default)]
    pub client: ClientMachines,
    /// The account (`DOMENE\bruker`) the servers' Task Scheduler is reached as when the
    /// workstation's user is not their admin; its password is in the keyring.
    #[serde(default)]
    pub server_account: Option<String>,
    #[serde(default = "default_interval")]
    pub interval_seconds: u32,
    /// No new cycle for this many hours is a stall, until the tenant's history is long enough
    /// to teach its usual gap between cycle starts.
    #[serde(default = "default_new_cycle_hours", alias = "staleHours")]
    pub new_cycle_hours: u32,
    /// How long a manual sync waits for its new cycle once the task is done, at least.
    #[serde(default = "default_new_cycle_wait_minutes")]
    pub new_cycle_wait_minutes: u32,
    /// Followed by the watcher.
    #[serde(default = "default_watched")]
    pub watched: bool,
}

fn default_interval() -> u32 {
    60
}

fn default_new_cycle_hours() -> u32 {
    26
}

fn default_new_cycle_wait_minutes() -> u32 {
    10
}

fn default_watched() -> bool {
    true
}

/// What the page may do with a secret: leave it, replace it, or remove it.
#[derive(Clone, PartialEq, Eq, Deserialize, Type)]
#[serde(tag = "change", rename_all = "camelCase")]
pub enum SecretChange {
    Keep,
    Replace { value: String },
    Remove,
}

/// A replacement prints as `Replace(…)`, so that no debug line can show the secret.
impl std::fmt::Debug for SecretChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SecretChange::Keep => "Keep",
            SecretChange::Replace { .. } => "Replace(…)",
            SecretChange::Remove => "Remove",
        })
    }
}

/// A profile as the page's form sends it, to add (no id) or to change one.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProfileInput {
    pub id: Option<String>,
    pub name: String,
    pub product: Product,
    pub service_url: String,
    pub tasks: Vec<ScheduledTask>,
    pub client_server: Option<String>,
    pub domain_controllers: Vec<String>,
    pub allow_domain_controller_tasks: bool,
    pub log_folder: String,
    pub server_account: Option<String>,
    pub interval_seconds: u32,
    pub new_cycle_hours: u32,
    pub new_cycle_wait_minutes: u32,
    pub watched: bool,
    pub api_key: SecretChange,
    pub server_password: SecretChange,
}

/// A profile as the page sees it: whether each secret is stored, never the secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
    pub profile: TenantProfile,
    pub api_key_stored: bool,
    pub server_password_stored: bool,
    /// Why the keyring could not say, when it could not.
    pub keyring_problem: Option<String>,
}

/// A task the guides name for a product, and the kind of server it runs on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DefaultTask {
    pub name: String,
    pub machine: Machine,
}

/// What a new profile of a product starts with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProductDefaults {
    pub product: Product,
    pub tasks: Vec<DefaultTask>,
    pub log_folder: String,
    pub interval_seconds: u32,
    pub new_cycle_hours: u32,
    pub new_cycle_wait_minutes: u32,
}

impl ProductDefaults {
    pub fn all() -> Vec<ProductDefaults> {
        [Product::EAdm, Product::EFeide]
            .into_iter()
            .map(|product| ProductDefaults {
                product,
                tasks: guidance::named_tasks(product)
                    .into_iter()
                    .map(|(name, machine)| DefaultTask {
                        name: name.to_string(),
                        machine,
                    })
                    .collect(),
                log_folder: ClientMachines::for_product(product).log_folder,
                interval_seconds: default_interval(),
                new_cycle_hours: default_new_cycle_hours(),
                new_cycle_wait_minutes: default_new_cycle_wait_minutes(),
            })
            .collect()
    }
}

/// Bounds of what a profile may hold: generous for any real tenant, small enough to keep a
/// hostile or mistaken page from filling the settings file.
pub const MAX_NAME_CHARS: usize = 80;
pub const MAX_URL_CHARS: usize = 2048;
pub const MAX_TASKS: usize = 20;
pub const MAX_TASK_NAME_CHARS: usize = 200;
/// The longest DNS name.
pub const MAX_HOST_CHARS: usize = 253;
pub const MAX_PATH_CHARS: usize = 260;
pub const MAX_ACCOUNT_CHARS: usize = 256;
pub const MAX_PROFILES: usize = 500;
pub const INTERVAL_SECONDS: (u32, u32) = (10, 3600);
pub const NEW_CYCLE_HOURS: (u32, u32) = (1, 168);
pub const NEW_CYCLE_WAIT_MINUTES: (u32, u32) = (5, 240);
/// One per domain: far more than any municipality has.
pub const MAX_DOMAIN_CONTROLLERS: usize = 20;

pub(crate) fn invalid(field: &'static str, rule: &'static str, limit: usize) -> Error {
    Error::Invalid {
        field,
        rule,
        limit: limit as i64,
    }
}

/// Text a person typed: trimmed, within `max` characters, no control characters.
fn text(field: &'static str, value: &str, max: usize, required: bool) -> Result<String> {
    let value = value.trim();
    if required && value.is_empty() {
        return Err(invalid(field, "required", 0));
    }
    if value.chars().count() > max {
        return Err(invalid(field, "too-long", max));
    }
    if value.chars().any(char::is_control) {
        return Err(invalid(field, "control-characters", 0));
    }
    Ok(value.to_string())
}

/// A server's name as the Task Scheduler and the admin share take it: a DNS name or NetBIOS
/// name, letters, digits, `-` and `.`.
fn host(field: &'static str, value: Option<&str>) -> Result<Option<String>> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if value.len() > MAX_HOST_CHARS {
        return Err(invalid(field, "too-long", MAX_HOST_CHARS));
    }
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    if !value.split('.').all(label_ok) {
        return Err(invalid(field, "host", 0));
    }
    Ok(Some(value.to_string()))
}

fn bounded(field: &'static str, value: u32, (min, max): (u32, u32)) -> Result<u32> {
    if value < min {
        return Err(invalid(field, "at-least", min as usize));
    }
    if value > max {
        return Err(invalid(field, "at-most", max as usize));
    }
    Ok(value)
}

/// The longest search or filter text a command takes: far longer than any name or ID.
/// Far above any API key or password, far below what a pasted file would be.
pub const MAX_SECRET_CHARS: usize = 4096;
pub const MAX_SEARCH_CHARS: usize = 200;

/// A search or filter text the page sends, within bounds.
pub fn checked_search(field: &'static str, value: &str) -> Result<()> {
    if value.chars().count() > MAX_SEARCH_CHARS {
        return Err(invalid(field, "too-long", MAX_SEARCH_CHARS));
    }
    Ok(())
}

/// A secret the page sends: within bounds, one line, never only blanks.
pub fn checked_secret(field: &'static str, change: &SecretChange) -> Result<()> {
    if let SecretChange::Replace { value } = change {
        if value.trim().is_empty() {
            return Err(invalid(field, "required", 0));
        }
        if value.chars().count() > MAX_SECRET_CHARS {
            return Err(invalid(field, "too-long", MAX_SECRET_CHARS));
        }
        if value.chars().any(char::is_control) {
            return Err(invalid(field, "control-characters", 0));
        }
    }
    Ok(())
}

/// A new profile's id: random, so that two admins' profiles never share a keyring entry.
fn new_id() -> String {
    use rand::Rng;
    let mut rng = rand::rng();
    (0..12)
        .map(|_| char::from(b"0123456789abcdef"[rng.random_range(0..16)]))
        .collect()
}

impl ProfileInput {
    /// The profile this input describes, checked against the profiles it goes among.
    pub fn checked(&self, existing: &[TenantProfile]) -> Result<TenantProfile> {
        let id = match &self.id {
            Some(id) => {
                if !existing.iter().any(|profile| &profile.id == id) {
                    return Err(Error::ProfileNotFound { id: id.clone() });
                }
                id.clone()
            }
            None if existing.len() >= MAX_PROFILES => {
                return Err(invalid("profiles", "at-most", MAX_PROFILES))
            }
            None => new_id(),
        };
        let service_url = text("service-url", &self.service_url, MAX_URL_CHARS, true)?;
        let base = service_base(&service_url)?;
        if self.tasks.is_empty() {
            return Err(invalid("tasks", "required", 0));
        }
        if self.tasks.len() > MAX_TASKS {
            return Err(invalid("tasks", "at-most", MAX_TASKS));
        }
        let tasks = self
            .tasks
            .iter()
            .map(|task| {
                Ok(ScheduledTask {
                    name: text("task-name", &task.name, MAX_TASK_NAME_CHARS, true)?,
                    server: host("task-server", task.server.as_deref())?,
                    role: task.role,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let server_account = text(
            "server-account",
            self.server_account.as_deref().unwrap_or(""),
            MAX_ACCOUNT_CHARS,
            false,
        )?;
        if self.domain_controllers.len() > MAX_DOMAIN_CONTROLLERS {
            return Err(invalid(
                "domain-controllers",
                "at-most",
                MAX_DOMAIN_CONTROLLERS,
            ));
        }
        let domain_controllers = self
            .domain_controllers
            .iter()
            .filter_map(|server| host("domain-controller", Some(server)).transpose())
            .collect::<Result<Vec<_>>>()?;
        checked_secret("api-key", &self.api_key)?;
        checked_secret("server-password", &self.server_password)?;
        Ok(TenantProfile {
            id,
            name: text("name", &self.name, MAX_NAME_CHARS, true)?,
            product: self.product,
            service_url: base.as_str().trim_end_matches('/').to_string(),
            client: ClientMachines {
                client_server: host("client-server", self.client_server.as_deref())?,
                domain_controllers,
                allow_domain_controller_tasks: self.allow_domain_controller_tasks,
                log_folder: text("log-folder", &self.log_folder, MAX_PATH_CHARS, false)?,
                tasks,
            },
            server_account: (!server_account.is_empty()).then_some(server_account),
            interval_seconds: bounded("interval", self.interval_seconds, INTERVAL_SECONDS)?,
            new_cycle_hours: bounded("new-cycle-hours", self.new_cycle_hours, NEW_CYCLE_HOURS)?,
            new_cycle_wait_minutes: bounded(
                "new-cycle-wait-minutes",
                self.new_cycle_wait_minutes,
                NEW_CYCLE_WAIT_MINUTES,
            )?,
            watched: self.watched,
        })
    }
}

/// Which of a profile's secrets the keyring holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredSecrets {
    pub api_key: bool,
    pub server_password: bool,
}

impl ProfileInput {
    /// A kept secret goes only where it was saved for: the API key to the service address it was
    /// stored with, the server password to the servers and the account it was stored with. A
    /// form that keeps a secret but points it elsewhere (a mistyped or planted address) must
    /// have it typed again, before anything is sent or saved.
    pub fn kept_secrets_stay(
        &self,
        draft: &TenantProfile,
        saved: Option<&TenantProfile>,
        stored: StoredSecrets,
    ) -> Result<()> {
        let Some(saved) = saved else {
            return Ok(());
        };
        let same_service = match (
            service_base(&saved.service_url),
            service_base(&draft.service_url),
        ) {
            (Ok(saved), Ok(draft)) => saved == draft,
            _ => false,
        };
        if stored.api_key && self.api_key == SecretChange::Keep && !same_service {
            return Err(invalid("api-key", "kept-for-another-address", 0));
        }
        let saved_servers = servers(saved);
        let same_servers =
            servers(draft).is_subset(&saved_servers) && account(saved) == account(draft);
        if stored.server_password && self.server_password == SecretChange::Keep && !same_servers {
            return Err(invalid("server-password", "kept-for-other-servers", 0));
        }
        Ok(())
    }
}

/// The servers a profile reaches with its password, by name in any case.
fn servers(profile: &TenantProfile) -> std::collections::BTreeSet<String> {
    let machines = &profile.client;
    machines
        .client_server
        .iter()
        .chain(&machines.domain_controllers)
        .chain(
            machines
                .tasks
                .iter()
                .filter_map(|task| task.server.as_ref()),
        )
        .map(|name| name.trim().to_lowercase())
        .collect()
}

fn account(profile: &TenantProfile) -> Option<String> {
    profile
        .server_account
        .as_deref()
        .map(|account| account.trim().to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;

    fn input() -> ProfileInput {
        ProfileInput {
            id: None,
            name: "  Eksempel kommune ".into(),
            product: Product::EAdm,
            service_url: "https://eadm.example.no/kommune".into(),
            tasks: vec![ScheduledTask {
                name: "eAdm synkronisering".into(),
                server: Some("eadm-klient01.kommune.local".into()),
                role: Machine::ClientServer,
            }],
            client_server: Some("eadm-klient01".into()),
            domain_controllers: Vec::new(),
            allow_domain_controller_tasks: false,
            log_folder: r"C:\eadm\loggfiler".into(),
            server_account: Some(r"KOMMUNE\svc-eadm".into()),
            interval_seconds: 60,
            new_cycle_hours: 26,
            new_cycle_wait_minutes: 10,
            watched: true,
            api_key: SecretChange::Replace {
                value: "k-123".into(),
            },
            server_password: SecretChange::Keep,
        }
    }

    fn rule_of(result: Result<TenantProfile>) -> (&'static str, &'static str) {
        match result {
            Err(Error::Invalid { field, rule, .. }) => (field, rule),
            other => panic!("expected an invalid field, got {other:?}"),
        }
    }

    #[test]
    fn a_good_input_becomes_a_trimmed_profile_with_a_new_id() {
        let profile = input().checked(&[]).unwrap();
        assert_eq!(profile.name, "Eksempel kommune");
        assert_eq!(profile.service_url, "https://eadm.example.no/kommune");
        assert_eq!(profile.id.len(), 12);
        assert_eq!(
            profile.client.client_server.as_deref(),
            Some("eadm-klient01")
        );
        let again = input().checked(&[]).unwrap();
        assert_ne!(profile.id, again.id);
    }

    #[test]
    fn every_field_is_bounded_and_checked() {
        let settings = Settings::default();
        let with = |change: &dyn Fn(&mut ProfileInput)| {
            let mut input = input();
            change(&mut input);
            input.checked(&settings.tenants)
        };
        assert_eq!(
            rule_of(with(&|i| i.name = " ".into())),
            ("name", "required")
        );
        assert_eq!(
            rule_of(with(&|i| i.name = "x".repeat(81))),
            ("name", "too-long")
        );
        assert_eq!(
            rule_of(with(&|i| i.name = "a\u{7}b".into())),
            ("name", "control-characters")
        );
        assert!(matches!(
            with(&|i| i.service_url = "http://eadm.example.no".into()),
            Err(Error::InsecureUrl { .. })
        ));
        assert!(with(&|i| i.service_url = "http://127.0.0.1:8080".into()).is_ok());
        assert_eq!(
            rule_of(with(
                &|i| i.service_url = format!("https://x.no/{}", "a".repeat(2048))
            )),
            ("service-url", "too-long")
        );
        assert_eq!(rule_of(with(&|i| i.tasks.clear())), ("tasks", "required"));
        assert_eq!(
            rule_of(with(&|i| i.tasks = vec![i.tasks[0].clone(); 21])),
            ("tasks", "at-most")
        );
        assert_eq!(
            rule_of(with(&|i| i.tasks[0].server = Some(r"\\server".into()))),
            ("task-server", "host")
        );
        assert_eq!(
            rule_of(with(&|i| i.client_server = Some("bad host".into()))),
            ("client-server", "host")
        );
        assert_eq!(
            rule_of(with(&|i| i.log_folder = "x".repeat(261))),
            ("log-folder", "too-long")
        );
        assert_eq!(
            rule_of(with(&|i| i.interval_seconds = 1)),
            ("interval", "at-least")
        );
        assert_eq!(
            rule_of(with(&|i| i.new_cycle_hours = 1000)),
            ("new-cycle-hours", "at-most")
        );
        assert_eq!(
            rule_of(with(&|i| i.new_cycle_wait_minutes = 1)),
            ("new-cycle-wait-minutes", "at-least")
        );
        assert_eq!(
            rule_of(with(
                &|i| i.domain_controllers = vec!["dc01".into(), "not a host".into()]
            )),
            ("domain-controller", "host")
        );
        assert_eq!(
            rule_of(with(
                &|i| i.domain_controllers = vec!["dc".into(); MAX_DOMAIN_CONTROLLERS + 1]
            )),
            ("domain-controllers", "at-most")
        );
        assert_eq!(
            rule_of(with(&|i| i.api_key = SecretChange::Replace {
                value: "x".repeat(4097)
            })),
            ("api-key", "too-long")
        );
        assert_eq!(
            rule_of(with(
                &|i| i.api_key = SecretChange::Replace { value: "  ".into() }
            )),
            ("api-key", "required")
        );
        assert!(matches!(
            with(&|i| i.id = Some("nobody".into())),
            Err(Error::ProfileNotFound { .. })
        ));
        assert_eq!(
            rule_of(with(
                &|i| i.service_url = "https://svc:hemmelig@eadm.example.no".into()
            )),
            ("service-url", "no-credentials")
        );
        assert!(
            !format!("{:?}", input()).contains("k-123"),
            "no key in a debug line"
        );
    }

    #[test]
    fn a_search_text_is_bounded() {
        assert!(checked_search("search", &"x".repeat(200)).is_ok());
        assert!(matches!(
            checked_search("search", &"x".repeat(201)),
            Err(Error::Invalid {
                rule: "too-long",
                limit: 200,
                ..
            })
        ));
    }

    #[test]
    fn the_watcher_follows_watched_profiles_and_the_demo_only_while_it_is_in_view() {
        let mut settings = Settings::default();
        let mut profile = input().checked(&settings.tenants).unwrap();
        settings.tenants.push(profile.clone());
        profile.id = "quiet".into();
        profile.watched = false;
        settings.tenants.push(profile);
        let first = TenantRef::Profile {
            id: settings.tenants[0].id.clone(),
        };
        assert_eq!(settings.watched_tenants(), std::slice::from_ref(&first));
        settings.active = Some(TenantRef::Demo { number: 1 });
        settings.demo.tenants = 2;
        assert_eq!(
            settings.watched_tenants(),
            [
                TenantRef::Demo { number: 1 },
                TenantRef::Demo { number: 2 },
                first.clone()
            ]
        );
        assert!(settings.knows(&TenantRef::Demo { number: 2 }).is_ok());
        settings.active = None;
        assert_eq!(
            settings.in_view(),
            Some(first),
            "a deployed profile is in view"
        );
        assert!(settings.knows(&TenantRef::Demo { number: 3 }).is_err());
        assert!(settings
            .knows(&TenantRef::Profile {
                id: "nobody".into()
            })
            .is_err());
    }

    const BOTH_STORED: StoredSecrets = StoredSecrets {
        api_key: true,
        server_password: true,
    };

    #[test]
    fn a_kept_secret_goes_only_where_it_was_saved_for() {
        let saved = input().checked(&[]).unwrap();
        let keeping = |change: fn(&mut ProfileInput)| {
            let mut form = ProfileInput {
                id: Some(saved.id.clone()),
                api_key: SecretChange::Keep,
                ..input()
            };
            change(&mut form);
            let draft = form.checked(std::slice::from_ref(&saved)).unwrap();
            form.kept_secrets_stay(&draft, Some(&saved), BOTH_STORED)
                .map_err(|err| match err {
                    Error::Invalid { field, rule, .. } => (field, rule),
                    other => panic!("{other:?}"),
                })
        };
        assert_eq!(keeping(|_| {}), Ok(()));
        assert_eq!(
            keeping(|form| form.service_url = "HTTPS://eadm.example.no/kommune/".into()),
            Ok(()),
            "the same address, written differently"
        );
        assert_eq!(
            keeping(|form| form.service_url = "https://eadm.example.no.evil.example/kommune".into()),
            Err(("api-key", "kept-for-another-address"))
        );
        assert_eq!(
            keeping(|form| {
                form.service_url = "https://eadm.example.no/other".into();
                form.api_key = SecretChange::Replace {
                    value: "new".into(),
                };
            }),
            Ok(()),
            "a key typed again may go to the new address"
        );
        assert_eq!(
            keeping(|form| form.client_server = Some("EADM-KLIENT01".into())),
            Ok(())
        );
        assert_eq!(
            keeping(|form| form.domain_controllers = vec!["dc01".into()]),
            Err(("server-password", "kept-for-other-servers"))
        );
        assert_eq!(
            keeping(|form| form.server_account = Some(r"KOMMUNE\other".into())),
            Err(("server-password", "kept-for-other-servers"))
        );
        assert_eq!(
            keeping(|form| {
                form.domain_controllers = vec!["dc01".into()];
                form.server_password = SecretChange::Remove;
            }),
            Ok(())
        );
        let form = ProfileInput {
            api_key: SecretChange::Keep,
            ..input()
        };
        let draft = form.checked(&[]).unwrap();
        assert_eq!(
            form.kept_secrets_stay(&draft, None, BOTH_STORED).ok(),
            Some(()),
            "a new profile has nothing stored to send"
        );
        let mut form = ProfileInput {
            id: Some(saved.id.clone()),
            domain_controllers: vec!["dc01".into()],
            ..input()
        };
        form.api_key = SecretChange::Keep;
        let draft = form.checked(std::slice::from_ref(&saved)).unwrap();
        let none_stored = StoredSecrets {
            api_key: false,
            server_password: false,
        };
        assert_eq!(
            form.kept_secrets_stay(&draft, Some(&saved), none_stored)
                .ok(),
            Some(()),
            "with no password stored, a new server takes none"
        );
    }
}

//! The session's tenants: the profiles the settings page edits, "Test connection", switching the
//! tenant in view, the network settings, and the overview of every tenant followed.

use super::{Session, HISTORY_LENGTH};
use crate::ports::{read_secret, with_secrets, Secret, SecretKind};
use crate::reach;
use crate::tenant_client::TenantClient;
use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use serde::Serialize;
use specta::Type;
use synkvakt_api::model::Product;
use synkvakt_core::actions::Action;
use synkvakt_core::error::{Error, Result, UserError};
use synkvakt_core::profiles::{
    ProductDefaults, ProfileInput, ProfileView, SecretChange, TenantRef,
};
use synkvakt_core::settings::{NetworkSettings, Settings};
use synkvakt_core::status::{self, DisplayState, Judging, OverallState};

/// How many tenants the overview asks at once: 200 of them still answer within seconds.
const OVERVIEW_AT_ONCE: usize = 16;

/// Everything the settings page shows of the tenants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TenantsView {
    pub profiles: Vec<ProfileView>,
    /// The tenant in view; `null` before the first choice.
    pub active: Option<TenantRef>,
    /// How many tenants the demo server is asked to serve.
    pub demo_tenants: u32,
    pub defaults: Vec<ProductDefaults>,
    pub network: NetworkSettings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum CheckOutcome {
    Passed,
    Failed,
    /// Not checked, because an earlier check failed or this system cannot.
    NotChecked,
}

/// What one check of "Test connection" was about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum CheckSubject {
    Reachable,
    Tls,
    Authentication,
    Product,
    Task {
        name: String,
        server: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionCheck {
    pub subject: CheckSubject,
    pub outcome: CheckOutcome,
    /// What was found, in the admin's language.
    pub text: String,
    /// The error behind a failed check, what it means and what to do.
    pub problem: Option<UserError>,
}

/// The outcome of "Test connection", check by check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionReport {
    pub checks: Vec<ConnectionCheck>,
    /// The tenant's name as the service gives it, when it answered.
    pub tenant_name: Option<String>,
}

/// One tenant in the overview.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TenantGlance {
    pub tenant: TenantRef,
    pub name: String,
    pub product: Option<Product>,
    /// `null` while the tenant cannot be reached.
    pub state: Option<OverallState>,
    pub headline: String,
    pub last_completed_at: Option<DateTime<Utc>>,
    /// What needs the admin, in words: failed or overdue steps, a stop, staleness.
    pub alerts: Vec<String>,
    pub problem: Option<UserError>,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct OverviewView {
    pub tenants: Vec<TenantGlance>,
    pub checked_at: DateTime<Utc>,
}

impl Session {
    /// The settings as they are in the file now: the watcher may have changed one meanwhile.
    pub(super) fn settings_now(&self) -> Settings {
        self.settings_store
            .load()
            .unwrap_or_else(|_| self.settings())
    }

    /// Saves `updated` through the action path (audited as `setting`) and takes it into use.
    pub(super) async fn save_settings(
        &self,
        updated: Settings,
        setting: &str,
        value: String,
    ) -> Result<()> {
        let action = Action::ChangeSettings {
            setting: setting.into(),
            value,
        };
        self.actions
            .perform("", action, async { Ok(()) }, || async {
                // A file that could not be read is kept aside, never written over.
                if self
                    .settings_problem
                    .read()
                    .map(|problem| problem.is_some())
                    .unwrap_or(false)
                {
                    self.settings_store.set_aside()?;
                }
                self.settings_store.save(&updated)
            })
            .await?;
        if let Ok(mut settings) = self.settings.write() {
            *settings = updated;
        }
        if let Ok(mut problem) = self.settings_problem.write() {
            *problem = None;
        }
        Ok(())
    }

    /// Turns support mode on or off; saved (the tray's menu and the next start see it) and
    /// audited.
    pub async fn set_support_mode(&self, on: bool) -> Result<crate::session::AppInfo> {
        let mut updated = self.settings_now();
        updated.support_mode = on;
        let value = if on { "on" } else { "off" };
        self.save_settings(updated, "support-mode", value.to_string())
            .await?;
        Ok(self.app_info())
    }

    pub async fn tenants(&self) -> Result<TenantsView> {
        let settings = self.settings();
        let ids: Vec<String> = settings.tenants.iter().map(|p| p.id.clone()).collect();
        let stored = with_secrets(&self.secrets, move |keyring| {
            Ok(ids
                .iter()
                .map(|id| {
                    let api = keyring.is_stored(id, SecretKind::ApiKey);
                    let password = keyring.is_stored(id, SecretKind::ServerPassword);
                    (api, password)
                })
                .collect::<Vec<_>>())
        })
        .await?;
        let localizer = self.localizer();
        let profiles = settings
            .tenants
            .iter()
            .zip(stored)
            .map(|(profile, (api, password))| {
                let problem = api
                    .as_ref()
                    .err()
                    .or(password.as_ref().err())
                    .map(|err| err.to_user(&localizer).message);
                ProfileView {
                    profile: profile.clone(),
                    api_key_stored: api.unwrap_or(false),
                    server_password_stored: password.unwrap_or(false),
                    keyring_problem: problem,
                }
            })
            .collect();
        Ok(TenantsView {
            profiles,
            active: settings.in_view(),
            demo_tenants: settings.demo.tenants.max(1),
            defaults: ProductDefaults::all(),
            network: settings.network.clone(),
        })
    }

    /// Adds or changes a profile: checked field by field, its secrets to the keyring first (so
    /// a keyring that cannot be used saves nothing), then the settings file, audited.
    pub async fn save_profile(&self, input: ProfileInput) -> Result<TenantsView> {
        let mut updated = self.settings_now();
        let profile = input.checked(&updated.tenants)?;
        let id = profile.id.clone();
        let changes = [
            (SecretKind::ApiKey, input.api_key.clone()),
            (SecretKind::ServerPassword, input.server_password.clone()),
        ];
        let secret_id = id.clone();
        with_secrets(&self.secrets, move |keyring| {
            for (kind, change) in changes {
                match change {
                    SecretChange::Keep => {}
                    SecretChange::Replace { value } => {
                        keyring.store(&secret_id, kind, &Secret::new(value.trim()))?
                    }
                    SecretChange::Remove => keyring.forget(&secret_id, kind)?,
                }
            }
            Ok(())
        })
        .await?;
        let name = profile.name.clone();
        match updated.tenants.iter_mut().find(|known| known.id == id) {
            Some(known) => *known = profile,
            None => updated.tenants.push(profile),
        }
        if updated.in_view().is_none() {
            updated.active = Some(TenantRef::Profile { id: id.clone() });
        }
        let in_view = updated.in_view() == Some(TenantRef::Profile { id: id.clone() });
        self.save_settings(updated, "tenant-profile", format!("{id} {name}"))
            .await?;
        if in_view {
            self.forget_connection();
        }
        self.tenants().await
    }

    /// Removes a profile and its secrets; when it was in view, the next profile is (or, with
    /// none left, the first-run screen).
    pub async fn remove_profile(&self, id: String) -> Result<TenantsView> {
        let mut updated = self.settings_now();
        let name = updated.profile(&id)?.name.clone();
        let was_in_view = updated.in_view() == Some(TenantRef::Profile { id: id.clone() });
        if was_in_view {
            self.refuse_during_manual_sync()?;
        }
        let secret_id = id.clone();
        with_secrets(&self.secrets, move |keyring| {
            keyring.forget(&secret_id, SecretKind::ApiKey)?;
            keyring.forget(&secret_id, SecretKind::ServerPassword)
        })
        .await?;
        updated.tenants.retain(|profile| profile.id != id);
        if was_in_view {
            updated.active = None;
        }
        self.save_settings(updated, "tenant-profile-removed", format!("{id} {name}"))
            .await?;
        if was_in_view {
            self.forget_connection();
        }
        self.tenants().await
    }

    /// Puts another tenant in view; refused while a manual sync of this one is under way.
    pub async fn switch_tenant(&self, tenant: TenantRef) -> Result<TenantsView> {
        let mut updated = self.settings_now();
        updated.knows(&tenant)?;
        if updated.in_view().as_ref() != Some(&tenant) {
            self.refuse_during_manual_sync()?;
            updated.active = Some(tenant.clone());
            self.save_settings(updated, "tenant-in-view", tenant.key())
                .await?;
            self.forget_connection();
        }
        self.tenants().await
    }

    /// The network settings, checked: an extra CA file must hold certificates, a proxy must be
    /// an address.
    pub async fn set_network(&self, network: NetworkSettings) -> Result<TenantsView> {
        let network = NetworkSettings {
            extra_ca_file: trimmed(network.extra_ca_file, "extra-ca-file")?,
            proxy: trimmed(network.proxy, "proxy")?,
        };
        crate::tenant_client::extra_ca_certificates(&network)?;
        if let Some(proxy) = &network.proxy {
            let invalid = || Error::Invalid {
                field: "proxy",
                rule: "url",
                limit: 0,
            };
            let address = url::Url::parse(proxy).map_err(|_| invalid())?;
            synkvakt_core::addresses::refuse_credentials("proxy", &address)?;
            reqwest::Proxy::all(proxy).map_err(|_| invalid())?;
        }
        let mut updated = self.settings_now();
        let value = format!(
            "extra CA {}, proxy {}",
            network.extra_ca_file.as_deref().unwrap_or("none"),
            network.proxy.as_deref().unwrap_or("system")
        );
        updated.network = network;
        self.save_settings(updated, "network", value).await?;
        self.forget_connection();
        self.tenants().await
    }

    /// The tenant in view does not change under a manual sync: it would be left half done.
    fn refuse_during_manual_sync(&self) -> Result<()> {
        match self.manual_sync_under_way() {
            true => Err(Error::Refused {
                reason: self.localizer().text("refused-manual-sync-under-way"),
            }),
            false => Ok(()),
        }
    }

    /// Tests a profile as the form has it, before or after saving: reachability, TLS,
    /// authentication, product, and each task, each said on its own.
    pub async fn test_connection(&self, input: ProfileInput) -> Result<ConnectionReport> {
        let settings = self.settings_now();
        let draft = match &input.id {
            Some(_) => input.clone(),
            None => ProfileInput {
                id: None,
                ..input.clone()
            },
        };
        let profile = draft.checked(&settings.tenants)?;
        let stored = |kind| {
            let id = input.id.clone();
            async move {
                match id {
                    Some(id) => read_secret(&self.secrets, &id, kind).await,
                    None => Ok(None),
                }
            }
        };
        let api_key = match &input.api_key {
            SecretChange::Replace { value } => Some(Secret::new(value.trim())),
            SecretChange::Remove => None,
            SecretChange::Keep => stored(SecretKind::ApiKey).await?,
        };
        let password = match &input.server_password {
            SecretChange::Replace { value } => Some(Secret::new(value.trim())),
            SecretChange::Remove => None,
            SecretChange::Keep => stored(SecretKind::ServerPassword).await?,
        };
        let localizer = self.localizer();
        let mut checks = Vec::new();
        let check =
            |subject, outcome, key: &str, args: &[(&str, synkvakt_core::i18n::Arg)], problem| {
                ConnectionCheck {
                    subject,
                    outcome,
                    text: localizer.format(key, args),
                    problem,
                }
            };
        let Some(api_key) = api_key else {
            let problem = Error::NoApiKey {
                tenant: profile.name.clone(),
            };
            checks.push(check(
                CheckSubject::Authentication,
                CheckOutcome::Failed,
                "check-no-key",
                &[],
                Some(problem.to_user(&localizer)),
            ));
            return Ok(ConnectionReport {
                checks,
                tenant_name: None,
            });
        };
        let secure = profile.service_url.starts_with("https:");
        let answer = match TenantClient::with_network(
            &profile.service_url,
            api_key.expose(),
            &settings.network,
        ) {
            Ok(client) => client.tenant_info().await,
            Err(err) => Err(err),
        };
        use CheckOutcome::{Failed, NotChecked, Passed};
        let failed = |err: &Error| Some(err.to_user(&localizer));
        let (reach, tls, auth, product, tenant_name) = match &answer {
            Ok(info) => (
                (Passed, "check-reachable-ok", None),
                (
                    Passed,
                    if secure {
                        "check-tls-ok"
                    } else {
                        "check-tls-loopback"
                    },
                    None,
                ),
                (Passed, "check-auth-ok", None),
                if info.product == profile.product {
                    (Passed, "check-product-ok", None)
                } else {
                    (Failed, "check-product-other", None)
                },
                Some(info.name.clone()),
            ),
            Err(
                err @ (Error::Unreachable { .. }
                | Error::Timeout { .. }
                | Error::ProxyAuth { .. }
                | Error::InvalidUrl { .. }
                | Error::ExtraCa { .. }),
            ) => (
                (Failed, "check-reachable-failed", failed(err)),
                (NotChecked, "check-not-checked", None),
                (NotChecked, "check-not-checked", None),
                (NotChecked, "check-not-checked", None),
                None,
            ),
            Err(err @ Error::Tls { .. }) => (
                (Passed, "check-reachable-ok", None),
                (Failed, "check-tls-failed", failed(err)),
                (NotChecked, "check-not-checked", None),
                (NotChecked, "check-not-checked", None),
                None,
            ),
            Err(err @ Error::Unauthorized { .. }) => (
                (Passed, "check-reachable-ok", None),
                (
                    Passed,
                    if secure {
                        "check-tls-ok"
                    } else {
                        "check-tls-loopback"
                    },
                    None,
                ),
                (Failed, "check-auth-failed", failed(err)),
                (NotChecked, "check-not-checked", None),
                None,
            ),
            Err(err) => (
                (Passed, "check-reachable-ok", None),
                (
                    Passed,
                    if secure {
                        "check-tls-ok"
                    } else {
                        "check-tls-loopback"
                    },
                    None,
                ),
                (NotChecked, "check-not-checked", None),
                (Failed, "check-product-not-api", failed(err)),
                None,
            ),
        };
        let product_args = [
            ("expected", profile.product.as_str().into()),
            (
                "found",
                answer
                    .as_ref()
                    .map(|info| info.product.as_str())
                    .unwrap_or_default()
                    .into(),
            ),
        ];
        for (subject, (outcome, key, problem)) in [
            (CheckSubject::Reachable, reach),
            (CheckSubject::Tls, tls),
            (CheckSubject::Authentication, auth),
            (CheckSubject::Product, product),
        ] {
            checks.push(check(subject, outcome, key, &product_args, problem));
        }

        let scheduler = self.schedulers.signed_in_as(
            profile.server_account.as_deref(),
            password.map(|secret| secret.expose().to_string()),
        )?;
        for task in &profile.client.tasks {
            let status = reach::task_status(scheduler.clone(), task).await?;
            let subject = CheckSubject::Task {
                name: task.name.clone(),
                server: task.server.clone(),
            };
            let args = [("task", task.name.as_str().into())];
            checks.push(match status {
                Ok(_) => check(subject, Passed, "check-task-found", &args, None),
                Err(err @ synkvakt_taskschd::Error::NotSupported { .. }) => check(
                    subject,
                    NotChecked,
                    "check-task-not-here",
                    &args,
                    Some(Error::from(err).to_user(&localizer)),
                ),
                Err(err) => check(
                    subject,
                    Failed,
                    "check-task-failed",
                    &args,
                    Some(Error::from(err).to_user(&localizer)),
                ),
            });
        }
        Ok(ConnectionReport {
            checks,
            tenant_name,
        })
    }

    /// Every tenant followed, each with its state, last completed cycle and alerts.
    pub async fn overview(&self) -> Result<OverviewView> {
        let settings = self.settings();
        let mut wanted = settings.watched_tenants();
        if let Some(active) = &settings.in_view() {
            if !wanted.contains(active) {
                wanted.insert(0, active.clone());
            }
        }
        let demo = match wanted.iter().any(TenantRef::is_demo) {
            true => Some(self.demo.ensure(settings.demo).await),
            false => None,
        };
        let localizer = self.localizer();
        let glances = futures_util::stream::iter(wanted)
            .map(|tenant| {
                let settings = &settings;
                let demo = &demo;
                let localizer = &localizer;
                async move {
                    let reached = match &tenant {
                        TenantRef::Demo { number } => match demo {
                            Some(Ok(demo)) => reach::reach_demo(settings, *number, demo),
                            Some(Err(err)) => Err(Error::DemoTenant {
                                detail: err.to_string(),
                            }),
                            None => Err(Error::NoTenant),
                        },
                        TenantRef::Profile { id } => {
                            reach::reach_profile(
                                settings,
                                id,
                                &self.secrets,
                                self.schedulers.as_ref(),
                            )
                            .await
                        }
                    };
                    let name = self.tenant_label(settings, &tenant);
                    let active = settings.in_view().as_ref() == Some(&tenant);
                    match reached {
                        Ok(reached) => self.glance(reached, name, active, localizer).await,
                        Err(err) => unreachable_glance(tenant, name, active, &err, localizer),
                    }
                }
            })
            .buffered(OVERVIEW_AT_ONCE)
            .collect()
            .await;
        Ok(OverviewView {
            tenants: glances,
            checked_at: Utc::now(),
        })
    }

    fn tenant_label(&self, settings: &Settings, tenant: &TenantRef) -> String {
        match tenant {
            TenantRef::Profile { id } => settings
                .profile(id)
                .map(|profile| profile.name.clone())
                .unwrap_or_else(|_| id.clone()),
            TenantRef::Demo { number } => self.localizer().format(
                "notify-tenant-number",
                &[("number", i64::from(*number).into())],
            ),
        }
    }

    async fn glance(
        &self,
        reached: reach::Reached,
        name: String,
        active: bool,
        localizer: &synkvakt_core::i18n::Localizer,
    ) -> TenantGlance {
        let client = &reached.client;
        let read = async {
            let tenant = client.tenant_info().await?;
            let cycle = client.current_cycle().await?;
            let history = client.cycle_history(HISTORY_LENGTH).await?.cycles;
            Ok::<_, Error>((tenant, cycle, history))
        };
        let (info, cycle, history) = match read.await {
            Ok(read) => read,
            Err(err) => return unreachable_glance(reached.tenant, name, active, &err, localizer),
        };
        let now = client.tenant_now();
        let judging = Judging {
            tenant: &info,
            history: &history,
            limits: reached.limits,
            machines: &reached.machines,
            this_machine: &self.this_machine,
        };
        let view = judging.view(&cycle, localizer, now);
        let last_completed_at = status::last_completed_at(&history, &cycle);
        let stale = status::is_stale(&history, last_completed_at, reached.limits.stale_hours, now);
        let mut alerts: Vec<String> = view
            .steps
            .iter()
            .filter_map(|step| {
                let key = match step.state {
                    DisplayState::Failed => "overview-alert-failed",
                    DisplayState::Stopped => "overview-alert-stopped",
                    _ if step.overdue => "overview-alert-overdue",
                    _ => return None,
                };
                Some(localizer.format(key, &[("step", step.name.as_str().into())]))
            })
            .collect();
        if stale {
            alerts.push(localizer.format(
                "overview-alert-stale",
                &[("hours", i64::from(reached.limits.stale_hours).into())],
            ));
        }
        TenantGlance {
            tenant: reached.tenant,
            name: info.name,
            product: Some(info.product),
            state: Some(view.state),
            headline: view.headline,
            last_completed_at,
            alerts,
            problem: None,
            active,
        }
    }
}

fn unreachable_glance(
    tenant: TenantRef,
    name: String,
    active: bool,
    err: &Error,
    localizer: &synkvakt_core::i18n::Localizer,
) -> TenantGlance {
    let problem = err.to_user(localizer);
    TenantGlance {
        tenant,
        name,
        product: None,
        state: None,
        headline: problem.message.clone(),
        last_completed_at: None,
        alerts: Vec::new(),
        problem: Some(problem),
        active,
    }
}

fn trimmed(value: Option<String>, field: &'static str) -> Result<Option<String>> {
    let Some(value) = value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
    else {
        return Ok(None);
    };
    if value.chars().count() > synkvakt_core::profiles::MAX_URL_CHARS {
        return Err(Error::Invalid {
            field,
            rule: "too-long",
            limit: synkvakt_core::profiles::MAX_URL_CHARS as i64,
        });
    }
    if value.chars().any(char::is_control) {
        return Err(Error::Invalid {
            field,
            rule: "control-characters",
            limit: 0,
        });
    }
    Ok(Some(value))
}

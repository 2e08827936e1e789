//! The session's tenants: the profiles the settings page edits, switching the tenant in view
//! and the network settings. "Test connection" is `connection_check`, the overview of every
//! tenant followed is `overview`.

use super::Session;
use crate::ports::{read_secret, with_secrets, Secret, SecretKind};
use serde::Serialize;
use specta::Type;
use synkvakt_core::actions::Action;
use synkvakt_core::error::{Error, Result};
use synkvakt_core::launch::{OpenAt, OpenRequest};
use synkvakt_core::profiles::{
    ProductDefaults, ProfileInput, ProfileView, SecretChange, StoredSecrets, TenantRef,
};
use synkvakt_core::settings::{NetworkSettings, Settings};

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
        if let Some(saved) = input.id.as_ref().and_then(|id| updated.profile(id).ok()) {
            let stored = |kind| read_secret(&self.secrets, &saved.id, kind);
            let stored = StoredSecrets {
                api_key: stored(SecretKind::ApiKey).await?.is_some(),
                server_password: stored(SecretKind::ServerPassword).await?.is_some(),
            };
            input.kept_secrets_stay(&profile, Some(saved), stored)?;
        }
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
    /// Carries out a request to open the window: puts the tenant it names in view first, so
    /// that a notification's step is its own tenant's. A tenant that is gone, or a manual sync
    /// that holds the view, opens the status view of the tenant in view and says why.
    pub async fn open_request(&self, request: OpenRequest) -> Opening {
        let Some(tenant) = request.tenant else {
            return Opening {
                at: request.at,
                tenants: None,
                problem: None,
            };
        };
        if self.settings_now().in_view().as_ref() == Some(&tenant) {
            return Opening {
                at: request.at,
                tenants: None,
                problem: None,
            };
        }
        let localizer = self.localizer();
        let switched = match self.settings_now().knows(&tenant) {
            Ok(()) => self.switch_tenant(tenant).await,
            Err(_) => Err(Error::Refused {
                reason: localizer.text("refused-open-tenant-gone"),
            }),
        };
        match switched {
            Ok(view) => Opening {
                at: request.at,
                tenants: Some(view),
                problem: None,
            },
            Err(err) => Opening {
                at: OpenAt::Status,
                tenants: None,
                problem: Some(err.to_user(&localizer)),
            },
        }
    }

    fn refuse_during_manual_sync(&self) -> Result<()> {
        match self.manual_sync_under_way() {
            true => Err(Error::Refused {
                reason: self.localizer().text("refused-manual-sync-under-way"),
            }),
            false => Ok(()),
        }
    }
}

/// Where the window opens, once the tenant the request named is in view.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Opening {
    pub at: OpenAt,
    /// The tenants after another was put in view for this request; `None` when none was.
    pub tenants: Option<TenantsView>,
    /// Why the tenant the request named is not in view.
    pub problem: Option<synkvakt_core::error::UserError>,
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

//! What the window app does, without the window: the settings it runs with, the tenant it talks
//! to (for now the embedded demo tenant), and the views and actions its commands hand out.

use crate::actions::{Action, ActionPath};
use crate::client::TenantClient;
use crate::demo::{DemoConnection, DemoLauncher, Scenario};
use crate::error::{Error, Result, UserError};
use crate::i18n::{Language, Localizer};
use crate::model::Product;
use crate::paths::AppPaths;
use crate::settings::{Settings, SettingsStore};
use crate::status::CycleView;
use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use tokio::sync::Mutex;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    /// The language in use.
    pub language: Language,
    /// The admin's choice, or `null` to follow the OS.
    pub language_choice: Option<Language>,
    /// A settings file that could not be used; the app then runs with defaults.
    pub settings_problem: Option<UserError>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TenantView {
    pub name: String,
    pub product: Product,
    /// Set for the embedded demo tenant, which every view labels as such.
    pub demo_scenario: Option<Scenario>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StatusView {
    pub tenant: TenantView,
    pub cycle: CycleView,
    pub fetched_at: DateTime<Utc>,
}

struct Connected {
    client: TenantClient,
    demo: DemoConnection,
}

pub struct Session {
    store: SettingsStore,
    settings: RwLock<Settings>,
    settings_problem: RwLock<Option<Error>>,
    localizer: RwLock<Arc<Localizer>>,
    actions: ActionPath,
    launcher: Arc<DemoLauncher>,
    connection: Mutex<Option<Connected>>,
}

impl Session {
    pub fn open(paths: &AppPaths, demo_binary: PathBuf) -> Session {
        let store = SettingsStore::new(paths.settings_file());
        let (settings, problem) = match store.load() {
            Ok(settings) => (settings, None),
            Err(err) => {
                tracing::warn!("running with default settings: {err}");
                (Settings::default(), Some(err))
            }
        };
        let localizer = Arc::new(Localizer::new(settings.effective_language()));
        Session {
            store,
            settings: RwLock::new(settings),
            settings_problem: RwLock::new(problem),
            localizer: RwLock::new(localizer),
            actions: ActionPath::new(paths.audit_file()),
            launcher: Arc::new(DemoLauncher::new(
                demo_binary,
                paths.runtime_dir.clone(),
                paths.log_dir.clone(),
            )),
            connection: Mutex::new(None),
        }
    }

    pub fn localizer(&self) -> Arc<Localizer> {
        self.localizer
            .read()
            .map(|l| l.clone())
            .unwrap_or_else(|p| p.into_inner().clone())
    }

    fn settings(&self) -> Settings {
        self.settings
            .read()
            .map(|s| s.clone())
            .unwrap_or_else(|p| p.into_inner().clone())
    }

    pub fn user_error(&self, err: &Error) -> UserError {
        err.to_user(&self.localizer())
    }

    pub fn app_info(&self) -> AppInfo {
        let localizer = self.localizer();
        let settings_problem = self
            .settings_problem
            .read()
            .ok()
            .and_then(|problem| problem.as_ref().map(|err| err.to_user(&localizer)));
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            language: localizer.language(),
            language_choice: self.settings().language,
            settings_problem,
        }
    }

    /// The tenant and its current cycle, starting the demo tenant on first use (or again, when it
    /// went away).
    pub async fn status(&self) -> Result<StatusView> {
        let mut connection = self.connection.lock().await;
        if connection.is_none() {
            *connection = Some(self.connect_demo().await?);
        }
        let Some(connected) = connection.as_ref() else {
            return Err(Error::DemoTenant {
                detail: "no connection".into(),
            });
        };
        let fetched = async {
            Ok::<_, Error>((
                connected.client.tenant_info().await?,
                connected.client.current_cycle().await?,
            ))
        };
        let (tenant, cycle) = match fetched.await {
            Ok(answer) => answer,
            Err(err) => {
                // The demo tenant may have stopped (its machine slept, someone killed it): the next
                // call starts it again rather than failing for ever.
                *connection = None;
                return Err(err);
            }
        };
        let localizer = self.localizer();
        Ok(StatusView {
            cycle: CycleView::build(&cycle, &tenant, &localizer),
            tenant: TenantView {
                name: tenant.name,
                product: tenant.product,
                demo_scenario: Some(connected.demo.scenario),
            },
            fetched_at: Utc::now(),
        })
    }

    async fn connect_demo(&self) -> Result<Connected> {
        let demo = self.launcher.ensure(self.settings().demo).await?;
        let client = TenantClient::new(&demo.base_url, &demo.api_key)?;
        Ok(Connected { client, demo })
    }

    /// Keeps the demo tenant alive for as long as the returned future is polled.
    pub fn keep_demo_alive(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        self.launcher.clone().keep_alive()
    }

    /// Switches the language, or back to following the OS with `None`; saved and audited.
    pub async fn set_language(&self, choice: Option<Language>) -> Result<AppInfo> {
        let value = choice.map(Language::tag).unwrap_or("os").to_string();
        let action = Action::ChangeSettings {
            setting: "language".into(),
            value,
        };
        let mut updated = self.settings();
        updated.language = choice;
        // The language is app-wide: the audit line names no tenant.
        self.actions
            .perform("", action, async { Ok(()) }, || async {
                self.store.save(&updated)?;
                Ok(())
            })
            .await?;
        let localizer = Arc::new(Localizer::new(updated.effective_language()));
        if let Ok(mut current) = self.localizer.write() {
            *current = localizer;
        }
        if let Ok(mut settings) = self.settings.write() {
            *settings = updated;
        }
        if let Ok(mut problem) = self.settings_problem.write() {
            *problem = None;
        }
        Ok(self.app_info())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::Outcome;

    #[tokio::test]
    async fn a_language_switch_is_saved_and_audited() {
        let dir = tempfile::tempdir().unwrap();
        let paths = AppPaths::under(dir.path().to_path_buf());
        let session = Session::open(&paths, dir.path().join("no-demo"));
        let info = session.set_language(Some(Language::Nn)).await.unwrap();
        assert_eq!(
            (info.language, info.language_choice),
            (Language::Nn, Some(Language::Nn))
        );
        assert_eq!(
            SettingsStore::new(paths.settings_file())
                .load()
                .unwrap()
                .language,
            Some(Language::Nn)
        );
        let audit = ActionPath::new(paths.audit_file()).recent(5).unwrap();
        assert_eq!(audit.len(), 1);
        assert_eq!(audit[0].outcome, Outcome::Done);
        assert_eq!(
            audit[0].action,
            Action::ChangeSettings {
                setting: "language".into(),
                value: "nn".into()
            }
        );
    }

    #[tokio::test]
    async fn a_broken_settings_file_is_reported_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let paths = AppPaths::under(dir.path().to_path_buf());
        std::fs::create_dir_all(&paths.config_dir).unwrap();
        std::fs::write(paths.settings_file(), "{ broken").unwrap();
        let session = Session::open(&paths, dir.path().join("no-demo"));
        let problem = session
            .app_info()
            .settings_problem
            .expect("the problem is reported");
        assert_eq!(problem.kind, "settings-broken");
        assert_eq!(
            std::fs::read_to_string(paths.settings_file()).unwrap(),
            "{ broken"
        );
    }

    #[tokio::test]
    async fn a_demo_tenant_that_cannot_start_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let paths = AppPaths::under(dir.path().to_path_buf());
        let session = Session::open(&paths, dir.path().join("no-demo"));
        let err = session.status().await.unwrap_err();
        let user = session.user_error(&err);
        assert_eq!(user.kind, "demo-tenant");
        assert!(user.detail.contains("no-demo"), "{}", user.detail);
    }
}

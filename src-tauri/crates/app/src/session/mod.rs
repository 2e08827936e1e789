//! What the window app does, without the window: the settings it runs with, the tenant it talks
//! to (a profile, or the embedded demo tenant), and the views and actions its commands hand out,
//! one file per feature. The session is built from ports (`crate::ports`), so that its tests
//! pass fakes; the connection to the tenant in view is never locked across a network call, and
//! every answer is checked to be of the tenant still in view before it is handed out.

use crate::demo_connection::DemoConnection;
use crate::os::audit_file::{os_user, AuditFile};
use crate::os::demo_launcher::DemoLauncher;
use crate::os::keyring::Keyring;
use crate::os::paths::AppPaths;
use crate::os::pending_reexports::PendingReexports;
use crate::os::settings_file::SettingsStore;
use crate::ports::{DemoTenants, Schedulers, SecretStore, SettingsStorage};
use crate::reach::{self, OsSchedulers, Reached};
use crate::session::manual_sync::ManualSyncRun;
use crate::session::nudge::NudgeWatch;
use crate::session::reexport::ReexportDialog;
use crate::tenant_client::TenantClient;
use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use synkvakt_api::demo_protocol::Scenario;
use synkvakt_api::model::{Cycle, Product, TenantInfo};
use synkvakt_api::personal::Disclosure;
use synkvakt_core::actions::{ActionPath, AuditSink};
use synkvakt_core::audit_view::{audit_view, AuditQuery, AuditView};
use synkvakt_core::error::{Error, Result, UserError};
use synkvakt_core::i18n::{Language, Localizer};
use synkvakt_core::machines::{ClientMachines, ScheduledTask};
use synkvakt_core::manual_sync::TaskRunner;
use synkvakt_core::profiles::TenantRef;
use synkvakt_core::settings::Settings;
use synkvakt_core::status::Judging;
use synkvakt_core::usual::WatchLimits;
use tokio::sync::OnceCell;

mod connection_check;
pub mod manual_sync;
pub mod nudge;
mod overview;
pub mod reexport;
pub mod sent_reexports;
pub mod status;
mod support;
mod tenants;

pub use connection_check::{CheckOutcome, CheckSubject, ConnectionCheck, ConnectionReport};
pub use nudge::NudgeView;
pub use overview::{OverviewView, TenantGlance};
pub use status::{HistoryView, ImportLogEntryView, ImportLogView, StatusView};
pub use tenants::{Opening, TenantsView};

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
    pub support_mode: bool,
    /// How long to wait before each retry while the tenant cannot be reached, growing with the failures in a row; the watcher uses the same steps.
    pub retry_backoff_ms: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TenantView {
    /// Which tenant this is, to switch back to it.
    pub reference: TenantRef,
    pub name: String,
    pub product: Product,
    /// Set for the embedded demo tenant, which every view labels as such.
    pub demo_scenario: Option<Scenario>,
}

/// How much of the audit log the audit view reads: far more than a year of an admin's actions.
const AUDIT_READ: usize = 20_000;

/// How many recent cycles to learn the usual times from and to show as history.
const HISTORY_LENGTH: u32 = 20;
/// How many full cycles to learn the usual gap between cycle starts from: the most the
/// service gives, weeks of them.
const FULL_HISTORY_LENGTH: u32 = 100;
/// How often the full-cycle history is read again while the current cycle stays the same.
const FULL_HISTORY_REFRESH: chrono::Duration = chrono::Duration::minutes(15);

/// What the session is built from: each port an adapter of the OS in the app, a fake in tests.
pub struct SessionPorts {
    pub settings: Arc<dyn SettingsStorage>,
    pub secrets: Arc<dyn SecretStore>,
    pub audit: Arc<dyn AuditSink>,
    pub demo: Arc<dyn DemoTenants>,
    pub schedulers: Arc<dyn Schedulers>,
    /// Who acts, as the audit trail names them.
    pub os_user: String,
    /// This computer's name, to tell whether the client server is this machine.
    pub this_machine: String,
    /// Where the mark of a manual sync is left for the watcher.
    pub runtime_dir: PathBuf,
    /// The app's own log folder, for the diagnostics bundle.
    pub log_dir: PathBuf,
    /// Where what must outlive the process is kept: the re-exports sent and not answered.
    pub data_dir: PathBuf,
}

/// The tenant in view, reached: what the commands that ask it share.
struct Connection {
    /// The generation of the tenant in view it was made for.
    generation: u64,
    reached: Reached,
    /// The tenant's name as it gave it when reached.
    tenant_name: String,
    /// Which tenant it is, as the settings name it.
    tenant: TenantRef,
    /// The client's tasks for this tenant, as configured.
    tasks: Vec<ScheduledTask>,
    runner: Arc<TaskRunner<TenantClient>>,
}

/// Which connection is current. The generation rises whenever the tenant in view (or what
/// reaching it means) changes; the cell is filled by the first command that needs it, and
/// emptied again when the tenant stopped answering, so that the next command reaches it anew.
struct ConnectionSlot {
    generation: u64,
    cell: Arc<OnceCell<Arc<Connection>>>,
}

/// What the tenant last said, kept to show while it cannot be reached.
struct Fetched {
    /// The generation of the connection it came over.
    generation: u64,
    /// Which tenant this is, and how it is judged.
    tenant_ref: TenantRef,
    machines: ClientMachines,
    limits: WatchLimits,
    tenant: TenantInfo,
    cycle: Cycle,
    history: Vec<Cycle>,
    /// Full cycles over weeks, which teach the usual gap between cycle starts, and when they
    /// were read.
    full_history: Vec<Cycle>,
    full_history_at: DateTime<Utc>,
    demo_scenario: Option<Scenario>,
    fetched_at: DateTime<Utc>,
    /// How far the tenant's clock was ahead of this computer's.
    clock_offset: chrono::Duration,
}

impl Fetched {
    /// Now by the tenant's clock, which the cycle's times are in.
    fn tenant_now(&self) -> DateTime<Utc> {
        Utc::now() + self.clock_offset
    }

    fn judging<'a>(&'a self, this_machine: &'a str) -> Judging<'a> {
        Judging {
            tenant: &self.tenant,
            history: &self.history,
            full_history: &self.full_history,
            limits: self.limits,
            machines: &self.machines,
            this_machine,
        }
    }
}

/// Takes a std mutex that is never held across an await; a panic that poisoned it left plain
/// data behind, which is still good to read.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

pub struct Session {
    settings_store: Arc<dyn SettingsStorage>,
    secrets: Arc<dyn SecretStore>,
    demo: Arc<dyn DemoTenants>,
    schedulers: Arc<dyn Schedulers>,
    settings: RwLock<Settings>,
    settings_problem: RwLock<Option<Error>>,
    localizer: RwLock<Arc<Localizer>>,
    actions: Arc<ActionPath>,
    manual_sync: Mutex<Option<ManualSyncRun>>,
    /// The open re-export dialog; replacing or dropping it stops its download.
    reexport: Mutex<Option<Arc<ReexportDialog>>>,
    nudged: Mutex<Option<NudgeWatch>>,
    connection: Mutex<ConnectionSlot>,
    last: Mutex<Option<Fetched>>,
    this_machine: String,
    /// The people of the newest import, to mask where free text names them.
    known_names: Mutex<Option<Vec<String>>>,
    /// The diagnostics bundle last shown, kept in memory only until it is saved.
    diagnostics: Mutex<Option<crate::os::diagnostics_zip::DiagnosticsView>>,
    runtime_dir: PathBuf,
    log_dir: PathBuf,
    pending_reexports: Arc<PendingReexports>,
    /// The keys of the re-exports sent from this process whose answer is awaited now.
    sending: Mutex<std::collections::HashSet<String>>,
}

impl Session {
    /// The session of the window app on this computer: the settings file, the OS keyring, the
    /// audit file, the demo tenant's program and the OS's Task Scheduler.
    pub fn open(paths: &AppPaths, demo_binary: PathBuf) -> Session {
        let launcher = Arc::new(DemoLauncher::new(
            demo_binary,
            paths.runtime_dir.clone(),
            paths.log_dir.clone(),
        ));
        Session::from_ports(SessionPorts {
            settings: Arc::new(SettingsStore::for_app(paths)),
            secrets: Arc::new(Keyring),
            audit: Arc::new(AuditFile::new(paths.audit_file())),
            demo: Arc::new(launcher),
            schedulers: Arc::new(OsSchedulers),
            os_user: os_user(),
            this_machine: this_machine_name(),
            runtime_dir: paths.runtime_dir.clone(),
            log_dir: paths.log_dir.clone(),
            data_dir: paths.data_dir.clone(),
        })
    }

    pub fn from_ports(ports: SessionPorts) -> Session {
        let (settings, problem) = match ports.settings.load() {
            Ok(settings) => (settings, None),
            Err(err) => {
                tracing::warn!("running with default settings: {err}");
                (Settings::default(), Some(err))
            }
        };
        let localizer = Arc::new(Localizer::new(settings.effective_language()));
        Session {
            settings_store: ports.settings,
            secrets: ports.secrets,
            demo: ports.demo,
            schedulers: ports.schedulers,
            settings: RwLock::new(settings),
            settings_problem: RwLock::new(problem),
            localizer: RwLock::new(localizer),
            actions: Arc::new(ActionPath::new(ports.audit, ports.os_user)),
            manual_sync: Mutex::new(None),
            reexport: Mutex::new(None),
            nudged: Mutex::new(None),
            connection: Mutex::new(ConnectionSlot {
                generation: 0,
                cell: Arc::new(OnceCell::new()),
            }),
            last: Mutex::new(None),
            this_machine: ports.this_machine,
            known_names: Mutex::new(None),
            diagnostics: Mutex::new(None),
            runtime_dir: ports.runtime_dir,
            log_dir: ports.log_dir,
            pending_reexports: Arc::new(PendingReexports::in_data_dir(&ports.data_dir)),
            sending: Mutex::default(),
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
            support_mode: self.disclosure() == Disclosure::Masked,
            retry_backoff_ms: synkvakt_core::status::RETRY_BACKOFF_SECONDS
                .iter()
                .map(|seconds| seconds * 1000)
                .collect(),
        }
    }

    /// The connection to the tenant in view, reached on first use. No lock is held while it is
    /// reached: commands that need no tenant never wait for one that is slow to answer.
    async fn connection(&self) -> Result<Arc<Connection>> {
        let (generation, cell) = {
            let slot = lock(&self.connection);
            (slot.generation, slot.cell.clone())
        };
        let connection = cell
            .get_or_try_init(|| async { self.connect(generation).await.map(Arc::new) })
            .await?;
        Ok(connection.clone())
    }

    /// Whether `generation` is still that of the tenant in view.
    fn is_current(&self, generation: u64) -> bool {
        lock(&self.connection).generation == generation
    }

    /// `answer`, asked over `connection`, if its tenant is still the one in view: an answer that
    /// arrives after a switch is dropped, never shown under the new tenant's name.
    fn for_tenant_in_view<T>(&self, connection: &Connection, answer: Result<T>) -> Result<T> {
        match self.is_current(connection.generation) {
            true => answer,
            false => Err(Error::TenantSwitched),
        }
    }

    /// The tenant stopped answering over `connection`: the next command reaches it anew (the
    /// demo tenant may have stopped, and is started again rather than failing for ever).
    fn reconnect_after(&self, connection: &Connection) {
        let mut slot = lock(&self.connection);
        let same = slot.generation == connection.generation
            && slot
                .cell
                .get()
                .is_some_and(|current| std::ptr::eq(current.as_ref(), connection));
        if same {
            slot.cell = Arc::new(OnceCell::new());
        }
    }

    /// The tenant in view changed, or what reaching it means: nothing of the old one is kept.
    fn forget_connection(&self) {
        {
            let mut slot = lock(&self.connection);
            slot.generation += 1;
            slot.cell = Arc::new(OnceCell::new());
        }
        *lock(&self.last) = None;
        *lock(&self.nudged) = None;
        *lock(&self.reexport) = None;
        *lock(&self.known_names) = None;
        *lock(&self.diagnostics) = None;
    }

    async fn client(&self) -> Result<TenantClient> {
        Ok(self.connection().await?.reached.client.clone())
    }

    /// Personal data is masked while support mode is on, as the settings file says now: the
    /// tray's menu may have turned it on since this window last looked. It reads the file:
    /// ask once per answer, not once per row.
    fn disclosure(&self) -> Disclosure {
        let on = self
            .settings_store
            .load()
            .map(|settings| settings.support_mode)
            .unwrap_or_else(|_| self.settings().support_mode);
        match on {
            true => Disclosure::Masked,
            false => Disclosure::Full,
        }
    }

    /// Reaches `tenant` as `settings` describe it: a demo tenant of the demo server (started on
    /// first use, or again when it went away), or a profile with its key from the keyring.
    async fn reach(&self, settings: &Settings, tenant: &TenantRef) -> Result<Reached> {
        match tenant {
            TenantRef::Demo { number } => {
                let demo: DemoConnection = self.demo.ensure(settings.demo).await?;
                reach::reach_demo(settings, (*number).min(demo.tenants.max(1)), &demo)
            }
            TenantRef::Profile { id } => {
                reach::reach_profile(settings, id, &self.secrets, self.schedulers.as_ref()).await
            }
        }
    }

    /// Reaches the tenant in view, for the connection of `generation`.
    async fn connect(&self, generation: u64) -> Result<Connection> {
        let settings = self.settings();
        let tenant = settings.in_view().ok_or(Error::NoTenant)?;
        let reached = self.reach(&settings, &tenant).await?;
        let tasks = reached.tasks();
        let tenant_name = reached.client.tenant_info().await?.name;
        let runner = Arc::new(TaskRunner::new(
            Arc::new(reached.client.clone()),
            reached.scheduler.clone(),
            self.actions.clone(),
            tenant_name.clone(),
        ));
        Ok(Connection {
            generation,
            reached,
            tenant_name,
            tenant,
            tasks,
            runner,
        })
    }

    /// The configured task named `name` of the tenant in view.
    fn task_named(connection: &Connection, name: &str) -> Result<ScheduledTask> {
        connection
            .tasks
            .iter()
            .find(|task| task.name == name)
            .cloned()
            .ok_or_else(|| Error::Task {
                kind: "task-not-found",
                detail: format!("“{name}” is not among this tenant's configured tasks"),
            })
    }

    /// The configured task of that name on that server: with one domain controller per domain,
    /// the same name is on several.
    fn task_named_on(
        connection: &Connection,
        name: &str,
        server: Option<&str>,
    ) -> Result<ScheduledTask> {
        connection
            .tasks
            .iter()
            .find(|task| task.name == name && task.server.as_deref() == server)
            .cloned()
            .ok_or_else(|| Error::Task {
                kind: "task-not-found",
                detail: format!(
                    "“{name}” on {} is not among this tenant's configured tasks",
                    server.unwrap_or("this computer")
                ),
            })
    }

    /// A page of the audit log, newest first, as the query filters it.
    pub fn audit_log(&self, query: AuditQuery) -> Result<AuditView> {
        synkvakt_core::profiles::checked_search("search", &query.search)?;
        let entries = self.actions.recent(AUDIT_READ)?;
        Ok(audit_view(
            &entries,
            &query,
            &self.localizer(),
            self.disclosure(),
        ))
    }

    /// Keeps the demo tenant alive for as long as the returned future is polled.
    pub fn keep_demo_alive(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        self.demo.keep_alive()
    }

    /// Switches the language, or back to following the OS with `None`; saved and audited.
    pub async fn set_language(&self, choice: Option<Language>) -> Result<AppInfo> {
        let value = choice.map(Language::tag).unwrap_or("os").to_string();
        let mut updated = self.settings_now();
        updated.language = choice;
        let localizer = Arc::new(Localizer::new(updated.effective_language()));
        self.save_settings(updated, "language", value).await?;
        if let Ok(mut current) = self.localizer.write() {
            *current = localizer;
        }
        Ok(self.app_info())
    }
}

/// This computer's name, to tell whether the client server is this machine.
pub fn this_machine_name() -> String {
    std::env::var("COMPUTERNAME")
        .or_else(|_| std::env::var("HOSTNAME"))
        .ok()
        .or_else(|| {
            std::fs::read_to_string("/etc/hostname")
                .ok()
                .map(|name| name.trim().to_string())
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use synkvakt_core::actions::{Action, Outcome};

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
            SettingsStore::for_app(&paths).load().unwrap().language,
            Some(Language::Nn)
        );
        let audit = crate::os::audit_file::action_path(paths.audit_file())
            .recent(5)
            .unwrap();
        let outcomes: Vec<Outcome> = audit.iter().map(|entry| entry.outcome).collect();
        assert_eq!(outcomes, [Outcome::Started, Outcome::Done]);
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
        let first = session.status().await.unwrap_err();
        assert_eq!(
            session.user_error(&first).kind,
            "no-tenant",
            "nothing chosen yet"
        );
        session
            .switch_tenant(TenantRef::Demo { number: 1 })
            .await
            .unwrap();
        let err = session.status().await.unwrap_err();
        let user = session.user_error(&err);
        assert_eq!(user.kind, "demo-tenant");
        assert!(user.detail.contains("no-demo"), "{}", user.detail);
    }
}

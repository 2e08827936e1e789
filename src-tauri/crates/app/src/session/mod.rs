//! What the window app does, without the window: the settings it runs with, the tenant it talks
//! to (a profile, or the embedded demo tenant), and the views and actions its commands hand out.

use crate::os::demo_launcher::DemoLauncher;
use crate::os::keyring::Keyring;
use crate::os::paths::AppPaths;
use crate::os::settings_file::SettingsStore;
use crate::reach::{self, Reached};
use crate::session::manual_sync::{ManualSyncRun, ManualSyncView, MarkFor, TaskStateView};
use crate::session::reexport::ReexportDialog;
use crate::tenant_client::ImportLogQuery;
use crate::tenant_client::TenantClient;
use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use synkvakt_api::demo_protocol::Scenario;
use synkvakt_api::model::{Cycle, CycleState, ImportChange, ImportCounts, Product, TenantInfo};
use synkvakt_api::model::{ExportQueue, ReexportScope, ScopeKind};
use synkvakt_api::personal::{Disclosure, PersonalData};
use synkvakt_core::actions::{Action, ActionPath};
use synkvakt_core::audit_view::{audit_view, AuditQuery, AuditView};
use synkvakt_core::error::{Error, Result, UserError};
use synkvakt_core::guidance;
use synkvakt_core::i18n::{Language, Localizer};
use synkvakt_core::machines::{ClientMachines, ScheduledTask};
use synkvakt_core::manual_sync::TaskRunner;
use synkvakt_core::profiles::TenantRef;
use synkvakt_core::reexport::{
    ConfirmedCounts, PreviewOpened, PreviewQuery, PreviewWindow, TemplateView, UserPickView,
    UserSearchView,
};
use synkvakt_core::settings::Settings;
use synkvakt_core::status::{self, CycleView, DisplayState, ViewContext};
use synkvakt_core::usual::UsualTimes;
use synkvakt_core::usual::WatchLimits;
use synkvakt_taskschd::TaskRef;
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
    pub support_mode: bool,
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

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StatusView {
    pub tenant: TenantView,
    pub cycle: CycleView,
    /// When this was fetched; older than now when the tenant cannot be reached.
    pub fetched_at: DateTime<Utc>,
    /// Why the tenant could not be reached just now; the view then shows the last known cycle.
    pub problem: Option<UserError>,
    /// The step the admin last nudged, and whether it moved.
    pub nudge: Option<NudgeView>,
    /// When a cycle last finished well (completed or resumed), as far as the history tells.
    pub last_completed_at: Option<DateTime<Utc>>,
    /// No cycle has finished well for longer than the stale limit.
    pub stale: bool,
    pub stale_hours: u32,
    /// Support mode is on: personal data is masked, and the page shows larger type.
    pub support_mode: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct HistoryView {
    /// Newest first, the current cycle included.
    pub cycles: Vec<CycleView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportLogEntryView {
    pub kind: ImportChange,
    pub user_id: String,
    /// Personal data, disclosed as the session allows.
    pub name: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportLogView {
    pub import_id: String,
    pub counts: ImportCounts,
    pub total: u32,
    pub offset: u32,
    pub entries: Vec<ImportLogEntryView>,
}

/// Whether a nudged step moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum NudgeOutcome {
    /// The task runs, or has just finished: too soon to tell.
    Watching,
    Moved,
    /// The task is done and the step did not move: the logs come next.
    NotMoved,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NudgeView {
    pub step_key: String,
    pub step_name: String,
    pub task: ScheduledTask,
    pub started_at: DateTime<Utc>,
    pub task_state: Option<TaskStateView>,
    pub outcome: NudgeOutcome,
    /// Where to read next when the step did not move: the client's logs as this workstation
    /// reaches them, and the machine whose Event Log to read.
    pub log_folder: String,
    pub event_log_machine: String,
}

/// How much of the audit log the audit view reads: far more than a year of an admin's actions.
const AUDIT_READ: usize = 20_000;

/// The largest selection a re-export takes, as the contract allows.
const MAX_SELECTION: usize = 10_000;

/// How many recent cycles to learn the usual times from and to show as history.
const HISTORY_LENGTH: u32 = 20;
/// How long after a nudge, once its task is done, a step that has not moved counts as stuck.
const NUDGE_GRACE: chrono::Duration = chrono::Duration::seconds(60);

struct Connected {
    reached: Reached,
    /// The client's tasks for this tenant, as configured.
    tasks: Vec<ScheduledTask>,
    runner: Arc<TaskRunner<TenantClient>>,
}

/// A nudge the admin confirmed, with the step as it was before.
struct NudgeWatch {
    step_key: String,
    step_name: String,
    task: ScheduledTask,
    started_at: DateTime<Utc>,
    state_before: DisplayState,
    started_before: Option<DateTime<Utc>>,
}

/// What the tenant last said, kept to show while it cannot be reached.
struct Fetched {
    /// Which tenant this is, and how it is judged.
    tenant_ref: TenantRef,
    machines: ClientMachines,
    limits: WatchLimits,
    tenant: TenantInfo,
    cycle: Cycle,
    history: Vec<Cycle>,
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
}

pub struct Session {
    store: SettingsStore,
    settings: RwLock<Settings>,
    settings_problem: RwLock<Option<Error>>,
    localizer: RwLock<Arc<Localizer>>,
    actions: Arc<ActionPath>,
    launcher: Arc<DemoLauncher>,
    manual_sync: std::sync::Mutex<Option<ManualSyncRun>>,
    /// The open re-export dialog; replacing or dropping it stops its download.
    reexport: Mutex<Option<Arc<ReexportDialog>>>,
    nudged: std::sync::Mutex<Option<NudgeWatch>>,
    connection: Mutex<Option<Connected>>,
    last: Mutex<Option<Fetched>>,
    this_machine: String,
    keyring: Keyring,
    /// The people of the newest import, to mask where free text names them.
    known_names: Mutex<Option<Vec<String>>>,
    /// The diagnostics bundle last shown, kept in memory only until it is saved.
    diagnostics: Mutex<Option<crate::os::diagnostics_zip::DiagnosticsView>>,
    log_dir: PathBuf,
}

impl Session {
    pub fn open(paths: &AppPaths, demo_binary: PathBuf) -> Session {
        let store = SettingsStore::for_app(paths);
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
            actions: Arc::new(crate::os::audit_file::action_path(paths.audit_file())),
            manual_sync: std::sync::Mutex::new(None),
            reexport: Mutex::new(None),
            nudged: std::sync::Mutex::new(None),
            launcher: Arc::new(DemoLauncher::new(
                demo_binary,
                paths.runtime_dir.clone(),
                paths.log_dir.clone(),
            )),
            connection: Mutex::new(None),
            last: Mutex::new(None),
            this_machine: this_machine_name(),
            keyring: Keyring,
            known_names: Mutex::new(None),
            diagnostics: Mutex::new(None),
            log_dir: paths.log_dir.clone(),
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
        }
    }

    /// The tenant and its current cycle, starting the demo tenant on first use (or again, when it
    /// went away). When the tenant cannot be reached, the last known cycle with the reason.
    pub async fn status(&self) -> Result<StatusView> {
        let fetched = self.fetch().await;
        let mut last = self.last.lock().await;
        let problem = match fetched {
            Ok(fresh) => {
                *last = Some(fresh);
                None
            }
            Err(err) => Some(err),
        };
        let view = match (last.as_ref(), problem) {
            (Some(known), problem) => {
                self.status_view(known, problem.map(|err| self.user_error(&err)))
            }
            (None, Some(err)) => return Err(err),
            (None, None) => return Err(Error::NoTenant),
        };
        drop(last);
        let disclosure = self.disclosure();
        Ok(StatusView {
            nudge: self.nudge_view(&view.cycle).await,
            support_mode: disclosure == Disclosure::Masked,
            cycle: shown_cycle(view.cycle, disclosure),
            ..view
        })
    }

    /// The recent cycles, newest first, as of the last answer.
    pub async fn history(&self) -> Result<HistoryView> {
        if self.last.lock().await.is_none() {
            self.status().await?;
        }
        let last = self.last.lock().await;
        let Some(known) = last.as_ref() else {
            return Ok(HistoryView { cycles: Vec::new() });
        };
        let usual = UsualTimes::learn(&known.history, known.limits);
        let localizer = self.localizer();
        let context = self.view_context(
            &localizer,
            &usual,
            &known.machines,
            known.fetched_at + known.clock_offset,
        );
        let disclosure = self.disclosure();
        Ok(HistoryView {
            cycles: known
                .history
                .iter()
                .map(|cycle| {
                    shown_cycle(CycleView::build(cycle, &known.tenant, &context), disclosure)
                })
                .collect(),
        })
    }

    /// A page of the newest import's log, names disclosed as the session allows.
    pub async fn import_log(
        &self,
        kind: Option<ImportChange>,
        search: String,
        offset: u32,
        limit: u32,
    ) -> Result<ImportLogView> {
        synkvakt_core::profiles::checked_search("search", &search)?;
        let client = self.client().await?;
        let log = client
            .import_log(&ImportLogQuery {
                kind,
                search,
                offset,
                limit: limit.clamp(1, 500),
            })
            .await?;
        let disclosure = self.disclosure();
        Ok(ImportLogView {
            import_id: log.import_id,
            counts: log.counts,
            total: log.total,
            offset: log.offset,
            entries: log
                .entries
                .into_iter()
                .map(|entry| ImportLogEntryView {
                    kind: entry.kind,
                    user_id: entry.user_id,
                    detail: match disclosure {
                        Disclosure::Full => entry.detail,
                        // The entry's own person may be named in its detail too.
                        Disclosure::Masked => synkvakt_core::masking::mask_known_names(
                            &synkvakt_core::masking::mask_text(&entry.detail),
                            &[entry.name.full().to_string()],
                        ),
                    },
                    name: entry.name.disclose(disclosure),
                })
                .collect(),
        })
    }

    /// Releases the cycle the import filter stopped, after the admin confirmed the counts that
    /// will pass. Rust checks again that this very cycle is still the stopped one.
    pub async fn resume(&self, cycle_id: String, confirmed: ImportCounts) -> Result<StatusView> {
        let client = self.client().await?;
        let tenant = self
            .last
            .lock()
            .await
            .as_ref()
            .map(|known| known.tenant.name.clone())
            .unwrap_or_default();
        let localizer = self.localizer();
        let action = Action::ResumeCycle {
            cycle_id: cycle_id.clone(),
            add: confirmed.add,
            edit: confirmed.edit,
            delete: confirmed.delete,
        };
        let check = async {
            let current = client.current_cycle().await?;
            if current.id != cycle_id || current.state != CycleState::Stopped {
                return Err(Error::Refused {
                    reason: localizer.text("refused-not-stopped"),
                });
            }
            let counts = client
                .import_log(&ImportLogQuery {
                    kind: None,
                    search: String::new(),
                    offset: 0,
                    limit: 1,
                })
                .await?
                .counts;
            if counts != confirmed {
                return Err(Error::Refused {
                    reason: localizer.text("refused-counts-changed"),
                });
            }
            Ok(())
        };
        self.actions
            .perform(&tenant, action, check, || async {
                client.resume(&cycle_id).await
            })
            .await?;
        self.status().await
    }

    async fn client(&self) -> Result<TenantClient> {
        let mut connection = self.connection.lock().await;
        if connection.is_none() {
            *connection = Some(self.connect().await?);
        }
        connection
            .as_ref()
            .map(|connected| connected.reached.client.clone())
            .ok_or(Error::NoTenant)
    }

    /// The tenant's templates, each with its export mappings.
    pub async fn reexport_templates(&self) -> Result<Vec<TemplateView>> {
        let client = self.client().await?;
        let mut views = Vec::new();
        for template in client.templates().await?.templates {
            let mappings = client.mappings(&template.id).await?.mappings;
            views.push(TemplateView::new(&template, &mappings));
        }
        Ok(views)
    }

    /// Users to pick for a selection, by ID or name.
    pub async fn search_users(&self, search: String) -> Result<UserSearchView> {
        synkvakt_core::profiles::checked_search("search", &search)?;
        let client = self.client().await?;
        let found = client.search_users(search.trim(), 20).await?;
        let disclosure = self.disclosure();
        Ok(UserSearchView {
            total: found.total,
            users: found
                .users
                .into_iter()
                .map(|user| UserPickView {
                    id: user.id,
                    name: user.name.disclose(disclosure),
                    department: user.department,
                })
                .collect(),
        })
    }

    /// Opens the re-export dialog's preview for one mapping (or all of the template's) and a
    /// scope, closing any other; its rows download in the background.
    pub async fn open_preview(
        &self,
        template_id: String,
        mapping_id: Option<String>,
        scope: ReexportScope,
    ) -> Result<PreviewOpened> {
        let localizer = self.localizer();
        let invalid = |key: &str| Error::Refused {
            reason: localizer.text(key),
        };
        match scope.kind {
            ScopeKind::All if !scope.user_ids.is_empty() => return Err(invalid("refused-scope")),
            ScopeKind::Selection if scope.user_ids.is_empty() => {
                return Err(invalid("refused-empty-selection"))
            }
            _ if scope.user_ids.len() > MAX_SELECTION => {
                return Err(invalid("refused-selection-too-large"))
            }
            _ if scope
                .user_ids
                .iter()
                .any(|id| id.is_empty() || id.len() > 64) =>
            {
                return Err(invalid("refused-scope"))
            }
            _ => {}
        }
        let client = self.client().await?;
        let template = client
            .templates()
            .await?
            .templates
            .into_iter()
            .find(|template| template.id == template_id)
            .ok_or_else(|| invalid("refused-no-such-template"))?;
        let mappings = client.mappings(&template.id).await?.mappings;
        let mapping = match &mapping_id {
            Some(id) => Some(
                mappings
                    .iter()
                    .find(|mapping| &mapping.id == id)
                    .cloned()
                    .ok_or_else(|| invalid("refused-no-such-template"))?,
            ),
            None => None,
        };
        let attributes = match &mapping {
            Some(mapping) => vec![mapping.target_attribute.clone()],
            None => mappings
                .iter()
                .map(|mapping| mapping.target_attribute.clone())
                .collect(),
        };
        let dialog = ReexportDialog::open(
            client,
            template.clone(),
            &mappings,
            mapping,
            scope.clone(),
            localizer.clone(),
        );
        let opened = PreviewOpened {
            preview_id: dialog.id.clone(),
            template_name: template.name,
            target_system: template.target_system,
            attributes,
            scope,
        };
        *self.reexport.lock().await = Some(Arc::new(dialog));
        Ok(opened)
    }

    async fn dialog(&self, preview_id: &str) -> Result<Arc<ReexportDialog>> {
        self.reexport
            .lock()
            .await
            .as_ref()
            .filter(|dialog| dialog.id == preview_id)
            .cloned()
            .ok_or_else(|| Error::Refused {
                reason: self.localizer().text("refused-preview-closed"),
            })
    }

    /// The window of the preview's rows the page shows, filtered and sorted in Rust.
    pub async fn preview_window(
        &self,
        preview_id: String,
        query: PreviewQuery,
    ) -> Result<PreviewWindow> {
        synkvakt_core::profiles::checked_search("search", &query.user_id)?;
        synkvakt_core::profiles::checked_search("search", &query.text)?;
        let dialog = self.dialog(&preview_id).await?;
        Ok(dialog.store.window(&query, self.disclosure()))
    }

    /// Closes the dialog: its download stops and its rows are dropped.
    pub async fn close_preview(&self, preview_id: String) {
        let mut open = self.reexport.lock().await;
        if open.as_ref().is_some_and(|dialog| dialog.id == preview_id) {
            *open = None;
        }
    }

    /// Executes the dialog's re-export after the admin confirmed its counts: one job, however
    /// often it is asked for.
    pub async fn execute_reexport(
        &self,
        preview_id: String,
        confirmed: ConfirmedCounts,
    ) -> Result<synkvakt_api::model::ExportJob> {
        let dialog = self.dialog(&preview_id).await?;
        let client = self.client().await?;
        let tenant = self.tenant_name().await;
        dialog
            .execute(
                &client,
                &self.actions,
                &tenant,
                confirmed,
                &self.localizer(),
            )
            .await
    }

    pub async fn export_queue(&self) -> Result<ExportQueue> {
        self.client().await?.export_queue().await
    }

    async fn tenant_name(&self) -> String {
        self.last
            .lock()
            .await
            .as_ref()
            .map(|known| known.tenant.name.clone())
            .unwrap_or_default()
    }

    /// Personal data is masked while support mode is on, as the settings file says now: the
    /// tray's menu may have turned it on since this window last looked. It reads the file:
    /// ask once per answer, not once per row.
    fn disclosure(&self) -> Disclosure {
        let on = self
            .store
            .load()
            .map(|settings| settings.support_mode)
            .unwrap_or_else(|_| self.settings().support_mode);
        match on {
            true => Disclosure::Masked,
            false => Disclosure::Full,
        }
    }

    async fn fetch(&self) -> Result<Fetched> {
        let mut connection = self.connection.lock().await;
        if connection.is_none() {
            *connection = Some(self.connect().await?);
        }
        let Some(connected) = connection.as_ref() else {
            return Err(Error::NoTenant);
        };
        let client = &connected.reached.client;
        let answer = async {
            let tenant = client.tenant_info().await?;
            let cycle = client.current_cycle().await?;
            // The history only teaches usual times and staleness: without it the current cycle
            // still shows, judged by what the history said before.
            let history = match client.cycle_history(HISTORY_LENGTH).await {
                Ok(history) => history.cycles,
                Err(err) => {
                    tracing::warn!("keeping the previous cycle history: {err}");
                    self.last
                        .lock()
                        .await
                        .as_ref()
                        .map(|known| known.history.clone())
                        .unwrap_or_default()
                }
            };
            Ok::<_, Error>((tenant, cycle, history))
        };
        match answer.await {
            Ok((tenant, cycle, history)) => Ok(Fetched {
                tenant_ref: connected.reached.tenant.clone(),
                machines: connected.reached.machines.clone(),
                limits: connected.reached.limits,
                tenant,
                cycle,
                history,
                demo_scenario: connected.reached.demo_scenario,
                fetched_at: Utc::now(),
                clock_offset: client.tenant_now() - Utc::now(),
            }),
            Err(err) => {
                // The demo tenant may have stopped (its machine slept, someone killed it): the next
                // call starts it again rather than failing for ever.
                *connection = None;
                Err(err)
            }
        }
    }

    fn view_context<'a>(
        &'a self,
        localizer: &'a Localizer,
        usual: &'a UsualTimes,
        machines: &'a ClientMachines,
        now: DateTime<Utc>,
    ) -> ViewContext<'a> {
        ViewContext {
            localizer,
            usual,
            machines,
            this_machine: &self.this_machine,
            now,
        }
    }

    fn status_view(&self, known: &Fetched, problem: Option<UserError>) -> StatusView {
        let usual = UsualTimes::learn(&known.history, known.limits);
        let localizer = self.localizer();
        let now = known.tenant_now();
        let context = self.view_context(&localizer, &usual, &known.machines, now);
        let last_completed_at = status::last_completed_at(&known.history, &known.cycle);
        let stale_hours = known.limits.stale_hours;
        let stale = status::is_stale(&known.history, last_completed_at, stale_hours, now);
        StatusView {
            cycle: CycleView::build(&known.cycle, &known.tenant, &context),
            tenant: TenantView {
                reference: known.tenant_ref.clone(),
                name: known.tenant.name.clone(),
                product: known.tenant.product,
                demo_scenario: known.demo_scenario,
            },
            fetched_at: known.fetched_at,
            problem,
            nudge: None,
            last_completed_at,
            stale,
            stale_hours,
            support_mode: false,
        }
    }

    /// Reaches the tenant in view: the demo server's (started on first use, or again when it
    /// went away) or a profile's, with its key from the keyring.
    async fn connect(&self) -> Result<Connected> {
        let settings = self.settings();
        let reached = match settings.in_view().ok_or(Error::NoTenant)? {
            TenantRef::Demo { number } => {
                let demo = self.launcher.ensure(settings.demo).await?;
                reach::reach_demo(&settings, number.min(demo.tenants.max(1)), &demo)?
            }
            TenantRef::Profile { id } => reach::reach_profile(&settings, &id, self.keyring).await?,
        };
        let tasks = reached.tasks();
        let tenant_name = reached.client.tenant_info().await?.name;
        let runner = Arc::new(TaskRunner::new(
            Arc::new(reached.client.clone()),
            reached.scheduler.clone(),
            self.actions.clone(),
            tenant_name,
        ));
        Ok(Connected {
            reached,
            tasks,
            runner,
        })
    }

    /// The runner of this tenant's tasks and the configured task named `name`.
    async fn task_named(
        &self,
        name: &str,
    ) -> Result<(Arc<TaskRunner<TenantClient>>, ScheduledTask, Product)> {
        self.client().await?;
        let connection = self.connection.lock().await;
        let Some(connected) = connection.as_ref() else {
            return Err(Error::NoTenant);
        };
        let task = connected
            .tasks
            .iter()
            .find(|task| task.name == name)
            .cloned()
            .ok_or_else(|| Error::Task {
                kind: "task-not-found",
                detail: format!("“{name}” is not among this tenant's configured tasks"),
            })?;
        Ok((connected.runner.clone(), task, connected.reached.product))
    }

    async fn product(&self) -> Result<Product> {
        self.client().await?;
        let connection = self.connection.lock().await;
        connection
            .as_ref()
            .map(|connected| connected.reached.product)
            .ok_or(Error::NoTenant)
    }

    /// Starts the manual-sync checklist with the product's sync task, or shows the one under way.
    pub async fn start_manual_sync(&self) -> Result<ManualSyncView> {
        let product = self.product().await?;
        let (runner, task, _) = self.task_named(guidance::sync_task(product)).await?;
        let run = {
            let mut current = self.manual_sync.lock().unwrap_or_else(|p| p.into_inner());
            match current.as_ref().filter(|run| !run.has_ended()) {
                Some(under_way) => under_way.clone(),
                None => {
                    let mark = MarkFor {
                        runtime_dir: self.launcher.runtime_dir.clone(),
                        tenant: runner.tenant().to_string(),
                    };
                    let run = ManualSyncRun::start(runner, task, mark);
                    *current = Some(run.clone());
                    run
                }
            }
        };
        Ok(self.manual_sync_view(&run).await)
    }

    /// Where the manual sync the admin started is, if there is one.
    pub async fn manual_sync(&self) -> Option<ManualSyncView> {
        let run = self
            .manual_sync
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()?;
        Some(self.manual_sync_view(&run).await)
    }

    /// Leaves the checklist where nothing is half done (see `ManualSyncRun::leave`).
    pub async fn leave_manual_sync(&self) -> Option<ManualSyncView> {
        let run = self
            .manual_sync
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()?;
        run.leave();
        Some(self.manual_sync_view(&run).await)
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

    /// Whether a manual sync is still under way.
    pub fn manual_sync_under_way(&self) -> bool {
        self.manual_sync
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .is_some_and(|run| !run.has_ended())
    }

    /// Before the app exits: asks the manual sync to stop where nothing is half done (a task
    /// that runs is followed by its cache clear first) and waits until it has.
    pub async fn settle_manual_sync(&self) {
        let Some(run) = self
            .manual_sync
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
        else {
            return;
        };
        run.leave();
        while !run.has_ended() {
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        }
    }

    async fn manual_sync_view(&self, run: &ManualSyncRun) -> ManualSyncView {
        let task_state = self.task_state(run.task()).await;
        ManualSyncView {
            task_state,
            ..run.view(&self.localizer())
        }
    }

    async fn task_state(&self, task: &ScheduledTask) -> Option<TaskStateView> {
        let (runner, _, _) = self.task_named(&task.name).await.ok()?;
        let task = TaskRef::new(task.name.clone(), task.server.clone());
        match runner.task_state(&task).await {
            Ok(state) => Some(state.into()),
            Err(err) => {
                tracing::warn!("the state of {task} cannot be read: {err}");
                None
            }
        }
    }

    /// Runs the task a step's guidance names, after the admin confirmed; Rust checks again that
    /// the guidance names it for the step as it is now and that the task is not running.
    pub async fn nudge(&self, step_key: String, task_name: String) -> Result<StatusView> {
        let (runner, task, _) = self.task_named(&task_name).await?;
        let before = self.status().await?;
        let step = before.cycle.steps.iter().find(|step| step.key == step_key);
        let watch = NudgeWatch {
            step_key: step_key.clone(),
            step_name: step.map(|step| step.name.clone()).unwrap_or_default(),
            task: task.clone(),
            started_at: Utc::now(),
            state_before: step.map_or(DisplayState::Unknown, |step| step.state),
            started_before: step.and_then(|step| step.started_at),
        };
        let (tenant, history, clock_offset, machines, limits) = {
            let last = self.last.lock().await;
            let Some(known) = last.as_ref() else {
                return Err(Error::NoTenant);
            };
            (
                known.tenant.clone(),
                known.history.clone(),
                known.clock_offset,
                known.machines.clone(),
                known.limits,
            )
        };
        let usual = UsualTimes::learn(&history, limits);
        let localizer = self.localizer();
        let view_of = |cycle: &Cycle| {
            let now = Utc::now() + clock_offset;
            let context = self.view_context(&localizer, &usual, &machines, now);
            CycleView::build(cycle, &tenant, &context)
        };
        runner
            .nudge(
                &step_key,
                &TaskRef::new(task.name.clone(), task.server.clone()),
                view_of,
            )
            .await?;
        *self.nudged.lock().unwrap_or_else(|p| p.into_inner()) = Some(watch);
        self.status().await
    }

    async fn nudge_view(&self, cycle: &CycleView) -> Option<NudgeView> {
        let (step_key, step_name, task, started_at, state_before, started_before) = {
            let nudged = self.nudged.lock().unwrap_or_else(|p| p.into_inner());
            let watch = nudged.as_ref()?;
            (
                watch.step_key.clone(),
                watch.step_name.clone(),
                watch.task.clone(),
                watch.started_at,
                watch.state_before,
                watch.started_before,
            )
        };
        let task_state = self.task_state(&task).await;
        let step = cycle.steps.iter().find(|step| step.key == step_key);
        let moved =
            step.is_none_or(|step| step.state != state_before || step.started_at != started_before);
        let task_done = !matches!(
            task_state,
            Some(TaskStateView::Running | TaskStateView::Queued)
        );
        let outcome = if moved {
            NudgeOutcome::Moved
        } else if task_done && Utc::now() - started_at > NUDGE_GRACE {
            NudgeOutcome::NotMoved
        } else {
            NudgeOutcome::Watching
        };
        let machines = self
            .last
            .lock()
            .await
            .as_ref()
            .map(|known| known.machines.clone())
            .unwrap_or_default();
        let event_log_machine = machines
            .client_server
            .clone()
            .filter(|server| !server.is_empty())
            .unwrap_or_else(|| self.localizer().text("machine-client-server"));
        Some(NudgeView {
            step_key,
            step_name,
            event_log_machine: task.server.clone().unwrap_or(event_log_machine),
            task,
            started_at,
            task_state,
            outcome,
            log_folder: machines.log_folder_from(&self.this_machine),
        })
    }

    /// Keeps the demo tenant alive for as long as the returned future is polled.
    pub fn keep_demo_alive(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        self.launcher.clone().keep_alive()
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

/// A cycle as the session may show it: its free text masked in support mode.
fn shown_cycle(mut cycle: CycleView, disclosure: Disclosure) -> CycleView {
    if disclosure == Disclosure::Masked {
        cycle.mask_free_text();
    }
    cycle
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

pub mod manual_sync;
pub mod reexport;
mod support;
mod tenants;

pub use tenants::{
    CheckOutcome, CheckSubject, ConnectionCheck, ConnectionReport, OverviewView, TenantGlance,
    TenantsView,
};

#[cfg(test)]
mod tests {
    use super::*;
    use synkvakt_core::actions::Outcome;

    #[test]
    fn stale_means_nothing_finished_well_for_longer_than_the_limit() {
        use synkvakt_api::model::{CycleKind, CycleState};
        let now = Utc::now();
        let cycle = |hours_ago: i64| Cycle {
            id: format!("c{hours_ago}"),
            kind: CycleKind::Full,
            state: CycleState::Failed,
            started_at: now - chrono::Duration::hours(hours_ago),
            finished_at: None,
            steps: Vec::new(),
            import_filter: None,
        };
        let hours = |h: i64| Some(now - chrono::Duration::hours(h));
        assert!(!status::is_stale(&[], hours(25), 26, now));
        assert!(status::is_stale(&[], hours(27), 26, now));
        // Nothing completed: stale only once the history covers more than the limit.
        assert!(!status::is_stale(
            &[cycle(1), cycle(7), cycle(13)],
            None,
            26,
            now
        ));
        assert!(status::is_stale(
            &[cycle(1), cycle(13), cycle(30)],
            None,
            26,
            now
        ));
        assert!(!status::is_stale(&[], None, 26, now));
    }

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

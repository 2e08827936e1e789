//! A manual sync the admin started, driven to its end in the background: closing the page or
//! leaving the checklist never leaves a task run without its cache clear, and the page only
//! ever reads where the checklist is.

use super::{lock, Connection, Session, AUDIT_READ};
use crate::os::watch_files::write_manual_sync_mark;
use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use synkvakt_core::actions::{Action, Outcome};
use synkvakt_core::alerts::ManualSyncMark;
use synkvakt_core::error::{Error, Result, UserError};
use synkvakt_core::guidance;
use synkvakt_core::i18n::Localizer;
use synkvakt_core::machines::ScheduledTask;
use synkvakt_core::manual_sync::{
    last_result_text, CacheClearing, Checklist, ChecklistBounds, ChecklistPhase, CycleSource,
    StartedBy, TaskRunner,
};
use synkvakt_core::usual::{start_delay_seconds, UsualTimes};
use synkvakt_taskschd::{TaskRef, TaskState};

/// How often the checklist looks at the tenant and the task while it runs.
pub const CHECKLIST_POLL: Duration = Duration::from_secs(2);

/// The four steps of the manual-sync guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum ChecklistItem {
    CheckStatus,
    RunTask,
    ClearCache,
    WatchCycle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum ItemState {
    Todo,
    Doing,
    Done,
    /// Cannot go on: the detail says why and what to do.
    Blocked,
    /// The admin left the checklist here; nothing was left half done.
    Left,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistItemView {
    pub item: ChecklistItem,
    pub state: ItemState,
    /// Why it is blocked, or what it waits for, in the admin's language.
    pub detail: Option<String>,
}

/// How the checklist ended, once it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum SyncOutcome {
    Completed,
    /// The new cycle failed or stopped: its step's guidance takes over.
    NewCycleStopped,
    Refused,
    Left,
    /// The task could not be read or run (not found, access denied, ...).
    Failed,
    /// The task ran, and its last result says the run failed.
    TaskFailed,
    /// No new cycle appeared within the bound after the task was done.
    NoNewCycle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum StartedByView {
    Task,
    Api,
}

/// A task's state as the Task Scheduler shows it, for the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum TaskStateView {
    Ready,
    Running,
    Queued,
    Disabled,
    Unknown,
}

impl From<TaskState> for TaskStateView {
    fn from(state: TaskState) -> Self {
        match state {
            TaskState::Ready => TaskStateView::Ready,
            TaskState::Running => TaskStateView::Running,
            TaskState::Queued => TaskStateView::Queued,
            TaskState::Disabled => TaskStateView::Disabled,
            TaskState::Unknown => TaskStateView::Unknown,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ManualSyncView {
    pub task: ScheduledTask,
    /// The task's state now, as the Task Scheduler reports it; `None` when it cannot be read.
    pub task_state: Option<TaskStateView>,
    pub items: Vec<ChecklistItemView>,
    pub started_by: Option<StartedByView>,
    pub started_at: DateTime<Utc>,
    /// When the task was started; the page counts the elapsed time from here.
    pub task_started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    /// The delta cycle the checklist waits for, while one runs, and since when it runs.
    pub waiting_for_cycle: Option<WaitingFor>,
    /// How the admin's cache of the web portal is cleared, once that is the step: by the
    /// service, or by the admin in the portal (then `cache_ticked` says whether they have).
    pub cache: Option<CacheClearing>,
    pub cache_ticked: bool,
    /// The new cycle, once it has appeared.
    pub new_cycle_id: Option<String>,
    pub outcome: Option<SyncOutcome>,
    /// The admin asked to leave; the checklist stops at the next point where nothing is half done.
    pub leaving: bool,
    /// The last problem met while checking; the checklist tries again unless it ended.
    pub problem: Option<UserError>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WaitingFor {
    pub cycle_id: String,
    pub started_at: DateTime<Utc>,
    /// How long Synkvakt waits for it: the delta cycle's usual time.
    pub limit_seconds: u32,
}

/// The manual-sync page: what a new manual sync would run, and the one under way, if any.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ManualSyncPage {
    pub task: ScheduledTask,
    /// The tenant starts the cycle through its API: no task runs.
    pub starts_by_api: bool,
    pub run: Option<ManualSyncView>,
}

/// What the checklist's words need besides its phase: where to read when something is wrong.
#[derive(Clone)]
pub struct Where {
    /// The client server, in words.
    pub server: String,
    /// The client's log folder as this workstation reaches it, where the guides name one.
    pub log_folder: Option<String>,
}

struct Progress {
    phase: ChecklistPhase,
    task_name: String,
    bounds: ChecklistBounds,
    place: Where,
    portal_cache_ticked: bool,
    by: Option<StartedBy>,
    started_at: DateTime<Utc>,
    task_started_at: Option<DateTime<Utc>>,
    finished_at: Option<DateTime<Utc>>,
    problem: Option<Error>,
    failed: bool,
    leave_requested: bool,
    left: bool,
    /// Where to leave the mark for the watcher once the task or the cycle has been started;
    /// taken when it is left.
    mark: Option<MarkFor>,
}

/// The runtime folder and tenant a started manual sync is marked in, for the watcher.
pub struct MarkFor {
    pub runtime_dir: std::path::PathBuf,
    pub tenant: String,
}

/// One manual sync, started by the admin and driven by a background task.
#[derive(Clone)]
pub struct ManualSyncRun {
    task: ScheduledTask,
    progress: Arc<Mutex<Progress>>,
}

impl ManualSyncRun {
    /// Starts the checklist for `task` and drives it in the background until it ends.
    pub fn start<S: CycleSource + 'static>(
        runner: Arc<TaskRunner<S>>,
        task: ScheduledTask,
        mark: MarkFor,
        bounds: ChecklistBounds,
        place: Where,
    ) -> ManualSyncRun {
        let run = ManualSyncRun {
            task: task.clone(),
            progress: Arc::new(Mutex::new(Progress {
                phase: ChecklistPhase::CheckingStatus,
                task_name: task.name.clone(),
                bounds,
                place,
                portal_cache_ticked: false,
                by: None,
                started_at: Utc::now(),
                task_started_at: None,
                finished_at: None,
                problem: None,
                failed: false,
                leave_requested: false,
                left: false,
                mark: Some(mark),
            })),
        };
        let checklist = Checklist::new(TaskRef::new(task.name, task.server), bounds);
        tokio::spawn(drive(runner, checklist, run.progress.clone()));
        run
    }

    fn progress(&self) -> MutexGuard<'_, Progress> {
        lock(&self.progress)
    }

    pub fn task(&self) -> &ScheduledTask {
        &self.task
    }

    pub fn has_ended(&self) -> bool {
        self.progress().finished_at.is_some()
    }

    /// The admin says they cleared their cache in the portal, as the checklist asked.
    pub fn tick_portal_cache(&self) {
        self.progress().portal_cache_ticked = true;
    }

    /// Asks the checklist to stop where nothing is half done: at once while it checks, waits for
    /// a running cycle or watches the new one; after the cache clear while the task runs.
    pub fn leave(&self) {
        self.progress().leave_requested = true;
    }

    pub fn view(&self, localizer: &Localizer) -> ManualSyncView {
        let progress = self.progress();
        let outcome = if progress.failed {
            Some(SyncOutcome::Failed)
        } else if progress.left {
            Some(SyncOutcome::Left)
        } else {
            match &progress.phase {
                ChecklistPhase::Refused { .. } => Some(SyncOutcome::Refused),
                ChecklistPhase::TaskFailed { .. } => Some(SyncOutcome::TaskFailed),
                ChecklistPhase::NoNewCycle { .. } => Some(SyncOutcome::NoNewCycle),
                ChecklistPhase::Completed { .. } => Some(SyncOutcome::Completed),
                ChecklistPhase::NewCycleStopped { .. } => Some(SyncOutcome::NewCycleStopped),
                _ => None,
            }
        };
        let new_cycle_id = match &progress.phase {
            ChecklistPhase::WatchingCycle { cycle_id, .. } => cycle_id.clone(),
            ChecklistPhase::Completed { cycle_id, .. }
            | ChecklistPhase::NewCycleStopped { cycle_id, .. } => Some(cycle_id.clone()),
            _ => None,
        };
        let waiting_for_cycle = match &progress.phase {
            ChecklistPhase::WaitingForCycle {
                cycle_id,
                started_at,
            } => Some(WaitingFor {
                cycle_id: cycle_id.clone(),
                started_at: *started_at,
                limit_seconds: progress.bounds.delta_seconds.clamp(0, i64::from(u32::MAX)) as u32,
            }),
            _ => None,
        };
        ManualSyncView {
            task: self.task.clone(),
            task_state: None,
            items: items(&progress, localizer),
            started_by: progress.by.map(|by| match by {
                StartedBy::Task => StartedByView::Task,
                StartedBy::Api => StartedByView::Api,
            }),
            started_at: progress.started_at,
            task_started_at: progress.task_started_at,
            finished_at: progress.finished_at,
            waiting_for_cycle,
            cache: progress.phase.cache(),
            cache_ticked: progress.portal_cache_ticked,
            new_cycle_id,
            outcome,
            leaving: progress.leave_requested && progress.finished_at.is_none(),
            problem: progress.problem.as_ref().map(|err| err.to_user(localizer)),
        }
    }
}

/// Nothing is under way in these phases: leaving here leaves nothing half done.
fn may_leave(phase: &ChecklistPhase) -> bool {
    matches!(
        phase,
        ChecklistPhase::CheckingStatus
            | ChecklistPhase::WaitingForCycle { .. }
            | ChecklistPhase::WatchingCycle { .. }
    )
}

async fn drive<S: CycleSource>(
    runner: Arc<TaskRunner<S>>,
    mut checklist: Checklist,
    progress: Arc<Mutex<Progress>>,
) {
    loop {
        let before_start = matches!(
            checklist.phase,
            ChecklistPhase::CheckingStatus | ChecklistPhase::WaitingForCycle { .. }
        );
        if leave_here(&progress, &checklist.phase) {
            return;
        }
        let result = checklist.advance(&runner).await.cloned();
        if record(&progress, result, before_start) {
            return;
        }
        tokio::time::sleep(CHECKLIST_POLL).await;
    }
}

/// Ends the run when the admin asked to leave and nothing is under way; true when it ended.
fn leave_here(progress: &Mutex<Progress>, phase: &ChecklistPhase) -> bool {
    let mut progress = lock(progress);
    if progress.leave_requested && may_leave(phase) {
        progress.left = true;
        progress.finished_at = Some(Utc::now());
        return true;
    }
    false
}

/// Notes what one look at the tenant and the task gave; true when the run has ended.
fn record(
    progress: &Mutex<Progress>,
    result: Result<ChecklistPhase, Error>,
    before_start: bool,
) -> bool {
    let mut progress = lock(progress);
    match result {
        Ok(phase) => {
            progress.problem = None;
            let started = match &phase {
                ChecklistPhase::TaskRunning {
                    previous_cycle_id, ..
                } if progress.by.is_none() => {
                    progress.by = Some(StartedBy::Task);
                    progress.task_started_at = Some(Utc::now());
                    Some(previous_cycle_id.clone())
                }
                ChecklistPhase::ClearingCache { previous_cycle_id } if progress.by.is_none() => {
                    progress.by = Some(StartedBy::Api);
                    Some(previous_cycle_id.clone())
                }
                _ => None,
            };
            if let (Some(previous_cycle_id), Some(mark)) = (started, progress.mark.take()) {
                let written = write_manual_sync_mark(
                    &ManualSyncMark {
                        tenant: mark.tenant,
                        previous_cycle_id,
                        started_at: progress.started_at,
                    },
                    &mark.runtime_dir,
                );
                if let Err(err) = written {
                    tracing::warn!("the watcher will not hear of this manual sync: {err}");
                }
            }
            let ended = phase.ends();
            progress.phase = phase;
            if ended {
                progress.finished_at = Some(Utc::now());
            }
            ended
        }
        // The task cannot be found, read or run: trying again will not help.
        Err(err @ Error::Task { .. }) if before_start => {
            tracing::warn!("the manual sync stopped: {err}");
            progress.problem = Some(err);
            progress.failed = true;
            progress.finished_at = Some(Utc::now());
            true
        }
        Err(err) => {
            tracing::warn!("the manual sync tries again: {err}");
            progress.problem = Some(err);
            false
        }
    }
}

fn items(progress: &Progress, localizer: &Localizer) -> Vec<ChecklistItemView> {
    use ChecklistItem::*;
    use ItemState::*;
    let phase = &progress.phase;
    let place = &progress.place;
    let task = &progress.task_name;
    // Where to read next, when the task or the cycle did not do what it should.
    let read_next =
        |key_with_folder: &str, key_without: &str, args: &[(&str, synkvakt_core::i18n::Arg)]| {
            let mut args: Vec<(&str, synkvakt_core::i18n::Arg)> = args.to_vec();
            args.push(("task", task.as_str().into()));
            args.push(("server", place.server.as_str().into()));
            match &place.log_folder {
                Some(folder) => {
                    args.push(("folder", folder.as_str().into()));
                    localizer.format(key_with_folder, &args)
                }
                None => localizer.format(key_without, &args),
            }
        };
    // Which of the four is under way (or where it stopped), 0-based.
    let (at, state, detail) = match phase {
        ChecklistPhase::CheckingStatus => (0, Doing, None),
        ChecklistPhase::WaitingForCycle {
            cycle_id,
            started_at,
        } => (
            0,
            Doing,
            Some(localizer.format(
                "checklist-waiting-for-cycle",
                &[
                    ("cycle", cycle_id.as_str().into()),
                    (
                        "minutes",
                        (Utc::now() - *started_at).num_minutes().max(0).into(),
                    ),
                    ("limit", (progress.bounds.delta_seconds / 60).into()),
                ],
            )),
        ),
        ChecklistPhase::Refused { refusal } => (0, Blocked, Some(refusal.text(localizer))),
        ChecklistPhase::TaskRunning { .. } => (1, Doing, None),
        ChecklistPhase::TaskFailed { result } => (
            1,
            Blocked,
            Some(read_next(
                "checklist-task-failed",
                "checklist-task-failed-no-folder",
                &[("result", last_result_text(Some(result), localizer).into())],
            )),
        ),
        ChecklistPhase::StartUnanswered { .. } => {
            (1, Doing, Some(localizer.text("checklist-start-unanswered")))
        }
        ChecklistPhase::ClearingCache { .. } => (2, Doing, None),
        ChecklistPhase::WatchingCycle { .. } => (3, Doing, None),
        ChecklistPhase::NoNewCycle { last_result, .. } => {
            let minutes = (progress.bounds.new_cycle_seconds / 60).into();
            let detail = match progress.by {
                Some(StartedBy::Api) => {
                    localizer.format("checklist-no-new-cycle-api", &[("minutes", minutes)])
                }
                _ => read_next(
                    "checklist-no-new-cycle",
                    "checklist-no-new-cycle-no-folder",
                    &[
                        ("minutes", minutes),
                        (
                            "result",
                            last_result_text(last_result.as_ref(), localizer).into(),
                        ),
                    ],
                ),
            };
            (3, Blocked, Some(detail))
        }
        ChecklistPhase::Completed { .. } => (4, Done, None),
        ChecklistPhase::NewCycleStopped { .. } => (
            3,
            Blocked,
            Some(localizer.text("checklist-new-cycle-stopped")),
        ),
    };
    let (state, detail) = if progress.failed {
        (
            Blocked,
            progress.problem.as_ref().map(|err| {
                let user = err.to_user(localizer);
                format!("{} {}", user.message, user.hint)
            }),
        )
    } else if progress.left {
        (Left, None)
    } else {
        (state, detail)
    };
    [CheckStatus, RunTask, ClearCache, WatchCycle]
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let (state, detail) = match index.cmp(&at) {
                std::cmp::Ordering::Less => (Done, None),
                std::cmp::Ordering::Equal => (state, detail.clone()),
                std::cmp::Ordering::Greater => (Todo, None),
            };
            let (state, detail) = match (item, state, progress.by, phase.cache()) {
                (RunTask, Done, Some(StartedBy::Api), _) => {
                    (Done, Some(localizer.text("checklist-started-by-api")))
                }
                (ClearCache, _, _, Some(CacheClearing::ByService)) => {
                    (Done, Some(localizer.text("checklist-cache-by-service")))
                }
                // The admin's own step: done when they say so, whatever the cycle does meanwhile.
                (ClearCache, _, _, Some(CacheClearing::InPortal))
                    if progress.portal_cache_ticked =>
                {
                    (Done, Some(localizer.text("checklist-cache-ticked")))
                }
                (ClearCache, _, _, Some(CacheClearing::InPortal)) => {
                    (Doing, Some(localizer.text("checklist-cache-in-portal")))
                }
                _ => (state, detail),
            };
            ChecklistItemView {
                item,
                state,
                detail,
            }
        })
        .collect()
}

impl Session {
    /// Starts the manual-sync checklist with the product's sync task, or shows the one under way.
    pub async fn start_manual_sync(&self) -> Result<ManualSyncView> {
        let connection = self.connection().await?;
        let task =
            Session::task_named(&connection, guidance::sync_task(connection.reached.product))?;
        let run = {
            let mut current = lock(&self.manual_sync);
            match current.as_ref().filter(|run| !run.has_ended()) {
                Some(under_way) => under_way.clone(),
                None => {
                    let mark = MarkFor {
                        runtime_dir: self.runtime_dir.clone(),
                        tenant: connection.runner.tenant().to_string(),
                    };
                    let (bounds, place) = self.checklist_bounds(&connection, &task);
                    let run =
                        ManualSyncRun::start(connection.runner.clone(), task, mark, bounds, place);
                    *current = Some(run.clone());
                    run
                }
            }
        };
        Ok(self.manual_sync_view(&run).await)
    }

    /// How long the checklist waits behind a delta cycle (its usual time, from the history the
    /// status view last read) and for the new cycle (the profile's bound, or longer where
    /// earlier manual syncs saw the cycle start later), and where it
    /// points the admin when something is wrong.
    fn checklist_bounds(
        &self,
        connection: &Connection,
        task: &ScheduledTask,
    ) -> (ChecklistBounds, Where) {
        let limits = connection.reached.limits;
        let (history, clock_offset) = lock(&self.last)
            .as_ref()
            .filter(|known| known.generation == connection.generation)
            .map(|known| (known.history.clone(), known.clock_offset))
            .unwrap_or_default();
        // The earlier manual syncs of this tenant, by the tenant's clock: how long after its
        // task ran a new cycle started teaches how long to wait for one this time.
        let runs: Vec<_> = self
            .actions
            .recent(AUDIT_READ)
            .unwrap_or_default()
            .into_iter()
            .filter(|entry| {
                entry.tenant == connection.tenant_name
                    && entry.outcome == Outcome::Done
                    && matches!(&entry.action, Action::RunTask { purpose, .. } if purpose == "manual-sync")
            })
            .map(|entry| entry.time + clock_offset)
            .collect();
        let learned = start_delay_seconds(&runs, &history).map_or(0, |delay| {
            (delay as f64 * limits.stall_multiplier).round() as i64
        });
        let bounds = ChecklistBounds {
            delta_seconds: UsualTimes::learn(&history, limits).delta_limit(),
            new_cycle_seconds: (i64::from(limits.new_cycle_wait_minutes) * 60).max(learned),
        };
        let machines = &connection.reached.machines;
        let place = Where {
            server: task
                .server
                .clone()
                .unwrap_or_else(|| self.localizer().text("machine-this-computer")),
            log_folder: machines
                .has_log_folder()
                .then(|| machines.log_folder_from(&self.this_machine)),
        };
        (bounds, place)
    }

    /// Where the manual sync the admin started is, if there is one.
    pub async fn manual_sync(&self) -> Option<ManualSyncView> {
        let run = lock(&self.manual_sync).clone()?;
        Some(self.manual_sync_view(&run).await)
    }

    /// The manual-sync page: the task a new manual sync runs, on which server, or that the
    /// tenant starts the cycle itself; and the run under way or last ended.
    pub async fn manual_sync_page(&self) -> Result<ManualSyncPage> {
        let connection = self.connection().await?;
        let task =
            Session::task_named(&connection, guidance::sync_task(connection.reached.product))?;
        let starts_by_api = lock(&self.last)
            .as_ref()
            .filter(|known| known.generation == connection.generation)
            .is_some_and(|known| known.tenant.can_start_cycle);
        Ok(ManualSyncPage {
            task,
            starts_by_api,
            run: self.manual_sync().await,
        })
    }

    /// The admin cleared their cache in the portal, as the checklist asked.
    pub async fn tick_portal_cache(&self) -> Option<ManualSyncView> {
        let run = lock(&self.manual_sync).clone()?;
        run.tick_portal_cache();
        Some(self.manual_sync_view(&run).await)
    }

    /// Leaves the checklist where nothing is half done (see `ManualSyncRun::leave`).
    pub async fn leave_manual_sync(&self) -> Option<ManualSyncView> {
        let run = lock(&self.manual_sync).clone()?;
        run.leave();
        Some(self.manual_sync_view(&run).await)
    }

    /// Whether a manual sync is still under way.
    pub fn manual_sync_under_way(&self) -> bool {
        lock(&self.manual_sync)
            .as_ref()
            .is_some_and(|run| !run.has_ended())
    }

    /// Before the app exits: asks the manual sync to stop where nothing is half done (a task
    /// that runs is followed by its cache clear first) and waits until it has.
    pub async fn settle_manual_sync(&self) {
        let Some(run) = lock(&self.manual_sync).clone() else {
            return;
        };
        run.leave();
        while !run.has_ended() {
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        }
    }

    async fn manual_sync_view(&self, run: &ManualSyncRun) -> ManualSyncView {
        let task_state = match self.connection().await {
            Ok(connection) => Session::task_state(&connection, run.task()).await,
            Err(_) => None,
        };
        ManualSyncView {
            task_state,
            ..run.view(&self.localizer())
        }
    }

    /// The live state of `task` of the tenant over `connection`, when it can be read.
    pub(super) async fn task_state(
        connection: &Connection,
        task: &ScheduledTask,
    ) -> Option<TaskStateView> {
        Session::task_named(connection, &task.name).ok()?;
        let task = TaskRef::new(task.name.clone(), task.server.clone());
        match connection.runner.task_state(&task).await {
            Ok(state) => Some(state.into()),
            Err(err) => {
                tracing::warn!("the state of {task} cannot be read: {err}");
                None
            }
        }
    }
}

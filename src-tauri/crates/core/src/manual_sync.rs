//! The guarded uses of the client's scheduled task: starting a new manual synchronization, and
//! nudging a step that waits on the client. Every guard is here, re-checked right before the
//! task runs, so that no button state in the page can start a task over a running, failed or
//! stopped cycle, and no two runs of a task overlap.

use crate::actions::{Action, ActionPath};
use crate::error::{Error, Result};
use crate::guidance::Situation;
use crate::readiness::{readiness, Readiness, Refusal, TaskCheck};
use crate::status::CycleView;
use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;
use std::future::Future;
use std::sync::Arc;
use synkvakt_api::model::{Cycle, CycleState};
use synkvakt_taskschd::codes::{LastResult, LastResultMeaning};
use synkvakt_taskschd::{TaskRef, TaskScheduler, TaskState, TaskStatus};
use tokio::sync::Mutex;

/// What the checklist needs of the tenant: its clock, its newest cycle, starting one where it
/// can, and clearing the admin's web cache where it can.
pub trait CycleSource: Send + Sync {
    /// Now, by the tenant's clock, which its cycles' times are in.
    fn now(&self) -> DateTime<Utc>;
    fn current_cycle(&self) -> impl Future<Output = Result<Cycle>> + Send;
    /// Whether the tenant starts cycles through its API (newer eAdm) instead of the task.
    fn can_start_cycle(&self) -> impl Future<Output = Result<bool>> + Send;
    /// Whether the tenant clears the admin's cache of the web portal through its API.
    fn can_clear_cache(&self) -> impl Future<Output = Result<bool>> + Send;
    /// Starts a cycle once per `idempotency_key`, however often it is sent.
    fn start_cycle(&self, idempotency_key: &str) -> impl Future<Output = Result<()>> + Send;
    fn clear_cache(&self, idempotency_key: &str) -> impl Future<Output = Result<()>> + Send;
}

/// Runs the client's tasks under the guards. One per tenant: its lock keeps runs from overlapping.
pub struct TaskRunner<S: CycleSource> {
    tenant: Arc<S>,
    scheduler: Arc<dyn TaskScheduler>,
    actions: Arc<ActionPath>,
    tenant_name: String,
    /// Held from the last check until the run has been handed to the Task Scheduler.
    run_lock: Mutex<()>,
}

/// How the new cycle was started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartedBy {
    /// The client's scheduled task runs; its data starts the cycle.
    Task,
    /// The tenant's API started the cycle itself.
    Api,
}

/// What a guarded start did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Started {
    /// A new cycle was asked for after `previous_cycle_id`, the finished cycle it follows.
    Ran {
        previous_cycle_id: String,
        by: StartedBy,
    },
    /// A delta cycle runs: nothing was started; check again once it finished.
    Waiting {
        cycle_id: String,
        started_at: DateTime<Utc>,
    },
    /// The start went out through the API and its answer was lost, asked again with its key
    /// too: it may have started. Only the same start, with the same key, may follow.
    Unanswered {
        previous_cycle_id: String,
        /// What came back instead of an answer, for the log.
        cause: String,
    },
}

impl<S: CycleSource> TaskRunner<S> {
    pub fn new(
        tenant: Arc<S>,
        scheduler: Arc<dyn TaskScheduler>,
        actions: Arc<ActionPath>,
        tenant_name: String,
    ) -> Self {
        TaskRunner {
            tenant,
            scheduler,
            actions,
            tenant_name,
            run_lock: Mutex::new(()),
        }
    }

    /// The tenant's name, as its audit lines give it.
    pub fn tenant(&self) -> &str {
        &self.tenant_name
    }

    /// The task's state, last run and last result now, read on a blocking thread (the Windows
    /// calls block).
    pub async fn task_status(&self, task: &TaskRef) -> Result<TaskStatus> {
        let scheduler = self.scheduler.clone();
        let task = task.clone();
        tokio::task::spawn_blocking(move || scheduler.status(&task))
            .await
            .map_err(|err| Error::Task {
                kind: "task-other",
                detail: err.to_string(),
            })?
            .map_err(Error::from)
    }

    /// The task's state now.
    pub async fn task_state(&self, task: &TaskRef) -> Result<TaskState> {
        Ok(self.task_status(task).await?.state)
    }

    /// Now, by the tenant's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.tenant.now()
    }

    async fn run_task(&self, task: &TaskRef) -> Result<()> {
        let scheduler = self.scheduler.clone();
        let task = task.clone();
        tokio::task::spawn_blocking(move || scheduler.run(&task))
            .await
            .map_err(|err| Error::Task {
                kind: "task-other",
                detail: err.to_string(),
            })?
            .map_err(Error::from)
    }

    /// Step 2 of the manual sync: re-reads the cycle and the task right before starting a new
    /// cycle, through the tenant's API where it can, else by running the task.
    pub async fn start_manual_sync(
        &self,
        task: &TaskRef,
        idempotency_key: &str,
    ) -> Result<Started> {
        let _only_one = self.run_lock.lock().await;
        let by_api = self.tenant.can_start_cycle().await?;
        let cycle = self.tenant.current_cycle().await?;
        // The API starts the cycle itself: the task's state does not matter then.
        let state = if by_api {
            TaskCheck::NotNeeded
        } else {
            TaskCheck::State(self.task_state(task).await?)
        };
        let refusal = match readiness(&cycle, state) {
            Readiness::WaitForCycle {
                cycle_id,
                started_at,
            } => {
                return Ok(Started::Waiting {
                    cycle_id,
                    started_at,
                })
            }
            Readiness::Ready => None,
            Readiness::Refused(refusal) => Some(refusal),
        };
        let check = async {
            match refusal {
                Some(refusal) => Err(Error::TaskRefused(refusal)),
                None => Ok(()),
            }
        };
        let by = if by_api {
            let sent = self
                .actions
                .perform(&self.tenant_name, Action::StartCycle, check, || {
                    self.tenant.start_cycle(idempotency_key)
                })
                .await;
            match sent {
                Ok(()) => StartedBy::Api,
                Err(err) if err.answer_lost() => {
                    return Ok(Started::Unanswered {
                        previous_cycle_id: cycle.id,
                        cause: err.to_string(),
                    })
                }
                Err(err) => return Err(err),
            }
        } else {
            let action = Action::RunTask {
                task: task.name.clone(),
                server: task.server.clone(),
                purpose: "manual-sync".into(),
            };
            self.actions
                .perform(&self.tenant_name, action, check, || self.run_task(task))
                .await?;
            StartedBy::Task
        };
        Ok(Started::Ran {
            previous_cycle_id: cycle.id,
            by,
        })
    }

    /// Step 2 again, after its answer was lost: the same start with the same key, and no guard
    /// in front of it, as the cycle running now may be the one it started. The tenant starts
    /// at most one cycle per key.
    pub async fn send_start_again(&self, idempotency_key: &str) -> Result<()> {
        let _only_one = self.run_lock.lock().await;
        self.actions
            .perform(
                &self.tenant_name,
                Action::StartCycle,
                async { Ok(()) },
                || self.tenant.start_cycle(idempotency_key),
            )
            .await
    }

    /// Whether the tenant clears the admin's web cache itself.
    pub async fn can_clear_cache(&self) -> Result<bool> {
        self.tenant.can_clear_cache().await
    }

    /// Step 3 of the manual sync, where the tenant offers it: the web interface shows fresh
    /// data. Audited like the rest.
    pub async fn clear_cache(&self, idempotency_key: &str) -> Result<()> {
        let tenant = self.tenant.clone();
        self.actions
            .perform(
                &self.tenant_name,
                Action::ClearCache,
                async { Ok(()) },
                || async move { tenant.clear_cache(idempotency_key).await },
            )
            .await
    }

    pub async fn current_cycle(&self) -> Result<Cycle> {
        self.tenant.current_cycle().await
    }

    /// Runs the task a step's guidance names for the step's situation now, and only then: never
    /// where only support can help, never while the task runs.
    pub async fn nudge(
        &self,
        step_key: &str,
        task: &TaskRef,
        view_of: impl Fn(&Cycle) -> CycleView,
    ) -> Result<()> {
        let _only_one = self.run_lock.lock().await;
        let cycle = self.tenant.current_cycle().await?;
        let view = view_of(&cycle);
        // A task the guidance does not allow is never even looked at: its server may be a
        // domain controller this workstation must not reach.
        let refusal = match nudge_refusal(&view, step_key, &task.name, task.server.as_deref()) {
            Some(refusal) => Some(refusal),
            None => task_refusal(self.task_state(task).await?),
        };
        let action = Action::RunTask {
            task: task.name.clone(),
            server: task.server.clone(),
            purpose: format!("nudge {step_key}"),
        };
        let check = async {
            match refusal {
                Some(refusal) => Err(Error::TaskRefused(refusal)),
                None => Ok(()),
            }
        };
        self.actions
            .perform(&self.tenant_name, action, check, || self.run_task(task))
            .await
    }
}

/// Why the step's guidance does not let this nudge run now, if it does not.
pub fn nudge_refusal(
    view: &CycleView,
    step_key: &str,
    task_name: &str,
    server: Option<&str>,
) -> Option<Refusal> {
    let Some(step) = view.steps.iter().find(|step| step.key == step_key) else {
        return Some(Refusal::NoSuchStep {
            step_key: step_key.to_string(),
        });
    };
    match nudge_allowed(step, task_name, server) {
        NudgeAllowed::Yes => None,
        NudgeAllowed::NotARemedy => Some(Refusal::NotARemedy {
            step: step.name.clone(),
            task: task_name.to_string(),
        }),
        NudgeAllowed::NotFromHere => Some(Refusal::DomainControllerNotAllowed {
            task: task_name.to_string(),
        }),
    }
}

/// Why the task may not run now, by its state: only a Ready task runs.
pub fn task_refusal(task: TaskState) -> Option<Refusal> {
    match task {
        TaskState::Running | TaskState::Queued => Some(Refusal::TaskRunning),
        TaskState::Disabled => Some(Refusal::TaskDisabled),
        TaskState::Unknown => Some(Refusal::TaskStateUnreadable),
        TaskState::Ready => None,
    }
}

/// Whether a nudge may run, as far as the step's guidance says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NudgeAllowed {
    Yes,
    NotARemedy,
    /// A remedy, on a domain controller this workstation may not run tasks on.
    NotFromHere,
}

/// Whether the step's guidance, in its situation now, names running `task_name` as a remedy:
/// the one rule for offering a nudge and for running it.
pub fn nudge_allowed(
    step: &crate::status::StepView,
    task_name: &str,
    server: Option<&str>,
) -> NudgeAllowed {
    let nudging = matches!(
        step.guidance.situation,
        Some(Situation::Failed | Situation::WaitingTooLong | Situation::RunningTooLong)
    );
    let named = step
        .guidance
        .remedies
        .iter()
        .flat_map(|remedy| &remedy.tasks)
        .find(|named| {
            (named.name == task_name || named.alternative.as_deref() == Some(task_name))
                && named.server.as_deref() == server
        });
    match named {
        Some(named) if nudging && named.may_run => NudgeAllowed::Yes,
        Some(_) if nudging => NudgeAllowed::NotFromHere,
        _ => NudgeAllowed::NotARemedy,
    }
}

/// How the admin's cache of the web portal was cleared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum CacheClearing {
    /// The tenant's API cleared it when Synkvakt asked.
    ByService,
    /// The tenant cannot: the admin clears it in the portal (profile > Settings > Clear Cache).
    InPortal,
}

/// How long the checklist waits before it stops and says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChecklistBounds {
    /// How long a delta cycle may run while the checklist waits behind it: its usual time.
    pub delta_seconds: i64,
    /// How long after the task is done (or the start through the API) a new cycle must appear.
    pub new_cycle_seconds: i64,
}

/// A last result older than the run by more than this is an earlier run's: the servers' clocks
/// may differ a little from the tenant's, never by this much in a domain.
const EARLIER_RUN_SLACK: chrono::Duration = chrono::Duration::minutes(5);

/// Where the manual-sync checklist is: the four steps of the guide, one at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChecklistPhase {
    /// (1) About to check that the last cycle is finished.
    CheckingStatus,
    /// (1) A delta cycle runs: the checklist waits for it, then checks again.
    WaitingForCycle {
        cycle_id: String,
        started_at: DateTime<Utc>,
    },
    /// (1) Not now: the refusal says why and what to do.
    Refused { refusal: Refusal },
    /// (2) The task runs; the checklist waits until it is Ready again.
    TaskRunning {
        previous_cycle_id: String,
        run_at: DateTime<Utc>,
    },
    /// (2) The task is Ready again, and its last result says its run failed.
    TaskFailed { result: LastResult },
    /// (2) The start through the API went out and no answer came back: it is sent again with
    /// the same key until the tenant answers, never as a new start.
    StartUnanswered { previous_cycle_id: String },
    /// (3) The task is done: the web cache is cleared next.
    ClearingCache { previous_cycle_id: String },
    /// (4) Watching for the new cycle and its end, since the task was done.
    WatchingCycle {
        previous_cycle_id: String,
        cycle_id: Option<String>,
        since: DateTime<Utc>,
        cache: CacheClearing,
    },
    /// (4) No new cycle appeared within the bound: the task's last result says what it can.
    NoNewCycle {
        since: DateTime<Utc>,
        last_result: Option<LastResult>,
        cache: CacheClearing,
    },
    /// The new cycle completed.
    Completed {
        cycle_id: String,
        cache: CacheClearing,
    },
    /// The new cycle failed or stopped: its guidance takes over.
    NewCycleStopped {
        cycle_id: String,
        cache: CacheClearing,
    },
}

impl ChecklistPhase {
    /// Whether the checklist has ended here.
    pub fn ends(&self) -> bool {
        matches!(
            self,
            ChecklistPhase::Refused { .. }
                | ChecklistPhase::TaskFailed { .. }
                | ChecklistPhase::NoNewCycle { .. }
                | ChecklistPhase::Completed { .. }
                | ChecklistPhase::NewCycleStopped { .. }
        )
    }

    /// How the cache was cleared, once it has been.
    pub fn cache(&self) -> Option<CacheClearing> {
        match self {
            ChecklistPhase::WatchingCycle { cache, .. }
            | ChecklistPhase::NoNewCycle { cache, .. }
            | ChecklistPhase::Completed { cache, .. }
            | ChecklistPhase::NewCycleStopped { cache, .. } => Some(*cache),
            _ => None,
        }
    }
}

/// Whether a last result means the run failed: the informational codes (running, not yet run,
/// disabled) do not.
pub fn run_failed(result: &LastResult) -> bool {
    matches!(
        result.meaning,
        LastResultMeaning::Failed | LastResultMeaning::Terminated
    )
}

/// A task's last result in the admin's words, with its code for support; `None` where the
/// Task Scheduler cannot say (Wine does not implement it).
pub fn last_result_text(result: Option<&LastResult>, localizer: &crate::i18n::Localizer) -> String {
    let Some(result) = result else {
        return localizer.text("last-result-unknown");
    };
    let key = match result.meaning {
        LastResultMeaning::Succeeded => "last-result-succeeded",
        LastResultMeaning::StillRunning => "last-result-still-running",
        LastResultMeaning::NeverRun => "last-result-never-run",
        LastResultMeaning::Terminated => "last-result-terminated",
        LastResultMeaning::Disabled => "last-result-disabled",
        LastResultMeaning::Failed => "last-result-failed",
    };
    localizer.format(key, &[("code", format!("{:#010x}", result.code).into())])
}

/// The manual-sync checklist for one task. Each `advance` looks at the tenant and the task once
/// and moves on when it may; leaving it between calls leaves nothing half done.
pub struct Checklist {
    pub task: TaskRef,
    pub phase: ChecklistPhase,
    bounds: ChecklistBounds,
    started_by: Option<StartedBy>,
    /// One per checklist, as one start is what the admin confirmed: a start through the API
    /// and the cache clear after it are each sent with keys of their own made from it, so
    /// that a lost answer asked again never starts or clears twice.
    idempotency_key: String,
}

impl Checklist {
    pub fn new(task: TaskRef, bounds: ChecklistBounds) -> Checklist {
        Checklist {
            task,
            phase: ChecklistPhase::CheckingStatus,
            bounds,
            started_by: None,
            idempotency_key: crate::actions::random_token(),
        }
    }

    /// The key of the one start this checklist makes through the API.
    fn start_key(&self) -> String {
        format!("start-{}", self.idempotency_key)
    }

    pub async fn advance<S: CycleSource>(
        &mut self,
        runner: &TaskRunner<S>,
    ) -> Result<&ChecklistPhase> {
        let next = match &self.phase {
            ChecklistPhase::CheckingStatus | ChecklistPhase::WaitingForCycle { .. } => match runner
                .start_manual_sync(&self.task, &self.start_key())
                .await
            {
                Ok(Started::Ran {
                    previous_cycle_id,
                    by: StartedBy::Task,
                }) => {
                    self.started_by = Some(StartedBy::Task);
                    ChecklistPhase::TaskRunning {
                        previous_cycle_id,
                        run_at: runner.now(),
                    }
                }
                // No task to wait for: the tenant started the cycle itself.
                Ok(Started::Ran {
                    previous_cycle_id,
                    by: StartedBy::Api,
                }) => {
                    self.started_by = Some(StartedBy::Api);
                    ChecklistPhase::ClearingCache { previous_cycle_id }
                }
                Ok(Started::Waiting {
                    cycle_id,
                    started_at,
                }) => {
                    let ran = runner.now() - started_at;
                    if ran.num_seconds() > self.bounds.delta_seconds {
                        ChecklistPhase::Refused {
                            refusal: Refusal::DeltaRunsLong {
                                cycle_id,
                                minutes: ran.num_minutes(),
                            },
                        }
                    } else {
                        ChecklistPhase::WaitingForCycle {
                            cycle_id,
                            started_at,
                        }
                    }
                }
                Ok(Started::Unanswered {
                    previous_cycle_id,
                    cause,
                }) => {
                    tracing::warn!("the start's answer was lost; it is sent again: {cause}");
                    self.started_by = Some(StartedBy::Api);
                    ChecklistPhase::StartUnanswered { previous_cycle_id }
                }
                Err(Error::TaskRefused(refusal)) => ChecklistPhase::Refused { refusal },
                Err(err) => return Err(err),
            },
            ChecklistPhase::TaskRunning {
                previous_cycle_id,
                run_at,
            } => {
                let status = runner.task_status(&self.task).await?;
                let this_run = |result: &LastResult| {
                    // A scheduler that cannot say when the task last ran is taken at its word.
                    status
                        .last_run
                        .is_none_or(|last_run| last_run >= *run_at - EARLIER_RUN_SLACK)
                        .then_some(*result)
                };
                match status.state {
                    TaskState::Running | TaskState::Queued => self.phase.clone(),
                    // A state that is not Ready may hide a run still going: the checklist
                    // stops rather than go on as if the task were done.
                    TaskState::Unknown => ChecklistPhase::Refused {
                        refusal: Refusal::TaskStateUnreadable,
                    },
                    _ => match status.last_result.as_ref().and_then(this_run) {
                        Some(result) if run_failed(&result) => {
                            ChecklistPhase::TaskFailed { result }
                        }
                        _ => ChecklistPhase::ClearingCache {
                            previous_cycle_id: previous_cycle_id.clone(),
                        },
                    },
                }
            }
            ChecklistPhase::StartUnanswered { previous_cycle_id } => {
                match runner.send_start_again(&self.start_key()).await {
                    Ok(()) => ChecklistPhase::ClearingCache {
                        previous_cycle_id: previous_cycle_id.clone(),
                    },
                    Err(err) if err.answer_lost() => return Err(err),
                    // A refusal: the tenant keeps no refused key, so the start never happened,
                    // and the checklist checks again as from the beginning.
                    Err(err) => {
                        self.phase = ChecklistPhase::CheckingStatus;
                        self.started_by = None;
                        return Err(err);
                    }
                }
            }
            ChecklistPhase::ClearingCache { previous_cycle_id } => {
                let cache = if runner.can_clear_cache().await? {
                    runner
                        .clear_cache(&format!("clear-{}", self.idempotency_key))
                        .await?;
                    CacheClearing::ByService
                } else {
                    CacheClearing::InPortal
                };
                ChecklistPhase::WatchingCycle {
                    previous_cycle_id: previous_cycle_id.clone(),
                    cycle_id: None,
                    since: runner.now(),
                    cache,
                }
            }
            ChecklistPhase::WatchingCycle {
                previous_cycle_id,
                since,
                cache,
                ..
            } => {
                let (since, cache) = (*since, *cache);
                let cycle = runner.current_cycle().await?;
                if &cycle.id == previous_cycle_id {
                    if (runner.now() - since).num_seconds() > self.bounds.new_cycle_seconds {
                        let last_result = match self.started_by {
                            Some(StartedBy::Task) => match runner.task_status(&self.task).await {
                                Ok(status) => status.last_result,
                                Err(err) => {
                                    tracing::warn!(
                                        "the last result of {} cannot be read: {err}",
                                        self.task
                                    );
                                    None
                                }
                            },
                            _ => None,
                        };
                        ChecklistPhase::NoNewCycle {
                            since,
                            last_result,
                            cache,
                        }
                    } else {
                        self.phase.clone()
                    }
                } else {
                    match cycle.state {
                        CycleState::Completed => ChecklistPhase::Completed {
                            cycle_id: cycle.id,
                            cache,
                        },
                        CycleState::Failed | CycleState::Stopped => {
                            ChecklistPhase::NewCycleStopped {
                                cycle_id: cycle.id,
                                cache,
                            }
                        }
                        _ => ChecklistPhase::WatchingCycle {
                            previous_cycle_id: previous_cycle_id.clone(),
                            cycle_id: Some(cycle.id),
                            since,
                            cache,
                        },
                    }
                }
            }
            ChecklistPhase::Refused { .. }
            | ChecklistPhase::TaskFailed { .. }
            | ChecklistPhase::NoNewCycle { .. }
            | ChecklistPhase::Completed { .. }
            | ChecklistPhase::NewCycleStopped { .. } => self.phase.clone(),
        };
        self.phase = next;
        Ok(&self.phase)
    }
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

/// How long after a nudge, once its task is done, a step that has not moved counts as stuck.
pub const NUDGE_GRACE: chrono::Duration = chrono::Duration::seconds(60);

/// Whether a nudged step moved: it did once its state or start changed; it did not once its task
/// is done and the grace after the nudge has passed; until then it is watched.
pub fn nudge_outcome(moved: bool, task_done: bool, since_nudge: chrono::Duration) -> NudgeOutcome {
    if moved {
        NudgeOutcome::Moved
    } else if task_done && since_nudge > NUDGE_GRACE {
        NudgeOutcome::NotMoved
    } else {
        NudgeOutcome::Watching
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn a_nudged_step_is_watched_until_it_moves_or_its_task_is_done_past_the_grace() {
        let soon = Duration::seconds(10);
        let later = NUDGE_GRACE + Duration::seconds(1);
        assert_eq!(nudge_outcome(true, false, soon), NudgeOutcome::Moved);
        assert_eq!(nudge_outcome(true, true, later), NudgeOutcome::Moved);
        assert_eq!(
            nudge_outcome(false, false, later),
            NudgeOutcome::Watching,
            "the task still runs"
        );
        assert_eq!(
            nudge_outcome(false, true, soon),
            NudgeOutcome::Watching,
            "too soon to tell"
        );
        assert_eq!(nudge_outcome(false, true, later), NudgeOutcome::NotMoved);
    }
}

//! The guards of the client's task, driven through random interleavings of cycle states, task
//! states and admin actions (concurrent starts, and a nudge at the moment of a start, included), with a scripted tenant and a recording
//! Task Scheduler, then with the demo scheduler the app runs: the same `TaskRunner` code.

#[path = "../../app/tests/fault_table/mod.rs"]
mod fault_table;
use chrono::{Duration, Utc};
use proptest::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use synkvakt_api::model::{Cycle, CycleKind, CycleState, Product, Step, StepState, TenantInfo};
use synkvakt_core::actions::{Action, ActionPath, MemoryAudit, Outcome};
use synkvakt_core::i18n::{Language, Localizer};
use synkvakt_core::machines::ClientMachines;
use synkvakt_core::manual_sync::{ChecklistBounds, CycleSource, Started, TaskRunner};
use synkvakt_core::status::{CycleView, ViewContext};
use synkvakt_core::usual::UsualTimes;
use synkvakt_core::Result;
use synkvakt_taskschd::codes::LastResult;
use synkvakt_taskschd::{Error as TaskError, TaskRef, TaskScheduler, TaskState, TaskStatus};

/// A delta cycle's usual time and the bound for a new cycle, as the session gives them.
const BOUNDS: ChecklistBounds = ChecklistBounds {
    delta_seconds: 45 * 60,
    new_cycle_seconds: 10 * 60,
};

const STEPS: [&str; 4] = [
    "import-hr",
    "import-hr-future",
    "synchronization",
    "export-ad",
];
const SYNC_TASK: &str = "eAdm synkronisering";

#[derive(Debug, Clone, Copy)]
enum Shape {
    Running { delta: bool },
    Completed,
    Resumed,
    Failed { at: usize },
    Stopped,
}

#[derive(Debug, Clone)]
enum Op {
    SetCycle(Shape),
    TaskFinishes,
    SetTaskDisabled(bool),
    StartManualSync {
        at_once: usize,
    },
    Nudge {
        step: usize,
    },
    /// A nudge of `step` and a manual-sync start at the same moment.
    NudgeWhileStarting {
        step: usize,
    },
}

fn cycle(shape: Shape) -> Cycle {
    let start = Utc::now() - Duration::minutes(30);
    let states: Vec<StepState> = (0..STEPS.len())
        .map(|index| match shape {
            Shape::Completed | Shape::Resumed => StepState::Completed,
            Shape::Running { .. } if index == 0 => StepState::Completed,
            Shape::Running { .. } if index == 1 => StepState::Running,
            Shape::Running { .. } => StepState::Waiting,
            Shape::Failed { at } if index < at => StepState::Completed,
            Shape::Failed { at } if index == at => StepState::Failed,
            Shape::Failed { .. } => StepState::Waiting,
            Shape::Stopped if index < 2 => StepState::Completed,
            Shape::Stopped if index == 2 => StepState::Stopped,
            Shape::Stopped => StepState::Waiting,
        })
        .collect();
    let steps = STEPS
        .iter()
        .zip(states)
        .enumerate()
        .map(|(index, (key, state))| {
            let started = start + Duration::minutes(index as i64);
            Step {
                key: key.to_string(),
                display_name: key.to_string(),
                started_at: (state != StepState::Waiting).then_some(started),
                finished_at: matches!(
                    state,
                    StepState::Completed | StepState::Failed | StepState::Stopped
                )
                .then_some(started + Duration::seconds(30)),
                state,
                message: None,
                error_code: None,
            }
        })
        .collect();
    Cycle {
        id: format!("{shape:?}"),
        kind: if matches!(shape, Shape::Running { delta: true }) {
            CycleKind::Delta
        } else {
            CycleKind::Full
        },
        state: match shape {
            Shape::Running { .. } => CycleState::Running,
            Shape::Completed => CycleState::Completed,
            Shape::Resumed => CycleState::Resumed,
            Shape::Failed { .. } => CycleState::Failed,
            Shape::Stopped => CycleState::Stopped,
        },
        started_at: start,
        finished_at: None,
        steps,
        import_filter: None,
    }
}

struct ScriptedTenant {
    cycle: Mutex<Cycle>,
    /// Starts cycles through its API, as newer eAdm does.
    can_start: bool,
    /// The state of the cycle before each start through the API.
    api_starts: Mutex<Vec<CycleState>>,
    /// The keys starts came with: a key seen before starts nothing, as the contract says.
    start_keys: Mutex<std::collections::HashSet<String>>,
    /// What becomes of the next starts: lost before the tenant got them (`true`) or their
    /// answer lost after it acted (`false`); then each is answered.
    lost: Mutex<std::collections::VecDeque<bool>>,
    /// Clears the admin's web cache through its API.
    can_clear: bool,
    cache_clears: Mutex<usize>,
    /// How far the tenant's clock is ahead of this computer's: a test moves time on with it.
    ahead: Mutex<Duration>,
}

impl CycleSource for ScriptedTenant {
    fn now(&self) -> chrono::DateTime<Utc> {
        Utc::now() + *self.ahead.lock().unwrap()
    }

    async fn can_clear_cache(&self) -> Result<bool> {
        Ok(self.can_clear)
    }

    async fn current_cycle(&self) -> Result<Cycle> {
        Ok(self.cycle.lock().unwrap().clone())
    }

    async fn can_start_cycle(&self) -> Result<bool> {
        Ok(self.can_start)
    }

    async fn start_cycle(&self, idempotency_key: &str) -> Result<()> {
        let lost = self.lost.lock().unwrap().pop_front();
        let timeout = || synkvakt_core::Error::Timeout {
            url: "https://tenant.example/api/v1/cycles".into(),
            seconds: 15,
        };
        if lost == Some(true) {
            return Err(timeout());
        }
        if self
            .start_keys
            .lock()
            .unwrap()
            .insert(idempotency_key.to_string())
        {
            let mut current = self.cycle.lock().unwrap();
            self.api_starts.lock().unwrap().push(current.state.clone());
            let mut started = cycle(Shape::Running { delta: false });
            started.id = format!("api-{}", self.api_starts.lock().unwrap().len());
            *current = started;
        }
        match lost {
            Some(_) => Err(timeout()),
            None => Ok(()),
        }
    }

    async fn clear_cache(&self, _idempotency_key: &str) -> Result<()> {
        *self.cache_clears.lock().unwrap() += 1;
        Ok(())
    }
}

/// Records every run with the tenant's cycle state at that moment; a run while the task runs is
/// an overlap.
struct RecordingScheduler {
    tenant: Arc<ScriptedTenant>,
    states: Mutex<HashMap<String, TaskState>>,
    runs: Mutex<Vec<CycleState>>,
    overlaps: Mutex<usize>,
    /// What the Task Scheduler gives as the last result; `None` as under Wine.
    last_result: Mutex<Option<LastResult>>,
}

impl TaskScheduler for RecordingScheduler {
    fn status(&self, task: &TaskRef) -> synkvakt_taskschd::Result<TaskStatus> {
        let state = *self
            .states
            .lock()
            .unwrap()
            .get(&task.name)
            .ok_or(TaskError::NotFound {
                task: task.to_string(),
            })?;
        Ok(TaskStatus {
            state,
            last_run: None,
            last_result: *self.last_result.lock().unwrap(),
            not_supported: Vec::new(),
        })
    }

    fn run(&self, task: &TaskRef) -> synkvakt_taskschd::Result<()> {
        let mut states = self.states.lock().unwrap();
        let state = states.get_mut(&task.name).ok_or(TaskError::NotFound {
            task: task.to_string(),
        })?;
        if *state == TaskState::Running {
            *self.overlaps.lock().unwrap() += 1;
        }
        *state = TaskState::Running;
        self.runs
            .lock()
            .unwrap()
            .push(self.tenant.cycle.lock().unwrap().state.clone());
        Ok(())
    }
}

fn tenant_info() -> TenantInfo {
    TenantInfo {
        name: "Kommune X".into(),
        product: Product::EAdm,
        can_start_cycle: false,
        can_clear_cache: false,
        api_version: "1".into(),
    }
}

fn view_of(cycle: &Cycle) -> CycleView {
    let localizer = Localizer::new(Language::En);
    let usual = UsualTimes::default();
    let machines = ClientMachines {
        client_server: Some("eadm-klient01".into()),
        ..ClientMachines::default()
    };
    let context = ViewContext {
        localizer: &localizer,
        usual: &usual,
        machines: &machines,
        this_machine: "ws01",
        now: Utc::now(),
    };
    CycleView::build(cycle, &tenant_info(), &context)
}

fn shape() -> impl Strategy<Value = Shape> {
    prop_oneof![
        any::<bool>().prop_map(|delta| Shape::Running { delta }),
        Just(Shape::Completed),
        Just(Shape::Resumed),
        (0..STEPS.len()).prop_map(|at| Shape::Failed { at }),
        Just(Shape::Stopped),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        shape().prop_map(Op::SetCycle),
        Just(Op::TaskFinishes),
        any::<bool>().prop_map(Op::SetTaskDisabled),
        (1usize..=3).prop_map(|at_once| Op::StartManualSync { at_once }),
        (0..STEPS.len()).prop_map(|step| Op::Nudge { step }),
        (0..STEPS.len()).prop_map(|step| Op::NudgeWhileStarting { step }),
    ]
}

/// A scripted tenant with `shape`, a recording scheduler whose task is Ready, an audit log in a
/// throwaway folder, and the runner over them.
struct Rig {
    tenant: Arc<ScriptedTenant>,
    scheduler: Arc<RecordingScheduler>,
    audit: Arc<ActionPath>,
    runner: Arc<TaskRunner<ScriptedTenant>>,
}

impl Rig {
    fn new(shape: Shape) -> Rig {
        Rig::starting_by(shape, false)
    }

    /// With `can_start`, the tenant starts new cycles through its API instead of the task.
    fn starting_by(shape: Shape, can_start: bool) -> Rig {
        Rig::build(shape, can_start, true)
    }

    /// With `can_clear`, the tenant clears the admin's cache through its API; else the admin
    /// clears it in the portal.
    fn build(shape: Shape, can_start: bool, can_clear: bool) -> Rig {
        let tenant = Arc::new(ScriptedTenant {
            cycle: Mutex::new(cycle(shape)),
            can_start,
            api_starts: Mutex::new(Vec::new()),
            start_keys: Mutex::new(Default::default()),
            lost: Mutex::default(),
            can_clear,
            cache_clears: Mutex::new(0),
            ahead: Mutex::new(Duration::zero()),
        });
        let scheduler = Arc::new(RecordingScheduler {
            tenant: tenant.clone(),
            states: Mutex::new(HashMap::from([(SYNC_TASK.to_string(), TaskState::Ready)])),
            runs: Mutex::new(Vec::new()),
            overlaps: Mutex::new(0),
            last_result: Mutex::new(None),
        });
        let audit = Arc::new(ActionPath::new(
            Arc::new(MemoryAudit::default()),
            "admin".into(),
        ));
        let runner = Arc::new(TaskRunner::new(
            tenant.clone(),
            scheduler.clone(),
            audit.clone(),
            "Kommune X".into(),
        ));
        Rig {
            tenant,
            scheduler,
            audit,
            runner,
        }
    }
}

fn check(ops: Vec<Op>, can_start: bool) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        let Rig {
            tenant,
            scheduler,
            audit,
            runner,
        } = Rig::starting_by(Shape::Completed, can_start);
        let task = TaskRef::new(SYNC_TASK, Some("eadm-klient01".into()));
        let starts_of = |tenant: &ScriptedTenant, scheduler: &RecordingScheduler| {
            let by_task = scheduler.runs.lock().unwrap().len();
            by_task + tenant.api_starts.lock().unwrap().len()
        };

        for op in ops {
            let shape_now = tenant.cycle.lock().unwrap().clone();
            let task_before = scheduler.states.lock().unwrap()[SYNC_TASK];
            let runs_before = scheduler.runs.lock().unwrap().len();
            let starts_before = starts_of(&tenant, &scheduler);
            match op {
                Op::SetCycle(shape) => *tenant.cycle.lock().unwrap() = cycle(shape),
                Op::TaskFinishes => {
                    scheduler
                        .states
                        .lock()
                        .unwrap()
                        .insert(SYNC_TASK.into(), TaskState::Ready);
                }
                Op::SetTaskDisabled(disabled) => {
                    let mut states = scheduler.states.lock().unwrap();
                    let state = states.get_mut(SYNC_TASK).unwrap();
                    if disabled && *state != TaskState::Running {
                        *state = TaskState::Disabled;
                    } else if !disabled && *state == TaskState::Disabled {
                        *state = TaskState::Ready;
                    }
                }
                Op::StartManualSync { at_once } => {
                    let starts: Vec<_> = (0..at_once)
                        .map(|_| {
                            let runner = runner.clone();
                            let task = task.clone();
                            tokio::spawn(async move {
                                runner
                                    .start_manual_sync(
                                        &task,
                                        &synkvakt_core::actions::random_token(),
                                    )
                                    .await
                            })
                        })
                        .collect();
                    let mut outcomes = Vec::new();
                    for start in starts {
                        outcomes.push(start.await.unwrap());
                    }
                    let ran = starts_of(&tenant, &scheduler) - starts_before;
                    let finished =
                        matches!(shape_now.state, CycleState::Completed | CycleState::Resumed);
                    if shape_now.state == CycleState::Running {
                        assert_eq!(ran, 0, "started over a running cycle");
                        // A delta cycle is waited for; a full one is never started over.
                        assert!(
                            outcomes.iter().all(|o| match shape_now.kind {
                                CycleKind::Delta => matches!(o, Ok(Started::Waiting { .. })),
                                CycleKind::Full => matches!(
                                    o,
                                    Err(synkvakt_core::Error::TaskRefused(
                                        synkvakt_core::readiness::Refusal::FullCycleRunning { .. }
                                    ))
                                ),
                            }),
                            "{outcomes:?}"
                        );
                    } else if finished && (can_start || task_before == TaskState::Ready) {
                        assert_eq!(
                            ran, 1,
                            "exactly one of {at_once} concurrent starts starts a cycle"
                        );
                    } else {
                        assert_eq!(
                            ran, 0,
                            "started over {:?} with the task {task_before:?}",
                            shape_now.state
                        );
                    }
                }
                Op::Nudge { step } => {
                    let result = runner.nudge(STEPS[step], &task, view_of).await;
                    let ran = scheduler.runs.lock().unwrap().len() - runs_before;
                    // The guide's rule: only eAdm's failed Export AD is nudged with the sync task
                    // among these steps (nothing here waits or runs past its usual time).
                    let allowed = shape_now.steps[step].state == StepState::Failed
                        && STEPS[step] == "export-ad"
                        && task_before == TaskState::Ready;
                    assert_eq!(
                        ran,
                        usize::from(allowed),
                        "nudge of {} over {:?}: {result:?}",
                        STEPS[step],
                        shape_now.state
                    );
                    assert_eq!(result.is_ok(), allowed, "{result:?}");
                }
                Op::NudgeWhileStarting { step } => {
                    let start = {
                        let runner = runner.clone();
                        let task = task.clone();
                        tokio::spawn(async move {
                            runner
                                .start_manual_sync(&task, &synkvakt_core::actions::random_token())
                                .await
                        })
                    };
                    let nudged = runner.nudge(STEPS[step], &task, view_of).await;
                    let started = start.await.unwrap();
                    let ran = starts_of(&tenant, &scheduler) - starts_before;
                    // A nudge needs a failed step, a new sync a finished cycle: never both.
                    assert!(
                        ran <= 1,
                        "{ran} runs from one nudge and one start: {nudged:?} {started:?}"
                    );
                    if shape_now.state == CycleState::Running {
                        assert_eq!(ran, 0, "ran over a running cycle");
                    }
                    if nudged.is_ok() {
                        assert_eq!(shape_now.steps[step].state, StepState::Failed);
                    }
                }
            }
        }

        assert_eq!(
            *scheduler.overlaps.lock().unwrap(),
            0,
            "two runs of the task overlapped"
        );
        let api_starts = tenant.api_starts.lock().unwrap().clone();
        assert!(
            api_starts
                .iter()
                .all(|state| matches!(state, CycleState::Completed | CycleState::Resumed)),
            "the API started a cycle over {api_starts:?}"
        );
        let entries = audit.recent(10_000).unwrap();
        let done = entries
            .iter()
            .filter(|e| {
                e.outcome == Outcome::Done
                    && matches!(e.action, Action::RunTask { .. } | Action::StartCycle)
            })
            .count();
        assert_eq!(
            done,
            starts_of(&tenant, &scheduler),
            "every start is in the audit log"
        );
    });
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn the_task_never_runs_over_an_unfinished_cycle_nor_twice_at_once(ops in proptest::collection::vec(op(), 1..40), can_start in any::<bool>()) {
        check(ops, can_start);
    }
}

#[test]
fn a_delta_cycle_makes_the_checklist_wait_and_a_failed_one_refuses_with_the_reason() {
    use synkvakt_core::readiness::{readiness, Readiness, Refusal, TaskCheck};
    assert!(matches!(
        readiness(
            &cycle(Shape::Running { delta: true }),
            TaskCheck::State(TaskState::Ready)
        ),
        Readiness::WaitForCycle { .. }
    ));
    assert_eq!(
        readiness(
            &cycle(Shape::Failed { at: 3 }),
            TaskCheck::State(TaskState::Ready)
        ),
        Readiness::Refused(Refusal::LastCycleFailed {
            step: "export-ad".into()
        })
    );
    let reason = Refusal::LastCycleFailed {
        step: "Export AD".into(),
    }
    .reason();
    assert_eq!(
        reason,
        "the last cycle failed at Export AD: see its guidance, or contact support"
    );
    assert_eq!(
        readiness(&cycle(Shape::Stopped), TaskCheck::State(TaskState::Ready)),
        Readiness::Refused(Refusal::LastCycleStopped)
    );
    assert_eq!(
        readiness(&cycle(Shape::Resumed), TaskCheck::State(TaskState::Ready)),
        Readiness::Ready
    );
    assert_eq!(
        readiness(
            &cycle(Shape::Completed),
            TaskCheck::State(TaskState::Running)
        ),
        Readiness::Refused(Refusal::TaskRunning)
    );
}

#[test]
fn the_checklist_walks_a_finished_cycle_to_a_new_completed_one() {
    use synkvakt_core::manual_sync::{CacheClearing, Checklist, ChecklistPhase};
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let Rig {
            tenant,
            scheduler,
            audit,
            runner,
        } = Rig::new(Shape::Completed);
        let previous = tenant.cycle.lock().unwrap().id.clone();
        let mut checklist = Checklist::new(TaskRef::new(SYNC_TASK, None), BOUNDS);

        let task_runs = |phase: &ChecklistPhase| {
            matches!(phase, ChecklistPhase::TaskRunning { previous_cycle_id, .. } if *previous_cycle_id == previous)
        };
        assert!(task_runs(checklist.advance(&runner).await.unwrap()));
        // The task still runs: the checklist waits, and runs nothing a second time.
        assert!(task_runs(checklist.advance(&runner).await.unwrap()));
        scheduler
            .states
            .lock()
            .unwrap()
            .insert(SYNC_TASK.into(), TaskState::Ready);
        assert_eq!(
            checklist.advance(&runner).await.unwrap(),
            &ChecklistPhase::ClearingCache {
                previous_cycle_id: previous.clone()
            }
        );
        assert!(matches!(
            checklist.advance(&runner).await.unwrap(),
            ChecklistPhase::WatchingCycle { cycle_id: None, cache: CacheClearing::ByService, .. }
        ));
        let mut new = cycle(Shape::Running { delta: false });
        new.id = "new".into();
        *tenant.cycle.lock().unwrap() = new.clone();
        assert!(matches!(
            checklist.advance(&runner).await.unwrap(),
            ChecklistPhase::WatchingCycle { cycle_id: Some(id), .. } if id == "new"
        ));
        new.state = CycleState::Completed;
        *tenant.cycle.lock().unwrap() = new;
        assert_eq!(
            checklist.advance(&runner).await.unwrap(),
            &ChecklistPhase::Completed {
                cycle_id: "new".into(),
                cache: CacheClearing::ByService,
            }
        );
        assert_eq!(scheduler.runs.lock().unwrap().len(), 1);

        let done: Vec<&str> = audit
            .recent(20)
            .unwrap()
            .iter()
            .filter(|entry| entry.outcome == Outcome::Done)
            .map(|entry| match entry.action {
                Action::RunTask { .. } => "run-task",
                Action::ClearCache => "clear-cache",
                _ => "other",
            })
            .collect();
        assert_eq!(done, ["run-task", "clear-cache"]);
    });
}

/// Runs `checklist` from the start until the task is Ready again and its result read.
async fn through_the_task(
    checklist: &mut synkvakt_core::manual_sync::Checklist,
    rig: &Rig,
    result: Option<LastResult>,
) -> synkvakt_core::manual_sync::ChecklistPhase {
    checklist.advance(&rig.runner).await.unwrap();
    *rig.scheduler.last_result.lock().unwrap() = result;
    rig.scheduler
        .states
        .lock()
        .unwrap()
        .insert(SYNC_TASK.into(), TaskState::Ready);
    checklist.advance(&rig.runner).await.unwrap().clone()
}

#[test]
fn a_task_state_unreadable_after_the_run_stops_the_checklist() {
    use synkvakt_core::manual_sync::{Checklist, ChecklistPhase};
    use synkvakt_core::readiness::Refusal;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let rig = Rig::new(Shape::Completed);
        let mut checklist = Checklist::new(TaskRef::new(SYNC_TASK, None), BOUNDS);
        checklist.advance(&rig.runner).await.unwrap();
        assert!(matches!(
            checklist.phase,
            ChecklistPhase::TaskRunning { .. }
        ));
        rig.scheduler
            .states
            .lock()
            .unwrap()
            .insert(SYNC_TASK.into(), TaskState::Unknown);
        let phase = checklist.advance(&rig.runner).await.unwrap().clone();
        assert_eq!(
            phase,
            ChecklistPhase::Refused {
                refusal: Refusal::TaskStateUnreadable
            },
            "an unreadable state is never taken as the run being done"
        );
        assert!(
            checklist.phase.ends(),
            "it clears no cache and watches no cycle"
        );
    });
}

#[test]
fn a_failing_last_result_stops_the_checklist_and_informational_codes_do_not() {
    use synkvakt_core::manual_sync::{last_result_text, Checklist, ChecklistPhase};
    use synkvakt_taskschd::codes::{
        SCHED_S_TASK_HAS_NOT_RUN, SCHED_S_TASK_RUNNING, SCHED_S_TASK_TERMINATED,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        for (code, stops) in [
            (1, true),
            (0x8007_0005, true),
            (SCHED_S_TASK_TERMINATED, true),
            (0, false),
            (SCHED_S_TASK_HAS_NOT_RUN, false),
            (SCHED_S_TASK_RUNNING, false),
        ] {
            let rig = Rig::new(Shape::Completed);
            let mut checklist = Checklist::new(TaskRef::new(SYNC_TASK, None), BOUNDS);
            let phase =
                through_the_task(&mut checklist, &rig, Some(LastResult::from_code(code))).await;
            match phase {
                ChecklistPhase::TaskFailed { result } => {
                    assert!(stops, "{code:#x} is informational, yet it stopped");
                    assert_eq!(result.code, code);
                    let words = last_result_text(Some(&result), &Localizer::new(Language::En));
                    assert!(words.contains(&format!("{code:#010x}")), "{words}");
                }
                ChecklistPhase::ClearingCache { .. } => {
                    assert!(!stops, "{code:#x} did not stop it")
                }
                other => panic!("{code:#x}: {other:?}"),
            }
        }
        // A Task Scheduler that cannot say (Wine) lets the checklist go on.
        let rig = Rig::new(Shape::Completed);
        let mut checklist = Checklist::new(TaskRef::new(SYNC_TASK, None), BOUNDS);
        assert!(matches!(
            through_the_task(&mut checklist, &rig, None).await,
            ChecklistPhase::ClearingCache { .. }
        ));
        assert_eq!(
            last_result_text(None, &Localizer::new(Language::En)),
            Localizer::new(Language::En).text("last-result-unknown")
        );
    });
}

#[test]
fn no_new_cycle_within_the_bound_stops_the_checklist_with_the_tasks_last_result() {
    use synkvakt_core::manual_sync::{CacheClearing, Checklist, ChecklistPhase};
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let rig = Rig::build(Shape::Completed, false, false);
        let mut checklist = Checklist::new(TaskRef::new(SYNC_TASK, None), BOUNDS);
        let succeeded = Some(LastResult::from_code(0));
        through_the_task(&mut checklist, &rig, succeeded).await;
        let watching = checklist.advance(&rig.runner).await.unwrap().clone();
        assert!(
            matches!(
                watching,
                ChecklistPhase::WatchingCycle {
                    cache: CacheClearing::InPortal,
                    ..
                }
            ),
            "a tenant that cannot clear the cache leaves it to the admin: {watching:?}"
        );
        assert_eq!(*rig.tenant.cache_clears.lock().unwrap(), 0);
        // Within the bound it watches on.
        *rig.tenant.ahead.lock().unwrap() = Duration::seconds(BOUNDS.new_cycle_seconds - 30);
        assert!(matches!(
            checklist.advance(&rig.runner).await.unwrap(),
            ChecklistPhase::WatchingCycle { .. }
        ));
        // Past it, with the same cycle still the newest, it stops and says the task's result.
        *rig.tenant.ahead.lock().unwrap() = Duration::seconds(BOUNDS.new_cycle_seconds + 30);
        assert_eq!(
            checklist.advance(&rig.runner).await.unwrap(),
            &ChecklistPhase::NoNewCycle {
                since: match watching {
                    ChecklistPhase::WatchingCycle { since, .. } => since,
                    _ => unreachable!(),
                },
                last_result: succeeded,
                cache: CacheClearing::InPortal,
            }
        );
        assert!(checklist.phase.ends());
        assert_eq!(
            rig.scheduler.runs.lock().unwrap().len(),
            1,
            "it never runs the task again on its own"
        );
    });
}

#[test]
fn behind_a_delta_cycle_past_its_usual_time_the_checklist_stops_and_asks_again() {
    use synkvakt_core::manual_sync::{Checklist, ChecklistPhase};
    use synkvakt_core::readiness::Refusal;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let rig = Rig::new(Shape::Running { delta: true });
        let mut checklist = Checklist::new(TaskRef::new(SYNC_TASK, None), BOUNDS);
        // The delta cycle started 30 minutes ago: within its usual 45.
        assert!(matches!(
            checklist.advance(&rig.runner).await.unwrap(),
            ChecklistPhase::WaitingForCycle { cycle_id, .. } if cycle_id == "Running { delta: true }"
        ));
        *rig.tenant.ahead.lock().unwrap() = Duration::minutes(20);
        match checklist.advance(&rig.runner).await.unwrap() {
            ChecklistPhase::Refused {
                refusal: Refusal::DeltaRunsLong { minutes, .. },
            } => assert_eq!(*minutes, 50),
            other => panic!("{other:?}"),
        }
        assert!(rig.scheduler.runs.lock().unwrap().is_empty());

        // Behind a full cycle it refuses at once, as the guide does.
        let rig = Rig::new(Shape::Running { delta: false });
        let mut checklist = Checklist::new(TaskRef::new(SYNC_TASK, None), BOUNDS);
        assert!(matches!(
            checklist.advance(&rig.runner).await.unwrap(),
            ChecklistPhase::Refused { refusal: Refusal::FullCycleRunning { .. } }
        ));
    });
}

#[test]
fn a_cycle_labelled_completed_with_a_step_not_completed_or_an_unreadable_task_refuses() {
    use synkvakt_core::readiness::{readiness, Readiness, Refusal, TaskCheck};
    let ready = TaskCheck::State(TaskState::Ready);
    for (state, wire) in [
        (StepState::Failed, "failed"),
        (StepState::Running, "running"),
        (StepState::Unknown("paused".into()), "paused"),
        (StepState::Skipped, "skipped"),
    ] {
        let mut labelled = cycle(Shape::Completed);
        labelled.steps[2].state = state;
        assert_eq!(
            readiness(&labelled, ready),
            Readiness::Refused(Refusal::StepNotCompleted {
                step: "synchronization".into(),
                state: wire.into()
            }),
            "a full cycle skips nothing"
        );
    }
    // A delta cycle skips the imports and is finished all the same.
    let mut delta = cycle(Shape::Completed);
    delta.kind = CycleKind::Delta;
    delta.steps[0].state = StepState::Skipped;
    delta.steps[1].state = StepState::Skipped;
    assert_eq!(readiness(&delta, ready), Readiness::Ready);
    assert_eq!(
        readiness(
            &cycle(Shape::Completed),
            TaskCheck::State(TaskState::Unknown)
        ),
        Readiness::Refused(Refusal::TaskStateUnreadable)
    );
    assert_eq!(
        readiness(&cycle(Shape::Completed), TaskCheck::NotNeeded),
        Readiness::Ready
    );
    let words = Refusal::TaskStateUnreadable.text(&Localizer::new(Language::En));
    assert!(words.contains("Task Scheduler"), "{words}");
}

#[test]
fn the_checklist_waits_on_a_running_cycle_and_refuses_a_failed_one() {
    use synkvakt_core::manual_sync::{Checklist, ChecklistPhase};
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let Rig {
            tenant,
            scheduler,
            runner,
            ..
        } = Rig::new(Shape::Running { delta: true });
        let mut checklist = Checklist::new(TaskRef::new(SYNC_TASK, None), BOUNDS);
        assert!(matches!(
            checklist.advance(&runner).await.unwrap(),
            ChecklistPhase::WaitingForCycle { .. }
        ));
        *tenant.cycle.lock().unwrap() = cycle(Shape::Failed { at: 3 });
        match checklist.advance(&runner).await.unwrap() {
            ChecklistPhase::Refused { refusal } => {
                let reason = refusal.reason();
                assert!(reason.contains("failed at export-ad"), "{reason}")
            }
            other => panic!("{other:?}"),
        }
        assert!(scheduler.runs.lock().unwrap().is_empty());
    });
}

#[test]
fn a_tenant_that_starts_cycles_itself_is_asked_through_its_api_and_no_task_runs() {
    use synkvakt_core::manual_sync::{Checklist, ChecklistPhase};
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let Rig {
            tenant,
            scheduler,
            audit,
            runner,
        } = Rig::starting_by(Shape::Completed, true);
        let previous = tenant.cycle.lock().unwrap().id.clone();
        let mut checklist = Checklist::new(TaskRef::new(SYNC_TASK, None), BOUNDS);
        assert_eq!(
            checklist.advance(&runner).await.unwrap(),
            &ChecklistPhase::ClearingCache {
                previous_cycle_id: previous
            },
            "no task to wait for"
        );
        assert!(scheduler.runs.lock().unwrap().is_empty());
        assert_eq!(tenant.api_starts.lock().unwrap().len(), 1);
        let actions: Vec<(Action, Outcome)> = audit
            .recent(10)
            .unwrap()
            .into_iter()
            .map(|entry| (entry.action, entry.outcome))
            .collect();
        assert_eq!(
            actions,
            [
                (Action::StartCycle, Outcome::Started),
                (Action::StartCycle, Outcome::Done)
            ]
        );

        // The same rule as for the task: a failed cycle refuses.
        *tenant.cycle.lock().unwrap() = cycle(Shape::Failed { at: 3 });
        let mut again = Checklist::new(TaskRef::new(SYNC_TASK, None), BOUNDS);
        assert!(matches!(
            again.advance(&runner).await.unwrap(),
            ChecklistPhase::Refused { .. }
        ));
        assert_eq!(tenant.api_starts.lock().unwrap().len(), 1);
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// However many starts are lost on the way or their answers on the way back, the checklist
    /// sends the same start again and never a new one: one cycle for one confirmed start,
    /// followed to its cache clear.
    #[test]
    fn a_lost_start_is_sent_again_never_started_anew(
        lost in proptest::collection::vec(any::<bool>(), 0..6),
        looks in 1usize..12,
    ) {
        use synkvakt_core::manual_sync::{Checklist, ChecklistPhase};
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let Rig { tenant, runner, .. } = Rig::starting_by(Shape::Completed, true);
            let faults = lost.len();
            *tenant.lost.lock().unwrap() = lost.into();
            let previous = tenant.cycle.lock().unwrap().id.clone();
            let mut checklist = Checklist::new(TaskRef::new(SYNC_TASK, None), BOUNDS);
            for _ in 0..looks + faults {
                if matches!(checklist.phase, ChecklistPhase::ClearingCache { .. }) {
                    break;
                }
                let _ = checklist.advance(&runner).await;
            }
            prop_assert_eq!(tenant.api_starts.lock().unwrap().len(), 1, "one cycle per confirmed start");
            prop_assert_eq!(
                &checklist.phase,
                &ChecklistPhase::ClearingCache { previous_cycle_id: previous },
                "the checklist follows its own start, not a cycle it then waits behind"
            );
            Ok(())
        })?;
    }
}

#[test]
fn the_table_says_what_the_property_of_lost_starts_holds() {
    use synkvakt_core::manual_sync::{Checklist, ChecklistPhase};
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let Rig { tenant, runner, .. } = Rig::starting_by(Shape::Completed, true);
        *tenant.lost.lock().unwrap() = [true, false, false, true, false].into();
        let mut checklist = Checklist::new(TaskRef::new(SYNC_TASK, None), BOUNDS);
        while !matches!(checklist.phase, ChecklistPhase::ClearingCache { .. }) {
            let _ = checklist.advance(&runner).await;
        }
        fault_table::seen(
            "Changing the tenant's data: cycles and the cache",
            "the manual sync's start through the API: lost on the way or its answer lost, five times over",
            format!(
                "the same start sent again with its key, never the readiness check behind its own cycle; cycles started: {} (a property over 0-5 lost requests and answers holds it)",
                tenant.api_starts.lock().unwrap().len()
            ),
        );
    });
}

/// The demo scheduler the app runs, behind a window that notes the cycle's state at each run and
/// every run the scheduler itself had to refuse because one was under way.
struct WatchedDemoScheduler {
    inner: synkvakt_taskschd::demo::DemoScheduler,
    tenant: Arc<ScriptedTenant>,
    runs: Mutex<Vec<CycleState>>,
    refused_overlaps: Mutex<usize>,
}

impl TaskScheduler for WatchedDemoScheduler {
    fn status(&self, task: &TaskRef) -> synkvakt_taskschd::Result<TaskStatus> {
        self.inner.status(task)
    }

    fn run(&self, task: &TaskRef) -> synkvakt_taskschd::Result<()> {
        let state = self.tenant.cycle.lock().unwrap().state.clone();
        let result = self.inner.run(task);
        match &result {
            Ok(()) => self.runs.lock().unwrap().push(state),
            Err(TaskError::AlreadyRunning { .. }) => *self.refused_overlaps.lock().unwrap() += 1,
            Err(_) => {}
        }
        result
    }
}

/// The same guards with the demo scheduler, whose runs end on their own a few milliseconds
/// later, so that task states change under the admin's actions as they do for real.
fn check_with_demo_scheduler(ops: Vec<Op>) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        let tenant = Arc::new(ScriptedTenant {
            cycle: Mutex::new(cycle(Shape::Completed)),
            can_start: false,
            api_starts: Mutex::new(Vec::new()),
            start_keys: Mutex::new(Default::default()),
            lost: Mutex::default(),
            can_clear: true,
            cache_clears: Mutex::new(0),
            ahead: Mutex::new(Duration::zero()),
        });
        let task = TaskRef::new(SYNC_TASK, Some("eadm-klient01".into()));
        let scheduler = Arc::new(WatchedDemoScheduler {
            inner: synkvakt_taskschd::demo::DemoScheduler::new(
                [task.clone()],
                std::time::Duration::from_millis(15),
                Arc::new(|_| {}),
            ),
            tenant: tenant.clone(),
            runs: Mutex::new(Vec::new()),
            refused_overlaps: Mutex::new(0),
        });
        let audit = Arc::new(ActionPath::new(
            Arc::new(MemoryAudit::default()),
            "admin".into(),
        ));
        let runner = Arc::new(TaskRunner::new(
            tenant.clone(),
            scheduler.clone(),
            audit.clone(),
            "Kommune X".into(),
        ));
        for op in ops {
            let shape_now = tenant.cycle.lock().unwrap().clone();
            let runs_before = scheduler.runs.lock().unwrap().len();
            match op {
                Op::SetCycle(shape) => *tenant.cycle.lock().unwrap() = cycle(shape),
                Op::TaskFinishes => tokio::time::sleep(std::time::Duration::from_millis(20)).await,
                // The demo scheduler has no disabled tasks.
                Op::SetTaskDisabled(_) => {}
                Op::StartManualSync { at_once } => {
                    let starts: Vec<_> = (0..at_once)
                        .map(|_| {
                            let runner = runner.clone();
                            let task = task.clone();
                            tokio::spawn(async move {
                                runner
                                    .start_manual_sync(
                                        &task,
                                        &synkvakt_core::actions::random_token(),
                                    )
                                    .await
                            })
                        })
                        .collect();
                    for start in starts {
                        start.await.unwrap().ok();
                    }
                    let ran = scheduler.runs.lock().unwrap().len() - runs_before;
                    assert!(
                        ran <= 1,
                        "{ran} of {at_once} concurrent starts ran the task"
                    );
                    let finished =
                        matches!(shape_now.state, CycleState::Completed | CycleState::Resumed);
                    assert!(
                        finished || ran == 0,
                        "a manual sync ran over {:?}",
                        shape_now.state
                    );
                }
                Op::Nudge { step } => {
                    let result = runner.nudge(STEPS[step], &task, view_of).await;
                    let ran = scheduler.runs.lock().unwrap().len() - runs_before;
                    let allowed = shape_now.steps[step].state == StepState::Failed
                        && STEPS[step] == "export-ad";
                    assert!(
                        allowed || ran == 0,
                        "nudge of {} over {:?} ran the task: {result:?}",
                        STEPS[step],
                        shape_now.state
                    );
                }
                Op::NudgeWhileStarting { step } => {
                    let start = {
                        let runner = runner.clone();
                        let task = task.clone();
                        tokio::spawn(async move {
                            runner
                                .start_manual_sync(&task, &synkvakt_core::actions::random_token())
                                .await
                        })
                    };
                    let _ = runner.nudge(STEPS[step], &task, view_of).await;
                    let _ = start.await.unwrap();
                    let ran = scheduler.runs.lock().unwrap().len() - runs_before;
                    assert!(ran <= 1, "{ran} runs from one nudge and one start");
                }
            }
        }
        let runs = scheduler.runs.lock().unwrap().clone();
        assert!(
            runs.iter().all(|state| matches!(
                state,
                CycleState::Completed | CycleState::Resumed | CycleState::Failed
            )),
            "the task ran over {runs:?}"
        );
        assert_eq!(
            *scheduler.refused_overlaps.lock().unwrap(),
            0,
            "a run was attempted while the task ran"
        );
        let done = audit
            .recent(10_000)
            .unwrap()
            .iter()
            .filter(|e| e.outcome == Outcome::Done && matches!(e.action, Action::RunTask { .. }))
            .count();
        assert_eq!(done, runs.len(), "every run is in the audit log");
    });
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn with_the_demo_scheduler_no_run_overlaps_or_lands_on_an_unfinished_cycle(ops in proptest::collection::vec(op(), 1..30)) {
        check_with_demo_scheduler(ops);
    }
}

#[test]
fn a_domain_controllers_task_is_refused_in_rust_unless_the_profile_allows_it() {
    use synkvakt_core::manual_sync::nudge_refusal;
    use synkvakt_core::readiness::Refusal;
    let now = Utc::now();
    let step = |key: &str, state: StepState, finished: Option<chrono::DateTime<Utc>>| Step {
        key: key.into(),
        display_name: key.into(),
        started_at: finished.map(|at| at - Duration::minutes(10)),
        finished_at: finished,
        state,
        message: None,
        error_code: None,
    };
    let cycle = Cycle {
        id: "efeide-1".into(),
        kind: CycleKind::Full,
        state: CycleState::Running,
        started_at: now - Duration::hours(3),
        finished_at: None,
        steps: vec![
            step(
                "synchronization",
                StepState::Completed,
                Some(now - Duration::hours(2)),
            ),
            step("export-ad", StepState::Waiting, None),
        ],
        import_filter: None,
    };
    let tenant = TenantInfo {
        product: Product::EFeide,
        ..tenant_info()
    };
    let view = |allow: bool| {
        let localizer = Localizer::new(Language::En);
        let usual = UsualTimes::default();
        let machines = ClientMachines {
            domain_controllers: vec!["dc01".into()],
            allow_domain_controller_tasks: allow,
            ..ClientMachines::default()
        };
        CycleView::build(
            &cycle,
            &tenant,
            &ViewContext {
                localizer: &localizer,
                usual: &usual,
                machines: &machines,
                this_machine: "ws01",
                now,
            },
        )
    };
    let task = "eFeide Import AD";
    assert_eq!(
        nudge_refusal(&view(false), "export-ad", task, Some("dc01")),
        Some(Refusal::DomainControllerNotAllowed { task: task.into() })
    );
    assert_eq!(
        nudge_refusal(&view(true), "export-ad", task, Some("dc01")),
        None
    );
    assert!(
        matches!(
            nudge_refusal(&view(true), "export-ad", task, Some("dc02")),
            Some(Refusal::NotARemedy { .. })
        ),
        "only the domain controllers the profile names"
    );
}

#[test]
fn the_demo_schedulers_failing_run_stops_the_checklist_with_its_code_in_words() {
    use synkvakt_core::manual_sync::{last_result_text, Checklist, ChecklistPhase};
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let rig = Rig::new(Shape::Completed);
        let task = TaskRef::new(SYNC_TASK, None);
        let demo = Arc::new(synkvakt_taskschd::demo::DemoScheduler::new(
            [task.clone()],
            std::time::Duration::from_millis(20),
            Arc::new(|_| {}),
        ));
        demo.end_runs_with(0x8007_0002);
        let runner = TaskRunner::new(
            rig.tenant.clone(),
            demo.clone(),
            rig.audit.clone(),
            "Kommune X".into(),
        );
        let mut checklist = Checklist::new(task, BOUNDS);
        let mut phase = checklist.advance(&runner).await.unwrap().clone();
        while matches!(phase, ChecklistPhase::TaskRunning { .. }) {
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            phase = checklist.advance(&runner).await.unwrap().clone();
        }
        let ChecklistPhase::TaskFailed { result } = phase else {
            panic!("{phase:?}");
        };
        assert_eq!(result.code, 0x8007_0002);
        let words = last_result_text(Some(&result), &Localizer::new(Language::Nb));
        assert!(words.starts_with("feilet med kode 0x80070002"), "{words}");
        assert!(checklist.phase.ends(), "it goes no further on its own");
    });
}

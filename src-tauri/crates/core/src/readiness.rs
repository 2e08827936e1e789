//! The rule of the manual-sync guide: whether a new manual synchronization may start now, and
//! why not, in words the admin can act on.

use crate::i18n::Localizer;
use chrono::{DateTime, Utc};
use synkvakt_api::model::{Cycle, CycleKind, CycleState, StepState};
use synkvakt_taskschd::TaskState;

/// Whether a new manual synchronization may start now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Readiness {
    /// The last cycle is finished (completed, or resumed after an import-filter stop).
    Ready,
    /// A delta cycle runs: wait for it, then check again.
    WaitForCycle {
        cycle_id: String,
        started_at: DateTime<Utc>,
    },
    /// Not now, and not by waiting: the reason is for the admin.
    Refused(Refusal),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The last cycle failed at a step: its guidance comes first, or support.
    LastCycleFailed { step: String },
    /// The import filter stopped the last cycle: review and resume it first.
    LastCycleStopped,
    /// The cycle is in a state Synkvakt does not know.
    UnknownCycleState { state: String },
    /// A full cycle runs: the guide says never to start over it.
    FullCycleRunning { cycle_id: String },
    /// The delta cycle the checklist waited for runs past its usual time: the admin decides
    /// again, rather than the checklist waiting on.
    DeltaRunsLong { cycle_id: String, minutes: i64 },
    /// The cycle is labelled completed, but a step of it has not completed.
    StepNotCompleted { step: String, state: String },
    /// The Task Scheduler gave a state Synkvakt cannot read as Ready.
    TaskStateUnreadable,
    /// The task is on a domain controller, and the profile does not let this workstation run
    /// tasks there.
    DomainControllerNotAllowed { task: String },
    /// The task runs already; a second run would overlap it.
    TaskRunning,
    /// The task is disabled in the Task Scheduler.
    TaskDisabled,
    /// The step's guidance, in its situation now, does not name running this task.
    NotARemedy { step: String, task: String },
    /// The cycle has no such step (any more).
    NoSuchStep { step_key: String },
}

impl Refusal {
    /// The reason in English, for the audit log and the error's detail.
    pub fn reason(&self) -> String {
        match self {
            Refusal::LastCycleFailed { step } => {
                format!("the last cycle failed at {step}: see its guidance, or contact support")
            }
            Refusal::LastCycleStopped => {
                "the import filter stopped the last cycle: review and resume it first".to_string()
            }
            Refusal::UnknownCycleState { state } => {
                format!("the last cycle is in an unknown state ({state})")
            }
            Refusal::FullCycleRunning { cycle_id } => {
                format!("a full cycle ({cycle_id}) is running: never start a new one over it")
            }
            Refusal::DeltaRunsLong { cycle_id, minutes } => {
                format!("the delta cycle {cycle_id} has run {minutes} minutes, past its usual time")
            }
            Refusal::StepNotCompleted { step, state } => {
                format!("the last cycle is labelled completed, but {step} is {state}")
            }
            Refusal::TaskStateUnreadable => {
                "the scheduled task's state cannot be read as Ready".to_string()
            }
            Refusal::DomainControllerNotAllowed { task } => format!(
                "“{task}” is on a domain controller, and this profile does not run tasks there"
            ),
            Refusal::TaskRunning => "the scheduled task is running already".to_string(),
            Refusal::TaskDisabled => "the scheduled task is disabled".to_string(),
            Refusal::NotARemedy { step, task } => {
                format!("running “{task}” is not a remedy for {step} as it is now")
            }
            Refusal::NoSuchStep { step_key } => format!("the cycle has no step {step_key}"),
        }
    }

    /// The reason in the admin's language: what is wrong and what to do.
    pub fn text(&self, localizer: &Localizer) -> String {
        match self {
            Refusal::LastCycleFailed { step } => localizer.format(
                "refusal-last-cycle-failed",
                &[("step", step.as_str().into())],
            ),
            Refusal::LastCycleStopped => localizer.text("refusal-last-cycle-stopped"),
            Refusal::UnknownCycleState { state } => localizer.format(
                "refusal-unknown-cycle-state",
                &[("state", state.as_str().into())],
            ),
            Refusal::FullCycleRunning { cycle_id } => localizer.format(
                "refusal-full-cycle-running",
                &[("cycle", cycle_id.as_str().into())],
            ),
            Refusal::DeltaRunsLong { cycle_id, minutes } => localizer.format(
                "refusal-delta-runs-long",
                &[
                    ("cycle", cycle_id.as_str().into()),
                    ("minutes", (*minutes).into()),
                ],
            ),
            Refusal::StepNotCompleted { step, state } => {
                let state = match state.as_str() {
                    known @ ("failed" | "stopped" | "running" | "waiting" | "skipped") => {
                        localizer.text(&format!("state-{known}"))
                    }
                    raw => localizer.format("state-unknown", &[("raw", raw.into())]),
                };
                localizer.format(
                    "refusal-step-not-completed",
                    &[("step", step.as_str().into()), ("state", state.into())],
                )
            }
            Refusal::TaskStateUnreadable => localizer.text("refusal-task-state-unreadable"),
            Refusal::DomainControllerNotAllowed { task } => localizer.format(
                "refusal-domain-controller",
                &[("task", task.as_str().into())],
            ),
            Refusal::TaskRunning => localizer.text("refusal-task-running"),
            Refusal::TaskDisabled => localizer.text("refusal-task-disabled"),
            Refusal::NotARemedy { step, task } => localizer.format(
                "refusal-not-a-remedy",
                &[
                    ("step", step.as_str().into()),
                    ("task", task.as_str().into()),
                ],
            ),
            Refusal::NoSuchStep { step_key } => localizer.format(
                "refusal-no-such-step",
                &[("step", step_key.as_str().into())],
            ),
        }
    }
}

/// How the task's state counts when the tenant starts the cycle through its API: not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskCheck {
    State(TaskState),
    NotNeeded,
}

/// The rule of the manual-sync guide, as a function of what the tenant and the task say now:
/// the last cycle is Completed with every step completed (skipped, in a delta cycle), or was
/// resumed after an import-filter stop; a delta cycle running is waited for, a full one never
/// started over; and the task is Ready.
pub fn readiness(cycle: &Cycle, task: TaskCheck) -> Readiness {
    match &cycle.state {
        CycleState::Running if cycle.kind == CycleKind::Delta => {
            return Readiness::WaitForCycle {
                cycle_id: cycle.id.clone(),
                started_at: cycle.started_at,
            }
        }
        CycleState::Running => {
            return Readiness::Refused(Refusal::FullCycleRunning {
                cycle_id: cycle.id.clone(),
            })
        }
        CycleState::Failed => {
            let step = cycle
                .steps
                .iter()
                .find(|step| step.state == StepState::Failed)
                .map(|step| step.display_name.clone())
                .unwrap_or_default();
            return Readiness::Refused(Refusal::LastCycleFailed { step });
        }
        CycleState::Stopped => return Readiness::Refused(Refusal::LastCycleStopped),
        CycleState::Unknown(state) => {
            return Readiness::Refused(Refusal::UnknownCycleState {
                state: state.clone(),
            })
        }
        CycleState::Completed => {
            let unfinished = cycle.steps.iter().find(|step| match step.state {
                StepState::Completed => false,
                StepState::Skipped => cycle.kind != CycleKind::Delta,
                _ => true,
            });
            if let Some(step) = unfinished {
                return Readiness::Refused(Refusal::StepNotCompleted {
                    step: step.display_name.clone(),
                    state: step.state.as_wire().to_string(),
                });
            }
        }
        CycleState::Resumed => {}
    }
    match task {
        TaskCheck::NotNeeded | TaskCheck::State(TaskState::Ready) => Readiness::Ready,
        TaskCheck::State(TaskState::Running | TaskState::Queued) => {
            Readiness::Refused(Refusal::TaskRunning)
        }
        TaskCheck::State(TaskState::Disabled) => Readiness::Refused(Refusal::TaskDisabled),
        TaskCheck::State(TaskState::Unknown) => Readiness::Refused(Refusal::TaskStateUnreadable),
    }
}

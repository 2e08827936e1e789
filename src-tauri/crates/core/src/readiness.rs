//! The rule of the manual-sync guide: whether a new manual synchronization may start now, and
//! why not, in words the admin can act on.

use crate::i18n::Localizer;
use synkvakt_api::model::{Cycle, CycleState};
use synkvakt_taskschd::TaskState;

/// Whether a new manual synchronization may start now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Readiness {
    /// The last cycle is finished (completed, or resumed after an import-filter stop).
    Ready,
    /// A cycle runs (a delta cycle, typically): wait for it, then check again.
    WaitForCycle { cycle_id: String },
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

/// The rule of the manual-sync guide, as a function of what the tenant and the task say now.
pub fn readiness(cycle: &Cycle, task: TaskState) -> Readiness {
    match &cycle.state {
        CycleState::Running => {
            return Readiness::WaitForCycle {
                cycle_id: cycle.id.clone(),
            }
        }
        CycleState::Failed => {
            let step = cycle
                .steps
                .iter()
                .find(|step| step.state == synkvakt_api::model::StepState::Failed)
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
        CycleState::Completed | CycleState::Resumed => {}
    }
    match task {
        TaskState::Running | TaskState::Queued => Readiness::Refused(Refusal::TaskRunning),
        TaskState::Disabled => Readiness::Refused(Refusal::TaskDisabled),
        TaskState::Ready | TaskState::Unknown => Readiness::Ready,
    }
}

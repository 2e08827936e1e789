//! Nudging a step: running the task its guidance names for the situation it is in, then
//! watching whether the step moves.

use super::{lock, Connection, Session};
use crate::session::manual_sync::TaskStateView;
use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;
use synkvakt_api::model::Cycle;
use synkvakt_core::error::{Error, Result};
use synkvakt_core::machines::ScheduledTask;
use synkvakt_core::manual_sync::{nudge_outcome, NudgeOutcome};
use synkvakt_core::status::{CycleView, DisplayState};
use synkvakt_taskschd::TaskRef;

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
    /// reaches them (none where the product's guides name none), and the machine whose Event
    /// Log to read.
    pub log_folder: Option<String>,
    pub event_log_machine: String,
}

/// A nudge the admin confirmed, with the step as it was before.
pub(super) struct NudgeWatch {
    step_key: String,
    step_name: String,
    task: ScheduledTask,
    started_at: DateTime<Utc>,
    state_before: DisplayState,
    started_before: Option<DateTime<Utc>>,
}

impl Session {
    /// Runs the task a step's guidance names, after the admin confirmed; Rust checks again that
    /// the guidance names it for the step as it is now and that the task is not running.
    pub async fn nudge(
        &self,
        step_key: String,
        task_name: String,
        server: Option<String>,
    ) -> Result<super::StatusView> {
        let connection = self.connection().await?;
        let task = Session::task_named_on(&connection, &task_name, server.as_deref())?;
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
            let last = lock(&self.last);
            let Some(known) = last
                .as_ref()
                .filter(|known| known.generation == connection.generation)
            else {
                return Err(Error::TenantSwitched);
            };
            (
                known.tenant.clone(),
                known.history.clone(),
                known.clock_offset,
                known.machines.clone(),
                known.limits,
            )
        };
        let localizer = self.localizer();
        let judging = synkvakt_core::status::Judging {
            tenant: &tenant,
            history: &history,
            // A nudge is about a step; the gap between cycles does not enter into it.
            full_history: &[],
            limits,
            machines: &machines,
            this_machine: &self.this_machine,
        };
        let view_of = |cycle: &Cycle| judging.view(cycle, &localizer, Utc::now() + clock_offset);
        connection
            .runner
            .nudge(
                &step_key,
                &TaskRef::new(task.name.clone(), task.server.clone()),
                view_of,
            )
            .await?;
        *lock(&self.nudged) = Some(watch);
        self.status().await
    }

    /// The nudge last confirmed, and whether its step moved since.
    pub(super) async fn nudge_view(
        &self,
        connection: &Connection,
        cycle: &CycleView,
    ) -> Option<NudgeView> {
        let (step_key, step_name, task, started_at, state_before, started_before) = {
            let nudged = lock(&self.nudged);
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
        let task_state = Session::task_state(connection, &task).await;
        let step = cycle.steps.iter().find(|step| step.key == step_key);
        let moved =
            step.is_none_or(|step| step.state != state_before || step.started_at != started_before);
        let task_done = !matches!(
            task_state,
            Some(TaskStateView::Running | TaskStateView::Queued)
        );
        let outcome = nudge_outcome(moved, task_done, Utc::now() - started_at);
        let machines = &connection.reached.machines;
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
            log_folder: machines
                .has_log_folder()
                .then(|| machines.log_folder_from(&self.this_machine)),
        })
    }
}

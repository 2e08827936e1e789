//! The status view: the current cycle as the admin sees it, with names from the catalog, the
//! states the UI draws, the overall state in words and the step that needs attention.

use crate::guidance::{GuidanceView, Situation, Underway, Where};
use crate::i18n::Localizer;
use crate::machines::ClientMachines;
use crate::usual::{new_cycle_limit, UsualTimes, WatchLimits};
use chrono::{DateTime, Local, Utc};
use serde::Serialize;
use specta::Type;
use synkvakt_api::catalog;
use synkvakt_api::model::{
    Cycle, CycleKind, CycleState, ImportFilter, Step, StepState, TenantInfo,
};

/// A step's state as drawn: the service's states, plus `NotReached` for a step that waits behind
/// a failed or stopped one, and `Unknown` for a state this version was not built for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum DisplayState {
    Completed,
    Failed,
    Stopped,
    Running,
    Waiting,
    NotReached,
    Skipped,
    Unknown,
}

/// The state of the whole cycle as the header shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum OverallState {
    Completed,
    Running,
    Failed,
    Stopped,
    Resumed,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StepView {
    pub key: String,
    /// The catalog's name, or the service's own name for a step the catalog does not know.
    pub name: String,
    pub known: bool,
    pub state: DisplayState,
    /// The service's own word for the state, shown for an unknown state.
    pub raw_state: String,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    pub message: Option<String>,
    pub error_code: Option<String>,
    /// How long the step may run (or wait, while it waits) before it counts as stalled.
    pub limit_seconds: Option<u32>,
    /// Running or waiting past its usual time.
    pub overdue: bool,
    pub guidance: GuidanceView,
    /// Plain text for a support ticket: tenant, cycle, step, error code, times, app version.
    pub support_details: String,
}

/// What a view needs besides the cycle: words, learned times, where the client is, and now.
pub struct ViewContext<'a> {
    pub localizer: &'a Localizer,
    pub usual: &'a UsualTimes,
    pub machines: &'a ClientMachines,
    pub this_machine: &'a str,
    pub now: DateTime<Utc>,
}

/// The waits, in seconds, before each retry while a tenant does not answer, growing with the
/// failures in a row: the window's status and the watcher's looks both follow them.
pub const RETRY_BACKOFF_SECONDS: [u32; 5] = [3, 6, 12, 30, 60];

/// What a tenant's cycles are judged by: the tenant, its recent cycles (which teach each step's
/// usual time), its full cycles over weeks (which teach the usual gap between cycle starts),
/// its limits, the client's machines and the computer Synkvakt runs on.
pub struct Judging<'a> {
    pub tenant: &'a TenantInfo,
    pub history: &'a [Cycle],
    pub full_history: &'a [Cycle],
    pub limits: WatchLimits,
    pub machines: &'a ClientMachines,
    pub this_machine: &'a str,
}

impl Judging<'_> {
    /// The views of `cycles` as of `now` by the tenant's clock: the one way a cycle becomes what
    /// the window, the watcher, the tenants overview and the diagnostics bundle show.
    pub fn views<'c>(
        &self,
        cycles: impl IntoIterator<Item = &'c Cycle>,
        localizer: &Localizer,
        now: DateTime<Utc>,
    ) -> Vec<CycleView> {
        let usual = UsualTimes::learn(self.history, self.limits);
        let context = ViewContext {
            localizer,
            usual: &usual,
            machines: self.machines,
            this_machine: self.this_machine,
            now,
        };
        cycles
            .into_iter()
            .map(|cycle| CycleView::build(cycle, self.tenant, &context))
            .collect()
    }

    /// The view of one cycle, as `views` builds it.
    pub fn view(&self, cycle: &Cycle, localizer: &Localizer, now: DateTime<Utc>) -> CycleView {
        self.views([cycle], localizer, now).swap_remove(0)
    }

    /// Whether the sync has stalled before a cycle: `current` (the newest cycle) finished well,
    /// and no new one has started within the usual gap, as of `now`.
    pub fn no_new_cycle(&self, current: &Cycle, now: DateTime<Utc>) -> Option<NoNewCycle> {
        if !matches!(current.state, CycleState::Completed | CycleState::Resumed) {
            return None;
        }
        let limit = new_cycle_limit(self.full_history, current, self.limits.new_cycle_hours);
        UsualTimes::is_past(limit.seconds, current.started_at, now).then(|| NoNewCycle {
            since: current.started_at,
            due: current.started_at + chrono::Duration::seconds(limit.seconds),
            limit_seconds: limit.seconds.clamp(0, i64::from(u32::MAX)) as u32,
            learned: limit.learned,
            resumed: current.state == CycleState::Resumed,
        })
    }

    /// The guidance for a sync with no new cycle: the guide's remedies for it.
    pub fn no_new_cycle_guidance(&self, stall: &NoNewCycle, localizer: &Localizer) -> GuidanceView {
        GuidanceView::no_new_cycle(
            self.tenant.product,
            stall.resumed,
            &Where {
                machines: self.machines,
                this_machine: self.this_machine,
            },
            localizer,
        )
    }
}

/// No new cycle has started within the usual gap after the last one, which finished well.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NoNewCycle {
    /// When the last cycle started: no cycle has started since.
    pub since: DateTime<Utc>,
    /// By when a new one should have started.
    pub due: DateTime<Utc>,
    /// How long after it a new one should have started.
    pub limit_seconds: u32,
    /// The limit was learned from the tenant's history, not taken from the profile's default.
    pub learned: bool,
    /// The last cycle was resumed after an import-filter stop, not completed step by step.
    pub resumed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CycleView {
    pub id: String,
    pub kind: CycleKind,
    pub state: OverallState,
    pub raw_state: String,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub steps: Vec<StepView>,
    pub import_filter: Option<ImportFilter>,
    /// The index of the step that needs attention (failed, stopped, else running or waiting).
    pub attention: Option<u32>,
    /// The overall state in words: "Failed at Export AD".
    pub headline: String,
}

impl CycleView {
    /// Masks personal data in the tenant's own words: each step's message and the details
    /// for support built from it.
    pub fn mask_free_text(&mut self) {
        for step in &mut self.steps {
            if let Some(message) = &step.message {
                step.message = Some(crate::masking::mask_text(message).into_owned());
            }
            step.support_details = crate::masking::mask_text(&step.support_details).into_owned();
        }
    }

    pub fn build(cycle: &Cycle, tenant: &TenantInfo, context: &ViewContext<'_>) -> CycleView {
        let localizer = context.localizer;
        let mut blocked = false;
        // When the step before finished: a waiting step is next in line from then on.
        let mut ready_at = (cycle.state == CycleState::Running).then_some(cycle.started_at);
        let mut steps = Vec::with_capacity(cycle.steps.len());
        for step in &cycle.steps {
            let catalog_step = catalog::lookup(tenant.product, &step.key);
            let name = match catalog_step {
                Some(known) => localizer.text(&known.name_id()),
                None => step.display_name.clone(),
            };
            let state = match &step.state {
                StepState::Completed => DisplayState::Completed,
                StepState::Failed => DisplayState::Failed,
                StepState::Stopped => DisplayState::Stopped,
                StepState::Running => DisplayState::Running,
                StepState::Waiting if blocked => DisplayState::NotReached,
                StepState::Waiting => DisplayState::Waiting,
                StepState::Skipped => DisplayState::Skipped,
                StepState::Unknown(_) => DisplayState::Unknown,
            };
            if matches!(state, DisplayState::Failed | DisplayState::Stopped) {
                blocked = true;
            }
            let (limit_seconds, overdue) = match (state, step.started_at, ready_at) {
                (DisplayState::Running, Some(started), _) => {
                    let limit = context.usual.run_limit(&step.key);
                    (
                        Some(limit),
                        UsualTimes::is_past(limit, started, context.now),
                    )
                }
                (DisplayState::Waiting, _, Some(ready)) => {
                    let limit = context.usual.wait_limit(&step.key);
                    (Some(limit), UsualTimes::is_past(limit, ready, context.now))
                }
                _ => (None, false),
            };
            let situation = match state {
                DisplayState::Failed => Some(Situation::Failed),
                DisplayState::Stopped => Some(Situation::Stopped),
                DisplayState::Running if overdue => Some(Situation::RunningTooLong),
                DisplayState::Waiting if overdue => Some(Situation::WaitingTooLong),
                _ => None,
            };
            if step.state != StepState::Skipped {
                ready_at = match step.state {
                    StepState::Completed => step.finished_at,
                    _ => None,
                };
            }
            let underway = match state {
                DisplayState::Waiting | DisplayState::Running => Underway::WaitingOrRunning,
                _ => Underway::Not,
            };
            let guidance = GuidanceView::build(
                tenant.product,
                &step.key,
                underway,
                situation,
                &Where {
                    machines: context.machines,
                    this_machine: context.this_machine,
                },
                localizer,
            );
            let support_details = support_details(tenant, cycle, step, &name, localizer);
            steps.push(StepView {
                key: step.key.clone(),
                name,
                known: catalog_step.is_some(),
                state,
                raw_state: step.state.as_wire().to_string(),
                started_at: step.started_at,
                finished_at: step.finished_at,
                message: step.message.clone(),
                error_code: step.error_code.clone(),
                limit_seconds: limit_seconds
                    .map(|seconds| seconds.clamp(0, i64::from(u32::MAX)) as u32),
                overdue,
                guidance,
                support_details,
            });
        }

        let state = match cycle.state {
            CycleState::Completed => OverallState::Completed,
            CycleState::Running => OverallState::Running,
            CycleState::Failed => OverallState::Failed,
            CycleState::Stopped => OverallState::Stopped,
            CycleState::Resumed => OverallState::Resumed,
            CycleState::Unknown(_) => OverallState::Unknown,
        };
        let attention = attention_index(&steps);
        let step_name = attention
            .map(|index| steps[index].name.clone())
            .unwrap_or_default();
        let headline = match state {
            OverallState::Completed => localizer.text("overall-completed"),
            OverallState::Resumed => localizer.text("overall-resumed"),
            OverallState::Failed => {
                localizer.format("overall-failed", &[("step", step_name.into())])
            }
            OverallState::Stopped => {
                localizer.format("overall-stopped", &[("step", step_name.into())])
            }
            OverallState::Running if attention.is_some_and(|index| steps[index].overdue) => {
                localizer.format("overall-stalled-step", &[("step", step_name.into())])
            }
            OverallState::Running => {
                localizer.format("overall-running", &[("step", step_name.into())])
            }
            OverallState::Unknown => localizer.format(
                "overall-unknown",
                &[("state", cycle.state.as_wire().into())],
            ),
        };

        CycleView {
            id: cycle.id.clone(),
            kind: cycle.kind,
            state,
            raw_state: cycle.state.as_wire().to_string(),
            started_at: cycle.started_at,
            finished_at: cycle.finished_at,
            steps,
            import_filter: cycle.import_filter.clone(),
            attention: attention.map(|index| index as u32),
            headline,
        }
    }
}

fn local_time(time: Option<DateTime<Utc>>) -> String {
    time.map(|time| {
        time.with_timezone(&Local)
            .format("%Y-%m-%d %H:%M:%S %:z")
            .to_string()
    })
    .unwrap_or_else(|| "-".to_string())
}

/// The facts support asks for first, as plain text for a ticket.
fn support_details(
    tenant: &TenantInfo,
    cycle: &Cycle,
    step: &Step,
    name: &str,
    localizer: &Localizer,
) -> String {
    let line = |label: &str, value: String| format!("{}: {value}", localizer.text(label));
    [
        line(
            "support-tenant",
            format!("{} ({})", tenant.name, tenant.product),
        ),
        line(
            "support-cycle",
            format!(
                "{} ({}, {})",
                cycle.id,
                cycle.kind_word(),
                cycle.state.as_wire()
            ),
        ),
        line(
            "support-step",
            format!("{name} ({}), {}", step.key, step.state.as_wire()),
        ),
        line(
            "support-error-code",
            step.error_code.clone().unwrap_or_else(|| "-".to_string()),
        ),
        line(
            "support-message",
            step.message.clone().unwrap_or_else(|| "-".to_string()),
        ),
        line("support-started", local_time(step.started_at)),
        line("support-finished", local_time(step.finished_at)),
        line("support-cycle-started", local_time(Some(cycle.started_at))),
        line(
            "support-app-version",
            format!("Synkvakt {}", env!("CARGO_PKG_VERSION")),
        ),
    ]
    .join("\n")
}

fn attention_index(steps: &[StepView]) -> Option<usize> {
    let first =
        |wanted: &[DisplayState]| steps.iter().position(|step| wanted.contains(&step.state));
    first(&[
        DisplayState::Failed,
        DisplayState::Stopped,
        DisplayState::Unknown,
    ])
    .or_else(|| first(&[DisplayState::Running]))
    .or_else(|| first(&[DisplayState::Waiting]))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::i18n::Language;
    use synkvakt_api::model::{Product, Step};

    fn step(key: &str, state: &str) -> Step {
        Step {
            key: key.into(),
            display_name: format!("Service name of {key}"),
            state: StepState::from(state.to_string()),
            started_at: None,
            finished_at: None,
            message: None,
            error_code: None,
        }
    }

    fn cycle(state: &str, steps: Vec<Step>) -> Cycle {
        Cycle {
            id: "c1".into(),
            kind: CycleKind::Full,
            state: CycleState::from(state.to_string()),
            started_at: Utc::now(),
            finished_at: None,
            steps,
            import_filter: None,
        }
    }

    fn tenant(product: Product) -> TenantInfo {
        TenantInfo {
            name: "Kommune X".into(),
            product,
            can_start_cycle: false,
            can_clear_cache: false,
            api_version: "1".into(),
        }
    }

    fn build(cycle: &Cycle, tenant: &TenantInfo, language: Language) -> CycleView {
        let localizer = Localizer::new(language);
        let usual = UsualTimes::default();
        let machines = ClientMachines::default();
        let context = ViewContext {
            localizer: &localizer,
            usual: &usual,
            machines: &machines,
            this_machine: "ws01",
            now: Utc::now(),
        };
        CycleView::build(cycle, tenant, &context)
    }

    #[test]
    fn steps_behind_a_failed_step_are_not_reached() {
        let view = build(
            &cycle(
                "failed",
                vec![
                    step("import-hr", "completed"),
                    step("export-ad", "failed"),
                    step("import-ad-results", "waiting"),
                ],
            ),
            &tenant(Product::EAdm),
            Language::En,
        );
        let states: Vec<_> = view.steps.iter().map(|s| s.state).collect();
        assert_eq!(
            states,
            [
                DisplayState::Completed,
                DisplayState::Failed,
                DisplayState::NotReached
            ]
        );
        assert_eq!(view.attention, Some(1));
        assert_eq!(view.headline, "Failed at Export AD");
    }

    #[test]
    fn unknown_steps_and_states_are_shown_as_such() {
        let view = build(
            &cycle("paused", vec![step("import-payroll", "frozen")]),
            &tenant(Product::EFeide),
            Language::Nb,
        );
        let only = &view.steps[0];
        assert!(!only.known);
        assert_eq!(only.name, "Service name of import-payroll");
        assert_eq!(only.state, DisplayState::Unknown);
        assert_eq!(only.raw_state, "frozen");
        assert_eq!(view.state, OverallState::Unknown);
        assert!(view.headline.contains("paused"), "{}", view.headline);
    }

    #[test]
    fn a_running_cycle_points_at_the_running_step() {
        let view = build(
            &cycle(
                "running",
                vec![
                    step("import-sas", "completed"),
                    step("synchronization", "running"),
                    step("export-ad", "waiting"),
                ],
            ),
            &tenant(Product::EFeide),
            Language::Nn,
        );
        assert_eq!(view.attention, Some(1));
        assert_eq!(view.steps[2].state, DisplayState::Waiting);
    }
}

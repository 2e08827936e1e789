//! The status view: the current cycle as the admin sees it, with names from the catalog, the
//! states the UI draws, the overall state in words and the step that needs attention.

use crate::catalog;
use crate::i18n::Localizer;
use crate::model::{Cycle, CycleKind, CycleState, ImportFilter, StepState, TenantInfo};
use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

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
    pub fn build(cycle: &Cycle, tenant: &TenantInfo, localizer: &Localizer) -> CycleView {
        let mut blocked = false;
        let steps: Vec<StepView> = cycle
            .steps
            .iter()
            .map(|step| {
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
                StepView {
                    key: step.key.clone(),
                    name,
                    known: catalog_step.is_some(),
                    state,
                    raw_state: step.state.as_wire().to_string(),
                    started_at: step.started_at,
                    finished_at: step.finished_at,
                    message: step.message.clone(),
                    error_code: step.error_code.clone(),
                }
            })
            .collect();

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
    use crate::model::{Product, Step};

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
            api_version: "1".into(),
        }
    }

    #[test]
    fn steps_behind_a_failed_step_are_not_reached() {
        let view = CycleView::build(
            &cycle(
                "failed",
                vec![
                    step("import-hr", "completed"),
                    step("export-ad", "failed"),
                    step("import-ad-results", "waiting"),
                ],
            ),
            &tenant(Product::EAdm),
            &Localizer::new(Language::En),
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
        let view = CycleView::build(
            &cycle("paused", vec![step("import-payroll", "frozen")]),
            &tenant(Product::EFeide),
            &Localizer::new(Language::Nb),
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
        let view = CycleView::build(
            &cycle(
                "running",
                vec![
                    step("import-sas", "completed"),
                    step("synchronization", "running"),
                    step("export-ad", "waiting"),
                ],
            ),
            &tenant(Product::EFeide),
            &Localizer::new(Language::Nn),
        );
        assert_eq!(view.attention, Some(1));
        assert_eq!(view.steps[2].state, DisplayState::Waiting);
    }
}

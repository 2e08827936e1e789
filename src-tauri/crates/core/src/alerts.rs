//! What watching a tenant announces: each poll's sight of the tenant becomes events (a step
//! failed, the import filter stopped the cycle, a step is past its usual time, no new cycle
//! within the usual gap, the tenant unreachable for too long, a manual sync the admin started
//! completed), each announced once — also after a restart, since the memory of what was
//! announced is saved — and a recovery announced once when all is well again.

use crate::status::{CycleView, DisplayState, OverallState};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, VecDeque};

/// How many announcements a tenant's memory keeps: far more than a day of events.
const REMEMBERED: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    StepFailed,
    ImportFilterStop,
    StepOverdue,
    NoNewCycle,
    Unreachable,
    ManualSyncCompleted,
    Recovered,
}

impl EventKind {
    pub const ALL: [EventKind; 7] = [
        EventKind::StepFailed,
        EventKind::ImportFilterStop,
        EventKind::StepOverdue,
        EventKind::NoNewCycle,
        EventKind::Unreachable,
        EventKind::ManualSyncCompleted,
        EventKind::Recovered,
    ];

    /// The kind's name in catalog keys and saved files.
    pub fn id(self) -> &'static str {
        match self {
            EventKind::StepFailed => "step-failed",
            EventKind::ImportFilterStop => "import-filter-stop",
            EventKind::StepOverdue => "step-overdue",
            EventKind::NoNewCycle => "no-new-cycle",
            EventKind::Unreachable => "unreachable",
            EventKind::ManualSyncCompleted => "manual-sync-completed",
            EventKind::Recovered => "recovered",
        }
    }

    /// Whether the event is a problem, which a later recovery answers.
    fn is_problem(self) -> bool {
        !matches!(self, EventKind::ManualSyncCompleted | EventKind::Recovered)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchEvent {
    pub kind: EventKind,
    pub tenant: String,
    pub cycle_id: Option<String>,
    pub step_key: Option<String>,
    pub step_name: Option<String>,
}

/// What one poll saw of a tenant.
#[derive(Debug, Clone, Copy)]
pub enum Sight<'a> {
    Answered {
        cycle: &'a CycleView,
        /// No new cycle has started within the usual gap since this one's start.
        no_new_cycle_since: Option<DateTime<Utc>>,
        /// The cycle a manual sync the admin started is waiting for, if any.
        manual_sync_cycle: Option<&'a str>,
    },
    Unreachable {
        /// When the tenant last answered, or when watching began.
        since: DateTime<Utc>,
        now: DateTime<Utc>,
    },
}

/// What has been announced for one tenant, oldest first, and whether a problem stands.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TenantMemory {
    announced: VecDeque<String>,
    troubled: bool,
    /// An outage was announced and the tenant has not answered since: a restart, which starts
    /// counting the silence anew, must not say it again.
    #[serde(default)]
    unreachable_said: bool,
}

impl TenantMemory {
    fn knows(&self, key: &str) -> bool {
        self.announced.iter().any(|known| known == key)
    }

    fn remember(&mut self, key: String) {
        self.announced.push_back(key);
        while self.announced.len() > REMEMBERED {
            self.announced.pop_front();
        }
    }
}

/// Turns a sight into the events not announced before, and remembers them.
pub fn observe(
    memory: &mut TenantMemory,
    tenant: &str,
    sight: Sight<'_>,
    unreachable_after: chrono::Duration,
) -> Vec<WatchEvent> {
    let event = |kind, cycle_id: Option<&str>, step: Option<(&str, &str)>| WatchEvent {
        kind,
        tenant: tenant.to_string(),
        cycle_id: cycle_id.map(str::to_string),
        step_key: step.map(|(key, _)| key.to_string()),
        step_name: step.map(|(_, name)| name.to_string()),
    };
    // Each candidate with the key that makes it the same event at the next poll.
    let mut candidates: Vec<(String, WatchEvent)> = Vec::new();
    match sight {
        Sight::Answered {
            cycle,
            no_new_cycle_since,
            manual_sync_cycle,
        } => {
            let id = cycle.id.as_str();
            for step in &cycle.steps {
                let named = Some((step.key.as_str(), step.name.as_str()));
                match step.state {
                    DisplayState::Failed => candidates.push((
                        format!("failed/{id}/{}", step.key),
                        event(EventKind::StepFailed, Some(id), named),
                    )),
                    DisplayState::Stopped => candidates.push((
                        format!("stopped/{id}"),
                        event(EventKind::ImportFilterStop, Some(id), named),
                    )),
                    DisplayState::Running | DisplayState::Waiting if step.overdue => candidates
                        .push((
                            format!("overdue/{id}/{}", step.key),
                            event(EventKind::StepOverdue, Some(id), named),
                        )),
                    _ => {}
                }
            }
            if let Some(since) = no_new_cycle_since {
                candidates.push((
                    format!("no-new-cycle/{}", since.to_rfc3339()),
                    event(EventKind::NoNewCycle, Some(id), None),
                ));
            }
            let completed = matches!(cycle.state, OverallState::Completed | OverallState::Resumed);
            if manual_sync_cycle == Some(id) && completed {
                candidates.push((
                    format!("manual-sync/{id}"),
                    event(EventKind::ManualSyncCompleted, Some(id), None),
                ));
            }
        }
        Sight::Unreachable { .. } if memory.unreachable_said => return Vec::new(),
        Sight::Unreachable { since, now } => {
            if now - since >= unreachable_after {
                candidates.push((
                    format!("unreachable/{}", since.to_rfc3339()),
                    event(EventKind::Unreachable, None, None),
                ));
            } else if memory.troubled {
                // Too soon to say: nothing is announced, and nothing recovers either.
                return Vec::new();
            }
        }
    }
    let problem_now = candidates.iter().any(|(_, event)| event.kind.is_problem());
    memory.unreachable_said = candidates
        .iter()
        .any(|(_, event)| event.kind == EventKind::Unreachable);
    let mut events = Vec::new();
    for (key, event) in candidates {
        if !memory.knows(&key) {
            memory.remember(key);
            events.push(event);
        }
    }
    if problem_now {
        memory.troubled = true;
    } else if memory.troubled && matches!(sight, Sight::Answered { .. }) {
        memory.troubled = false;
        events.push(event(EventKind::Recovered, None, None));
    }
    events
}

/// The memory of every watched tenant, saved after each change so that a restart repeats
/// nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WatchMemory {
    pub tenants: BTreeMap<String, TenantMemory>,
}

/// A manual sync the admin started in the window, left for the watcher in the runtime folder:
/// while it stands the watcher looks more often, and it announces the new cycle's end, also
/// when the window has closed by then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ManualSyncMark {
    pub tenant: String,
    /// The cycle that was last before the task ran: any other one is the new cycle.
    pub previous_cycle_id: String,
    pub started_at: DateTime<Utc>,
}

/// Past this a mark is forgotten: a new cycle that never came is no longer worth hurrying for.
const MANUAL_SYNC_MARK_LIFETIME: chrono::Duration = chrono::Duration::hours(6);

impl ManualSyncMark {
    /// Whether the mark still matters at `now`.
    pub fn is_current(&self, now: DateTime<Utc>) -> bool {
        now - self.started_at < MANUAL_SYNC_MARK_LIFETIME
    }

    /// The cycle this manual sync started, once the tenant shows a new one.
    pub fn cycle_of<'a>(&self, current: &'a CycleView) -> Option<&'a str> {
        (current.id != self.previous_cycle_id).then_some(current.id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guidance::GuidanceView;
    use crate::status::StepView;

    fn step(key: &str, state: DisplayState, overdue: bool) -> StepView {
        StepView {
            key: key.into(),
            name: key.to_uppercase(),
            known: true,
            state,
            raw_state: String::new(),
            started_at: None,
            finished_at: None,
            message: None,
            error_code: None,
            limit_seconds: None,
            overdue,
            guidance: GuidanceView {
                about: String::new(),
                waits_for: None,
                situation: None,
                remedies: Vec::new(),
                support_only: false,
            },
            support_details: String::new(),
        }
    }

    fn cycle(id: &str, state: OverallState, steps: Vec<StepView>) -> CycleView {
        CycleView {
            id: id.into(),
            kind: synkvakt_api::model::CycleKind::Full,
            state,
            raw_state: String::new(),
            started_at: Utc::now(),
            finished_at: None,
            steps,
            import_filter: None,
            attention: None,
            headline: String::new(),
        }
    }

    fn answered(cycle: &CycleView) -> Sight<'_> {
        Sight::Answered {
            cycle,
            no_new_cycle_since: None,
            manual_sync_cycle: None,
        }
    }

    fn kinds(events: &[WatchEvent]) -> Vec<EventKind> {
        events.iter().map(|event| event.kind).collect()
    }

    const LIMIT: chrono::Duration = chrono::Duration::minutes(15);

    #[test]
    fn a_failed_step_is_announced_once_and_its_recovery_once() {
        let mut memory = TenantMemory::default();
        let failed = cycle(
            "c1",
            OverallState::Failed,
            vec![
                step("import-hr", DisplayState::Completed, false),
                step("export-ad", DisplayState::Failed, false),
            ],
        );
        let first = observe(&mut memory, "Kommune X", answered(&failed), LIMIT);
        assert_eq!(kinds(&first), [EventKind::StepFailed]);
        assert_eq!(first[0].step_name.as_deref(), Some("EXPORT-AD"));
        assert!(observe(&mut memory, "Kommune X", answered(&failed), LIMIT).is_empty());

        let healthy = cycle(
            "c2",
            OverallState::Running,
            vec![step("import-hr", DisplayState::Running, false)],
        );
        assert_eq!(
            kinds(&observe(
                &mut memory,
                "Kommune X",
                answered(&healthy),
                LIMIT
            )),
            [EventKind::Recovered]
        );
        assert!(observe(&mut memory, "Kommune X", answered(&healthy), LIMIT).is_empty());
    }

    #[test]
    fn a_restart_with_the_saved_memory_repeats_nothing() {
        let stopped = cycle(
            "c1",
            OverallState::Stopped,
            vec![step("synchronization", DisplayState::Stopped, false)],
        );
        let mut memory = WatchMemory::default();
        let tenant = memory.tenants.entry("Kommune X".into()).or_default();
        assert_eq!(
            kinds(&observe(tenant, "Kommune X", answered(&stopped), LIMIT)),
            [EventKind::ImportFilterStop]
        );
        let saved = serde_json::to_string(&memory).unwrap();

        let mut after_restart: WatchMemory = serde_json::from_str(&saved).unwrap();
        assert_eq!(after_restart, memory);
        let tenant = after_restart.tenants.get_mut("Kommune X").unwrap();
        assert!(observe(tenant, "Kommune X", answered(&stopped), LIMIT).is_empty());
    }

    #[test]
    fn an_unreachable_tenant_is_announced_only_past_the_limit_and_once() {
        let mut memory = TenantMemory::default();
        let since = Utc::now();
        let sight = |minutes| Sight::Unreachable {
            since,
            now: since + chrono::Duration::minutes(minutes),
        };
        assert!(observe(&mut memory, "X", sight(5), LIMIT).is_empty());
        assert_eq!(
            kinds(&observe(&mut memory, "X", sight(16), LIMIT)),
            [EventKind::Unreachable]
        );
        assert!(observe(&mut memory, "X", sight(40), LIMIT).is_empty());
        // The watcher restarts during the outage: it counts the silence from its start again.
        let restart = Utc::now() + chrono::Duration::hours(1);
        let after_restart = Sight::Unreachable {
            since: restart,
            now: restart + chrono::Duration::minutes(20),
        };
        assert!(observe(&mut memory, "X", after_restart, LIMIT).is_empty());
        let back = cycle("c1", OverallState::Completed, Vec::new());
        assert_eq!(
            kinds(&observe(&mut memory, "X", answered(&back), LIMIT)),
            [EventKind::Recovered]
        );
    }

    #[test]
    fn a_step_past_its_usual_time_and_no_new_cycle_are_announced_once_each() {
        let mut memory = TenantMemory::default();
        let stuck = cycle(
            "c1",
            OverallState::Running,
            vec![step("synchronization", DisplayState::Running, true)],
        );
        let overdue = Sight::Answered {
            cycle: &stuck,
            no_new_cycle_since: None,
            manual_sync_cycle: None,
        };
        assert_eq!(
            kinds(&observe(&mut memory, "X", overdue, LIMIT)),
            [EventKind::StepOverdue]
        );
        assert!(observe(&mut memory, "X", overdue, LIMIT).is_empty());

        let mut memory = TenantMemory::default();
        let done = cycle("c2", OverallState::Completed, Vec::new());
        let since = Utc::now() - chrono::Duration::hours(20);
        let quiet = Sight::Answered {
            cycle: &done,
            no_new_cycle_since: Some(since),
            manual_sync_cycle: None,
        };
        let events = observe(&mut memory, "X", quiet, LIMIT);
        assert_eq!(kinds(&events), [EventKind::NoNewCycle]);
        assert_eq!(events[0].cycle_id.as_deref(), Some("c2"));
        assert!(observe(&mut memory, "X", quiet, LIMIT).is_empty());
    }

    #[test]
    fn a_manual_sync_the_admin_started_is_announced_when_its_cycle_completes() {
        let mut memory = TenantMemory::default();
        let running = cycle(
            "new",
            OverallState::Running,
            vec![step("import-hr", DisplayState::Running, false)],
        );
        let done = cycle("new", OverallState::Completed, Vec::new());
        let waiting_for = |cycle| Sight::Answered {
            cycle,
            no_new_cycle_since: None,
            manual_sync_cycle: Some("new"),
        };
        assert!(observe(&mut memory, "X", waiting_for(&running), LIMIT).is_empty());
        assert_eq!(
            kinds(&observe(&mut memory, "X", waiting_for(&done), LIMIT)),
            [EventKind::ManualSyncCompleted]
        );
        assert!(observe(&mut memory, "X", waiting_for(&done), LIMIT).is_empty());
    }
}

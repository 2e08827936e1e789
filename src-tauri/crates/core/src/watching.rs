//! Following one tenant all day, as the watcher process does: a cheap look at the current cycle
//! each interval (a conditional request, so an unchanged cycle costs a 304), the history only
//! when the cycle changed, backoff while the tenant cannot be reached, and each look turned into
//! the tray's state and the notifications not given before (`watch::observe`).

use crate::client::{Conditional, TenantClient};
use crate::demo::DemoLauncher;
use crate::error::Result;
use crate::i18n::{Arg, Localizer};
use crate::model::{Cycle, TenantInfo};
use crate::settings::Settings;
use crate::status::{self, CycleView, OverallState, ViewContext};
use crate::usual::UsualTimes;
use crate::watch::{self, EventKind, ManualSyncMark, Sight, WatchEvent, WatchMemoryFile};
use chrono::{DateTime, Utc};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// How many recent cycles teach the usual times, as in the window.
const HISTORY_LENGTH: u32 = 20;
/// The waits between looks while the tenant does not answer, capped by the interval.
const BACKOFF: [u64; 5] = [3, 6, 12, 30, 60];

/// What the tray shows: its icon and the words beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrayState {
    Ok,
    Running,
    /// A step failed or is past its usual time, the import filter stopped the cycle, or no
    /// cycle has completed for too long: something needs the admin.
    Failed,
    Unreachable,
}

/// The tray's look after a poll: its state and a tooltip that says it in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glance {
    pub state: TrayState,
    pub tooltip: String,
}

/// A notification to show: a line naming the tenant and the step, then what to do first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub kind: EventKind,
    pub title: String,
    pub body: String,
    /// The step the window opens at when the notification is clicked.
    pub step_key: Option<String>,
}

/// The outcome of one poll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Poll {
    pub glance: Glance,
    pub notices: Vec<Notice>,
    /// When to look again.
    pub next_in: Duration,
}

struct Known {
    tenant: TenantInfo,
    cycle: Cycle,
    etag: Option<String>,
    /// Read again whenever the cycle changed, to learn usual times and staleness from.
    history: Vec<Cycle>,
}

/// Watches the embedded demo tenant, the one tenant this version knows.
pub struct TenantWatch {
    launcher: Arc<DemoLauncher>,
    client: Option<TenantClient>,
    known: Option<Known>,
    memory_file: WatchMemoryFile,
    memory: watch::WatchMemory,
    /// When the tenant last answered, or when watching began.
    last_answer: DateTime<Utc>,
    failures: usize,
    this_machine: String,
}

impl TenantWatch {
    pub fn new(launcher: Arc<DemoLauncher>, memory_file: PathBuf) -> TenantWatch {
        let memory_file = WatchMemoryFile::new(memory_file);
        TenantWatch {
            launcher,
            client: None,
            known: None,
            memory: memory_file.load(),
            memory_file,
            last_answer: Utc::now(),
            failures: 0,
            this_machine: crate::session::this_machine_name(),
        }
    }

    /// Looks at the tenant once, with the settings as they are now.
    pub async fn poll(&mut self, settings: &Settings) -> Poll {
        let localizer = Localizer::new(settings.effective_language());
        let mark = ManualSyncMark::read(&self.launcher.runtime_dir, Utc::now());
        match self.look(settings).await {
            Ok(()) => {
                self.failures = 0;
                self.last_answer = Utc::now();
                self.answered(settings, &localizer, mark)
            }
            Err(err) => {
                tracing::info!("the tenant did not answer: {err}");
                // A demo tenant that went away is started again at the next look.
                self.client = None;
                self.failures += 1;
                self.unreachable(settings, &localizer, &err.to_user(&localizer).message)
            }
        }
    }

    async fn look(&mut self, settings: &Settings) -> Result<()> {
        let client = match &self.client {
            Some(client) => client.clone(),
            None => {
                let demo = self.launcher.ensure(settings.demo).await?;
                let client = TenantClient::new(&demo.base_url, &demo.api_key)?;
                self.client = Some(client.clone());
                // A new server knows nothing of the old one's ETags.
                self.known = None;
                client
            }
        };
        let etag = self.known.as_ref().and_then(|known| known.etag.clone());
        let (cycle, etag) = match client.current_cycle_if_changed(etag.as_deref()).await? {
            Conditional::Unchanged => return Ok(()),
            Conditional::Changed { value, etag } => (value, etag),
        };
        let tenant = match self.known.take() {
            Some(known) => known.tenant,
            None => client.tenant_info().await?,
        };
        let history = client.cycle_history(HISTORY_LENGTH).await?.cycles;
        self.known = Some(Known {
            tenant,
            cycle,
            etag,
            history,
        });
        Ok(())
    }

    fn answered(
        &mut self,
        settings: &Settings,
        localizer: &Localizer,
        mark: Option<ManualSyncMark>,
    ) -> Poll {
        let Some(known) = &self.known else {
            return self.unreachable(settings, localizer, "");
        };
        let now = self
            .client
            .as_ref()
            .map_or_else(Utc::now, TenantClient::tenant_now);
        let usual = UsualTimes::learn(&known.history, settings.limits);
        let context = ViewContext {
            localizer,
            usual: &usual,
            machines: &settings.client,
            this_machine: &self.this_machine,
            now,
        };
        let view = CycleView::build(&known.cycle, &known.tenant, &context);
        let last_completed = status::last_completed_at(&known.history, &known.cycle);
        let stale = status::is_stale(
            &known.history,
            last_completed,
            settings.limits.stale_hours,
            now,
        );
        let mark = mark.filter(|mark| mark.tenant == known.tenant.name);
        let manual_cycle = mark.as_ref().and_then(|mark| mark.cycle_of(&view));
        let sight = Sight::Answered {
            cycle: &view,
            stale_since: stale.then_some(last_completed),
            manual_sync_cycle: manual_cycle,
        };
        let tenant = known.tenant.name.clone();
        let events = self.observe(&tenant, sight, settings);
        let finished = matches!(
            view.state,
            OverallState::Completed
                | OverallState::Resumed
                | OverallState::Failed
                | OverallState::Stopped
        );
        if manual_cycle.is_some() && finished {
            ManualSyncMark::clear(&self.launcher.runtime_dir);
        }
        let state = match view.state {
            _ if stale || view.steps.iter().any(|step| step.overdue) => TrayState::Failed,
            OverallState::Failed | OverallState::Stopped => TrayState::Failed,
            OverallState::Completed | OverallState::Resumed => TrayState::Ok,
            OverallState::Running | OverallState::Unknown => TrayState::Running,
        };
        let settings_watch = settings.watch;
        let next_in = if mark.is_some() && !(manual_cycle.is_some() && finished) {
            settings_watch.active_interval()
        } else {
            settings_watch.interval()
        };
        Poll {
            glance: Glance {
                state,
                tooltip: format!("Synkvakt · {tenant}: {}", view.headline),
            },
            notices: notices(&events, Some(&view), settings, localizer),
            next_in,
        }
    }

    fn unreachable(&mut self, settings: &Settings, localizer: &Localizer, why: &str) -> Poll {
        let tenant = self
            .known
            .as_ref()
            .map(|known| known.tenant.name.clone())
            .unwrap_or_else(|| localizer.text("notify-the-tenant"));
        let sight = Sight::Unreachable {
            since: self.last_answer,
            now: Utc::now(),
        };
        let events = self.observe(&tenant, sight, settings);
        let wait = BACKOFF[self.failures.saturating_sub(1).min(BACKOFF.len() - 1)];
        let tooltip = localizer.format(
            "notify-tooltip-unreachable",
            &[("tenant", tenant.as_str().into()), ("why", why.into())],
        );
        Poll {
            glance: Glance {
                state: TrayState::Unreachable,
                tooltip,
            },
            notices: notices(&events, None, settings, localizer),
            next_in: Duration::from_secs(wait).min(settings.watch.interval()),
        }
    }

    fn observe(&mut self, tenant: &str, sight: Sight<'_>, settings: &Settings) -> Vec<WatchEvent> {
        let memory = self.memory.tenants.entry(tenant.to_string()).or_default();
        let events = watch::observe(memory, tenant, sight, settings.watch.unreachable_after());
        if !events.is_empty() {
            if let Err(err) = self.memory_file.save(&self.memory) {
                tracing::warn!("what was announced is not saved, and may be said again: {err}");
            }
        }
        events
    }
}

/// The events the settings let through, as notifications in the admin's language.
pub fn notices(
    events: &[WatchEvent],
    cycle: Option<&CycleView>,
    settings: &Settings,
    localizer: &Localizer,
) -> Vec<Notice> {
    events
        .iter()
        .filter(|event| settings.watch.notify.allows(event.kind))
        .map(|event| notice(event, cycle, settings, localizer))
        .collect()
}

fn notice(
    event: &WatchEvent,
    cycle: Option<&CycleView>,
    settings: &Settings,
    localizer: &Localizer,
) -> Notice {
    let step = cycle.and_then(|cycle| {
        cycle
            .steps
            .iter()
            .find(|step| Some(&step.key) == event.step_key.as_ref())
    });
    let args: Vec<(&str, Arg)> = vec![
        ("tenant", event.tenant.as_str().into()),
        ("step", event.step_name.clone().unwrap_or_default().into()),
        ("hours", i64::from(settings.limits.stale_hours).into()),
    ];
    let title_key = match event.kind {
        EventKind::StepFailed => "notify-step-failed",
        EventKind::ImportFilterStop => "notify-import-filter-stop",
        EventKind::StepOverdue => "notify-step-overdue",
        EventKind::Stale => "notify-stale",
        EventKind::Unreachable => "notify-unreachable",
        EventKind::ManualSyncCompleted => "notify-manual-sync-completed",
        EventKind::Recovered => "notify-recovered",
    };
    // The first thing to do: the step's own first remedy where it names a task to run.
    let task_to_run = step.and_then(|step| {
        step.guidance
            .remedies
            .iter()
            .find_map(|remedy| remedy.task.as_ref())
    });
    let body = match (event.kind, step, task_to_run) {
        (EventKind::ImportFilterStop, _, _) => localizer.text("notify-do-review-import"),
        (EventKind::StepFailed | EventKind::StepOverdue, Some(step), _)
            if step.guidance.support_only =>
        {
            localizer.text("notify-do-support")
        }
        (EventKind::StepFailed | EventKind::StepOverdue, _, Some(task)) => localizer.format(
            "notify-do-run-task",
            &[("task", task.name.as_str().into())],
        ),
        (EventKind::StepFailed | EventKind::StepOverdue, _, None) => {
            localizer.text("notify-do-open")
        }
        (EventKind::Stale, _, _) => localizer.text("notify-do-check-stale"),
        (EventKind::Unreachable, _, _) => localizer.text("notify-do-unreachable"),
        (EventKind::ManualSyncCompleted, _, _) => localizer.text("notify-do-nothing-new"),
        (EventKind::Recovered, _, _) => localizer.text("notify-do-nothing"),
    };
    Notice {
        kind: event.kind,
        title: localizer.format(title_key, &args),
        body,
        step_key: event.step_key.clone(),
    }
}

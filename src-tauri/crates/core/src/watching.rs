//! Following one tenant all day, as the watcher process does: a cheap look at the current cycle
//! each interval (a conditional request, so an unchanged cycle costs a 304), the history only
//! when the cycle changed, backoff while the tenant cannot be reached, and each look turned into
//! the tray's state and the notifications not given before (`watch::observe`).

use crate::client::{Conditional, TenantClient};
use crate::demo::{DemoConnection, DemoLauncher, MAX_DEMO_TENANTS};
use futures_util::StreamExt;
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

/// What has been announced for every watched tenant, saved after each change.
struct Announced {
    file: WatchMemoryFile,
    memory: std::sync::Mutex<watch::WatchMemory>,
}

/// At most this many tenants are looked at at once: 200 tenants still fit in one interval.
const AT_ONCE: usize = 16;

/// Watches the demo server's tenants (one, or as many as the demo settings ask for), polling
/// them together and showing the worst of their states in the tray.
pub struct Watcher {
    launcher: Arc<DemoLauncher>,
    announced: Arc<Announced>,
    tenants: Vec<TenantWatch>,
    server: Option<DemoConnection>,
    this_machine: Arc<str>,
}

impl Watcher {
    pub fn new(launcher: Arc<DemoLauncher>, memory_file: PathBuf) -> Watcher {
        let file = WatchMemoryFile::new(memory_file);
        Watcher {
            launcher,
            announced: Arc::new(Announced {
                memory: std::sync::Mutex::new(file.load()),
                file,
            }),
            tenants: Vec::new(),
            server: None,
            this_machine: crate::session::this_machine_name().into(),
        }
    }

    /// Looks at every watched tenant once, with the settings as they are now.
    pub async fn poll(&mut self, settings: &Settings) -> Poll {
        let wanted = settings.demo.tenants.clamp(1, MAX_DEMO_TENANTS);
        self.tenants.truncate(wanted as usize);
        while self.tenants.len() < wanted as usize {
            let number = self.tenants.len() as u32 + 1;
            self.tenants.push(TenantWatch {
                number,
                client: None,
                known: None,
                announced: self.announced.clone(),
                last_answer: Utc::now(),
                failures: 0,
                this_machine: self.this_machine.clone(),
            });
        }
        // One look for the server, not one per tenant: started again when it went away.
        if self.server.is_none() || self.tenants.iter().any(|tenant| tenant.failures > 0) {
            self.server = match self.launcher.ensure(settings.demo).await {
                Ok(server) => Some(server),
                Err(err) => {
                    tracing::info!("the demo tenant is not there: {err}");
                    None
                }
            };
        }
        let localizer = Localizer::new(settings.effective_language());
        let mark = ManualSyncMark::read(&self.launcher.runtime_dir, Utc::now());
        let runtime_dir = self.launcher.runtime_dir.as_path();
        let server = self.server.as_ref();
        let polls: Vec<Poll> = futures_util::stream::iter(self.tenants.iter_mut())
            .map(|tenant| tenant.poll(settings, server, &localizer, mark.as_ref(), runtime_dir))
            .buffer_unordered(AT_ONCE)
            .collect()
            .await;
        together(polls, &localizer)
    }
}

/// The polls of several tenants as the one tray shows them: the worst state, every notice,
/// the soonest next look.
fn together(mut polls: Vec<Poll>, localizer: &Localizer) -> Poll {
    if polls.len() == 1 {
        return polls.remove(0);
    }
    let count = |state| polls.iter().filter(|poll| poll.glance.state == state).count();
    let (failed, unreachable) = (count(TrayState::Failed), count(TrayState::Unreachable));
    let state = [TrayState::Failed, TrayState::Unreachable, TrayState::Running]
        .into_iter()
        .find(|state| count(*state) > 0)
        .unwrap_or(TrayState::Ok);
    let tooltip = localizer.format(
        "notify-tooltip-tenants",
        &[
            ("count", (polls.len() as i64).into()),
            ("attention", (failed as i64).into()),
            ("unreachable", (unreachable as i64).into()),
        ],
    );
    let next_in = polls
        .iter()
        .map(|poll| poll.next_in)
        .min()
        .unwrap_or(Duration::from_secs(60));
    let (gone, mut notices): (Vec<Notice>, Vec<Notice>) = polls
        .into_iter()
        .flat_map(|poll| poll.notices)
        .partition(|notice| notice.kind == EventKind::Unreachable);
    // Tenants that went quiet together (the network, the server) are said in one notification.
    if gone.len() > 1 {
        notices.push(Notice {
            kind: EventKind::Unreachable,
            title: localizer.format(
                "notify-unreachable-tenants",
                &[("count", (gone.len() as i64).into())],
            ),
            body: localizer.text("notify-do-unreachable"),
            step_key: None,
        });
    } else {
        notices.extend(gone);
    }
    Poll {
        glance: Glance { state, tooltip },
        notices,
        next_in,
    }
}

/// One tenant of the demo server.
struct TenantWatch {
    number: u32,
    /// The client and the server address and key it was made for.
    client: Option<(String, String, TenantClient)>,
    known: Option<Known>,
    announced: Arc<Announced>,
    /// When the tenant last answered, or when watching began.
    last_answer: DateTime<Utc>,
    failures: usize,
    this_machine: Arc<str>,
}

impl TenantWatch {
    async fn poll(
        &mut self,
        settings: &Settings,
        server: Option<&DemoConnection>,
        localizer: &Localizer,
        mark: Option<&ManualSyncMark>,
        runtime_dir: &std::path::Path,
    ) -> Poll {
        let looked = match server {
            Some(server) => self.look(server).await,
            None => Err(crate::Error::DemoTenant {
                detail: "not running".into(),
            }),
        };
        match looked {
            Ok(()) => {
                self.failures = 0;
                self.last_answer = Utc::now();
                self.answered(settings, localizer, mark, runtime_dir)
            }
            Err(err) => {
                tracing::info!(tenant = self.number, "the tenant did not answer: {err}");
                // A server that went away is looked for again, and its ETags are not its heir's.
                self.client = None;
                self.failures += 1;
                self.unreachable(settings, localizer, &err.to_user(localizer).message)
            }
        }
    }

    async fn look(&mut self, server: &DemoConnection) -> Result<()> {
        let url = server.tenant_url(self.number);
        let same_server = self
            .client
            .as_ref()
            .is_some_and(|(made_for, key, _)| *made_for == url && *key == server.api_key);
        if !same_server {
            let client = TenantClient::new(&url, &server.api_key)?;
            self.client = Some((url, server.api_key.clone(), client));
            self.known = None;
        }
        let Some((_, _, client)) = &self.client else {
            return Ok(());
        };
        let client = client.clone();
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
        mark: Option<&ManualSyncMark>,
        runtime_dir: &std::path::Path,
    ) -> Poll {
        let Some(known) = &self.known else {
            return self.unreachable(settings, localizer, "");
        };
        let now = self
            .client
            .as_ref()
            .map_or_else(Utc::now, |(_, _, client)| client.tenant_now());
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
            ManualSyncMark::clear(runtime_dir);
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
            .unwrap_or_else(|| match self.number {
                1 => localizer.text("notify-the-tenant"),
                number => format!("{} {number}", localizer.text("notify-the-tenant")),
            });
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
        let mut memory = self
            .announced
            .memory
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        let remembered = memory.tenants.entry(tenant.to_string()).or_default();
        let events = watch::observe(remembered, tenant, sight, settings.watch.unreachable_after());
        if !events.is_empty() {
            if let Err(err) = self.announced.file.save(&memory) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    fn poll(state: TrayState, kind: Option<EventKind>, seconds: u64) -> Poll {
        Poll {
            glance: Glance {
                state,
                tooltip: String::new(),
            },
            notices: kind
                .map(|kind| Notice {
                    kind,
                    title: format!("{kind:?}"),
                    body: String::new(),
                    step_key: None,
                })
                .into_iter()
                .collect(),
            next_in: Duration::from_secs(seconds),
        }
    }

    #[test]
    fn many_tenants_show_the_worst_state_and_say_a_shared_outage_once() {
        let localizer = Localizer::new(Language::En);
        let polls = vec![
            poll(TrayState::Ok, None, 60),
            poll(TrayState::Unreachable, Some(EventKind::Unreachable), 3),
            poll(TrayState::Unreachable, Some(EventKind::Unreachable), 6),
            poll(TrayState::Running, Some(EventKind::ManualSyncCompleted), 10),
        ];
        let together = together(polls, &localizer);
        assert_eq!(together.glance.state, TrayState::Unreachable);
        assert_eq!(
            together.glance.tooltip,
            "Synkvakt · 4 tenants: 0 need attention, 2 cannot be reached"
        );
        let titles: Vec<&str> = together.notices.iter().map(|n| n.title.as_str()).collect();
        assert_eq!(
            titles,
            ["ManualSyncCompleted", "2 tenants cannot be reached"]
        );
        assert_eq!(together.next_in, Duration::from_secs(3));

        let failed = together_of(&[TrayState::Running, TrayState::Failed, TrayState::Unreachable]);
        assert_eq!(failed, TrayState::Failed, "attention comes first");
        assert_eq!(together_of(&[TrayState::Ok, TrayState::Ok]), TrayState::Ok);
    }

    fn together_of(states: &[TrayState]) -> TrayState {
        let polls = states.iter().map(|state| poll(*state, None, 60)).collect();
        together(polls, &Localizer::new(Language::En)).glance.state
    }

    #[test]
    fn one_tenant_is_shown_as_it_is() {
        let localizer = Localizer::new(Language::En);
        let alone = poll(TrayState::Unreachable, Some(EventKind::Unreachable), 3);
        assert_eq!(together(vec![alone.clone()], &localizer), alone);
    }
}

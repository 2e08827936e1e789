//! Following the tenants all day, as the watcher process does: a cheap look at each current
//! cycle each interval (a conditional request, so an unchanged cycle costs a 304), the history
//! only when the cycle changed, backoff while a tenant cannot be reached, and each look turned
//! into the tray's state and the notifications not given before (`alerts::observe`).

use crate::demo_connection::DemoConnection;
use crate::os::demo_launcher::DemoLauncher;
use crate::os::keyring::Keyring;
use crate::os::watch_files::{clear_manual_sync_mark, read_manual_sync_mark, WatchMemoryFile};
use crate::ports::SecretStore;
use crate::reach::{self, OsSchedulers, Reached};
use crate::tenant_client::Conditional;
use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use synkvakt_api::model::{Cycle, TenantInfo};
use synkvakt_core::alerts::{self, EventKind, ManualSyncMark, Sight, WatchEvent};
use synkvakt_core::error::Result;
use synkvakt_core::i18n::{Arg, Localizer};
use synkvakt_core::profiles::TenantRef;
use synkvakt_core::settings::Settings;
use synkvakt_core::status::{CycleView, Judging, OverallState};
use tokio::time::Instant;

/// How many recent cycles teach the usual times, as in the window.
const HISTORY_LENGTH: u32 = 20;
/// How many full cycles teach the usual gap between cycle starts: the most the service gives.
const FULL_HISTORY_LENGTH: u32 = 100;

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
    /// The tenant and step the window opens at when the notification is clicked; `None` for
    /// a notice about several tenants.
    pub tenant: Option<TenantRef>,
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
    /// Read again whenever the cycle changed, to learn usual times from.
    history: Vec<Cycle>,
    /// Weeks of full cycles, read again whenever the cycle changed, to learn the usual gap
    /// between cycle starts from.
    full_history: Vec<Cycle>,
}

/// At most this many tenants are looked at at once: 200 tenants still fit in one interval.
const AT_ONCE: usize = 16;
/// More notifications of one kind than this in one look are said as one, with the count.
const SEPARATE_NOTICES: usize = 3;

/// Watches the demo server's tenants (one, or as many as the demo settings ask for): each on
/// its own schedule, at most `AT_ONCE` at a time, the tray showing the worst of their states.
pub struct Watcher {
    launcher: Arc<DemoLauncher>,
    memory_file: WatchMemoryFile,
    memory: alerts::WatchMemory,
    tenants: Vec<TenantWatch>,
    server: Option<DemoConnection>,
    /// Where the profiles' API keys are read from.
    secrets: Arc<dyn SecretStore>,
    this_machine: String,
}

impl Watcher {
    pub fn new(launcher: Arc<DemoLauncher>, memory_file: PathBuf) -> Watcher {
        let memory_file = WatchMemoryFile::new(memory_file);
        Watcher {
            launcher,
            memory: memory_file.load(),
            memory_file,
            tenants: Vec::new(),
            server: None,
            secrets: Arc::new(Keyring),
            this_machine: crate::session::this_machine_name(),
        }
    }

    /// Looks at each watched tenant whose time has come, with the settings as they are now.
    pub async fn poll(&mut self, settings: &Settings) -> Poll {
        self.poll_at(settings, Instant::now()).await
    }

    /// `poll` as of `now`, which may be later than the clock says: time the caller has let
    /// pass, so that what is due is looked at.
    pub async fn poll_at(&mut self, settings: &Settings, now: Instant) -> Poll {
        let mut wanted = settings.watched_tenants();
        let demo_watched = wanted.iter().any(TenantRef::is_demo);
        // One look for the demo server, not one per tenant: started again when it went away.
        let demo_failing = self
            .tenants
            .iter()
            .any(|tenant| tenant.tenant.is_demo() && tenant.failures > 0);
        if demo_watched && (self.server.is_none() || demo_failing) {
            self.server = match self.launcher.ensure(settings.demo).await {
                Ok(server) => Some(server),
                Err(err) => {
                    tracing::info!("the demo tenant is not there: {err}");
                    None
                }
            };
        }
        // As many demo tenants as the settings ask for and the server serves.
        let served = self
            .server
            .as_ref()
            .map_or(1, |server| server.tenants.max(1));
        wanted.retain(|tenant| !matches!(tenant, TenantRef::Demo { number } if *number > served));
        let mut kept = std::mem::take(&mut self.tenants);
        self.tenants = wanted
            .into_iter()
            .map(
                |tenant| match kept.iter().position(|known| known.tenant == tenant) {
                    Some(index) => kept.swap_remove(index),
                    None => TenantWatch::new(tenant, now),
                },
            )
            .collect();

        let localizer = Localizer::new(settings.effective_language());
        let mark = read_manual_sync_mark(&self.launcher.runtime_dir, Utc::now());
        // A manual sync the admin just started is not left waiting for the calm interval.
        let hurried = mark.as_ref().map(|mark| mark.tenant.as_str());
        let active = settings.watch.active_interval();
        let context = LookContext {
            settings,
            server: self.server.as_ref(),
            secrets: &self.secrets,
            localizer: &localizer,
            mark: mark.as_ref(),
            runtime_dir: &self.launcher.runtime_dir,
            this_machine: &self.this_machine,
        };
        let looks: Vec<Look> =
            futures_util::stream::iter(self.tenants.iter_mut().filter(|tenant| {
                tenant.due <= now
                    || (hurried.is_some_and(|name| tenant.known_name() == Some(name))
                        && tenant.looked_at + active <= now)
            }))
            .map(|tenant| tenant.look_once(&context, now))
            .buffer_unordered(AT_ONCE)
            .collect()
            .await;

        let mut events = Vec::new();
        let mut remembered_more = false;
        for look in looks {
            let remembered = self
                .memory
                .tenants
                .entry(look.memory_key.clone())
                .or_default();
            let said = alerts::observe(
                remembered,
                &look.tenant,
                look.sight.as_sight(),
                settings.watch.unreachable_after(),
            );
            remembered_more |= !said.is_empty();
            events.extend(notices(&said, &look, settings, &localizer));
        }
        // Also what was not shown (its kind turned off) is remembered, not said after a restart.
        if remembered_more {
            if let Err(err) = self.memory_file.save(&self.memory) {
                tracing::warn!("what was announced is not saved, and may be said again: {err}");
            }
        }
        let next_in = self
            .tenants
            .iter()
            .map(|tenant| tenant.due.saturating_duration_since(now))
            .min()
            .unwrap_or(settings.watch.interval());
        Poll {
            glance: glance_of(&self.tenants, &localizer),
            notices: gathered(events, &localizer),
            next_in,
        }
    }
}

/// What a look needs besides its tenant.
struct LookContext<'a> {
    settings: &'a Settings,
    server: Option<&'a DemoConnection>,
    secrets: &'a Arc<dyn SecretStore>,
    localizer: &'a Localizer,
    mark: Option<&'a ManualSyncMark>,
    runtime_dir: &'a std::path::Path,
    this_machine: &'a str,
}

/// What one tenant showed, for `alerts::observe`.
enum Seen {
    Answered {
        view: Box<CycleView>,
        no_new_cycle_since: Option<DateTime<Utc>>,
        manual_sync_cycle: Option<String>,
    },
    Unreachable {
        since: DateTime<Utc>,
        now: DateTime<Utc>,
    },
}

impl Seen {
    fn as_sight(&self) -> Sight<'_> {
        match self {
            Seen::Answered {
                view,
                no_new_cycle_since,
                manual_sync_cycle,
            } => Sight::Answered {
                cycle: view,
                no_new_cycle_since: *no_new_cycle_since,
                manual_sync_cycle: manual_sync_cycle.as_deref(),
            },
            Seen::Unreachable { since, now } => Sight::Unreachable {
                since: *since,
                now: *now,
            },
        }
    }

    fn cycle(&self) -> Option<&CycleView> {
        match self {
            Seen::Answered { view, .. } => Some(view),
            Seen::Unreachable { .. } => None,
        }
    }
}

struct Look {
    /// Stable whatever the language or the tenant's name: what was said is kept under it.
    memory_key: String,
    tenant: String,
    /// Which tenant, for the window a notification opens.
    reference: TenantRef,
    sight: Seen,
}

/// The tray's look over all tenants: one tenant as it is; several by the worst state, with
/// counts.
fn glance_of(tenants: &[TenantWatch], localizer: &Localizer) -> Glance {
    if let [only] = tenants {
        return only.glance.clone();
    }
    let count = |state| {
        tenants
            .iter()
            .filter(|tenant| tenant.glance.state == state)
            .count() as i64
    };
    let state = [
        TrayState::Failed,
        TrayState::Unreachable,
        TrayState::Running,
    ]
    .into_iter()
    .find(|state| count(*state) > 0)
    .unwrap_or(TrayState::Ok);
    let tooltip = localizer.format(
        "notify-tooltip-tenants",
        &[
            ("count", (tenants.len() as i64).into()),
            ("attention", count(TrayState::Failed).into()),
            ("unreachable", count(TrayState::Unreachable).into()),
        ],
    );
    Glance { state, tooltip }
}

/// The notices of one look over all tenants; many of one kind at once (the network went, a
/// change broke every municipality's export) are said as one, with their count.
fn gathered(notices: Vec<Notice>, localizer: &Localizer) -> Vec<Notice> {
    let mut by_kind: Vec<(EventKind, Vec<Notice>)> = Vec::new();
    for notice in notices {
        match by_kind.iter_mut().find(|(kind, _)| *kind == notice.kind) {
            Some((_, same)) => same.push(notice),
            None => by_kind.push((notice.kind, vec![notice])),
        }
    }
    by_kind
        .into_iter()
        .flat_map(|(kind, same)| {
            if same.len() <= SEPARATE_NOTICES {
                return same;
            }
            vec![Notice {
                kind,
                title: localizer.format(
                    "notify-many-tenants",
                    &[
                        ("count", (same.len() as i64).into()),
                        (
                            "what",
                            localizer.text(&format!("notify-kind-{}", kind.id())).into(),
                        ),
                    ],
                ),
                body: localizer.text("notify-do-open-many"),
                tenant: None,
                step_key: None,
            }]
        })
        .collect()
}

/// One tenant of the demo server.
struct TenantWatch {
    tenant: TenantRef,
    /// The tenant reached, with what it was reached from.
    reached: Option<(String, Reached)>,
    known: Option<Known>,
    /// When the tenant last answered, or when watching began.
    last_answer: DateTime<Utc>,
    failures: usize,
    due: Instant,
    looked_at: Instant,
    glance: Glance,
}

impl TenantWatch {
    /// A tenant first looked at `now`.
    fn new(tenant: TenantRef, now: Instant) -> TenantWatch {
        TenantWatch {
            tenant,
            reached: None,
            known: None,
            last_answer: Utc::now(),
            failures: 0,
            due: now,
            looked_at: now,
            glance: Glance {
                state: TrayState::Running,
                tooltip: "Synkvakt".into(),
            },
        }
    }

    fn memory_key(&self) -> String {
        self.tenant.key()
    }

    /// The tenant's name as the service gave it; until then its profile's, or its number.
    fn name(&self, context: &LookContext<'_>) -> String {
        match (&self.known, &self.tenant) {
            (Some(known), _) => known.tenant.name.clone(),
            (None, TenantRef::Profile { id }) => context
                .settings
                .profile(id)
                .map(|profile| profile.name.clone())
                .unwrap_or_else(|_| id.clone()),
            (None, TenantRef::Demo { number }) => context.localizer.format(
                "notify-tenant-number",
                &[("number", i64::from(*number).into())],
            ),
        }
    }

    fn known_name(&self) -> Option<&str> {
        self.known.as_ref().map(|known| known.tenant.name.as_str())
    }

    async fn look_once(&mut self, context: &LookContext<'_>, now: Instant) -> Look {
        let (sight, next_in) = match self.read(context).await {
            Ok((known, reached)) => {
                self.failures = 0;
                self.last_answer = Utc::now();
                let (sight, glance, next_in) = answered(&known, &reached, context, self.now());
                self.glance = glance;
                self.known = Some(known);
                (sight, next_in)
            }
            Err(err) => {
                tracing::info!(tenant = %self.tenant.key(), "the tenant did not answer: {err}");
                let interval = self.interval(context);
                // A server that went away is looked for again, and its ETags are not its heir's;
                // a profile's key is read from the keyring again.
                self.reached = None;
                self.failures += 1;
                let why = err.to_user(context.localizer).message;
                self.glance = Glance {
                    state: TrayState::Unreachable,
                    tooltip: context.localizer.format(
                        "notify-tooltip-unreachable",
                        &[("tenant", self.name(context).into()), ("why", why.into())],
                    ),
                };
                // The waits between looks while the tenant does not answer, capped by the interval.
                let backoff = synkvakt_core::status::RETRY_BACKOFF_SECONDS;
                let wait = u64::from(backoff[(self.failures - 1).min(backoff.len() - 1)]);
                let sight = Seen::Unreachable {
                    since: self.last_answer,
                    now: Utc::now(),
                };
                (sight, Duration::from_secs(wait).min(interval))
            }
        };
        self.looked_at = now;
        self.due = now + next_in;
        Look {
            memory_key: self.memory_key(),
            tenant: self.name(context),
            reference: self.tenant.clone(),
            sight,
        }
    }

    /// Now by the tenant's clock, which its cycle's times are in.
    fn now(&self) -> DateTime<Utc> {
        self.reached
            .as_ref()
            .map_or_else(Utc::now, |(_, reached)| reached.client.tenant_now())
    }

    /// The time between looks: the profile's, or the watcher's for a demo tenant.
    fn interval(&self, context: &LookContext<'_>) -> Duration {
        match (&self.reached, &self.tenant) {
            (Some((_, reached)), _) => reached.interval,
            (None, TenantRef::Profile { id }) => context
                .settings
                .profile(id)
                .map(|profile| Duration::from_secs(u64::from(profile.interval_seconds)))
                .unwrap_or_else(|_| context.settings.watch.interval()),
            (None, TenantRef::Demo { .. }) => context.settings.watch.interval(),
        }
    }

    /// What the tenant is reached from: its profile and the network settings, or the demo
    /// server's address and key. When it changes the tenant is reached again.
    fn source(&self, context: &LookContext<'_>) -> Result<String> {
        match &self.tenant {
            TenantRef::Demo { .. } => {
                let server = context.server.ok_or_else(|| crate::Error::DemoTenant {
                    detail: "not running".into(),
                })?;
                Ok(format!("{}|{}", server.base_url, server.api_key))
            }
            TenantRef::Profile { id } => {
                Ok(
                    serde_json::json!([context.settings.profile(id)?, context.settings.network])
                        .to_string(),
                )
            }
        }
    }

    async fn reach(&mut self, context: &LookContext<'_>) -> Result<Reached> {
        let source = self.source(context)?;
        if let Some((from, reached)) = &self.reached {
            if *from == source {
                return Ok(reached.clone());
            }
        }
        let reached = match (&self.tenant, context.server) {
            (TenantRef::Demo { number }, Some(server)) => {
                reach::reach_demo(context.settings, *number, server)?
            }
            (TenantRef::Demo { .. }, None) => {
                return Err(crate::Error::DemoTenant {
                    detail: "not running".into(),
                })
            }
            (TenantRef::Profile { id }, _) => {
                reach::reach_profile(context.settings, id, context.secrets, &OsSchedulers).await?
            }
        };
        self.reached = Some((source, reached.clone()));
        self.known = None;
        Ok(reached)
    }

    /// What the tenant holds now: an unchanged cycle costs one 304; a changed one brings its
    /// history along.
    async fn read(&mut self, context: &LookContext<'_>) -> Result<(Known, Reached)> {
        let reached = self.reach(context).await?;
        let client = &reached.client;
        let previous = self.known.take();
        let etag = previous.as_ref().and_then(|known| known.etag.clone());
        let previous_full_history = previous
            .as_ref()
            .map(|known| known.full_history.clone())
            .unwrap_or_default();
        let answer = client.current_cycle_if_changed(etag.as_deref()).await;
        let (cycle, etag) = match (answer, previous) {
            (Ok(Conditional::Unchanged), Some(known)) => return Ok((known, reached)),
            (Ok(Conditional::Unchanged), None) => (client.current_cycle().await?, None),
            (Ok(Conditional::Changed { value, etag }), _) => (value, etag),
            (Err(err), _) => return Err(err),
        };
        let tenant = client.tenant_info().await?;
        let history = client.cycle_history(HISTORY_LENGTH).await?.cycles;
        // The weeks of full cycles only teach the usual gap: without them the tenant is still
        // watched, with the gap the history taught before (or the profile's default).
        let full_history = match client.full_cycle_history(FULL_HISTORY_LENGTH).await {
            Ok(full) => full.cycles,
            Err(err) => {
                tracing::warn!("keeping the previous full-cycle history: {err}");
                previous_full_history
            }
        };
        let known = Known {
            tenant,
            cycle,
            etag,
            history,
            full_history,
        };
        Ok((known, reached))
    }
}

/// What an answer shows: the sight for the memory, the tray's look, and when to look again.
fn answered(
    known: &Known,
    reached: &Reached,
    context: &LookContext<'_>,
    now: DateTime<Utc>,
) -> (Seen, Glance, Duration) {
    let settings = context.settings;
    let judging = Judging {
        tenant: &known.tenant,
        history: &known.history,
        full_history: &known.full_history,
        limits: reached.limits,
        machines: &reached.machines,
        this_machine: context.this_machine,
    };
    let view = judging.view(&known.cycle, context.localizer, now);
    let no_new_cycle = judging.no_new_cycle(&known.cycle, now);
    let mark = context.mark.filter(|mark| mark.tenant == known.tenant.name);
    let manual_cycle = mark
        .and_then(|mark| mark.cycle_of(&view))
        .map(str::to_string);
    let finished = matches!(
        view.state,
        OverallState::Completed
            | OverallState::Resumed
            | OverallState::Failed
            | OverallState::Stopped
    );
    if manual_cycle.is_some() && finished {
        clear_manual_sync_mark(context.runtime_dir);
    }
    let state = match view.state {
        _ if no_new_cycle.is_some() || view.steps.iter().any(|step| step.overdue) => {
            TrayState::Failed
        }
        // A state this version does not know is one to look at, not a reassurance.
        OverallState::Failed | OverallState::Stopped | OverallState::Unknown => TrayState::Failed,
        OverallState::Completed | OverallState::Resumed => TrayState::Ok,
        OverallState::Running => TrayState::Running,
    };
    let next_in = if mark.is_some() && !(manual_cycle.is_some() && finished) {
        settings.watch.active_interval().min(reached.interval)
    } else {
        reached.interval
    };
    let glance = Glance {
        state,
        tooltip: context.localizer.format(
            "notify-tooltip",
            &[
                ("tenant", known.tenant.name.as_str().into()),
                ("state", view.headline.as_str().into()),
            ],
        ),
    };
    let sight = Seen::Answered {
        view: Box::new(view),
        no_new_cycle_since: no_new_cycle.map(|stall| stall.since),
        manual_sync_cycle: manual_cycle,
    };
    (sight, glance, next_in)
}

/// The events the settings let through, as notifications in the admin's language.
fn notices(
    events: &[WatchEvent],
    look: &Look,
    settings: &Settings,
    localizer: &Localizer,
) -> Vec<Notice> {
    events
        .iter()
        .filter(|event| settings.watch.notify.allows(event.kind))
        .map(|event| notice(event, look, localizer))
        .collect()
}

/// A time of the tenant's as the admin's clock shows it, with the date when not today.
fn local_time(time: DateTime<Utc>) -> String {
    let local = time.with_timezone(&chrono::Local);
    if local.date_naive() == chrono::Local::now().date_naive() {
        local.format("%H:%M").to_string()
    } else {
        local.format("%d.%m. %H:%M").to_string()
    }
}

fn notice(event: &WatchEvent, look: &Look, localizer: &Localizer) -> Notice {
    let cycle = look.sight.cycle();
    let no_new_cycle_since = match &look.sight {
        Seen::Answered {
            no_new_cycle_since, ..
        } => *no_new_cycle_since,
        Seen::Unreachable { .. } => None,
    };
    let step = cycle.and_then(|cycle| {
        cycle
            .steps
            .iter()
            .find(|step| Some(&step.key) == event.step_key.as_ref())
    });
    let args: Vec<(&str, Arg)> = vec![
        ("tenant", event.tenant.as_str().into()),
        ("step", event.step_name.clone().unwrap_or_default().into()),
        (
            "since",
            no_new_cycle_since
                .map(local_time)
                .unwrap_or_default()
                .into(),
        ),
    ];
    let title_key = match event.kind {
        EventKind::StepFailed => "notify-step-failed",
        EventKind::ImportFilterStop => "notify-import-filter-stop",
        EventKind::StepOverdue => "notify-step-overdue",
        EventKind::NoNewCycle => "notify-no-new-cycle",
        EventKind::Unreachable => "notify-unreachable",
        EventKind::ManualSyncCompleted => "notify-manual-sync-completed",
        EventKind::Recovered => "notify-recovered",
    };
    // The first thing to do: the step's own first remedy where it names a task to run.
    let task_to_run = step.and_then(|step| {
        step.guidance
            .remedies
            .iter()
            .find_map(|remedy| remedy.tasks.first())
    });
    let body = match (event.kind, step, task_to_run) {
        (EventKind::ImportFilterStop, _, _) => localizer.text("notify-do-review-import"),
        (EventKind::StepFailed | EventKind::StepOverdue, Some(step), _)
            if step.guidance.support_only =>
        {
            localizer.text("notify-do-support")
        }
        (EventKind::StepFailed | EventKind::StepOverdue, _, Some(task)) => {
            localizer.format("notify-do-run-task", &[("task", task.name.as_str().into())])
        }
        (EventKind::StepFailed | EventKind::StepOverdue, _, None) => {
            localizer.text("notify-do-open")
        }
        (EventKind::NoNewCycle, _, _) => localizer.text("notify-do-no-new-cycle"),
        (EventKind::Unreachable, _, _) => localizer.text("notify-do-unreachable"),
        (EventKind::ManualSyncCompleted, _, _) => localizer.text("notify-do-nothing-new"),
        (EventKind::Recovered, _, _) => localizer.text("notify-do-nothing"),
    };
    Notice {
        kind: event.kind,
        title: localizer.format(title_key, &args),
        body,
        tenant: Some(look.reference.clone()),
        step_key: event.step_key.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use synkvakt_core::i18n::Language;

    fn notice(kind: EventKind, n: usize) -> Notice {
        Notice {
            kind,
            title: format!("{kind:?} {n}"),
            body: String::new(),
            tenant: Some(TenantRef::Demo {
                number: n as u32 + 1,
            }),
            step_key: None,
        }
    }

    #[test]
    fn many_notices_of_one_kind_are_said_as_one_with_their_count() {
        let localizer = Localizer::new(Language::En);
        let mut notices: Vec<Notice> = (0..4).map(|n| notice(EventKind::Unreachable, n)).collect();
        notices.push(notice(EventKind::ManualSyncCompleted, 0));
        notices.extend((0..3).map(|n| notice(EventKind::StepFailed, n)));
        let titles: Vec<String> = gathered(notices, &localizer)
            .into_iter()
            .map(|notice| notice.title)
            .collect();
        assert_eq!(
            titles,
            [
                "4 tenants: cannot be reached",
                "ManualSyncCompleted 0",
                "StepFailed 0",
                "StepFailed 1",
                "StepFailed 2"
            ]
        );
    }

    fn watching(state: TrayState) -> TenantWatch {
        let mut tenant = TenantWatch::new(TenantRef::Demo { number: 1 }, Instant::now());
        tenant.glance.state = state;
        tenant
    }

    #[test]
    fn several_tenants_show_the_worst_state_with_counts() {
        let localizer = Localizer::new(Language::En);
        let tenants = [
            watching(TrayState::Ok),
            watching(TrayState::Unreachable),
            watching(TrayState::Running),
        ];
        let glance = glance_of(&tenants, &localizer);
        assert_eq!(glance.state, TrayState::Unreachable);
        assert_eq!(
            glance.tooltip,
            "Synkvakt · 3 tenants: none needs attention, 1 cannot be reached"
        );
        let tenants = [watching(TrayState::Running), watching(TrayState::Failed)];
        let glance = glance_of(&tenants, &localizer);
        assert_eq!(glance.state, TrayState::Failed, "attention comes first");
        assert_eq!(
            glance.tooltip,
            "Synkvakt · 2 tenants: 1 needs attention, 0 cannot be reached"
        );
        let ok = [watching(TrayState::Ok), watching(TrayState::Ok)];
        assert_eq!(glance_of(&ok, &localizer).state, TrayState::Ok);
    }

    #[test]
    fn every_kind_has_words_for_a_gathered_notice_in_every_language() {
        for language in [Language::Nb, Language::Nn, Language::En] {
            let localizer = Localizer::new(language);
            for kind in EventKind::ALL {
                let key = format!("notify-kind-{}", kind.id());
                assert!(localizer.has(&key), "{key} in {language:?}");
            }
        }
    }

    #[test]
    fn one_tenant_is_shown_as_it_is() {
        let localizer = Localizer::new(Language::En);
        let only = [watching(TrayState::Unreachable)];
        assert_eq!(glance_of(&only, &localizer), only[0].glance);
    }
}

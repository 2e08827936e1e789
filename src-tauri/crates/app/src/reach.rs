//! Reaching a tenant, the demo's or a real one: its API client, its product, the client's
//! machines and tasks, how it is judged, and the Task Scheduler its tasks run in. The window,
//! the watcher and "Test connection" all reach tenants through here.

use crate::demo_connection::DemoConnection;
use crate::ports::{read_secret, Schedulers, SecretKind, SecretStore};
use crate::tenant_client::TenantClient;
use std::sync::Arc;
use std::time::Duration;
use synkvakt_api::demo_protocol::Scenario;
use synkvakt_api::model::Product;
use synkvakt_core::error::{Error, Result};
use synkvakt_core::guidance;
use synkvakt_core::machines::{ClientMachines, ScheduledTask};
use synkvakt_core::profiles::TenantRef;
use synkvakt_core::settings::Settings;
use synkvakt_core::usual::WatchLimits;
use synkvakt_taskschd::{TaskRef, TaskScheduler};

/// A tenant ready to be asked.
#[derive(Clone)]
pub struct Reached {
    pub tenant: TenantRef,
    pub client: TenantClient,
    pub product: Product,
    pub machines: ClientMachines,
    pub limits: WatchLimits,
    /// Seconds between the watcher's looks at it.
    pub interval: Duration,
    /// Set for a demo tenant, which every view labels as such.
    pub demo_scenario: Option<Scenario>,
    /// Where the client's logs are read from when not where the machines say: the demo's
    /// stand-in folder on this computer. The guidance still names the real folder.
    pub log_folder_here: Option<std::path::PathBuf>,
    pub scheduler: Arc<dyn TaskScheduler>,
}

impl Reached {
    /// The client's tasks for this tenant, as configured or as the guides name them.
    pub fn tasks(&self) -> Vec<ScheduledTask> {
        guidance::scheduled_tasks(&self.machines, self.product)
    }
}

/// Demo tenant `number` of the demo server `demo`. Call it inside the runtime.
pub fn reach_demo(settings: &Settings, number: u32, demo: &DemoConnection) -> Result<Reached> {
    let client = TenantClient::new(&demo.tenant_url(number), &demo.api_key)?;
    let tasks = guidance::scheduled_tasks(&settings.client, demo.product);
    let scheduler = demo.scheduler(
        number,
        tasks
            .iter()
            .map(|task| TaskRef::new(task.name.clone(), task.server.clone())),
    );
    Ok(Reached {
        tenant: TenantRef::Demo { number },
        client,
        product: demo.product,
        machines: settings.client.clone().fit_for(demo.product),
        log_folder_here: demo.client_log_folder.clone(),
        limits: settings.limits,
        interval: settings.watch.interval(),
        demo_scenario: Some(demo.scenario),
        scheduler: Arc::new(scheduler),
    })
}

/// The profile `id`, with its API key from `secrets` and its tasks in the scheduler signed in as
/// its server account.
pub async fn reach_profile(
    settings: &Settings,
    id: &str,
    secrets: &Arc<dyn SecretStore>,
    schedulers: &dyn Schedulers,
) -> Result<Reached> {
    let profile = settings.profile(id)?.clone();
    let api_key = read_secret(secrets, &profile.id, SecretKind::ApiKey)
        .await?
        .ok_or_else(|| Error::NoApiKey {
            tenant: profile.name.clone(),
        })?;
    let client =
        TenantClient::with_network(&profile.service_url, api_key.expose(), &settings.network)?;
    let password = match profile.server_account {
        Some(_) => read_secret(secrets, &profile.id, SecretKind::ServerPassword)
            .await?
            .map(|secret| secret.expose().to_string()),
        None => None,
    };
    let scheduler = schedulers.signed_in_as(profile.server_account.as_deref(), password)?;
    Ok(Reached {
        tenant: TenantRef::Profile { id: profile.id },
        client,
        product: profile.product,
        limits: WatchLimits {
            new_cycle_hours: profile.new_cycle_hours,
            new_cycle_wait_minutes: profile.new_cycle_wait_minutes,
            ..settings.limits
        },
        interval: Duration::from_secs(u64::from(profile.interval_seconds)),
        machines: profile.client.fit_for(profile.product),
        demo_scenario: None,
        log_folder_here: None,
        scheduler,
    })
}

/// `task`'s status in `scheduler`, asked off the runtime's threads: the Task Scheduler's COM
/// calls block, on a remote server for seconds.
pub async fn task_status(
    scheduler: Arc<dyn TaskScheduler>,
    task: &ScheduledTask,
) -> Result<synkvakt_taskschd::Result<synkvakt_taskschd::TaskStatus>> {
    let task = TaskRef::new(task.name.clone(), task.server.clone());
    tokio::task::spawn_blocking(move || scheduler.status(&task))
        .await
        .map_err(|err| Error::Task {
            kind: "task-other",
            detail: err.to_string(),
        })
}

/// The Task Scheduler of this computer's OS: Windows' own, or none elsewhere.
#[derive(Debug, Clone, Copy, Default)]
pub struct OsSchedulers;

impl Schedulers for OsSchedulers {
    fn signed_in_as(
        &self,
        account: Option<&str>,
        password: Option<String>,
    ) -> Result<Arc<dyn TaskScheduler>> {
        task_scheduler(account, password)
    }
}

/// The Task Scheduler of this system, reaching the servers as `account` (`DOMENE\\bruker`)
/// with `password` when an account is named, else as the current user.
#[cfg(windows)]
fn task_scheduler(
    account: Option<&str>,
    password: Option<String>,
) -> Result<Arc<dyn TaskScheduler>> {
    let account =
        account.map(|name| synkvakt_taskschd::Account::parse(name, password.unwrap_or_default()));
    synkvakt_taskschd::WindowsScheduler::signed_in_as(account)
        .map(|scheduler| Arc::new(scheduler) as Arc<dyn TaskScheduler>)
        .map_err(Error::from)
}

/// Off Windows there is no Task Scheduler to reach: every task says so.
#[cfg(not(windows))]
fn task_scheduler(
    _account: Option<&str>,
    _password: Option<String>,
) -> Result<Arc<dyn TaskScheduler>> {
    Ok(Arc::new(NoTaskScheduler))
}

/// The scheduler of a system that has none.
#[cfg(not(windows))]
struct NoTaskScheduler;

#[cfg(not(windows))]
impl TaskScheduler for NoTaskScheduler {
    fn status(&self, _task: &TaskRef) -> synkvakt_taskschd::Result<synkvakt_taskschd::TaskStatus> {
        Err(synkvakt_taskschd::Error::NotSupported {
            operation: "Reading a scheduled task (the Task Scheduler is Windows')",
        })
    }

    fn run(&self, _task: &TaskRef) -> synkvakt_taskschd::Result<()> {
        Err(synkvakt_taskschd::Error::NotSupported {
            operation: "Running a scheduled task (the Task Scheduler is Windows')",
        })
    }
}

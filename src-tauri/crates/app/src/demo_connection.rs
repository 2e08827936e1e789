//! A running demo tenant as this process reaches it: its address and key, and the stand-in
//! Task Scheduler whose runs tell the demo what the real service would notice.

use std::path::PathBuf;
use std::time::Duration;
use synkvakt_api::demo_protocol::{RuntimeFile, Scenario};
use synkvakt_api::model::Product;

/// A running demo tenant this process may use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoConnection {
    pub base_url: String,
    pub api_key: String,
    pub product: Product,
    pub scenario: Scenario,
    pub tenants: u32,
    pub client_log_folder: Option<PathBuf>,
}

impl From<&RuntimeFile> for DemoConnection {
    fn from(file: &RuntimeFile) -> Self {
        DemoConnection {
            base_url: file.base_url(),
            api_key: file.api_key.clone(),
            product: file.product,
            scenario: file.scenario,
            tenants: file.tenants,
            client_log_folder: file.client_log_folder.clone(),
        }
    }
}

/// How long a run of a demo task takes before the demo tenant hears of it.
pub const DEMO_TASK_RUN: Duration = Duration::from_secs(4);

impl DemoConnection {
    /// The service address of demo tenant `number` (1 is the server's own).
    pub fn tenant_url(&self, number: u32) -> String {
        match number {
            0 | 1 => self.base_url.clone(),
            _ => format!("{}/tenants/{number}/", self.base_url),
        }
    }

    /// A Task Scheduler holding `tasks` whose runs, when they end, tell demo tenant `number` what
    /// the real service would notice: the client's data arrived. Call it inside the runtime.
    pub fn scheduler(
        &self,
        number: u32,
        tasks: impl IntoIterator<Item = synkvakt_taskschd::TaskRef>,
    ) -> synkvakt_taskschd::demo::DemoScheduler {
        let runtime = tokio::runtime::Handle::current();
        let http = reqwest::Client::new();
        let base_url = self.tenant_url(number);
        let api_key = self.api_key.clone();
        let on_run_ended: synkvakt_taskschd::demo::RunEnded = std::sync::Arc::new(move |task| {
            let mut url = match url::Url::parse(&base_url) {
                Ok(url) => url,
                Err(_) => return,
            };
            if let Ok(mut path) = url.path_segments_mut() {
                path.pop_if_empty()
                    .extend(["_demo", "client-task", task.name.as_str()]);
            }
            let request = http.post(url).bearer_auth(&api_key).send();
            let task = task.name.clone();
            runtime.spawn(async move {
                match request.await {
                    Ok(answer) if answer.status().is_success() => {}
                    // A cycle runs or failed: the demo tenant, like the real one, ignores the data.
                    Ok(answer) => {
                        tracing::info!(task, status = %answer.status(), "demo tenant ignored the run")
                    }
                    Err(err) => tracing::warn!(task, "demo tenant not told of the run: {err}"),
                }
            });
        });
        synkvakt_taskschd::demo::DemoScheduler::new(tasks, DEMO_TASK_RUN, on_run_ended)
    }
}

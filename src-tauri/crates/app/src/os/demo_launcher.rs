//! Finding the embedded demo tenant, or starting its process, and keeping its lease.

use crate::demo_connection::DemoConnection;
use crate::ports::DemoTenants;
use futures_util::future::BoxFuture;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;
use std::time::Duration;
use synkvakt_api::demo_protocol::{RuntimeFile, LEASE_RENEWAL, MAX_DEMO_TENANTS};
use synkvakt_core::error::{Error, Result};
use synkvakt_core::settings::DemoChoice;

const START_TIMEOUT: Duration = Duration::from_secs(15);

pub struct DemoLauncher {
    pub binary: PathBuf,
    pub runtime_dir: PathBuf,
    pub log_dir: PathBuf,
    http: reqwest::Client,
}

impl DemoLauncher {
    pub fn new(binary: PathBuf, runtime_dir: PathBuf, log_dir: PathBuf) -> DemoLauncher {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()
            .unwrap_or_default();
        DemoLauncher {
            binary,
            runtime_dir,
            log_dir,
            http,
        }
    }

    /// Uses the demo tenant that already runs, whatever its scenario, or starts one with `choice`.
    pub async fn ensure(&self, choice: DemoChoice) -> Result<DemoConnection> {
        let previous = RuntimeFile::read(&self.runtime_dir);
        if let Some(file) = &previous {
            if self.renew_lease(file).await {
                tracing::info!(port = file.port, "using the running demo tenant");
                return Ok(file.into());
            }
        }
        // Restarting on the port it had keeps addresses people copied valid; the server falls
        // back to a free port when that one is taken.
        let port = previous.map(|file| file.port).unwrap_or(0);
        self.start(choice, port).await
    }

    async fn start(&self, choice: DemoChoice, port: u16) -> Result<DemoConnection> {
        let fail = |detail: String| Error::DemoTenant { detail };
        std::fs::create_dir_all(&self.log_dir).map_err(|err| fail(err.to_string()))?;
        let log_path = self.log_dir.join("demo-tenant.log");
        // The log of the run it starts: an old one is never kept on and on.
        let log = std::fs::OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(true)
            .open(&log_path)
            .map_err(|err| fail(format!("{}: {err}", log_path.display())))?;
        let log_err = log.try_clone().map_err(|err| fail(err.to_string()))?;
        let mut command = std::process::Command::new(&self.binary);
        command
            .arg("--product")
            .arg(choice.product.as_str())
            .arg("--scenario")
            .arg(choice.scenario.as_str())
            .arg("--users")
            .arg(choice.users.to_string())
            .arg("--tenants")
            .arg(choice.tenants.clamp(1, MAX_DEMO_TENANTS).to_string())
            .arg("--port")
            .arg(port.to_string())
            .arg("--runtime-dir")
            .arg(&self.runtime_dir)
            .arg("--on-demand")
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(log_err);
        // Its own process group, so that closing the app's terminal does not take it along: its
        // life is governed by the leases.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let mut child = command
            .spawn()
            .map_err(|err| fail(format!("{}: {err}", self.binary.display())))?;
        let child_pid = child.id();
        tracing::info!(pid = child_pid, binary = %self.binary.display(), "started the demo tenant");

        let deadline = tokio::time::Instant::now() + START_TIMEOUT;
        while tokio::time::Instant::now() < deadline {
            if let Ok(Some(status)) = child.try_wait() {
                return Err(fail(format!(
                    "it exited with {status}; see {}",
                    log_path.display()
                )));
            }
            if let Some(file) =
                RuntimeFile::read(&self.runtime_dir).filter(|file| file.pid == child_pid)
            {
                if self.renew_lease(&file).await {
                    return Ok((&file).into());
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let _ = child.kill();
        Err(fail(format!(
            "it did not answer within {} s; see {}",
            START_TIMEOUT.as_secs(),
            log_path.display()
        )))
    }

    /// Tells the demo tenant this process still uses it; false when it does not answer.
    pub async fn renew_lease(&self, file: &RuntimeFile) -> bool {
        let holder = format!("pid-{}", std::process::id());
        self.http
            .post(format!("{}/_demo/lease/{holder}", file.base_url()))
            .bearer_auth(&file.api_key)
            .send()
            .await
            .is_ok_and(|response| response.status().is_success())
    }

    /// Renews the lease for as long as the returned future is polled.
    pub async fn keep_alive(self: std::sync::Arc<Self>) {
        loop {
            tokio::time::sleep(LEASE_RENEWAL).await;
            if let Some(file) = RuntimeFile::read(&self.runtime_dir) {
                if !self.renew_lease(&file).await {
                    tracing::warn!(
                        port = file.port,
                        "the demo tenant did not take the lease renewal"
                    );
                }
            }
        }
    }

    /// The demo tenant's program: `SYNKVAKT_DEMO_TENANT_BIN`, or the one installed beside this one.
    pub fn default_binary() -> PathBuf {
        crate::os::companion::program_beside_this_one(
            "SYNKVAKT_DEMO_TENANT_BIN",
            "synkvakt-demo-tenant",
        )
    }
}

impl DemoTenants for Arc<DemoLauncher> {
    fn ensure(&self, choice: DemoChoice) -> BoxFuture<'_, Result<DemoConnection>> {
        Box::pin(DemoLauncher::ensure(self, choice))
    }

    fn keep_alive(&self) -> BoxFuture<'static, ()> {
        Box::pin(self.clone().keep_alive())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_missing_binary_is_a_demo_tenant_error() {
        let dir = tempfile::tempdir().unwrap();
        let launcher = DemoLauncher::new(
            dir.path().join("no-such-binary"),
            dir.path().join("run"),
            dir.path().join("logs"),
        );
        let err = launcher.ensure(DemoChoice::default()).await.unwrap_err();
        assert!(matches!(err, Error::DemoTenant { .. }), "{err:?}");
        assert!(err.to_string().contains("no-such-binary"), "{err}");
    }
}

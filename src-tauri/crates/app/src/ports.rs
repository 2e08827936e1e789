//! The ports the session is built from: each is what the use cases need of the world outside
//! the process, with the OS's adapter in `os` (and `reach` for the Task Scheduler) and a fake in
//! the tests, so that the session is tested without a keyring, a D-Bus or the demo's program.

use crate::demo_connection::DemoConnection;
use futures_util::future::BoxFuture;
use std::fmt;
use std::sync::Arc;
use synkvakt_core::error::{Error, Result};
use synkvakt_core::settings::{DemoChoice, Settings};
use synkvakt_taskschd::TaskScheduler;

/// Which of a tenant profile's secrets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    ApiKey,
    ServerPassword,
}

impl SecretKind {
    pub fn suffix(self) -> &'static str {
        match self {
            SecretKind::ApiKey => "api-key",
            SecretKind::ServerPassword => "server-password",
        }
    }
}

/// A secret's value: it prints as `Secret(…)`, so that no debug line or error can show it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// Where the tenants' secrets are kept: the OS keyring. Each call may block.
pub trait SecretStore: Send + Sync + 'static {
    /// The secret, or `None` when none is stored.
    fn read(&self, profile_id: &str, kind: SecretKind) -> Result<Option<Secret>>;
    fn store(&self, profile_id: &str, kind: SecretKind, secret: &Secret) -> Result<()>;
    /// Removes the secret; one that is not there is already forgotten.
    fn forget(&self, profile_id: &str, kind: SecretKind) -> Result<()>;

    fn is_stored(&self, profile_id: &str, kind: SecretKind) -> Result<bool> {
        self.read(profile_id, kind).map(|secret| secret.is_some())
    }
}

/// Runs `work` with the secrets off the async runtime's threads: the Secret Service client
/// blocks on its bus.
pub async fn with_secrets<T: Send + 'static>(
    secrets: &Arc<dyn SecretStore>,
    work: impl FnOnce(&dyn SecretStore) -> Result<T> + Send + 'static,
) -> Result<T> {
    let secrets = secrets.clone();
    tokio::task::spawn_blocking(move || work(secrets.as_ref()))
        .await
        .map_err(|err| Error::Keyring {
            detail: err.to_string(),
        })?
}

/// `SecretStore::read` off the async runtime's threads.
pub async fn read_secret(
    secrets: &Arc<dyn SecretStore>,
    profile_id: &str,
    kind: SecretKind,
) -> Result<Option<Secret>> {
    let profile_id = profile_id.to_string();
    with_secrets(secrets, move |secrets| secrets.read(&profile_id, kind)).await
}

/// Where the settings are kept: the user's file over the machine-wide defaults.
pub trait SettingsStorage: Send + Sync {
    fn load(&self) -> Result<Settings>;
    /// Writes what differs from the defaults.
    fn save(&self, settings: &Settings) -> Result<()>;
    /// Moves a file that could not be read out of the way, so that a save does not lose it.
    fn set_aside(&self) -> Result<()>;
}

/// The embedded demo tenant: found running, or started.
pub trait DemoTenants: Send + Sync {
    /// The demo server as `choice` asks for it, started when it is not running.
    fn ensure(&self, choice: DemoChoice) -> BoxFuture<'_, Result<DemoConnection>>;
    /// Keeps the demo server alive for as long as the returned future is polled.
    fn keep_alive(&self) -> BoxFuture<'static, ()>;
}

/// The Task Scheduler a profile's tasks run in.
pub trait Schedulers: Send + Sync {
    /// The scheduler reaching the servers as `account` (`DOMENE\\bruker`) with `password`, or
    /// as the signed-in user when no account is named.
    fn signed_in_as(
        &self,
        account: Option<&str>,
        password: Option<String>,
    ) -> Result<Arc<dyn TaskScheduler>>;
}

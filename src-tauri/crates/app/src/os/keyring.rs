//! The tenants' secrets (API keys, the servers' passwords), kept only in the OS keyring: the
//! Secret Service on Linux, the Credential Manager on Windows. They are never written to the
//! settings file, never sent to the page, never logged; when the keyring cannot be used, that is
//! said, and nothing is stored anywhere else.

use std::fmt;
use synkvakt_core::error::{Error, Result};

/// The keyring's service name every Synkvakt secret is filed under.
const SERVICE: &str = "no.synkvakt";

/// Which of a tenant profile's secrets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    ApiKey,
    ServerPassword,
}

impl SecretKind {
    fn suffix(self) -> &'static str {
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

/// The OS keyring. Each call blocks on the keyring's own bus or API: callers on an async
/// runtime go through `spawn_blocking` (see `Keyring::read_async`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Keyring;

impl Keyring {
    fn entry(profile_id: &str, kind: SecretKind) -> Result<keyring::Entry> {
        keyring::Entry::new(SERVICE, &format!("{profile_id}/{}", kind.suffix())).map_err(unusable)
    }

    /// The secret, or `None` when none is stored.
    pub fn read(&self, profile_id: &str, kind: SecretKind) -> Result<Option<Secret>> {
        match Self::entry(profile_id, kind)?.get_password() {
            Ok(value) => Ok(Some(Secret(value))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(err) => Err(unusable(err)),
        }
    }

    pub fn is_stored(&self, profile_id: &str, kind: SecretKind) -> Result<bool> {
        self.read(profile_id, kind).map(|secret| secret.is_some())
    }

    pub fn store(&self, profile_id: &str, kind: SecretKind, secret: &Secret) -> Result<()> {
        Self::entry(profile_id, kind)?
            .set_password(secret.expose())
            .map_err(unusable)
    }

    /// Removes the secret; one that is not there is already forgotten.
    pub fn forget(&self, profile_id: &str, kind: SecretKind) -> Result<()> {
        match Self::entry(profile_id, kind)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(err) => Err(unusable(err)),
        }
    }

    /// `read` off the async runtime's threads: the Secret Service client blocks on its bus.
    pub async fn read_async(&self, profile_id: &str, kind: SecretKind) -> Result<Option<Secret>> {
        let keyring = *self;
        let profile_id = profile_id.to_string();
        tokio::task::spawn_blocking(move || keyring.read(&profile_id, kind))
            .await
            .map_err(|err| Error::Keyring {
                detail: err.to_string(),
            })?
    }

    /// Runs `work` with the keyring off the async runtime's threads.
    pub async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce(Keyring) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let keyring = *self;
        tokio::task::spawn_blocking(move || work(keyring))
            .await
            .map_err(|err| Error::Keyring {
                detail: err.to_string(),
            })?
    }
}

/// The keyring's errors never carry the secret itself, only why the store could not be used.
fn unusable(err: keyring::Error) -> Error {
    let detail = match &err {
        keyring::Error::PlatformFailure(inner) => format!("the keyring failed: {inner}"),
        keyring::Error::NoStorageAccess(inner) => {
            format!("the keyring is locked or has no collection to store in: {inner}")
        }
        keyring::Error::TooLong(what, max) => format!("{what} is longer than {max}"),
        other => other.to_string(),
    };
    Error::Keyring { detail }
}

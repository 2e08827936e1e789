//! The tenants' secrets (API keys, the servers' passwords), kept only in the OS keyring: the
//! Secret Service on Linux, the Credential Manager on Windows. They are never written to the
//! settings file, never sent to the page, never logged; when the keyring cannot be used, that is
//! said, and nothing is stored anywhere else.

use crate::ports::{Secret, SecretKind, SecretStore};
use synkvakt_core::error::{Error, Result};

/// The keyring's service name every Synkvakt secret is filed under.
const SERVICE: &str = "no.synkvakt";

/// The OS keyring. Each call blocks on the keyring's own bus or API: callers on an async
/// runtime go through `spawn_blocking` (see `ports::read_secret`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Keyring;

impl Keyring {
    fn entry(profile_id: &str, kind: SecretKind) -> Result<keyring::Entry> {
        keyring::Entry::new(SERVICE, &format!("{profile_id}/{}", kind.suffix())).map_err(unusable)
    }
}

impl SecretStore for Keyring {
    fn read(&self, profile_id: &str, kind: SecretKind) -> Result<Option<Secret>> {
        match Self::entry(profile_id, kind)?.get_password() {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(err) => Err(unusable(err)),
        }
    }

    fn store(&self, profile_id: &str, kind: SecretKind, secret: &Secret) -> Result<()> {
        Self::entry(profile_id, kind)?
            .set_password(secret.expose())
            .map_err(unusable)
    }

    fn forget(&self, profile_id: &str, kind: SecretKind) -> Result<()> {
        match Self::entry(profile_id, kind)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(err) => Err(unusable(err)),
        }
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

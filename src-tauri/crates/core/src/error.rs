//! The one error type of the core crate, and its form for a person: what happened, what to do.

use crate::i18n::{Arg, Localizer};
use serde::Serialize;
use specta::Type;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the address {url} is not a valid service address")]
    InvalidUrl { url: String },
    #[error("the address {url} is not https; only loopback may use plain http")]
    InsecureUrl { url: String },
    #[error("could not reach {url}: {detail}")]
    Unreachable { url: String, detail: String },
    #[error("the data changed since the preview: now {values} values for {users} users")]
    PreviewOutdated { users: u32, values: u32 },
    #[error("{url} redirects to {to}")]
    Redirected { url: String, to: String },
    #[error("{url} did not answer in {seconds} s")]
    Timeout { url: String, seconds: u64 },
    #[error("the service refused the API key (HTTP {status})")]
    Unauthorized { status: u16 },
    #[error("{endpoint} answered HTTP {status}: {code} {message}")]
    Status {
        endpoint: String,
        status: u16,
        code: String,
        message: String,
    },
    #[error("{endpoint} sent more than {limit_bytes} bytes")]
    TooLarge {
        endpoint: String,
        limit_bytes: usize,
    },
    #[error("{endpoint} sent data that is not what the API describes: {detail}")]
    Malformed { endpoint: String, detail: String },
    #[error("the connection to {endpoint} broke off: {detail}")]
    Disconnected { endpoint: String, detail: String },
    #[error("the settings file {path} cannot be read: {detail}")]
    SettingsBroken { path: PathBuf, detail: String },
    #[error("the settings file {path} is from a newer Synkvakt (version {version})")]
    SettingsTooNew { path: PathBuf, version: u32 },
    #[error("{action} {path}: {detail}")]
    Io {
        action: &'static str,
        path: PathBuf,
        detail: String,
    },
    #[error("the demo tenant could not start: {detail}")]
    DemoTenant { detail: String },
    #[error("the system browser did not open {url}: {detail}")]
    Browser { url: String, detail: String },
    #[error("the action was refused: {reason}")]
    Refused { reason: String },
    #[error("{detail}")]
    Task { kind: &'static str, detail: String },
    #[error("the action was refused: {}", .0.reason())]
    TaskRefused(crate::readiness::Refusal),
    #[error("the certificate of {url} could not be verified: {detail}")]
    Tls { url: String, detail: String },
    #[error("the proxy in front of {url} asks for a sign-in Synkvakt cannot give")]
    ProxyAuth { url: String },
    #[error("the extra CA certificate {path} cannot be used: {detail}")]
    ExtraCa { path: PathBuf, detail: String },
    #[error("the OS keyring cannot be used: {detail}")]
    Keyring { detail: String },
    #[error("no API key is stored for {tenant}")]
    NoApiKey { tenant: String },
    #[error("the log folder or file {folder} cannot be read ({kind}): {detail}")]
    LogFolder {
        /// missing, denied, locked or unreachable.
        kind: &'static str,
        folder: String,
        detail: String,
    },
    #[error("no tenant has been chosen yet")]
    NoTenant,
    /// The answer came for a tenant that is no longer in view; it is dropped, never shown under
    /// another tenant's name.
    #[error("the tenant in view changed while this was asked")]
    TenantSwitched,
    #[error("there is no tenant profile {id}")]
    ProfileNotFound { id: String },
    #[error("{field} is not valid: {rule} ({limit})")]
    Invalid {
        /// The field, as its catalog key after `field-`.
        field: &'static str,
        /// What is wrong, as its catalog key after `rule-`.
        rule: &'static str,
        /// The bound the rule speaks of, where it has one.
        limit: i64,
    },
}

impl From<synkvakt_taskschd::Error> for Error {
    fn from(err: synkvakt_taskschd::Error) -> Error {
        Error::Task {
            kind: err.kind(),
            detail: err.to_string(),
        }
    }
}

/// An error as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct UserError {
    /// A stable name for the kind of failure, for the UI and for support.
    pub kind: String,
    /// What happened, in the admin's language.
    pub message: String,
    /// What to do next, in the admin's language.
    pub hint: String,
    /// The technical detail, in English, for a details line and for support.
    pub detail: String,
}

impl Error {
    /// The request may have reached the tenant, but its answer did not come back: a request
    /// that changes something is asked again with its key, never anew, and its key is kept.
    pub fn answer_lost(&self) -> bool {
        // A gateway's 502 or 504, and a 503, may stand in front of a tenant that did act.
        matches!(
            self,
            Error::Timeout { .. }
                | Error::Disconnected { .. }
                | Error::Status {
                    status: 502..=504,
                    ..
                }
        )
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Error::InvalidUrl { .. } => "invalid-url",
            Error::InsecureUrl { .. } => "insecure-url",
            Error::Unreachable { .. } => "unreachable",
            Error::Timeout { .. } => "timeout",
            Error::Unauthorized { .. } => "unauthorized",
            Error::Status { .. } => "status",
            Error::TooLarge { .. } => "too-large",
            Error::Malformed { .. } => "malformed",
            Error::Disconnected { .. } => "disconnected",
            Error::SettingsBroken { .. } => "settings-broken",
            Error::SettingsTooNew { .. } => "settings-too-new",
            Error::Io { .. } => "io",
            Error::DemoTenant { .. } => "demo-tenant",
            Error::Browser { .. } => "browser",
            Error::Refused { .. } | Error::TaskRefused(_) => "refused",
            Error::Task { kind, .. } => kind,
            Error::Tls { .. } => "tls",
            Error::ProxyAuth { .. } => "proxy-auth",
            Error::Redirected { .. } => "redirected",
            Error::PreviewOutdated { .. } => "preview-outdated",
            Error::ExtraCa { .. } => "extra-ca",
            Error::Keyring { .. } => "keyring",
            Error::NoApiKey { .. } => "no-api-key",
            Error::NoTenant => "no-tenant",
            Error::TenantSwitched => "tenant-switched",
            Error::LogFolder { kind, .. } => match *kind {
                "missing" => "log-folder-missing",
                "denied" => "log-folder-denied",
                "locked" => "log-file-locked",
                _ => "log-folder-unreachable",
            },
            Error::ProfileNotFound { .. } => "profile-not-found",
            Error::Invalid { .. } => "invalid",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Error::InvalidUrl { url } | Error::InsecureUrl { url } => {
                vec![("url", url.as_str().into())]
            }
            Error::Unreachable { url, .. } => vec![("url", url.as_str().into())],
            Error::Timeout { url, seconds } => {
                vec![
                    ("url", url.as_str().into()),
                    ("seconds", (*seconds as i64).into()),
                ]
            }
            Error::Unauthorized { status } => vec![("status", (*status as i64).into())],
            Error::Status {
                endpoint, status, ..
            } => vec![
                ("endpoint", endpoint.as_str().into()),
                ("status", (*status as i64).into()),
            ],
            Error::TooLarge { endpoint, .. }
            | Error::Malformed { endpoint, .. }
            | Error::Disconnected { endpoint, .. } => vec![("endpoint", endpoint.as_str().into())],
            Error::SettingsBroken { path, .. }
            | Error::SettingsTooNew { path, .. }
            | Error::Io { path, .. } => {
                vec![("path", path.display().to_string().into())]
            }
            Error::DemoTenant { .. } => Vec::new(),
            Error::Browser { url, .. } => vec![("url", url.as_str().into())],
            Error::Refused { reason } => vec![("reason", reason.as_str().into())],
            Error::Task { detail, .. } => vec![("detail", detail.as_str().into())],
            Error::TaskRefused(refusal) => vec![("reason", refusal.reason().into())],
            Error::Tls { url, .. } | Error::ProxyAuth { url } => vec![("url", url.as_str().into())],
            Error::PreviewOutdated { users, values } => {
                vec![
                    ("users", i64::from(*users).into()),
                    ("values", i64::from(*values).into()),
                ]
            }
            Error::Redirected { url, to } => {
                vec![("url", url.as_str().into()), ("to", to.as_str().into())]
            }
            Error::ExtraCa { path, .. } => vec![("path", path.display().to_string().into())],
            Error::Keyring { .. } | Error::NoTenant | Error::TenantSwitched => Vec::new(),
            Error::NoApiKey { tenant } => vec![("tenant", tenant.as_str().into())],
            Error::ProfileNotFound { id } => vec![("id", id.as_str().into())],
            Error::LogFolder { folder, .. } => vec![("folder", folder.as_str().into())],
            Error::Invalid { limit, .. } => vec![("limit", (*limit).into())],
        }
    }

    pub fn to_user(&self, localizer: &Localizer) -> UserError {
        let kind = self.kind();
        let args = match self {
            Error::TaskRefused(refusal) => vec![("reason", refusal.text(localizer).into())],
            Error::Invalid { field, rule, limit } => vec![
                ("field", localizer.text(&format!("field-{field}")).into()),
                (
                    "rule",
                    localizer
                        .format(&format!("rule-{rule}"), &[("limit", (*limit).into())])
                        .into(),
                ),
            ],
            _ => self.args(),
        };
        UserError {
            kind: kind.to_string(),
            message: localizer.format(&format!("error-{kind}"), &args),
            hint: localizer.format(&format!("error-{kind}-hint"), &args),
            detail: self.to_string(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, CATALOG};

    fn every_kind() -> Vec<Error> {
        let path = PathBuf::from("settings.json");
        vec![
            Error::InvalidUrl { url: "x".into() },
            Error::InsecureUrl { url: "x".into() },
            Error::Unreachable {
                url: "x".into(),
                detail: "d".into(),
            },
            Error::Timeout {
                url: "x".into(),
                seconds: 1,
            },
            Error::Unauthorized { status: 401 },
            Error::Status {
                endpoint: "e".into(),
                status: 500,
                code: "c".into(),
                message: "m".into(),
            },
            Error::TooLarge {
                endpoint: "e".into(),
                limit_bytes: 1,
            },
            Error::Malformed {
                endpoint: "e".into(),
                detail: "d".into(),
            },
            Error::Disconnected {
                endpoint: "e".into(),
                detail: "d".into(),
            },
            Error::SettingsBroken {
                path: path.clone(),
                detail: "d".into(),
            },
            Error::SettingsTooNew {
                path: path.clone(),
                version: 9,
            },
            Error::Io {
                action: "writing",
                path,
                detail: "d".into(),
            },
            Error::DemoTenant { detail: "d".into() },
            Error::Browser {
                url: "u".into(),
                detail: "d".into(),
            },
            Error::Refused { reason: "r".into() },
            Error::Task {
                kind: "task-not-found",
                detail: "d".into(),
            },
            Error::Task {
                kind: "task-access-denied",
                detail: "d".into(),
            },
            Error::Task {
                kind: "task-service-not-running",
                detail: "d".into(),
            },
            Error::Task {
                kind: "task-server-unreachable",
                detail: "d".into(),
            },
            Error::Task {
                kind: "task-not-supported",
                detail: "d".into(),
            },
            Error::Task {
                kind: "task-already-running",
                detail: "d".into(),
            },
            Error::Task {
                kind: "task-other",
                detail: "d".into(),
            },
            Error::Tls {
                url: "x".into(),
                detail: "d".into(),
            },
            Error::ProxyAuth { url: "x".into() },
            Error::Redirected {
                url: "x".into(),
                to: "y".into(),
            },
            Error::PreviewOutdated {
                users: 3,
                values: 6,
            },
            Error::ExtraCa {
                path: "ca.pem".into(),
                detail: "d".into(),
            },
            Error::Keyring { detail: "d".into() },
            Error::NoApiKey { tenant: "t".into() },
            Error::NoTenant,
            Error::TenantSwitched,
            Error::LogFolder {
                kind: "missing",
                folder: "f".into(),
                detail: "d".into(),
            },
            Error::LogFolder {
                kind: "denied",
                folder: "f".into(),
                detail: "d".into(),
            },
            Error::LogFolder {
                kind: "locked",
                folder: "f".into(),
                detail: "d".into(),
            },
            Error::LogFolder {
                kind: "unreachable",
                folder: "f".into(),
                detail: "d".into(),
            },
            Error::ProfileNotFound { id: "p".into() },
            Error::Invalid {
                field: "service-url",
                rule: "too-long",
                limit: 2048,
            },
        ]
    }

    #[test]
    fn every_error_has_a_message_and_a_hint_in_every_language() {
        for (language, _) in CATALOG {
            let localizer = Localizer::new(language);
            for error in every_kind() {
                let user = error.to_user(&localizer);
                assert_ne!(user.message, format!("error-{}", user.kind), "{language:?}");
                assert_ne!(
                    user.hint,
                    format!("error-{}-hint", user.kind),
                    "{language:?}"
                );
            }
        }
        let en = every_kind()[3].to_user(&Localizer::new(Language::En));
        assert!(en.message.contains('1'), "{}", en.message);
    }
}

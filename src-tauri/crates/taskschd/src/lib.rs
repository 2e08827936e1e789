//! The client's scheduled tasks: find one by name on a server, read its state, last run and last
//! result, run it. The trait is what the rest of Synkvakt uses; this crate holds what the codes
//! of the Task Scheduler mean, a demo scheduler, the order of the Task Scheduler calls, and, on
//! Windows only and with the `com` feature, the scheduler over Windows' own Task Scheduler.

pub mod codes;
#[cfg(all(windows, feature = "com"))]
mod com;
pub mod demo;
pub mod sequence;

#[cfg(all(windows, feature = "com"))]
pub use com::WindowsScheduler;

use chrono::{DateTime, Utc};
use std::fmt;

/// A scheduled task by name, on the computer it lives on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TaskRef {
    /// The task's name in the Task Scheduler Library, e.g. "eAdm synkronisering".
    pub name: String,
    /// The server the task lives on; `None` is this computer.
    pub server: Option<String>,
}

impl TaskRef {
    pub fn new(name: impl Into<String>, server: Option<String>) -> TaskRef {
        TaskRef {
            name: name.into(),
            server,
        }
    }
}

impl fmt::Display for TaskRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.server {
            Some(server) => write!(f, "“{}” on {server}", self.name),
            None => write!(f, "“{}” on this computer", self.name),
        }
    }
}

/// The account a server's Task Scheduler is reached as, when it is not the current user.
#[derive(Clone, PartialEq, Eq)]
pub struct Account {
    pub user: String,
    pub domain: Option<String>,
    pub password: String,
}

impl Account {
    /// `DOMENE\bruker`, `bruker@domene` or `bruker`, with its password.
    pub fn parse(name: &str, password: String) -> Account {
        let (user, domain) = match name.split_once('\\') {
            Some((domain, user)) => (user, Some(domain)),
            None => (name, None),
        };
        Account {
            user: user.to_string(),
            domain: domain.map(str::to_string),
            password,
        }
    }
}

impl fmt::Debug for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The password never reaches a log line.
        f.debug_struct("Account")
            .field("user", &self.user)
            .field("domain", &self.domain)
            .finish_non_exhaustive()
    }
}

/// A task's state as the Task Scheduler reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TaskState {
    Ready,
    Running,
    Queued,
    Disabled,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskStatus {
    pub state: TaskState,
    pub last_run: Option<DateTime<Utc>>,
    /// What the last run returned; `None` where the scheduler cannot say.
    pub last_result: Option<codes::LastResult>,
    /// The readings the scheduler does not implement (Wine: the last run and the last result),
    /// each as the error it gave; the state is read all the same.
    pub not_supported: Vec<Error>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("the scheduled task {task} does not exist")]
    NotFound { task: String },
    #[error("access to the Task Scheduler on {computer} was denied")]
    AccessDenied { computer: String },
    #[error("the Task Scheduler service is not running on {computer}")]
    ServiceNotRunning { computer: String },
    #[error("{computer} cannot be reached (code {code:#010x})")]
    Unreachable { computer: String, code: u32 },
    #[error("{operation} is not supported by this Task Scheduler")]
    NotSupported { operation: &'static str },
    #[error("the scheduled task {task} is already running")]
    AlreadyRunning { task: String },
    #[error("{operation} failed with code {code:#010x}")]
    Other { operation: &'static str, code: u32 },
}

impl Error {
    /// A stable name for the kind of failure, for the messages a person reads.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::NotFound { .. } => "task-not-found",
            Error::AccessDenied { .. } => "task-access-denied",
            Error::ServiceNotRunning { .. } => "task-service-not-running",
            Error::Unreachable { .. } => "task-server-unreachable",
            Error::NotSupported { .. } => "task-not-supported",
            Error::AlreadyRunning { .. } => "task-already-running",
            Error::Other { .. } => "task-other",
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The Task Scheduler of some computer: Windows' own, or the demo's.
pub trait TaskScheduler: Send + Sync {
    /// Finds the task and reads its state, last run and last result.
    fn status(&self, task: &TaskRef) -> Result<TaskStatus>;

    /// Starts the task now, as "Run" in the Task Scheduler does.
    fn run(&self, task: &TaskRef) -> Result<()>;
}

#[cfg(test)]
mod account_tests {
    use super::Account;

    #[test]
    fn an_account_name_splits_into_domain_and_user_and_never_prints_its_password() {
        let account = Account::parse(r"KOMMUNE\svc-eadm", "hemmelig".into());
        assert_eq!(account.user, "svc-eadm");
        assert_eq!(account.domain.as_deref(), Some("KOMMUNE"));
        assert_eq!(Account::parse("svc@kommune.no", String::new()).domain, None);
        assert!(!format!("{account:?}").contains("hemmelig"));
    }
}

//! What the Task Scheduler's codes mean: the HRESULTs its calls fail with, and the last-result
//! codes of a task, in words an admin can act on.

use crate::{Error, TaskRef};

/// The file or task was not found.
pub const E_FILE_NOT_FOUND: u32 = 0x8007_0002;
pub const E_PATH_NOT_FOUND: u32 = 0x8007_0003;
pub const E_ACCESS_DENIED: u32 = 0x8007_0005;
/// The network path was not found (the server name is wrong or the server is off).
pub const E_BAD_NETPATH: u32 = 0x8007_0035;
/// The RPC server is unavailable (firewall, or the server is off).
pub const RPC_S_SERVER_UNAVAILABLE: u32 = 0x8007_06BA;
pub const E_NOTIMPL: u32 = 0x8000_4001;
pub const SCHED_E_SERVICE_NOT_RUNNING: u32 = 0x8004_1315;
pub const SCHED_E_ALREADY_RUNNING: u32 = 0x8004_131F;
/// The last-result codes the Task Scheduler itself sets.
pub const SCHED_S_TASK_READY: u32 = 0x0004_1300;
pub const SCHED_S_TASK_RUNNING: u32 = 0x0004_1301;
pub const SCHED_S_TASK_DISABLED: u32 = 0x0004_1302;
pub const SCHED_S_TASK_HAS_NOT_RUN: u32 = 0x0004_1303;
pub const SCHED_S_TASK_TERMINATED: u32 = 0x0004_1306;

/// Maps the HRESULT a Task Scheduler call failed with to what it means for the admin.
pub fn call_failed(code: u32, operation: &'static str, task: &TaskRef) -> Error {
    let computer = task
        .server
        .clone()
        .unwrap_or_else(|| "this computer".to_string());
    match code {
        E_FILE_NOT_FOUND | E_PATH_NOT_FOUND => Error::NotFound {
            task: task.to_string(),
        },
        E_ACCESS_DENIED => Error::AccessDenied { computer },
        SCHED_E_SERVICE_NOT_RUNNING => Error::ServiceNotRunning { computer },
        E_BAD_NETPATH | RPC_S_SERVER_UNAVAILABLE => Error::Unreachable { computer, code },
        E_NOTIMPL => Error::NotSupported { operation },
        SCHED_E_ALREADY_RUNNING => Error::AlreadyRunning {
            task: task.to_string(),
        },
        code => Error::Other { operation, code },
    }
}

/// A task's last result, with its code for support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LastResult {
    pub code: u32,
    pub meaning: LastResultMeaning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LastResultMeaning {
    /// 0: the last run ended well.
    Succeeded,
    /// The task is running now.
    StillRunning,
    /// The task has not run since it was made.
    NeverRun,
    /// Someone or something stopped it.
    Terminated,
    /// The task is disabled.
    Disabled,
    /// Any other code: the program the task runs returned it; its log says why.
    Failed,
}

impl LastResult {
    pub fn from_code(code: u32) -> LastResult {
        let meaning = match code {
            0 | SCHED_S_TASK_READY => LastResultMeaning::Succeeded,
            SCHED_S_TASK_RUNNING => LastResultMeaning::StillRunning,
            SCHED_S_TASK_HAS_NOT_RUN => LastResultMeaning::NeverRun,
            SCHED_S_TASK_TERMINATED => LastResultMeaning::Terminated,
            SCHED_S_TASK_DISABLED => LastResultMeaning::Disabled,
            _ => LastResultMeaning::Failed,
        };
        LastResult { code, meaning }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task() -> TaskRef {
        TaskRef::new("eAdm synkronisering", Some("eadm-klient01".into()))
    }

    #[test]
    fn failed_calls_map_to_what_they_mean() {
        assert_eq!(
            call_failed(E_FILE_NOT_FOUND, "GetTask", &task()).kind(),
            "task-not-found"
        );
        assert_eq!(
            call_failed(E_PATH_NOT_FOUND, "GetFolder", &task()).kind(),
            "task-not-found"
        );
        assert_eq!(
            call_failed(E_ACCESS_DENIED, "Connect", &task()).kind(),
            "task-access-denied"
        );
        assert_eq!(
            call_failed(SCHED_E_SERVICE_NOT_RUNNING, "Connect", &task()).kind(),
            "task-service-not-running"
        );
        assert_eq!(
            call_failed(RPC_S_SERVER_UNAVAILABLE, "Connect", &task()).kind(),
            "task-server-unreachable"
        );
        assert_eq!(
            call_failed(E_BAD_NETPATH, "Connect", &task()).kind(),
            "task-server-unreachable"
        );
        assert_eq!(
            call_failed(E_NOTIMPL, "Run", &task()),
            Error::NotSupported { operation: "Run" }
        );
        let other = call_failed(0x8000_FFFF, "Run", &task());
        assert_eq!(other.to_string(), "Run failed with code 0x8000ffff");
        let not_found = call_failed(E_FILE_NOT_FOUND, "GetTask", &task());
        assert_eq!(
            not_found.to_string(),
            "the scheduled task “eAdm synkronisering” on eadm-klient01 does not exist"
        );
    }

    #[test]
    fn last_results_say_what_happened() {
        assert_eq!(
            LastResult::from_code(0).meaning,
            LastResultMeaning::Succeeded
        );
        assert_eq!(
            LastResult::from_code(SCHED_S_TASK_RUNNING).meaning,
            LastResultMeaning::StillRunning
        );
        assert_eq!(
            LastResult::from_code(SCHED_S_TASK_HAS_NOT_RUN).meaning,
            LastResultMeaning::NeverRun
        );
        assert_eq!(
            LastResult::from_code(SCHED_S_TASK_TERMINATED).meaning,
            LastResultMeaning::Terminated
        );
        let failed = LastResult::from_code(1);
        assert_eq!(
            (failed.code, failed.meaning),
            (1, LastResultMeaning::Failed)
        );
    }
}

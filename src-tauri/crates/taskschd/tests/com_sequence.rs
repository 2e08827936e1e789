//! The Task Scheduler calls behind `status` and `run`, in order and with their arguments, against
//! a fake that records every call and fails where it is told to with the HRESULT it is given.

use chrono::{Local, NaiveDate, TimeZone, Utc};
use std::collections::HashMap;
use synkvakt_taskschd::codes::{
    LastResult, LastResultMeaning, E_ACCESS_DENIED, E_BAD_NETPATH, E_FILE_NOT_FOUND, E_NOTIMPL,
    RPC_S_SERVER_UNAVAILABLE, SCHED_E_SERVICE_NOT_RUNNING, SCHED_S_TASK_HAS_NOT_RUN,
};
use synkvakt_taskschd::sequence::{self, ComTaskService, Hresult, NEVER_RUN_DATE};
use synkvakt_taskschd::{Error, TaskRef, TaskState};

const TASK_STATE_DISABLED: i32 = 1;
const TASK_STATE_QUEUED: i32 = 2;
const TASK_STATE_READY: i32 = 3;
const TASK_STATE_RUNNING: i32 = 4;
/// 2025-01-01 12:00 as an OLE Automation date.
const NEW_YEAR_NOON: f64 = 45_658.5;

#[derive(Debug, Clone, PartialEq)]
enum Call {
    Connect { server: Option<String> },
    GetFolder { path: String },
    GetTask { folder: String, path: String },
    State { task: String },
    LastRunTime { task: String },
    LastTaskResult { task: String },
    Run { task: String },
}

impl Call {
    fn method(&self) -> &'static str {
        match self {
            Call::Connect { .. } => "Connect",
            Call::GetFolder { .. } => "GetFolder",
            Call::GetTask { .. } => "GetTask",
            Call::State { .. } => "State",
            Call::LastRunTime { .. } => "LastRunTime",
            Call::LastTaskResult { .. } => "LastTaskResult",
            Call::Run { .. } => "Run",
        }
    }
}

/// A Task Scheduler whose folders and tasks are their paths, holding one task whatever its name.
struct RecordingTaskService {
    calls: Vec<Call>,
    failures: HashMap<&'static str, Hresult>,
    state: i32,
    last_run_time: f64,
    last_task_result: i32,
}

impl RecordingTaskService {
    fn new() -> RecordingTaskService {
        RecordingTaskService {
            calls: Vec::new(),
            failures: HashMap::new(),
            state: TASK_STATE_READY,
            last_run_time: NEW_YEAR_NOON,
            last_task_result: 0,
        }
    }

    /// Makes the COM call `method` fail with `code`.
    fn failing(mut self, method: &'static str, code: Hresult) -> RecordingTaskService {
        self.failures.insert(method, code);
        self
    }

    fn in_state(mut self, state: i32) -> RecordingTaskService {
        self.state = state;
        self
    }

    fn record<T>(&mut self, call: Call, answer: T) -> Result<T, Hresult> {
        let failure = self.failures.get(call.method()).copied();
        self.calls.push(call);
        failure.map_or(Ok(answer), Err)
    }
}

impl ComTaskService for RecordingTaskService {
    type Folder = String;
    type Task = String;

    fn connect(&mut self, server: Option<&str>) -> Result<(), Hresult> {
        let server = server.map(str::to_string);
        self.record(Call::Connect { server }, ())
    }

    fn get_folder(&mut self, path: &str) -> Result<String, Hresult> {
        let path = path.to_string();
        self.record(Call::GetFolder { path: path.clone() }, path)
    }

    fn get_task(&mut self, folder: &String, path: &str) -> Result<String, Hresult> {
        let task = format!("{folder}{path}");
        let (folder, path) = (folder.clone(), path.to_string());
        self.record(Call::GetTask { folder, path }, task)
    }

    fn state(&mut self, task: &String) -> Result<i32, Hresult> {
        let task = task.clone();
        self.record(Call::State { task }, self.state)
    }

    fn last_run_time(&mut self, task: &String) -> Result<f64, Hresult> {
        let task = task.clone();
        self.record(Call::LastRunTime { task }, self.last_run_time)
    }

    fn last_task_result(&mut self, task: &String) -> Result<i32, Hresult> {
        let task = task.clone();
        self.record(Call::LastTaskResult { task }, self.last_task_result)
    }

    fn run(&mut self, task: &String) -> Result<(), Hresult> {
        let task = task.clone();
        self.record(Call::Run { task }, ())
    }
}

fn on_this_computer() -> TaskRef {
    TaskRef::new("eAdm synkronisering", None)
}

fn on_server() -> TaskRef {
    TaskRef::new("eAdm synkronisering", Some("eadm-klient01".into()))
}

fn found(server: Option<&str>, name: &str) -> Vec<Call> {
    vec![
        Call::Connect {
            server: server.map(str::to_string),
        },
        Call::GetFolder { path: "\\".into() },
        Call::GetTask {
            folder: "\\".into(),
            path: name.into(),
        },
        Call::State {
            task: format!("\\{name}"),
        },
    ]
}

fn status_calls(server: Option<&str>, name: &str) -> Vec<Call> {
    let task = format!("\\{name}");
    let mut calls = found(server, name);
    calls.push(Call::LastRunTime { task: task.clone() });
    calls.push(Call::LastTaskResult { task });
    calls
}

fn run_calls(server: Option<&str>, name: &str) -> Vec<Call> {
    let mut calls = found(server, name);
    calls.push(Call::Run {
        task: format!("\\{name}"),
    });
    calls
}

/// Only the calls up to and including `last`.
fn up_to(calls: Vec<Call>, last: &str) -> Vec<Call> {
    let end = calls
        .iter()
        .position(|call| call.method() == last)
        .expect("the call is in the sequence");
    calls[..=end].to_vec()
}

#[test]
fn status_on_this_computer_connects_finds_the_task_and_reads_it() {
    let mut service = RecordingTaskService::new();
    let status = sequence::status(&mut service, &on_this_computer()).unwrap();

    assert_eq!(
        service.calls,
        status_calls(None, "eAdm synkronisering"),
        "connect with no server, the root folder, the task, then state, last run, last result"
    );
    assert_eq!(status.state, TaskState::Ready);
    let new_year_noon_here = Local
        .from_local_datetime(
            &NaiveDate::from_ymd_opt(2025, 1, 1)
                .unwrap()
                .and_hms_opt(12, 0, 0)
                .unwrap(),
        )
        .unwrap()
        .with_timezone(&Utc);
    assert_eq!(status.last_run, Some(new_year_noon_here));
    assert_eq!(
        status.last_result.map(|result| result.meaning),
        Some(LastResultMeaning::Succeeded)
    );
}

#[test]
fn status_on_a_server_connects_to_that_server() {
    let mut service = RecordingTaskService::new();
    sequence::status(&mut service, &on_server()).unwrap();
    assert_eq!(
        service.calls,
        status_calls(Some("eadm-klient01"), "eAdm synkronisering")
    );
}

#[test]
fn a_task_in_a_folder_is_asked_for_by_its_path_from_the_root() {
    let mut service = RecordingTaskService::new();
    let task = TaskRef::new("eAdm\\eAdm synkronisering", None);
    sequence::status(&mut service, &task).unwrap();
    assert_eq!(
        service.calls,
        status_calls(None, "eAdm\\eAdm synkronisering")
    );
}

#[test]
fn a_task_that_never_ran_has_no_last_run() {
    let mut service = RecordingTaskService::new();
    service.last_run_time = NEVER_RUN_DATE;
    service.last_task_result = SCHED_S_TASK_HAS_NOT_RUN as i32;
    let status = sequence::status(&mut service, &on_this_computer()).unwrap();
    assert_eq!(status.last_run, None);
    assert_eq!(
        status.last_result,
        Some(LastResult::from_code(SCHED_S_TASK_HAS_NOT_RUN))
    );
}

#[test]
fn a_failed_last_result_keeps_its_code() {
    let mut service = RecordingTaskService::new();
    service.last_task_result = 0x8007_0005_u32 as i32;
    let status = sequence::status(&mut service, &on_this_computer()).unwrap();
    assert_eq!(
        status.last_result,
        Some(LastResult {
            code: 0x8007_0005,
            meaning: LastResultMeaning::Failed
        })
    );
}

#[test]
fn status_names_every_task_state() {
    for (value, state) in [
        (0, TaskState::Unknown),
        (TASK_STATE_DISABLED, TaskState::Disabled),
        (TASK_STATE_QUEUED, TaskState::Queued),
        (TASK_STATE_READY, TaskState::Ready),
        (TASK_STATE_RUNNING, TaskState::Running),
    ] {
        let mut service = RecordingTaskService::new().in_state(value);
        let status = sequence::status(&mut service, &on_this_computer()).unwrap();
        assert_eq!(status.state, state, "TASK_STATE {value}");
    }
}

#[test]
fn a_scheduler_without_last_result_or_last_run_still_gives_the_state() {
    let mut service = RecordingTaskService::new()
        .failing("LastTaskResult", E_NOTIMPL)
        .failing("LastRunTime", E_NOTIMPL);
    let status = sequence::status(&mut service, &on_this_computer()).unwrap();
    assert_eq!(status.state, TaskState::Ready);
    assert_eq!(status.last_run, None);
    assert_eq!(status.last_result, None);
    assert_eq!(
        status.not_supported,
        [
            Error::NotSupported {
                operation: "LastRunTime"
            },
            Error::NotSupported {
                operation: "LastTaskResult"
            }
        ]
    );
    assert_eq!(service.calls, status_calls(None, "eAdm synkronisering"));
}

#[test]
fn other_failures_of_last_run_or_last_result_are_errors() {
    let mut service = RecordingTaskService::new().failing("LastTaskResult", E_ACCESS_DENIED);
    assert_eq!(
        sequence::status(&mut service, &on_server()),
        Err(Error::AccessDenied {
            computer: "eadm-klient01".into()
        })
    );
    let mut service = RecordingTaskService::new().failing("LastRunTime", 0x8000_FFFF);
    assert_eq!(
        sequence::status(&mut service, &on_this_computer()),
        Err(Error::Other {
            operation: "LastRunTime",
            code: 0x8000_FFFF
        })
    );
    assert_eq!(
        service.calls,
        up_to(status_calls(None, "eAdm synkronisering"), "LastRunTime")
    );
}

#[test]
fn run_on_this_computer_reads_the_state_then_runs() {
    let mut service = RecordingTaskService::new();
    sequence::run(&mut service, &on_this_computer()).unwrap();
    assert_eq!(service.calls, run_calls(None, "eAdm synkronisering"));
}

#[test]
fn run_on_a_server_connects_to_that_server() {
    let mut service = RecordingTaskService::new();
    sequence::run(&mut service, &on_server()).unwrap();
    assert_eq!(
        service.calls,
        run_calls(Some("eadm-klient01"), "eAdm synkronisering")
    );
}

#[test]
fn a_running_or_queued_task_is_not_run_again() {
    for state in [TASK_STATE_RUNNING, TASK_STATE_QUEUED] {
        let mut service = RecordingTaskService::new().in_state(state);
        assert_eq!(
            sequence::run(&mut service, &on_server()),
            Err(Error::AlreadyRunning {
                task: "“eAdm synkronisering” on eadm-klient01".into()
            })
        );
        assert_eq!(
            service.calls,
            found(Some("eadm-klient01"), "eAdm synkronisering"),
            "no Run after TASK_STATE {state}"
        );
    }
}

#[test]
fn a_disabled_task_is_left_to_the_scheduler_to_refuse() {
    let mut service = RecordingTaskService::new().in_state(TASK_STATE_DISABLED);
    sequence::run(&mut service, &on_this_computer()).unwrap();
    assert_eq!(service.calls, run_calls(None, "eAdm synkronisering"));
}

#[test]
fn a_scheduler_that_cannot_run_tasks_says_so() {
    let mut service = RecordingTaskService::new().failing("Run", E_NOTIMPL);
    assert_eq!(
        sequence::run(&mut service, &on_this_computer()),
        Err(Error::NotSupported { operation: "Run" })
    );
    assert_eq!(service.calls, run_calls(None, "eAdm synkronisering"));
}

#[test]
fn a_failed_run_keeps_its_code() {
    let mut service = RecordingTaskService::new().failing("Run", 0x8004_1326);
    assert_eq!(
        sequence::run(&mut service, &on_this_computer()),
        Err(Error::Other {
            operation: "Run",
            code: 0x8004_1326
        })
    );
}

/// A failure at each call of status and of run, what it means, and that nothing comes after it.
#[test]
fn each_failing_call_stops_the_sequence_with_what_it_means() {
    let server = "eadm-klient01";
    let task = "“eAdm synkronisering” on eadm-klient01";
    let cases: [(&str, Hresult, Error); 7] = [
        (
            "Connect",
            E_ACCESS_DENIED,
            Error::AccessDenied {
                computer: server.into(),
            },
        ),
        (
            "Connect",
            RPC_S_SERVER_UNAVAILABLE,
            Error::Unreachable {
                computer: server.into(),
                code: RPC_S_SERVER_UNAVAILABLE,
            },
        ),
        (
            "Connect",
            E_BAD_NETPATH,
            Error::Unreachable {
                computer: server.into(),
                code: E_BAD_NETPATH,
            },
        ),
        (
            "Connect",
            SCHED_E_SERVICE_NOT_RUNNING,
            Error::ServiceNotRunning {
                computer: server.into(),
            },
        ),
        (
            "GetFolder",
            E_ACCESS_DENIED,
            Error::AccessDenied {
                computer: server.into(),
            },
        ),
        (
            "GetTask",
            E_FILE_NOT_FOUND,
            Error::NotFound { task: task.into() },
        ),
        (
            "State",
            E_ACCESS_DENIED,
            Error::AccessDenied {
                computer: server.into(),
            },
        ),
    ];
    for (method, code, meaning) in cases {
        let mut service = RecordingTaskService::new().failing(method, code);
        assert_eq!(
            sequence::status(&mut service, &on_server()),
            Err(meaning.clone()),
            "status, {method} failing with {code:#010x}"
        );
        assert_eq!(
            service.calls,
            up_to(status_calls(Some(server), "eAdm synkronisering"), method)
        );

        let mut service = RecordingTaskService::new().failing(method, code);
        assert_eq!(
            sequence::run(&mut service, &on_server()),
            Err(meaning),
            "run, {method} failing with {code:#010x}"
        );
        assert_eq!(
            service.calls,
            up_to(run_calls(Some(server), "eAdm synkronisering"), method)
        );
    }
}

#[test]
fn a_missing_task_on_this_computer_is_not_found_here() {
    let mut service = RecordingTaskService::new().failing("GetTask", E_FILE_NOT_FOUND);
    let missing = sequence::status(&mut service, &on_this_computer()).unwrap_err();
    assert_eq!(
        missing.to_string(),
        "the scheduled task “eAdm synkronisering” on this computer does not exist"
    );
}

//! The order of the Task Scheduler 2.0 calls behind `status` and `run`, kept apart from COM so it
//! builds and is tested on every platform: the Windows scheduler hands it the real COM calls, the
//! tests a fake that records them.

use crate::codes::{call_failed, LastResult, E_NOTIMPL};
use crate::{Error, Result, TaskRef, TaskState, TaskStatus};
use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Utc};

/// The HRESULT a failed call returned.
pub type Hresult = u32;

/// The folder every task path starts from.
pub const ROOT_FOLDER: &str = "\\";

/// The Task Scheduler 2.0 calls Synkvakt makes, one method per COM call on `ITaskService`,
/// `ITaskFolder` and `IRegisteredTask`; each fails with the HRESULT the call returned.
pub trait ComTaskService {
    /// An `ITaskFolder`.
    type Folder;
    /// An `IRegisteredTask`.
    type Task;

    /// `ITaskService::Connect` to `server` (`None` is this computer) as the current Windows
    /// identity: no user, domain or password.
    fn connect(&mut self, server: Option<&str>) -> Result<(), Hresult>;
    /// `ITaskService::GetFolder`.
    fn get_folder(&mut self, path: &str) -> Result<Self::Folder, Hresult>;
    /// `ITaskFolder::GetTask`; `path` is a task's name, or its path below `folder`.
    fn get_task(&mut self, folder: &Self::Folder, path: &str) -> Result<Self::Task, Hresult>;
    /// `IRegisteredTask::State`: a `TASK_STATE` value.
    fn state(&mut self, task: &Self::Task) -> Result<i32, Hresult>;
    /// `IRegisteredTask::LastRunTime`: an OLE Automation date in local time.
    fn last_run_time(&mut self, task: &Self::Task) -> Result<f64, Hresult>;
    /// `IRegisteredTask::LastTaskResult`.
    fn last_task_result(&mut self, task: &Self::Task) -> Result<i32, Hresult>;
    /// `IRegisteredTask::Run` without parameters.
    fn run(&mut self, task: &Self::Task) -> Result<(), Hresult>;
}

/// Finds the task and reads its state, last run and last result. A scheduler that does not
/// implement the last run or the last result (Wine) still gives the state; the others are `None`.
pub fn status<S: ComTaskService>(service: &mut S, task: &TaskRef) -> Result<TaskStatus> {
    let registered = find(service, task)?;
    let state = read_state(service, &registered, task)?;
    let mut not_supported = Vec::new();
    let last_run = unless_not_implemented(
        service.last_run_time(&registered),
        "LastRunTime",
        task,
        &mut not_supported,
    )?
    .and_then(|date| last_run_from_ole_date(date, &Local));
    let last_result = unless_not_implemented(
        service.last_task_result(&registered),
        "LastTaskResult",
        task,
        &mut not_supported,
    )?
    .map(|code| LastResult::from_code(code as u32));
    Ok(TaskStatus {
        state,
        last_run,
        last_result,
        not_supported,
    })
}

/// Starts the task now, unless it is running or waiting to run already.
pub fn run<S: ComTaskService>(service: &mut S, task: &TaskRef) -> Result<()> {
    let registered = find(service, task)?;
    match read_state(service, &registered, task)? {
        TaskState::Running | TaskState::Queued => Err(Error::AlreadyRunning {
            task: task.to_string(),
        }),
        _ => service
            .run(&registered)
            .map_err(|code| call_failed(code, "Run", task)),
    }
}

fn find<S: ComTaskService>(service: &mut S, task: &TaskRef) -> Result<S::Task> {
    service
        .connect(task.server.as_deref())
        .map_err(|code| call_failed(code, "Connect", task))?;
    let root = service
        .get_folder(ROOT_FOLDER)
        .map_err(|code| call_failed(code, "GetFolder", task))?;
    service
        .get_task(&root, &task.name)
        .map_err(|code| call_failed(code, "GetTask", task))
}

fn read_state<S: ComTaskService>(
    service: &mut S,
    registered: &S::Task,
    task: &TaskRef,
) -> Result<TaskState> {
    service
        .state(registered)
        .map(task_state)
        .map_err(|code| call_failed(code, "State", task))
}

fn unless_not_implemented<T>(
    answer: Result<T, Hresult>,
    operation: &'static str,
    task: &TaskRef,
    not_supported: &mut Vec<Error>,
) -> Result<Option<T>> {
    match answer {
        Ok(value) => Ok(Some(value)),
        Err(E_NOTIMPL) => {
            not_supported.push(Error::NotSupported { operation });
            Ok(None)
        }
        Err(code) => Err(call_failed(code, operation, task)),
    }
}

/// What a `TASK_STATE` value means.
pub fn task_state(value: i32) -> TaskState {
    match value {
        1 => TaskState::Disabled,
        2 => TaskState::Queued,
        3 => TaskState::Ready,
        4 => TaskState::Running,
        _ => TaskState::Unknown,
    }
}

/// The LastRunTime of a task that has never run. The service answers with an all-zero
/// SYSTEMTIME, which as an OLE Automation date reads 30 November 1999 00:00.
pub const NEVER_RUN_DATE: f64 = 36_494.0;

/// The moment an OLE Automation date (days since 30 December 1899, in `zone`) stands for;
/// `None` for "never run", for 0, and for what is not a date.
pub fn last_run_from_ole_date<Tz: TimeZone>(date: f64, zone: &Tz) -> Option<DateTime<Utc>> {
    if !date.is_finite() || date == 0.0 || date == NEVER_RUN_DATE {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
    // Before the epoch the whole days count backwards but the time of day still counts forwards:
    // -1.25 is 29 December 1899 06:00.
    let days = date.trunc();
    let time_of_day = (date - days).abs();
    let milliseconds = (time_of_day * 86_400_000.0).round() as i64;
    let local: NaiveDateTime = epoch
        .checked_add_signed(TimeDelta::try_days(days as i64)?)?
        .checked_add_signed(TimeDelta::try_milliseconds(milliseconds)?)?;
    zone.from_local_datetime(&local)
        .earliest()
        .map(|moment| moment.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    #[test]
    fn ole_dates_are_read_in_the_given_zone() {
        let oslo_winter = FixedOffset::east_opt(3600).unwrap();
        // 45658.5 is 2025-01-01 12:00 local.
        assert_eq!(
            last_run_from_ole_date(45_658.5, &oslo_winter),
            Some(Utc.with_ymd_and_hms(2025, 1, 1, 11, 0, 0).unwrap())
        );
        assert_eq!(
            last_run_from_ole_date(45_658.25, &Utc),
            Some(Utc.with_ymd_and_hms(2025, 1, 1, 6, 0, 0).unwrap())
        );
        assert_eq!(
            last_run_from_ole_date(-1.25, &Utc),
            Some(Utc.with_ymd_and_hms(1899, 12, 29, 6, 0, 0).unwrap())
        );
    }

    #[test]
    fn never_run_and_nonsense_are_no_date() {
        assert_eq!(
            NaiveDate::from_ymd_opt(1899, 12, 30)
                .unwrap()
                .checked_add_signed(TimeDelta::days(NEVER_RUN_DATE as i64)),
            NaiveDate::from_ymd_opt(1999, 11, 30)
        );
        assert_eq!(last_run_from_ole_date(NEVER_RUN_DATE, &Utc), None);
        assert_eq!(last_run_from_ole_date(0.0, &Utc), None);
        assert_eq!(last_run_from_ole_date(f64::NAN, &Utc), None);
        assert_eq!(last_run_from_ole_date(1e300, &Utc), None);
    }

    #[test]
    fn task_states_have_names() {
        assert_eq!(task_state(0), TaskState::Unknown);
        assert_eq!(task_state(1), TaskState::Disabled);
        assert_eq!(task_state(2), TaskState::Queued);
        assert_eq!(task_state(3), TaskState::Ready);
        assert_eq!(task_state(4), TaskState::Running);
        assert_eq!(task_state(5), TaskState::Unknown);
    }
}

//! `WindowsScheduler` against a real Task Scheduler: Wine's, as `.ci/windows` runs it, or that
//! of the Windows machine the tests run on. The tests register their own tasks over COM, with
//! the same calls an admin's tools make, and delete them again.
//!
//! Wine does not implement `IRegisteredTask::Run`, `LastRunTime` or `LastTaskResult` (they
//! return E_NOTIMPL), so under Wine the tests expect "not supported" and no last result where
//! Windows runs the task and reports that it has not run yet.
#![cfg(all(windows, feature = "com"))]

use std::sync::{Mutex, MutexGuard, PoisonError};
use synkvakt_taskschd::codes::{LastResult, SCHED_S_TASK_HAS_NOT_RUN};
use synkvakt_taskschd::{Error, TaskRef, TaskScheduler, TaskState, WindowsScheduler};
use windows::core::{s, w, Interface, BSTR, HRESULT};
use windows::Win32::System::Com::{
    CoCreateInstance, CoInitializeEx, CoUninitialize, CLSCTX_INPROC_SERVER, COINIT_MULTITHREADED,
};
use windows::Win32::System::LibraryLoader::{GetModuleHandleW, GetProcAddress};
use windows::Win32::System::TaskScheduler::{
    IExecAction, ITaskFolder, ITaskService, TaskScheduler as TASK_SCHEDULER_CLASS,
    TASK_ACTION_EXEC, TASK_CREATE_OR_UPDATE, TASK_LOGON_INTERACTIVE_TOKEN,
};
use windows::Win32::System::Variant::VARIANT;

/// The client's task, by the name it has on the eAdm client servers.
const SYNC_TASK: &str = "eAdm synkronisering";
const TEST_FOLDER: &str = "Synkvakt test";
/// ERROR_ALREADY_EXISTS as an HRESULT.
const ALREADY_EXISTS: HRESULT = HRESULT(0x8007_00B7_u32 as i32);

/// Wine's taskschd.dll keeps one connection to the service per process, so the tests take
/// turns rather than connect from several threads at once.
static TASK_SCHEDULER: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> MutexGuard<'static, ()> {
    TASK_SCHEDULER
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
}

fn under_wine() -> bool {
    // SAFETY: looks an export up by name in a module every process has loaded.
    unsafe {
        GetModuleHandleW(w!("ntdll.dll"))
            .map(|ntdll| GetProcAddress(ntdll, s!("wine_get_version")).is_some())
            .unwrap_or(false)
    }
}

/// COM on the test's thread, for registering and deleting tasks; declared before the tasks so
/// that they are released first.
struct Com;

impl Com {
    fn init() -> Com {
        // SAFETY: balanced by CoUninitialize in drop, on the same thread.
        unsafe { CoInitializeEx(None, COINIT_MULTITHREADED) }
            .ok()
            .expect("COM initialises");
        Com
    }
}

impl Drop for Com {
    fn drop(&mut self) {
        // SAFETY: balances CoInitializeEx in `init`.
        unsafe { CoUninitialize() };
    }
}

/// A task registered for a test, running `cmd /c exit 0`, and deleted when the test ends,
/// whether or not it passed.
struct TestTask {
    parent: ITaskFolder,
    name: BSTR,
    /// The folder made for the task, deleted after it.
    folder: Option<(ITaskFolder, BSTR)>,
}

impl TestTask {
    /// Registers `name` in the root folder, or in a new folder below it when `folder` is given.
    fn register(folder: Option<&str>, name: &str) -> TestTask {
        let empty = VARIANT::default();
        // SAFETY: COM is initialised on this thread (`Com`); every argument outlives its call.
        unsafe {
            let service: ITaskService =
                CoCreateInstance(&TASK_SCHEDULER_CLASS, None, CLSCTX_INPROC_SERVER)
                    .expect("the Task Scheduler class is registered");
            service
                .Connect(&empty, &empty, &empty, &empty)
                .expect("Connect to this computer");
            let root = service
                .GetFolder(&BSTR::from("\\"))
                .expect("the root folder");
            let (parent, folder) = match folder {
                Some(folder) => {
                    let folder = BSTR::from(folder);
                    // A run that was killed may have left the folder behind.
                    let made = root
                        .CreateFolder(&folder, &empty)
                        .or_else(|error| match error.code() {
                            ALREADY_EXISTS => root.GetFolder(&folder),
                            _ => Err(error),
                        })
                        .expect("CreateFolder for the test");
                    (made, Some((root, folder)))
                }
                None => (root, None),
            };

            let definition = service.NewTask(0).expect("NewTask");
            let action: IExecAction = definition
                .Actions()
                .and_then(|actions| actions.Create(TASK_ACTION_EXEC))
                .and_then(|action| action.cast())
                .expect("an exec action");
            action
                .SetPath(&BSTR::from("C:\\windows\\system32\\cmd.exe"))
                .expect("the action's program");
            action
                .SetArguments(&BSTR::from("/c exit 0"))
                .expect("the action's arguments");

            let name = BSTR::from(name);
            parent
                .RegisterTaskDefinition(
                    &name,
                    &definition,
                    TASK_CREATE_OR_UPDATE.0,
                    &empty,
                    &empty,
                    TASK_LOGON_INTERACTIVE_TOKEN,
                    &empty,
                )
                .expect("RegisterTaskDefinition");
            TestTask {
                parent,
                name,
                folder,
            }
        }
    }
}

impl Drop for TestTask {
    fn drop(&mut self) {
        // SAFETY: COM objects made on this thread, which is still in COM (`Com` drops later).
        unsafe {
            let deleted = self.parent.DeleteTask(&self.name, 0);
            let folder_deleted = self
                .folder
                .as_ref()
                .map(|(root, folder)| root.DeleteFolder(folder, 0));
            if !std::thread::panicking() {
                deleted.expect("DeleteTask");
                if let Some(folder_deleted) = folder_deleted {
                    folder_deleted.expect("DeleteFolder");
                }
            }
        }
    }
}

fn scheduler() -> WindowsScheduler {
    WindowsScheduler::new().expect("the scheduler's COM thread starts")
}

#[test]
fn the_sync_task_is_found_and_read_and_run_is_what_the_scheduler_allows() {
    let _turn = one_at_a_time();
    let _com = Com::init();
    let _task = TestTask::register(None, SYNC_TASK);
    let scheduler = scheduler();
    let task = TaskRef::new(SYNC_TASK, None);

    let status = scheduler
        .status(&task)
        .expect("status of a registered task");
    assert!(
        matches!(status.state, TaskState::Ready | TaskState::Disabled),
        "a task just registered is ready, or disabled where the scheduler says so: {:?}",
        status.state
    );
    assert_eq!(status.last_run, None, "the task has never run");
    if under_wine() {
        assert_eq!(status.last_result, None, "Wine has no LastTaskResult");
        assert_eq!(
            status.not_supported,
            [Error::NotSupported {
                operation: "LastTaskResult"
            }],
            "Wine reads LastRunTime, not LastTaskResult"
        );
    } else {
        assert_eq!(status.not_supported, []);
        assert_eq!(
            status.last_result,
            Some(LastResult::from_code(SCHED_S_TASK_HAS_NOT_RUN))
        );
    }

    let run = scheduler.run(&task);
    if under_wine() {
        assert_eq!(run, Err(Error::NotSupported { operation: "Run" }));
    } else {
        assert_eq!(run, Ok(()));
    }
}

#[test]
fn a_task_in_a_folder_is_found_by_its_path() {
    let _turn = one_at_a_time();
    let _com = Com::init();
    let _task = TestTask::register(Some(TEST_FOLDER), SYNC_TASK);

    let path = format!("{TEST_FOLDER}\\{SYNC_TASK}");
    let status = scheduler()
        .status(&TaskRef::new(path, None))
        .expect("status of a task in a folder");
    assert_ne!(status.state, TaskState::Unknown);
}

#[test]
fn this_computer_by_its_name_is_this_computer() {
    let _turn = one_at_a_time();
    let _com = Com::init();
    let _task = TestTask::register(None, SYNC_TASK);
    let computer = std::env::var("COMPUTERNAME").expect("Windows names the computer");

    let status = scheduler()
        .status(&TaskRef::new(SYNC_TASK, Some(computer)))
        .expect("status over a connection by server name");
    assert_ne!(status.state, TaskState::Unknown);
}

#[test]
fn a_missing_task_is_not_found() {
    let _turn = one_at_a_time();
    let scheduler = scheduler();
    let missing = TaskRef::new("Synkvakt finnes ikke", None);
    let not_found = Error::NotFound {
        task: missing.to_string(),
    };
    assert_eq!(scheduler.status(&missing), Err(not_found.clone()));
    assert_eq!(scheduler.run(&missing), Err(not_found));
}

#[test]
fn a_server_that_does_not_exist_is_unreachable() {
    let _turn = one_at_a_time();
    let task = TaskRef::new(SYNC_TASK, Some("synkvakt-no-such-server".into()));
    let unreachable = scheduler().status(&task).unwrap_err();
    assert_eq!(
        unreachable.kind(),
        "task-server-unreachable",
        "{unreachable}"
    );
}

#[test]
fn the_scheduler_answers_from_any_thread_and_after_many_requests() {
    let _turn = one_at_a_time();
    let scheduler = std::sync::Arc::new(scheduler());
    let missing = TaskRef::new("Synkvakt finnes ikke", None);
    let askers: Vec<_> = (0..4)
        .map(|_| {
            let (scheduler, missing) = (scheduler.clone(), missing.clone());
            std::thread::spawn(move || {
                (0..5)
                    .map(|_| scheduler.status(&missing).unwrap_err().kind())
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    for asker in askers {
        let kinds = asker.join().expect("the asking thread ends");
        assert_eq!(kinds, ["task-not-found"; 5]);
    }
}

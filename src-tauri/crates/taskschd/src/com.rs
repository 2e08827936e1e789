//! The Task Scheduler of Windows, over its COM API (Task Scheduler 2.0).
//!
//! Every COM object lives on one worker thread per scheduler. The thread joins the
//! multithreaded apartment once and leaves it when the scheduler is dropped, so callers on any
//! thread, tokio's workers included, never need COM themselves.

use crate::codes::call_failed;
use crate::sequence::{self, ComTaskService, Hresult};
use crate::{Account, Error, Result, TaskRef, TaskScheduler, TaskStatus};
use std::mem::ManuallyDrop;
use std::sync::mpsc;
use std::thread::JoinHandle;
use windows::core::BSTR;
use windows::Win32::System::Com::{
    CoCreateInstance, CoInitializeEx, CoUninitialize, CLSCTX_INPROC_SERVER, COINIT_MULTITHREADED,
};
use windows::Win32::System::TaskScheduler::{
    IRegisteredTask, ITaskFolder, ITaskService, TaskScheduler as TASK_SCHEDULER_CLASS,
};
use windows::Win32::System::Variant::{VariantClear, VARIANT, VT_BSTR};

/// The code of a failure that has none of its own: the worker thread gone, which only a panic on
/// it does, or a thread that could not start without the system saying why.
const E_UNEXPECTED: Hresult = 0x8000_FFFF;

enum Request {
    Status(TaskRef, mpsc::Sender<Result<TaskStatus>>),
    Run(TaskRef, mpsc::Sender<Result<()>>),
}

/// The Task Scheduler of this computer or of a server, reached as the current Windows identity
/// or, on a server, as the account given.
pub struct WindowsScheduler {
    /// `None` only while dropping: closing it is what tells the worker to finish.
    requests: Option<mpsc::Sender<Request>>,
    worker: Option<JoinHandle<()>>,
}

impl WindowsScheduler {
    /// Starts the worker thread and initialises COM on it.
    pub fn new() -> Result<WindowsScheduler> {
        Self::signed_in_as(None)
    }

    /// As `new`, reaching the servers as `account` (this computer is always reached as the
    /// current identity: Windows takes no other account for a local connection).
    pub fn signed_in_as(account: Option<Account>) -> Result<WindowsScheduler> {
        let (requests, incoming) = mpsc::channel();
        let (started, initialised) = mpsc::channel();
        let worker = std::thread::Builder::new()
            .name("task-scheduler".into())
            .spawn(move || serve(incoming, started, account))
            .map_err(|error| Error::Other {
                operation: "CreateThread",
                code: error
                    .raw_os_error()
                    .map_or(E_UNEXPECTED, |code| hresult_from_win32(code as u32)),
            })?;
        match initialised.recv() {
            Ok(Ok(())) => Ok(WindowsScheduler {
                requests: Some(requests),
                worker: Some(worker),
            }),
            Ok(Err(code)) => Err(Error::Other {
                operation: "CoInitializeEx",
                code,
            }),
            Err(_) => Err(worker_gone()),
        }
    }

    fn ask<T>(&self, request: impl FnOnce(mpsc::Sender<Result<T>>) -> Request) -> Result<T> {
        let (reply, answer) = mpsc::channel();
        let requests = self.requests.as_ref().ok_or_else(worker_gone)?;
        requests.send(request(reply)).map_err(|_| worker_gone())?;
        answer.recv().unwrap_or_else(|_| Err(worker_gone()))
    }
}

impl TaskScheduler for WindowsScheduler {
    fn status(&self, task: &TaskRef) -> Result<TaskStatus> {
        self.ask(|reply| Request::Status(task.clone(), reply))
    }

    fn run(&self, task: &TaskRef) -> Result<()> {
        self.ask(|reply| Request::Run(task.clone(), reply))
    }
}

impl Drop for WindowsScheduler {
    fn drop(&mut self) {
        self.requests = None;
        if let Some(worker) = self.worker.take() {
            // A panic on the worker has already been answered as an error to its caller.
            let _ = worker.join();
        }
    }
}

fn worker_gone() -> Error {
    Error::Other {
        operation: "Task Scheduler thread",
        code: E_UNEXPECTED,
    }
}

fn hresult_from_win32(code: u32) -> Hresult {
    0x8007_0000 | (code & 0xFFFF)
}

fn serve(
    incoming: mpsc::Receiver<Request>,
    started: mpsc::Sender<Result<(), Hresult>>,
    account: Option<Account>,
) {
    // SAFETY: a fresh thread, initialised once and uninitialised below, after every COM object
    // it made has been released.
    let initialised = unsafe { CoInitializeEx(None, COINIT_MULTITHREADED) };
    if initialised.is_err() {
        let _ = started.send(Err(initialised.0 as u32));
        return;
    }
    let _ = started.send(Ok(()));
    for request in incoming {
        match request {
            Request::Status(task, reply) => {
                let _ = reply.send(with_service(&task, account.as_ref(), sequence::status));
            }
            Request::Run(task, reply) => {
                let _ = reply.send(with_service(&task, account.as_ref(), sequence::run));
            }
        }
    }
    // SAFETY: balances the successful CoInitializeEx above on the same thread.
    unsafe { CoUninitialize() };
}

/// Makes a fresh `ITaskService` for one request: a connection never outlives the question it
/// answers, so a server that went away or came back is always seen as it is now.
fn with_service<T>(
    task: &TaskRef,
    account: Option<&Account>,
    calls: impl FnOnce(&mut ComService, &TaskRef) -> Result<T>,
) -> Result<T> {
    // SAFETY: COM is initialised on this thread (see `serve`).
    let service: ITaskService =
        unsafe { CoCreateInstance(&TASK_SCHEDULER_CLASS, None, CLSCTX_INPROC_SERVER) }
            .map_err(|error| call_failed(error.code().0 as u32, "CoCreateInstance", task))?;
    calls(
        &mut ComService {
            service,
            account: account.cloned(),
        },
        task,
    )
}

struct ComService {
    service: ITaskService,
    account: Option<Account>,
}

fn hresult(error: windows::core::Error) -> Hresult {
    error.code().0 as u32
}

// SAFETY, for every call below: the interfaces are live COM objects made on this thread, the
// BSTRs and VARIANTs passed in outlive the call, and what comes back is owned by the wrapper
// types, which release it.
impl ComTaskService for ComService {
    type Folder = ITaskFolder;
    type Task = IRegisteredTask;

    fn connect(&mut self, server: Option<&str>) -> Result<(), Hresult> {
        let empty = VARIANT::default();
        let text = |value: Option<&str>| value.map(StringVariant::new);
        let account = self.account.as_ref().filter(|_| server.is_some());
        let user = text(account.map(|account| account.user.as_str()));
        let domain = text(account.and_then(|account| account.domain.as_deref()));
        let password = text(account.map(|account| account.password.as_str()));
        let server = text(server);
        unsafe {
            self.service.Connect(
                given(&server, &empty),
                given(&user, &empty),
                given(&domain, &empty),
                given(&password, &empty),
            )
        }
        .map_err(hresult)
    }

    fn get_folder(&mut self, path: &str) -> Result<ITaskFolder, Hresult> {
        unsafe { self.service.GetFolder(&BSTR::from(path)) }.map_err(hresult)
    }

    fn get_task(&mut self, folder: &ITaskFolder, path: &str) -> Result<IRegisteredTask, Hresult> {
        unsafe { folder.GetTask(&BSTR::from(path)) }.map_err(hresult)
    }

    fn state(&mut self, task: &IRegisteredTask) -> Result<i32, Hresult> {
        unsafe { task.State() }
            .map(|state| state.0)
            .map_err(hresult)
    }

    fn last_run_time(&mut self, task: &IRegisteredTask) -> Result<f64, Hresult> {
        unsafe { task.LastRunTime() }.map_err(hresult)
    }

    fn last_task_result(&mut self, task: &IRegisteredTask) -> Result<i32, Hresult> {
        unsafe { task.LastTaskResult() }.map_err(hresult)
    }

    fn run(&mut self, task: &IRegisteredTask) -> Result<(), Hresult> {
        unsafe { task.Run(&VARIANT::default()) }
            .map(drop)
            .map_err(hresult)
    }
}

/// The string `variant` holds, or the empty VARIANT Connect takes for "not given".
fn given<'a>(variant: &'a Option<StringVariant>, empty: &'a VARIANT) -> &'a VARIANT {
    variant.as_ref().map_or(empty, |variant| &variant.0)
}

/// A VARIANT holding a string; the string is freed with it.
struct StringVariant(VARIANT);

impl StringVariant {
    fn new(text: &str) -> StringVariant {
        let mut variant = VARIANT::default();
        // SAFETY: sets the type tag of an empty VARIANT together with the member it names.
        unsafe {
            let tagged = &mut variant.Anonymous.Anonymous;
            tagged.vt = VT_BSTR;
            tagged.Anonymous.bstrVal = ManuallyDrop::new(BSTR::from(text));
        }
        StringVariant(variant)
    }
}

impl Drop for StringVariant {
    fn drop(&mut self) {
        // SAFETY: the VARIANT holds a BSTR it owns; VariantClear frees it exactly once. It
        // cannot fail for a VT_BSTR.
        let _ = unsafe { VariantClear(&mut self.0) };
    }
}

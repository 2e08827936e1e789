//! A Task Scheduler for the demo: its tasks "run" for a while and, when a run ends, a hook lets
//! the demo tenant react as the real service does to the client's task (start a cycle, start
//! the step that waited for the client).

use crate::codes::{LastResult, SCHED_S_TASK_HAS_NOT_RUN};
use crate::{Error, Result, TaskRef, TaskScheduler, TaskState, TaskStatus};
use chrono::Utc;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Called with the task when one of its runs has ended.
pub type RunEnded = Arc<dyn Fn(&TaskRef) + Send + Sync>;

struct DemoTask {
    status: TaskStatus,
}

pub struct DemoScheduler {
    tasks: Arc<Mutex<HashMap<TaskRef, DemoTask>>>,
    run_length: Duration,
    on_run_ended: RunEnded,
    /// What each run returns when it ends: 0, or the exit code of a failing program.
    run_result: Arc<Mutex<u32>>,
}

impl DemoScheduler {
    /// A scheduler holding `tasks`, each of whose runs takes `run_length`.
    pub fn new(
        tasks: impl IntoIterator<Item = TaskRef>,
        run_length: Duration,
        on_run_ended: RunEnded,
    ) -> DemoScheduler {
        let tasks = tasks
            .into_iter()
            .map(|task| {
                let status = TaskStatus {
                    state: TaskState::Ready,
                    last_run: None,
                    last_result: Some(LastResult::from_code(SCHED_S_TASK_HAS_NOT_RUN)),
                    not_supported: Vec::new(),
                };
                (task, DemoTask { status })
            })
            .collect();
        DemoScheduler {
            tasks: Arc::new(Mutex::new(tasks)),
            run_length,
            on_run_ended,
            run_result: Arc::new(Mutex::new(0)),
        }
    }

    /// Makes the runs from now on end with `code` as their last result, as a task whose
    /// program fails does: the one way to see a failing last result where Wine has none.
    pub fn end_runs_with(&self, code: u32) {
        *self
            .run_result
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = code;
    }
}

impl TaskScheduler for DemoScheduler {
    fn status(&self, task: &TaskRef) -> Result<TaskStatus> {
        let tasks = self
            .tasks
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        tasks
            .get(task)
            .map(|known| known.status.clone())
            .ok_or_else(|| Error::NotFound {
                task: task.to_string(),
            })
    }

    fn run(&self, task: &TaskRef) -> Result<()> {
        {
            let mut tasks = self
                .tasks
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            let known = tasks.get_mut(task).ok_or_else(|| Error::NotFound {
                task: task.to_string(),
            })?;
            if known.status.state == TaskState::Running {
                return Err(Error::AlreadyRunning {
                    task: task.to_string(),
                });
            }
            known.status.state = TaskState::Running;
            known.status.last_run = Some(Utc::now());
            known.status.last_result =
                Some(LastResult::from_code(crate::codes::SCHED_S_TASK_RUNNING));
        }
        let tasks = self.tasks.clone();
        let task = task.clone();
        let run_length = self.run_length;
        let on_run_ended = self.on_run_ended.clone();
        let code = *self
            .run_result
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        std::thread::spawn(move || {
            std::thread::sleep(run_length);
            if let Some(known) = tasks
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .get_mut(&task)
            {
                known.status.state = TaskState::Ready;
                known.status.last_result = Some(LastResult::from_code(code));
            }
            on_run_ended(&task);
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::LastResultMeaning;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn sync_task() -> TaskRef {
        TaskRef::new("eAdm synkronisering", Some("demo-klient".into()))
    }

    #[test]
    fn a_run_goes_from_ready_to_running_and_back_and_tells_the_hook() {
        let ended = Arc::new(AtomicUsize::new(0));
        let counter = ended.clone();
        let scheduler = DemoScheduler::new(
            [sync_task()],
            Duration::from_millis(150),
            Arc::new(move |_task| {
                counter.fetch_add(1, Ordering::SeqCst);
            }),
        );
        let before = scheduler.status(&sync_task()).unwrap();
        assert_eq!(before.state, TaskState::Ready);
        assert_eq!(
            before.last_result.unwrap().meaning,
            LastResultMeaning::NeverRun
        );

        scheduler.run(&sync_task()).unwrap();
        let running = scheduler.status(&sync_task()).unwrap();
        assert_eq!(running.state, TaskState::Running);
        assert!(running.last_run.is_some());
        assert!(matches!(
            scheduler.run(&sync_task()),
            Err(Error::AlreadyRunning { .. })
        ));

        std::thread::sleep(Duration::from_millis(400));
        let after = scheduler.status(&sync_task()).unwrap();
        assert_eq!(after.state, TaskState::Ready);
        assert_eq!(
            after.last_result.unwrap().meaning,
            LastResultMeaning::Succeeded
        );
        assert_eq!(ended.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn an_unknown_task_is_not_found() {
        let scheduler =
            DemoScheduler::new([sync_task()], Duration::from_millis(10), Arc::new(|_| {}));
        let other = TaskRef::new("eFeide Import AD", Some("dc01".into()));
        assert_eq!(
            scheduler.status(&other).unwrap_err().kind(),
            "task-not-found"
        );
        assert_eq!(scheduler.run(&other).unwrap_err().kind(), "task-not-found");
    }
}

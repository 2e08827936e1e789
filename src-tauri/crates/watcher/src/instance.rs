//! One watcher per user: a lock on a file in the runtime folder, held for the process's life
//! and let go by the OS however the process ends.

use std::fs::File;
use std::path::Path;

/// The held lock; the watcher keeps it until it exits.
pub struct OnlyWatcher {
    _lock: File,
}

/// The lock when no other watcher holds it; `None` when one does.
pub fn claim(runtime_dir: &Path) -> std::io::Result<Option<OnlyWatcher>> {
    std::fs::create_dir_all(runtime_dir)?;
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(runtime_dir.join("watcher.lock"))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(OnlyWatcher { _lock: file })),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(err)) => Err(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_watcher_finds_the_first_one_and_a_later_one_takes_over() {
        let dir = tempfile::tempdir().unwrap();
        let first = claim(dir.path()).unwrap();
        assert!(first.is_some());
        assert!(claim(dir.path()).unwrap().is_none(), "the first still runs");
        drop(first);
        assert!(claim(dir.path()).unwrap().is_some(), "the first has ended");
    }
}

//! Logs go to stderr and to a daily rolling file in the app's log folder. Secrets never reach a
//! log line: the client's Debug output omits the key and personal data prints masked.

use std::path::Path;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::prelude::*;
use tracing_subscriber::EnvFilter;

/// How long the app's own logs are kept: they hold IDs, and nobody needs them older.
pub const KEEP_DAYS: u64 = 14;

/// Lines waiting for the file writer before new ones are dropped: far more than any burst.
const LOG_QUEUE_LINES: usize = 4_096;

/// Keeps the file writer flushing; hold it for as long as the process runs.
pub struct LogGuard {
    _file_writer: Option<WorkerGuard>,
}

pub fn init(log_dir: &Path, file_prefix: &str) -> LogGuard {
    // The appender prunes old files at start and complains when the folder is not there yet.
    let _ = std::fs::create_dir_all(log_dir);
    // It keeps 14 files, which for an app run once a week is months: age decides here.
    prune_older_than(
        log_dir,
        file_prefix,
        std::time::Duration::from_secs(KEEP_DAYS * 24 * 3600),
    );
    let filter =
        || EnvFilter::try_from_env("SYNKVAKT_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix(file_prefix)
        .filename_suffix("log")
        .max_log_files(14)
        .build(log_dir);
    let stderr_layer = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_filter(filter());
    match appender {
        Ok(appender) => {
            // The writer's queue is allocated whole up front: its default of 128,000 lines holds
            // 4 MiB for the whole life of a process that logs a few lines a minute.
            let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
                .buffered_lines_limit(LOG_QUEUE_LINES)
                .finish(appender);
            let file_layer = tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(writer)
                .with_filter(filter());
            let _ = tracing_subscriber::registry()
                .with(stderr_layer)
                .with(file_layer)
                .try_init();
            LogGuard {
                _file_writer: Some(guard),
            }
        }
        Err(err) => {
            let _ = tracing_subscriber::registry().with(stderr_layer).try_init();
            tracing::warn!(dir = %log_dir.display(), "cannot write the log file: {err}");
            LogGuard { _file_writer: None }
        }
    }
}

/// Deletes this program's log files last written longer than `age` ago.
fn prune_older_than(log_dir: &Path, file_prefix: &str, age: std::time::Duration) {
    let Ok(entries) = std::fs::read_dir(log_dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name.starts_with(&format!("{file_prefix}.")) && name.ends_with(".log");
        let old = entry
            .metadata()
            .and_then(|metadata| metadata.modified())
            .is_ok_and(|modified| now.duration_since(modified).unwrap_or_default() > age);
        if ours && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_programs_logs_older_than_the_limit_are_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("synkvakt.2026-11-01.log");
        let recent = dir.path().join("synkvakt.2026-11-30.log");
        let other = dir.path().join("synkvakt-watcher.2026-11-01.log");
        for path in [&old, &recent, &other] {
            std::fs::write(path, "line\n").unwrap();
        }
        let month_ago =
            std::time::SystemTime::now() - std::time::Duration::from_secs(30 * 24 * 3600);
        for path in [&old, &other] {
            std::fs::File::options()
                .write(true)
                .open(path)
                .unwrap()
                .set_modified(month_ago)
                .unwrap();
        }
        prune_older_than(
            dir.path(),
            "synkvakt",
            std::time::Duration::from_secs(KEEP_DAYS * 24 * 3600),
        );
        assert!(!old.exists(), "a month old: deleted");
        assert!(recent.exists());
        assert!(other.exists(), "another program's log is its own to prune");
    }
}

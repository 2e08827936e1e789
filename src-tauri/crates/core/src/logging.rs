//! Logs go to stderr and to a daily rolling file in the app's log folder. Secrets never reach a
//! log line: the client's Debug output omits the key and personal data prints masked.

use std::path::Path;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::prelude::*;
use tracing_subscriber::EnvFilter;

/// Lines waiting for the file writer before new ones are dropped: far more than any burst.
const LOG_QUEUE_LINES: usize = 4_096;

/// Keeps the file writer flushing; hold it for as long as the process runs.
pub struct LogGuard {
    _file_writer: Option<WorkerGuard>,
}

pub fn init(log_dir: &Path, file_prefix: &str) -> LogGuard {
    // The appender prunes old files at start and complains when the folder is not there yet.
    let _ = std::fs::create_dir_all(log_dir);
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

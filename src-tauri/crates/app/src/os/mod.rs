//! The adapters to the operating system: each reaches one thing outside the process.

pub mod audit_file;
pub mod client_logs;
pub mod companion;
pub mod demo_launcher;
pub mod diagnostics_zip;
pub mod event_log;
pub mod keyring;
pub mod logging;
pub mod paths;
pub mod pending_reexports;
pub mod settings_file;
pub mod watch_files;

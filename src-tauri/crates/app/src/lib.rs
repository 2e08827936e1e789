//! Synkvakt's use cases over the domain of `synkvakt-core`, and the adapters they reach the world
//! through: the tenant's HTTP API (`tenant_client`), the OS (`os`: the settings file, the keyring,
//! the audit file, the Event Log, logs, companion processes, the demo tenant's process, the
//! client's log folder, the diagnostics zip) and the session the window app's commands and the
//! watcher run (`session`, one file per feature; `watch`, the watcher's looks at its tenants).
//! The session is built from the ports in `ports`, so that its tests pass fakes.

pub mod demo_connection;
pub mod os;
pub mod ports;
pub mod reach;
pub mod session;
pub mod tenant_client;
pub mod watch;

pub use synkvakt_core::{Error, Result, UserError};

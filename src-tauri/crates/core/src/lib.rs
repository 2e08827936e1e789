//! The Synkvakt domain, free of any window toolkit: the cycle model and step catalogs, the tenant
//! API client, the status view, settings, the action path with its audit log, personal-data
//! types, translations, the demo tenant's launcher and the watch logic.

pub mod actions;
pub mod audit_view;
pub mod catalog;
pub mod client;
pub mod client_log;
pub mod companion;
pub mod demo;
pub mod diagnostics;
pub mod error;
pub mod event_log;
pub mod guidance;
pub mod i18n;
pub mod logging;
pub mod manual_sync;
pub mod masking;
pub mod model;
pub mod open_at;
pub mod paths;
pub mod personal;
pub mod profiles;
pub mod reexport;
pub mod secrets;
pub mod session;
pub mod settings;
pub mod status;
pub mod sync_run;
pub mod tenants;
pub mod usual;
pub mod watch;
pub mod watching;

pub use error::{Error, Result, UserError};

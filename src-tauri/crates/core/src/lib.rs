//! The Synkvakt domain, free of I/O: what a cycle means for the admin (the status view, usual
//! times, guidance from the vendor's guides), what watching announces, the guards of the manual
//! sync and of a nudge with the runner over the tenant and scheduler traits, the re-export
//! preview's selection, masking for support mode, translations, settings as values, and the one
//! path every action takes into the audit trail. Reaching a tenant, a file or the OS is the app
//! crate's; `src-tauri/tests/layers.rs` keeps it that way.

pub mod actions;
pub mod addresses;
pub mod alerts;
pub mod audit_view;
pub mod error;
pub mod guidance;
pub mod i18n;
pub mod import_filter;
pub mod launch;
pub mod machines;
pub mod manual_sync;
pub mod masking;
pub mod profiles;
pub mod readiness;
pub mod reexport;
pub mod settings;
pub mod status;
pub mod usual;

pub use error::{Error, Result, UserError};

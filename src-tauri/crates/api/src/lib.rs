//! The wire contract between Synkvakt and an eAdm or eFeide tenant, and nothing else: the types
//! of the tenant API (described by `tenant-api.yaml`), the personal data they carry, the step
//! catalogs of both products, and the protocol by which the embedded demo tenant is found. The
//! demo tenant depends on this crate alone, so the server and the client cannot disagree.

pub mod catalog;
pub mod demo_protocol;
pub mod model;
pub mod personal;

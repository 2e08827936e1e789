//! The ports the session is built from.

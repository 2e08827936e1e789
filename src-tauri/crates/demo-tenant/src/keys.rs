//! Idempotency keys, as the contract has them for every request that changes something: the
//! first answer to a key is kept and given again for the same request sent again, and a key
//! sent with another request is refused. The keys are kept in a file beside the runtime file,
//! so that a demo tenant that restarts still knows what it did.

use crate::Refusal;
use axum::http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

const KEY_LENGTH: std::ops::RangeInclusive<usize> = 8..=128;

/// The key a request carries, or the contract's refusal when it has none that is valid.
pub(crate) fn required_key(headers: &HeaderMap) -> Result<String, Refusal> {
    headers
        .get("idempotency-key")
        .and_then(|value| value.to_str().ok())
        .filter(|key| KEY_LENGTH.contains(&key.len()))
        .map(str::to_string)
        .ok_or_else(|| {
            Refusal::new(
                StatusCode::BAD_REQUEST,
                "missing-idempotency-key",
                format!(
                    "An Idempotency-Key header of {} to {} characters is required.",
                    KEY_LENGTH.start(),
                    KEY_LENGTH.end()
                ),
            )
        })
}

/// What a key was first used for, and the answer it got.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Remembered {
    /// The operation and its request, as one text: the same key must come with the same.
    request: String,
    status: u16,
    answer: Value,
}

/// An answer to a keyed request: made now, or the one made the first time.
pub(crate) enum Keyed {
    Fresh(StatusCode, Value),
    Again(StatusCode, Value),
}

pub(crate) struct KeyStore {
    file: Option<PathBuf>,
    known: Mutex<HashMap<String, Remembered>>,
}

impl KeyStore {
    /// The keys kept in `file` (none when it does not exist yet); `None` keeps them in memory.
    pub(crate) fn load(file: Option<PathBuf>) -> KeyStore {
        let known = file
            .as_deref()
            .and_then(|path| std::fs::read(path).ok())
            .and_then(|bytes| match serde_json::from_slice(&bytes) {
                Ok(known) => Some(known),
                Err(err) => {
                    tracing::warn!("the demo tenant's idempotency keys are unreadable: {err}");
                    None
                }
            })
            .unwrap_or_default();
        KeyStore {
            file,
            known: Mutex::new(known),
        }
    }

    /// Runs `act` once per key: a key seen before with the same `request` gets its first
    /// answer again, with another request a refusal. One lock covers the look-up, the act and
    /// the keeping, so that two requests racing with one key act once. Only an answer that did
    /// something is kept: a refusal may be asked again.
    pub(crate) fn once(
        &self,
        key: &str,
        request: String,
        act: impl FnOnce() -> Result<(StatusCode, Value), Refusal>,
    ) -> Result<Keyed, Refusal> {
        let mut known = self
            .known
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(first) = known.get(key) {
            if first.request != request {
                return Err(Refusal::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "idempotency-key-reused",
                    "This Idempotency-Key was used for a different request.",
                ));
            }
            let status = StatusCode::from_u16(first.status).unwrap_or(StatusCode::OK);
            return Ok(Keyed::Again(status, first.answer.clone()));
        }
        let (status, answer) = act()?;
        known.insert(
            key.to_string(),
            Remembered {
                request,
                status: status.as_u16(),
                answer: answer.clone(),
            },
        );
        self.keep(&known);
        Ok(Keyed::Fresh(status, answer))
    }

    /// The first answer to `key` with a request that starts with `operation`, if there was one.
    pub(crate) fn answer_of(&self, key: &str, operation: &str) -> Option<Value> {
        self.known
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(key)
            .filter(|first| first.request.starts_with(operation))
            .map(|first| first.answer.clone())
    }

    /// Writes the keys to their file, whole or not at all (a new file put in place).
    fn keep(&self, known: &HashMap<String, Remembered>) {
        let Some(path) = &self.file else {
            return;
        };
        let written = serde_json::to_vec(known)
            .map_err(std::io::Error::other)
            .and_then(|bytes| {
                let fresh = path.with_extension("json.new");
                std::fs::write(&fresh, bytes)?;
                std::fs::rename(&fresh, path)
            });
        if let Err(err) = written {
            tracing::warn!(path = %path.display(), "the idempotency keys were not kept: {err}");
        }
    }
}

impl Keyed {
    pub(crate) fn into_parts(self) -> (StatusCode, Value) {
        match self {
            Keyed::Fresh(status, answer) | Keyed::Again(status, answer) => (status, answer),
        }
    }
}

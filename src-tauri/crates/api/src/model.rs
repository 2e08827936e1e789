//! The tenant API's data as the service sends it: tenant, cycle, steps, import filter.
//!
//! States the app was not built for are kept with their raw value instead of failing the whole
//! response, so that a newer service still shows every step ("unknown state: paused").

use crate::personal::PersonName;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::fmt;

/// The two products the service is sold as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub enum Product {
    #[serde(rename = "eAdm")]
    EAdm,
    #[serde(rename = "eFeide")]
    EFeide,
}

impl Product {
    pub fn as_str(self) -> &'static str {
        match self {
            Product::EAdm => "eAdm",
            Product::EFeide => "eFeide",
        }
    }
}

impl fmt::Display for Product {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TenantInfo {
    pub name: String,
    pub product: Product,
    /// Newer service versions start a cycle themselves; older ones need the client's task.
    pub can_start_cycle: bool,
    /// The service clears the admin's cache of the web portal (profile > Settings > Clear Cache)
    /// when asked; older versions cannot, and the admin clears it in the portal.
    #[serde(default)]
    pub can_clear_cache: bool,
    pub api_version: String,
}

/// A full cycle runs every step; a delta cycle skips the imports before Synchronization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum CycleKind {
    Full,
    Delta,
}

/// Decodes a string-valued state, keeping a value this version does not know.
macro_rules! open_state {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)+
            Unknown(String),
        }

        impl $name {
            pub fn as_wire(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)+
                    $name::Unknown(raw) => raw,
                }
            }
        }

        impl From<String> for $name {
            fn from(raw: String) -> Self {
                match raw.as_str() {
                    $($wire => $name::$variant,)+
                    _ => $name::Unknown(raw),
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_wire())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                String::deserialize(d).map($name::from)
            }
        }
    };
}

open_state!(
    /// The state of a whole cycle. `Resumed` is a finished state: the admin released a cycle the
    /// import filter had stopped.
    CycleState {
        Running => "running",
        Completed => "completed",
        Failed => "failed",
        Stopped => "stopped",
        Resumed => "resumed",
    }
);

open_state!(
    /// The state of one step as the service reports it. A step not yet started is `Waiting`.
    StepState {
        Completed => "completed",
        Failed => "failed",
        Stopped => "stopped",
        Running => "running",
        Waiting => "waiting",
        Skipped => "skipped",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Step {
    /// The service's key for the step; its meaning depends on the product.
    pub key: String,
    /// The name the service itself shows.
    pub display_name: String,
    pub state: StepState,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    pub message: Option<String>,
    pub error_code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Cycle {
    pub id: String,
    pub kind: CycleKind,
    pub state: CycleState,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub steps: Vec<Step>,
    /// Present when the import filter stopped the cycle.
    pub import_filter: Option<ImportFilter>,
}

/// The thresholds of the import filter, in percent of the previous import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum FilterCheckKind {
    New,
    Changed,
    Deleted,
    Anomaly,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FilterCheck {
    pub kind: FilterCheckKind,
    pub threshold_percent: f64,
    pub observed_percent: f64,
    pub count: u32,
    pub exceeded: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportFilter {
    /// The number of accounts in the previous import, which the percentages are of.
    pub previous_count: u32,
    pub checks: Vec<FilterCheck>,
}

impl Eq for FilterCheck {}
impl Eq for ImportFilter {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CycleHistory {
    /// Newest first.
    pub cycles: Vec<Cycle>,
}

/// What an entry of an import's log does to an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum ImportChange {
    /// A new account.
    Add,
    /// A change to an account.
    Edit,
    /// An account to be removed.
    Delete,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportLogEntry {
    pub kind: ImportChange,
    /// The user's ID in the service: the number in the user's profile address.
    pub user_id: String,
    pub name: PersonName,
    /// What changed, in the service's words.
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportCounts {
    pub add: u32,
    pub edit: u32,
    pub delete: u32,
}

/// A page of the newest import's log, with the counts of the whole import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportLog {
    pub import_id: String,
    pub counts: ImportCounts,
    /// How many entries match the query, across all pages.
    pub total: u32,
    pub offset: u32,
    pub entries: Vec<ImportLogEntry>,
}

/// The answer to clearing the web interface's cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CacheCleared {
    pub cleared_at: DateTime<Utc>,
}

/// A synchronization template (Synkroniseringsmal): one per target system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Template {
    pub id: String,
    pub name: String,
    pub target_system: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TemplateList {
    pub templates: Vec<Template>,
}

/// What a mapping's values are, so that personal data among them can be masked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum ValueKind {
    Name,
    Email,
    NationalId,
    /// Anything else, a kind this version does not know included.
    #[serde(other)]
    Text,
}

/// An export mapping of a template: target attribute <- source expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Mapping {
    pub id: String,
    pub target_attribute: String,
    pub source_expression: String,
    pub value_kind: ValueKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MappingList {
    pub template_id: String,
    pub mappings: Vec<Mapping>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UserSummary {
    pub id: String,
    pub name: PersonName,
    pub department: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UserSearch {
    pub total: u32,
    pub users: Vec<UserSummary>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum ScopeKind {
    All,
    Selection,
}

/// Whom a re-export is for: every user, or the users picked.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReexportScope {
    pub kind: ScopeKind,
    /// The selection; empty for all users.
    pub user_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PreviewRequest {
    /// One mapping, or `None` for all of the template's.
    pub mapping_id: Option<String>,
    pub scope: ReexportScope,
    pub offset: u32,
    pub limit: u32,
}

/// One value a re-export would write. The values are kept as the service sends them; the
/// mapping's `ValueKind` says which of them are personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PreviewRow {
    pub user_id: String,
    pub name: PersonName,
    pub attribute: String,
    pub current_value: Option<String>,
    pub new_value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PreviewPage {
    pub total: u32,
    pub users: u32,
    pub offset: u32,
    /// Names the template, mapping, scope and data version this page was computed from.
    pub preview_token: String,
    pub rows: Vec<PreviewRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReexportRequest {
    pub mapping_id: Option<String>,
    pub scope: ReexportScope,
    /// The token of the preview the admin confirmed.
    pub preview_token: String,
}

/// The 409 answer to an Execute whose preview is no longer what the data gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PreviewOutdated {
    pub code: String,
    pub message: String,
    pub total: u32,
    pub users: u32,
    pub preview_token: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum JobState {
    Queued,
    Running,
    Completed,
    Failed,
    /// A state this version does not know.
    #[serde(other)]
    Unknown,
}

/// A re-export on the export queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportJob {
    pub id: String,
    pub template_id: String,
    pub mapping_id: Option<String>,
    pub attributes: Vec<String>,
    pub users: u32,
    /// Values to write.
    pub total: u32,
    pub done: u32,
    pub state: JobState,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportQueue {
    pub jobs: Vec<ExportJob>,
}

/// The error body the service sends with every error status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApiError {
    pub code: String,
    pub message: String,
}

impl Cycle {
    pub fn kind_word(&self) -> &'static str {
        match self.kind {
            CycleKind::Full => "full",
            CycleKind::Delta => "delta",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_states_keep_their_raw_value() {
        let step: Step = serde_json::from_str(
            r#"{"key":"import-hr","displayName":"Import HR","state":"paused","startedAt":null,
                "finishedAt":null,"message":null,"errorCode":null}"#,
        )
        .expect("a step with an unknown state still decodes");
        assert_eq!(step.state, StepState::Unknown("paused".into()));
        assert_eq!(serde_json::to_value(&step.state).unwrap(), "paused");
    }

    #[test]
    fn known_states_round_trip() {
        for raw in [
            "completed",
            "failed",
            "stopped",
            "running",
            "waiting",
            "skipped",
        ] {
            let state = StepState::from(raw.to_string());
            assert!(!matches!(state, StepState::Unknown(_)), "{raw}");
            assert_eq!(state.as_wire(), raw);
        }
    }
}

//! The audit log as the window shows it: newest first, filtered by words and by outcome, a
//! page at a time, each action said in the admin's language.

use crate::actions::{Action, AuditEntry, Outcome};
use crate::i18n::{Arg, Localizer};
use crate::masking::mask_text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;
use synkvakt_api::model::ScopeKind;
use synkvakt_api::personal::Disclosure;

/// The most entries one page holds.
pub const MAX_PAGE: u32 = 500;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditQuery {
    /// Words to find in the action, the tenant, the user or the detail; empty finds all.
    pub search: String,
    pub outcome: Option<Outcome>,
    pub offset: u32,
    pub limit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntryView {
    pub time: DateTime<Utc>,
    pub os_user: String,
    /// Empty for what concerns the app itself (its language, say).
    pub tenant: String,
    /// What was done, in words.
    pub action: String,
    pub outcome: Outcome,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditView {
    /// Newest first.
    pub entries: Vec<AuditEntryView>,
    /// How many entries match the filter, on every page.
    pub matching: u32,
    pub offset: u32,
}

/// The page `query` asks for of `entries` (oldest first, as the log holds them).
pub fn audit_view(
    entries: &[AuditEntry],
    query: &AuditQuery,
    localizer: &Localizer,
    disclosure: Disclosure,
) -> AuditView {
    let shown = |text: String| match disclosure {
        Disclosure::Full => text,
        Disclosure::Masked => mask_text(&text).into_owned(),
    };
    let needle = query.search.trim().to_lowercase();
    let matching: Vec<AuditEntryView> = entries
        .iter()
        .rev()
        .filter(|entry| query.outcome.is_none_or(|outcome| entry.outcome == outcome))
        .map(|entry| AuditEntryView {
            time: entry.time,
            os_user: entry.os_user.clone(),
            tenant: entry.tenant.clone(),
            action: shown(action_words(&entry.action, localizer)),
            outcome: entry.outcome,
            detail: shown(entry.detail.clone()),
        })
        .filter(|view| {
            needle.is_empty()
                || [&view.action, &view.tenant, &view.os_user, &view.detail]
                    .iter()
                    .any(|text| text.to_lowercase().contains(&needle))
        })
        .collect();
    let offset = query.offset as usize;
    let limit = query.limit.min(MAX_PAGE) as usize;
    AuditView {
        matching: matching.len() as u32,
        offset: query.offset,
        entries: matching.into_iter().skip(offset).take(limit).collect(),
    }
}

fn action_words(action: &Action, localizer: &Localizer) -> String {
    match action {
        Action::ChangeSettings { setting, value } => localizer.format(
            "audit-change-settings",
            &[
                ("setting", setting.as_str().into()),
                ("value", value.as_str().into()),
            ],
        ),
        Action::RunTask {
            task,
            server,
            purpose,
        } => {
            let server: Arg = match server {
                Some(server) => server.as_str().into(),
                None => localizer.text("audit-this-computer").into(),
            };
            let args = [("task", task.as_str().into()), ("server", server)];
            match purpose.strip_prefix("nudge ") {
                Some(step) => {
                    let mut args = args.to_vec();
                    args.push(("step", step.into()));
                    localizer.format("audit-run-task-nudge", &args)
                }
                None => localizer.format("audit-run-task-manual-sync", &args),
            }
        }
        Action::StartCycle => localizer.text("audit-start-cycle"),
        Action::ClearCache => localizer.text("audit-clear-cache"),
        Action::ResumeCycle {
            cycle_id,
            add,
            edit,
            delete,
        } => localizer.format(
            "audit-resume-cycle",
            &[
                ("cycle", cycle_id.as_str().into()),
                ("add", i64::from(*add).into()),
                ("edit", i64::from(*edit).into()),
                ("delete", i64::from(*delete).into()),
            ],
        ),
        Action::Reexport {
            template,
            mapping,
            scope,
            users,
            values,
            ..
        } => {
            let what: Arg = match mapping {
                Some(mapping) => mapping.as_str().into(),
                None => localizer.text("audit-all-attributes").into(),
            };
            let key = match scope {
                ScopeKind::All => "audit-reexport-all",
                ScopeKind::Selection => "audit-reexport-selection",
            };
            localizer.format(
                key,
                &[
                    ("what", what),
                    ("template", template.as_str().into()),
                    ("users", i64::from(*users).into()),
                    ("values", i64::from(*values).into()),
                ],
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;
    use crate::masking::shows_national_id;

    fn entry(minute: i64, tenant: &str, action: Action, outcome: Outcome) -> AuditEntry {
        AuditEntry {
            time: DateTime::<Utc>::from_timestamp(1_800_000_000 + minute * 60, 0).unwrap(),
            os_user: "kari".into(),
            tenant: tenant.into(),
            action,
            outcome,
            detail: match outcome {
                Outcome::Refused => "the last cycle failed at Export AD".into(),
                _ => String::new(),
            },
        }
    }

    fn log() -> Vec<AuditEntry> {
        let run = |purpose: &str| Action::RunTask {
            task: "eAdm synkronisering".into(),
            server: Some("eadm-klient01".into()),
            purpose: purpose.into(),
        };
        vec![
            entry(0, "Kommune X", run("manual-sync"), Outcome::Refused),
            entry(1, "Kommune X", run("manual-sync"), Outcome::Started),
            entry(2, "Kommune X", run("manual-sync"), Outcome::Done),
            entry(3, "Kommune X", Action::ClearCache, Outcome::Done),
            entry(4, "Kommune Y", run("nudge export-ad"), Outcome::Done),
            entry(
                5,
                "",
                Action::ChangeSettings {
                    setting: "language".into(),
                    value: "nn".into(),
                },
                Outcome::Done,
            ),
        ]
    }

    fn query(search: &str, outcome: Option<Outcome>) -> AuditQuery {
        AuditQuery {
            search: search.into(),
            outcome,
            offset: 0,
            limit: 100,
        }
    }

    #[test]
    fn newest_first_with_each_action_in_words() {
        let view = audit_view(
            &log(),
            &query("", None),
            &Localizer::new(Language::En),
            Disclosure::Full,
        );
        assert_eq!(view.matching, 6);
        let words: Vec<&str> = view.entries.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(
            words,
            [
                "Changed the setting language to nn",
                "Ran “eAdm synkronisering” on eadm-klient01 to move export-ad on",
                "Cleared the cache",
                "Ran “eAdm synkronisering” on eadm-klient01 for a manual sync",
                "Ran “eAdm synkronisering” on eadm-klient01 for a manual sync",
                "Ran “eAdm synkronisering” on eadm-klient01 for a manual sync",
            ]
        );
        assert_eq!(view.entries[5].outcome, Outcome::Refused);
    }

    #[test]
    fn filters_by_words_anywhere_and_by_outcome_and_pages() {
        let localizer = Localizer::new(Language::En);
        let refused = audit_view(
            &log(),
            &query("export ad", Some(Outcome::Refused)),
            &localizer,
            Disclosure::Full,
        );
        assert_eq!(refused.matching, 1, "found in the detail");
        let of_y = audit_view(
            &log(),
            &query("kommune y", None),
            &localizer,
            Disclosure::Full,
        );
        assert_eq!(of_y.matching, 1);
        assert!(of_y.entries[0].action.contains("export-ad"));
        let done = audit_view(
            &log(),
            &query("", Some(Outcome::Done)),
            &localizer,
            Disclosure::Full,
        );
        assert_eq!(done.matching, 4);
        let page = audit_view(
            &log(),
            &AuditQuery {
                offset: 4,
                limit: 10,
                ..query("", None)
            },
            &localizer,
            Disclosure::Full,
        );
        assert_eq!((page.matching, page.offset, page.entries.len()), (6, 4, 2));
        let capped = audit_view(
            &log(),
            &AuditQuery {
                limit: 100_000,
                ..query("", None)
            },
            &localizer,
            Disclosure::Full,
        );
        assert_eq!(capped.entries.len(), 6);
    }

    #[test]
    fn support_mode_masks_personal_data_in_the_detail() {
        let mut entries = log();
        entries[0].detail = "kari.nordmann@kommune.no 010170 12345".into();
        let masked = audit_view(
            &entries,
            &query("", None),
            &Localizer::new(Language::En),
            Disclosure::Masked,
        );
        let shown = &masked.entries.last().unwrap().detail;
        assert!(
            !shows_national_id(shown) && !shown.contains("kari.nordmann"),
            "{shown}"
        );
        assert!(shown.contains("@kommune.no"));
    }

    #[test]
    fn every_action_has_words_in_every_language() {
        let actions = [
            Action::StartCycle,
            Action::ClearCache,
            Action::ResumeCycle {
                cycle_id: "c1".into(),
                add: 1,
                edit: 2,
                delete: 3,
            },
            Action::Reexport {
                template: "AD".into(),
                mapping: None,
                scope: ScopeKind::All,
                users: 500,
                values: 500,
                idempotency_key: "k".into(),
            },
            Action::Reexport {
                template: "AD".into(),
                mapping: Some("mail".into()),
                scope: ScopeKind::Selection,
                users: 3,
                values: 3,
                idempotency_key: "k".into(),
            },
        ];
        for language in [Language::Nb, Language::Nn, Language::En] {
            let localizer = Localizer::new(language);
            for entry in log() {
                assert!(!action_words(&entry.action, &localizer).starts_with("audit-"));
            }
            for action in &actions {
                let words = action_words(action, &localizer);
                assert!(!words.starts_with("audit-"), "{words}");
            }
        }
    }
}

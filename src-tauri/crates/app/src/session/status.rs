//! The status view: the tenant in view and its current cycle, the history, the newest
//! import's log, and Resume after an import-filter stop.

use super::{
    lock, Fetched, Session, TenantView, FULL_HISTORY_LENGTH, FULL_HISTORY_REFRESH, HISTORY_LENGTH,
};
use crate::tenant_client::ImportLogQuery;
use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;
use synkvakt_api::model::{ImportChange, ImportCounts};
use synkvakt_api::personal::{Disclosure, PersonalData};
use synkvakt_core::actions::Action;
use synkvakt_core::error::{Error, Result, UserError};
use synkvakt_core::guidance::GuidanceView;
use synkvakt_core::import_filter::resume_check;
use synkvakt_core::status::{CycleView, NoNewCycle};

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StatusView {
    pub tenant: TenantView,
    pub cycle: CycleView,
    /// When this was fetched; older than now when the tenant cannot be reached.
    pub fetched_at: DateTime<Utc>,
    /// Why the tenant could not be reached just now; the view then shows the last known cycle.
    pub problem: Option<UserError>,
    /// The step the admin last nudged, and whether it moved.
    pub nudge: Option<super::NudgeView>,
    /// The last cycle finished well and no new one has started within the usual gap: the
    /// guide's "no new cycle starts", with its remedies.
    pub no_new_cycle: Option<NoNewCycleView>,
    /// Support mode is on: personal data is masked, and the page shows larger type.
    pub support_mode: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NoNewCycleView {
    #[serde(flatten)]
    pub stall: NoNewCycle,
    pub guidance: GuidanceView,
    /// Plain text for a support ticket: the tenant, the last cycle, the limit and its source.
    pub support_details: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct HistoryView {
    /// Newest first, the current cycle included.
    pub cycles: Vec<CycleView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportLogEntryView {
    pub kind: ImportChange,
    pub user_id: String,
    /// Personal data, disclosed as the session allows.
    pub name: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportLogView {
    pub import_id: String,
    pub counts: ImportCounts,
    pub total: u32,
    pub offset: u32,
    pub entries: Vec<ImportLogEntryView>,
}

impl Session {
    /// The tenant and its current cycle, starting the demo tenant on first use (or again, when it
    /// went away). When the tenant cannot be reached, the last known cycle with the reason.
    pub async fn status(&self) -> Result<StatusView> {
        let connection = self.connection().await?;
        let fetched = self.fetch(&connection).await;
        if !self.is_current(connection.generation) {
            return Err(Error::TenantSwitched);
        }
        let view = {
            let mut last = lock(&self.last);
            let problem = match fetched {
                Ok(fresh) => {
                    *last = Some(fresh);
                    None
                }
                Err(err) => Some(err),
            };
            match (last.as_ref(), problem) {
                (Some(known), problem) => {
                    self.status_view(known, problem.map(|err| self.user_error(&err)))
                }
                (None, Some(err)) => return Err(err),
                (None, None) => return Err(Error::NoTenant),
            }
        };
        let disclosure = self.disclosure();
        let nudge = self.nudge_view(&connection, &view.cycle).await;
        self.for_tenant_in_view(
            &connection,
            Ok(StatusView {
                nudge,
                support_mode: disclosure == Disclosure::Masked,
                cycle: shown_cycle(view.cycle, disclosure),
                ..view
            }),
        )
    }

    /// The recent cycles, newest first, as of the last answer.
    pub async fn history(&self) -> Result<HistoryView> {
        if lock(&self.last).is_none() {
            self.status().await?;
        }
        let localizer = self.localizer();
        let disclosure = self.disclosure();
        let last = lock(&self.last);
        let Some(known) = last.as_ref() else {
            return Ok(HistoryView { cycles: Vec::new() });
        };
        let now = known.fetched_at + known.clock_offset;
        let cycles = known
            .judging(&self.this_machine)
            .views(&known.history, &localizer, now)
            .into_iter()
            .map(|cycle| shown_cycle(cycle, disclosure))
            .collect();
        Ok(HistoryView { cycles })
    }

    /// A page of the newest import's log, names disclosed as the session allows.
    pub async fn import_log(
        &self,
        kind: Option<ImportChange>,
        search: String,
        offset: u32,
        limit: u32,
    ) -> Result<ImportLogView> {
        synkvakt_core::profiles::checked_search("search", &search)?;
        let connection = self.connection().await?;
        let answer = connection
            .reached
            .client
            .import_log(&ImportLogQuery {
                kind,
                search,
                offset,
                limit: limit.clamp(1, 500),
            })
            .await;
        let log = self.for_tenant_in_view(&connection, answer)?;
        let disclosure = self.disclosure();
        Ok(ImportLogView {
            import_id: log.import_id,
            counts: log.counts,
            total: log.total,
            offset: log.offset,
            entries: log
                .entries
                .into_iter()
                .map(|entry| ImportLogEntryView {
                    kind: entry.kind,
                    user_id: entry.user_id,
                    detail: match disclosure {
                        Disclosure::Full => entry.detail,
                        // The entry's own person may be named in its detail too.
                        Disclosure::Masked => synkvakt_core::masking::mask_known_names(
                            &synkvakt_core::masking::mask_text(&entry.detail),
                            &[entry.name.full().to_string()],
                        ),
                    },
                    name: entry.name.disclose(disclosure),
                })
                .collect(),
        })
    }

    /// Releases the cycle the import filter stopped, after the admin confirmed the counts that
    /// will pass. Rust checks again that this very cycle is still the stopped one.
    pub async fn resume(&self, cycle_id: String, confirmed: ImportCounts) -> Result<StatusView> {
        let connection = self.connection().await?;
        let client = &connection.reached.client;
        let localizer = self.localizer();
        let action = Action::ResumeCycle {
            cycle_id: cycle_id.clone(),
            add: confirmed.add,
            edit: confirmed.edit,
            delete: confirmed.delete,
        };
        let check = async {
            let current = client.current_cycle().await?;
            let counts = client
                .import_log(&ImportLogQuery {
                    kind: None,
                    search: String::new(),
                    offset: 0,
                    limit: 1,
                })
                .await?
                .counts;
            resume_check(&current, &cycle_id, counts, confirmed).map_err(|refusal| Error::Refused {
                reason: localizer.text(refusal.key()),
            })
        };
        self.actions
            .perform(&connection.tenant_name, action, check, || async {
                client.resume(&cycle_id, &resume_key(&cycle_id)).await
            })
            .await?;
        self.status().await
    }

    /// The tenant's info, current cycle and history over `connection`, with no lock held.
    async fn fetch(&self, connection: &super::Connection) -> Result<Fetched> {
        let client = &connection.reached.client;
        let answer = async {
            let tenant = client.tenant_info().await?;
            let cycle = client.current_cycle().await?;
            let before = lock(&self.last)
                .as_ref()
                .filter(|known| known.generation == connection.generation)
                .map(|known| {
                    (
                        known.history.clone(),
                        known.cycle.id.clone(),
                        known.full_history.clone(),
                        known.full_history_at,
                    )
                });
            // The history only teaches usual times and gaps: without it the current cycle
            // still shows, judged by what the history said before.
            let history = match client.cycle_history(HISTORY_LENGTH).await {
                Ok(history) => history.cycles,
                Err(err) => {
                    tracing::warn!("keeping the previous cycle history: {err}");
                    before
                        .as_ref()
                        .map(|known| known.0.clone())
                        .unwrap_or_default()
                }
            };
            // Weeks of full cycles change only when a cycle starts: read again then, or now
            // and again after a while.
            let (full_history, full_history_at) = match before {
                Some((_, cycle_id, full, at))
                    if cycle_id == cycle.id && Utc::now() - at < FULL_HISTORY_REFRESH =>
                {
                    (full, at)
                }
                before => match client.full_cycle_history(FULL_HISTORY_LENGTH).await {
                    Ok(full) => (full.cycles, Utc::now()),
                    Err(err) => {
                        tracing::warn!("keeping the previous full-cycle history: {err}");
                        before.map_or_else(|| (Vec::new(), Utc::now()), |known| (known.2, known.3))
                    }
                },
            };
            Ok::<_, Error>((tenant, cycle, history, full_history, full_history_at))
        };
        match answer.await {
            Ok((tenant, cycle, history, full_history, full_history_at)) => Ok(Fetched {
                full_history,
                full_history_at,
                generation: connection.generation,
                tenant_ref: connection.reached.tenant.clone(),
                machines: connection.reached.machines.clone(),
                limits: connection.reached.limits,
                tenant,
                cycle,
                history,
                demo_scenario: connection.reached.demo_scenario,
                fetched_at: Utc::now(),
                clock_offset: client.tenant_now() - Utc::now(),
            }),
            Err(err) => {
                self.reconnect_after(connection);
                Err(err)
            }
        }
    }

    fn status_view(&self, known: &Fetched, problem: Option<UserError>) -> StatusView {
        let localizer = self.localizer();
        let now = known.tenant_now();
        let judging = known.judging(&self.this_machine);
        let no_new_cycle = judging
            .no_new_cycle(&known.cycle, now)
            .map(|stall| NoNewCycleView {
                support_details: no_new_cycle_details(known, &stall, &localizer),
                guidance: judging.no_new_cycle_guidance(&stall, &localizer),
                stall,
            });
        StatusView {
            cycle: judging.view(&known.cycle, &localizer, now),
            tenant: TenantView {
                reference: known.tenant_ref.clone(),
                name: known.tenant.name.clone(),
                product: known.tenant.product,
                demo_scenario: known.demo_scenario,
            },
            fetched_at: known.fetched_at,
            problem,
            nudge: None,
            no_new_cycle,
            support_mode: false,
        }
    }
}

/// The facts support asks for when no new cycle starts, as plain text for a ticket.
fn no_new_cycle_details(
    known: &Fetched,
    stall: &NoNewCycle,
    localizer: &synkvakt_core::i18n::Localizer,
) -> String {
    let line = |label: &str, value: String| format!("{}: {value}", localizer.text(label));
    let cycle = &known.cycle;
    [
        line(
            "support-tenant",
            format!("{} ({})", known.tenant.name, known.tenant.product),
        ),
        line(
            "support-cycle",
            format!(
                "{} ({}, {})",
                cycle.id,
                cycle.kind_word(),
                cycle.state.as_wire()
            ),
        ),
        line("support-cycle-started", stall.since.to_rfc3339()),
        format!(
            "No new cycle within: {} h ({})",
            stall.limit_seconds / 3600,
            if stall.learned {
                "learned from a week or more of full cycles"
            } else {
                "the profile's default: less than a week of history"
            }
        ),
        line(
            "support-app-version",
            format!("Synkvakt {}", env!("CARGO_PKG_VERSION")),
        ),
    ]
    .join("\n")
}

/// A cycle as the session may show it: its free text masked in support mode.
pub(super) fn shown_cycle(mut cycle: CycleView, disclosure: Disclosure) -> CycleView {
    if disclosure == Disclosure::Masked {
        cycle.mask_free_text();
    }
    cycle
}

/// The one key a cycle's resume is sent with: a second press, or a second window, resuming the
/// same stopped cycle gets the first answer again.
fn resume_key(cycle_id: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    cycle_id.hash(&mut hasher);
    format!("resume-{:016x}", hasher.finish())
}

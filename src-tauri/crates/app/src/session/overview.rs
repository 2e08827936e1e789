//! The overview of every tenant followed: each one's state, last completed cycle and alerts,
//! asked a few at a time.

use super::{Session, FULL_HISTORY_LENGTH, HISTORY_LENGTH};
use crate::reach;
use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use serde::Serialize;
use specta::Type;
use synkvakt_api::model::{Cycle, CycleState, Product};
use synkvakt_core::error::{Error, Result, UserError};
use synkvakt_core::profiles::TenantRef;
use synkvakt_core::settings::Settings;
use synkvakt_core::status::{DisplayState, Judging, OverallState};

/// How many tenants the overview asks at once: 200 of them still answer within seconds.
const OVERVIEW_AT_ONCE: usize = 16;

/// One tenant in the overview.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TenantGlance {
    pub tenant: TenantRef,
    pub name: String,
    pub product: Option<Product>,
    /// `null` while the tenant cannot be reached.
    pub state: Option<OverallState>,
    pub headline: String,
    pub last_completed_at: Option<DateTime<Utc>>,
    /// What needs the admin, in words: failed or overdue steps, a stop, no new cycle.
    pub alerts: Vec<String>,
    pub problem: Option<UserError>,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct OverviewView {
    pub tenants: Vec<TenantGlance>,
    pub checked_at: DateTime<Utc>,
}

impl Session {
    /// Every tenant followed, each with its state, last completed cycle and alerts.
    pub async fn overview(&self) -> Result<OverviewView> {
        let settings = self.settings();
        let mut wanted = settings.watched_tenants();
        if let Some(active) = &settings.in_view() {
            if !wanted.contains(active) {
                wanted.insert(0, active.clone());
            }
        }
        let demo = match wanted.iter().any(TenantRef::is_demo) {
            true => Some(self.demo.ensure(settings.demo).await),
            false => None,
        };
        let localizer = self.localizer();
        let glances = futures_util::stream::iter(wanted)
            .map(|tenant| {
                let settings = &settings;
                let demo = &demo;
                let localizer = &localizer;
                async move {
                    let reached = match &tenant {
                        TenantRef::Demo { number } => match demo {
                            Some(Ok(demo)) => reach::reach_demo(settings, *number, demo),
                            Some(Err(err)) => Err(Error::DemoTenant {
                                detail: err.to_string(),
                            }),
                            None => Err(Error::NoTenant),
                        },
                        TenantRef::Profile { id } => {
                            reach::reach_profile(
                                settings,
                                id,
                                &self.secrets,
                                self.schedulers.as_ref(),
                            )
                            .await
                        }
                    };
                    let name = self.tenant_label(settings, &tenant);
                    let active = settings.in_view().as_ref() == Some(&tenant);
                    match reached {
                        Ok(reached) => self.glance(reached, name, active, localizer).await,
                        Err(err) => unreachable_glance(tenant, name, active, &err, localizer),
                    }
                }
            })
            .buffered(OVERVIEW_AT_ONCE)
            .collect()
            .await;
        Ok(OverviewView {
            tenants: glances,
            checked_at: Utc::now(),
        })
    }

    fn tenant_label(&self, settings: &Settings, tenant: &TenantRef) -> String {
        match tenant {
            TenantRef::Profile { id } => settings
                .profile(id)
                .map(|profile| profile.name.clone())
                .unwrap_or_else(|_| id.clone()),
            TenantRef::Demo { number } => self.localizer().format(
                "notify-tenant-number",
                &[("number", i64::from(*number).into())],
            ),
        }
    }

    async fn glance(
        &self,
        reached: reach::Reached,
        name: String,
        active: bool,
        localizer: &synkvakt_core::i18n::Localizer,
    ) -> TenantGlance {
        let client = &reached.client;
        let read = async {
            let tenant = client.tenant_info().await?;
            let cycle = client.current_cycle().await?;
            let history = client.cycle_history(HISTORY_LENGTH).await?.cycles;
            // Only the usual gap is learned from it: a tenant whose full history cannot be read
            // is still shown, judged by the profile's default gap.
            let full_history = match client.full_cycle_history(FULL_HISTORY_LENGTH).await {
                Ok(full) => full.cycles,
                Err(err) => {
                    tracing::warn!("no full-cycle history for the overview: {err}");
                    Vec::new()
                }
            };
            Ok::<_, Error>((tenant, cycle, history, full_history))
        };
        let (info, cycle, history, full_history) = match read.await {
            Ok(read) => read,
            Err(err) => return unreachable_glance(reached.tenant, name, active, &err, localizer),
        };
        let now = client.tenant_now();
        let judging = Judging {
            tenant: &info,
            history: &history,
            full_history: &full_history,
            limits: reached.limits,
            machines: &reached.machines,
            this_machine: &self.this_machine,
        };
        let view = judging.view(&cycle, localizer, now);
        let last_completed_at = last_completed_at(&history, &cycle);
        let no_new_cycle = judging.no_new_cycle(&cycle, now);
        let mut alerts: Vec<String> = view
            .steps
            .iter()
            .filter_map(|step| {
                let key = match step.state {
                    DisplayState::Failed => "overview-alert-failed",
                    DisplayState::Stopped => "overview-alert-stopped",
                    _ if step.overdue => "overview-alert-overdue",
                    _ => return None,
                };
                Some(localizer.format(key, &[("step", step.name.as_str().into())]))
            })
            .collect();
        if let Some(stall) = no_new_cycle {
            alerts.push(localizer.format(
                "overview-alert-no-new-cycle",
                &[("hours", (now - stall.since).num_hours().into())],
            ));
        }
        TenantGlance {
            tenant: reached.tenant,
            name: info.name,
            product: Some(info.product),
            state: Some(view.state),
            headline: view.headline,
            last_completed_at,
            alerts,
            problem: None,
            active,
        }
    }
}

/// When a cycle last finished well (completed or resumed), as far as the history tells.
fn last_completed_at(history: &[Cycle], current: &Cycle) -> Option<DateTime<Utc>> {
    history
        .iter()
        .chain(std::iter::once(current))
        .filter(|cycle| matches!(cycle.state, CycleState::Completed | CycleState::Resumed))
        .filter_map(|cycle| cycle.finished_at)
        .max()
}

fn unreachable_glance(
    tenant: TenantRef,
    name: String,
    active: bool,
    err: &Error,
    localizer: &synkvakt_core::i18n::Localizer,
) -> TenantGlance {
    let problem = err.to_user(localizer);
    TenantGlance {
        tenant,
        name,
        product: None,
        state: None,
        headline: problem.message.clone(),
        last_completed_at: None,
        alerts: Vec::new(),
        problem: Some(problem),
        active,
    }
}

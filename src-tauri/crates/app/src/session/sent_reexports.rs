//! Re-exports sent and not answered before the app stopped (a crash, a killed process, a lost
//! network): on the next start each is asked for on its tenant's queue by its key and shown.
//! Nothing is sent again on its own; one that never arrived is sent again, with the same key and
//! the same request, only after the admin confirms it again.

use super::reexport::send_keeping_the_key;
use super::{Session, TenantRef};
use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;
use synkvakt_api::model::ExportJob;
use synkvakt_core::actions::Action;
use synkvakt_core::error::{Error, Result, UserError};
use synkvakt_core::reexport::ConfirmedCounts;

/// What became of a re-export sent and not answered.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum SentOutcome {
    /// It reached the export queue: this is its job, and it is forgotten now.
    Queued { job: ExportJob },
    /// The tenant has no job for its key: it may be sent again, with the same key.
    NeverArrived,
    /// Of a tenant not in view: putting that tenant in view asks its queue.
    OtherTenant,
    /// Sent to an address the tenant's profile no longer has: never sent to the new one.
    #[serde(rename_all = "camelCase")]
    ServiceMoved { service_url: String },
    /// The queue could not be asked; asked again at the next look.
    Unknown { problem: UserError },
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SentReexportView {
    pub key: String,
    pub tenant_name: String,
    pub template_name: String,
    pub target_system: String,
    pub attributes: Vec<String>,
    pub confirmed: ConfirmedCounts,
    pub sent_at: DateTime<Utc>,
    pub outcome: SentOutcome,
}

impl Session {
    /// The re-exports sent and not answered, each asked for on the queue of the tenant in view.
    pub async fn sent_reexports(&self) -> Result<Vec<SentReexportView>> {
        let sent = self.pending_reexports.all();
        if sent.is_empty() {
            return Ok(Vec::new());
        }
        let in_view: Option<TenantRef> = self.settings_now().in_view();
        let connection = match in_view.is_some() {
            true => self.connection().await.ok(),
            false => None,
        };
        let localizer = self.localizer();
        let mut views = Vec::new();
        // One still waiting for its answer in this process is not lost: it is not shown.
        let sending = super::lock(&self.sending).clone();
        for pending in sent
            .into_iter()
            .filter(|pending| !sending.contains(&pending.idempotency_key))
        {
            let outcome = match &connection {
                Some(connection) if connection.tenant != pending.tenant => SentOutcome::OtherTenant,
                Some(connection)
                    if connection.reached.client.service_url() != pending.service_url =>
                {
                    SentOutcome::ServiceMoved {
                        service_url: pending.service_url.clone(),
                    }
                }
                Some(connection) => match job_of(&connection.reached.client, &pending).await {
                    Ok(Some(job)) => {
                        self.pending_reexports.remove(&pending.idempotency_key);
                        SentOutcome::Queued { job }
                    }
                    Ok(None) => SentOutcome::NeverArrived,
                    Err(err) => SentOutcome::Unknown {
                        problem: err.to_user(&localizer),
                    },
                },
                None => SentOutcome::OtherTenant,
            };
            views.push(SentReexportView {
                key: pending.idempotency_key,
                tenant_name: pending.tenant_name,
                template_name: pending.template_name,
                target_system: pending.target_system,
                attributes: pending.attributes,
                confirmed: pending.confirmed,
                sent_at: pending.sent_at,
                outcome,
            });
        }
        Ok(views)
    }

    /// Sends a re-export that never arrived again, after the admin confirmed its counts anew:
    /// the same request with the same key, so that the tenant queues it at most once. The queue
    /// is asked once more right before, and a job found there is the answer.
    pub async fn send_reexport_again(
        &self,
        key: String,
        confirmed: ConfirmedCounts,
    ) -> Result<ExportJob> {
        let localizer = self.localizer();
        let refused = |reason: &str| Error::Refused {
            reason: localizer.text(reason),
        };
        let pending = self
            .pending_reexports
            .all()
            .into_iter()
            .find(|pending| pending.idempotency_key == key)
            .ok_or_else(|| refused("refused-sent-reexport-gone"))?;
        let connection = self.connection().await?;
        let client = &connection.reached.client;
        if connection.tenant != pending.tenant || client.service_url() != pending.service_url {
            return Err(refused("refused-sent-reexport-other-tenant"));
        }
        if confirmed != pending.confirmed {
            return Err(refused("refused-preview-changed"));
        }
        let _sending = self.sending(key.clone());
        if let Some(job) = job_of(client, &pending).await? {
            self.pending_reexports.remove(&key);
            return Ok(job);
        }
        let action = Action::Reexport {
            template: pending.template_id.clone(),
            mapping: match pending.attributes.as_slice() {
                [one] if pending.request.mapping_id.is_some() => Some(one.clone()),
                _ => None,
            },
            scope: pending.request.scope.kind,
            users: confirmed.users,
            values: confirmed.values,
            idempotency_key: key.clone(),
        };
        let sent = self
            .actions
            .perform(&pending.tenant_name, action, async { Ok(()) }, || {
                send_keeping_the_key(client, &self.pending_reexports, &pending)
            })
            .await;
        match sent {
            // Nothing was queued, and no preview is open here to load again.
            Err(Error::PreviewOutdated { .. }) => Err(refused("refused-sent-reexport-outdated")),
            sent => sent,
        }
    }
}

/// The job the tenant made for `pending`'s key, when it is that re-export's: a job of another
/// template, mapping or user count is not taken for it.
async fn job_of(
    client: &crate::tenant_client::TenantClient,
    pending: &crate::os::pending_reexports::PendingReexport,
) -> Result<Option<ExportJob>> {
    let Some(job) = client.job_of_key(&pending.idempotency_key).await? else {
        return Ok(None);
    };
    let same = job.template_id == pending.template_id
        && job.mapping_id == pending.request.mapping_id
        && job.users == pending.confirmed.users;
    if !same {
        return Err(Error::Malformed {
            endpoint: "/api/v1/export-queue".into(),
            detail: format!("the job {} for the key is of another re-export", job.id),
        });
    }
    Ok(Some(job))
}

//! The re-export dialog: the tenant's templates, the preview downloaded in the background, and
//! Execute, once per confirmed dialog.

use crate::tenant_client::TenantClient;
use std::sync::Arc;
use synkvakt_api::model::{
    ExportJob, Mapping, PreviewRequest, ReexportRequest, ReexportScope, Template,
};
use synkvakt_core::actions::{Action, ActionPath};
use synkvakt_core::error::{Error, Result};
use synkvakt_core::i18n::Localizer;
use synkvakt_core::reexport::{ConfirmedCounts, KindOf, PreviewStore, PREVIEW_PAGE};

/// How often Execute is sent with the same key when its answer was lost.
const EXECUTE_ATTEMPTS: usize = 3;

/// Downloads the whole preview into `store`, a page at a time; dropping the future (closing the
/// dialog) stops the download.
pub async fn download(
    client: &TenantClient,
    template_id: &str,
    mapping_id: Option<String>,
    scope: ReexportScope,
    kinds: &KindOf,
    store: &PreviewStore,
) -> Result<()> {
    let mut offset = 0u32;
    loop {
        let request = PreviewRequest {
            mapping_id: mapping_id.clone(),
            scope: scope.clone(),
            offset,
            limit: PREVIEW_PAGE,
        };
        let page = client.preview_page(template_id, &request).await?;
        let received = page.rows.len() as u32;
        let total = page.total;
        store.add_page(total, page.users, page.rows, kinds);
        offset += received;
        if offset >= total || received == 0 {
            if offset < total {
                return Err(Error::Malformed {
                    endpoint: format!("/api/v1/templates/{template_id}/preview"),
                    detail: format!("an empty page at {offset} of {total} rows"),
                });
            }
            return Ok(());
        }
    }
}

/// Sends the re-export, and sends it again with the same key when the answer was lost (a timeout
/// or a broken connection): the tenant makes one job per key, so this never makes two.
pub async fn execute_exactly_once(
    client: &TenantClient,
    template_id: &str,
    request: &ReexportRequest,
    idempotency_key: &str,
) -> Result<ExportJob> {
    let mut attempt = 1;
    loop {
        match client
            .execute_reexport(template_id, request, idempotency_key)
            .await
        {
            Err(err @ (Error::Timeout { .. } | Error::Disconnected { .. }))
                if attempt < EXECUTE_ATTEMPTS =>
            {
                tracing::warn!(
                    attempt,
                    "the re-export's answer was lost; asking again: {err}"
                );
                attempt += 1;
            }
            result => return result,
        }
    }
}

/// One open re-export dialog: what it previews, the download filling its preview, and the one
/// idempotency key its Execute is sent with however often it is pressed.
pub struct ReexportDialog {
    pub id: String,
    pub template: Template,
    /// The mapping re-exported, or `None` for all of the template's.
    pub mapping: Option<Mapping>,
    pub scope: ReexportScope,
    pub store: PreviewStore,
    idempotency_key: String,
    download: tokio::task::JoinHandle<()>,
    executed: tokio::sync::Mutex<Option<ExportJob>>,
}

impl Drop for ReexportDialog {
    /// Closing the dialog stops its download.
    fn drop(&mut self) {
        self.download.abort();
    }
}

impl ReexportDialog {
    /// Opens the dialog and starts downloading its preview in the background.
    pub fn open(
        client: TenantClient,
        template: Template,
        mappings: &[Mapping],
        mapping: Option<Mapping>,
        scope: ReexportScope,
        localizer: Arc<Localizer>,
    ) -> ReexportDialog {
        let store = PreviewStore::default();
        let kinds = KindOf::new(mappings);
        let download = {
            let store = store.clone();
            let template_id = template.id.clone();
            let mapping_id = mapping.as_ref().map(|mapping| mapping.id.clone());
            let scope = scope.clone();
            tokio::spawn(async move {
                let result =
                    download(&client, &template_id, mapping_id, scope, &kinds, &store).await;
                if let Err(err) = result {
                    tracing::warn!("the re-export preview stopped: {err}");
                    store.fail(err.to_user(&localizer));
                }
            })
        };
        ReexportDialog {
            id: random_token(),
            template,
            mapping,
            scope,
            store,
            idempotency_key: random_token(),
            download,
            executed: tokio::sync::Mutex::new(None),
        }
    }

    /// Puts the re-export on the export queue once: a second press, or a retry after a lost
    /// answer, gives the same job. Refused unless the whole preview is loaded and the admin
    /// confirmed exactly its counts.
    pub async fn execute(
        &self,
        client: &TenantClient,
        actions: &ActionPath,
        tenant: &str,
        confirmed: ConfirmedCounts,
        localizer: &Localizer,
    ) -> Result<ExportJob> {
        let mut executed = self.executed.lock().await;
        if let Some(job) = executed.as_ref() {
            return Ok(job.clone());
        }
        let totals = self.store.totals();
        let complete = self.store.is_complete();
        let action = Action::Reexport {
            template: self.template.id.clone(),
            mapping: self
                .mapping
                .as_ref()
                .map(|mapping| mapping.target_attribute.clone()),
            scope: self.scope.kind,
            users: confirmed.users,
            values: confirmed.values,
            idempotency_key: self.idempotency_key.clone(),
        };
        let check = async {
            if !complete {
                return Err(Error::Refused {
                    reason: localizer.text("refused-preview-incomplete"),
                });
            }
            if totals != Some((confirmed.values, confirmed.users)) {
                return Err(Error::Refused {
                    reason: localizer.text("refused-preview-changed"),
                });
            }
            Ok(())
        };
        let request = ReexportRequest {
            mapping_id: self.mapping.as_ref().map(|mapping| mapping.id.clone()),
            scope: self.scope.clone(),
        };
        let job = actions
            .perform(tenant, action, check, || {
                execute_exactly_once(client, &self.template.id, &request, &self.idempotency_key)
            })
            .await?;
        *executed = Some(job.clone());
        Ok(job)
    }
}

/// 128 random bits in hex: dialog ids and idempotency keys.
fn random_token() -> String {
    use rand::Rng;
    let bytes: [u8; 16] = rand::rng().random();
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

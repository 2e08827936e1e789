//! The re-export dialog: the tenant's templates, the preview downloaded in the background, and
//! Execute, once per confirmed dialog.

use super::{lock, Session};
use crate::os::pending_reexports::{PendingReexport, PendingReexports};
use crate::tenant_client::TenantClient;
use std::sync::{Arc, Mutex};
use synkvakt_api::model::{
    ExportJob, ExportQueue, Mapping, PreviewRequest, ReexportRequest, ReexportScope, ScopeKind,
    Template,
};
use synkvakt_api::personal::PersonalData;
use synkvakt_core::actions::{random_token, Action, ActionPath};
use synkvakt_core::error::{Error, Result};
use synkvakt_core::i18n::Localizer;
use synkvakt_core::profiles::TenantRef;
use synkvakt_core::reexport::{
    ConfirmedCounts, KindOf, PreviewOpened, PreviewQuery, PreviewStore, PreviewWindow,
    TemplateView, UserPickView, UserSearchView, PREVIEW_PAGE,
};

/// The largest selection a re-export takes, as the contract allows.
const MAX_SELECTION: usize = 10_000;

/// Downloads the whole preview into `store`, a page at a time; dropping the future (closing the
/// dialog) stops the download.
pub async fn download(
    client: &TenantClient,
    template_id: &str,
    mapping_id: Option<String>,
    scope: ReexportScope,
    kinds: &KindOf,
    store: &PreviewStore,
    localizer: &Localizer,
) -> Result<()> {
    /// How often the preview starts over when the data changes under it.
    const MAX_RESTARTS: u32 = 3;
    let mut offset = 0u32;
    let mut restarts = 0;
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
        if !store.add_page(&page.preview_token, total, page.users, page.rows, kinds) {
            // The data changed between two pages: the rows so far are of other data.
            restarts += 1;
            if restarts > MAX_RESTARTS {
                return Err(Error::Refused {
                    reason: localizer.text("refused-preview-unsteady"),
                });
            }
            tracing::info!("the data changed while the preview loaded; loading it again");
            store.reset();
            offset = 0;
            continue;
        }
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

/// The tenant a dialog belongs to, as it was reached when the dialog opened.
#[derive(Clone)]
pub struct DialogTenant {
    pub client: TenantClient,
    /// Its name, as the audit trail records it.
    pub name: String,
    /// Which tenant it is, for a re-export sent and not answered.
    pub reference: TenantRef,
}

/// One open re-export dialog: what it previews, the download filling its preview, and the one
/// idempotency key its Execute is sent with however often it is pressed.
pub struct ReexportDialog {
    pub id: String,
    /// The tenant the dialog was opened on: Execute goes there, whichever tenant is in view by
    /// then.
    tenant: DialogTenant,
    pub template: Template,
    /// The mapping re-exported, or `None` for all of the template's.
    pub mapping: Option<Mapping>,
    pub scope: ReexportScope,
    pub store: PreviewStore,
    /// The target attributes the re-export overwrites.
    pub attributes: Vec<String>,
    kinds: KindOf,
    localizer: Arc<Localizer>,
    /// The key of the Execute the admin confirms; a new one once the tenant refused an Execute
    /// because the data changed, as the next confirmation is of other counts.
    idempotency_key: Mutex<String>,
    download: Mutex<Option<tokio::task::JoinHandle<()>>>,
    executed: tokio::sync::Mutex<Option<ExportJob>>,
}

impl Drop for ReexportDialog {
    /// Closing the dialog stops its download.
    fn drop(&mut self) {
        if let Some(download) = lock(&self.download).take() {
            download.abort();
        }
    }
}

impl ReexportDialog {
    /// Opens the dialog and starts downloading its preview in the background.
    pub fn open(
        tenant: DialogTenant,
        template: Template,
        mappings: &[Mapping],
        mapping: Option<Mapping>,
        scope: ReexportScope,
        localizer: Arc<Localizer>,
    ) -> ReexportDialog {
        let attributes = match &mapping {
            Some(mapping) => vec![mapping.target_attribute.clone()],
            None => mappings
                .iter()
                .map(|mapping| mapping.target_attribute.clone())
                .collect(),
        };
        let dialog = ReexportDialog {
            id: random_token(),
            tenant,
            template,
            mapping,
            scope,
            store: PreviewStore::default(),
            attributes,
            kinds: KindOf::new(mappings),
            localizer,
            idempotency_key: Mutex::new(random_token()),
            download: Mutex::new(None),
            executed: tokio::sync::Mutex::new(None),
        };
        dialog.load_preview();
        dialog
    }

    /// (Re)starts the download of the whole preview, dropping any rows loaded before.
    fn load_preview(&self) {
        self.store.reset();
        let client = self.tenant.client.clone();
        let store = self.store.clone();
        let kinds = self.kinds.clone();
        let localizer = self.localizer.clone();
        let template_id = self.template.id.clone();
        let mapping_id = self.mapping_id();
        let scope = self.scope.clone();
        let download = tokio::spawn(async move {
            let result = download(
                &client,
                &template_id,
                mapping_id,
                scope,
                &kinds,
                &store,
                &localizer,
            )
            .await;
            if let Err(err) = result {
                tracing::warn!("the re-export preview stopped: {err}");
                store.fail(err.to_user(&localizer));
            }
        });
        if let Some(earlier) = lock(&self.download).replace(download) {
            earlier.abort();
        }
    }

    /// The key the next Execute goes with.
    fn key(&self) -> String {
        lock(&self.idempotency_key).clone()
    }

    fn mapping_id(&self) -> Option<String> {
        self.mapping.as_ref().map(|mapping| mapping.id.clone())
    }

    /// Puts the re-export on the export queue once: a second press, or a retry after a lost
    /// answer, gives the same job. Refused unless the whole preview is loaded and the admin
    /// confirmed exactly its counts. The request names the preview confirmed; the key is on disk
    /// before it goes out and gone once the tenant answered.
    pub async fn execute(
        &self,
        actions: &ActionPath,
        confirmed: ConfirmedCounts,
        sent: &PendingReexports,
    ) -> Result<ExportJob> {
        let mut executed = self.executed.lock().await;
        if let Some(job) = executed.as_ref() {
            return Ok(job.clone());
        }
        let localizer = &self.localizer;
        let counts = self.store.counts();
        let token = self.store.token();
        let key = self.key();
        let action = Action::Reexport {
            template: self.template.id.clone(),
            mapping: self
                .mapping
                .as_ref()
                .map(|mapping| mapping.target_attribute.clone()),
            scope: self.scope.kind,
            users: confirmed.users,
            values: confirmed.values,
            idempotency_key: key.clone(),
        };
        let check = async {
            let (Some(counts), Some(_)) = (counts, &token) else {
                return Err(Error::Refused {
                    reason: localizer.text("refused-preview-incomplete"),
                });
            };
            if counts != confirmed {
                return Err(Error::Refused {
                    reason: localizer.text("refused-preview-changed"),
                });
            }
            Ok(())
        };
        let pending = PendingReexport {
            idempotency_key: key.clone(),
            tenant: self.tenant.reference.clone(),
            service_url: self.tenant.client.service_url().to_string(),
            tenant_name: self.tenant.name.clone(),
            template_id: self.template.id.clone(),
            template_name: self.template.name.clone(),
            target_system: self.template.target_system.clone(),
            attributes: self.attributes.clone(),
            request: ReexportRequest {
                mapping_id: self.mapping_id(),
                scope: self.scope.clone(),
                preview_token: token.clone().unwrap_or_default(),
            },
            confirmed,
            sent_at: chrono::Utc::now(),
        };
        let answer = actions
            .perform(&self.tenant.name, action, check, || {
                send_keeping_the_key(&self.tenant.client, sent, &pending)
            })
            .await;
        match answer {
            Ok(job) => {
                *executed = Some(job.clone());
                Ok(job)
            }
            Err(err @ Error::PreviewOutdated { .. }) => {
                // Nothing was queued: the admin confirms the preview as the data is now.
                *lock(&self.idempotency_key) = random_token();
                self.load_preview();
                Err(err)
            }
            Err(err) => Err(err),
        }
    }
}

/// A re-export whose answer is awaited; dropping it says the answer came (or never will here).
pub(super) struct Sending<'a> {
    keys: &'a Mutex<std::collections::HashSet<String>>,
    key: String,
}

impl Drop for Sending<'_> {
    fn drop(&mut self) {
        lock(self.keys).remove(&self.key);
    }
}

/// Sends a re-export with its key written to disk first, and forgets the key once the tenant
/// answered: a job, or a refusal that queued nothing. A lost answer keeps it, for the next
/// start to ask the queue about.
pub(super) async fn send_keeping_the_key(
    client: &TenantClient,
    sent: &PendingReexports,
    pending: &PendingReexport,
) -> Result<ExportJob> {
    sent.write(pending).map_err(|err| Error::Io {
        action: "writing the re-export's key to",
        path: sent.folder().to_path_buf(),
        detail: err.to_string(),
    })?;
    let answer = client
        .execute_reexport(
            &pending.template_id,
            &pending.request,
            &pending.idempotency_key,
        )
        .await;
    match &answer {
        Err(err) if err.answer_lost() => {}
        _ => sent.remove(&pending.idempotency_key),
    }
    answer
}

impl Session {
    /// The tenant's templates, each with its export mappings.
    pub async fn reexport_templates(&self) -> Result<Vec<TemplateView>> {
        let connection = self.connection().await?;
        let client = &connection.reached.client;
        let answer = async {
            let mut views = Vec::new();
            for template in client.templates().await?.templates {
                let mappings = client.mappings(&template.id).await?.mappings;
                views.push(TemplateView::new(&template, &mappings));
            }
            Ok(views)
        };
        let answer = answer.await;
        self.for_tenant_in_view(&connection, answer)
    }

    /// Users to pick for a selection, by ID or name.
    pub async fn search_users(&self, search: String) -> Result<UserSearchView> {
        synkvakt_core::profiles::checked_search("search", &search)?;
        let connection = self.connection().await?;
        let answer = connection
            .reached
            .client
            .search_users(search.trim(), 20)
            .await;
        let found = self.for_tenant_in_view(&connection, answer)?;
        let disclosure = self.disclosure();
        Ok(UserSearchView {
            total: found.total,
            users: found
                .users
                .into_iter()
                .map(|user| UserPickView {
                    id: user.id,
                    name: user.name.disclose(disclosure),
                    department: user.department,
                })
                .collect(),
        })
    }

    /// Opens the re-export dialog's preview for one mapping (or all of the template's) and a
    /// scope, closing any other; its rows download in the background.
    pub async fn open_preview(
        &self,
        template_id: String,
        mapping_id: Option<String>,
        scope: ReexportScope,
    ) -> Result<PreviewOpened> {
        let localizer = self.localizer();
        let invalid = |key: &str| Error::Refused {
            reason: localizer.text(key),
        };
        match scope.kind {
            ScopeKind::All if !scope.user_ids.is_empty() => return Err(invalid("refused-scope")),
            ScopeKind::Selection if scope.user_ids.is_empty() => {
                return Err(invalid("refused-empty-selection"))
            }
            _ if scope.user_ids.len() > MAX_SELECTION => {
                return Err(invalid("refused-selection-too-large"))
            }
            _ if scope
                .user_ids
                .iter()
                .any(|id| id.is_empty() || id.len() > 64) =>
            {
                return Err(invalid("refused-scope"))
            }
            _ => {}
        }
        let connection = self.connection().await?;
        let client = connection.reached.client.clone();
        let template = client
            .templates()
            .await?
            .templates
            .into_iter()
            .find(|template| template.id == template_id)
            .ok_or_else(|| invalid("refused-no-such-template"))?;
        let mappings = client.mappings(&template.id).await?.mappings;
        let mapping = match &mapping_id {
            Some(id) => Some(
                mappings
                    .iter()
                    .find(|mapping| &mapping.id == id)
                    .cloned()
                    .ok_or_else(|| invalid("refused-no-such-template"))?,
            ),
            None => None,
        };
        let dialog = ReexportDialog::open(
            DialogTenant {
                client,
                name: connection.tenant_name.clone(),
                reference: connection.tenant.clone(),
            },
            template.clone(),
            &mappings,
            mapping,
            scope.clone(),
            localizer.clone(),
        );
        let opened = PreviewOpened {
            preview_id: dialog.id.clone(),
            tenant_name: connection.tenant_name.clone(),
            template_name: template.name,
            target_system: template.target_system,
            attributes: dialog.attributes.clone(),
            scope,
        };
        self.for_tenant_in_view(&connection, Ok(()))?;
        *lock(&self.reexport) = Some(Arc::new(dialog));
        Ok(opened)
    }

    fn dialog(&self, preview_id: &str) -> Result<Arc<ReexportDialog>> {
        lock(&self.reexport)
            .as_ref()
            .filter(|dialog| dialog.id == preview_id)
            .cloned()
            .ok_or_else(|| Error::Refused {
                reason: self.localizer().text("refused-preview-closed"),
            })
    }

    /// The window of the preview's rows the page shows, filtered and sorted in Rust.
    pub async fn preview_window(
        &self,
        preview_id: String,
        query: PreviewQuery,
    ) -> Result<PreviewWindow> {
        synkvakt_core::profiles::checked_search("search", &query.user_id)?;
        synkvakt_core::profiles::checked_search("search", &query.text)?;
        let dialog = self.dialog(&preview_id)?;
        Ok(dialog.store.window(&query, self.disclosure()))
    }

    /// Closes the dialog: its download stops and its rows are dropped.
    pub async fn close_preview(&self, preview_id: String) {
        let mut open = lock(&self.reexport);
        if open.as_ref().is_some_and(|dialog| dialog.id == preview_id) {
            *open = None;
        }
    }

    /// Executes the dialog's re-export after the admin confirmed its counts: one job, however
    /// often it is asked for, on the tenant the dialog was opened on.
    pub async fn execute_reexport(
        &self,
        preview_id: String,
        confirmed: ConfirmedCounts,
    ) -> Result<synkvakt_api::model::ExportJob> {
        let dialog = self.dialog(&preview_id)?;
        let _sending = self.sending(dialog.key());
        dialog
            .execute(&self.actions, confirmed, &self.pending_reexports)
            .await
    }

    /// Notes `key` as sent and not answered until the guard is dropped, wherever its dialog
    /// went meanwhile (closed, replaced, another tenant put in view).
    pub(super) fn sending(&self, key: String) -> Sending<'_> {
        lock(&self.sending).insert(key.clone());
        Sending {
            keys: &self.sending,
            key,
        }
    }

    /// Whether a re-export waits for its answer: the window then closes only after it came.
    pub fn reexport_under_way(&self) -> bool {
        !lock(&self.sending).is_empty()
    }

    /// Before the app exits: waits until the Execute on its way has its answer.
    pub async fn settle_reexport(&self) {
        while self.reexport_under_way() {
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
    }

    pub async fn export_queue(&self) -> Result<ExportQueue> {
        let connection = self.connection().await?;
        let answer = connection.reached.client.export_queue().await;
        self.for_tenant_in_view(&connection, answer)
    }
}

//! The tenant API client: https only (plain http to loopback), a bearer API key, timeouts, and
//! response bodies read up to a limit, so that a misbehaving server can neither hang nor flood us.

use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use reqwest::{StatusCode, Url};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use synkvakt_api::model::{
    ApiError, CacheCleared, Cycle, CycleHistory, ExportJob, ExportQueue, ImportChange, ImportLog,
    MappingList, PreviewOutdated, PreviewPage, PreviewRequest, ReexportRequest, TemplateList,
    TenantInfo, UserSearch,
};
use synkvakt_core::addresses::{is_loopback, service_base};
use synkvakt_core::error::{Error, Result};
use synkvakt_core::manual_sync::CycleSource;
use synkvakt_core::settings::NetworkSettings;

/// A difference between the clocks below this is the `Date` header's one-second resolution.
const CLOCK_JITTER: chrono::Duration = chrono::Duration::seconds(2);

/// Far above the largest cycle history, far below what would hurt the app.
pub const MAX_RESPONSE_BYTES: usize = 4 * 1024 * 1024;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
/// How often a request that changes something is sent with its key when its answer was lost.
const KEYED_ATTEMPTS: usize = 3;

#[derive(Clone)]
pub struct TenantClient {
    base: Url,
    api_key: String,
    http: reqwest::Client,
    request_timeout: Duration,
    /// How far the tenant's clock is ahead of this computer's, from its last `Date` header.
    clock_offset: Arc<Mutex<chrono::Duration>>,
}

impl std::fmt::Debug for TenantClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The API key stays out of every debug print and log line.
        f.debug_struct("TenantClient")
            .field("base", &self.base.as_str())
            .finish()
    }
}

impl TenantClient {
    /// A client over the system's trust store and proxy, as the demo tenant and the tests use.
    pub fn new(service_url: &str, api_key: &str) -> Result<TenantClient> {
        Self::with_network(service_url, api_key, &NetworkSettings::default())
    }

    pub fn with_timeout(
        service_url: &str,
        api_key: &str,
        request_timeout: Duration,
    ) -> Result<TenantClient> {
        Self::build(
            service_url,
            api_key,
            &NetworkSettings::default(),
            request_timeout,
        )
    }

    /// A client as the settings' network part says: the OS's trust store and any extra CA,
    /// the system's proxy or the one named.
    pub fn with_network(
        service_url: &str,
        api_key: &str,
        network: &NetworkSettings,
    ) -> Result<TenantClient> {
        Self::build(service_url, api_key, network, REQUEST_TIMEOUT)
    }

    fn build(
        service_url: &str,
        api_key: &str,
        network: &NetworkSettings,
        request_timeout: Duration,
    ) -> Result<TenantClient> {
        let base = service_base(service_url)?;
        // Certificates are checked against the OS's own roots (reqwest's native roots): an
        // enterprise CA the OS trusts is trusted here. There is no way to turn checking off.
        let mut http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(request_timeout)
            .https_only(base.scheme() == "https")
            // The API never redirects: following one would send the API key to wherever it
            // points, so a redirect is an answer, reported as a wrong address.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("Synkvakt/", env!("CARGO_PKG_VERSION")));
        if base.scheme() == "https" {
            for certificate in extra_ca_certificates(network)? {
                http = http.add_root_certificate(certificate);
            }
        } else {
            // Plain http to this machine has no certificate to check: reading the OS's trust
            // store for it would cost each of 200 demo tenants a few milliseconds for nothing.
            http = http.tls_built_in_root_certs(false);
        }
        if is_loopback(&base) {
            // The demo tenant and a tenant tunnelled to this machine never go through a proxy.
            http = http.no_proxy();
        } else if let Some(proxy) = network.proxy.as_deref().filter(|p| !p.trim().is_empty()) {
            let proxy = reqwest::Proxy::all(proxy.trim()).map_err(|_| Error::Invalid {
                field: "proxy",
                rule: "url",
                limit: 0,
            })?;
            http = http.proxy(proxy);
        }
        let http = http.build().map_err(|err| Error::Unreachable {
            url: service_url.to_string(),
            detail: err.to_string(),
        })?;
        Ok(TenantClient {
            base,
            api_key: api_key.to_string(),
            http,
            request_timeout,
            clock_offset: Arc::new(Mutex::new(chrono::Duration::zero())),
        })
    }

    /// The service's address as the client uses it, with a trailing slash.
    pub fn service_url(&self) -> &str {
        self.base.as_str()
    }

    pub async fn tenant_info(&self) -> Result<TenantInfo> {
        self.get_json("api/v1/tenant").await
    }

    pub async fn current_cycle(&self) -> Result<Cycle> {
        self.get_json("api/v1/cycles/current").await
    }

    pub async fn cycle_history(&self, limit: u32) -> Result<CycleHistory> {
        self.get_json(&format!("api/v1/cycles?limit={limit}")).await
    }

    /// The newest full cycles, which reach back far enough to learn the usual gap between
    /// cycle starts.
    pub async fn full_cycle_history(&self, limit: u32) -> Result<CycleHistory> {
        self.get_json(&format!("api/v1/cycles?kind=full&limit={limit}"))
            .await
    }

    /// A page of the newest import's log: of one kind or all, matching a search or not.
    pub async fn import_log(&self, query: &ImportLogQuery) -> Result<ImportLog> {
        let mut url = self.join("api/v1/imports/latest/log")?;
        {
            let mut pairs = url.query_pairs_mut();
            if let Some(kind) = query.kind {
                pairs.append_pair("kind", kind_word(kind));
            }
            if !query.search.is_empty() {
                pairs.append_pair("search", &query.search);
            }
            pairs.append_pair("offset", &query.offset.to_string());
            pairs.append_pair("limit", &query.limit.to_string());
        }
        self.send_json(reqwest::Method::GET, url).await
    }

    /// Clears the cache of the service's web interface, so that it shows fresh data.
    pub async fn clear_cache(&self, idempotency_key: &str) -> Result<CacheCleared> {
        let url = self.join("api/v1/cache/clear")?;
        self.send_keyed(url, None::<&()>, idempotency_key).await
    }

    /// Starts a new cycle through the API, where the tenant says it can (`canStartCycle`). The
    /// same `idempotency_key` never starts a second one.
    pub async fn start_cycle(&self, idempotency_key: &str) -> Result<Cycle> {
        let url = self.join("api/v1/cycles")?;
        self.send_keyed(url, None::<&()>, idempotency_key).await
    }

    /// Sends a request that changes something, and sends it again with the same key when its
    /// answer was lost (a timeout or a broken connection): the tenant acts once per key, so a
    /// lost answer never becomes a second action.
    async fn send_keyed<B: Serialize, T: DeserializeOwned>(
        &self,
        url: Url,
        body: Option<&B>,
        idempotency_key: &str,
    ) -> Result<T> {
        let mut attempt = 1;
        loop {
            let mut request = self
                .http
                .post(url.clone())
                .header("Idempotency-Key", idempotency_key);
            if let Some(body) = body {
                request = request.json(body);
            }
            match self.send(request, url.clone()).await {
                Err(err @ (Error::Timeout { .. } | Error::Disconnected { .. }))
                    if attempt < KEYED_ATTEMPTS =>
                {
                    tracing::warn!(
                        attempt,
                        endpoint = url.path(),
                        "the answer was lost; asking again with the same key: {err}"
                    );
                    attempt += 1;
                }
                result => return result,
            }
        }
    }

    /// The synchronization templates, one per target system.
    pub async fn templates(&self) -> Result<TemplateList> {
        self.get_json("api/v1/templates").await
    }

    /// A template's export mappings.
    pub async fn mappings(&self, template_id: &str) -> Result<MappingList> {
        let url = self.path(&["api", "v1", "templates", template_id, "mappings"])?;
        self.send_json(reqwest::Method::GET, url).await
    }

    /// Users whose ID or name contains `search`, for picking a selection.
    pub async fn search_users(&self, search: &str, limit: u32) -> Result<UserSearch> {
        let mut url = self.join("api/v1/users")?;
        url.query_pairs_mut()
            .append_pair("search", search)
            .append_pair("limit", &limit.to_string());
        self.send_json(reqwest::Method::GET, url).await
    }

    /// One page of what a re-export would write.
    pub async fn preview_page(
        &self,
        template_id: &str,
        request: &PreviewRequest,
    ) -> Result<PreviewPage> {
        let url = self.path(&["api", "v1", "templates", template_id, "preview"])?;
        self.send_body(url, request).await
    }

    /// Puts a re-export on the export queue. The same `idempotency_key` never makes a second job,
    /// so a request whose answer was lost is simply sent again.
    pub async fn execute_reexport(
        &self,
        template_id: &str,
        request: &ReexportRequest,
        idempotency_key: &str,
    ) -> Result<ExportJob> {
        let url = self.path(&["api", "v1", "templates", template_id, "reexport"])?;
        self.send_keyed(url, Some(request), idempotency_key).await
    }

    /// The export queue, newest job first.
    pub async fn export_queue(&self) -> Result<ExportQueue> {
        self.get_json("api/v1/export-queue").await
    }

    /// The job the re-export sent with `idempotency_key` made, or `None` when the tenant never
    /// got it.
    pub async fn job_of_key(&self, idempotency_key: &str) -> Result<Option<ExportJob>> {
        let mut url = self.join("api/v1/export-queue")?;
        url.query_pairs_mut()
            .append_pair("idempotencyKey", idempotency_key);
        let queue: ExportQueue = self.send_json(reqwest::Method::GET, url).await?;
        if queue.jobs.len() > 1 {
            // A service that ignores the key answers its whole queue: no job can be trusted.
            return Err(Error::Malformed {
                endpoint: "/api/v1/export-queue".into(),
                detail: format!("{} jobs for one idempotency key", queue.jobs.len()),
            });
        }
        Ok(queue.jobs.into_iter().next())
    }

    /// The service's address with `segments` as the path, each escaped as a path segment.
    fn path(&self, segments: &[&str]) -> Result<Url> {
        let mut url = self.base.clone();
        url.path_segments_mut()
            .map_err(|_| Error::InvalidUrl {
                url: self.base.to_string(),
            })?
            .pop_if_empty()
            .extend(segments);
        Ok(url)
    }

    /// Releases the cycle the import filter stopped.
    pub async fn resume(&self, cycle_id: &str, idempotency_key: &str) -> Result<Cycle> {
        let mut url = self.join("api/v1/cycles/")?;
        url.path_segments_mut()
            .map_err(|_| Error::InvalidUrl {
                url: self.base.to_string(),
            })?
            .pop_if_empty()
            .push(cycle_id)
            .push("resume");
        self.send_keyed(url, None::<&()>, idempotency_key).await
    }

    fn join(&self, path: &str) -> Result<Url> {
        self.base.join(path).map_err(|_| Error::InvalidUrl {
            url: path.to_string(),
        })
    }

    /// Now by the tenant's clock: step times are the tenant's, so their age and whether a step is
    /// past its usual time are judged by it, whatever this computer's clock says.
    pub fn tenant_now(&self) -> DateTime<Utc> {
        let offset = *self.clock_offset.lock().unwrap_or_else(|p| p.into_inner());
        Utc::now() + offset
    }

    fn note_clock(&self, headers: &reqwest::header::HeaderMap) {
        let Some(date) = headers
            .get(reqwest::header::DATE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| DateTime::parse_from_rfc2822(value).ok())
        else {
            return;
        };
        let offset = date.with_timezone(&Utc) - Utc::now();
        let offset = if offset.abs() < CLOCK_JITTER {
            chrono::Duration::zero()
        } else {
            offset
        };
        *self.clock_offset.lock().unwrap_or_else(|p| p.into_inner()) = offset;
    }

    async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T> {
        let url = self.join(path)?;
        self.send_json(reqwest::Method::GET, url).await
    }

    async fn send_json<T: DeserializeOwned>(&self, method: reqwest::Method, url: Url) -> Result<T> {
        let request = self.http.request(method, url.clone());
        self.send(request, url).await
    }

    /// Sends `body` as JSON.
    async fn send_body<B: Serialize, T: DeserializeOwned>(&self, url: Url, body: &B) -> Result<T> {
        let request = self.http.post(url.clone()).json(body);
        self.send(request, url).await
    }

    async fn send<T: DeserializeOwned>(
        &self,
        request: reqwest::RequestBuilder,
        url: Url,
    ) -> Result<T> {
        let answer = self.exchange(request, url).await?;
        answer.decode()
    }

    /// Sends the request and reads the answer; an error status is an error, "not modified" is not.
    async fn exchange(&self, request: reqwest::RequestBuilder, url: Url) -> Result<Answer> {
        let endpoint = url.path().to_string();
        let response = request
            .bearer_auth(&self.api_key)
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .map_err(|err| self.transport_error(&url, &endpoint, err))?;
        let status = response.status();
        self.note_clock(response.headers());
        let etag = response
            .headers()
            .get(reqwest::header::ETAG)
            .and_then(|value| value.to_str().ok())
            .map(str::to_string);
        let location = response
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|value| value.to_str().ok())
            .map(str::to_string);
        let body = self.read_limited(response, &endpoint, &url).await?;
        if status == StatusCode::PROXY_AUTHENTICATION_REQUIRED {
            return Err(Error::ProxyAuth {
                url: url.as_str().to_string(),
            });
        }
        if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
            let to = location
                .as_deref()
                .and_then(|location| url.join(location).ok())
                .map_or_else(|| "?".to_string(), |to| to.to_string());
            return Err(Error::Redirected {
                url: self.base.to_string(),
                to,
            });
        }
        if status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN {
            return Err(Error::Unauthorized {
                status: status.as_u16(),
            });
        }
        if status == StatusCode::CONFLICT {
            if let Ok(outdated) = serde_json::from_slice::<PreviewOutdated>(&body) {
                return Err(Error::PreviewOutdated {
                    users: outdated.users,
                    values: outdated.total,
                });
            }
        }
        if !status.is_success() && status != StatusCode::NOT_MODIFIED {
            let (code, message) = match serde_json::from_slice::<ApiError>(&body) {
                Ok(api_error) => (api_error.code, api_error.message),
                Err(_) => (
                    "no-error-body".to_string(),
                    String::from_utf8_lossy(&body).chars().take(200).collect(),
                ),
            };
            // The tenant's words may name someone; they reach logs and support's details.
            let message = synkvakt_core::masking::mask_text(&message).into_owned();
            return Err(Error::Status {
                endpoint,
                status: status.as_u16(),
                code,
                message,
            });
        }
        Ok(Answer {
            endpoint,
            not_modified: status == StatusCode::NOT_MODIFIED,
            etag,
            body,
        })
    }

    /// The current cycle, unless it is the one `etag` names: then the tenant answers "not
    /// modified" with no body, which is what makes polling all day cheap.
    pub async fn current_cycle_if_changed(&self, etag: Option<&str>) -> Result<Conditional<Cycle>> {
        let url = self.join("api/v1/cycles/current")?;
        let mut request = self.http.get(url.clone());
        if let Some(etag) = etag {
            request = request.header(reqwest::header::IF_NONE_MATCH, etag);
        }
        let answer = self.exchange(request, url).await?;
        if answer.not_modified {
            return Ok(Conditional::Unchanged);
        }
        let etag = answer.etag.clone();
        Ok(Conditional::Changed {
            value: answer.decode()?,
            etag,
        })
    }

    async fn read_limited(
        &self,
        response: reqwest::Response,
        endpoint: &str,
        url: &Url,
    ) -> Result<Vec<u8>> {
        let too_large = || Error::TooLarge {
            endpoint: endpoint.to_string(),
            limit_bytes: MAX_RESPONSE_BYTES,
        };
        if response
            .content_length()
            .is_some_and(|length| length > MAX_RESPONSE_BYTES as u64)
        {
            return Err(too_large());
        }
        let mut body = Vec::new();
        let mut stream = response.bytes_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|err| self.transport_error(url, endpoint, err))?;
            if body.len() + chunk.len() > MAX_RESPONSE_BYTES {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    fn transport_error(&self, url: &Url, endpoint: &str, err: reqwest::Error) -> Error {
        let url = url.as_str().to_string();
        if err.is_timeout() {
            Error::Timeout {
                url,
                seconds: self.request_timeout.as_secs().max(1),
            }
        } else if err.is_connect() {
            let detail = root_cause(&err);
            if detail.contains("proxy authorization required") {
                Error::ProxyAuth { url }
            } else if is_certificate_problem(&detail) {
                Error::Tls { url, detail }
            } else {
                Error::Unreachable { url, detail }
            }
        } else {
            Error::Disconnected {
                endpoint: endpoint.to_string(),
                detail: root_cause(&err),
            }
        }
    }
}

/// A read that may come back as "not modified".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conditional<T> {
    Changed { value: T, etag: Option<String> },
    Unchanged,
}

struct Answer {
    endpoint: String,
    not_modified: bool,
    etag: Option<String>,
    body: Vec<u8>,
}

impl Answer {
    fn decode<T: DeserializeOwned>(&self) -> Result<T> {
        if self.not_modified {
            return Err(Error::Malformed {
                endpoint: self.endpoint.clone(),
                detail: "\"not modified\" to a request that did not ask for it".into(),
            });
        }
        serde_json::from_slice(&self.body).map_err(|err| Error::Malformed {
            endpoint: self.endpoint.clone(),
            detail: err.to_string(),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportLogQuery {
    pub kind: Option<ImportChange>,
    pub search: String,
    pub offset: u32,
    pub limit: u32,
}

fn kind_word(kind: ImportChange) -> &'static str {
    match kind {
        ImportChange::Add => "add",
        ImportChange::Edit => "edit",
        ImportChange::Delete => "delete",
    }
}

fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut source = err;
    while let Some(next) = source.source() {
        source = next;
    }
    source.to_string()
}

/// rustls's words for a certificate it would not accept, and for the alert of a server that
/// would not accept ours.
fn is_certificate_problem(detail: &str) -> bool {
    let detail = detail.to_ascii_lowercase();
    ["certificate", "handshake", "received fatal alert"]
        .iter()
        .any(|word| detail.contains(word))
}

/// A CA file is a few certificates: anything larger is not one.
const MAX_CA_FILE_BYTES: u64 = 1024 * 1024;

impl CycleSource for TenantClient {
    fn now(&self) -> DateTime<Utc> {
        self.tenant_now()
    }

    fn current_cycle(&self) -> impl Future<Output = Result<Cycle>> + Send {
        TenantClient::current_cycle(self)
    }

    async fn can_start_cycle(&self) -> Result<bool> {
        Ok(self.tenant_info().await?.can_start_cycle)
    }

    async fn can_clear_cache(&self) -> Result<bool> {
        Ok(self.tenant_info().await?.can_clear_cache)
    }

    async fn start_cycle(&self, idempotency_key: &str) -> Result<()> {
        TenantClient::start_cycle(self, idempotency_key)
            .await
            .map(drop)
    }

    async fn clear_cache(&self, idempotency_key: &str) -> Result<()> {
        TenantClient::clear_cache(self, idempotency_key)
            .await
            .map(drop)
    }
}

/// The certificates of the network settings' extra CA file, none when no file is named.
pub fn extra_ca_certificates(network: &NetworkSettings) -> Result<Vec<reqwest::Certificate>> {
    let Some(path) = network
        .extra_ca_file
        .as_deref()
        .filter(|p| !p.trim().is_empty())
    else {
        return Ok(Vec::new());
    };
    let path = PathBuf::from(path.trim());
    let unusable = |detail: String| Error::ExtraCa {
        path: path.clone(),
        detail,
    };
    let size = std::fs::metadata(&path)
        .map_err(|err| unusable(err.to_string()))?
        .len();
    if size > MAX_CA_FILE_BYTES {
        return Err(unusable(format!("{size} bytes is too large for a CA file")));
    }
    let pem = std::fs::read(&path).map_err(|err| unusable(err.to_string()))?;
    let certificates =
        reqwest::Certificate::from_pem_bundle(&pem).map_err(|err| unusable(err.to_string()))?;
    if certificates.is_empty() {
        return Err(unusable("the file holds no PEM certificate".to_string()));
    }
    Ok(certificates)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_is_only_for_loopback() {
        assert!(TenantClient::new("http://127.0.0.1:8080", "k").is_ok());
        assert!(TenantClient::new("http://localhost:8080", "k").is_ok());
        assert!(TenantClient::new("http://[::1]:8080", "k").is_ok());
        assert!(TenantClient::new("https://kommune.example.no", "k").is_ok());
        assert!(matches!(
            TenantClient::new("http://kommune.example.no", "k"),
            Err(Error::InsecureUrl { .. })
        ));
        assert!(matches!(
            TenantClient::new("ftp://x", "k"),
            Err(Error::InvalidUrl { .. })
        ));
        assert!(matches!(
            TenantClient::new("not a url", "k"),
            Err(Error::InvalidUrl { .. })
        ));
    }

    #[test]
    fn the_key_never_shows_in_debug_output() {
        let client = TenantClient::new("http://127.0.0.1:1", "very-secret").unwrap();
        assert!(!format!("{client:?}").contains("very-secret"));
    }
}

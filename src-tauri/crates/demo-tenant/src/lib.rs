//! A simulated eAdm or eFeide tenant that speaks the tenant API on loopback.
//!
//! Besides the API it answers a few control requests under `/_demo/` that the real service does
//! not have: leases from the Synkvakt processes that use it, and the test clock.

mod client_logs;
pub mod directory;
pub mod import_log;
mod keys;
mod reexport;
pub mod simulation;
pub mod templates;

use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Timelike, Utc};
use directory::Directory;
use serde::Deserialize;
use simulation::Simulation;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use synkvakt_api::demo_protocol::{RuntimeFile, Scenario, LEASE_EXPIRY, MAX_DEMO_TENANTS};
use synkvakt_api::model::{
    ApiError, CacheCleared, Cycle, CycleHistory, CycleKind, CycleState, ImportChange, ImportLog,
    ImportLogEntry, Product,
};
use synkvakt_api::personal::PersonalData;
use templates::TemplateDef;

#[derive(Debug, Clone)]
pub struct DemoConfig {
    pub product: Product,
    pub scenario: Scenario,
    /// How much faster than real ones the demo's steps run (60: a four-minute step takes four
    /// seconds); with the test clock steps take their real length and time moves only on request.
    pub time_scale: f64,
    /// Time moves only when a test advances it.
    pub test_clock: bool,
    pub api_key: String,
    /// The tenant starts cycles through its API, as newer eAdm versions do.
    pub can_start_cycle: bool,
    /// The tenant clears the admin's cache of the web portal through its API. Off by default:
    /// the guide's cache is the admin's own in the portal, which older service versions cannot
    /// clear for them.
    pub can_clear_cache: bool,
    /// The port to listen on; when taken, any free port. 0 asks for any.
    pub port: u16,
    /// Where to write the runtime file, if anywhere.
    pub runtime_dir: Option<PathBuf>,
    /// Exit once no Synkvakt process has renewed its lease for `lease_expiry`.
    pub on_demand: bool,
    pub lease_expiry: Duration,
    /// How many users the tenant has, from 50 to 200,000 (clamped).
    pub users: u32,
    /// How many tenants the server simulates: the first at its root, tenant N (from 2) below
    /// `/tenants/N/`, each with its own cycle, users and queue on one clock and one API key.
    pub tenants: u32,
}

impl DemoConfig {
    pub fn new(product: Product, scenario: Scenario) -> DemoConfig {
        DemoConfig {
            product,
            scenario,
            time_scale: 60.0,
            test_clock: false,
            can_start_cycle: false,
            can_clear_cache: false,
            api_key: random_key(),
            port: 0,
            runtime_dir: None,
            on_demand: false,
            lease_expiry: LEASE_EXPIRY,
            users: directory::DEFAULT_USERS,
            tenants: 1,
        }
    }
}

pub fn random_key() -> String {
    use rand::Rng;
    let bytes: [u8; 16] = rand::rng().random();
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The wall clock, or in test mode a clock that only a test moves.
struct Clock {
    start: DateTime<Utc>,
    /// `Some` in test mode: the time that has passed, as the test set it.
    test_advance: Option<Mutex<chrono::Duration>>,
}

impl Clock {
    fn now(&self) -> DateTime<Utc> {
        match &self.test_advance {
            Some(advance) => {
                self.start
                    + *advance
                        .lock()
                        .unwrap_or_else(|poisoned| poisoned.into_inner())
            }
            None => Utc::now(),
        }
    }
}

struct Tenant {
    /// The municipality's name, as the API gives it.
    name: String,
    simulation: Simulation,
    /// Shared by every tenant of the server: the test clock moves them all.
    clock: Arc<Clock>,
    api_key: String,
    /// Shared by every tenant of the server: a lease is the server's.
    last_lease: Arc<Mutex<Instant>>,
    /// The admin released the cycle the import filter stopped.
    resumed: AtomicBool,
    /// When new cycles started (the client's sync task ran, or the API was asked), oldest first.
    started: Mutex<Vec<DateTime<Utc>>>,
    /// When the client's task delivered what the `waiting` scenario's step waits for.
    released: Mutex<Option<DateTime<Utc>>>,
    can_start_cycle: bool,
    can_clear_cache: bool,
    import_log: Vec<ImportLogEntry>,
    directory: Directory,
    templates: &'static [TemplateDef],
    jobs: reexport::Jobs,
    /// Values changed by hand in the target system since the demo started.
    edits: Mutex<reexport::HandEdits>,
    /// Every request that changes something carries a key; kept on disk with a runtime folder.
    keys: keys::KeyStore,
}

impl Tenant {
    fn apply_resume(&self, mut cycle: Cycle) -> Cycle {
        if self.resumed.load(Ordering::SeqCst)
            && cycle.id == self.simulation.current_cycle_id()
            && cycle.state == CycleState::Stopped
        {
            cycle.state = CycleState::Resumed;
        }
        cycle
    }

    fn started(&self) -> Vec<DateTime<Utc>> {
        self.started
            .lock()
            .map(|started| started.clone())
            .unwrap_or_default()
    }

    fn released(&self) -> Option<DateTime<Utc>> {
        self.released
            .lock()
            .map(|released| *released)
            .unwrap_or(None)
    }

    /// Starts a new cycle now, when the last one finished well (the rule of the guides).
    fn start_cycle(&self) -> Result<Cycle, Refusal> {
        let current = self.current_cycle();
        match current.state {
            CycleState::Completed | CycleState::Resumed => {}
            CycleState::Running => {
                return Err(Refusal::new(
                    StatusCode::CONFLICT,
                    "cycle-running",
                    "A cycle is running; wait for it to finish.",
                ))
            }
            state => {
                return Err(Refusal::new(
                    StatusCode::CONFLICT,
                    "last-cycle-not-finished",
                    format!(
                        "The last cycle is {}: deal with it before starting a new one.",
                        state.as_wire()
                    ),
                ))
            }
        }
        let now = self.clock.now();
        if let Ok(mut started) = self.started.lock() {
            started.push(now);
        }
        Ok(self.current_cycle())
    }

    fn current_cycle(&self) -> Cycle {
        let now = self.clock.now();
        match self.started().last() {
            Some(start) => self.simulation.started_cycle(*start, now),
            None => self.apply_resume(self.simulation.current_cycle(now, self.released())),
        }
    }

    /// The newest `limit` cycles, only those of `kind` when asked.
    fn history(&self, limit: usize, kind: Option<CycleKind>) -> Vec<Cycle> {
        let now = self.clock.now();
        let started = self
            .started()
            .into_iter()
            .rev()
            .map(|start| self.simulation.started_cycle(start, now))
            .filter(|cycle| kind.is_none_or(|kind| cycle.kind == kind));
        let scenario = self
            .simulation
            .history(now, self.released(), limit, kind)
            .into_iter()
            .map(|cycle| self.apply_resume(cycle));
        started.chain(scenario).take(limit).collect()
    }
}

pub struct RunningDemo {
    pub addr: SocketAddr,
    pub api_key: String,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl RunningDemo {
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Runs until the server stops: for on-demand servers, when the last lease expired.
    pub async fn wait(self) -> std::io::Result<()> {
        self.server
            .await
            .unwrap_or_else(|err| Err(std::io::Error::other(err)))
    }

    pub fn stop(&self) {
        self.server.abort();
    }
}

/// Binds the port and starts serving in the background.
pub async fn start(config: DemoConfig) -> std::io::Result<RunningDemo> {
    let listener = match tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, config.port)).await {
        Ok(listener) => listener,
        Err(err) if config.port != 0 => {
            tracing::warn!(port = config.port, "port taken ({err}); using a free one");
            tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?
        }
        Err(err) => return Err(err),
    };
    let addr = listener.local_addr()?;
    // Whole seconds read better in curl output and screenshots.
    let now = Utc::now().with_nanosecond(0).unwrap_or_else(Utc::now);
    let time_scale = if config.test_clock {
        1.0
    } else {
        config.time_scale
    };
    let clock = Arc::new(Clock {
        start: now,
        test_advance: config
            .test_clock
            .then(|| Mutex::new(chrono::Duration::zero())),
    });
    let last_lease = Arc::new(Mutex::new(Instant::now()));
    let tenants = config.tenants.clamp(1, MAX_DEMO_TENANTS);
    let tenant_number = |number: u32| {
        let simulation = Simulation::new(config.product, config.scenario, now, time_scale);
        let name = match number {
            1 => simulation.tenant().name,
            _ => format!("{} {number}", simulation.tenant().name),
        };
        let directory = Directory::new(config.product, config.users);
        Arc::new(Tenant {
            name,
            simulation,
            clock: clock.clone(),
            api_key: config.api_key.clone(),
            last_lease: last_lease.clone(),
            resumed: AtomicBool::new(false),
            started: Mutex::new(Vec::new()),
            released: Mutex::new(None),
            can_start_cycle: config.can_start_cycle,
            can_clear_cache: config.can_clear_cache,
            import_log: import_log::entries(config.scenario, &directory),
            directory,
            templates: templates::for_product(config.product),
            jobs: reexport::Jobs::new(time_scale),
            edits: Mutex::default(),
            keys: keys::KeyStore::load(config.runtime_dir.as_ref().map(|dir| {
                dir.join(format!(
                    "demo-tenant-keys-{}-{number}.json",
                    config.product.as_str().to_lowercase()
                ))
            })),
        })
    };
    let tenant = tenant_number(1);
    let mut app = router(tenant.clone());
    for number in 2..=tenants {
        app = app.nest(&format!("/tenants/{number}"), router(tenant_number(number)));
    }

    if let Some(dir) = &config.runtime_dir {
        let client_log_folder =
            client_logs::write(dir, config.product, config.scenario, &tenant.directory)?;
        let file = RuntimeFile {
            pid: std::process::id(),
            port: addr.port(),
            api_key: config.api_key.clone(),
            product: config.product,
            scenario: config.scenario,
            test_clock: config.test_clock,
            tenants,
            client_log_folder: Some(client_log_folder),
        };
        file.write(dir)?;
    }

    let shutdown = lease_expiry(
        tenant.clone(),
        config.on_demand.then_some(config.lease_expiry),
    );
    let runtime_dir = config.runtime_dir.clone();
    let server = tokio::spawn(async move {
        let served = axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await;
        if let Some(dir) = runtime_dir {
            RuntimeFile::remove_if_written_by(&dir, std::process::id());
        }
        served
    });
    tracing::info!(%addr, product = %config.product, scenario = config.scenario.as_str(), "demo tenant listening");
    Ok(RunningDemo {
        addr,
        api_key: config.api_key,
        server,
    })
}

async fn lease_expiry(tenant: Arc<Tenant>, expiry: Option<Duration>) {
    let Some(expiry) = expiry else {
        return std::future::pending().await;
    };
    loop {
        tokio::time::sleep(expiry / 4).await;
        let idle = tenant
            .last_lease
            .lock()
            .map(|last| last.elapsed())
            .unwrap_or_default();
        if idle > expiry {
            tracing::info!(
                "no Synkvakt process renewed its lease for {} s; stopping",
                idle.as_secs()
            );
            return;
        }
    }
}

fn router(tenant: Arc<Tenant>) -> Router {
    let api = Router::new()
        .route("/api/v1/tenant", get(tenant_info))
        .route("/api/v1/cycles/current", get(current_cycle))
        .route("/api/v1/cycles", get(cycle_history).post(start_cycle))
        .route("/api/v1/cycles/{id}/resume", post(resume_cycle))
        .route("/api/v1/imports/latest/log", get(latest_import_log))
        .route("/api/v1/cache/clear", post(clear_cache))
        .route("/api/v1/templates", get(reexport::templates))
        .route("/api/v1/templates/{id}/mappings", get(reexport::mappings))
        .route("/api/v1/templates/{id}/preview", post(reexport::preview))
        .route("/api/v1/templates/{id}/reexport", post(reexport::execute))
        .route("/api/v1/users", get(reexport::users))
        .route("/api/v1/export-queue", get(reexport::export_queue))
        .route("/_demo/client-task/{name}", post(client_task_ran))
        .route("/_demo/lease/{holder}", post(renew_lease))
        .route("/_demo/clock", get(clock_now))
        .route("/_demo/clock/advance", post(advance_clock))
        .route("/_demo/directory/clear", post(reexport::clear_by_hand))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(tenant.clone(), require_key))
        .layer(middleware::from_fn_with_state(tenant.clone(), tenant_clock));
    api.with_state(tenant)
}

/// An error answer in the contract's shape, small enough to pass around as a `Result`'s error
/// until it becomes a response.
#[derive(Debug)]
struct Refusal {
    status: StatusCode,
    body: serde_json::Value,
}

impl Refusal {
    fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Refusal {
        let error = ApiError {
            code: code.to_string(),
            message: message.into(),
        };
        Refusal::with_body(status, serde_json::json!(error))
    }

    /// A refusal with a body of its own shape, as the contract gives some (`PreviewOutdated`).
    fn with_body(status: StatusCode, body: serde_json::Value) -> Refusal {
        Refusal { status, body }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}

fn api_error(status: StatusCode, code: &str, message: impl Into<String>) -> Response {
    Refusal::new(status, code, message).into_response()
}

/// Every answer carries the tenant's clock in its `Date` header, as a real server's does: on the
/// test clock, the simulated time.
async fn tenant_clock(State(tenant): State<Arc<Tenant>>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let date = tenant
        .clock
        .now()
        .format("%a, %d %b %Y %H:%M:%S GMT")
        .to_string();
    if let Ok(value) = header::HeaderValue::from_str(&date) {
        response.headers_mut().insert(header::DATE, value);
    }
    response
}

async fn require_key(State(tenant): State<Arc<Tenant>>, request: Request, next: Next) -> Response {
    let presented = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "));
    if presented != Some(tenant.api_key.as_str()) {
        return api_error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "A valid API key is required as a bearer token.",
        );
    }
    next.run(request).await
}

async fn tenant_info(State(tenant): State<Arc<Tenant>>) -> Response {
    let mut info = tenant.simulation.tenant();
    info.name = tenant.name.clone();
    info.can_start_cycle = tenant.can_start_cycle;
    info.can_clear_cache = tenant.can_clear_cache;
    Json(info).into_response()
}

async fn start_cycle(State(tenant): State<Arc<Tenant>>, headers: HeaderMap) -> Response {
    if !tenant.can_start_cycle {
        return api_error(
            StatusCode::CONFLICT,
            "start-not-supported",
            "This tenant starts cycles only when the client's scheduled task runs.",
        );
    }
    keyed(&tenant, &headers, "start-cycle".into(), || {
        let cycle = tenant.start_cycle()?;
        tracing::info!(cycle = cycle.id, "a new cycle started through the API");
        Ok((StatusCode::ACCEPTED, serde_json::json!(cycle)))
    })
}

/// Answers a request that changes something once per idempotency key.
fn keyed(
    tenant: &Tenant,
    headers: &HeaderMap,
    request: String,
    act: impl FnOnce() -> Result<(StatusCode, serde_json::Value), Refusal>,
) -> Response {
    let answer = keys::required_key(headers).and_then(|key| tenant.keys.once(&key, request, act));
    match answer.map(keys::Keyed::into_parts) {
        Ok((status, answer)) => (status, Json(answer)).into_response(),
        Err(refused) => refused.into_response(),
    }
}

/// The current cycle, with an `ETag` of its content: a client that sends it back in
/// `If-None-Match` gets "not modified" and no body while the cycle has not changed.
async fn current_cycle(State(tenant): State<Arc<Tenant>>, request: Request) -> Response {
    let body = match serde_json::to_vec(&tenant.current_cycle()) {
        Ok(body) => body,
        Err(err) => {
            return api_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                err.to_string(),
            )
        }
    };
    let etag = {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        body.hash(&mut hasher);
        format!("\"{:016x}\"", hasher.finish())
    };
    let unchanged = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|sent| sent.split(',').any(|tag| tag.trim() == etag));
    if unchanged {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    (
        [
            (header::ETAG, etag),
            (header::CONTENT_TYPE, "application/json".to_string()),
        ],
        body,
    )
        .into_response()
}

async fn resume_cycle(
    State(tenant): State<Arc<Tenant>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    keyed(&tenant, &headers, format!("resume {id}"), || {
        let cycle = tenant.current_cycle();
        if cycle.id != id {
            return Err(Refusal::new(
                StatusCode::NOT_FOUND,
                "no-such-cycle",
                "Only the current cycle can be resumed.",
            ));
        }
        if cycle.state != CycleState::Stopped {
            return Err(Refusal::new(
                StatusCode::CONFLICT,
                "not-stopped",
                format!(
                    "The cycle is {}, not stopped by the import filter.",
                    cycle.state.as_wire()
                ),
            ));
        }
        tenant.resumed.store(true, Ordering::SeqCst);
        tracing::info!(cycle = id, "cycle resumed");
        Ok((StatusCode::OK, serde_json::json!(tenant.current_cycle())))
    })
}

async fn clear_cache(State(tenant): State<Arc<Tenant>>, headers: HeaderMap) -> Response {
    keyed(&tenant, &headers, "clear-cache".into(), || {
        let cleared = CacheCleared {
            cleared_at: tenant.clock.now(),
        };
        Ok((StatusCode::OK, serde_json::json!(cleared)))
    })
}

/// What the real service sees when the client's task has run: a step that waited for the
/// client's data starts; otherwise, with the last cycle finished, the data starts a new cycle.
async fn client_task_ran(State(tenant): State<Arc<Tenant>>, Path(name): Path<String>) -> Response {
    let current = tenant.current_cycle();
    // eFeide's stuck step (Import samAccountName) waits on the client's data too, shown as
    // running past its usual time as the portal's one spinner shows it.
    let waits_on_the_client = match tenant.simulation.scenario {
        Scenario::Waiting => true,
        Scenario::Stuck => tenant.simulation.product == Product::EFeide,
        _ => false,
    };
    let waits_for_client = waits_on_the_client
        && current.id == tenant.simulation.current_cycle_id()
        && tenant.released().is_none();
    if waits_for_client {
        let now = tenant.clock.now();
        if let Ok(mut released) = tenant.released.lock() {
            *released = Some(now);
        }
        tracing::info!(
            task = name,
            "the client's task ran: the waiting step starts"
        );
        return Json(tenant.current_cycle()).into_response();
    }
    match tenant.start_cycle() {
        Ok(cycle) => {
            tracing::info!(task = name, "the client's task ran: a new cycle starts");
            Json(cycle).into_response()
        }
        Err(refused) => refused.into_response(),
    }
}

#[derive(Deserialize)]
struct LogQuery {
    kind: Option<String>,
    search: Option<String>,
    offset: Option<u32>,
    limit: Option<u32>,
}

async fn latest_import_log(
    State(tenant): State<Arc<Tenant>>,
    Query(query): Query<LogQuery>,
) -> Response {
    let kind = match query.kind.as_deref() {
        None | Some("") => None,
        Some("add") => Some(ImportChange::Add),
        Some("edit") => Some(ImportChange::Edit),
        Some("delete") => Some(ImportChange::Delete),
        Some(_) => {
            return api_error(
                StatusCode::BAD_REQUEST,
                "invalid-kind",
                "kind must be add, edit or delete.",
            )
        }
    };
    let limit = query.limit.unwrap_or(100);
    if !(1..=500).contains(&limit) {
        return api_error(
            StatusCode::BAD_REQUEST,
            "invalid-limit",
            "limit must be a whole number from 1 to 500.",
        );
    }
    let search = query.search.unwrap_or_default().to_lowercase();
    let matching: Vec<&ImportLogEntry> = tenant
        .import_log
        .iter()
        .filter(|entry| kind.is_none_or(|kind| entry.kind == kind))
        .filter(|entry| {
            search.is_empty()
                || entry.user_id.contains(&search)
                || entry.name.full().to_lowercase().contains(&search)
                || entry.detail.to_lowercase().contains(&search)
        })
        .collect();
    let offset = query.offset.unwrap_or(0);
    let entries = matching
        .iter()
        .skip(offset as usize)
        .take(limit as usize)
        .map(|e| (*e).clone())
        .collect();
    Json(ImportLog {
        import_id: format!("{}-import", tenant.simulation.current_cycle_id()),
        counts: import_log::counts(tenant.simulation.scenario),
        total: matching.len() as u32,
        offset,
        entries,
    })
    .into_response()
}

#[derive(Deserialize)]
struct HistoryQuery {
    limit: Option<String>,
    kind: Option<String>,
}

async fn cycle_history(
    State(tenant): State<Arc<Tenant>>,
    Query(query): Query<HistoryQuery>,
) -> Response {
    let limit = match query.limit.as_deref().map(str::parse::<usize>) {
        None => 20,
        Some(Ok(limit)) if (1..=100).contains(&limit) => limit,
        Some(_) => {
            return api_error(
                StatusCode::BAD_REQUEST,
                "invalid-limit",
                "limit must be a whole number from 1 to 100.",
            )
        }
    };
    let kind = match query.kind.as_deref() {
        None => None,
        Some("full") => Some(CycleKind::Full),
        Some("delta") => Some(CycleKind::Delta),
        Some(_) => {
            return api_error(
                StatusCode::BAD_REQUEST,
                "invalid-kind",
                "kind must be full or delta.",
            )
        }
    };
    Json(CycleHistory {
        cycles: tenant.history(limit, kind),
    })
    .into_response()
}

async fn renew_lease(State(tenant): State<Arc<Tenant>>, Path(holder): Path<String>) -> Response {
    tracing::debug!(holder, "lease renewed");
    if let Ok(mut last) = tenant.last_lease.lock() {
        *last = Instant::now();
    }
    StatusCode::NO_CONTENT.into_response()
}

async fn clock_now(State(tenant): State<Arc<Tenant>>) -> Response {
    Json(serde_json::json!({
        "now": tenant.clock.now(),
        "testClock": tenant.clock.test_advance.is_some(),
    }))
    .into_response()
}

#[derive(Deserialize)]
struct AdvanceQuery {
    seconds: i64,
}

async fn advance_clock(
    State(tenant): State<Arc<Tenant>>,
    Query(query): Query<AdvanceQuery>,
) -> Response {
    let Some(advance) = &tenant.clock.test_advance else {
        return api_error(
            StatusCode::CONFLICT,
            "no-test-clock",
            "Start the demo tenant with --test-clock to move time.",
        );
    };
    if query.seconds < 0 {
        return api_error(
            StatusCode::BAD_REQUEST,
            "invalid-seconds",
            "Time only moves forward.",
        );
    }
    if let Ok(mut passed) = advance.lock() {
        *passed += chrono::Duration::seconds(query.seconds);
    }
    clock_now(State(tenant)).await
}

async fn not_found() -> Response {
    api_error(
        StatusCode::NOT_FOUND,
        "not-found",
        "There is no such resource.",
    )
}

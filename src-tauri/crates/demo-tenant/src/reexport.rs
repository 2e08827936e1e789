//! Re-export: the templates and their mappings, user search for picking a selection, the preview
//! of what a re-export would write, and the export queue.
//!
//! Nothing runs in the background: a preview page is computed from the directory when asked for,
//! and a job's progress from the tenant clock, so that the test clock moves jobs as it moves
//! cycles.

use crate::directory::Directory;
use crate::keys::required_key;
use crate::templates::TemplateDef;
use crate::{Refusal, Tenant};
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;
use std::sync::{Arc, Mutex};
use synkvakt_api::model::{
    ExportJob, ExportQueue, JobState, MappingList, PreviewOutdated, PreviewPage, PreviewRequest,
    PreviewRow, ReexportRequest, ReexportScope, ScopeKind, TemplateList, UserSearch,
};
use synkvakt_api::personal::PersonName;

/// Values a job writes per second of tenant time, before the time scale.
const VALUES_PER_SECOND: f64 = 2_000.0;
/// How long a new job waits on the queue before it starts, in milliseconds of tenant time.
const QUEUED_FOR_MS: i64 = 1_000;
/// The most rows of a preview page, as the contract allows.
const MAX_PAGE: u32 = 5_000;
/// The most users a selection may name, as the contract allows.
const MAX_SELECTION: usize = 10_000;

/// The re-exports asked for.
pub(crate) struct Jobs {
    values_per_second: u64,
    queue: Mutex<Queue>,
}

#[derive(Default)]
struct Queue {
    /// Oldest first; a job's number is its place here plus one.
    jobs: Vec<Job>,
}

struct Job {
    id: String,
    template_id: String,
    mapping_id: Option<String>,
    attributes: Vec<String>,
    users: u32,
    total: u32,
    created_at: DateTime<Utc>,
}

impl Job {
    /// The job as the queue shows it at `now`: queued for its first second, then writing at a
    /// steady rate until every value is written.
    fn at(&self, now: DateTime<Utc>, values_per_second: u64) -> ExportJob {
        let running_ms = (now - self.created_at).num_milliseconds() - QUEUED_FOR_MS;
        let total = u64::from(self.total);
        let takes_ms = (total * 1_000).div_ceil(values_per_second) as i64;
        let (state, done, finished_at) = if running_ms < 0 {
            (JobState::Queued, 0, None)
        } else if running_ms >= takes_ms {
            let finished =
                self.created_at + chrono::Duration::milliseconds(QUEUED_FOR_MS + takes_ms);
            (JobState::Completed, self.total, Some(finished))
        } else {
            let done = running_ms as u64 * values_per_second / 1_000;
            (JobState::Running, done as u32, None)
        };
        ExportJob {
            id: self.id.clone(),
            template_id: self.template_id.clone(),
            mapping_id: self.mapping_id.clone(),
            attributes: self.attributes.clone(),
            users: self.users,
            total: self.total,
            done,
            state,
            created_at: self.created_at,
            finished_at,
        }
    }
}

impl Jobs {
    /// With `time_scale` 60 a job writes 60 times as many values per second as a real one.
    pub(crate) fn new(time_scale: f64) -> Jobs {
        Jobs {
            values_per_second: (VALUES_PER_SECOND * time_scale).round().max(1.0) as u64,
            queue: Mutex::new(Queue::default()),
        }
    }

    fn queue(&self) -> std::sync::MutexGuard<'_, Queue> {
        self.queue
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Newest first.
    fn at(&self, now: DateTime<Utc>) -> Vec<ExportJob> {
        self.queue()
            .jobs
            .iter()
            .rev()
            .map(|job| job.at(now, self.values_per_second))
            .collect()
    }

    /// The job `id` as the queue shows it now, if it is there.
    fn job(&self, id: &str, now: DateTime<Utc>) -> Option<ExportJob> {
        self.queue()
            .jobs
            .iter()
            .find(|job| job.id == id)
            .map(|job| job.at(now, self.values_per_second))
    }

    /// Puts the planned re-export on the queue.
    fn submit(
        &self,
        template_id: &str,
        request: &ReexportRequest,
        plan: &Plan,
        now: DateTime<Utc>,
    ) -> ExportJob {
        let mut queue = self.queue();
        let job = Job {
            id: format!("job-{:04}", queue.jobs.len() + 1),
            template_id: template_id.to_string(),
            mapping_id: request.mapping_id.clone(),
            attributes: plan
                .positions
                .iter()
                .map(|&position| {
                    plan.template.mappings[position]
                        .target_attribute
                        .to_string()
                })
                .collect(),
            users: plan.users.count() as u32,
            total: plan.rows() as u32,
            created_at: now,
        };
        tracing::info!(
            job = job.id,
            template = template_id,
            users = job.users,
            values = job.total,
            "re-export queued"
        );
        let answer = job.at(now, self.values_per_second);
        queue.jobs.push(job);
        answer
    }
}

/// The users a re-export is for, as directory indices in ID order.
enum Users {
    All(usize),
    Selection(Vec<usize>),
}

impl Users {
    fn count(&self) -> usize {
        match self {
            Users::All(count) => *count,
            Users::Selection(users) => users.len(),
        }
    }

    fn at(&self, position: usize) -> usize {
        match self {
            Users::All(_) => position,
            Users::Selection(users) => users[position],
        }
    }
}

/// A validated re-export: the template, the positions of its mappings to write, and the users.
struct Plan<'a> {
    template: &'a TemplateDef,
    positions: Vec<usize>,
    users: Users,
}

impl Plan<'_> {
    /// One row per user and mapping.
    fn rows(&self) -> usize {
        self.users.count() * self.positions.len()
    }

    /// What this plan previews, as the data is now: the template, the mappings, the users and
    /// the version of the hand edits.
    fn token(&self, edits: &HandEdits) -> String {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.template.id.hash(&mut hasher);
        self.positions.hash(&mut hasher);
        (0..self.users.count())
            .map(|position| self.users.at(position))
            .for_each(|user| user.hash(&mut hasher));
        edits.version.hash(&mut hasher);
        format!("pv-{:016x}", hasher.finish())
    }

    /// Rows `offset..offset + limit`, ordered by user and then by mapping: row `i` is user
    /// `i / mappings` with mapping `i % mappings`, so that no page needs the rows before it.
    fn page(
        &self,
        directory: &Directory,
        edits: &HandEdits,
        offset: usize,
        limit: usize,
    ) -> PreviewPage {
        let mappings = self.positions.len();
        let end = (offset + limit).min(self.rows());
        let rows = (offset..end)
            .map(|row| {
                let user = self.users.at(row / mappings);
                let position = self.positions[row % mappings];
                let new_value = self.template.new_value(directory, user, position);
                PreviewRow {
                    user_id: directory.id(user),
                    name: PersonName::new(directory.name(user)),
                    attribute: self.template.mappings[position]
                        .target_attribute
                        .to_string(),
                    current_value: if edits.cleared.contains(&user) {
                        None
                    } else {
                        self.template
                            .current_value(directory, user, position, &new_value)
                    },
                    new_value,
                }
            })
            .collect();
        PreviewPage {
            total: self.rows() as u32,
            users: self.users.count() as u32,
            offset: offset as u32,
            preview_token: self.token(edits),
            rows,
        }
    }
}

/// Values someone cleared by hand in the target system while the demo runs (`POST
/// /_demo/directory/clear`): each edit is a new version of the data, which a preview made
/// before it no longer shows.
#[derive(Default)]
pub(crate) struct HandEdits {
    version: u64,
    /// Users whose target values were cleared, by directory index.
    cleared: std::collections::HashSet<usize>,
}

fn bad_request(code: &str, message: impl Into<String>) -> Refusal {
    Refusal::new(StatusCode::BAD_REQUEST, code, message)
}

fn find_template<'a>(tenant: &'a Tenant, id: &str) -> Result<&'a TemplateDef, Refusal> {
    tenant
        .templates
        .iter()
        .find(|template| template.id == id)
        .ok_or_else(|| {
            Refusal::new(
                StatusCode::NOT_FOUND,
                "no-such-template",
                "There is no template with that ID.",
            )
        })
}

/// The request's body, or the contract's error shape when it cannot be read. `mappingId` must be
/// there even when null, as the contract requires: a request that lost it must not become one
/// for every mapping.
fn body<T: DeserializeOwned>(body: Result<Json<Value>, JsonRejection>) -> Result<T, Refusal> {
    let Json(body) =
        body.map_err(|rejection| bad_request("invalid-body", rejection.body_text()))?;
    let has_mapping_id = body.get("mappingId").is_some();
    let request = serde_json::from_value(body)
        .map_err(|err| bad_request("invalid-body", format!("The body is not valid: {err}.")))?;
    if !has_mapping_id {
        return Err(bad_request(
            "invalid-body",
            "The body is not valid: missing field `mappingId`.",
        ));
    }
    Ok(request)
}

fn plan<'a>(
    directory: &Directory,
    template: &'a TemplateDef,
    mapping_id: Option<&str>,
    scope: &ReexportScope,
) -> Result<Plan<'a>, Refusal> {
    let positions = match mapping_id {
        None => (0..template.mappings.len()).collect(),
        Some(id) => vec![template.position_of(id).ok_or_else(|| {
            bad_request(
                "no-such-mapping",
                format!("Template {} has no mapping {id}.", template.id),
            )
        })?],
    };
    let users = match scope.kind {
        ScopeKind::All if scope.user_ids.is_empty() => Users::All(directory.count()),
        ScopeKind::All => {
            return Err(bad_request(
                "invalid-scope",
                "A re-export for all users takes no user IDs.",
            ))
        }
        ScopeKind::Selection => Users::Selection(selection(directory, &scope.user_ids)?),
    };
    Ok(Plan {
        template,
        positions,
        users,
    })
}

/// The selected users in ID order, each once.
fn selection(directory: &Directory, ids: &[String]) -> Result<Vec<usize>, Refusal> {
    if ids.is_empty() {
        return Err(bad_request(
            "empty-selection",
            "A selection needs at least one user.",
        ));
    }
    if ids.len() > MAX_SELECTION {
        return Err(bad_request(
            "selection-too-large",
            format!("A selection names at most {MAX_SELECTION} users."),
        ));
    }
    let mut users = Vec::with_capacity(ids.len());
    let mut unknown = Vec::new();
    for id in ids {
        match directory.index_of(id) {
            Some(user) => users.push(user),
            None => unknown.push(id.as_str()),
        }
    }
    if !unknown.is_empty() {
        return Err(bad_request("no-such-user", unknown_users(&unknown)));
    }
    users.sort_unstable();
    users.dedup();
    Ok(users)
}

/// "User 99999 does not exist.", or for several the first three and how many more.
fn unknown_users(ids: &[&str]) -> String {
    const NAMED: usize = 3;
    match ids {
        [id] => format!("User {id} does not exist."),
        [named @ .., last] if ids.len() <= NAMED => {
            format!("Users {} and {last} do not exist.", named.join(", "))
        }
        _ => format!(
            "Users {} and {} more do not exist.",
            ids[..NAMED].join(", "),
            ids.len() - NAMED
        ),
    }
}

pub(crate) async fn templates(State(tenant): State<Arc<Tenant>>) -> Json<TemplateList> {
    Json(TemplateList {
        templates: tenant.templates.iter().map(TemplateDef::template).collect(),
    })
}

pub(crate) async fn mappings(
    State(tenant): State<Arc<Tenant>>,
    Path(id): Path<String>,
) -> Result<Json<MappingList>, Refusal> {
    Ok(Json(find_template(&tenant, &id)?.mapping_list()))
}

#[derive(Deserialize)]
pub(crate) struct UserQuery {
    search: Option<String>,
    limit: Option<String>,
}

pub(crate) async fn users(
    State(tenant): State<Arc<Tenant>>,
    Query(query): Query<UserQuery>,
) -> Result<Json<UserSearch>, Refusal> {
    let limit = match query.limit.as_deref().map(str::parse::<usize>) {
        None => 20,
        Some(Ok(limit)) if (1..=100).contains(&limit) => limit,
        Some(_) => {
            return Err(bad_request(
                "invalid-limit",
                "limit must be a whole number from 1 to 100.",
            ))
        }
    };
    let (total, found) = tenant
        .directory
        .search(query.search.as_deref().unwrap_or_default(), limit);
    Ok(Json(UserSearch {
        total: total as u32,
        users: found
            .into_iter()
            .map(|user| tenant.directory.summary(user))
            .collect(),
    }))
}

pub(crate) async fn preview(
    State(tenant): State<Arc<Tenant>>,
    Path(id): Path<String>,
    request: Result<Json<Value>, JsonRejection>,
) -> Result<Json<PreviewPage>, Refusal> {
    let template = find_template(&tenant, &id)?;
    let request: PreviewRequest = body(request)?;
    let plan = plan(
        &tenant.directory,
        template,
        request.mapping_id.as_deref(),
        &request.scope,
    )?;
    let total = plan.rows();
    let (offset, limit) = (request.offset as usize, request.limit);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(bad_request(
            "invalid-page",
            format!("limit must be from 1 to {MAX_PAGE}."),
        ));
    }
    if offset >= total && offset != 0 {
        return Err(bad_request(
            "invalid-page",
            format!("offset {offset} is beyond the preview's {total} rows."),
        ));
    }
    let edits = tenant.edits();
    Ok(Json(plan.page(
        &tenant.directory,
        &edits,
        offset,
        limit as usize,
    )))
}

#[derive(Deserialize)]
pub(crate) struct ClearQuery {
    users: usize,
}

/// The demo's stand-in for an admin who clears values by hand in the target system: the first
/// `users` users not yet cleared lose their values, and the data has a new version.
pub(crate) async fn clear_by_hand(
    State(tenant): State<Arc<Tenant>>,
    Query(query): Query<ClearQuery>,
) -> Json<Value> {
    let mut edits = tenant.edits();
    let fresh: Vec<usize> = (0..tenant.directory.count())
        .filter(|user| !edits.cleared.contains(user))
        .take(query.users)
        .collect();
    edits.cleared.extend(fresh);
    edits.version += 1;
    tracing::info!(version = edits.version, "values cleared by hand");
    Json(serde_json::json!({ "version": edits.version, "cleared": edits.cleared.len() }))
}

pub(crate) async fn execute(
    State(tenant): State<Arc<Tenant>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    request: Result<Json<Value>, JsonRejection>,
) -> Result<(StatusCode, Json<ExportJob>), Refusal> {
    let template = find_template(&tenant, &id)?;
    let key = required_key(&headers)?;
    let request: ReexportRequest = body(request)?;
    let plan = plan(
        &tenant.directory,
        template,
        request.mapping_id.as_deref(),
        &request.scope,
    )?;
    let now = tenant.clock.now();
    let asked = format!("{REEXPORT} {} {}", template.id, serde_json::json!(request));
    let keyed = tenant.keys.once(&key, asked, || {
        let token = plan.token(&tenant.edits());
        if request.preview_token != token {
            let outdated = PreviewOutdated {
                code: "preview-outdated".into(),
                message:
                    "The data changed since the preview. Preview again and confirm the new counts."
                        .into(),
                total: plan.rows() as u32,
                users: plan.users.count() as u32,
                preview_token: token,
            };
            return Err(Refusal::with_body(
                StatusCode::CONFLICT,
                serde_json::json!(outdated),
            ));
        }
        let job = tenant.jobs.submit(template.id, &request, &plan, now);
        Ok((StatusCode::ACCEPTED, serde_json::json!(job)))
    })?;
    let (status, answer) = keyed.into_parts();
    Ok((status, Json(tenant.job_now(answer)?)))
}

/// What a re-export's key is kept under, before its template and request.
const REEXPORT: &str = "reexport";

impl Tenant {
    fn edits(&self) -> std::sync::MutexGuard<'_, HandEdits> {
        self.edits
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A job as an answer kept it, as the queue shows it now when it is still there.
    fn job_now(&self, answer: Value) -> Result<ExportJob, Refusal> {
        let made: ExportJob = serde_json::from_value(answer).map_err(|err| {
            Refusal::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                err.to_string(),
            )
        })?;
        Ok(self.jobs.job(&made.id, self.clock.now()).unwrap_or(made))
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct QueueQuery {
    idempotency_key: Option<String>,
}

/// The queue, or with `idempotencyKey` only the job that key made (none when it made none).
pub(crate) async fn export_queue(
    State(tenant): State<Arc<Tenant>>,
    Query(query): Query<QueueQuery>,
) -> Result<Json<ExportQueue>, Refusal> {
    let jobs = match query.idempotency_key {
        None => tenant.jobs.at(tenant.clock.now()),
        Some(key) => match tenant.keys.answer_of(&key, REEXPORT) {
            Some(answer) => vec![tenant.job_now(answer)?],
            None => Vec::new(),
        },
    };
    Ok(Json(ExportQueue { jobs }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates;
    use synkvakt_api::model::Product;

    fn all_users() -> ReexportScope {
        ReexportScope {
            kind: ScopeKind::All,
            user_ids: Vec::new(),
        }
    }

    #[test]
    fn unknown_users_are_named() {
        assert_eq!(unknown_users(&["99999"]), "User 99999 does not exist.");
        assert_eq!(
            unknown_users(&["1", "2", "3"]),
            "Users 1, 2 and 3 do not exist."
        );
        assert_eq!(
            unknown_users(&["1", "2", "3", "4", "5"]),
            "Users 1, 2, 3 and 2 more do not exist."
        );
    }

    #[test]
    fn a_job_is_queued_then_runs_then_completes_by_the_clock() {
        let directory = Directory::new(Product::EAdm, 50);
        let template = &templates::for_product(Product::EAdm)[0];
        let plan = plan(&directory, template, None, &all_users()).unwrap();
        let jobs = Jobs::new(1.0);
        let start = Utc::now();
        let request = ReexportRequest {
            mapping_id: None,
            scope: all_users(),
            preview_token: plan.token(&HandEdits::default()),
        };
        let job = jobs.submit("ad", &request, &plan, start);
        assert_eq!((job.state, job.done, job.total), (JobState::Queued, 0, 250));
        let at = |ms: i64| jobs.at(start + chrono::Duration::milliseconds(ms))[0].clone();
        assert_eq!(at(999).state, JobState::Queued);
        assert_eq!((at(1_000).state, at(1_000).done), (JobState::Running, 0));
        assert_eq!((at(1_050).state, at(1_050).done), (JobState::Running, 100));
        assert_eq!((at(1_124).state, at(1_124).done), (JobState::Running, 248));
        let completed = at(1_125);
        assert_eq!(
            (completed.state, completed.done),
            (JobState::Completed, 250)
        );
        assert_eq!(
            completed.finished_at,
            Some(start + chrono::Duration::milliseconds(1_125))
        );
    }
}

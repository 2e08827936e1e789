//! What support needs from the session: the client's log folder, followed, and the diagnostics
//! bundle with its summary for a ticket. Reading a folder that may sit on another server goes
//! off the runtime's threads and gives up after a while, so the window never freezes on it.

use super::{lock, Session, HISTORY_LENGTH};
use crate::os::client_logs::{self, LogFolderView, LogTailView};
use crate::os::diagnostics_zip::{self, BundlePart, DiagnosticsView};
use crate::reach::Reached;
use chrono::Utc;
use std::fmt::Write;
use std::path::PathBuf;
use std::time::Duration;
use synkvakt_api::personal::{Disclosure, PersonalData};
use synkvakt_core::error::{Error, Result};
use synkvakt_core::machines::Machine;
use synkvakt_core::masking;
use synkvakt_core::status::Judging;

/// How long a log folder may take to answer: an admin share of a server that is off can hang
/// for far longer than anyone waits.
const FOLDER_PATIENCE: Duration = Duration::from_secs(10);
/// How many of the newest client log files the bundle takes the end of, and how many lines.
const BUNDLE_LOG_FILES: usize = 3;
const BUNDLE_LOG_LINES: usize = 500;
/// How many of the app's own log lines and audit entries the bundle takes.
const BUNDLE_APP_LINES: usize = 500;
const BUNDLE_AUDIT_ENTRIES: usize = 200;
/// The Event Log's window, as support asks for it.
const EVENT_LOG_HOURS: u32 = 24;
/// How many names of the newest import are learned, to mask them in free text.
const NAMES_TO_LEARN: u32 = 500;

impl Session {
    /// The tenant in view, reached.
    async fn reached(&self) -> Result<Reached> {
        Ok(self.connection().await?.reached.clone())
    }

    /// The client's log folder as this computer reaches it.
    async fn log_folder(&self) -> Result<PathBuf> {
        Ok(self.log_folder_of(&self.reached().await?))
    }

    fn log_folder_of(&self, reached: &Reached) -> PathBuf {
        reached
            .log_folder_here
            .clone()
            .unwrap_or_else(|| PathBuf::from(reached.machines.log_folder_from(&self.this_machine)))
    }

    /// The names of the newest import's people, to mask where the tenant's or the client's
    /// own words name them; learned once per tenant.
    async fn known_names(&self) -> Vec<String> {
        if let Some(names) = lock(&self.known_names).as_ref() {
            return names.clone();
        }
        let learned = async {
            let client = self.client().await?;
            let log = client
                .import_log(&crate::tenant_client::ImportLogQuery {
                    kind: None,
                    search: String::new(),
                    offset: 0,
                    limit: NAMES_TO_LEARN,
                })
                .await?;
            Ok::<_, Error>(
                log.entries
                    .into_iter()
                    .map(|entry| entry.name.full().to_string())
                    .collect::<Vec<_>>(),
            )
        };
        let names = learned.await.unwrap_or_else(|err| {
            tracing::info!("no names learned to mask: {err}");
            Vec::new()
        });
        *lock(&self.known_names) = Some(names.clone());
        names
    }

    /// Free text masked as the bundle and support mode need: ID numbers, e-mail addresses and
    /// the names the app knows.
    fn masked_with(text: &str, names: &[String]) -> String {
        masking::mask_known_names(&masking::mask_text(text), names)
    }

    /// The newest files of the client's log folder.
    pub async fn client_log_folder(&self) -> Result<LogFolderView> {
        let folder = self.log_folder().await?;
        let shown = folder.display().to_string();
        let listed = patiently(&shown, {
            let folder = folder.clone();
            move || client_logs::list(&folder)
        })
        .await?;
        Ok(LogFolderView {
            folder: shown,
            files: listed,
        })
    }

    /// The end of one log file of the folder, or what was written after `after`; only the
    /// lines holding `search` (any case) when it is given.
    pub async fn client_log(
        &self,
        file: String,
        after: Option<u64>,
        search: String,
    ) -> Result<LogTailView> {
        synkvakt_core::profiles::checked_search("search", &search)?;
        let folder = self.log_folder().await?;
        let path = client_logs::file_in(&folder, &file)?;
        let shown = path.display().to_string();
        let mut tail = patiently(&shown, move || client_logs::read(&path, after)).await?;
        let needle = search.trim().to_lowercase();
        if !needle.is_empty() {
            tail.lines
                .retain(|line| line.text.to_lowercase().contains(&needle));
        }
        if self.disclosure() == Disclosure::Masked {
            let names = self.known_names().await;
            for line in &mut tail.lines {
                line.text = Self::masked_with(&line.text, &names);
            }
        }
        Ok(tail)
    }

    /// Gathers the bundle and keeps it (in memory only) to be saved as shown.
    pub async fn diagnostics(&self) -> Result<DiagnosticsView> {
        let localizer = self.localizer();
        let reached = self.reached().await?;
        let names = self.known_names().await;
        let masked = |text: &str| Self::masked_with(text, &names);
        let client = &reached.client;
        let tenant = client.tenant_info().await?;
        let cycle = client.current_cycle().await?;
        let history = client
            .cycle_history(HISTORY_LENGTH)
            .await
            .map(|history| history.cycles)
            .unwrap_or_default();
        let now = Utc::now();
        let mut parts = Vec::new();

        let os = os_info::get();
        let mut app = String::new();
        let _ = writeln!(app, "Synkvakt {}", env!("CARGO_PKG_VERSION"));
        let _ = writeln!(app, "OS: {os} ({})", std::env::consts::ARCH);
        let _ = writeln!(app, "Computer: {}", self.this_machine);
        let _ = writeln!(app, "Created: {}", now.to_rfc3339());
        let _ = writeln!(app, "Language: {}", localizer.language().tag());
        parts.push(BundlePart::new(
            "synkvakt.txt",
            localizer.text("bundle-part-app"),
            app,
        ));

        let settings = self.settings();
        let mut about = String::new();
        let _ = writeln!(about, "Tenant: {} ({})", tenant.name, tenant.product);
        let _ = writeln!(about, "Service: {}", client.service_url());
        let _ = writeln!(about, "In view as: {}", reached.tenant.key());
        let _ = writeln!(
            about,
            "API key: kept in the OS keyring, not part of this bundle"
        );
        let _ = writeln!(
            about,
            "Client server: {}",
            reached
                .machines
                .client_server
                .as_deref()
                .unwrap_or("this computer")
        );
        let domain_controllers: Vec<&str> = reached.machines.domain_controllers().collect();
        if !domain_controllers.is_empty() {
            let _ = writeln!(
                about,
                "Domain controllers: {} (tasks run there from here: {})",
                domain_controllers.join(", "),
                if reached.machines.allow_domain_controller_tasks {
                    "allowed"
                } else {
                    "not allowed"
                }
            );
        }
        let _ = writeln!(
            about,
            "Log folder: {}",
            self.log_folder_of(&reached).display()
        );
        let _ = writeln!(
            about,
            "No new cycle after: {} h until a week of history; proxy: {}; extra CA: {}",
            reached.limits.new_cycle_hours,
            settings.network.proxy.as_deref().unwrap_or("the system's"),
            settings.network.extra_ca_file.as_deref().unwrap_or("none")
        );
        parts.push(BundlePart::new(
            "tenant.txt",
            localizer.text("bundle-part-tenant"),
            about,
        ));

        let judging = Judging {
            tenant: &tenant,
            history: &history,
            // The bundle shows cycles; whether one is missing is the status view's to say.
            full_history: &[],
            limits: reached.limits,
            machines: &reached.machines,
            this_machine: &self.this_machine,
        };
        let current = judging.view(&cycle, &localizer, client.tenant_now());
        let mut cycles = String::new();
        let _ = writeln!(
            cycles,
            "Current cycle {} ({:?}), started {}: {}",
            current.id,
            current.kind,
            current.started_at.to_rfc3339(),
            current.headline
        );
        for step in &current.steps {
            let _ = writeln!(
                cycles,
                "  {:<28} {:<12} {}{}",
                step.name,
                step.raw_state,
                step.error_code
                    .as_deref()
                    .map(|code| format!("[{code}] "))
                    .unwrap_or_default(),
                step.message.as_deref().map(masked).unwrap_or_default()
            );
        }
        let _ = writeln!(cycles, "\nRecent cycles:");
        for view in judging.views(&history, &localizer, client.tenant_now()) {
            let _ = writeln!(
                cycles,
                "  {} {:?} started {}, finished {}: {}",
                view.id,
                view.kind,
                view.started_at.to_rfc3339(),
                view.finished_at
                    .map(|at| at.to_rfc3339())
                    .unwrap_or_else(|| "-".into()),
                masked(&view.headline)
            );
        }
        parts.push(
            BundlePart::new("cycles.txt", localizer.text("bundle-part-cycles"), cycles)
                .with_marked_errors(),
        );

        let mut tasks = String::new();
        for task in reached.tasks() {
            let place = task.server.as_deref().unwrap_or("this computer");
            if task.role == Machine::DomainController
                && !reached.machines.allow_domain_controller_tasks
            {
                let _ = writeln!(
                    tasks,
                    "“{}” on {place}: not read: the profile does not allow tasks on domain controllers",
                    task.name
                );
                continue;
            }
            let status = crate::reach::task_status(reached.scheduler.clone(), &task).await?;
            let _ = match status {
                Ok(status) => writeln!(
                    tasks,
                    "“{}” on {place}: {:?}, last run {}, last result {}",
                    task.name,
                    status.state,
                    status
                        .last_run
                        .map(|at| at.to_rfc3339())
                        .unwrap_or_else(|| "unknown".into()),
                    status
                        .last_result
                        .map(|result| format!("{:#010x} ({:?})", result.code, result.meaning))
                        .unwrap_or_else(|| "unknown".into())
                ),
                Err(err) => writeln!(tasks, "“{}” on {place}: not read: {err}", task.name),
            };
        }
        parts.push(BundlePart::new(
            "tasks.txt",
            localizer.text("bundle-part-tasks"),
            tasks,
        ));

        let folder = self.log_folder_of(&reached);
        let shown_folder = folder.display().to_string();
        let listed = patiently(&shown_folder, {
            let folder = folder.clone();
            move || client_logs::list(&folder)
        })
        .await;
        match listed {
            Ok(files) => {
                for file in files.iter().take(BUNDLE_LOG_FILES) {
                    let path = folder.join(&file.name);
                    let read =
                        patiently(&shown_folder, move || client_logs::read(&path, None)).await;
                    let text = match read {
                        Ok(tail) => {
                            let skip = tail.lines.len().saturating_sub(BUNDLE_LOG_LINES);
                            tail.lines
                                .iter()
                                .skip(skip)
                                .map(|line| masked(&line.text) + "\n")
                                .collect()
                        }
                        Err(err) => format!("Not read: {err}\n"),
                    };
                    parts.push(
                        BundlePart::new(
                            format!("client-logs/{}", file.name),
                            localizer.format(
                                "bundle-part-client-log",
                                &[("file", file.name.as_str().into())],
                            ),
                            text,
                        )
                        .with_marked_errors(),
                    );
                }
            }
            Err(err) => parts.push(BundlePart::new(
                "client-logs/not-read.txt",
                localizer.text("bundle-part-client-logs-missing"),
                format!("The client's log folder {shown_folder} was not read: {err}\n"),
            )),
        }

        let server = reached.machines.client_server.clone();
        let sources = vec![tenant.product.as_str().to_string()];
        let events = tokio::task::spawn_blocking(move || {
            crate::os::event_log::application_events(server.as_deref(), &sources, EVENT_LOG_HOURS)
        })
        .await
        .unwrap_or_else(|err| Err(err.to_string()));
        let machine = reached
            .machines
            .client_server
            .clone()
            .unwrap_or_else(|| self.this_machine.clone());
        let events = match events {
            Ok(events) if events.is_empty() => format!(
                "No events of {} in the Application log of {machine} in the last {EVENT_LOG_HOURS} h.\n",
                tenant.product
            ),
            Ok(events) => events.iter().map(|event| masked(event) + "\n").collect(),
            Err(why) => format!(
                "The Application log of {machine} could not be read here: {why}.\nRead it in Event Viewer on {machine} (Windows Logs > Application, source {}).\n",
                tenant.product
            ),
        };
        parts.push(BundlePart::new(
            "event-log.txt",
            localizer.text("bundle-part-event-log"),
            events,
        ));

        let own_log = newest_lines(&self.log_dir, BUNDLE_APP_LINES);
        parts.push(
            BundlePart::new(
                "synkvakt-log.txt",
                localizer.text("bundle-part-app-log"),
                masked(&own_log),
            )
            .with_marked_errors(),
        );
        let audit: String = self
            .actions
            .recent(BUNDLE_AUDIT_ENTRIES)?
            .iter()
            .map(|entry| {
                format!(
                    "{} {} {} {:?} {:?} {}\n",
                    entry.time.to_rfc3339(),
                    entry.os_user,
                    entry.tenant,
                    entry.outcome,
                    entry.action,
                    entry.detail
                )
            })
            .map(|line| masked(&line))
            .collect();
        parts.push(BundlePart::new(
            "audit.txt",
            localizer.text("bundle-part-audit"),
            audit,
        ));

        let failing = current
            .attention
            .and_then(|index| current.steps.get(index as usize));
        let errors_in_logs: usize = parts
            .iter()
            .filter(|part| part.file_name.starts_with("client-logs/"))
            .map(|part| part.error_lines.len())
            .sum();
        let summary = localizer.format(
            "bundle-summary",
            &[
                ("version", env!("CARGO_PKG_VERSION").into()),
                ("os", os.to_string().into()),
                ("tenant", tenant.name.as_str().into()),
                ("product", tenant.product.as_str().into()),
                ("headline", masked(&current.headline).into()),
                (
                    "step",
                    failing
                        .map(|step| {
                            format!(
                                "{}{}",
                                step.error_code
                                    .as_deref()
                                    .map(|code| format!("[{code}] "))
                                    .unwrap_or_default(),
                                step.message.as_deref().map(masked).unwrap_or_default()
                            )
                        })
                        .unwrap_or_default()
                        .into(),
                ),
                ("errors", (errors_in_logs as i64).into()),
                ("time", now.to_rfc3339().into()),
            ],
        );
        let view = DiagnosticsView {
            id: format!("{}-{}", now.timestamp_millis(), rand::random::<u32>()),
            created_at: now,
            total_bytes: parts.iter().map(|part| part.text.len() as u64).sum(),
            parts,
            summary,
        };
        *lock(&self.diagnostics) = Some(view.clone());
        Ok(view)
    }

    /// The file name the save dialog suggests for the bundle `id`.
    pub async fn diagnostics_file_name(&self, id: &str) -> Result<String> {
        let created_at = lock(&self.diagnostics)
            .as_ref()
            .filter(|view| view.id == id)
            .map(|view| view.created_at)
            .ok_or_else(|| Error::Refused {
                reason: self.localizer().text("refused-bundle-gone"),
            })?;
        let tenant = self.connection().await?.tenant_name.clone();
        Ok(diagnostics_zip::suggested_name(&tenant, created_at))
    }

    /// Saves the bundle `id`, as it was shown, where the admin chose.
    pub async fn save_diagnostics(&self, id: &str, path: PathBuf) -> Result<()> {
        let parts = {
            let kept = lock(&self.diagnostics);
            let view =
                kept.as_ref()
                    .filter(|view| view.id == id)
                    .ok_or_else(|| Error::Refused {
                        reason: self.localizer().text("refused-bundle-gone"),
                    })?;
            view.parts.clone()
        };
        tokio::task::spawn_blocking(move || diagnostics_zip::write_zip(&parts, &path))
            .await
            .map_err(|err| Error::Io {
                action: "writing",
                path: PathBuf::new(),
                detail: err.to_string(),
            })?
    }
}

/// Runs a blocking read of a folder that may be on another server, giving up after a while.
async fn patiently<T: Send + 'static>(
    what: &str,
    read: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    match tokio::time::timeout(FOLDER_PATIENCE, tokio::task::spawn_blocking(read)).await {
        Ok(Ok(result)) => result,
        Ok(Err(err)) => Err(Error::LogFolder {
            kind: "unreachable",
            folder: what.to_string(),
            detail: err.to_string(),
        }),
        Err(_) => Err(Error::LogFolder {
            kind: "unreachable",
            folder: what.to_string(),
            detail: format!("no answer within {} s", FOLDER_PATIENCE.as_secs()),
        }),
    }
}

/// The last `count` lines of the app's own newest log file.
fn newest_lines(log_dir: &std::path::Path, count: usize) -> String {
    let newest = std::fs::read_dir(log_dir).ok().and_then(|entries| {
        entries
            .flatten()
            .filter(|entry| entry.file_name().to_string_lossy().starts_with("synkvakt"))
            .max_by_key(|entry| entry.metadata().and_then(|m| m.modified()).ok())
    });
    let Some(newest) = newest else {
        return "No log file of Synkvakt's own yet.\n".to_string();
    };
    match client_logs::read(&newest.path(), None) {
        Ok(tail) => {
            let skip = tail.lines.len().saturating_sub(count);
            tail.lines
                .iter()
                .skip(skip)
                .map(|line| format!("{}\n", line.text))
                .collect()
        }
        Err(err) => format!("Synkvakt's own log was not read: {err}\n"),
    }
}

//! The window app: the Tauri shell over `synkvakt-core`. Each command reads its arguments, calls
//! the core, and maps the error for the page; nothing else lives here.

use synkvakt_api::model::{ExportJob, ExportQueue, ImportChange, ImportCounts, ReexportScope};
use synkvakt_app::os::client_logs::{LogFolderView, LogTailView};
use synkvakt_app::os::demo_launcher::DemoLauncher;
use synkvakt_app::os::diagnostics_zip::DiagnosticsView;
use synkvakt_app::os::paths::AppPaths;
use synkvakt_app::os::{companion, logging};
use synkvakt_app::session::manual_sync::{ManualSyncPage, ManualSyncView};
use synkvakt_app::session::sent_reexports::SentReexportView;
use synkvakt_app::session::{
    AppInfo, ConnectionReport, HistoryView, ImportLogView, Opening, OverviewView, Session,
    StatusView, TenantsView,
};
use synkvakt_core::audit_view::{AuditQuery, AuditView};
use synkvakt_core::i18n::Language;
use synkvakt_core::launch::{Launch, OpenRequests};
use synkvakt_core::profiles::{ProfileInput, TenantRef};
use synkvakt_core::reexport::{
    ConfirmedCounts, PreviewOpened, PreviewQuery, PreviewWindow, TemplateView, UserSearchView,
};
use synkvakt_core::settings::NetworkSettings;
use synkvakt_core::UserError;
use tauri::{Manager, State, WindowEvent};

#[tauri::command]
#[specta::specta]
fn app_info(session: State<'_, Session>) -> AppInfo {
    session.app_info()
}

#[tauri::command]
#[specta::specta]
async fn status(session: State<'_, Session>) -> Result<StatusView, UserError> {
    session
        .status()
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn history(session: State<'_, Session>) -> Result<HistoryView, UserError> {
    session
        .history()
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn import_log(
    session: State<'_, Session>,
    kind: Option<ImportChange>,
    search: String,
    offset: u32,
    limit: u32,
) -> Result<ImportLogView, UserError> {
    session
        .import_log(kind, search, offset, limit)
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn resume_cycle(
    session: State<'_, Session>,
    cycle_id: String,
    confirmed: ImportCounts,
) -> Result<StatusView, UserError> {
    session
        .resume(cycle_id, confirmed)
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn set_language(
    session: State<'_, Session>,
    language: Option<Language>,
) -> Result<AppInfo, UserError> {
    session
        .set_language(language)
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn manual_sync(session: State<'_, Session>) -> Result<ManualSyncPage, UserError> {
    session
        .manual_sync_page()
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn tick_portal_cache(
    session: State<'_, Session>,
) -> Result<Option<ManualSyncView>, UserError> {
    Ok(session.tick_portal_cache().await)
}

/// Opens the vendor's school-promotion how-to in the system browser: the one address the
/// window may open, so the page names no address at all.
#[tauri::command]
#[specta::specta]
fn open_school_promotion_howto(session: State<'_, Session>) -> Result<(), UserError> {
    let url = synkvakt_core::guidance::SCHOOL_PROMOTION_HOWTO;
    tauri_plugin_opener::open_url(url, None::<&str>).map_err(|err| {
        session.user_error(&synkvakt_core::error::Error::Browser {
            url: url.to_string(),
            detail: err.to_string(),
        })
    })
}

#[tauri::command]
#[specta::specta]
async fn start_manual_sync(session: State<'_, Session>) -> Result<ManualSyncView, UserError> {
    session
        .start_manual_sync()
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn leave_manual_sync(
    session: State<'_, Session>,
) -> Result<Option<ManualSyncView>, UserError> {
    Ok(session.leave_manual_sync().await)
}

#[tauri::command]
#[specta::specta]
async fn nudge_step(
    session: State<'_, Session>,
    step_key: String,
    task: String,
    server: Option<String>,
) -> Result<StatusView, UserError> {
    session
        .nudge(step_key, task, server)
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn reexport_templates(session: State<'_, Session>) -> Result<Vec<TemplateView>, UserError> {
    session
        .reexport_templates()
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn search_users(
    session: State<'_, Session>,
    search: String,
) -> Result<UserSearchView, UserError> {
    session
        .search_users(search)
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn open_preview(
    session: State<'_, Session>,
    template_id: String,
    mapping_id: Option<String>,
    scope: ReexportScope,
) -> Result<PreviewOpened, UserError> {
    session
        .open_preview(template_id, mapping_id, scope)
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn preview_window(
    session: State<'_, Session>,
    preview_id: String,
    query: PreviewQuery,
) -> Result<PreviewWindow, UserError> {
    session
        .preview_window(preview_id, query)
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn close_preview(session: State<'_, Session>, preview_id: String) -> Result<(), UserError> {
    session.close_preview(preview_id).await;
    Ok(())
}

/// The re-exports sent and not answered before Synkvakt last stopped, each asked for on the
/// queue of the tenant in view.
#[tauri::command]
#[specta::specta]
async fn sent_reexports(session: State<'_, Session>) -> Result<Vec<SentReexportView>, UserError> {
    session
        .sent_reexports()
        .await
        .map_err(|err| session.user_error(&err))
}

/// Sends a re-export that never arrived again, with its own key, once the admin confirmed it.
#[tauri::command]
#[specta::specta]
async fn send_reexport_again(
    session: State<'_, Session>,
    key: String,
    confirmed: ConfirmedCounts,
) -> Result<ExportJob, UserError> {
    session
        .send_reexport_again(key, confirmed)
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn execute_reexport(
    session: State<'_, Session>,
    preview_id: String,
    confirmed: ConfirmedCounts,
) -> Result<ExportJob, UserError> {
    session
        .execute_reexport(preview_id, confirmed)
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn export_queue(session: State<'_, Session>) -> Result<ExportQueue, UserError> {
    session
        .export_queue()
        .await
        .map_err(|err| session.user_error(&err))
}

/// Async, so that reading the log happens off the window's thread.
#[tauri::command]
#[specta::specta]
async fn audit_log(session: State<'_, Session>, query: AuditQuery) -> Result<AuditView, UserError> {
    session
        .audit_log(query)
        .map_err(|err| session.user_error(&err))
}

/// The next place the window is asked to open at: first its own command line's, then each
/// later launch's (a clicked notification, the tray menu). The page keeps one call waiting.
#[tauri::command]
#[specta::specta]
async fn next_open_at(
    session: State<'_, Session>,
    requests: State<'_, OpenRequests>,
) -> Result<Opening, UserError> {
    Ok(session.open_request(requests.next().await).await)
}

/// The tenant profiles, the tenant in view and the network settings; whether each secret is
/// stored, never the secret.
#[tauri::command]
#[specta::specta]
async fn tenants(session: State<'_, Session>) -> Result<TenantsView, UserError> {
    session
        .tenants()
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn save_profile(
    session: State<'_, Session>,
    input: ProfileInput,
) -> Result<TenantsView, UserError> {
    session
        .save_profile(input)
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn remove_profile(session: State<'_, Session>, id: String) -> Result<TenantsView, UserError> {
    session
        .remove_profile(id)
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn test_connection(
    session: State<'_, Session>,
    input: ProfileInput,
) -> Result<ConnectionReport, UserError> {
    session
        .test_connection(input)
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn switch_tenant(
    session: State<'_, Session>,
    tenant: TenantRef,
) -> Result<TenantsView, UserError> {
    session
        .switch_tenant(tenant)
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn set_network(
    session: State<'_, Session>,
    network: NetworkSettings,
) -> Result<TenantsView, UserError> {
    session
        .set_network(network)
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn overview(session: State<'_, Session>) -> Result<OverviewView, UserError> {
    session
        .overview()
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn set_support_mode(session: State<'_, Session>, on: bool) -> Result<AppInfo, UserError> {
    session
        .set_support_mode(on)
        .await
        .map_err(|err| session.user_error(&err))
}

#[tauri::command]
#[specta::specta]
async fn client_log_folder(session: State<'_, Session>) -> Result<LogFolderView, UserError> {
    session
        .client_log_folder()
        .await
        .map_err(|err| session.user_error(&err))
}

/// The end of one file of the client's log folder, or what came after `after`.
#[tauri::command]
#[specta::specta]
async fn client_log(
    session: State<'_, Session>,
    file: String,
    after: Option<f64>,
    search: String,
) -> Result<LogTailView, UserError> {
    // The page's numbers are f64: a byte offset it got from `end` comes back whole.
    let after = after
        .filter(|offset| *offset >= 0.0)
        .map(|offset| offset as u64);
    session
        .client_log(file, after, search)
        .await
        .map_err(|err| session.user_error(&err))
}

/// Gathers the diagnostics bundle and shows it; nothing is written until it is saved.
#[tauri::command]
#[specta::specta]
async fn diagnostics(session: State<'_, Session>) -> Result<DiagnosticsView, UserError> {
    session
        .diagnostics()
        .await
        .map_err(|err| session.user_error(&err))
}

/// The app, for the save dialog it opens.
struct SaveDialog(tauri::AppHandle);

/// Asks where to save the bundle `id` (the system's save dialog) and saves it there; `null`
/// when the admin cancelled.
#[tauri::command]
#[specta::specta]
async fn save_diagnostics(
    app: State<'_, SaveDialog>,
    session: State<'_, Session>,
    id: String,
) -> Result<Option<String>, UserError> {
    use tauri_plugin_dialog::DialogExt;
    let name = session
        .diagnostics_file_name(&id)
        .await
        .map_err(|err| session.user_error(&err))?;
    let dialog = app
        .0
        .dialog()
        .file()
        .set_file_name(name)
        .add_filter("Zip", &["zip"]);
    // The dialog waits for the admin; the window stays responsive meanwhile.
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .ok()
        .flatten()
        .and_then(|path| path.into_path().ok());
    let Some(path) = chosen else {
        return Ok(None);
    };
    session
        .save_diagnostics(&id, path.clone())
        .await
        .map_err(|err| session.user_error(&err))?;
    Ok(Some(path.display().to_string()))
}

/// The commands and the types they carry; also the source of the page's TypeScript bindings.
pub fn commands<R: tauri::Runtime>() -> tauri_specta::Builder<R> {
    tauri_specta::Builder::<R>::new().commands(tauri_specta::collect_commands![
        app_info,
        status,
        history,
        import_log,
        resume_cycle,
        set_language,
        manual_sync,
        start_manual_sync,
        leave_manual_sync,
        tick_portal_cache,
        open_school_promotion_howto,
        nudge_step,
        reexport_templates,
        search_users,
        open_preview,
        preview_window,
        close_preview,
        execute_reexport,
        sent_reexports,
        send_reexport_again,
        export_queue,
        next_open_at,
        audit_log,
        tenants,
        save_profile,
        remove_profile,
        test_connection,
        switch_tenant,
        set_network,
        overview,
        set_support_mode,
        client_log_folder,
        client_log,
        diagnostics,
        save_diagnostics
    ])
}

pub fn run() {
    let paths = AppPaths::for_user();
    let _log_guard = logging::init(&paths.log_dir, "synkvakt");
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "Synkvakt starting");
    let session = Session::open(&paths, DemoLauncher::default_binary());
    let launch = Launch::from_args(std::env::args());
    let requests = OpenRequests::new(launch.open.clone());
    let result = tauri::Builder::default()
        // First of all: a second launch hands its place to this window and ends.
        .plugin(tauri_plugin_single_instance::init(|app, args, _cwd| {
            app.state::<OpenRequests>()
                .push(Launch::from_args(args).open);
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(commands::<tauri::Wry>().invoke_handler())
        .manage(session)
        .manage(requests)
        .setup(move |app| {
            // `--demo` (the README's first command) opens the embedded demo tenant.
            if launch.demo {
                let session = app.state::<Session>();
                let chosen = tauri::async_runtime::block_on(
                    session.switch_tenant(TenantRef::Demo { number: 1 }),
                );
                if let Err(err) = chosen {
                    tracing::warn!("the demo tenant is not put in view: {err}");
                }
            }
            app.manage(SaveDialog(app.handle().clone()));
            tauri::async_runtime::spawn(app.state::<Session>().keep_demo_alive());
            companion::start_watcher(&companion::watcher_binary());
            Ok(())
        })
        .on_window_event(|window, event| {
            // Closing the window ends the app, but never halfway through a manual sync, nor
            // before an Execute has its answer.
            if let WindowEvent::CloseRequested { api, .. } = event {
                let session = window.state::<Session>();
                if session.manual_sync_under_way() || session.reexport_under_way() {
                    api.prevent_close();
                    let _ = window.hide();
                    let app = window.app_handle().clone();
                    tauri::async_runtime::spawn(async move {
                        let session = app.state::<Session>();
                        session.settle_reexport().await;
                        session.settle_manual_sync().await;
                        // Launched again meanwhile: the admin is back, and the window stays.
                        let shown = app
                            .get_webview_window("main")
                            .and_then(|window| window.is_visible().ok())
                            .unwrap_or(false);
                        if !shown {
                            app.exit(0);
                        }
                    });
                }
            }
        })
        .run(tauri::generate_context!());
    if let Err(err) = result {
        tracing::error!("Synkvakt stopped: {err}");
        std::process::exit(1);
    }
}

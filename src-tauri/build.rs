/// The app's own commands. Declaring them makes every one of them subject to the capability
/// files, so a window can call only what its capability grants.
const COMMANDS: &[&str] = &[
    "app_info",
    "status",
    "history",
    "import_log",
    "resume_cycle",
    "set_language",
    "manual_sync",
    "start_manual_sync",
    "leave_manual_sync",
    "tick_portal_cache",
    "open_school_promotion_howto",
    "nudge_step",
    "reexport_templates",
    "search_users",
    "open_preview",
    "preview_window",
    "close_preview",
    "execute_reexport",
    "sent_reexports",
    "send_reexport_again",
    "export_queue",
    "next_open_at",
    "audit_log",
    "tenants",
    "save_profile",
    "remove_profile",
    "test_connection",
    "switch_tenant",
    "set_network",
    "overview",
    "set_support_mode",
    "client_log_folder",
    "client_log",
    "diagnostics",
    "save_diagnostics",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("the Tauri build step failed");
}

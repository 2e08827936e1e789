// The page's only way to the Rust side. Components import from here, never from the generated
// bindings or from @tauri-apps/* directly, so that every call and its errors are handled once.
import { commands } from './bindings';
import type {
  AppInfo_Serialize,
  AuditEntryView,
  AuditQuery,
  AuditView,
  BundlePart,
  DiagnosticsView,
  LineLevel,
  LogFileView_Serialize,
  LogFolderView_Serialize,
  LogLineView,
  LogTailView,
  Outcome as AuditOutcome,
  CheckOutcome,
  ConnectionReport_Serialize,
  Machine,
  NetworkSettings_Serialize,
  OverviewView_Serialize,
  Product,
  ProfileInput_Serialize,
  ProfileView_Serialize,
  SecretChange,
  TenantGlance_Serialize,
  TenantRef,
  TenantsView_Serialize,
  ConfirmedCounts,
  ExportJob_Serialize,
  ExportQueue,
  PreviewColumn,
  PreviewOpened,
  PreviewQuery,
  PreviewWindow,
  ReexportScope,
  TemplateView,
  UserSearchView,
  CycleView_Serialize,
  DisplayState,
  GuidanceView_Serialize,
  HistoryView_Serialize,
  ImportChange,
  ImportCounts,
  ImportFilter,
  ImportLogView,
  ItemState,
  Language,
  ManualSyncView_Serialize,
  ManualSyncPage_Serialize,
  NoNewCycleView_Serialize,
  RemedyView_Serialize,
  TaskView_Serialize,
  RemedyKind,
  CacheClearing,
  OpenAt,
  Opening_Serialize,
  SentReexportView_Serialize,
  NudgeView_Serialize,
  OverallState,
  Situation,
  StatusView_Serialize,
  TaskStateView,
  StepView_Serialize,
  UserError,
} from './bindings';
import { t } from './i18n.svelte';

export type AppInfo = AppInfo_Serialize;
export type StatusView = StatusView_Serialize;
export type StepView = StepView_Serialize;
export type CycleView = CycleView_Serialize;
export type HistoryView = HistoryView_Serialize;
export type ManualSyncView = ManualSyncView_Serialize;
export type ManualSyncPage = ManualSyncPage_Serialize;
export type NoNewCycleView = NoNewCycleView_Serialize;
export type GuidanceView = GuidanceView_Serialize;
export type RemedyView = RemedyView_Serialize;
export type TaskView = TaskView_Serialize;
export type NudgeView = NudgeView_Serialize;
export type TenantsView = TenantsView_Serialize;
export type Opening = Opening_Serialize;
export type ExportJob = ExportJob_Serialize;
export type SentReexportView = SentReexportView_Serialize;
export type ProfileView = ProfileView_Serialize;
// The page sends every field, so the stricter serialized shape of the input is the one it builds.
export type ProfileInput = ProfileInput_Serialize;
export type NetworkSettings = NetworkSettings_Serialize;
export type ConnectionReport = ConnectionReport_Serialize;
export type OverviewView = OverviewView_Serialize;
export type TenantGlance = TenantGlance_Serialize;
export type LogFolderView = LogFolderView_Serialize;
export type LogFileView = LogFileView_Serialize;
export type {
  CheckOutcome,
  Machine,
  Product,
  SecretChange,
  TenantRef,
  AuditEntryView,
  AuditOutcome,
  AuditQuery,
  AuditView,
  BundlePart,
  DiagnosticsView,
  LineLevel,
  LogLineView,
  LogTailView,
  OpenAt,
  ConfirmedCounts,
  ExportQueue,
  PreviewColumn,
  PreviewOpened,
  PreviewQuery,
  PreviewWindow,
  ReexportScope,
  TemplateView,
  UserSearchView,
  DisplayState,
  RemedyKind,
  CacheClearing,
  ImportChange,
  ImportCounts,
  ImportFilter,
  ImportLogView,
  ItemState,
  Language,
  OverallState,
  Situation,
  TaskStateView,
  UserError,
};

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: UserError };

function isUserError(value: unknown): value is UserError {
  return typeof value === 'object' && value !== null && 'kind' in value && 'message' in value;
}

/** A refusal from Tauri itself (a permission, a lost webview) arrives as a bare string. */
function toUserError(raw: unknown): UserError {
  if (isUserError(raw)) return raw;
  return {
    kind: 'ipc',
    message: t('error-ipc'),
    hint: t('error-ipc-hint'),
    detail: raw instanceof Error ? raw.message : String(raw),
  };
}

async function settle<T>(call: () => Promise<{ status: 'ok'; data: T } | { status: 'error'; error: UserError }>): Promise<Outcome<T>> {
  try {
    const result = await call();
    return result.status === 'ok' ? { ok: true, value: result.data } : { ok: false, error: toUserError(result.error) };
  } catch (raw) {
    return { ok: false, error: toUserError(raw) };
  }
}

export function loadAppInfo(): Promise<Outcome<AppInfo>> {
  return settle(async () => ({ status: 'ok' as const, data: await commands.appInfo() }));
}

export function loadStatus(): Promise<Outcome<StatusView>> {
  return settle(() => commands.status());
}

export function loadHistory(): Promise<Outcome<HistoryView>> {
  return settle(() => commands.history());
}

export function loadImportLog(
  kind: ImportChange | null,
  search: string,
  offset: number,
  limit: number,
): Promise<Outcome<ImportLogView>> {
  return settle(() => commands.importLog(kind, search, offset, limit));
}

export function resumeCycle(cycleId: string, confirmed: ImportCounts): Promise<Outcome<StatusView>> {
  return settle(() => commands.resumeCycle(cycleId, confirmed));
}

export function chooseLanguage(language: Language | null): Promise<Outcome<AppInfo>> {
  return settle(() => commands.setLanguage(language));
}

/**
 * The next place the window is asked to open at (its launch, a clicked notification, the tray
 * menu), with the tenant it names already in view. The call waits until there is one; keep one
 * waiting for as long as the page lives.
 */
export function nextOpenAt(): Promise<Outcome<Opening>> {
  return settle(() => commands.nextOpenAt());
}

/** The task a new manual sync runs (or that the tenant starts it itself), and the run under way. */
export function loadManualSync(): Promise<Outcome<ManualSyncPage>> {
  return settle(() => commands.manualSync());
}

/** The admin cleared their own cache in the portal, as the checklist asked. */
export function tickPortalCache(): Promise<Outcome<ManualSyncView | null>> {
  return settle(() => commands.tickPortalCache());
}

/** Opens the vendor's school-promotion how-to in the system browser; Rust holds the address. */
export function openSchoolPromotionHowto(): Promise<Outcome<null>> {
  return settle(() => commands.openSchoolPromotionHowto());
}

/** Rust checks the cycle and the task again right before it runs anything. */
export function startManualSync(): Promise<Outcome<ManualSyncView>> {
  return settle(() => commands.startManualSync());
}

export function leaveManualSync(): Promise<Outcome<ManualSyncView | null>> {
  return settle(() => commands.leaveManualSync());
}

/** Runs a configured task for a step whose guidance names it; Rust checks that it still does. */
export function nudgeStep(stepKey: string, task: string, server: string | null): Promise<Outcome<StatusView>> {
  return settle(() => commands.nudgeStep(stepKey, task, server));
}

export function loadTemplates(): Promise<Outcome<TemplateView[]>> {
  return settle(() => commands.reexportTemplates());
}

export function searchUsers(search: string): Promise<Outcome<UserSearchView>> {
  return settle(() => commands.searchUsers(search));
}

/** Starts the preview's download in Rust; the rows stay there. */
export function openPreview(templateId: string, mappingId: string | null, scope: ReexportScope): Promise<Outcome<PreviewOpened>> {
  return settle(() => commands.openPreview(templateId, mappingId, scope));
}

/** The rows the table shows, filtered and sorted in Rust. */
export function previewWindow(previewId: string, query: PreviewQuery): Promise<Outcome<PreviewWindow>> {
  return settle(() => commands.previewWindow(previewId, query));
}

/** Stops the download and drops the rows. */
export function closePreview(previewId: string): Promise<Outcome<null>> {
  return settle(() => commands.closePreview(previewId));
}

/** Rust checks the counts and sends the dialog's one idempotency key: one job, however often. */
export function executeReexport(previewId: string, confirmed: ConfirmedCounts): Promise<Outcome<ExportJob>> {
  return settle(() => commands.executeReexport(previewId, confirmed));
}

/** The re-exports sent and not answered before Synkvakt last stopped, and what became of them. */
export function loadSentReexports(): Promise<Outcome<SentReexportView[]>> {
  return settle(() => commands.sentReexports());
}

/** Sends a re-export that never arrived again, with its own key, after a fresh confirmation. */
export function sendReexportAgain(key: string, confirmed: ConfirmedCounts): Promise<Outcome<ExportJob>> {
  return settle(() => commands.sendReexportAgain(key, confirmed));
}

/** A page of the audit log, newest first, filtered in Rust. */
export function loadAuditLog(query: AuditQuery): Promise<Outcome<AuditView>> {
  return settle(() => commands.auditLog(query));
}

export function loadExportQueue(): Promise<Outcome<ExportQueue>> {
  return settle(() => commands.exportQueue());
}

/** The profiles, the tenant in view, the defaults for a new profile and the network settings. */
export function loadTenants(): Promise<Outcome<TenantsView>> {
  return settle(() => commands.tenants());
}

/** Adds a profile (no id) or changes one; Rust checks every field and keeps secrets in the keyring. */
export function saveProfile(input: ProfileInput): Promise<Outcome<TenantsView>> {
  return settle(() => commands.saveProfile(input));
}

/** Removes a profile and its secrets. */
export function removeProfile(id: string): Promise<Outcome<TenantsView>> {
  return settle(() => commands.removeProfile(id));
}

/** Tests the profile as the form has it, saved or not; the report says check by check. */
export function testConnection(input: ProfileInput): Promise<Outcome<ConnectionReport>> {
  return settle(() => commands.testConnection(input));
}

/** Puts another tenant in view; refused while a manual sync of the one in view is under way. */
export function switchTenant(tenant: TenantRef): Promise<Outcome<TenantsView>> {
  return settle(() => commands.switchTenant(tenant));
}

export function saveNetwork(network: NetworkSettings): Promise<Outcome<TenantsView>> {
  return settle(() => commands.setNetwork(network));
}

/** Every tenant followed, and the one in view, at a glance; asks each of them, so it takes a while. */
export function loadOverview(): Promise<Outcome<OverviewView>> {
  return settle(() => commands.overview());
}

/** Rust masks personal data itself while it is on; the answer says whether it now is. */
export function setSupportMode(on: boolean): Promise<Outcome<AppInfo>> {
  return settle(() => commands.setSupportMode(on));
}

/** The newest files of the client's log folder; Rust gives up on a folder that does not answer. */
export function loadClientLogFolder(): Promise<Outcome<LogFolderView>> {
  return settle(() => commands.clientLogFolder());
}

/** The end of a log file, or only what was written after `after` (the `end` of the last read). */
export function loadClientLog(file: string, after: number | null, search: string): Promise<Outcome<LogTailView>> {
  return settle(() => commands.clientLog(file, after, search));
}

/** Gathers the bundle in memory; nothing is written until it is saved. */
export function gatherDiagnostics(): Promise<Outcome<DiagnosticsView>> {
  return settle(() => commands.diagnostics());
}

/** Rust asks where (the system's save dialog); the saved path, or null when the admin cancelled. */
export function saveDiagnostics(id: string): Promise<Outcome<string | null>> {
  return settle(() => commands.saveDiagnostics(id));
}

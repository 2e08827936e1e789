// The page's only way to the Rust side. Components import from here, never from the generated
// bindings or from @tauri-apps/* directly, so that every call and its errors are handled once.
import { commands } from './bindings';
import type {
  AppInfo_Serialize,
  DisplayState,
  ImportFilter,
  Language,
  OverallState,
  StatusView_Serialize,
  StepView_Serialize,
  UserError,
} from './bindings';
import { t } from './i18n.svelte';

export type AppInfo = AppInfo_Serialize;
export type StatusView = StatusView_Serialize;
export type StepView = StepView_Serialize;
export type { DisplayState, ImportFilter, Language, OverallState, UserError };

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

export function chooseLanguage(language: Language | null): Promise<Outcome<AppInfo>> {
  return settle(() => commands.setLanguage(language));
}

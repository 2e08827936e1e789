// Shared test helpers: realistic IPC payloads shaped like the generated `*_Serialize` types, a
// fake backend on top of `mockIPC`, and file-system helpers for the source-scanning tests.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import type {
  AppInfo_Serialize,
  DisplayState,
  Language,
  StatusView_Serialize,
  StepView_Serialize,
  UserError,
} from './lib/bindings';

// Built from the path string: under jsdom the global URL is jsdom's, which node:url rejects.
/** ui/src */
export const srcDir = dirname(fileURLToPath(import.meta.url));
/** The shared Fluent catalog, next to the Rust core. */
export const localesDir = resolve(srcDir, '../../src-tauri/crates/core/locales');

export function readSrc(path: string): string {
  return readFileSync(join(srcDir, path), 'utf8');
}

/** Every file under ui/src, as paths relative to it with forward slashes. */
export function sourceFiles(dir: string = srcDir): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(full));
    else found.push(relative(srcDir, full).split(sep).join('/'));
  }
  return found.sort();
}

/** The test code itself, which may (and must) reach past the boundaries it checks. */
export function isTestCode(path: string): boolean {
  return /\.test\.ts$/.test(path) || /(^|\/)test-(setup|fixtures)\.ts$/.test(path);
}

/** The members of a string-literal union type in the generated bindings, e.g. `DisplayState`. */
export function unionMembers(typeName: string): string[] {
  const source = readSrc('lib/bindings.ts');
  const match = new RegExp(`export type ${typeName} =([^;]*);`).exec(source);
  if (!match) throw new Error(`bindings.ts has no type ${typeName}`);
  const body = match[1].replace(/\/\*[\s\S]*?\*\//g, '');
  const members = [...body.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  if (members.length === 0) throw new Error(`type ${typeName} is not a string union`);
  return members;
}

// ---------------------------------------------------------------------------------------------
// Payloads

export function appInfo(language: Language, choice: Language | null = language): AppInfo_Serialize {
  return { version: '0.1.0', language, languageChoice: choice, settingsProblem: null };
}

/** Step names as the Rust core takes them from the catalog, per language (eAdm). */
const eadmNames: Record<Language, Record<string, string>> = {
  en: { synchronization: 'Synchronization' },
  nb: { synchronization: 'Synkronisering' },
  nn: { synchronization: 'Synkronisering' },
};
const eadmKeys: [string, string][] = [
  ['import-hr', 'Import HR'],
  ['import-hr-future', 'Import HR Future'],
  ['import-hierarchy', 'Import Hierarchy'],
  ['import-ad', 'Import AD'],
  ['synchronization', 'Synchronization'],
  ['export-ad', 'Export AD'],
  ['import-ad-results', 'Import AD Results'],
  ['export-azure', 'Export Azure'],
  ['export-efeide', 'Export eFeide'],
];

const cycleStart = Date.parse('2025-11-21T23:00:00Z');
const at = (minutes: number) => new Date(cycleStart + minutes * 60_000).toISOString();

function step(
  index: number,
  language: Language,
  state: DisplayState,
  rawState: string,
  extra: Partial<StepView_Serialize> = {},
): StepView_Serialize {
  const [key, english] = eadmKeys[index];
  const done = state === 'completed' || state === 'failed' || state === 'stopped';
  const started = state !== 'waiting' && state !== 'not-reached' && state !== 'skipped';
  return {
    key,
    name: eadmNames[language][key] ?? english,
    known: true,
    state,
    rawState,
    startedAt: started ? at(index * 4) : null,
    finishedAt: done ? at(index * 4 + 3) : null,
    message: null,
    errorCode: null,
    ...extra,
  };
}

export const FAILED_MESSAGE =
  'The client did not fetch the export: no contact with the client server within 30 minutes';
export const FAILED_CODE = 'EXP-AD-0412';

/** The demo tenant's "step-failed" scenario: eAdm, Export AD failed, the rest not reached. */
export function failedEadmStatus(language: Language = 'en', message: string = FAILED_MESSAGE): StatusView_Serialize {
  const headline = { en: 'Failed at Export AD', nb: 'Feilet på Export AD', nn: 'Feila på Export AD' }[language];
  const steps = [
    step(0, language, 'completed', 'completed'),
    step(1, language, 'completed', 'completed'),
    step(2, language, 'completed', 'completed'),
    step(3, language, 'completed', 'completed'),
    step(4, language, 'completed', 'completed'),
    step(5, language, 'failed', 'failed', { message, errorCode: FAILED_CODE }),
    step(6, language, 'not-reached', 'waiting'),
    step(7, language, 'not-reached', 'waiting'),
    step(8, language, 'not-reached', 'waiting'),
  ];
  return {
    tenant: { name: 'Demo kommune', product: 'eAdm', demoScenario: 'step-failed' },
    cycle: {
      id: 'eadm-20251121-230000',
      kind: 'full',
      state: 'failed',
      rawState: 'failed',
      startedAt: at(0),
      finishedAt: at(23),
      steps,
      importFilter: null,
      attention: 5,
      headline,
    },
    fetchedAt: at(40),
  };
}

/** A delta cycle in progress: Synchronization runs, the exports wait. */
export function runningEadmStatus(language: Language = 'en'): StatusView_Serialize {
  const name = eadmNames[language].synchronization;
  const headline = { en: `Running: ${name}`, nb: `Kjører: ${name}`, nn: `Køyrer: ${name}` }[language];
  const steps = [
    step(3, language, 'completed', 'completed'),
    step(4, language, 'running', 'running'),
    step(5, language, 'waiting', 'waiting'),
    step(6, language, 'waiting', 'waiting'),
  ];
  return {
    tenant: { name: 'Demo kommune', product: 'eAdm', demoScenario: 'running' },
    cycle: {
      id: 'eadm-20251121-231200',
      kind: 'delta',
      state: 'running',
      rawState: 'running',
      startedAt: at(12),
      finishedAt: null,
      steps,
      importFilter: null,
      attention: 1,
      headline,
    },
    fetchedAt: at(20),
  };
}

export const demoTenantError: UserError = {
  kind: 'demo-tenant',
  message: 'The demo tenant could not start.',
  hint: "Try again. If it keeps failing, the details below say why; the demo tenant's log is in Synkvakt's log folder.",
  detail: 'the demo tenant could not start: /opt/synkvakt/synkvakt-demo-tenant: No such file or directory (os error 2)',
};

// ---------------------------------------------------------------------------------------------
// The fake backend

export interface Backend {
  /** Starts as the app_info language; set_language changes it, as the Rust session does. */
  language: Language;
  choice: Language | null;
  /** Answers `status` in the current language; throw a UserError to refuse. */
  status: (language: Language) => StatusView_Serialize;
}

/**
 * Installs `mockIPC` with the three commands of the generated bindings and returns the spy that
 * saw every call, as `(cmd, args)`.
 */
export function installBackend(backend: Backend) {
  const ipc = vi.fn((cmd: string, args?: unknown): unknown => {
    switch (cmd) {
      case 'app_info':
        return appInfo(backend.language, backend.choice);
      case 'status':
        return backend.status(backend.language);
      case 'set_language': {
        const { language } = args as { language: Language | null };
        backend.choice = language;
        backend.language = language ?? 'nb';
        return appInfo(backend.language, backend.choice);
      }
      default:
        throw new Error(`unexpected command ${cmd}`);
    }
  });
  mockWindows('main');
  mockIPC((cmd, args) => ipc(cmd, args));
  return ipc;
}

/** How many times the spy saw a command. */
export function callsOf(ipc: ReturnType<typeof installBackend>, cmd: string): number {
  return ipc.mock.calls.filter(([name]) => name === cmd).length;
}

// Shared test helpers: realistic IPC payloads shaped like the generated `*_Serialize` types, a
// fake backend on top of `mockIPC`, and file-system helpers for the source-scanning tests.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, vi } from 'vitest';
import { screen, within } from '@testing-library/svelte';
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import type {
  AppInfo_Serialize,
  CycleKind,
  CycleView_Serialize,
  DisplayState,
  GuidanceView_Serialize,
  HistoryView_Serialize,
  Language,
  OpenAt,
  Opening_Serialize,
  OverallState,
  ProductDefaults,
  ProfileInput_Serialize,
  ProfileView_Serialize,
  RemedyKind,
  RemedyView_Serialize,
  Situation,
  StatusView_Serialize,
  StepView_Serialize,
  TenantRef,
  TenantView_Serialize,
  TenantsView_Serialize,
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
//
// The texts the Rust core formats (step names, headlines, guidance, support details) come from
// the same Fluent catalog here, so that every language gets what the real session would send.

export function appInfo(language: Language, choice: Language | null = language, supportMode = false): AppInfo_Serialize {
  return {
    version: '0.1.0',
    language,
    languageChoice: choice,
    settingsProblem: null,
    supportMode,
    retryBackoffMs: [3000, 6000, 12000, 30000, 60000],
  };
}

const bundles = new Map<Language, FluentBundle>();

/** A message of the shared catalog, formatted as the Rust `Localizer` does (no isolation marks). */
export function catalogText(language: Language, id: string, args?: Record<string, FluentVariable>): string {
  let bundle = bundles.get(language);
  if (!bundle) {
    bundle = new FluentBundle(language, { useIsolating: false });
    bundle.addResource(new FluentResource(readFileSync(join(localesDir, `${language}.ftl`), 'utf8')));
    bundles.set(language, bundle);
  }
  const message = bundle.getMessage(id);
  if (!message?.value) throw new Error(`${language}.ftl has no message ${id}`);
  const errors: Error[] = [];
  const text = bundle.formatPattern(message.value, args, errors);
  if (errors.length > 0) throw errors[0];
  return text;
}

/** The eAdm catalog, in the order of a cycle. */
const eadmKeys = [
  'import-hr',
  'import-hr-future',
  'import-hierarchy',
  'import-ad',
  'synchronization',
  'export-ad',
  'import-ad-results',
  'export-azure',
  'export-efeide',
] as const;
type EadmKey = (typeof eadmKeys)[number];
/** The steps a delta cycle skips: the imports before Synchronization (the feedback from AD runs). */
const eadmImports: EadmKey[] = ['import-hr', 'import-hr-future', 'import-hierarchy', 'import-ad'];

/** The scheduled task the eAdm guides name, on the client server (no server configured). */
export const EADM_SYNC_TASK = {
  name: 'eAdm synkronisering',
  alternative: null,
  machine: 'client-server',
  server: null,
  mayRun: true,
} as const;
/** The default log folder of the client, as the settings have it. */
export const LOG_FOLDER = 'C:\\eadm\\loggfiler';

type Remedy = 'run-sync' | 'read-logs' | 'event-log' | 'review-filter' | 'support-if-unsure' | 'support-if-no-help' | 'support';
const SUPPORT: Remedy[] = ['support'];
const NUDGE: Remedy[] = ['run-sync', 'event-log', 'read-logs', 'support-if-no-help'];

/** The remedies of core/src/guidance.rs (tests/GUIDANCE.md) for the eAdm steps. */
function eadmRemedies(key: EadmKey, situation: Situation): Remedy[] {
  if (situation === 'stopped') return key === 'synchronization' ? ['review-filter', 'support-if-unsure'] : SUPPORT;
  if (key === 'export-ad') return NUDGE;
  if (key === 'import-ad-results') return ['read-logs', 'support-if-no-help'];
  if (situation === 'failed' || situation === 'running-too-long') return SUPPORT;
  return key === 'import-hr-future' ? SUPPORT : NUDGE;
}

function plain(kind: RemedyKind, text: string): RemedyView_Serialize {
  return { kind, text, tasks: [], link: null };
}

function remedyView(language: Language, remedy: Remedy): RemedyView_Serialize {
  const server = catalogText(language, 'machine-client-server');
  switch (remedy) {
    case 'run-sync':
      return {
        kind: 'run-task',
        text: catalogText(language, 'remedy-run-task', { task: EADM_SYNC_TASK.name, server }),
        tasks: [{ ...EADM_SYNC_TASK }],
        link: null,
      };
    case 'read-logs':
      // No client server is configured: the folder is named as a path on it.
      return plain('read-client-logs', catalogText(language, 'remedy-read-logs-on', { path: LOG_FOLDER, server }));
    case 'event-log':
      return plain('read-event-log', catalogText(language, 'remedy-event-log', { server }));
    case 'review-filter':
      return plain('review-import-filter', catalogText(language, 'remedy-review-import-filter'));
    case 'support-if-unsure':
      return plain('support-if-unsure', catalogText(language, 'remedy-support-if-unsure'));
    case 'support-if-no-help':
      return plain('support-if-no-help', catalogText(language, 'remedy-support-if-no-help'));
    case 'support':
      return plain('contact-support', catalogText(language, 'remedy-contact-support'));
  }
}

function guidanceView(language: Language, key: EadmKey, situation: Situation | null): GuidanceView_Serialize {
  const remedies = situation ? eadmRemedies(key, situation) : [];
  return {
    about: catalogText(language, `about-eadm-${key}`),
    waitsFor: null,
    situation,
    remedies: remedies.map((remedy) => remedyView(language, remedy)),
    supportOnly: remedies.length === 1 && remedies[0] === 'support',
  };
}

/** The Rust core's `local_time`: "2025-11-22 00:20:00 +01:00", in Norwegian time. */
function supportTime(iso: string | null): string {
  if (!iso) return '-';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Oslo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${offset}`;
}

const minute = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** The service's cycle ids: product, then the start in UTC. */
function cycleId(start: number): string {
  const [date, time] = iso(start).slice(0, 19).split('T');
  return `eadm-${date.replaceAll('-', '')}-${time.replaceAll(':', '')}`;
}

interface StepSpec {
  state: DisplayState;
  /** The service's word; "waiting" for a step drawn as not reached. */
  rawState?: string;
  /** Minutes after the cycle start; by default 4 per step before it. */
  startedAfter?: number | null;
  /** Minutes after the cycle start; by default 3 after the start for a finished step. */
  finishedAfter?: number | null;
  message?: string | null;
  errorCode?: string | null;
  limitSeconds?: number | null;
  overdue?: boolean;
}

interface CycleSpec {
  tenant: TenantView_Serialize;
  language: Language;
  kind: CycleKind;
  state: OverallState;
  /** Epoch milliseconds. */
  start: number;
  /** Minutes after the start; null while it runs. */
  finishedAfter: number | null;
  steps: Partial<Record<EadmKey, StepSpec>>;
}

/** A cycle view as core/src/status.rs builds it: names, situations, guidance, attention, headline. */
function eadmCycle(spec: CycleSpec): CycleView_Serialize {
  const { language, tenant, start } = spec;
  const at = (minutes: number) => iso(start + minutes * minute);
  const id = cycleId(start);
  const rawCycleState = spec.state;
  const label = (key: string, value: string) => `${catalogText(language, key)}: ${value}`;
  const steps = eadmKeys
    .map((key, index) => ({ key, index, s: spec.steps[key] }))
    .filter((entry): entry is { key: EadmKey; index: number; s: StepSpec } => entry.s !== undefined)
    .map(({ key, index, s }): StepView_Serialize => {
      const name = catalogText(language, `step-eadm-${key}`);
      const rawState = s.rawState ?? (s.state === 'not-reached' ? 'waiting' : s.state);
      const done = s.state === 'completed' || s.state === 'failed' || s.state === 'stopped';
      const started = !['waiting', 'not-reached', 'skipped'].includes(s.state);
      const startedAfter = s.startedAfter !== undefined ? s.startedAfter : started ? index * 4 : null;
      const finishedAfter =
        s.finishedAfter !== undefined ? s.finishedAfter : done && startedAfter !== null ? startedAfter + 3 : null;
      const startedAt = startedAfter === null ? null : at(startedAfter);
      const finishedAt = finishedAfter === null ? null : at(finishedAfter);
      const overdue = s.overdue ?? false;
      const situation: Situation | null =
        s.state === 'failed'
          ? 'failed'
          : s.state === 'stopped'
            ? 'stopped'
            : s.state === 'running' && overdue
              ? 'running-too-long'
              : s.state === 'waiting' && overdue
                ? 'waiting-too-long'
                : null;
      const message = s.message ?? null;
      const errorCode = s.errorCode ?? null;
      const supportDetails = [
        label('support-tenant', `${tenant.name} (${tenant.product})`),
        label('support-cycle', `${id} (${spec.kind}, ${rawCycleState})`),
        label('support-step', `${name} (${key}), ${rawState}`),
        label('support-error-code', errorCode ?? '-'),
        label('support-message', message ?? '-'),
        label('support-started', supportTime(startedAt)),
        label('support-finished', supportTime(finishedAt)),
        label('support-cycle-started', supportTime(at(0))),
        label('support-app-version', 'Synkvakt 0.1.0'),
      ].join('\n');
      return {
        key,
        name,
        known: true,
        state: s.state,
        rawState,
        startedAt,
        finishedAt,
        message,
        errorCode,
        limitSeconds: s.limitSeconds ?? null,
        overdue,
        guidance: guidanceView(language, key, situation),
        supportDetails,
      };
    });

  const first = (states: DisplayState[]) => {
    const index = steps.findIndex((step) => states.includes(step.state));
    return index < 0 ? null : index;
  };
  const attention = first(['failed', 'stopped', 'unknown']) ?? first(['running']) ?? first(['waiting']);
  const stepName = attention === null ? '' : steps[attention].name;
  const headline =
    spec.state === 'completed'
      ? catalogText(language, 'overall-completed')
      : spec.state === 'resumed'
        ? catalogText(language, 'overall-resumed')
        : spec.state === 'failed'
          ? catalogText(language, 'overall-failed', { step: stepName })
          : spec.state === 'stopped'
            ? catalogText(language, 'overall-stopped', { step: stepName })
            : spec.state === 'running'
              ? catalogText(language, attention !== null && steps[attention].overdue ? 'overall-stalled-step' : 'overall-running', {
                  step: stepName,
                })
              : catalogText(language, 'overall-unknown', { state: rawCycleState });

  return {
    id,
    kind: spec.kind,
    state: spec.state,
    rawState: rawCycleState,
    startedAt: at(0),
    finishedAt: spec.finishedAfter === null ? null : at(spec.finishedAfter),
    steps,
    importFilter: null,
    attention,
    headline,
  };
}

const cycleStart = Date.parse('2025-11-21T23:00:00Z');
/** Cycles start every six hours. */
const cycleEvery = 6 * 60 * minute;
const demoTenant = (scenario: TenantView_Serialize['demoScenario']): TenantView_Serialize => ({
  reference: { kind: 'demo', number: 1 },
  name: 'Demo kommune',
  product: 'eAdm',
  demoScenario: scenario,
});

export const FAILED_MESSAGE =
  'The client did not fetch the export: no contact with the client server within 30 minutes';
export const FAILED_CODE = 'EXP-AD-0412';
/** The usual time of the stalled Export AD: 36 min. */
export const STALLED_LIMIT_SECONDS = 2160;
/** The profile's default limit for a new cycle, until a week of history teaches the usual gap. */
export const STALE_HOURS = 26;

function failedEadmCycle(language: Language, message: string, start: number, scenario: TenantView_Serialize['demoScenario']) {
  return eadmCycle({
    tenant: demoTenant(scenario),
    language,
    kind: 'full',
    state: 'failed',
    start,
    finishedAfter: 23,
    steps: {
      'import-hr': { state: 'completed' },
      'import-hr-future': { state: 'completed' },
      'import-hierarchy': { state: 'completed' },
      'import-ad': { state: 'completed' },
      synchronization: { state: 'completed' },
      'export-ad': { state: 'failed', message, errorCode: FAILED_CODE },
      'import-ad-results': { state: 'not-reached' },
      'export-azure': { state: 'not-reached' },
      'export-efeide': { state: 'not-reached' },
    },
  });
}

/** The delta cycle before the failed one: the imports skipped, the rest completed. */
function deltaCompletedCycle(language: Language): CycleView_Serialize {
  const steps: Partial<Record<EadmKey, StepSpec>> = {};
  let minutes = 0;
  for (const key of eadmKeys) {
    if (eadmImports.includes(key)) {
      steps[key] = { state: 'skipped' };
    } else {
      steps[key] = { state: 'completed', startedAfter: minutes, finishedAfter: minutes + 3 };
      minutes += 4;
    }
  }
  return eadmCycle({
    tenant: demoTenant('step-failed'),
    language,
    kind: 'delta',
    state: 'completed',
    start: cycleStart - cycleEvery,
    finishedAfter: minutes - 1,
    steps,
  });
}

function fullCompletedCycle(language: Language): CycleView_Serialize {
  return eadmCycle({
    tenant: demoTenant('step-failed'),
    language,
    kind: 'full',
    state: 'completed',
    start: cycleStart - 2 * cycleEvery,
    finishedAfter: 35,
    steps: Object.fromEntries(eadmKeys.map((key) => [key, { state: 'completed' }])),
  });
}

/** The demo tenant's "step-failed" scenario: eAdm, Export AD failed, the rest not reached. */
export function failedEadmStatus(language: Language = 'en', message: string = FAILED_MESSAGE): StatusView_Serialize {
  return {
    tenant: demoTenant('step-failed'),
    cycle: failedEadmCycle(language, message, cycleStart, 'step-failed'),
    fetchedAt: iso(cycleStart + 40 * minute),
    problem: null,
    noNewCycle: null,
    nudge: null,
    supportMode: false,
  };
}

/** The history behind `failedEadmStatus`, newest first: the failed cycle, a delta, a full one. */
export function eadmHistory(language: Language = 'en'): HistoryView_Serialize {
  return {
    cycles: [
      failedEadmCycle(language, FAILED_MESSAGE, cycleStart, 'step-failed'),
      deltaCompletedCycle(language),
      fullCompletedCycle(language),
    ],
  };
}

/** A delta cycle in progress: Synchronization runs, within its usual time; the exports wait. */
export function runningEadmStatus(language: Language = 'en'): StatusView_Serialize {
  const start = cycleStart + 12 * minute;
  return {
    tenant: demoTenant('running'),
    cycle: eadmCycle({
      tenant: demoTenant('running'),
      language,
      kind: 'delta',
      state: 'running',
      start,
      finishedAfter: null,
      steps: {
        'import-ad': { state: 'completed', startedAfter: 0, finishedAfter: 3 },
        synchronization: { state: 'running', startedAfter: 4, limitSeconds: 2100 },
        'export-ad': { state: 'waiting' },
        'import-ad-results': { state: 'waiting' },
      },
    }),
    fetchedAt: iso(start + 8 * minute),
    problem: null,
    noNewCycle: null,
    nudge: null,
    supportMode: false,
  };
}

/** eAdm Import HR Future failed: a step only support can help with. */
export function supportOnlyEadmStatus(language: Language = 'en'): StatusView_Serialize {
  return {
    tenant: demoTenant('step-failed'),
    cycle: eadmCycle({
      tenant: demoTenant('step-failed'),
      language,
      kind: 'full',
      state: 'failed',
      start: cycleStart,
      finishedAfter: 7,
      steps: {
        'import-hr': { state: 'completed' },
        'import-hr-future': {
          state: 'failed',
          message: 'The HR system answered 503 Service Unavailable',
          errorCode: 'IMP-HRF-0503',
        },
        'import-hierarchy': { state: 'not-reached' },
        'import-ad': { state: 'not-reached' },
        synchronization: { state: 'not-reached' },
        'export-ad': { state: 'not-reached' },
        'import-ad-results': { state: 'not-reached' },
        'export-azure': { state: 'not-reached' },
        'export-efeide': { state: 'not-reached' },
      },
    }),
    fetchedAt: iso(cycleStart + 15 * minute),
    problem: null,
    noNewCycle: null,
    nudge: null,
    supportMode: false,
  };
}

/** Export AD has run for 50 min, past its usual 36 min: the client has not picked it up. */
function stalledEadmCycle(language: Language, start: number, exportAd: Partial<StepSpec> = {}) {
  return eadmCycle({
    tenant: demoTenant('stuck'),
    language,
    kind: 'full',
    state: 'running',
    start,
    finishedAfter: null,
    steps: {
      'import-hr': { state: 'completed' },
      'import-hr-future': { state: 'completed' },
      'import-hierarchy': { state: 'completed' },
      'import-ad': { state: 'completed' },
      synchronization: { state: 'completed' },
      'export-ad': { state: 'running', limitSeconds: STALLED_LIMIT_SECONDS, overdue: true, ...exportAd },
      'import-ad-results': { state: 'waiting' },
      'export-azure': { state: 'waiting' },
      'export-efeide': { state: 'waiting' },
    },
  });
}

export function stalledEadmStatus(language: Language = 'en'): StatusView_Serialize {
  return {
    tenant: demoTenant('stuck'),
    cycle: stalledEadmCycle(language, cycleStart),
    fetchedAt: iso(cycleStart + 70 * minute),
    problem: null,
    noNewCycle: null,
    nudge: null,
    supportMode: false,
  };
}

/** Export AD waits for Synchronization's results past its usual 10 min. */
export function waitingTooLongEadmStatus(language: Language = 'en'): StatusView_Serialize {
  const status = stalledEadmStatus(language);
  const cycle = stalledEadmCycle(language, cycleStart, {
    state: 'waiting',
    startedAfter: null,
    limitSeconds: 600,
    overdue: true,
  });
  return { ...status, cycle };
}

export const unreachableError: UserError = {
  kind: 'unreachable',
  message: 'Could not reach https://demo-kommune.eadm.example.no.',
  hint: 'Check the network connection and the address, then try again.',
  detail:
    'could not reach https://demo-kommune.eadm.example.no: error sending request for url (https://demo-kommune.eadm.example.no/api/v1/cycles/current): tcp connect error: Connection refused (os error 111)',
};

/** The tenant cannot be reached: the failed cycle as last fetched, 12 minutes before `now`. */
export function offlineEadmStatus(now: Date, language: Language = 'en'): StatusView_Serialize {
  const fetchedAt = now.getTime() - 12 * minute;
  const start = fetchedAt - 40 * minute;
  return {
    tenant: demoTenant('step-failed'),
    cycle: failedEadmCycle(language, FAILED_MESSAGE, start, 'step-failed'),
    fetchedAt: iso(fetchedAt),
    problem: unreachableError,
    noNewCycle: null,
    nudge: null,
    supportMode: false,
  };
}

/**
 * The guide's first eAdm case: the last cycle completed, and no new one has started for 20 hours,
 * past the 14 h 24 min the tenant's week of history allows after a cycle at that time of day.
 */
export function noNewCycleEadmStatus(now: Date, language: Language = 'en', learned = true): StatusView_Serialize {
  const cycle = fullCompletedCycle(language);
  const since = now.getTime() - 20 * 60 * minute;
  const server = catalogText(language, 'machine-client-server');
  const plainRemedy = (kind: RemedyKind, id: string, args?: Record<string, FluentVariable>) => plain(kind, catalogText(language, id, args));
  return {
    tenant: demoTenant('no-new-cycle'),
    cycle: { ...cycle, startedAt: iso(since), finishedAt: iso(since + 35 * minute) },
    fetchedAt: iso(now.getTime()),
    problem: null,
    noNewCycle: {
      since: iso(since),
      due: iso(since + (learned ? 14 * 3600 + 24 * 60 : STALE_HOURS * 3600) * 1000),
      limitSeconds: learned ? 14 * 3600 + 24 * 60 : STALE_HOURS * 3600,
      learned,
      resumed: false,
      guidance: {
        about: catalogText(language, 'about-no-new-cycle'),
        waitsFor: null,
        situation: 'no-new-cycle',
        remedies: [
          plainRemedy('manual-sync', 'remedy-manual-sync', { task: EADM_SYNC_TASK.name, server }),
          plainRemedy('read-event-log', 'remedy-event-log', { server }),
          plainRemedy('read-client-logs', 'remedy-read-logs-on', { path: LOG_FOLDER, server }),
          plainRemedy('support-if-no-help', 'remedy-support-if-no-help'),
        ],
        supportOnly: false,
      },
      supportDetails: 'Tenant: Demo kommune (eAdm)',
    },
    nudge: null,
    supportMode: false,
  };
}

export const demoTenantError: UserError = {
  kind: 'demo-tenant',
  message: 'The demo tenant could not start.',
  hint: "Try again. If it keeps failing, the details below say why; the demo tenant's log is in Synkvakt's log folder.",
  detail: 'the demo tenant could not start: /opt/synkvakt/synkvakt-demo-tenant: No such file or directory (os error 2)',
};

// ---------------------------------------------------------------------------------------------
// Tenant profiles

/** What `ProductDefaults::all()` gives: each product's tasks as its guides name them. */
export const PRODUCT_DEFAULTS: ProductDefaults[] = [
  {
    product: 'eAdm',
    tasks: [{ name: 'eAdm synkronisering', machine: 'client-server' }],
    logFolder: LOG_FOLDER,
    intervalSeconds: 60,
    newCycleHours: STALE_HOURS,
    newCycleWaitMinutes: 10,
  },
  {
    product: 'eFeide',
    tasks: [
      { name: 'eFeide synkronisering', machine: 'client-server' },
      { name: 'eFeide Import AD', machine: 'domain-controller' },
    ],
    logFolder: '',
    intervalSeconds: 60,
    newCycleHours: STALE_HOURS,
    newCycleWaitMinutes: 10,
  },
];

/** A saved eAdm profile with its key in the keyring; the secrets themselves never come back. */
export function kommuneProfile(id: string, name: string, apiKeyStored = true): ProfileView_Serialize {
  return {
    profile: {
      id,
      name,
      product: 'eAdm',
      serviceUrl: `https://${id}.eadm.example.no`,
      client: {
        clientServer: 'eadm-klient01',
        domainControllers: [],
        allowDomainControllerTasks: false,
        logFolder: LOG_FOLDER,
        tasks: [{ name: 'eAdm synkronisering', server: 'eadm-klient01', role: 'client-server' }],
      },
      serverAccount: null,
      intervalSeconds: 60,
      newCycleHours: STALE_HOURS,
      newCycleWaitMinutes: 10,
      watched: true,
    },
    apiKeyStored,
    serverPasswordStored: false,
    keyringProblem: null,
  };
}

export function tenantsView(
  profiles: ProfileView_Serialize[] = [],
  active: TenantRef | null = { kind: 'demo', number: 1 },
): TenantsView_Serialize {
  return {
    profiles,
    active,
    demoTenants: 1,
    defaults: PRODUCT_DEFAULTS,
    network: { extraCaFile: null, proxy: null },
  };
}

// ---------------------------------------------------------------------------------------------
// The fake backend

export interface Backend {
  /** Starts as the app_info language; set_language changes it, as the Rust session does. */
  language: Language;
  choice: Language | null;
  /** Answers `status` in the current language; throw a UserError to refuse. */
  status: (language: Language) => StatusView_Serialize;
  /** Answers `history`; by default the history behind `failedEadmStatus`. */
  history?: (language: Language) => HistoryView_Serialize;
  /** Answers the manual-sync and nudge commands; unset, they are unexpected. */
  commands?: Record<string, (args: Record<string, unknown>) => unknown>;
  /**
   * The places the window is asked to open at, one per `next_open_at` call; once they are used
   * up the call waits for ever, as the real one does until a new launch asks. A promise stands
   * for a launch that comes later.
   */
  openAt?: Array<Opening_Serialize | Promise<Opening_Serialize>>;
}

/** Opening at `at` in the tenant in view, as Rust answers a launch that names no other tenant. */
export function opening(at: OpenAt, extra: Partial<Opening_Serialize> = {}): Opening_Serialize {
  return { at, tenants: null, problem: null, ...extra };
}

/** What every page load asks besides the status: by default, the demo tenant alone. */
const everyLoad: Record<string, () => unknown> = { tenants: () => tenantsView(), sent_reexports: () => [] };

/**
 * Installs `mockIPC` with the commands of the generated bindings and returns the spy that saw
 * every call, as `(cmd, args)`.
 */
export function installBackend(backend: Backend) {
  const ipc = vi.fn((cmd: string, args?: unknown): unknown => {
    switch (cmd) {
      case 'app_info':
        return backend.commands?.app_info?.({}) ?? appInfo(backend.language, backend.choice);
      case 'status':
        return backend.status(backend.language);
      case 'history':
        return (backend.history ?? eadmHistory)(backend.language);
      case 'next_open_at': {
        const next = backend.openAt?.shift();
        return next ?? new Promise(() => {});
      }
      case 'set_language': {
        const { language } = args as { language: Language | null };
        backend.choice = language;
        backend.language = language ?? 'nb';
        return appInfo(backend.language, backend.choice);
      }
      default: {
        const handler = backend.commands?.[cmd] ?? everyLoad[cmd];
        if (!handler) throw new Error(`unexpected command ${cmd}`);
        return handler((args ?? {}) as Record<string, unknown>);
      }
    }
  });
  mockWindows('main');
  mockIPC((cmd, args) => ipc(cmd, args));
  return ipc;
}

export const noTenantError: UserError = {
  kind: 'no-tenant',
  message: 'No tenant has been chosen yet.',
  hint: 'Add your tenant under Settings, or open the demo tenant to look around.',
  detail: 'no tenant has been chosen yet',
};

/** The profiles and the tenant in view, as the Rust session keeps them. */
export interface TenantWorld {
  profiles: ProfileView_Serialize[];
  active: TenantRef | null;
}

/** The status of the tenant in view: the demo's failed cycle, or the same cycle under a profile's name. */
export function statusOf(world: TenantWorld, language: Language): StatusView_Serialize {
  const active = world.active;
  if (!active) throw noTenantError;
  const payload = failedEadmStatus(language);
  if (active.kind === 'demo') return payload;
  const entry = world.profiles.find((p) => p.profile.id === active.id);
  if (!entry) throw new Error(`no profile ${active.id}`);
  return {
    ...payload,
    tenant: { reference: active, name: entry.profile.name, product: entry.profile.product, demoScenario: null },
  };
}

/**
 * A backend whose tenant commands change `world` as the session does: a new profile goes into
 * view when none was, removing the one in view puts the first other profile there. Tests add or
 * override commands (test_connection, overview, a refusing save_profile) through `commands`.
 */
export function installTenantBackend(world: TenantWorld, commands: Backend['commands'] = {}) {
  let added = 0;
  const view = () => tenantsView(world.profiles, world.active);
  return installBackend({
    language: 'en',
    choice: 'en',
    status: (language) => statusOf(world, language),
    commands: {
      tenants: view,
      save_profile: (args) => {
        const input = args.input as ProfileInput_Serialize;
        const id = input.id ?? `added${++added}`;
        const before = world.profiles.find((p) => p.profile.id === id);
        const kept = (change: ProfileInput_Serialize['apiKey'], stored: boolean) =>
          change.change === 'replace' || (change.change === 'keep' && stored);
        const saved: ProfileView_Serialize = {
          profile: {
            id,
            name: input.name,
            product: input.product,
            serviceUrl: input.serviceUrl,
            client: {
              clientServer: input.clientServer,
              domainControllers: input.domainControllers,
              allowDomainControllerTasks: input.allowDomainControllerTasks,
              logFolder: input.logFolder,
              tasks: input.tasks,
            },
            serverAccount: input.serverAccount,
            intervalSeconds: input.intervalSeconds,
            newCycleHours: input.newCycleHours,
            newCycleWaitMinutes: input.newCycleWaitMinutes,
            watched: input.watched,
          },
          apiKeyStored: kept(input.apiKey, before?.apiKeyStored ?? false),
          serverPasswordStored: kept(input.serverPassword, before?.serverPasswordStored ?? false),
          keyringProblem: null,
        };
        world.profiles = before ? world.profiles.map((p) => (p.profile.id === id ? saved : p)) : [...world.profiles, saved];
        world.active ??= { kind: 'profile', id };
        return view();
      },
      remove_profile: (args) => {
        const id = args.id as string;
        world.profiles = world.profiles.filter((p) => p.profile.id !== id);
        if (world.active?.kind === 'profile' && world.active.id === id) {
          const first = world.profiles[0];
          world.active = first ? { kind: 'profile', id: first.profile.id } : null;
        }
        return view();
      },
      switch_tenant: (args) => {
        world.active = args.tenant as TenantRef;
        return view();
      },
      ...commands,
    },
  });
}

/** The arguments of every call of a command, in order. */
export function argsOf(ipc: ReturnType<typeof installBackend>, cmd: string): Record<string, unknown>[] {
  return ipc.mock.calls.filter(([name]) => name === cmd).map(([, args]) => args as Record<string, unknown>);
}

/** How many times the spy saw a command. */
export function callsOf(ipc: ReturnType<typeof installBackend>, cmd: string): number {
  return ipc.mock.calls.filter(([name]) => name === cmd).length;
}

// ---------------------------------------------------------------------------------------------
// The rendered page

/** The step rows; the language select has options too, so always within the listbox. */
export function stepRows(): HTMLElement[] {
  return within(screen.getByRole('listbox')).getAllByRole('option');
}

export function rowFor(key: string): HTMLElement {
  const row = stepRows().find((li) => li.dataset.stepKey === key);
  if (!row) throw new Error(`no row for ${key}`);
  return row;
}

/** The selected step's details (the guidance inside is a region of its own). */
export function detailsPanel(): HTMLElement {
  const panels = screen
    .getAllByRole('region')
    .filter((region) => region.getAttribute('aria-labelledby') === 'step-details-title');
  expect(panels).toHaveLength(1);
  return panels[0];
}

/** The guidance of the selected step, named by its first heading. */
export function guidancePanel(): HTMLElement {
  return within(detailsPanel()).getByRole('region', { name: 'What this step does' });
}

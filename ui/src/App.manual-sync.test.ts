// The manual-sync checklist and the nudge of a step, as the page shows them. Rust decides and
// guards every step; the page shows done / doing / blocked with the reason, the task's live
// state and elapsed time, and asks before it runs anything.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { setUiLanguage } from './lib/i18n.svelte';
import type {
  ItemState,
  ManualSyncPage_Serialize,
  ManualSyncView_Serialize,
  NudgeView_Serialize,
  StatusView_Serialize,
} from './lib/bindings';
import {
  callsOf,
  failedEadmStatus,
  guidancePanel,
  installBackend,
  rowFor,
  runningEadmStatus,
  stepRows,
  waitingTooLongEadmStatus,
} from './test-fixtures';

afterEach(() => {
  cleanup();
  clearMocks();
  vi.useRealTimers();
  setUiLanguage('nb');
});

const TASK = { name: 'eAdm synkronisering', server: 'eadm-klient01', role: 'client-server' } as const;

/** The manual-sync page as Rust gives it: the task a new run would run, and the run under way. */
function page(run: ManualSyncView_Serialize | null, startsByApi = false): ManualSyncPage_Serialize {
  return { task: TASK, startsByApi, run };
}
const ITEMS = ['check-status', 'run-task', 'clear-cache', 'watch-cycle'] as const;

function checklist(states: ItemState[], patch: Partial<ManualSyncView_Serialize> = {}): ManualSyncView_Serialize {
  return {
    task: TASK,
    taskState: 'ready',
    items: ITEMS.map((item, index) => ({ item, state: states[index], detail: null })),
    startedBy: null,
    startedAt: new Date(Date.now() - 95_000).toISOString(),
    taskStartedAt: null,
    finishedAt: null,
    waitingForCycle: null,
    cache: null,
    cacheTicked: false,
    newCycleId: null,
    outcome: null,
    leaving: false,
    problem: null,
    ...patch,
  };
}

function itemStates(): Record<string, string | undefined> {
  const list = screen.getByTestId('checklist');
  return Object.fromEntries(
    within(list)
      .getAllByRole('listitem')
      .map((li) => [li.dataset.item, li.dataset.state]),
  );
}

async function openManualSync() {
  const user = userEvent.setup();
  render(App);
  await waitFor(() => expect(stepRows().length).toBeGreaterThan(0));
  await user.click(screen.getByTestId('nav-manual-sync'));
  return user;
}

describe('the manual-sync checklist', () => {
  it('asks before it starts, then shows the task running with its live state and elapsed time', async () => {
    let current: ManualSyncView_Serialize | null = null;
    const ipc = installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => runningEadmStatus(l),
      commands: {
        manual_sync: () => page(current),
        start_manual_sync: () => {
          current = checklist(['done', 'doing', 'todo', 'todo'], {
            startedBy: 'task',
            taskState: 'running',
            taskStartedAt: new Date(Date.now() - 75_000).toISOString(),
          });
          return current;
        },
      },
    });
    const user = await openManualSync();
    await user.click(await screen.findByTestId('manual-sync-begin'));
    const confirm = screen.getByTestId('manual-sync-confirm');
    expect(confirm).toHaveTextContent('Start a new synchronization cycle for Demo kommune?');
    expect(callsOf(ipc, 'start_manual_sync')).toBe(0);

    // The button names what it runs, and where.
    await user.click(within(confirm).getByRole('button', { name: 'Run “eAdm synkronisering” on eadm-klient01' }));
    await waitFor(() => expect(itemStates()['run-task']).toBe('doing'));
    expect(itemStates()).toEqual({
      'check-status': 'done',
      'run-task': 'doing',
      'clear-cache': 'todo',
      'watch-cycle': 'todo',
    });
    expect(screen.getByTestId('task-live')).toHaveTextContent('Task “eAdm synkronisering”: Running');
    expect(screen.getByTestId('task-live')).toHaveTextContent(/1 min so far/);
    expect(screen.getByTestId('checklist')).toHaveTextContent('Run “eAdm synkronisering” on eadm-klient01');
    expect(callsOf(ipc, 'start_manual_sync')).toBe(1);
  });

  it('shows a refusal as a blocked first item with the reason from Rust, and starts nothing', async () => {
    const reason =
      'the last cycle failed at Export AD. Do not start a new one: follow that step’s guidance, or contact support.';
    const refused = checklist(['blocked', 'todo', 'todo', 'todo'], {
      outcome: 'refused',
      finishedAt: new Date().toISOString(),
    });
    refused.items[0].detail = reason;
    installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => failedEadmStatus(l),
      commands: { manual_sync: () => page(refused) },
    });
    await openManualSync();
    await waitFor(() => expect(itemStates()['check-status']).toBe('blocked'));
    expect(screen.getByTestId('checklist-detail')).toHaveTextContent(reason);
    expect(screen.getByTestId('manual-sync-outcome')).toHaveTextContent('Nothing was started.');
    expect(screen.queryByTestId('task-live')).toBeNull();
  });

  it('asks the admin to clear their own cache in the portal and takes their tick', async () => {
    let current = checklist(['done', 'done', 'doing', 'doing'], { startedBy: 'task', cache: 'in-portal' });
    current.items[2].detail = 'This service cannot clear it for you.';
    const ipc = installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => runningEadmStatus(l),
      commands: {
        manual_sync: () => page(current),
        tick_portal_cache: () => {
          current = { ...current, cacheTicked: true, items: current.items.map((item, index) => (index === 2 ? { ...item, state: 'done', detail: 'You cleared the cache in the portal.' } : item)) };
          return current;
        },
      },
    });
    const user = await openManualSync();
    await waitFor(() => expect(itemStates()['clear-cache']).toBe('doing'));
    expect(screen.getByTestId('checklist')).toHaveTextContent('Clear your cache in the web portal');
    await user.click(within(screen.getByTestId('cache-tick')).getByRole('checkbox', { name: 'I have cleared the cache in the portal' }));
    await waitFor(() => expect(itemStates()['clear-cache']).toBe('done'));
    expect(callsOf(ipc, 'tick_portal_cache')).toBe(1);
    expect(screen.queryByTestId('cache-tick')).toBeNull();
  });

  it('names the service as what starts the cycle where the tenant starts it itself', async () => {
    installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => runningEadmStatus(l),
      commands: { manual_sync: () => page(null, true) },
    });
    const user = await openManualSync();
    await user.click(await screen.findByTestId('manual-sync-begin'));
    expect(screen.getByTestId('manual-sync-run')).toHaveTextContent(/^Start a new cycle through the service$/);
  });

  it('says that leaving finishes what is under way first', async () => {
    let current = checklist(['done', 'doing', 'todo', 'todo'], { startedBy: 'task', taskState: 'running' });
    const ipc = installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => runningEadmStatus(l),
      commands: {
        manual_sync: () => page(current),
        leave_manual_sync: () => {
          current = { ...current, leaving: true };
          return current;
        },
      },
    });
    const user = await openManualSync();
    await user.click(await screen.findByTestId('manual-sync-leave'));
    expect(await screen.findByTestId('manual-sync-leaving')).toHaveTextContent(
      'Synkvakt finishes what is under way (the task, and the cache clear where the service does it), then stops.',
    );
    expect(callsOf(ipc, 'leave_manual_sync')).toBe(1);
  });
});

function nudged(outcome: NudgeView_Serialize['outcome']): NudgeView_Serialize {
  return {
    stepKey: 'export-ad',
    stepName: 'Export AD',
    task: { name: 'eAdm synkronisering', server: null, role: 'client-server' },
    startedAt: new Date().toISOString(),
    taskState: outcome === 'watching' ? 'running' : 'ready',
    outcome,
    logFolder: 'C:\\eadm\\loggfiler',
    eventLogMachine: 'the client server',
  };
}

describe('nudging a step', () => {
  it('offers no nudge for a step within its usual time', async () => {
    installBackend({ language: 'en', choice: 'en', status: (l) => runningEadmStatus(l) });
    render(App);
    await waitFor(() => expect(stepRows().length).toBeGreaterThan(0));
    expect(screen.queryByTestId('nudge')).toBeNull();
  });

  it('asks first, names the task and the step, and sends the configured task name', async () => {
    let status: StatusView_Serialize = waitingTooLongEadmStatus('en');
    const ipc = installBackend({
      language: 'en',
      choice: 'en',
      status: () => status,
      commands: {
        nudge_step: ({ stepKey, task, server }) => {
          expect({ stepKey, task, server }).toEqual({ stepKey: 'export-ad', task: 'eAdm synkronisering', server: null });
          status = { ...status, nudge: nudged('watching') };
          return status;
        },
      },
    });
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(stepRows().length).toBeGreaterThan(0));
    await user.click(rowFor('export-ad'));
    await user.click(within(guidancePanel()).getByTestId('nudge'));
    const confirm = screen.getByTestId('nudge-confirm');
    expect(confirm).toHaveTextContent(
      'Run “eAdm synkronisering” on the client server now? It does not start a new cycle: it gives Export AD what it waits for.',
    );
    expect(callsOf(ipc, 'nudge_step')).toBe(0);
    await user.click(within(confirm).getByTestId('nudge-run'));
    const watch = await screen.findByTestId('nudge-watch');
    expect(watch).toHaveTextContent('Watching whether Export AD moves');
    expect(watch).toHaveTextContent('Task “eAdm synkronisering”: Running');
    // Never a second run while the task runs.
    expect(within(guidancePanel()).queryByTestId('nudge')).toBeNull();
    expect(callsOf(ipc, 'nudge_step')).toBe(1);
  });

  it('points to the log folder and the Event Log when the step did not move', async () => {
    installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => ({ ...waitingTooLongEadmStatus(l), nudge: nudged('not-moved') }),
    });
    const user = userEvent.setup();
    render(App);
    await waitFor(() => expect(stepRows().length).toBeGreaterThan(0));
    await user.click(rowFor('export-ad'));
    expect(await screen.findByTestId('nudge-watch')).toHaveTextContent(
      "Export AD has not moved. Read the newest files in the client's log folder, C:\\eadm\\loggfiler, and Event Viewer (Windows Logs > Application) on the client server; if they do not explain it, contact support.",
    );
  });
});

// The import-filter stop: every threshold against its limit, the newest import's log filtered by
// kind and searched, and a resume that names what will pass before it is sent.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import ImportFilterStop from './ImportFilterStop.svelte';
import { setUiLanguage } from '../lib/i18n.svelte';
import type { ImportChange, ImportFilter, ImportLogView } from '../lib/bindings';
import { failedEadmStatus } from '../test-fixtures';

const filter: ImportFilter = {
  previousCount: 4812,
  checks: [
    { kind: 'new', thresholdPercent: 5, observedPercent: 0.4, count: 19, exceeded: false },
    { kind: 'changed', thresholdPercent: 10, observedPercent: 3.1, count: 149, exceeded: false },
    { kind: 'deleted', thresholdPercent: 5, observedPercent: 14.2, count: 683, exceeded: true },
    { kind: 'anomaly', thresholdPercent: 5, observedPercent: 0.2, count: 10, exceeded: false },
  ],
};

const counts = { add: 19, edit: 149, delete: 683 };
const entries = [
  { kind: 'add' as const, userId: '10400', name: 'Kari Nordmann', detail: 'New employee in Oppvekst' },
  { kind: 'edit' as const, userId: '10403', name: 'Ola Hansen', detail: 'Department changed to NAV' },
  { kind: 'delete' as const, userId: '10406', name: 'Åse Bakken', detail: 'No longer employed in Skole' },
];

function logFor(kind: ImportChange | null, search: string): ImportLogView {
  const matching = entries.filter((e) => (kind === null || e.kind === kind) && (search === '' || e.name.includes(search)));
  return { importId: 'imp-1', counts, total: matching.length, offset: 0, entries: matching };
}

function install() {
  const ipc = vi.fn((cmd: string, args?: Record<string, unknown>): unknown => {
    if (cmd === 'import_log') return logFor((args?.kind as ImportChange | null) ?? null, (args?.search as string) ?? '');
    if (cmd === 'resume_cycle') return failedEadmStatus('en');
    throw new Error(`unexpected ${cmd}`);
  });
  mockWindows('main');
  mockIPC((cmd, args) => ipc(cmd, args as Record<string, unknown>));
  return ipc;
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('the import-filter stop', () => {
  it('shows every threshold with its figures and marks the one that tripped', async () => {
    setUiLanguage('en');
    install();
    render(ImportFilterStop, { props: { importFilter: filter, cycleId: 'c1', resumed: false, onresumed: () => {} } });
    const rows = document.querySelectorAll('tr[data-check]');
    expect([...rows].map((r) => r.getAttribute('data-check'))).toEqual(['new', 'changed', 'deleted', 'anomaly']);
    const tripped = [...rows].filter((r) => r.getAttribute('data-exceeded') === 'true');
    expect(tripped.map((r) => r.getAttribute('data-check'))).toEqual(['deleted']);
    expect(tripped[0]).toHaveTextContent('14.2 % (683 of 4,812), threshold 5 %');
    expect(tripped[0]).toHaveTextContent('over the threshold');
    expect(await screen.findByTestId('log-counts')).toHaveTextContent('19 new, 149 changed, 683 to be deleted');
  });

  it('filters the log by kind and searches it', async () => {
    setUiLanguage('en');
    const ipc = install();
    render(ImportFilterStop, { props: { importFilter: filter, cycleId: 'c1', resumed: false, onresumed: () => {} } });
    await screen.findByTestId('import-log');
    expect(document.querySelectorAll('tr[data-entry-kind]')).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: 'Deleted' }));
    await waitFor(() => expect(document.querySelectorAll('tr[data-entry-kind]')).toHaveLength(1));
    expect(document.querySelector('tr[data-entry-kind]')).toHaveAttribute('data-entry-kind', 'delete');
    expect(ipc).toHaveBeenLastCalledWith('import_log', expect.objectContaining({ kind: 'delete' }));
    await userEvent.click(screen.getByRole('button', { name: 'All' }));
    await userEvent.type(screen.getByRole('searchbox'), 'Ola');
    await waitFor(() => expect(document.querySelectorAll('tr[data-entry-kind]')).toHaveLength(1));
    expect(screen.getByTestId('import-log')).toHaveTextContent('Ola Hansen');
    // One request for the whole word, not one per key.
    expect(ipc.mock.calls.filter(([cmd, args]) => cmd === 'import_log' && (args as { search: string }).search !== '')).toHaveLength(1);
  });

  it('shows only the thresholds where the cycle cannot be resumed (the history)', async () => {
    setUiLanguage('en');
    const ipc = install();
    render(ImportFilterStop, { props: { importFilter: filter, cycleId: 'old', resumed: false } });
    expect(document.querySelectorAll('tr[data-check]')).toHaveLength(4);
    // The newest import's log belongs to the current cycle only.
    expect(ipc).not.toHaveBeenCalled();
    expect(screen.queryByTestId('import-log')).not.toBeInTheDocument();
    expect(screen.queryByTestId('resume')).not.toBeInTheDocument();
  });

  it('asks before resuming, naming the counts, and sends exactly those counts', async () => {
    setUiLanguage('en');
    const ipc = install();
    const onresumed = vi.fn();
    render(ImportFilterStop, { props: { importFilter: filter, cycleId: 'c1', resumed: false, onresumed } });
    await screen.findByTestId('log-counts');
    await userEvent.click(screen.getByTestId('resume'));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('19 new accounts, 149 changes and 683 accounts deleted');
    // The question takes the focus, so a keyboard user lands on it.
    await waitFor(() => expect(within(dialog).getByTestId('resume-confirm')).toHaveFocus());
    expect(ipc).not.toHaveBeenCalledWith('resume_cycle', expect.anything());
    await userEvent.click(within(dialog).getByRole('button', { name: 'Resume and let 851 changes pass' }));
    await waitFor(() => expect(onresumed).toHaveBeenCalledTimes(1));
    expect(ipc).toHaveBeenCalledWith('resume_cycle', { cycleId: 'c1', confirmed: counts });
  });

  it('once resumed, offers the next step instead of the resume button', () => {
    setUiLanguage('en');
    install();
    render(ImportFilterStop, { props: { importFilter: filter, cycleId: 'c1', resumed: true, onresumed: () => {} } });
    expect(screen.getByTestId('resumed-note')).toHaveTextContent('run a new manual sync now');
    expect(screen.queryByTestId('resume')).not.toBeInTheDocument();
  });
});

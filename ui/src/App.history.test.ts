// The History place: recent cycles in a table, and any one of them opened step by step.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { setUiLanguage } from './lib/i18n.svelte';
import {
  callsOf,
  detailsPanel,
  eadmHistory,
  failedEadmStatus,
  guidancePanel,
  installBackend,
  rowFor,
  stepRows,
  unreachableError,
} from './test-fixtures';

afterEach(() => {
  cleanup();
  clearMocks();
  setUiLanguage('nb');
});

async function renderWithSteps() {
  const view = render(App);
  await waitFor(() => expect(stepRows().length).toBeGreaterThan(0));
  return view;
}

function cycleRows(table: HTMLElement): HTMLElement[] {
  return [...table.querySelectorAll<HTMLElement>('tbody tr')];
}

/** A row's cells as text; the state cell by its words (its icon's title is not text to read). */
function cellsOf(row: HTMLElement): string[] {
  return [...row.querySelectorAll('td')].map((cell, index) =>
    (index === 0 ? cell.querySelector('button > span')?.textContent : cell.textContent)?.trim() ?? '',
  );
}

function detailsPanels(): HTMLElement[] {
  return screen
    .queryAllByRole('region')
    .filter((region) => region.getAttribute('aria-labelledby') === 'step-details-title');
}

describe('the History place', () => {
  it('asks for the history and shows a row per cycle: headline, kind and where it stopped', async () => {
    const user = userEvent.setup();
    const history = eadmHistory('en');
    const ipc = installBackend({ language: 'en', choice: 'en', status: (l) => failedEadmStatus(l) });
    await renderWithSteps();
    expect(callsOf(ipc, 'history')).toBe(0);

    const link = screen.getByRole('link', { name: 'History' });
    expect(link).not.toHaveAttribute('aria-current');
    await user.click(link);

    const table = await screen.findByTestId('history');
    expect(callsOf(ipc, 'history')).toBe(1);
    expect(link).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Status' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/^Recent synchronization cycles$/);
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'State',
      'Kind',
      'Started',
      'Duration',
      'Stopped at',
    ]);

    const rows = cycleRows(table);
    expect(rows.map((row) => row.dataset.cycleId)).toEqual(history.cycles.map((c) => c.id));
    const cells = rows.map(cellsOf);
    expect(cells.map(([state, kind, , duration, stopped]) => [state, kind, duration, stopped])).toEqual([
      ['Failed at Export AD', 'full', '23 min', 'Export AD'],
      ['Completed', 'delta', '19 min', ''],
      ['Completed', 'full', '35 min', ''],
    ]);
    for (const [, , started] of cells) expect(started).toMatch(/\d{2}:\d{2}/);
    expect(within(rows[0]).getByRole('img', { name: 'Failed at Export AD' })).toHaveAttribute('data-state', 'failed');
    expect(within(rows[1]).getByRole('img', { name: 'Completed' })).toHaveAttribute('data-state', 'completed');

    // The status view's steps are not on this page, and no cycle is open yet.
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(detailsPanels()).toHaveLength(0);
  });

  it('opens a cycle from its row: its steps, and the step that needs attention in detail', async () => {
    const user = userEvent.setup();
    const history = eadmHistory('en');
    installBackend({ language: 'en', choice: 'en', status: (l) => failedEadmStatus(l), history: () => history });
    await renderWithSteps();
    await user.click(screen.getByRole('link', { name: 'History' }));
    const table = await screen.findByTestId('history');
    const [failedRow, deltaRow] = cycleRows(table);

    await user.click(within(failedRow).getByRole('button'));
    expect(within(failedRow).getByRole('button')).toHaveAttribute('aria-pressed', 'true');
    expect(within(deltaRow).getByRole('button')).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('heading', { level: 2, name: 'Cycle eadm-20251121-230000' })).toBeInTheDocument();
    expect(stepRows().map((row) => row.dataset.stepKey)).toEqual(history.cycles[0].steps.map((s) => s.key));
    expect(rowFor('export-ad')).toHaveAttribute('aria-selected', 'true');
    expect(within(detailsPanel()).getByRole('heading', { level: 2 })).toHaveTextContent('Export AD');
    expect(within(guidancePanel()).getAllByRole('listitem')[0]).toHaveAttribute('data-task', 'eAdm synkronisering');

    // The delta cycle: its imports skipped, nothing needing attention, so no step open yet.
    await user.click(within(deltaRow).getByRole('button'));
    expect(within(deltaRow).getByRole('button')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('heading', { level: 2, name: 'Cycle eadm-20251121-170000' })).toBeInTheDocument();
    expect(stepRows().map((row) => row.querySelector('svg')!.getAttribute('data-state'))).toEqual(
      history.cycles[1].steps.map((s) => s.state),
    );
    expect(rowFor('import-hr').querySelector('.note')).toHaveTextContent(/^skipped$/);
    expect(stepRows().filter((row) => row.getAttribute('aria-selected') === 'true')).toHaveLength(0);
    expect(detailsPanels()).toHaveLength(0);

    await user.click(rowFor('export-ad'));
    expect(rowFor('export-ad')).toHaveAttribute('aria-selected', 'true');
    const details = detailsPanel();
    expect(within(details).getByRole('heading', { level: 2 })).toHaveTextContent(/Export AD\s*completed/);
    expect(within(guidancePanel()).getByText('Sends the changes to the local Active Directory through the client.'))
      .toBeInTheDocument();
    expect(guidancePanel().querySelector('[data-situation]')).toBeNull();

    // Back to the status view, with the current cycle.
    await user.click(screen.getByRole('link', { name: 'Status' }));
    expect(screen.queryByTestId('history')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Synchronization cycle · full');
    expect(rowFor('export-ad').querySelector('.note')).toHaveTextContent(/^failed/);
  });

  it('shows why the history could not be fetched, with a retry', async () => {
    const user = userEvent.setup();
    let fail = true;
    const ipc = installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => failedEadmStatus(l),
      history: (l) => {
        if (fail) throw unreachableError;
        return eadmHistory(l);
      },
    });
    await renderWithSteps();
    await user.click(screen.getByRole('link', { name: 'History' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-error-kind', 'unreachable');
    expect(within(alert).getByText(unreachableError.message)).toBeInTheDocument();
    expect(screen.queryByTestId('history')).not.toBeInTheDocument();

    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    const table = await screen.findByTestId('history');
    expect(cycleRows(table)).toHaveLength(3);
    expect(callsOf(ipc, 'history')).toBe(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('names the history in the language in use', async () => {
    const user = userEvent.setup();
    installBackend({ language: 'nn', choice: 'nn', status: (l) => failedEadmStatus(l) });
    await renderWithSteps();
    await user.click(screen.getByRole('link', { name: 'Historikk' }));
    const table = await screen.findByTestId('history');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/^Siste synkroniseringssyklusar$/);
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Status',
      'Type',
      'Starta',
      'Varigheit',
      'Stoppa på',
    ]);
    expect(cellsOf(cycleRows(table)[0])[0]).toBe('Feila på Export AD');
    expect(cellsOf(cycleRows(table)[1])[0]).toBe('Fullført');
  });
});

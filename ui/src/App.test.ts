import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { setUiLanguage } from './lib/i18n.svelte';
import type { StatusView_Serialize } from './lib/bindings';
import {
  FAILED_CODE,
  FAILED_MESSAGE,
  callsOf,
  demoTenantError,
  detailsPanel,
  failedEadmStatus,
  installBackend,
  rowFor,
  runningEadmStatus,
  stepRows,
} from './test-fixtures';

afterEach(() => {
  cleanup();
  clearMocks();
  setUiLanguage('nb');
});

/** Renders the app and waits until the first status answer is on screen. */
async function renderWithSteps() {
  const view = render(App);
  await waitFor(() => expect(stepRows().length).toBeGreaterThan(0));
  return view;
}

describe('App with a failed eAdm cycle', () => {
  it('shows the headline from the payload and marks the demo tenant', async () => {
    installBackend({ language: 'en', choice: 'en', status: (l) => failedEadmStatus(l) });
    const { container } = await renderWithSteps();

    const header = container.querySelector('header')!;
    const overall = within(header).getByTestId('overall');
    expect(overall.querySelector('.headline')).toHaveTextContent(/^Failed at Export AD$/);
    const icon = within(overall).getByRole('img', { name: 'Failed at Export AD' });
    expect(icon).toHaveAttribute('data-state', 'failed');

    expect(within(header).getByTestId('tenant-name')).toHaveTextContent('Demo kommune');
    expect(header).toHaveTextContent('eAdm');
    expect(within(header).getByTestId('demo-badge')).toHaveTextContent('Demo tenant');
    // The scenario is named in words, not by its wire name.
    const notice = screen.getByTestId('demo-notice');
    expect(notice).toHaveTextContent(/^This is the built-in demo tenant \(scenario “a step failed”\):/);
    expect(notice).not.toHaveTextContent('step-failed');
  });

  it('shows no demo badge for a tenant without a demo scenario', async () => {
    installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => {
        const payload = failedEadmStatus(l);
        return { ...payload, tenant: { ...payload.tenant, name: 'Bø kommune', demoScenario: null } };
      },
    });
    await renderWithSteps();
    expect(screen.getByTestId('tenant-name')).toHaveTextContent('Bø kommune');
    expect(screen.queryByTestId('demo-badge')).not.toBeInTheDocument();
    expect(screen.queryByTestId('demo-notice')).not.toBeInTheDocument();
    expect(screen.queryByText('Demo tenant')).not.toBeInTheDocument();
  });

  it('lists every step in order, each with the icon of its state', async () => {
    const payload = failedEadmStatus('en');
    installBackend({ language: 'en', choice: 'en', status: () => payload });
    await renderWithSteps();

    const list = screen.getByRole('listbox', { name: 'Steps of the synchronization cycle' });
    const rows = within(list).getAllByRole('option');
    expect(rows.map((row) => row.dataset.stepKey)).toEqual(payload.cycle.steps.map((s) => s.key));
    expect(rows.map((row) => row.querySelector('.name')?.textContent)).toEqual(
      payload.cycle.steps.map((s) => s.name),
    );
    rows.forEach((row, index) => {
      const icons = row.querySelectorAll('svg[data-state]');
      expect(icons).toHaveLength(1);
      expect(icons[0]).toHaveAttribute('data-state', payload.cycle.steps[index].state);
    });
    expect(rows.map((row) => row.querySelector('svg')!.getAttribute('aria-label'))).toEqual([
      'completed',
      'completed',
      'completed',
      'completed',
      'completed',
      'failed',
      'not reached',
      'not reached',
      'not reached',
    ]);
  });

  it('selects the step that needs attention and shows its message and error code', async () => {
    installBackend({ language: 'en', choice: 'en', status: (l) => failedEadmStatus(l) });
    await renderWithSteps();

    const rows = stepRows();
    const selected = rows.filter((row) => row.getAttribute('aria-selected') === 'true');
    expect(selected).toHaveLength(1);
    expect(selected[0]).toHaveAttribute('data-step-key', 'export-ad');
    expect(selected[0]).toHaveAttribute('tabindex', '0');
    for (const row of rows) {
      if (row !== selected[0]) expect(row).toHaveAttribute('aria-selected', 'false');
    }
    expect(within(selected[0]).getByText(FAILED_MESSAGE)).toBeInTheDocument();

    const details = detailsPanel();
    expect(within(details).getByRole('heading', { level: 2 })).toHaveTextContent('Export AD');
    expect(within(details).getByText(FAILED_MESSAGE)).toBeInTheDocument();
    expect(within(details).getByText('Error code')).toBeInTheDocument();
    expect(within(details).getByText(FAILED_CODE).tagName).toBe('CODE');
    expect(within(details).getByText('export-ad').tagName).toBe('CODE');
    expect(within(details).getByRole('img', { name: 'failed' })).toHaveAttribute('data-state', 'failed');
  });

  it('labels the steps behind the failure "not reached" in English', async () => {
    installBackend({ language: 'en', choice: 'en', status: (l) => failedEadmStatus(l) });
    await renderWithSteps();

    for (const key of ['import-ad-results', 'export-azure', 'export-efeide']) {
      const row = rowFor(key);
      expect(row.querySelector('.note')).toHaveTextContent(/^not reached$/);
      expect(within(row).getByRole('img', { name: 'not reached' })).toHaveAttribute('data-state', 'not-reached');
    }
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('keyboard in the step list', () => {
  it('moves the selection down and up with the arrow keys', async () => {
    const user = userEvent.setup();
    installBackend({ language: 'en', choice: 'en', status: (l) => failedEadmStatus(l) });
    await renderWithSteps();

    const selectedKey = () =>
      stepRows().filter((row) => row.getAttribute('aria-selected') === 'true').map((row) => row.dataset.stepKey);

    expect(selectedKey()).toEqual(['export-ad']);
    rowFor('export-ad').focus();
    await user.keyboard('{ArrowDown}');
    expect(selectedKey()).toEqual(['import-ad-results']);
    expect(rowFor('import-ad-results')).toHaveFocus();
    expect(within(detailsPanel()).getByRole('heading', { level: 2 })).toHaveTextContent('Import AD Results');

    await user.keyboard('{ArrowUp}');
    expect(selectedKey()).toEqual(['export-ad']);
    expect(rowFor('export-ad')).toHaveFocus();

    await user.keyboard('{ArrowUp}');
    expect(selectedKey()).toEqual(['synchronization']);
    expect(rowFor('synchronization')).toHaveFocus();
    expect(rowFor('synchronization')).toHaveAttribute('tabindex', '0');
    expect(rowFor('export-ad')).toHaveAttribute('tabindex', '-1');
  });

  it('stops at the ends of the list and jumps with Home and End', async () => {
    const user = userEvent.setup();
    installBackend({ language: 'en', choice: 'en', status: (l) => failedEadmStatus(l) });
    await renderWithSteps();
    const selectedKey = () =>
      stepRows().find((row) => row.getAttribute('aria-selected') === 'true')?.dataset.stepKey;

    rowFor('export-ad').focus();
    await user.keyboard('{End}');
    expect(selectedKey()).toBe('export-efeide');
    await user.keyboard('{ArrowDown}');
    expect(selectedKey()).toBe('export-efeide');
    await user.keyboard('{Home}');
    expect(selectedKey()).toBe('import-hr');
    await user.keyboard('{ArrowUp}');
    expect(selectedKey()).toBe('import-hr');
    expect(rowFor('import-hr')).toHaveFocus();
  });

  it('selects a row on click', async () => {
    const user = userEvent.setup();
    installBackend({ language: 'en', choice: 'en', status: (l) => failedEadmStatus(l) });
    await renderWithSteps();
    await user.click(rowFor('import-hr'));
    expect(rowFor('import-hr')).toHaveAttribute('aria-selected', 'true');
    expect(rowFor('export-ad')).toHaveAttribute('aria-selected', 'false');
    expect(within(detailsPanel()).getByRole('heading', { level: 2 })).toHaveTextContent('Import HR');
  });
});

describe('tenant text', () => {
  const hostile = '<img src=x onerror=alert(1)><b>bold</b>';

  it('is rendered as text, never as HTML', async () => {
    installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => {
        const payload: StatusView_Serialize = failedEadmStatus(l, hostile);
        payload.tenant.name = '<i>Kommune</i>';
        payload.cycle.steps[6] = { ...payload.cycle.steps[6], name: '<b>Import AD Results</b>', known: false };
        return payload;
      },
    });
    await renderWithSteps();

    const list = screen.getByRole('listbox');
    expect(list.querySelector('img, b, i')).toBeNull();
    expect(detailsPanel().querySelector('img, b, i')).toBeNull();
    expect(document.body.querySelector('img, b, i')).toBeNull();

    expect(within(rowFor('export-ad')).getByText(hostile)).toBeInTheDocument();
    expect(within(detailsPanel()).getByText(hostile)).toBeInTheDocument();
    expect(rowFor('import-ad-results').querySelector('.name')!.textContent).toBe('<b>Import AD Results</b>');
    expect(screen.getByTestId('tenant-name').textContent).toBe('<i>Kommune</i>');
  });
});

describe('when the status cannot be fetched', () => {
  it('shows the error with a retry that fetches again', async () => {
    const user = userEvent.setup();
    let fail = true;
    const ipc = installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => {
        if (fail) throw demoTenantError;
        return failedEadmStatus(l);
      },
    });
    render(App);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-error-kind', 'demo-tenant');
    expect(within(alert).getByText(demoTenantError.message)).toBeInTheDocument();
    expect(within(alert).getByText(demoTenantError.hint)).toBeInTheDocument();
    expect(within(alert).getByText(demoTenantError.detail)).toBeInTheDocument();
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(callsOf(ipc, 'status')).toBe(1);

    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    await waitFor(() => expect(stepRows()).toHaveLength(9));
    expect(callsOf(ipc, 'status')).toBe(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(rowFor('export-ad')).toHaveAttribute('aria-selected', 'true');
  });

  it('turns a bare refusal from Tauri into a readable error', async () => {
    installBackend({
      language: 'en',
      choice: 'en',
      status: () => {
        throw 'command status not allowed by ACL';
      },
    });
    render(App);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-error-kind', 'ipc');
    expect(within(alert).getByText('Synkvakt could not carry out the request.')).toBeInTheDocument();
    expect(within(alert).getByText('command status not allowed by ACL')).toBeInTheDocument();
  });
});

describe('language switch', () => {
  it('asks the backend for Nynorsk and relabels the UI with nn.ftl', async () => {
    const user = userEvent.setup();
    const ipc = installBackend({ language: 'en', choice: 'en', status: (l) => runningEadmStatus(l) });
    await renderWithSteps();

    const running = () => rowFor('synchronization');
    expect(running().querySelector('.note')).toHaveTextContent(/^running$/);
    expect(screen.getByRole('listbox')).toHaveAccessibleName('Steps of the synchronization cycle');

    const select = screen.getByTestId('language') as HTMLSelectElement;
    expect(select.value).toBe('en');
    await user.selectOptions(select, 'nn');

    expect(ipc).toHaveBeenCalledWith('set_language', { language: 'nn' });
    await waitFor(() => expect(running().querySelector('.note')).toHaveTextContent(/^køyrer$/));
    expect(within(running()).getByRole('img', { name: 'køyrer' })).toHaveAttribute('data-state', 'running');
    expect(rowFor('export-ad').querySelector('.note')).toHaveTextContent(/^ventar på å starte$/);
    expect(screen.getByRole('listbox')).toHaveAccessibleName('Stega i synkroniseringssyklusen');
    expect(running().querySelector('.name')).toHaveTextContent('Synkronisering');
    expect(screen.getByTestId('overall').querySelector('.headline')).toHaveTextContent(/^Køyrer: Synkronisering$/);
    expect(screen.getByTestId('demo-badge')).toHaveTextContent('Demokunde');
    expect(screen.getByTestId('demo-notice')).toHaveTextContent('(scenario «ein deltasyklus køyrer»)');
    expect(select.value).toBe('nn');
    expect(document.documentElement.lang).toBe('nn');
  });

  it('sends null to follow the system', async () => {
    const user = userEvent.setup();
    const ipc = installBackend({ language: 'en', choice: 'en', status: (l) => failedEadmStatus(l) });
    await renderWithSteps();
    await user.selectOptions(screen.getByTestId('language'), 'os');
    expect(ipc).toHaveBeenCalledWith('set_language', { language: null });
    // The fake backend falls back to Bokmål, as a Norwegian OS would.
    await waitFor(() => expect(rowFor('export-ad').querySelector('.note')).toHaveTextContent(/^feilet/));
  });
});

describe('polling', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks again 10 s after an error, every 2 s while a cycle runs, and every 30 s when it rests', async () => {
    vi.useFakeTimers();
    let answer: 'refuse' | 'running' | 'failed' = 'refuse';
    const ipc = installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => {
        if (answer === 'refuse') throw demoTenantError;
        return answer === 'running' ? runningEadmStatus(l) : failedEadmStatus(l);
      },
    });
    const statusCalls = () => callsOf(ipc, 'status');
    render(App);
    await vi.advanceTimersByTimeAsync(0);
    expect(statusCalls()).toBe(1);
    expect(screen.getByRole('alert')).toHaveAttribute('data-error-kind', 'demo-tenant');

    answer = 'running';
    await vi.advanceTimersByTimeAsync(9_999);
    expect(statusCalls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(statusCalls()).toBe(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(rowFor('synchronization')).toHaveAttribute('aria-selected', 'true');

    await vi.advanceTimersByTimeAsync(2_000);
    expect(statusCalls()).toBe(3);

    answer = 'failed';
    await vi.advanceTimersByTimeAsync(2_000);
    expect(statusCalls()).toBe(4);
    expect(rowFor('export-ad')).toHaveAttribute('aria-selected', 'true');
    await vi.advanceTimersByTimeAsync(29_999);
    expect(statusCalls()).toBe(4);
    await vi.advanceTimersByTimeAsync(1);
    expect(statusCalls()).toBe(5);
  });

  it('keeps the admin\'s pick across polls of the same cycle', async () => {
    vi.useFakeTimers();
    const ipc = installBackend({ language: 'en', choice: 'en', status: (l) => runningEadmStatus(l) });
    render(App);
    await vi.advanceTimersByTimeAsync(0);
    await fireEvent.click(rowFor('import-ad'));
    expect(rowFor('import-ad')).toHaveAttribute('aria-selected', 'true');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(callsOf(ipc, 'status')).toBe(2);
    expect(rowFor('import-ad')).toHaveAttribute('aria-selected', 'true');
    expect(rowFor('synchronization')).toHaveAttribute('aria-selected', 'false');
  });
});

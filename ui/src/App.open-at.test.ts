// Where the window opens: a clicked notification names a step, the tray's manual-sync item the
// checklist; a later launch's place arrives while the window is open.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { setUiLanguage } from './lib/i18n.svelte';
import type { Opening } from './lib/backend';
import { callsOf, detailsPanel, failedEadmStatus, installBackend, opening, stepRows, tenantsView } from './test-fixtures';

afterEach(() => {
  cleanup();
  clearMocks();
  setUiLanguage('nb');
});

function selectedKey(): string | undefined {
  return stepRows().find((row) => row.getAttribute('aria-selected') === 'true')?.dataset.stepKey;
}

describe('opening at a place', () => {
  it('opens at the step a notification named instead of the one that needs attention', async () => {
    installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => failedEadmStatus(l),
      openAt: [opening({ place: 'step', stepKey: 'import-hr' })],
    });
    render(App);
    await waitFor(() => expect(selectedKey()).toBe('import-hr'));
    expect(within(detailsPanel()).getByRole('heading', { level: 2 })).toHaveTextContent('Import HR');
  });

  it('opens the checklist for the tray menu', async () => {
    const ipc = installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => failedEadmStatus(l),
      openAt: [opening({ place: 'manual-sync' })],
      commands: { manual_sync: () => ({ task: { name: 'eAdm synkronisering', server: null, role: 'client-server' }, startsByApi: false, run: null }) },
    });
    render(App);
    await waitFor(() => expect(screen.getByTestId('manual-sync')).toBeInTheDocument());
    // Answered, the page asks again at once and keeps that call waiting.
    await waitFor(() => expect(callsOf(ipc, 'next_open_at')).toBe(2));
  });

  it('follows a later launch from the checklist to the step it names', async () => {
    let launch: (place: Opening) => void = () => {};
    const later = new Promise<Opening>((resolve) => (launch = resolve));
    installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => failedEadmStatus(l),
      openAt: [opening({ place: 'manual-sync' }), later],
      commands: { manual_sync: () => ({ task: { name: 'eAdm synkronisering', server: null, role: 'client-server' }, startsByApi: false, run: null }) },
    });
    render(App);
    await waitFor(() => expect(screen.getByTestId('manual-sync')).toBeInTheDocument());

    launch(opening({ place: 'step', stepKey: 'import-ad' }));
    await waitFor(() => expect(selectedKey()).toBe('import-ad'));
    expect(screen.queryByTestId('manual-sync')).not.toBeInTheDocument();
  });

  it('opens a notification of another tenant at its step, in that tenant, as Rust put it in view', async () => {
    let inView = 1;
    let launch: (place: Opening) => void = () => {};
    const later = new Promise<Opening>((resolve) => (launch = resolve));
    installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => {
        const status = failedEadmStatus(l);
        const name = inView === 1 ? 'Demo kommune' : `Demo kommune ${inView}`;
        return { ...status, tenant: { ...status.tenant, name, reference: { kind: 'demo', number: inView } } };
      },
      openAt: [opening({ place: 'status' }), later],
    });
    render(App);
    await waitFor(() => expect(screen.getByText('Demo kommune')).toBeInTheDocument());
    inView = 2;
    launch(opening({ place: 'step', stepKey: 'import-hr' }, { tenants: tenantsView([], { kind: 'demo', number: 2 }) }));
    await waitFor(() => expect(screen.getByText('Demo kommune 2')).toBeInTheDocument());
    await waitFor(() => expect(selectedKey()).toBe('import-hr'));
    expect(screen.queryByTestId('open-problem')).not.toBeInTheDocument();
  });

  it('says so when the tenant a notification named is gone, and looks for its step nowhere else', async () => {
    installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => failedEadmStatus(l),
      openAt: [
        opening(
          { place: 'status' },
          {
            problem: {
              kind: 'refused',
              message: "The action was refused: the tenant this was about is no longer in Synkvakt's settings.",
              hint: '',
              detail: 'refused',
            },
          },
        ),
      ],
    });
    render(App);
    expect(await screen.findByTestId('open-problem')).toHaveTextContent("no longer in Synkvakt's settings");
    // The status view of the tenant in view, at the step that needs attention.
    await waitFor(() => expect(selectedKey()).toBe(failedEadmStatus('en').cycle.steps[failedEadmStatus('en').cycle.attention ?? 0].key));
  });
});

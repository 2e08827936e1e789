// Where the window opens: a clicked notification names a step, the tray's manual-sync item the
// checklist; a later launch's place arrives while the window is open.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { setUiLanguage } from './lib/i18n.svelte';
import type { OpenAt } from './lib/backend';
import { callsOf, detailsPanel, failedEadmStatus, installBackend, stepRows } from './test-fixtures';

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
      openAt: [{ place: 'step', stepKey: 'import-hr' }],
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
      openAt: [{ place: 'manual-sync' }],
      commands: { manual_sync: () => null },
    });
    render(App);
    await waitFor(() => expect(screen.getByTestId('manual-sync')).toBeInTheDocument());
    // Answered, the page asks again at once and keeps that call waiting.
    await waitFor(() => expect(callsOf(ipc, 'next_open_at')).toBe(2));
  });

  it('follows a later launch from the checklist to the step it names', async () => {
    let launch: (place: OpenAt) => void = () => {};
    const later = new Promise<OpenAt>((resolve) => (launch = resolve));
    installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => failedEadmStatus(l),
      openAt: [{ place: 'manual-sync' }, later],
      commands: { manual_sync: () => null },
    });
    render(App);
    await waitFor(() => expect(screen.getByTestId('manual-sync')).toBeInTheDocument());

    launch({ place: 'step', stepKey: 'import-ad' });
    await waitFor(() => expect(selectedKey()).toBe('import-ad'));
    expect(screen.queryByTestId('manual-sync')).not.toBeInTheDocument();
  });
});

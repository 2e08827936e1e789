// The Diagnostics place: one action gathers the bundle, the page shows exactly what it holds
// (error lines marked), and only "Save as zip" writes it, where the admin chooses.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { setUiLanguage } from './lib/i18n.svelte';
import type { DiagnosticsView, UserError } from './lib/backend';
import { argsOf, callsOf, failedEadmStatus, installBackend } from './test-fixtures';

afterEach(() => {
  cleanup();
  clearMocks();
  setUiLanguage('nb');
  // jsdom has no clipboard; the copy test puts one there.
  Reflect.deleteProperty(navigator, 'clipboard');
});

const CLIENT_LOG = 'client-logs/eAdm-klient-2025-11-22.log';
const SAVED = 'C:\\Users\\kari\\Desktop\\synkvakt-diagnose-2025-11-22.zip';

const bundle: DiagnosticsView = {
  id: 'bundle-4f1c9e',
  createdAt: new Date().toISOString(),
  parts: [
    {
      fileName: 'synkvakt.txt',
      title: 'Synkvakt and this computer',
      text: 'Synkvakt 0.1.0\nOS: Windows Server 2022 (x86_64)\nComputer: ADMIN01\n',
      errorLines: [],
    },
    {
      fileName: 'cycles.txt',
      title: 'The current and recent cycles',
      text:
        'Current cycle eadm-20251121-230000 (Full), started 2025-11-22T00:00:00+01:00: Failed at Export AD\n' +
        '  Export AD                    failed       [0x80070005] Access denied\n' +
        '\nRecent cycles:\n',
      errorLines: [1],
    },
    {
      fileName: CLIENT_LOG,
      title: "The end of the client's log eAdm-klient-2025-11-22.log",
      text:
        '2025-11-22 06:21:02 INFO  Export AD startet for 4812 brukere\n' +
        '2025-11-22 06:21:04 ERROR Export AD: Tilgang nektet for K. N.\n' +
        '2025-11-22 06:21:06 FATAL Export AD avbrutt\n',
      errorLines: [1, 2],
    },
  ],
  summary:
    'Synkvakt 0.1.0 on Windows Server 2022. Tenant: Demo kommune (eAdm). Sync: Failed at Export AD. Errors in the client\'s newest logs: 2. Gathered 06:30.',
  totalBytes: 48_128,
};

function diagnosticsBackend(save: (args: Record<string, unknown>) => unknown = () => SAVED) {
  let release: (view: DiagnosticsView) => void = () => {};
  const ipc = installBackend({
    language: 'en',
    choice: 'en',
    status: (language) => failedEadmStatus(language),
    commands: {
      // Gathering takes a while (the Event Log of another server); the test says when it is done.
      diagnostics: () => new Promise<DiagnosticsView>((resolve) => (release = resolve)),
      save_diagnostics: save,
    },
  });
  return { ipc, finish: () => release(bundle) };
}

async function gathered() {
  const backend = diagnosticsBackend();
  render(App);
  await userEvent.click(await screen.findByTestId('nav-diagnostics'));
  await userEvent.click(screen.getByTestId('gather-diagnostics'));
  backend.finish();
  await screen.findByTestId('bundle');
  return backend;
}

function part(fileName: string): HTMLElement {
  const found = screen.getAllByTestId('bundle-part').find((li) => li.dataset.fileName === fileName);
  if (!found) throw new Error(`no part ${fileName}`);
  return found;
}

describe('the Diagnostics place', () => {
  it('says that nothing is written until saved, and shows progress while it gathers', async () => {
    const { ipc, finish } = diagnosticsBackend();
    render(App);
    await userEvent.click(await screen.findByTestId('nav-diagnostics'));
    expect(screen.getByTestId('diagnostics-privacy')).toHaveTextContent(
      'Nothing is written to disk until you save, and then only where you choose. Names, national ID numbers and e-mail addresses are masked in the bundle.',
    );
    expect(callsOf(ipc, 'diagnostics')).toBe(0);

    await userEvent.click(screen.getByTestId('gather-diagnostics'));
    expect(screen.getByTestId('gathering')).toHaveTextContent(/^Gathering … 0 s$/);
    expect(screen.getByTestId('gather-diagnostics')).toBeDisabled();
    finish();
    await screen.findByTestId('bundle');
    expect(screen.getByTestId('gathering')).toBeEmptyDOMElement();
    expect(screen.getByTestId('gather-diagnostics')).toHaveTextContent('Gather again');
    expect(callsOf(ipc, 'diagnostics')).toBe(1);
    expect(callsOf(ipc, 'save_diagnostics')).toBe(0);
  });

  it('shows every part with its title and file name, the total size, and the error lines marked', async () => {
    await gathered();
    expect(screen.getAllByTestId('bundle-part').map((li) => li.dataset.fileName)).toEqual([
      'synkvakt.txt',
      'cycles.txt',
      CLIENT_LOG,
    ]);
    expect(screen.getByTestId('bundle-size')).toHaveTextContent(/^3 files, 47 kB in all, gathered \d\d:\d\d\./);

    const log = part(CLIENT_LOG);
    const summary = log.querySelector('summary');
    expect(summary).toHaveTextContent("The end of the client's log eAdm-klient-2025-11-22.log");
    expect(summary).toHaveTextContent(CLIENT_LOG);
    expect(summary).toHaveTextContent('2 error lines');
    const lines = within(log).getAllByRole('listitem');
    expect(lines.map((li) => li.dataset.level)).toEqual(['other', 'error', 'error']);
    expect(lines[1]).toHaveTextContent(/^Error\s*2025-11-22 06:21:04 ERROR Export AD/);
    expect(lines[1].querySelector('svg')).not.toBeNull();
    expect(lines[2]).toHaveTextContent(/^Error\s*2025-11-22 06:21:06 FATAL/);
    expect(lines[0].querySelector('svg')).toBeNull();

    const cycles = within(part('cycles.txt')).getAllByRole('listitem');
    expect(cycles.map((li) => li.dataset.level)).toEqual(['other', 'error', 'other', 'other']);
    expect(part('cycles.txt').querySelector('summary')).toHaveTextContent('1 error line');

    const app = part('synkvakt.txt');
    expect(app.querySelector('summary')).not.toHaveTextContent('error');
    expect(within(app).getAllByRole('listitem').map((li) => li.textContent?.trim())).toEqual([
      'Synkvakt 0.1.0',
      'OS: Windows Server 2022 (x86_64)',
      'Computer: ADMIN01',
    ]);

    // Each part opens to its text.
    const details = log.querySelector('details');
    expect(details).not.toHaveAttribute('open');
    await userEvent.click(summary as HTMLElement);
    expect(details).toHaveAttribute('open');
  });

  it('saves the bundle that was shown and says where', async () => {
    const { ipc } = await gathered();
    await userEvent.click(screen.getByTestId('save-bundle'));
    await waitFor(() => expect(screen.getByTestId('bundle-saved')).toHaveTextContent(`Saved to ${SAVED}`));
    expect(argsOf(ipc, 'save_diagnostics')).toEqual([{ id: 'bundle-4f1c9e' }]);
  });

  it('says nothing when the admin cancels the save dialog, and why when saving fails', async () => {
    const refusal: UserError = {
      kind: 'refused',
      message: 'Synkvakt did not save the bundle: this bundle is no longer the one shown. Gather it again, look at it, then save.',
      hint: 'Gather the diagnostics again.',
      detail: 'unknown bundle bundle-4f1c9e',
    };
    let answer: () => unknown = () => null;
    const backend = diagnosticsBackend(() => answer());
    render(App);
    await userEvent.click(await screen.findByTestId('nav-diagnostics'));
    await userEvent.click(screen.getByTestId('gather-diagnostics'));
    backend.finish();
    await screen.findByTestId('bundle');

    await userEvent.click(screen.getByTestId('save-bundle'));
    await waitFor(() => expect(callsOf(backend.ipc, 'save_diagnostics')).toBe(1));
    expect(screen.getByTestId('bundle-saved')).toBeEmptyDOMElement();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    answer = () => {
      throw refusal;
    };
    await userEvent.click(screen.getByTestId('save-bundle'));
    const panel = await screen.findByRole('alert');
    expect(panel).toHaveTextContent(refusal.message);
    expect(panel).toHaveTextContent(refusal.hint);
    expect(screen.getByTestId('bundle-saved')).toBeEmptyDOMElement();
  });

  it('copies the summary for a support ticket and says it did', async () => {
    await gathered();
    const writeText = vi.fn((_text: string) => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await fireEvent.click(screen.getByTestId('copy-summary'));
    await waitFor(() =>
      expect(screen.getByTestId('summary-copied')).toHaveTextContent('Summary copied. Paste it into your support ticket.'),
    );
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText).toHaveBeenCalledWith(bundle.summary);
  });
});

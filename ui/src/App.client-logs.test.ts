// The Client logs place: the newest files of the client's log folder, the end of one with its
// ERROR and WARN lines marked, searched in Rust, and followed as the client writes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { setUiLanguage } from './lib/i18n.svelte';
import type { LogFolderView, LogLineView, LogTailView, UserError } from './lib/backend';
import { argsOf, callsOf, catalogText, failedEadmStatus, installBackend, stepRows } from './test-fixtures';

afterEach(() => {
  cleanup();
  clearMocks();
  setUiLanguage('nb');
  vi.useRealTimers();
});

/** The client server's log folder as this computer reaches it, through the admin share. */
const FOLDER = '\\\\eadm-klient01\\c$\\eadm\\loggfiler';
const NEWEST = 'eAdm-klient-2025-11-22.log';
const OLDER = 'eAdm-klient-2025-11-21.log';

// Taken before the window opens, whose own clock then tells how old each file is.
const now = new Date();
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60000).toISOString();

function folderView(): LogFolderView {
  return {
    folder: FOLDER,
    files: [
      { name: NEWEST, sizeBytes: 3_355_443, modified: minutesAgo(1) },
      { name: OLDER, sizeBytes: 2048, modified: minutesAgo(5) },
    ],
  };
}

const line = (text: string, level: LogLineView['level'] = 'other'): LogLineView => ({ text, level });

const NEWEST_LINES = [
  line('2025-11-22 06:21:02 INFO  Export AD startet for 4812 brukere'),
  line('2025-11-22 06:21:04 ERROR Export AD: Tilgang nektet til OU=Ansatte', 'error'),
  line('2025-11-22 06:21:05 WARN  Kunne ikke oppdatere mail for 3 brukere', 'warning'),
  line('2025-11-22 06:21:09 INFO  Export AD avsluttet'),
];

function tail(file: string, lines: LogLineView[], end: number, extra: Partial<LogTailView> = {}): LogTailView {
  return { file, encoding: 'windows-1252', lines, end, sizeBytes: end, whole: false, restarted: false, ...extra };
}

interface LogArgs {
  file: string;
  after: number | null;
  search: string;
}

/**
 * Rust's answers: the folder, and for each read of a file what `answer` gives; by default the
 * newest file's end, found by the search as Rust finds it.
 */
function logBackend(answer?: (args: LogArgs, call: number) => LogTailView) {
  let calls = 0;
  const fallback = ({ file, search }: LogArgs): LogTailView => {
    const lines = file === NEWEST ? NEWEST_LINES : [line('2025-11-21 23:59:58 INFO  Ferdig')];
    const found = lines.filter((l) => l.text.toLowerCase().includes(search.trim().toLowerCase()));
    return tail(file, found, file === NEWEST ? 3_355_443 : 2048, { whole: file !== NEWEST });
  };
  return installBackend({
    language: 'en',
    choice: 'en',
    status: (language) => failedEadmStatus(language),
    commands: {
      client_log_folder: () => folderView(),
      client_log: (args) => (answer ?? fallback)(args as unknown as LogArgs, calls++),
    },
  });
}

function shownLines(): { level: string | undefined; text: string }[] {
  return screen.getAllByTestId('log-line').map((li) => ({ level: li.dataset.level, text: li.textContent?.trim() ?? '' }));
}

async function openLogs() {
  render(App);
  await userEvent.click(await screen.findByTestId('nav-client-logs'));
}

describe('the Client logs place', () => {
  it('lists the newest files with size and time, and shows the newest one with its errors and warnings marked', async () => {
    const ipc = logBackend();
    await openLogs();
    await waitFor(() => expect(screen.getAllByTestId('log-line')).toHaveLength(4));

    expect(screen.getByTestId('log-folder')).toHaveTextContent(FOLDER);
    const files = screen.getAllByTestId('log-file');
    expect(files.map((button) => button.dataset.fileName)).toEqual([NEWEST, OLDER]);
    expect(files[0]).toHaveTextContent(NEWEST);
    expect(files[0]).toHaveTextContent(/3\.2 MB · \d\d:\d\d, 1 min ago/);
    expect(files[1]).toHaveTextContent(/2 kB · \d\d:\d\d, 5 min ago/);
    expect(files[0]).toHaveAttribute('aria-pressed', 'true');
    expect(argsOf(ipc, 'client_log')).toEqual([{ file: NEWEST, after: null, search: '' }]);

    const lines = screen.getAllByTestId('log-line');
    expect(lines.map((li) => li.dataset.level)).toEqual(['other', 'error', 'warning', 'other']);
    // Marked by a shape and a word, not by color alone.
    expect(lines[1]).toHaveTextContent(/^Error\s*2025-11-22 06:21:04 ERROR Export AD/);
    expect(lines[1].querySelector('svg')).not.toBeNull();
    expect(lines[2]).toHaveTextContent(/^Warning\s*2025-11-22 06:21:05 WARN/);
    expect(lines[2].querySelector('svg')).not.toBeNull();
    expect(lines[0].querySelector('svg')).toBeNull();
    expect(screen.getByTestId('log-counts')).toHaveTextContent('1 error, 1 warning');
    expect(screen.getByTestId('log-about')).toHaveTextContent(
      'Encoding: windows-1252 · showing the end of the file (3.2 MB in all)',
    );

    await userEvent.click(files[1]);
    await waitFor(() => expect(shownLines()).toEqual([{ level: 'other', text: '2025-11-21 23:59:58 INFO  Ferdig' }]));
    expect(argsOf(ipc, 'client_log').at(-1)).toEqual({ file: OLDER, after: null, search: '' });
    expect(screen.getByTestId('log-about')).toHaveTextContent(/^Encoding: windows-1252$/);
    expect(screen.getByTestId('log-counts')).toHaveTextContent('0 errors, 0 warnings');
  });

  it('sends what the admin types to Rust once typing pauses, and reads the file anew', async () => {
    const ipc = logBackend();
    await openLogs();
    await waitFor(() => expect(screen.getAllByTestId('log-line')).toHaveLength(4));

    await userEvent.type(screen.getByTestId('log-search'), 'Tilgang');
    await waitFor(() => expect(screen.getAllByTestId('log-line')).toHaveLength(1));
    const reads = argsOf(ipc, 'client_log').filter((args) => args.search !== '');
    expect(reads.at(-1)).toEqual({ file: NEWEST, after: null, search: 'Tilgang' });
    // Not one read per key.
    expect(reads.length).toBeLessThan(3);
    expect(shownLines()[0].level).toBe('error');

    await userEvent.type(screen.getByTestId('log-search'), ' nowhere');
    await waitFor(() => expect(screen.getByTestId('log-empty')).toHaveTextContent('No lines hold these words.'));
  });

  it('follows the file: every 2 s it asks for what came after the last end and adds it', async () => {
    vi.useFakeTimers();
    const answers = [
      tail(NEWEST, NEWEST_LINES, 1000),
      tail(NEWEST, [line('2025-11-22 06:30:00 ERROR Import AD Results: tidsavbrudd', 'error')], 1100),
      tail(NEWEST, [], 1100),
      tail(NEWEST, [line('2025-11-22 00:00:01 INFO  Ny loggfil')], 40, { restarted: true, whole: true }),
    ];
    const ipc = logBackend((_, call) => answers[Math.min(call, answers.length - 1)]);
    render(App);
    await vi.advanceTimersByTimeAsync(0);
    await fireEvent.click(screen.getByTestId('nav-client-logs'));
    await vi.advanceTimersByTimeAsync(0);
    expect(shownLines()).toHaveLength(4);
    expect(screen.getByTestId('log-follow')).toHaveAttribute('aria-pressed', 'true');

    await vi.advanceTimersByTimeAsync(1_999);
    expect(callsOf(ipc, 'client_log')).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(argsOf(ipc, 'client_log')[1]).toEqual({ file: NEWEST, after: 1000, search: '' });
    expect(shownLines()).toHaveLength(5);
    expect(shownLines()[4]).toEqual({ level: 'error', text: 'Error 2025-11-22 06:30:00 ERROR Import AD Results: tidsavbrudd' });
    expect(screen.getByTestId('log-counts')).toHaveTextContent('2 errors, 1 warning');

    await vi.advanceTimersByTimeAsync(2_000);
    expect(argsOf(ipc, 'client_log')[2]).toEqual({ file: NEWEST, after: 1100, search: '' });
    expect(shownLines()).toHaveLength(5);

    // The client started a new file under the same name: its lines replace the old ones.
    await vi.advanceTimersByTimeAsync(2_000);
    expect(shownLines()).toEqual([{ level: 'other', text: '2025-11-22 00:00:01 INFO  Ny loggfil' }]);

    await fireEvent.click(screen.getByTestId('log-follow'));
    expect(screen.getByTestId('log-follow')).toHaveAttribute('aria-pressed', 'false');
    const before = callsOf(ipc, 'client_log');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(callsOf(ipc, 'client_log')).toBe(before);
  });

  it('keeps at most 5,000 lines, the newest, and then says it shows only the end', async () => {
    vi.useFakeTimers();
    const many = Array.from({ length: 4_998 }, (_, n) => line(`2025-11-22 07:00:00 INFO  rad ${n + 1}`));
    const answers = [
      tail(NEWEST, NEWEST_LINES, 500, { whole: true, sizeBytes: 500 }),
      tail(NEWEST, many, 400_000),
    ];
    logBackend((_, call) => answers[Math.min(call, 1)]);
    render(App);
    await vi.advanceTimersByTimeAsync(0);
    await fireEvent.click(screen.getByTestId('nav-client-logs'));
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getByTestId('log-about')).toHaveTextContent(/^Encoding: windows-1252$/);

    await vi.advanceTimersByTimeAsync(2_000);
    const lines = screen.getAllByTestId('log-line');
    expect(lines).toHaveLength(5_000);
    expect(lines[0]).toHaveTextContent('Warning 2025-11-22 06:21:05 WARN');
    expect(lines.at(-1)).toHaveTextContent('rad 4998');
    expect(screen.getByTestId('log-about')).toHaveTextContent('showing the end of the file');
  });

  it('shows a missing folder with what to do, and the rest of the window keeps working', async () => {
    const missing: UserError = {
      kind: 'log-folder-missing',
      message: catalogText('en', 'error-log-folder-missing', { folder: FOLDER }),
      hint: catalogText('en', 'error-log-folder-missing-hint'),
      detail: `${FOLDER}: The system cannot find the path specified. (os error 3)`,
    };
    installBackend({
      language: 'en',
      choice: 'en',
      status: (language) => failedEadmStatus(language),
      commands: {
        client_log_folder: () => {
          throw missing;
        },
      },
    });
    await openLogs();
    const panel = await screen.findByRole('alert');
    expect(panel).toHaveAttribute('data-error-kind', 'log-folder-missing');
    expect(panel).toHaveTextContent(`The log folder or file is not there: ${FOLDER}`);
    expect(panel).toHaveTextContent("Check the log folder in the tenant's settings");
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent("The client's log files");
    expect(within(panel).getByRole('button', { name: 'Try again' })).toBeInTheDocument();

    await userEvent.click(screen.getByTestId('nav-status'));
    await waitFor(() => expect(stepRows().length).toBeGreaterThan(0));
  });

  it('shows a locked file while following, and goes on once the client lets go of it', async () => {
    vi.useFakeTimers();
    const locked: UserError = {
      kind: 'log-file-locked',
      message: catalogText('en', 'error-log-file-locked', { folder: `${FOLDER}\\${NEWEST}` }),
      hint: catalogText('en', 'error-log-file-locked-hint'),
      detail: 'The process cannot access the file because it is being used by another process. (os error 32)',
    };
    const ipc = logBackend((_, call) => {
      if (call === 1) throw locked;
      return call === 0 ? tail(NEWEST, NEWEST_LINES, 1000) : tail(NEWEST, [line('2025-11-22 06:40:00 INFO  igjen')], 1200);
    });
    render(App);
    await vi.advanceTimersByTimeAsync(0);
    await fireEvent.click(screen.getByTestId('nav-client-logs'));
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(2_000);
    const panel = screen.getByRole('alert');
    expect(panel).toHaveTextContent(locked.message);
    expect(panel).toHaveTextContent('Try again in a moment');
    // What was read stays on screen.
    expect(shownLines()).toHaveLength(4);

    await vi.advanceTimersByTimeAsync(2_000);
    expect(argsOf(ipc, 'client_log')[2]).toEqual({ file: NEWEST, after: 1000, search: '' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(shownLines()).toHaveLength(5);
  });
});

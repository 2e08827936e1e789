// When the tenant cannot be reached (the last known cycle stays on screen, with a banner and
// quick retries), and when no cycle has completed for too long.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import userEvent from '@testing-library/user-event';
import App from './App.svelte';
import { setUiLanguage } from './lib/i18n.svelte';
import {
  STALE_HOURS,
  appInfo,
  callsOf,
  detailsPanel,
  failedEadmStatus,
  installBackend,
  offlineEadmStatus,
  rowFor,
  noNewCycleEadmStatus,
  stepRows,
  unreachableError,
} from './test-fixtures';

afterEach(() => {
  cleanup();
  clearMocks();
  setUiLanguage('nb');
  vi.useRealTimers();
});

/** "09:18" as the UI writes a time of today, in the local time zone. */
function clock(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

describe('when the tenant cannot be reached', () => {
  it('keeps the last known cycle on screen under a banner that says since when', async () => {
    vi.useFakeTimers();
    const now = new Date('2025-11-24T09:30:00Z');
    vi.setSystemTime(now);
    const payload = offlineEadmStatus(now, 'en');
    installBackend({ language: 'en', choice: 'en', status: () => payload });
    render(App);
    await vi.advanceTimersByTimeAsync(0);

    const banner = screen.getByTestId('offline');
    expect(banner).toHaveAttribute('role', 'alert');
    expect(within(banner).getByText(/^Cannot reach the tenant\./)).toHaveTextContent(
      `Cannot reach the tenant. Showing the cycle as of ${clock(payload.fetchedAt)}, 12 min ago.`,
    );
    expect(banner).toHaveTextContent(unreachableError.message);
    expect(banner).toHaveTextContent('Synkvakt keeps trying and updates by itself when the tenant answers again.');

    // The last known cycle, as it was.
    expect(stepRows().map((row) => row.dataset.stepKey)).toEqual(payload.cycle.steps.map((step) => step.key));
    expect(rowFor('export-ad')).toHaveAttribute('aria-selected', 'true');
    expect(within(detailsPanel()).getByRole('heading', { level: 2 })).toHaveTextContent('Export AD');
    // The header does not claim the old state as the present one.
    expect(screen.getByTestId('overall').querySelector('.headline')).toHaveTextContent(/^Not reachable · as of \d{2}:\d{2}$/);
    expect(screen.getByTestId('overall').querySelector('svg')).toHaveAttribute('data-state', 'unknown');
    // Not an error panel with a retry button: the app retries by itself.
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(document.querySelector('[data-error-kind]')).toBeNull();
    expect(screen.queryByTestId('stale')).not.toBeInTheDocument();
  });

  it('asks again after 3 s, then 6 s, then 12 s, and calmly again once the tenant answers', async () => {
    vi.useFakeTimers();
    const now = new Date('2025-11-24T09:30:00Z');
    vi.setSystemTime(now);
    let reachable = false;
    const ipc = installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => (reachable ? failedEadmStatus(l) : offlineEadmStatus(now, l)),
    });
    const statusCalls = () => callsOf(ipc, 'status');
    render(App);
    await vi.advanceTimersByTimeAsync(0);
    expect(statusCalls()).toBe(1);
    expect(screen.getByTestId('offline')).toBeInTheDocument();

    await vi.advanceTimersByTimeAsync(2_999);
    expect(statusCalls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(statusCalls()).toBe(2);

    // Failed again: now twice as long.
    await vi.advanceTimersByTimeAsync(5_999);
    expect(statusCalls()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(statusCalls()).toBe(3);

    await vi.advanceTimersByTimeAsync(11_999);
    expect(statusCalls()).toBe(3);
    reachable = true;
    await vi.advanceTimersByTimeAsync(1);
    expect(statusCalls()).toBe(4);
    expect(screen.queryByTestId('offline')).not.toBeInTheDocument();
    expect(stepRows()).toHaveLength(9);

    // A resting cycle: every 30 s.
    await vi.advanceTimersByTimeAsync(29_999);
    expect(statusCalls()).toBe(4);
    reachable = false;
    await vi.advanceTimersByTimeAsync(1);
    expect(statusCalls()).toBe(5);
    expect(screen.getByTestId('offline')).toBeInTheDocument();

    // Unreachable anew: the retries start short again.
    await vi.advanceTimersByTimeAsync(2_999);
    expect(statusCalls()).toBe(5);
    await vi.advanceTimersByTimeAsync(1);
    expect(statusCalls()).toBe(6);
  });

  it('retries along the steps Rust hands over in the app info', async () => {
    vi.useFakeTimers();
    const now = new Date('2025-11-24T09:30:00Z');
    vi.setSystemTime(now);
    const ipc = installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => offlineEadmStatus(now, l),
      commands: { app_info: () => ({ ...appInfo('en'), retryBackoffMs: [1000, 4000] }) },
    });
    const statusCalls = () => callsOf(ipc, 'status');
    render(App);
    await vi.advanceTimersByTimeAsync(0);
    expect(statusCalls()).toBe(1);

    await vi.advanceTimersByTimeAsync(999);
    expect(statusCalls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(statusCalls()).toBe(2);

    // The last step repeats for as long as the tenant stays away.
    for (const calls of [3, 4]) {
      await vi.advanceTimersByTimeAsync(3_999);
      expect(statusCalls()).toBe(calls - 1);
      await vi.advanceTimersByTimeAsync(1);
      expect(statusCalls()).toBe(calls);
    }
  });
});

describe('when no new cycle starts', () => {
  it('flags the header, says since when, and gives the guide\'s remedies with Manual sync', async () => {
    const now = new Date();
    const payload = noNewCycleEadmStatus(now, 'en');
    installBackend({ language: 'en', choice: 'en', status: () => payload });
    const { container } = render(App);
    await waitFor(() => expect(stepRows().length).toBeGreaterThan(0));

    const header = container.querySelector('header')!;
    expect(within(header).getByTestId('stale-flag')).toHaveTextContent(/^No new cycle$/);

    const banner = screen.getByTestId('stale');
    expect(banner).toHaveAttribute('role', 'alert');
    expect(banner).toHaveTextContent(/^No new cycle has started since [^.]*, 20 h 0 min ago\. Here the next full cycle usually starts by [^.]*\d{2}:\d{2}\./);
    expect(banner).not.toHaveTextContent(/stopped|failed/i);
    const remedies = within(banner).getAllByRole('listitem').map((item) => item.dataset.kind);
    expect(remedies).toEqual(['manual-sync', 'read-event-log', 'read-client-logs', 'support-if-no-help']);
    expect(within(banner).getByTestId('copy-details')).toBeInTheDocument();
    await userEvent.click(within(banner).getByTestId('open-manual-sync'));
    await waitFor(() => expect(screen.getByTestId('manual-sync')).toBeInTheDocument());
  });

  it('names the profile\'s default while the history is shorter than a week', async () => {
    const payload = noNewCycleEadmStatus(new Date(), 'en', false);
    installBackend({ language: 'en', choice: 'en', status: () => payload });
    render(App);
    await waitFor(() => expect(stepRows().length).toBeGreaterThan(0));

    expect(screen.getByTestId('stale')).toHaveTextContent(
      `the profile allows ${STALE_HOURS} h 0 min between cycles until Synkvakt has seen a week of them`,
    );
  });

  it('shows neither flag nor banner while cycles complete', async () => {
    installBackend({ language: 'en', choice: 'en', status: (l) => failedEadmStatus(l) });
    render(App);
    await waitFor(() => expect(stepRows().length).toBeGreaterThan(0));
    expect(screen.queryByTestId('stale-flag')).not.toBeInTheDocument();
    expect(screen.queryByTestId('stale')).not.toBeInTheDocument();
    expect(screen.queryByTestId('offline')).not.toBeInTheDocument();
  });
});

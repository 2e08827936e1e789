// The Audit place: the audit log newest first, found by words and by outcome in Rust, a page
// at a time.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { setUiLanguage } from './lib/i18n.svelte';
import type { AuditEntryView, AuditQuery, AuditView } from './lib/backend';
import { failedEadmStatus, installBackend } from './test-fixtures';

afterEach(() => {
  cleanup();
  clearMocks();
  setUiLanguage('nb');
});

const now = new Date();
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60000).toISOString();

const log: AuditEntryView[] = [
  {
    time: minutesAgo(3),
    osUser: 'kari',
    tenant: 'Kommune X',
    action: 'Ran “eAdm synkronisering” on eadm-klient01 for a manual sync',
    outcome: 'done',
    detail: '',
  },
  {
    time: minutesAgo(9),
    osUser: 'kari',
    tenant: 'Kommune X',
    action: 'Ran “eAdm synkronisering” on eadm-klient01 for a manual sync',
    outcome: 'refused',
    detail: 'the last cycle failed at Export AD',
  },
  {
    time: minutesAgo(30),
    osUser: 'ola',
    tenant: '',
    action: 'Changed the setting language to nn',
    outcome: 'done',
    detail: '',
  },
];

/** The audit log as Rust would answer it, and every query the page sent. */
function auditBackend() {
  const queries: AuditQuery[] = [];
  const answer = (query: AuditQuery): AuditView => {
    queries.push(query);
    const found = log.filter(
      (entry) =>
        (!query.outcome || entry.outcome === query.outcome) &&
        `${entry.action} ${entry.tenant} ${entry.osUser} ${entry.detail}`.toLowerCase().includes(query.search.toLowerCase()),
    );
    return { entries: found.slice(query.offset, query.offset + query.limit), matching: found.length, offset: query.offset };
  };
  installBackend({
    language: 'en',
    choice: 'en',
    status: (l) => failedEadmStatus(l),
    commands: { audit_log: (args) => answer(args.query as AuditQuery) },
  });
  return queries;
}

function rows(): string[][] {
  return [...screen.getByTestId('audit').querySelectorAll('tbody tr')].map((row) =>
    [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? ''),
  );
}

describe('the Audit place', () => {
  it('shows who did what for which tenant and how it went, newest first', async () => {
    auditBackend();
    render(App);
    await userEvent.click(await screen.findByTestId('nav-audit'));
    await waitFor(() => expect(screen.getByTestId('audit')).toBeInTheDocument());
    const shown = rows();
    expect(shown).toHaveLength(3);
    expect(shown[0].slice(1)).toEqual([
      'kari',
      'Kommune X',
      'Ran “eAdm synkronisering” on eadm-klient01 for a manual sync',
      'done',
    ]);
    expect(shown[0][0]).toMatch(/^\d\d:\d\d, 3 min ago$/);
    expect(shown[1][3]).toContain('the last cycle failed at Export AD');
    expect(shown[1][4]).toBe('refused');
    expect(shown[2][2]).toBe('Synkvakt');
    expect(screen.getByTestId('audit-count')).toHaveTextContent('3 of 3 entries');
  });

  it('asks Rust for what the admin types, once typing pauses, and for one outcome', async () => {
    const queries = auditBackend();
    render(App);
    await userEvent.click(await screen.findByTestId('nav-audit'));
    await waitFor(() => expect(rows()).toHaveLength(3));

    await userEvent.type(screen.getByTestId('audit-search'), 'export');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(queries.at(-1)).toEqual({ search: 'export', outcome: null, offset: 0, limit: 100 });
    expect(queries.length).toBeLessThan(4);

    await userEvent.clear(screen.getByTestId('audit-search'));
    await userEvent.selectOptions(screen.getByTestId('audit-outcome'), 'done');
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(queries.at(-1)?.outcome).toBe('done');

    await userEvent.type(screen.getByTestId('audit-search'), 'nothing like it');
    await waitFor(() => expect(screen.getByTestId('audit-empty')).toHaveTextContent('No entries match.'));
  });

  it('offers older entries while there are more than shown', async () => {
    const queries = auditBackend();
    log.push(
      ...Array.from({ length: 150 }, (_, n) => ({
        time: minutesAgo(60 + n),
        osUser: 'kari',
        tenant: 'Kommune X',
        action: 'Cleared the cache',
        outcome: 'done' as const,
        detail: '',
      })),
    );
    try {
      render(App);
      await userEvent.click(await screen.findByTestId('nav-audit'));
      await waitFor(() => expect(rows()).toHaveLength(100));
      expect(screen.getByTestId('audit-count')).toHaveTextContent('100 of 153 entries');
      await userEvent.click(screen.getByTestId('audit-more'));
      await waitFor(() => expect(rows()).toHaveLength(153));
      expect(queries.at(-1)).toMatchObject({ offset: 100, limit: 100 });
      expect(screen.queryByTestId('audit-more')).not.toBeInTheDocument();
      expect(within(screen.getByTestId('audit')).getAllByText('Cleared the cache')).toHaveLength(150);
    } finally {
      log.splice(3);
    }
  });
});

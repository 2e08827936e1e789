// The re-export dialog: a template's mappings, the scope, the preview whose rows stay in Rust
// (the table asks for a window, filtered and sorted there), and a confirmation that states what
// is overwritten before anything is put on the export queue.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { setUiLanguage } from './lib/i18n.svelte';
import type { ExportJob_Serialize, PreviewQuery, PreviewWindow, TemplateView } from './lib/bindings';
import { callsOf, failedEadmStatus, installBackend, stepRows } from './test-fixtures';

afterEach(() => {
  cleanup();
  clearMocks();
  setUiLanguage('nb');
});

const AD: TemplateView = {
  id: 'ad',
  name: 'Active Directory',
  targetSystem: 'Active Directory',
  mappings: [
    { id: 'ad-mail', targetAttribute: 'mail', sourceExpression: '[Email]', valueKind: 'email' },
    { id: 'ad-title', targetAttribute: 'title', sourceExpression: '[JobTitle]', valueKind: 'text' },
  ],
};

/** A preview of `users` users held "in Rust": the window the page asks for, and nothing more. */
function rustPreview(users: number) {
  const rows = Array.from({ length: users }, (_, index) => ({
    userId: String(10001 + index),
    name: `Kari Nordmann ${index}`,
    attribute: 'mail',
    currentValue: index % 10 === 0 ? null : `k${index}@demo.kommune.no`,
    newValue: `k${index}@demo.kommune.no`,
    changes: index % 10 === 0,
  }));
  const asked: PreviewQuery[] = [];
  const window = (query: PreviewQuery): PreviewWindow => {
    asked.push(query);
    const matching = rows.filter((row) => row.userId.includes(query.userId));
    const shown = matching.slice(query.offset, query.offset + query.limit);
    return {
      rows: shown,
      offset: query.offset,
      matching: matching.length,
      matchingUsers: matching.length,
      matchingChanges: matching.filter((row) => row.changes).length,
      loaded: rows.length,
      total: rows.length,
      users: rows.length,
      changes: rows.filter((row) => row.changes).length,
      complete: true,
      problem: null,
    };
  };
  return { window, asked };
}

function job(id: string): ExportJob_Serialize {
  return {
    id,
    templateId: 'ad',
    mappingId: 'ad-mail',
    attributes: ['mail'],
    users: 2000,
    total: 2000,
    done: 0,
    state: 'queued',
    createdAt: new Date().toISOString(),
    finishedAt: null,
  };
}

async function openReexport(commands: Record<string, (args: Record<string, unknown>) => unknown>) {
  const ipc = installBackend({
    language: 'en',
    choice: 'en',
    status: (l) => failedEadmStatus(l),
    commands: { sent_reexports: () => [], ...commands },
  });
  const user = userEvent.setup();
  render(App);
  await waitFor(() => expect(stepRows().length).toBeGreaterThan(0));
  await user.click(screen.getByTestId('nav-reexport'));
  return { ipc, user };
}

describe('the re-export dialog', () => {
  it('lists the mappings and previews a window of rows, asking Rust for no more than it shows', async () => {
    const preview = rustPreview(2000);
    const { user } = await openReexport({
      reexport_templates: () => [AD],
      open_preview: ({ templateId, mappingId, scope }) => {
        expect({ templateId, mappingId, scope }).toEqual({ templateId: 'ad', mappingId: 'ad-mail', scope: { kind: 'all', userIds: [] } });
        return { previewId: 'p1', tenantName: 'Demo kommune', templateName: 'Active Directory', targetSystem: 'Active Directory', attributes: ['mail'], scope };
      },
      preview_window: ({ query }) => preview.window(query as PreviewQuery),
      close_preview: () => null,
    });
    const mappings = await screen.findAllByTestId('export-mapping');
    expect(mappings.map((button) => button.textContent?.trim())).toEqual(['▶ Export mapping mail…', '▶ Export mapping title…']);
    await user.click(mappings[0]);
    await user.click(screen.getByTestId('preview-button'));

    await waitFor(() => expect(screen.getByTestId('preview-counts')).toHaveTextContent('2,000 users · 2,000 values · 200 would change'));
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeLessThanOrEqual(28);
    expect(rows[0]).toHaveAttribute('data-user-id', '10001');
    expect(preview.asked.every((query) => query.limit <= 28)).toBe(true);

    await user.type(screen.getByTestId('filter-user-id'), '1999');
    await waitFor(() => expect(screen.getByTestId('preview-counts')).toHaveTextContent('1 user · 1 value · 0 would change'));
    expect(preview.asked.at(-1)).toMatchObject({ userId: '1999', offset: 0 });
  });

  it('sorts by a column in Rust, and a second click reverses it', async () => {
    const preview = rustPreview(50);
    const { user } = await openReexport({
      reexport_templates: () => [AD],
      open_preview: ({ scope }) => ({ previewId: 'p1', tenantName: 'Demo kommune', templateName: 'AD', targetSystem: 'Active Directory', attributes: ['mail'], scope }),
      preview_window: ({ query }) => preview.window(query as PreviewQuery),
      close_preview: () => null,
    });
    await user.click((await screen.findAllByTestId('export-mapping'))[0]);
    await user.click(screen.getByTestId('preview-button'));
    await screen.findByTestId('preview-counts');
    const header = () => screen.getByRole('columnheader', { name: /Value to write/ });
    await user.click(within(header()).getByRole('button'));
    await waitFor(() => expect(preview.asked.at(-1)).toMatchObject({ sort: 'new-value', descending: false }));
    expect(header()).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(header()).getByRole('button'));
    await waitFor(() => expect(preview.asked.at(-1)).toMatchObject({ sort: 'new-value', descending: true }));
  });

  it('states what the whole re-export overwrites, on which tenant, with the table filtered, and executes once', async () => {
    const preview = rustPreview(2000);
    const { ipc, user } = await openReexport({
      reexport_templates: () => [AD],
      open_preview: ({ scope }) => ({ previewId: 'p1', tenantName: 'Demo kommune', templateName: 'Active Directory', targetSystem: 'Active Directory', attributes: ['mail'], scope }),
      preview_window: ({ query }) => preview.window(query as PreviewQuery),
      execute_reexport: ({ previewId, confirmed }) => {
        expect({ previewId, confirmed }).toEqual({ previewId: 'p1', confirmed: { users: 2000, values: 2000, changes: 200 } });
        return job('job-0001');
      },
      close_preview: () => null,
    });
    await user.click((await screen.findAllByTestId('export-mapping'))[0]);
    await user.click(screen.getByTestId('preview-button'));
    await screen.findByText(/2,000 users/);
    // As the guide advises, the admin checks one user's row first.
    await user.type(screen.getByLabelText('Filter by user ID'), '10001');
    await screen.findByText(/^1 user · 1 value · 1 would change/);
    await user.click(screen.getByTestId('execute-button'));
    const confirm = screen.getByTestId('reexport-confirm');
    expect(within(confirm).getByRole('heading')).toHaveTextContent('Re-export on Demo kommune');
    expect(confirm).toHaveTextContent('This overwrites mail for all 2,000 users (2,000 values) in Active Directory.');
    expect(confirm).toHaveTextContent('200 of these values differ from what Active Directory holds now, or it holds none.');
    expect(confirm).toHaveTextContent("These counts are of every user in the re-export, not only the rows the table's filter shows.");
    expect(callsOf(ipc, 'execute_reexport')).toBe(0);
    const overwrite = within(confirm).getByRole('button', { name: 'Overwrite mail in Active Directory' });
    await user.dblClick(overwrite);
    expect(await screen.findByTestId('reexport-queued')).toHaveTextContent('The re-export is on the export queue as job-0001.');
    expect(screen.getByTestId('reexport-job-counts')).toHaveTextContent('The job writes 2,000 values for 2,000 users, as you confirmed.');
    expect(callsOf(ipc, 'execute_reexport')).toBe(1);
  });

  it('picks a selection by searching names, and closing the dialog closes the preview in Rust', async () => {
    const preview = rustPreview(3);
    const { ipc, user } = await openReexport({
      reexport_templates: () => [AD],
      search_users: ({ search }) => ({
        total: 1,
        users: [{ id: '10002', name: `Kari ${String(search)}`, department: 'Oppvekst' }],
      }),
      open_preview: ({ scope }) => {
        expect(scope).toEqual({ kind: 'selection', userIds: ['10002'] });
        return { previewId: 'p9', templateName: 'AD', targetSystem: 'Active Directory', attributes: ['mail'], scope };
      },
      preview_window: ({ query }) => preview.window(query as PreviewQuery),
      close_preview: ({ previewId }) => {
        expect(previewId).toBe('p9');
        return null;
      },
    });
    await user.click((await screen.findAllByTestId('export-mapping'))[0]);
    await user.click(screen.getByTestId('scope-selection'));
    expect(screen.getByTestId('preview-button')).toBeDisabled();
    await user.type(screen.getByTestId('user-search'), 'Nord');
    await user.click(await screen.findByTestId('add-user'));
    expect(within(screen.getByTestId('selection')).getByText(/10002/)).toBeInTheDocument();
    await user.click(screen.getByTestId('preview-button'));
    await screen.findByTestId('preview-counts');
    await user.click(screen.getByTestId('close-preview'));
    expect(callsOf(ipc, 'close_preview')).toBe(1);
    expect(screen.queryByTestId('reexport-dialog')).toBeNull();
  });

  it('shows the new counts when the data changed since the preview, and confirms again', async () => {
    const preview = rustPreview(2000);
    let executes = 0;
    const { ipc, user } = await openReexport({
      reexport_templates: () => [AD],
      open_preview: ({ scope }) => ({ previewId: 'p1', tenantName: 'Demo kommune', templateName: 'Active Directory', targetSystem: 'Active Directory', attributes: ['mail'], scope }),
      preview_window: ({ query }) => preview.window(query as PreviewQuery),
      execute_reexport: () => {
        executes += 1;
        if (executes === 1) {
          throw {
            kind: 'preview-outdated',
            message: 'The data changed since the preview, and nothing was put on the export queue. The re-export would now write 2,000 values for 2,000 users.',
            hint: 'The preview below is loaded again with the data as it is now, with how many values change. Look at it, then confirm its counts.',
            detail: 'the data changed since the preview',
          };
        }
        return { ...job('job-0002'), users: 1999, total: 1999 };
      },
      close_preview: () => null,
    });
    await user.click((await screen.findAllByTestId('export-mapping'))[0]);
    await user.click(screen.getByTestId('preview-button'));
    await screen.findByText(/2,000 users/);
    await user.click(screen.getByTestId('execute-button'));
    await user.click(within(screen.getByTestId('reexport-confirm')).getByRole('button', { name: 'Overwrite mail in Active Directory' }));
    // Back at the preview, with what happened and nothing queued.
    expect(await screen.findByText(/nothing was put on the export queue/)).toBeInTheDocument();
    expect(await screen.findByTestId('preview-counts')).toBeInTheDocument();
    expect(screen.queryByTestId('reexport-queued')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('execute-button'));
    await user.click(within(screen.getByTestId('reexport-confirm')).getByRole('button', { name: 'Overwrite mail in Active Directory' }));
    expect(await screen.findByTestId('reexport-job-counts')).toHaveTextContent(
      'The job writes 1,999 values for 1,999 users, but you confirmed 2,000 values for 2,000 users.',
    );
    expect(callsOf(ipc, 'execute_reexport')).toBe(2);
  });

  it('shows a re-export sent before a crash, and sends one that never arrived again only once confirmed', async () => {
    const sentAt = '2026-12-03T09:15:00Z';
    const entry = {
      key: 'k1',
      tenantName: 'Demo kommune',
      templateName: 'Active Directory',
      targetSystem: 'Active Directory',
      attributes: ['mail'],
      confirmed: { users: 3, values: 3, changes: 1 },
      sentAt,
    };
    const { ipc, user } = await openReexport({
      reexport_templates: () => [AD],
      sent_reexports: () => [
        { ...entry, outcome: { kind: 'never-arrived' } },
        { ...entry, key: 'k2', tenantName: 'Vest kommune', outcome: { kind: 'other-tenant' } },
      ],
      send_reexport_again: ({ key, confirmed }) => {
        expect({ key, confirmed }).toEqual({ key: 'k1', confirmed: entry.confirmed });
        return { ...job('job-0007'), users: 3, total: 3 };
      },
    });
    const shown = await screen.findAllByTestId('sent-reexport');
    expect(shown[0]).toHaveTextContent('was sent, but no answer came before Synkvakt stopped or lost the connection, and it is not on the export queue.');
    expect(shown[1]).toHaveTextContent('Put Vest kommune in view to see whether it reached its export queue.');
    expect(within(shown[1]).queryByRole('button')).not.toBeInTheDocument();
    await user.click(within(shown[0]).getByTestId('sent-reexport-again'));
    expect(callsOf(ipc, 'send_reexport_again')).toBe(0);
    expect(screen.getByTestId('sent-reexport-confirm')).toHaveTextContent(
      'Send it again to Demo kommune? It overwrites mail for 3 users (3 values) in Active Directory. It goes with the same key as before',
    );
    await user.dblClick(screen.getByTestId('sent-reexport-send'));
    await waitFor(() => expect(screen.getAllByTestId('sent-reexport')[0]).toHaveAttribute('data-outcome', 'queued'));
    expect(screen.getAllByTestId('sent-reexport')[0]).toHaveTextContent('reached the export queue as job-0007: 3 values for 3 users.');
    expect(callsOf(ipc, 'send_reexport_again')).toBe(1);
  });

  it('says at start what became of a re-export sent before Synkvakt stopped, and leads to it', async () => {
    const ipc = installBackend({
      language: 'en',
      choice: 'en',
      status: (l) => failedEadmStatus(l),
      commands: {
        reexport_templates: () => [AD],
        sent_reexports: () => [
          {
            key: 'k1',
            tenantName: 'Demo kommune',
            templateName: 'Active Directory',
            targetSystem: 'Active Directory',
            attributes: ['mail'],
            confirmed: { users: 3, values: 3, changes: 1 },
            sentAt: '2026-12-03T09:15:00Z',
            outcome: { kind: 'never-arrived' },
          },
        ],
      },
    });
    const user = userEvent.setup();
    render(App);
    const notice = await screen.findByTestId('sent-reexports-notice');
    expect(notice).toHaveTextContent('was sent, but no answer came before Synkvakt stopped or lost the connection, and it is not on the export queue.');
    await user.click(within(notice).getByRole('button', { name: 'Open Re-export' }));
    expect(await screen.findByTestId('sent-reexport')).toHaveAttribute('data-outcome', 'never-arrived');
    expect(screen.queryByTestId('sent-reexports-notice')).not.toBeInTheDocument();
    expect(callsOf(ipc, 'send_reexport_again')).toBe(0);
  });
});

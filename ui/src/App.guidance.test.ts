// The guidance under a step's details: what the step does, what the admin can do now, and the
// details for support on the clipboard.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { setUiLanguage } from './lib/i18n.svelte';
import {
  FAILED_CODE,
  FAILED_MESSAGE,
  STALLED_LIMIT_SECONDS,
  detailsPanel,
  failedEadmStatus,
  guidancePanel,
  installBackend,
  rowFor,
  runningEadmStatus,
  stalledEadmStatus,
  stepRows,
  supportOnlyEadmStatus,
  waitingTooLongEadmStatus,
} from './test-fixtures';

afterEach(() => {
  cleanup();
  clearMocks();
  setUiLanguage('nb');
  // jsdom has neither; the tests below put them there.
  Reflect.deleteProperty(navigator, 'clipboard');
  Reflect.deleteProperty(document, 'execCommand');
});

async function renderWithSteps() {
  const view = render(App);
  await waitFor(() => expect(stepRows().length).toBeGreaterThan(0));
  return view;
}

function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

const headingsOf = (panel: HTMLElement) =>
  within(panel)
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent);

const EXPORT_AD_REMEDIES = [
  'Run the scheduled task “eAdm synkronisering” on the client server (Task Scheduler Library, Run) and wait until its status is Ready again.',
  'Look for errors in Event Viewer (Windows Logs > Application) on the client server.',
  "Read the newest files in the client's log folder, C:\\eadm\\loggfiler on the client server.",
  'If this does not help, contact support, and copy the details for them.',
];

describe('guidance for a failed step', () => {
  it('shows only what a step does while all is well with it', async () => {
    const user = userEvent.setup();
    installBackend({ language: 'en', choice: 'en', status: (l) => failedEadmStatus(l) });
    await renderWithSteps();
    await user.click(rowFor('import-hr'));

    const guidance = guidancePanel();
    expect(headingsOf(guidance)).toEqual(['What this step does']);
    expect(within(guidance).getByText('Fetches the employees from the HR system (HRM).')).toBeInTheDocument();
    expect(guidance.querySelector('[data-situation]')).toBeNull();
    expect(within(guidance).queryAllByRole('listitem')).toHaveLength(0);
    expect(within(guidance).queryByTestId('support-only')).not.toBeInTheDocument();
    // Support may still want the details of a step that went well.
    expect(within(guidance).getByRole('button', { name: 'Copy details for support' })).toBeInTheDocument();
  });

  it('says what the step does and lists the remedies in order, the task remedy naming its task', async () => {
    const user = userEvent.setup();
    const payload = failedEadmStatus('en');
    installBackend({ language: 'en', choice: 'en', status: () => payload });
    await renderWithSteps();
    // Away and back: the guidance follows the selection.
    await user.click(rowFor('import-hr'));
    await user.click(rowFor('export-ad'));
    expect(within(detailsPanel()).getByRole('heading', { level: 2 })).toHaveTextContent('Export AD');

    const guidance = guidancePanel();
    expect(headingsOf(guidance)).toEqual(['What this step does', 'What you can do now']);
    expect(
      within(guidance).getByText('Sends the changes to the local Active Directory through the client.'),
    ).toBeInTheDocument();
    expect(within(guidance).getByRole('heading', { name: 'What you can do now' })).toHaveAttribute(
      'data-situation',
      'failed',
    );

    const remedies = within(guidance).getAllByRole('listitem');
    expect(remedies.map((li) => li.querySelector('.remedy-text')?.textContent)).toEqual(EXPORT_AD_REMEDIES);
    expect(remedies.map((li) => li.querySelector('.remedy-text')?.textContent)).toEqual(payload.cycle.steps[5].guidance.remedies.map((r) => r.text));
    expect(remedies[0].closest('ol')).not.toBeNull();
    expect(remedies[0]).toHaveAttribute('data-task', 'eAdm synkronisering');
    for (const remedy of remedies.slice(1)) expect(remedy).not.toHaveAttribute('data-task');
    expect(within(guidance).queryByTestId('support-only')).not.toBeInTheDocument();

    expect(within(guidance).getByRole('button', { name: 'Copy details for support' })).toBeInTheDocument();
    expect(within(guidance).getByRole('status')).toBeEmptyDOMElement();
  });

  it('puts exactly the support details on the clipboard and says it did', async () => {
    const payload = failedEadmStatus('en');
    const details = payload.cycle.steps[5].supportDetails;
    // The fixture is what support needs: tenant, cycle, step and error code.
    expect(details).toContain('Tenant: Demo kommune (eAdm)');
    expect(details).toContain('Cycle: eadm-20251121-230000 (full, failed)');
    expect(details).toContain('Step: Export AD (export-ad), failed');
    expect(details).toContain(`Error code: ${FAILED_CODE}`);
    expect(details).toContain(`Message: ${FAILED_MESSAGE}`);

    installBackend({ language: 'en', choice: 'en', status: () => payload });
    await renderWithSteps();
    const writeText = vi.fn((_text: string) => Promise.resolve());
    stubClipboard(writeText);
    const execCommand = vi.fn(() => true);
    document.execCommand = execCommand;

    const guidance = guidancePanel();
    await fireEvent.click(within(guidance).getByRole('button', { name: 'Copy details for support' }));

    await waitFor(() =>
      expect(within(guidance).getByRole('status')).toHaveTextContent(
        /^Copied\. Paste them into your message to support\.$/,
      ),
    );
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText).toHaveBeenCalledWith(details);
    expect(execCommand).not.toHaveBeenCalled();
    expect(guidance.querySelector('pre')).toBeNull();
  });

  it('shows the details for copying by hand when neither way to the clipboard works', async () => {
    const payload = failedEadmStatus('en');
    const details = payload.cycle.steps[5].supportDetails;
    installBackend({ language: 'en', choice: 'en', status: () => payload });
    await renderWithSteps();
    const writeText = vi.fn((_text: string) => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')));
    stubClipboard(writeText);
    let offered: string | undefined;
    const execCommand = vi.fn((_command: string) => {
      offered = document.querySelector('textarea')?.value;
      return false;
    });
    document.execCommand = execCommand;

    const guidance = guidancePanel();
    await fireEvent.click(within(guidance).getByRole('button', { name: 'Copy details for support' }));

    await waitFor(() =>
      expect(within(guidance).getByRole('status')).toHaveTextContent(
        /^Could not copy\. Select the text below and copy it yourself\.$/,
      ),
    );
    expect(writeText).toHaveBeenCalledWith(details);
    expect(execCommand).toHaveBeenCalledTimes(1);
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(offered).toBe(details);
    // The helper text area is gone again; the details are on screen instead.
    expect(document.querySelector('textarea')).toBeNull();
    const shown = guidance.querySelector('pre');
    expect(shown).not.toBeNull();
    expect(shown!.textContent).toBe(details);
    expect(within(guidance).queryByText('Copied', { exact: false })).not.toBeInTheDocument();
  });
});

describe('guidance for a step only support can help with', () => {
  it('says so plainly instead of listing remedies', async () => {
    const payload = supportOnlyEadmStatus('en');
    installBackend({ language: 'en', choice: 'en', status: () => payload });
    await renderWithSteps();

    expect(rowFor('import-hr-future')).toHaveAttribute('aria-selected', 'true');
    const guidance = guidancePanel();
    expect(headingsOf(guidance)).toEqual(['What this step does', 'What you can do now']);
    expect(within(guidance).getByText('Fetches employees whose start date is still ahead.')).toBeInTheDocument();
    expect(within(guidance).getByTestId('support-only')).toHaveTextContent(
      /^There is nothing you can do about this step yourself: contact support, and copy the details for them\.$/,
    );
    expect(guidance.querySelector('ol')).toBeNull();
    expect(within(guidance).queryAllByRole('listitem')).toHaveLength(0);
    const [remedy] = payload.cycle.steps[1].guidance.remedies;
    expect(remedy.text).toMatch(/^Only support can help/);
    expect(within(guidance).queryByText(remedy.text)).not.toBeInTheDocument();
    expect(within(guidance).getByRole('button', { name: 'Copy details for support' })).toBeInTheDocument();
  });
});

describe('a step past its usual time', () => {
  it('is marked in its row and explained with its limit in the details', async () => {
    const payload = stalledEadmStatus('en');
    expect(payload.cycle.steps[5].limitSeconds).toBe(STALLED_LIMIT_SECONDS);
    installBackend({ language: 'en', choice: 'en', status: () => payload });
    await renderWithSteps();

    expect(screen.getByTestId('overall').querySelector('.headline')).toHaveTextContent(
      /^Past its usual time: Export AD$/,
    );
    const row = rowFor('export-ad');
    expect(row).toHaveAttribute('aria-selected', 'true');
    expect(row.querySelector('.note')).toHaveTextContent(/^running\s*·\s*past its usual time$/);
    expect(row.querySelector('strong')).toHaveTextContent(/^past its usual time$/);
    // Only the stalled step is marked.
    for (const key of ['synchronization', 'import-ad-results', 'export-azure']) {
      expect(rowFor(key)).not.toHaveTextContent('past its usual time');
    }

    const details = detailsPanel();
    expect(within(details).getByTestId('overdue')).toHaveTextContent(
      /^Past its usual time: this step is usually done within 36 min\.$/,
    );
    const guidance = guidancePanel();
    expect(within(guidance).getByRole('heading', { name: 'It has run past its usual time: what you can do' })).toHaveAttribute(
      'data-situation',
      'running-too-long',
    );
    expect(within(guidance).getAllByRole('listitem')[0]).toHaveAttribute('data-task', 'eAdm synkronisering');
  });

  it('says how soon a waiting step usually starts', async () => {
    installBackend({ language: 'en', choice: 'en', status: (l) => waitingTooLongEadmStatus(l) });
    await renderWithSteps();

    expect(rowFor('export-ad').querySelector('.note')).toHaveTextContent(/^waiting to start\s*·\s*past its usual time$/);
    expect(within(detailsPanel()).getByTestId('overdue')).toHaveTextContent(
      /^Past its usual time: this step usually starts within 10 min after the step before it\.$/,
    );
    expect(within(guidancePanel()).getByRole('heading', { level: 3, name: /has not started/ })).toHaveAttribute(
      'data-situation',
      'waiting-too-long',
    );
  });

  it('is not claimed for a step running within its usual time', async () => {
    installBackend({ language: 'en', choice: 'en', status: (l) => runningEadmStatus(l) });
    await renderWithSteps();

    expect(rowFor('synchronization')).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByText('past its usual time', { exact: false })).not.toBeInTheDocument();
    expect(within(detailsPanel()).queryByTestId('overdue')).not.toBeInTheDocument();
    expect(guidancePanel().querySelector('[data-situation]')).toBeNull();
  });
});

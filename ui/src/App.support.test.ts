// Support mode: turned from the header or the tray, kept by Rust (which masks personal data
// itself); the page follows what Rust says, shows a badge and reads well on a shared screen.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { setUiLanguage } from './lib/i18n.svelte';
import type { UserError } from './lib/backend';
import { appInfo, argsOf, callsOf, failedEadmStatus, installBackend, readSrc } from './test-fixtures';

afterEach(() => {
  cleanup();
  clearMocks();
  setUiLanguage('nb');
  vi.useRealTimers();
});

/** Rust's session: set_support_mode changes what the next app info and status say. */
function supportBackend(refusal: UserError | null = null) {
  const session = { on: false };
  const ipc = installBackend({
    language: 'en',
    choice: 'en',
    status: (language) => ({ ...failedEadmStatus(language), supportMode: session.on }),
    commands: {
      app_info: () => appInfo('en', 'en', session.on),
      set_support_mode: (args) => {
        if (refusal) throw refusal;
        session.on = args.on as boolean;
        return appInfo('en', 'en', session.on);
      },
    },
  });
  return { ipc, session };
}

const root = () => document.documentElement;

describe('support mode', () => {
  it('is turned on from the header: Rust is told, the status is read again, the badge and the larger type show', async () => {
    const { ipc } = supportBackend();
    render(App);
    const toggle = await screen.findByTestId('support-mode-toggle');
    await waitFor(() => expect(screen.getByTestId('tenant-name')).toBeInTheDocument());
    expect(toggle).toHaveTextContent('Support mode');
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(screen.queryByTestId('support-badge')).not.toBeInTheDocument();
    expect(root()).not.toHaveClass('support-mode');
    const statusBefore = callsOf(ipc, 'status');

    await userEvent.click(toggle);

    const badge = await screen.findByTestId('support-badge');
    expect(badge).toHaveTextContent('Support mode: personal data hidden');
    expect(badge.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    expect(argsOf(ipc, 'set_support_mode')).toEqual([{ on: true }]);
    await waitFor(() => expect(callsOf(ipc, 'status')).toBe(statusBefore + 1));
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(root()).toHaveClass('support-mode');

    await userEvent.click(toggle);
    await waitFor(() => expect(screen.queryByTestId('support-badge')).not.toBeInTheDocument());
    expect(argsOf(ipc, 'set_support_mode').at(-1)).toEqual({ on: false });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(root()).not.toHaveClass('support-mode');
  });

  it('follows Rust within moments, so that turning it on from the tray shows without a click', async () => {
    vi.useFakeTimers();
    const { ipc, session } = supportBackend();
    render(App);
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getByTestId('tenant-name')).toBeInTheDocument();
    expect(screen.queryByTestId('support-badge')).not.toBeInTheDocument();

    // The tray menu turns it on in Rust; the page learns it within two seconds, long before
    // its next calm poll of the status, and asks the status again at once.
    session.on = true;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(callsOf(ipc, 'status')).toBe(2);
    expect(screen.getByTestId('support-badge')).toHaveTextContent('Support mode: personal data hidden');
    expect(screen.getByTestId('support-mode-toggle')).toHaveAttribute('aria-pressed', 'true');
    expect(root()).toHaveClass('support-mode');
    expect(callsOf(ipc, 'set_support_mode')).toBe(0);

    session.on = false;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(screen.queryByTestId('support-badge')).not.toBeInTheDocument();
    expect(root()).not.toHaveClass('support-mode');
  });

  it('leaves no support mode class behind when the window closes', async () => {
    const { session } = supportBackend();
    session.on = true;
    render(App);
    await screen.findByTestId('support-badge');
    expect(root()).toHaveClass('support-mode');
    cleanup();
    expect(root()).not.toHaveClass('support-mode');
  });

  it('says why when Rust refuses, and stays as it was', async () => {
    const refusal: UserError = {
      kind: 'io',
      message: 'A file could not be read or written: C:\\ProgramData\\Synkvakt\\settings.json',
      hint: 'Check that the folder exists and that you may write to it.',
      detail: 'C:\\ProgramData\\Synkvakt\\settings.json: Access is denied. (os error 5)',
    };
    supportBackend(refusal);
    render(App);
    const toggle = await screen.findByTestId('support-mode-toggle');
    await fireEvent.click(toggle);
    const panel = await screen.findByText(refusal.message);
    expect(panel.closest('[role="alert"]')).toHaveTextContent(refusal.hint);
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(screen.queryByTestId('support-badge')).not.toBeInTheDocument();
  });

  it('has rules for larger type, full-strength text and thick focus rings', () => {
    const css = readSrc('app.css');
    const rules = [...css.matchAll(/:root\.support-mode\s*\{([^}]*)\}/g)].map((m) => m[1]);
    expect(rules).toHaveLength(2);
    const [light, dark] = rules;
    expect(light).toMatch(/font-size:\s*18px/);
    for (const rule of rules) {
      const text = /--text:\s*(#[0-9a-f]+)/i.exec(rule)?.[1];
      expect(text).toBeDefined();
      expect(rule).toContain(`--text-soft: ${text}`);
    }
    expect(dark).toMatch(/--text:\s*#ffffff/i);
    expect(css).toMatch(/\.support-mode a:focus-visible[^{]*\{\s*outline-width:\s*4px/);
  });

  it('draws the place in view again when it turns on, so nothing unmasked stays on screen', async () => {
    const session = { on: false };
    installBackend({
      language: 'en',
      choice: 'en',
      status: (language) => ({ ...failedEadmStatus(language), supportMode: session.on }),
      commands: {
        set_support_mode: (args) => {
          session.on = args.on as boolean;
          return appInfo('en', 'en', session.on);
        },
        // Rust masks: what the audit view says depends on support mode as Rust has it now.
        audit_log: () => ({
          entries: [
            {
              time: new Date().toISOString(),
              osUser: 'kari',
              tenant: 'Demo kommune',
              action: 'Cleared the cache',
              outcome: 'done',
              detail: session.on ? 'for •••••• •••••' : 'for 01017012345',
            },
          ],
          matching: 1,
          offset: 0,
        }),
      },
    });
    render(App);
    await userEvent.click(await screen.findByTestId('nav-audit'));
    await waitFor(() => expect(document.body.textContent).toContain('for 01017012345'));

    await userEvent.click(screen.getByTestId('support-mode-toggle'));

    await screen.findByTestId('support-badge');
    await waitFor(() => expect(document.body.textContent).toContain('for •••••• •••••'));
    expect(document.body.innerHTML).not.toContain('01017012345');
  });
});

// The Tenants place: every tenant followed at a glance, the one in view marked; choosing one puts
// it in view and shows its status. The header's tenant name opens it when there is a choice.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { setUiLanguage } from './lib/i18n.svelte';
import type { OverviewView, TenantGlance } from './lib/backend';
import {
  argsOf,
  callsOf,
  installTenantBackend,
  kommuneProfile,
  stepRows,
  unreachableError,
  type TenantWorld,
} from './test-fixtures';

afterEach(() => {
  cleanup();
  clearMocks();
  setUiLanguage('nb');
  vi.useRealTimers();
});

function world(): TenantWorld {
  return {
    profiles: [kommuneProfile('kx', 'Kommune X'), kommuneProfile('bo', 'Bø kommune')],
    active: { kind: 'demo', number: 1 },
  };
}

/** The overview as Rust answers it for `world`, with the active flag following the tenant in view. */
function overviewOf(w: TenantWorld, lastCompletedAt: string): OverviewView {
  const glances: TenantGlance[] = [
    {
      tenant: { kind: 'demo', number: 1 },
      name: 'Tenant 1',
      product: 'eAdm',
      state: 'failed',
      headline: 'Failed at Export AD',
      lastCompletedAt,
      alerts: ['Export AD failed'],
      problem: null,
      active: false,
    },
    {
      tenant: { kind: 'profile', id: 'kx' },
      name: 'Kommune X',
      product: 'eAdm',
      state: 'completed',
      headline: 'Completed',
      lastCompletedAt,
      alerts: [],
      problem: null,
      active: false,
    },
    {
      tenant: { kind: 'profile', id: 'bo' },
      name: 'Bø kommune',
      product: null,
      state: null,
      headline: unreachableError.message,
      lastCompletedAt: null,
      alerts: [],
      problem: unreachableError,
      active: false,
    },
  ];
  const key = (g: TenantGlance) => JSON.stringify(g.tenant);
  return {
    checkedAt: new Date().toISOString(),
    tenants: glances.map((g) => ({ ...g, active: w.active !== null && key(g) === JSON.stringify(w.active) })),
  };
}

const lastCompletedAt = () => new Date(Date.now() - 25 * 60000).toISOString();

function rows(): HTMLElement[] {
  return [...screen.getByTestId('overview').querySelectorAll<HTMLElement>('tbody tr')];
}

describe('the Tenants place', () => {
  it('lists each tenant with its state, product, last completed cycle and what needs attention', async () => {
    const w = world();
    // Taken before the page's clock starts, so that the age is whole minutes from it.
    const completed = lastCompletedAt();
    installTenantBackend(w, { overview: () => overviewOf(w, completed) });
    render(App);
    await userEvent.click(await screen.findByTestId('nav-tenants'));
    await waitFor(() => expect(rows()).toHaveLength(3));

    const [demo, kx, bo] = rows();
    expect(demo.querySelector('svg')).toHaveAttribute('data-state', 'failed');
    expect(within(demo).getByRole('img', { name: 'Failed at Export AD' })).toBeInTheDocument();
    expect(within(demo).getByRole('button', { name: 'Tenant 1' })).toHaveAttribute('aria-current', 'true');
    expect(demo).toHaveTextContent('Demo tenant');
    expect(demo).toHaveTextContent('in view');
    expect(demo).toHaveTextContent('Export AD failed');
    expect(demo.querySelectorAll('td')[3].textContent).toMatch(/^\d\d:\d\d, 25 min ago$/);

    expect(kx.querySelector('svg')).toHaveAttribute('data-state', 'completed');
    expect(within(kx).getByRole('button', { name: 'Kommune X' })).not.toHaveAttribute('aria-current');
    expect(kx).not.toHaveTextContent('Demo tenant');
    expect(kx).not.toHaveTextContent('in view');
    expect(kx.querySelectorAll('td')[2]).toHaveTextContent('eAdm');

    // Not reached: no state is claimed, and the problem says why.
    expect(bo.querySelector('svg')).toHaveAttribute('data-state', 'unknown');
    expect(within(bo).getByRole('img', { name: 'Cannot be reached' })).toBeInTheDocument();
    expect(bo).toHaveTextContent(unreachableError.message);
    expect(bo.querySelectorAll('td')[3]).toHaveTextContent('none in the recent history');
  });

  it('puts the tenant chosen in view and shows its status', async () => {
    const w = world();
    const ipc = installTenantBackend(w, { overview: () => overviewOf(w, lastCompletedAt()) });
    render(App);
    await waitFor(() => expect(screen.getByTestId('tenant-name')).toHaveTextContent('Demo kommune'));
    await userEvent.click(screen.getByTestId('nav-tenants'));
    await waitFor(() => expect(rows()).toHaveLength(3));

    // Keyboard: the arrow keys move between the rows, Enter chooses.
    within(rows()[0]).getByRole('button').focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(within(rows()[1]).getByRole('button', { name: 'Kommune X' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');

    await waitFor(() => expect(screen.getByTestId('tenant-name')).toHaveTextContent('Kommune X'));
    expect(argsOf(ipc, 'switch_tenant')).toEqual([{ tenant: { kind: 'profile', id: 'kx' } }]);
    expect(screen.queryByTestId('overview')).not.toBeInTheDocument();
    expect(screen.getByTestId('nav-status')).toHaveAttribute('aria-current', 'page');
    expect(stepRows().length).toBeGreaterThan(0);
    expect(screen.queryByTestId('demo-badge')).not.toBeInTheDocument();
  });

  it('asks every tenant again every 60 s while shown, and on Refresh', async () => {
    vi.useFakeTimers();
    const w = world();
    const ipc = installTenantBackend(w, { overview: () => overviewOf(w, lastCompletedAt()) });
    render(App);
    await vi.advanceTimersByTimeAsync(0);
    await fireEvent.click(screen.getByTestId('nav-tenants'));
    await vi.advanceTimersByTimeAsync(0);
    expect(callsOf(ipc, 'overview')).toBe(1);

    await vi.advanceTimersByTimeAsync(59_999);
    expect(callsOf(ipc, 'overview')).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(callsOf(ipc, 'overview')).toBe(2);

    await fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(callsOf(ipc, 'overview')).toBe(3);

    // Left: no more asking.
    await fireEvent.click(screen.getByTestId('nav-audit'));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(callsOf(ipc, 'overview')).toBe(3);
  });
});

describe('the tenant in the header', () => {
  it('opens the overview when there is more than one tenant', async () => {
    const w = world();
    installTenantBackend(w, { overview: () => overviewOf(w, lastCompletedAt()) });
    render(App);
    const header = document.querySelector('header')!;
    const button = await within(header).findByRole('button', { name: /^Demo kommune · eAdm show all tenants/ });
    await userEvent.click(button);
    expect(await screen.findByRole('heading', { level: 1, name: 'Tenants' })).toBeInTheDocument();
    expect(screen.getByTestId('nav-tenants')).toHaveAttribute('aria-current', 'page');
  });

  it('is a plain name when the demo tenant is the only one', async () => {
    installTenantBackend({ profiles: [], active: { kind: 'demo', number: 1 } });
    render(App);
    await waitFor(() => expect(screen.getByTestId('tenant-name')).toHaveTextContent('Demo kommune'));
    expect(screen.queryByTestId('tenant-switch')).not.toBeInTheDocument();
    // The header has other buttons (support mode); the tenant's name is not one.
    expect(within(document.querySelector('header .tenant')!).queryByRole('button')).not.toBeInTheDocument();
  });
});

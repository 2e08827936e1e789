// The first start: no tenant has been chosen, so the app welcomes the admin, offers the demo
// tenant in one click and the form for their own tenant, and shows the status once one is chosen.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { setUiLanguage } from './lib/i18n.svelte';
import type { ProfileInput } from './lib/backend';
import { argsOf, installTenantBackend, kommuneProfile, stepRows, type TenantWorld } from './test-fixtures';

afterEach(() => {
  cleanup();
  clearMocks();
  setUiLanguage('nb');
});

const API_KEY = 'ek-7f3a9c2e41b84d0c';

function firstStart(): TenantWorld {
  return { profiles: [], active: null };
}

async function welcome(): Promise<HTMLElement> {
  render(App);
  return screen.findByTestId('first-run');
}

describe('the first start', () => {
  it('welcomes the admin with the demo tenant and the form for their own tenant', async () => {
    installTenantBackend(firstStart());
    const page = await welcome();
    expect(within(page).getByRole('heading', { level: 1 })).toHaveTextContent('Welcome to Synkvakt');
    expect(within(page).getByRole('button', { name: 'Open the demo tenant' })).toBeInTheDocument();
    const form = await within(page).findByRole('form', { name: 'Add your tenant' });
    expect(within(form).getByLabelText('Display name')).toHaveValue('');
    expect(within(form).getByLabelText('API key')).toHaveAttribute('type', 'password');
    // Nothing to go back to on the first start, and no error panel for "no tenant".
    expect(within(form).queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    expect(document.querySelector('[data-error-kind]')).toBeNull();
    expect(screen.queryByTestId('tenant-name')).not.toBeInTheDocument();
  });

  it('opens the demo tenant in one click and then shows its status', async () => {
    const world = firstStart();
    const ipc = installTenantBackend(world);
    await welcome();
    await userEvent.click(screen.getByRole('button', { name: 'Open the demo tenant' }));

    expect(argsOf(ipc, 'switch_tenant')).toEqual([{ tenant: { kind: 'demo', number: 1 } }]);
    await waitFor(() => expect(stepRows().length).toBeGreaterThan(0));
    expect(screen.queryByTestId('first-run')).not.toBeInTheDocument();
    expect(screen.getByTestId('tenant-name')).toHaveTextContent('Demo kommune');
    expect(screen.getByTestId('demo-badge')).toBeInTheDocument();
  });

  it('saves the tenant with its key, then shows its status with no key left in the page', async () => {
    const world = firstStart();
    const ipc = installTenantBackend(world);
    const page = await welcome();
    const form = await within(page).findByRole('form', { name: 'Add your tenant' });
    await userEvent.type(within(form).getByLabelText('Display name'), 'Bø kommune');
    await userEvent.type(within(form).getByLabelText('Service address'), 'https://bo.eadm.example.no');
    await userEvent.type(within(form).getByLabelText('API key'), API_KEY);
    await userEvent.type(within(form).getByLabelText('Client server'), 'eadm-klient01');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByTestId('tenant-name')).toHaveTextContent('Bø kommune'));
    const [{ input }] = argsOf(ipc, 'save_profile') as { input: ProfileInput }[];
    expect(input).toMatchObject({
      id: null,
      name: 'Bø kommune',
      product: 'eAdm',
      serviceUrl: 'https://bo.eadm.example.no',
      clientServer: 'eadm-klient01',
      // The product's task, on the client server typed once above.
      tasks: [{ name: 'eAdm synkronisering', server: 'eadm-klient01', role: 'client-server' }],
      logFolder: 'C:\\eadm\\loggfiler',
      intervalSeconds: 60,
      newCycleHours: 26,
      newCycleWaitMinutes: 10,
      watched: true,
      apiKey: { change: 'replace', value: API_KEY },
      serverPassword: { change: 'keep' },
    });
    // Rust put the first profile in view by itself: nothing more to switch.
    expect(argsOf(ipc, 'switch_tenant')).toEqual([]);
    await waitFor(() => expect(stepRows().length).toBeGreaterThan(0));
    expect(document.body.innerHTML).not.toContain(API_KEY);
    expect([...document.querySelectorAll('input')].map((i) => i.value)).not.toContain(API_KEY);
  });

  it('fills in the tasks of the product chosen, each on the server its guides name', async () => {
    const ipc = installTenantBackend(firstStart());
    const page = await welcome();
    const form = await within(page).findByRole('form', { name: 'Add your tenant' });
    const taskNames = () =>
      within(form)
        .getAllByRole('textbox', { name: /^Task name, row/ })
        .map((input) => (input as HTMLInputElement).value);
    expect(taskNames()).toEqual(['eAdm synkronisering']);

    await userEvent.selectOptions(within(form).getByLabelText('Product'), 'eFeide');
    expect(taskNames()).toEqual(['eFeide synkronisering', 'eFeide Import AD']);
    await userEvent.type(within(form).getByLabelText('Client server'), 'feide-klient01');
    // One domain controller per domain: the domain controller's task goes to each.
    await userEvent.type(within(form).getByLabelText('Domain controllers'), 'dc01, dc02');
    expect(within(form).getByRole('textbox', { name: "The task's server, row 2" })).toHaveValue('dc01, dc02');
    expect(within(form).getByRole('checkbox', { name: 'Let Synkvakt run tasks on the domain controllers from this computer' })).not.toBeChecked();
    // A server typed into a row is that row's own from then on.
    const first = within(form).getByRole('textbox', { name: "The task's server, row 1" });
    await userEvent.clear(first);
    await userEvent.type(first, 'feide-klient02');
    await userEvent.click(within(form).getByRole('button', { name: 'Add a task' }));
    await userEvent.type(within(form).getByRole('textbox', { name: 'Task name, row 3' }), 'eFeide Export Azure');
    await userEvent.type(within(form).getByLabelText('Display name'), 'Vest skole');
    await userEvent.type(within(form).getByLabelText('Service address'), 'https://vest.efeide.example.no');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(argsOf(ipc, 'save_profile')).toHaveLength(1));
    const [{ input }] = argsOf(ipc, 'save_profile') as { input: ProfileInput }[];
    expect(input.product).toBe('eFeide');
    expect(input.tasks).toEqual([
      { name: 'eFeide synkronisering', server: 'feide-klient02', role: 'client-server' },
      { name: 'eFeide Import AD', server: 'dc01', role: 'domain-controller' },
      { name: 'eFeide Import AD', server: 'dc02', role: 'domain-controller' },
      { name: 'eFeide Export Azure', server: null, role: 'client-server' },
    ]);
    expect(input.domainControllers).toEqual(['dc01', 'dc02']);
    expect(input.allowDomainControllerTasks).toBe(false);
    // eFeide's guides name no log folder: the eAdm one is not filled in for it.
    expect(input.logFolder).toBe('');
    expect(input.apiKey).toEqual({ change: 'keep' });
  });

  it('can be opened again from the settings, and puts the tenant added there in view', async () => {
    const world: TenantWorld = { profiles: [kommuneProfile('kx', 'Kommune X')], active: { kind: 'profile', id: 'kx' } };
    const ipc = installTenantBackend(world);
    render(App);
    await waitFor(() => expect(screen.getByTestId('tenant-name')).toHaveTextContent('Kommune X'));
    await userEvent.click(screen.getByTestId('nav-settings'));
    await userEvent.click(await screen.findByRole('button', { name: 'Show the welcome page' }));

    const form = await within(await screen.findByTestId('first-run')).findByRole('form', { name: 'Add your tenant' });
    await userEvent.type(within(form).getByLabelText('Display name'), 'Bø kommune');
    await userEvent.type(within(form).getByLabelText('Service address'), 'https://bo.eadm.example.no');
    await userEvent.type(within(form).getByLabelText('API key'), API_KEY);
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByTestId('tenant-name')).toHaveTextContent('Bø kommune'));
    expect(argsOf(ipc, 'switch_tenant')).toEqual([{ tenant: { kind: 'profile', id: 'added1' } }]);
    expect(screen.queryByTestId('first-run')).not.toBeInTheDocument();
  });

  it('goes back to the settings on Cancel when opened from there', async () => {
    installTenantBackend({ profiles: [kommuneProfile('kx', 'Kommune X')], active: { kind: 'profile', id: 'kx' } });
    render(App);
    await userEvent.click(await screen.findByTestId('nav-settings'));
    await userEvent.click(await screen.findByRole('button', { name: 'Show the welcome page' }));
    const form = await within(await screen.findByTestId('first-run')).findByRole('form', { name: 'Add your tenant' });
    await userEvent.type(within(form).getByLabelText('API key'), API_KEY);
    await userEvent.click(within(form).getByRole('button', { name: 'Cancel' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(API_KEY);
    expect([...document.querySelectorAll('input')].map((i) => i.value)).not.toContain(API_KEY);
  });
});

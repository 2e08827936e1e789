// The Settings place: the tenant profiles (whether a key is stored, never the key), adding,
// editing and removing them, "Test connection" check by check, and the network settings.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from './App.svelte';
import { setUiLanguage } from './lib/i18n.svelte';
import type { ConnectionReport, ProfileInput, UserError } from './lib/backend';
import {
  argsOf,
  callsOf,
  installTenantBackend,
  kommuneProfile,
  tenantsView,
  type TenantWorld,
} from './test-fixtures';

afterEach(() => {
  cleanup();
  clearMocks();
  setUiLanguage('nb');
});

const NEW_KEY = 'ek-0c51d7aa93e24b6f';
const PASSWORD = 'Vinter2025!tasks';

function world(): TenantWorld {
  const bo = kommuneProfile('bo', 'Bø kommune', false);
  bo.keyringProblem = 'The computer’s keyring cannot be used.';
  return { profiles: [kommuneProfile('kx', 'Kommune X'), bo], active: { kind: 'profile', id: 'kx' } };
}

async function openSettings(): Promise<HTMLElement> {
  render(App);
  await userEvent.click(await screen.findByTestId('nav-settings'));
  return screen.findByTestId('profiles');
}

function rowOf(name: string): HTMLElement {
  const row = screen.getByText(name, { selector: '.name' }).closest('li');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

async function edit(name: string): Promise<HTMLElement> {
  await userEvent.click(screen.getByRole('button', { name: `Edit ${name}` }));
  return screen.findByRole('form', { name: `Edit ${name}` });
}

function secretsInPage(secret: string) {
  return {
    inHtml: document.body.innerHTML.includes(secret),
    inInputs: [...document.querySelectorAll('input')].some((input) => input.value.includes(secret)),
  };
}

describe('the Settings place', () => {
  it('lists each profile with its product, address and whether a key is stored', async () => {
    installTenantBackend(world());
    await openSettings();
    const kx = rowOf('Kommune X');
    expect(kx).toHaveTextContent('eAdm');
    expect(kx).toHaveTextContent('https://kx.eadm.example.no');
    expect(within(kx).getByTestId('key-badge')).toHaveTextContent('API key stored');
    expect(kx).toHaveTextContent('in view');
    const bo = rowOf('Bø kommune');
    expect(within(bo).getByTestId('key-badge')).toHaveTextContent('No API key');
    expect(bo).toHaveTextContent('The keyring could not say whether a key is stored: The computer’s keyring cannot be used.');
    expect(bo).not.toHaveTextContent('in view');
    expect(screen.getByRole('button', { name: 'Open the demo tenant' })).toBeInTheDocument();
  });

  it('adds a profile with the key typed, and leaves no key in the page after saving', async () => {
    const ipc = installTenantBackend(world());
    await openSettings();
    await userEvent.click(screen.getByRole('button', { name: 'Add a tenant' }));
    const form = await screen.findByRole('form', { name: 'Add a tenant' });
    expect(within(form).getByTestId('api-key-state')).toHaveTextContent("Kept in this computer's keyring, never in a file.");
    await userEvent.type(within(form).getByLabelText('Display name'), 'Vest kommune');
    await userEvent.type(within(form).getByLabelText('Service address'), 'https://vest.eadm.example.no');
    await userEvent.type(within(form).getByLabelText('API key'), NEW_KEY);
    await userEvent.type(within(form).getByLabelText('Account for the servers'), 'VEST\\svc-synkvakt');
    await userEvent.type(within(form).getByLabelText('Password for the servers'), PASSWORD);
    expect(secretsInPage(NEW_KEY).inInputs).toBe(true);
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(rowOf('Vest kommune')).toBeInTheDocument());
    const [{ input }] = argsOf(ipc, 'save_profile') as { input: ProfileInput }[];
    expect(input.id).toBeNull();
    expect(input.apiKey).toEqual({ change: 'replace', value: NEW_KEY });
    expect(input.serverAccount).toBe('VEST\\svc-synkvakt');
    expect(input.serverPassword).toEqual({ change: 'replace', value: PASSWORD });
    expect(within(rowOf('Vest kommune')).getByTestId('key-badge')).toHaveTextContent('API key stored');
    expect(secretsInPage(NEW_KEY)).toEqual({ inHtml: false, inInputs: false });
    expect(secretsInPage(PASSWORD)).toEqual({ inHtml: false, inInputs: false });
  });

  it('keeps the stored key when the field is left empty, and says a key is stored without showing it', async () => {
    const ipc = installTenantBackend(world());
    await openSettings();
    const form = await edit('Kommune X');
    expect(within(form).getByLabelText('Display name')).toHaveValue('Kommune X');
    expect(within(form).getByLabelText('Service address')).toHaveValue('https://kx.eadm.example.no');
    expect(within(form).getByLabelText('API key')).toHaveValue('');
    expect(within(form).getByTestId('api-key-state')).toHaveTextContent('A key is stored.');
    await userEvent.clear(within(form).getByLabelText('Display name'));
    await userEvent.type(within(form).getByLabelText('Display name'), 'Kommune X (prod)');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(rowOf('Kommune X (prod)')).toBeInTheDocument());
    const [{ input }] = argsOf(ipc, 'save_profile') as { input: ProfileInput }[];
    expect(input).toMatchObject({
      id: 'kx',
      name: 'Kommune X (prod)',
      tasks: [{ name: 'eAdm synkronisering', server: 'eadm-klient01' }],
      apiKey: { change: 'keep' },
      serverPassword: { change: 'keep' },
    });
  });

  it('asks for the key again when the address of a profile with a stored key changes', async () => {
    installTenantBackend(world());
    await openSettings();
    const form = await edit('Kommune X');
    const address = within(form).getByLabelText('Service address');
    await userEvent.type(address, '/');
    expect(within(form).getByTestId('api-key-state')).toHaveTextContent('A key is stored.');
    await userEvent.clear(address);
    await userEvent.type(address, 'https://kx.eadm.example.no.other.example');
    expect(within(form).getByTestId('api-key-state')).toHaveTextContent(
      'The address changed: type the key again. A stored key is sent only to the address it was saved for.',
    );
  });

  it('replaces the stored key with one typed, and removes it when asked', async () => {
    const ipc = installTenantBackend(world());
    await openSettings();
    let form = await edit('Kommune X');
    await userEvent.type(within(form).getByLabelText('API key'), NEW_KEY);
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(argsOf(ipc, 'save_profile')).toHaveLength(1));
    expect((argsOf(ipc, 'save_profile')[0] as { input: ProfileInput }).input.apiKey).toEqual({ change: 'replace', value: NEW_KEY });
    await screen.findByTestId('profiles');
    expect(secretsInPage(NEW_KEY)).toEqual({ inHtml: false, inInputs: false });

    form = await edit('Kommune X');
    await userEvent.type(within(form).getByLabelText('API key'), 'typed-then-dropped');
    await userEvent.click(within(form).getByLabelText('Remove the stored API key'));
    expect(within(form).getByLabelText('API key')).toHaveValue('');
    expect(within(form).getByLabelText('API key')).toBeDisabled();
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(argsOf(ipc, 'save_profile')).toHaveLength(2));
    expect((argsOf(ipc, 'save_profile')[1] as { input: ProfileInput }).input.apiKey).toEqual({ change: 'remove' });
    await waitFor(() => expect(within(rowOf('Kommune X')).getByTestId('key-badge')).toHaveTextContent('No API key'));
  });

  it('clears the typed secrets on Cancel and saves nothing', async () => {
    const ipc = installTenantBackend(world());
    await openSettings();
    const form = await edit('Kommune X');
    await userEvent.type(within(form).getByLabelText('API key'), NEW_KEY);
    await userEvent.type(within(form).getByLabelText('Password for the servers'), PASSWORD);
    await userEvent.click(within(form).getByRole('button', { name: 'Cancel' }));

    await screen.findByTestId('profiles');
    expect(callsOf(ipc, 'save_profile')).toBe(0);
    expect(secretsInPage(NEW_KEY)).toEqual({ inHtml: false, inInputs: false });
    expect(secretsInPage(PASSWORD)).toEqual({ inHtml: false, inInputs: false });
    const again = await edit('Kommune X');
    expect(within(again).getByLabelText('API key')).toHaveValue('');
    expect(within(again).getByLabelText('Password for the servers')).toHaveValue('');
  });

  it('shows what Rust says is wrong with a field, with what to do, and keeps the form', async () => {
    const refusal: UserError = {
      kind: 'invalid',
      message: 'Service address: must be filled in',
      hint: 'Correct the field and save again.',
      detail: 'invalid service-url: required',
    };
    installTenantBackend(world(), {
      save_profile: () => {
        throw refusal;
      },
    });
    await openSettings();
    const form = await edit('Kommune X');
    await userEvent.clear(within(form).getByLabelText('Service address'));
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));

    const panel = await within(form).findByRole('alert');
    expect(panel).toHaveAttribute('data-error-kind', 'invalid');
    expect(panel).toHaveTextContent('Service address: must be filled in');
    expect(panel).toHaveTextContent('Correct the field and save again.');
    expect(screen.getByRole('form', { name: 'Edit Kommune X' })).toBeInTheDocument();
    expect(within(form).getByLabelText('Display name')).toHaveValue('Kommune X');
  });

  it('tests the connection as the form has it and lists each check with its outcome', async () => {
    const report: ConnectionReport = {
      tenantName: 'Kommune X',
      checks: [
        { subject: { kind: 'reachable' }, outcome: 'passed', text: 'The service answers.', problem: null },
        { subject: { kind: 'tls' }, outcome: 'passed', text: 'The certificate is valid and trusted.', problem: null },
        {
          subject: { kind: 'authentication' },
          outcome: 'failed',
          text: 'The API key is refused.',
          problem: {
            kind: 'unauthorized',
            message: 'The service did not accept the API key.',
            hint: 'Check that the API key is correct and has not expired.',
            detail: 'HTTP 401',
          },
        },
        { subject: { kind: 'product' }, outcome: 'not-checked', text: 'Not checked: an earlier check failed.', problem: null },
      ],
    };
    const ipc = installTenantBackend(world(), { test_connection: () => report });
    await openSettings();
    const form = await edit('Kommune X');
    await userEvent.type(within(form).getByLabelText('API key'), NEW_KEY);
    await userEvent.click(within(form).getByRole('button', { name: 'Test connection' }));

    const shown = await within(form).findByTestId('connection-report');
    expect(shown).toHaveTextContent('The service calls the tenant “Kommune X”.');
    const rows = within(shown).getAllByRole('listitem');
    expect(rows.map((row) => row.dataset.outcome)).toEqual(['passed', 'passed', 'failed', 'not-checked']);
    expect(rows.map((row) => row.querySelector('.check-text')?.textContent)).toEqual([
      'passed: The service answers.',
      'passed: The certificate is valid and trusted.',
      'failed: The API key is refused.',
      'not checked: Not checked: an earlier check failed.',
    ]);
    // Each outcome has its own shape, named for screen readers.
    expect(rows.map((row) => row.querySelector('svg')?.dataset.state)).toEqual(['completed', 'completed', 'failed', 'skipped']);
    expect(within(rows[2]).getByRole('img', { name: 'failed' })).toBeInTheDocument();
    expect(rows[2]).toHaveTextContent('The service did not accept the API key.');
    expect(rows[2]).toHaveTextContent('Check that the API key is correct and has not expired.');

    const [{ input }] = argsOf(ipc, 'test_connection') as { input: ProfileInput }[];
    expect(input).toMatchObject({ id: 'kx', serviceUrl: 'https://kx.eadm.example.no', apiKey: { change: 'replace', value: NEW_KEY } });
    expect(callsOf(ipc, 'save_profile')).toBe(0);
  });

  it('asks before removing a profile, naming the tenant, and removes it only when confirmed', async () => {
    const ipc = installTenantBackend(world());
    await openSettings();
    await userEvent.click(screen.getByRole('button', { name: 'Remove Bø kommune' }));
    let confirm = screen.getByTestId('remove-confirm');
    expect(confirm).toHaveTextContent(/^Remove Bø kommune from Synkvakt\?/);
    await userEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('remove-confirm')).not.toBeInTheDocument();
    expect(callsOf(ipc, 'remove_profile')).toBe(0);

    await userEvent.click(screen.getByRole('button', { name: 'Remove Bø kommune' }));
    confirm = screen.getByTestId('remove-confirm');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove Bø kommune' }));
    await waitFor(() => expect(screen.queryByText('Bø kommune', { selector: '.name' })).not.toBeInTheDocument());
    expect(argsOf(ipc, 'remove_profile')).toEqual([{ id: 'bo' }]);
    expect(rowOf('Kommune X')).toBeInTheDocument();
  });

  it('opens the demo tenant from the settings and shows its status', async () => {
    const ipc = installTenantBackend(world());
    await openSettings();
    await userEvent.click(screen.getByRole('button', { name: 'Open the demo tenant' }));
    await waitFor(() => expect(screen.getByTestId('tenant-name')).toHaveTextContent('Demo kommune'));
    expect(argsOf(ipc, 'switch_tenant')).toEqual([{ tenant: { kind: 'demo', number: 1 } }]);
    expect(screen.getByRole('listbox', { name: 'Steps of the synchronization cycle' })).toBeInTheDocument();
  });

  it('saves the network settings, empty fields meaning the system’s', async () => {
    const saved: unknown[] = [];
    const ipc = installTenantBackend(world(), {
      set_network: (args) => {
        saved.push(args.network);
        return { ...tenantsView(world().profiles, { kind: 'profile', id: 'kx' }), network: args.network };
      },
    });
    await openSettings();
    const network = screen.getByTestId('network');
    expect(within(network).getByLabelText('Extra CA certificate')).toHaveValue('');
    expect(within(network).getByLabelText('Proxy')).toHaveValue('');
    await userEvent.type(within(network).getByLabelText('Proxy'), 'http://proxy.kommune.no:8080');
    await userEvent.click(within(network).getByRole('button', { name: 'Save the network settings' }));

    await within(network).findByText('The network settings are saved.');
    expect(saved).toEqual([{ extraCaFile: null, proxy: 'http://proxy.kommune.no:8080' }]);
    expect(callsOf(ipc, 'set_network')).toBe(1);
  });
});

// Which tenant is which: the references Rust sends, compared and counted the same way everywhere.
import type { TenantRef, TenantsView } from './backend';

/** A stable name for a tenant, as Rust's `TenantRef::key` writes it. */
export function tenantKey(tenant: TenantRef): string {
  return tenant.kind === 'demo' ? `demo/${tenant.number}` : `profile/${tenant.id}`;
}

export function sameTenant(a: TenantRef | null | undefined, b: TenantRef | null | undefined): boolean {
  return a != null && b != null && tenantKey(a) === tenantKey(b);
}

/** The tenants there are to choose between: the admin's profiles and the demo server's. */
export function tenantCount(view: TenantsView): number {
  return view.profiles.length + view.demoTenants;
}

/** The demo tenant the first-run screen and the settings open. */
export const FIRST_DEMO: TenantRef = { kind: 'demo', number: 1 };

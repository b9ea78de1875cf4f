// Who an API is shown to and which tenants may subscribe: checked as one combination, since
// each field's meaning depends on the others (roles only for restricted APIs, offers to other
// tenants only for public ones, listed tenants only for specific-tenants).
import type { ApiSummary } from '../../../src-shared/model.js';
import type { Db } from '../db/open.js';
import { badInput } from '../errors.js';
import { findTenant, normaliseDomain } from '../workspace/tenants.js';

export type ApiAudience = Pick<
  ApiSummary,
  'visibility' | 'visibleRoles' | 'subscriptionAvailability' | 'availableTenants'
>;

export type ApiAudiencePatch = Partial<ApiAudience>;

export const DEFAULT_AUDIENCE: Omit<ApiAudience, 'visibility'> = {
  visibleRoles: [],
  subscriptionAvailability: 'current-tenant',
  availableTenants: [],
};

export const touchesAudience = (p: ApiAudiencePatch): boolean =>
  p.visibility !== undefined ||
  p.visibleRoles !== undefined ||
  p.subscriptionAvailability !== undefined ||
  p.availableTenants !== undefined;

function roleIds(db: Db, tenantId: number, domain: string, names: string[]): number[] {
  const find = db.prepare(`SELECT id FROM roles WHERE tenant_id = ? AND name = ?`);
  return names.map((name) => {
    const row = find.get(tenantId, name) as { id: number } | undefined;
    if (!row) throw badInput(`visibleRoles: ${domain} has no role named ${name}`);
    return row.id;
  });
}

// The API's audience after a patch, or a bad_input error naming the field that is wrong.
// strict: a person editing an API is told about every gap. Imports (the demo, bundles) are
// not strict: they may name tenants that arrive later, and bundles written before roles
// existed hold restricted APIs without any, which then stay hidden until roles are given.
export function nextAudience(
  db: Db,
  api: { tenantId: number; domain: string },
  current: ApiAudience,
  patch: ApiAudiencePatch,
  strict = true,
): ApiAudience {
  const visibility = patch.visibility ?? current.visibility;

  let visibleRoles = [...new Set(patch.visibleRoles ?? current.visibleRoles)].sort();
  if (visibility !== 'restricted') {
    if (patch.visibleRoles?.length) {
      throw badInput(`visibleRoles: only a restricted API lists roles (this one is ${visibility})`);
    }
    visibleRoles = [];
  } else if (visibleRoles.length === 0 && strict) {
    throw badInput(`visibleRoles: a restricted API needs at least one role of ${api.domain}`);
  }
  roleIds(db, api.tenantId, api.domain, visibleRoles);

  const subscriptionAvailability =
    patch.subscriptionAvailability ?? current.subscriptionAvailability;
  let availableTenants = [
    ...new Set((patch.availableTenants ?? current.availableTenants).map(normaliseDomain)),
  ].sort();
  if (subscriptionAvailability !== 'specific-tenants') {
    if (patch.availableTenants?.length) {
      throw badInput(
        'availableTenants: tenants are listed only when subscriptionAvailability is ' +
          'specific-tenants',
      );
    }
    availableTenants = [];
  } else if (availableTenants.length === 0) {
    throw badInput('availableTenants: list at least one tenant for specific-tenants');
  }
  for (const d of availableTenants) {
    if (d === api.domain) {
      throw badInput(`availableTenants: ${d} is the API's own tenant; list other tenants`);
    }
    if (strict && !findTenant(db, d)) {
      throw badInput(`availableTenants: no tenant ${d} in this workspace`);
    }
  }

  if (visibility !== 'public' && subscriptionAvailability !== 'current-tenant') {
    throw badInput(
      `subscriptionAvailability: only public APIs are offered to other tenants; a ` +
        `${visibility} API of ${api.domain} stays current-tenant`,
    );
  }
  return { visibility, visibleRoles, subscriptionAvailability, availableTenants };
}

// Writes what nextAudience returned; call inside the API's transaction. The visibility
// column itself is written by the API's own UPDATE or INSERT.
export function writeAudience(db: Db, apiId: string, tenantId: number, a: ApiAudience): void {
  db.prepare(`UPDATE apis SET subscription_availability = ? WHERE id = ?`).run(
    a.subscriptionAvailability,
    apiId,
  );

  db.prepare(`DELETE FROM api_roles WHERE api_id = ?`).run(apiId);
  const link = db.prepare(`INSERT INTO api_roles (api_id, role_id) VALUES (?, ?)`);
  const ids = db.prepare(`SELECT id FROM roles WHERE tenant_id = ? AND name = ?`);
  for (const name of a.visibleRoles) {
    link.run(apiId, (ids.get(tenantId, name) as { id: number }).id);
  }

  db.prepare(`DELETE FROM api_available_tenants WHERE api_id = ?`).run(apiId);
  const offer = db.prepare(`INSERT INTO api_available_tenants (api_id, domain) VALUES (?, ?)`);
  for (const d of a.availableTenants) offer.run(apiId, d);
}

// The access matrix of one tenant: every API against every audience, each cell decided by
// access.ts. Audiences in a fixed order: anonymous, each role, a plain member, a user of each
// other tenant of the workspace.
import type { Tenant } from '../../../src-shared/model.js';
import {
  formatAudience,
  parseAudience,
  type AccessMatrix,
  type Audience,
} from '../../../src-shared/tenancy.js';
import type { Db } from '../db/open.js';
import { badInput, notFound } from '../errors.js';
import { listApis } from '../workspace/apis.js';
import { findTenant, listTenants } from '../workspace/tenants.js';
import { decideForAudience } from './access.js';
import { listRoles } from './roles.js';

export function audiencesOf(db: Db, tenant: Tenant): Audience[] {
  return [
    { kind: 'anonymous' },
    ...listRoles(db, tenant.id).map((r) => ({ kind: 'role' as const, role: r.name })),
    { kind: 'member' },
    ...listTenants(db)
      .filter((t) => t.domain !== tenant.domain)
      .map((t) => ({ kind: 'tenant' as const, domain: t.domain })),
  ];
}

export function accessMatrix(db: Db, tenant: Tenant): AccessMatrix {
  const audiences = audiencesOf(db, tenant);
  const apis = listApis(db, { tenantId: tenant.id });
  return {
    tenant: tenant.domain,
    audiences: audiences.map(formatAudience),
    apis: apis.map((api) => ({
      id: api.id,
      name: api.name,
      version: api.version,
      lifecycle: api.lifecycle,
      visibility: api.visibility,
      cells: audiences.map((a) => ({ audience: formatAudience(a), ...decideForAudience(api, a) })),
    })),
  };
}

// An audience written as text, checked against the tenant whose storefront it looks at: a
// role it does not have or a tenant the workspace does not hold is a typo, not an audience.
export function resolveAudience(db: Db, tenant: Tenant, text: string | undefined): Audience {
  if (text === undefined) return { kind: 'anonymous' };
  const audience = parseAudience(text);
  if (!audience) {
    throw badInput(`audience: "${text}" is not anonymous, member, role:NAME or tenant:DOMAIN`);
  }

  if (audience.kind === 'role' && !listRoles(db, tenant.id).some((r) => r.name === audience.role)) {
    throw notFound(`audience: ${tenant.domain} has no role named ${audience.role}`);
  }
  if (audience.kind === 'tenant') {
    if (audience.domain === tenant.domain) {
      throw badInput(
        `audience: users of ${tenant.domain} itself are "member" or "role:NAME", ` +
          `not tenant:${tenant.domain}`,
      );
    }
    if (!findTenant(db, audience.domain)) {
      throw notFound(`audience: no tenant ${audience.domain} in this workspace`);
    }
  }
  return audience;
}

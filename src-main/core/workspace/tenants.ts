// Tenants: organisations keyed by their domain. International domains are stored in
// punycode so gateway routes, file names and URLs all see one ASCII form.
import { domainToASCII } from 'node:url';
import type { Tenant } from '../../../src-shared/model.js';
import { Domain } from '../../../src-shared/model.js';
import { badInput, conflict, notFound } from '../errors.js';
import type { Db } from '../db/open.js';
import { now } from './time.js';
import { createDefaultBranding } from './branding.js';
import { createDefaultTiers } from './tiers.js';
import { recordActivity } from '../tenancy/activity.js';
import { tenantSnapshot } from '../tenancy/snapshots.js';

type TenantRow = {
  id: number;
  domain: string;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
  api_count: number;
};

const SELECT = `
  SELECT t.*, (SELECT count(*) FROM apis a WHERE a.tenant_id = t.id) AS api_count
  FROM tenants t`;

function toTenant(r: TenantRow): Tenant {
  return {
    id: r.id,
    domain: r.domain,
    name: r.name,
    description: r.description,
    apiCount: r.api_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

// Letters (any script), marks, digits, hyphens and dots only. domainToASCII would quietly
// drop or rewrite anything else (a path, %-escapes, zero-width or control characters), and a
// domain someone typed must never turn into another one without a word.
const DOMAIN_CHARS = /^[\p{L}\p{M}\p{N}.-]+$/u;

export function normaliseDomain(input: string): string {
  const typed = input.trim();
  if (!DOMAIN_CHARS.test(typed)) {
    throw badInput(
      `tenant domain "${JSON.stringify(typed).slice(1, -1)}" may hold only letters, digits, ` +
        'hyphens and dots (such as acme.com)',
    );
  }
  const ascii = domainToASCII(typed.toLowerCase());
  const parsed = Domain.safeParse(ascii);
  if (!ascii || !parsed.success) {
    throw badInput(`tenant domain "${input}" is not a valid domain name (such as acme.com)`);
  }
  return parsed.data;
}

export function listTenants(db: Db): Tenant[] {
  return (db.prepare(`${SELECT} ORDER BY t.domain`).all() as TenantRow[]).map(toTenant);
}

export function findTenant(db: Db, domain: string): Tenant | null {
  const row = db.prepare(`${SELECT} WHERE t.domain = ?`).get(normaliseDomain(domain));
  return row ? toTenant(row as TenantRow) : null;
}

export function getTenant(db: Db, domain: string): Tenant {
  const t = findTenant(db, domain);
  if (!t) throw notFound(`no tenant with domain ${domain}`);
  return t;
}

export function createTenant(
  db: Db,
  input: { domain: string; name: string; description?: string },
): Tenant {
  const domain = normaliseDomain(input.domain);
  if (findTenant(db, domain)) throw conflict(`tenant ${domain} already exists`);

  const stamp = now();
  db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO tenants (domain, name, description, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(domain, input.name, input.description ?? '', stamp, stamp);
    createDefaultBranding(db, Number(lastInsertRowid), input.name);
    createDefaultTiers(db, Number(lastInsertRowid));
    recordActivity(db, {
      action: 'create',
      entity: 'tenant',
      key: domain,
      tenant: domain,
      summary: `added tenant ${domain}`,
      after: tenantSnapshot({ domain, name: input.name, description: input.description ?? '' }),
    });
  })();
  return getTenant(db, domain);
}

export function updateTenant(
  db: Db,
  input: { domain: string; name?: string; description?: string },
): Tenant {
  const t = getTenant(db, input.domain);
  const next = {
    ...t,
    name: input.name ?? t.name,
    description: input.description ?? t.description,
  };
  db.transaction(() => {
    db.prepare(`UPDATE tenants SET name = ?, description = ?, updated_at = ? WHERE id = ?`).run(
      next.name,
      next.description,
      now(),
      t.id,
    );
    recordActivity(db, {
      action: 'update',
      entity: 'tenant',
      key: t.domain,
      tenant: t.domain,
      summary: `changed tenant ${t.domain}`,
      before: tenantSnapshot(t),
      after: tenantSnapshot(next),
    });
  })();
  return getTenant(db, t.domain);
}

export function deleteTenant(db: Db, domain: string): void {
  const t = getTenant(db, domain);
  db.transaction(() => {
    db.prepare(`DELETE FROM tenants WHERE id = ?`).run(t.id);
    recordActivity(db, {
      action: 'delete',
      entity: 'tenant',
      key: t.domain,
      tenant: t.domain,
      summary: `removed tenant ${t.domain} with its ${t.apiCount} API(s)`,
      before: tenantSnapshot(t),
    });
  })();
}

// Writing checked tenants into the workspace in one transaction: either every tenant of the
// bundle arrives, or (on any error, a conflict included) the workspace stays as it was.
import { conflict } from '../errors.js';
import type { Db } from '../db/open.js';
import { putApiDoc } from '../workspace/api-docs.js';
import { insertApi } from '../workspace/apis.js';
import { setBrandingImage, updateBranding } from '../workspace/branding.js';
import { newApiId } from '../workspace/ids.js';
import { createTenant, deleteTenant, findTenant, normaliseDomain } from '../workspace/tenants.js';
import { insertTier } from '../workspace/tiers.js';
import { addMember, addRole } from '../tenancy/roles.js';
import type { PlannedTenant } from './check.js';

export type ConflictPolicy = 'fail' | 'replace' | 'rename';
export type ImportResult = { tenants: string[]; apis: number; renamed: Record<string, string> };

// acme.com → acme-2.com, acme-3.com, …: the first label gets the number, so the tenant
// keeps its parent domain.
function freeDomain(db: Db, domain: string, reserved: Set<string>): string {
  const [first, ...rest] = domain.split('.');
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const label = first.slice(0, 63 - suffix.length).replace(/-+$/, '') + suffix;
    const candidate = normaliseDomain([label, ...rest].join('.'));
    if (!reserved.has(candidate) && !findTenant(db, candidate)) return candidate;
  }
}

function freeApiId(db: Db, id: string): string {
  const taken = db.prepare(`SELECT 1 FROM apis WHERE id = ?`);
  let candidate = id;
  while (taken.get(candidate) !== undefined) candidate = newApiId();
  return candidate;
}

// Creates the tenant with everything the bundle holds for it; returns the new tenant's id.
function writeTenant(db: Db, t: PlannedTenant, domain: string): number {
  const tenant = createTenant(db, { domain, name: t.file.name, description: t.file.description });

  // The bundle's tiers replace the defaults a new tenant starts with.
  db.prepare(`DELETE FROM tiers WHERE tenant_id = ?`).run(tenant.id);
  for (const tier of t.file.tiers) insertTier(db, tenant.id, tier);

  const { logo: _logo, favicon: _favicon, ...branding } = t.file.branding;
  updateBranding(db, tenant.id, branding);
  if (t.logo) setBrandingImage(db, tenant.id, 'logo', t.logo.mediaType, t.logo.data);
  if (t.favicon) setBrandingImage(db, tenant.id, 'favicon', t.favicon.mediaType, t.favicon.data);
  for (const role of t.file.roles) addRole(db, tenant, role.name, role.description);
  for (const m of t.file.members) addMember(db, tenant, m.username, m.roles);

  for (const { api, text, parsed } of t.apis) {
    const id = insertApi(db, {
      tenantId: tenant.id,
      id: freeApiId(db, api.id),
      fileName: api.source,
      text,
      parsed,
      name: api.name,
      version: api.version,
      context: api.context,
      description: api.description,
      backend: api.backendProduction ?? undefined,
      backendSandbox: api.backendSandbox,
      lifecycle: api.lifecycle,
      visibility: api.visibility,
      tags: api.tags,
      tiers: api.tiers,
      visibleRoles: api.visibleRoles,
      subscriptionAvailability: api.subscriptionAvailability,
      availableTenants: api.availableTenants,
    });
    // insertApi falls back to the definition's server when no backend is given; a bundle
    // that says "no production backend" means exactly that.
    if (api.backendProduction === null) {
      db.prepare(`UPDATE apis SET backend_production = NULL WHERE id = ?`).run(id);
    }
    for (const doc of api.documents) putApiDoc(db, id, doc);
  }
  return tenant.id;
}

// Bundles do not carry applications, keys or subscriptions (keys are secrets), so replacing a
// tenant that has them would lose them without a word. Refuse and say what is at stake.
function refuseToDropApplications(db: Db, tenantId: number, domain: string): void {
  const row = db
    .prepare(
      `SELECT count(*) AS apps,
         (SELECT count(*) FROM subscriptions s JOIN applications a ON a.id = s.application_id
          WHERE a.tenant_id = ?) AS subs
       FROM applications WHERE tenant_id = ?`,
    )
    .get(tenantId, tenantId) as { apps: number; subs: number };
  if (row.apps === 0) return;
  throw conflict(
    `replacing ${domain} would delete its ${row.apps} application(s) and ${row.subs} ` +
      `subscription(s), which bundles do not carry; nothing was imported (remove them first, ` +
      `or import with rename)`,
  );
}

export function writeTenants(
  db: Db,
  planned: PlannedTenant[],
  onConflict: ConflictPolicy,
): ImportResult {
  const result: ImportResult = { tenants: [], apis: 0, renamed: {} };
  const reserved = new Set(planned.map((t) => t.domain));

  db.transaction(() => {
    for (const t of planned) {
      let domain = t.domain;
      let gateways: number[] = [];
      const existing = findTenant(db, domain);

      if (existing && onConflict === 'fail') {
        throw conflict(
          `tenant ${domain} already exists in this workspace; nothing was imported ` +
            `(choose replace or rename to import it anyway)`,
        );
      }
      if (existing && onConflict === 'replace') {
        refuseToDropApplications(db, existing.id, domain);
        // The replaced tenant keeps being served by the gateways that served it.
        gateways = (
          db.prepare(`SELECT gateway_id FROM gateway_tenants WHERE tenant_id = ?`)
            .all(existing.id) as { gateway_id: number }[]
        ).map((r) => r.gateway_id);
        deleteTenant(db, domain);
      }
      if (existing && onConflict === 'rename') {
        domain = freeDomain(db, domain, reserved);
        reserved.add(domain);
        result.renamed[t.domain] = domain;
      }

      const id = writeTenant(db, t, domain);
      const link = db.prepare(`INSERT INTO gateway_tenants (gateway_id, tenant_id) VALUES (?, ?)`);
      for (const g of gateways) link.run(g, id);
      result.tenants.push(domain);
      result.apis += t.apis.length;
    }
  })();
  return result;
}

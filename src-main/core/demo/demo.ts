// The demo workspace: three branded tenants with real APIs, made in one step so an
// evangelist has something convincing to show within a minute of installing Marquee.
import type { Db } from '../db/open.js';
import { MarqueeError } from '../errors.js';
import { logger } from '../log.js';
import { putApiDoc } from '../workspace/api-docs.js';
import { insertApi } from '../workspace/apis.js';
import { setBrandingImage, updateBranding } from '../workspace/branding.js';
import { listGateways, removeGateway } from '../workspace/gateways.js';
import { createTenant, deleteTenant, listTenants } from '../workspace/tenants.js';
import { addMember, addRole } from '../tenancy/roles.js';
import { inBatch } from '../undo/batch.js';
import { definitionBackends } from './backends.js';
import { loadDemo, type LoadedTenant } from './load.js';
import { DEMO_TENANTS } from './plan.js';
import { demoResourcesDir } from './resources.js';

const log = logger('demo');

function refuseUnlessEmpty(db: Db, force: boolean): void {
  if (force || listTenants(db).length === 0) return;
  throw new MarqueeError(
    'conflict',
    'the workspace is not empty; use --force to replace it with the demo',
  );
}

// Gateways go too: they serve tenants that are about to disappear, and a publish to one of
// them would otherwise remove the real routes of a workspace the user no longer has.
function clearWorkspace(db: Db): void {
  for (const g of listGateways(db)) removeGateway(db, g.name);
  for (const t of listTenants(db)) deleteTenant(db, t.domain);
}

function createDemoTenant(db: Db, t: LoadedTenant): number {
  const tenant = createTenant(db, { domain: t.domain, name: t.name, description: t.description });
  updateBranding(db, tenant.id, t.branding);
  setBrandingImage(db, tenant.id, 'logo', 'image/svg+xml', t.logo);
  setBrandingImage(db, tenant.id, 'favicon', 'image/svg+xml', t.favicon);
  for (const role of t.roles) addRole(db, tenant, role);
  for (const m of t.members) addMember(db, tenant, m.username, m.roles);

  for (const api of t.apis) {
    const backends = definitionBackends(api.parsed.document);
    const id = insertApi(db, {
      tenantId: tenant.id,
      fileName: api.file,
      text: api.text,
      parsed: api.parsed,
      name: api.name,
      context: api.context,
      version: api.version,
      lifecycle: api.lifecycle,
      visibility: api.visibility,
      tiers: api.tiers,
      tags: api.tags,
      visibleRoles: api.visibleRoles,
      subscriptionAvailability: !api.availableTo
        ? undefined
        : api.availableTo === 'all-tenants'
          ? 'all-tenants'
          : 'specific-tenants',
      availableTenants: Array.isArray(api.availableTo) ? api.availableTo : undefined,
      backend: backends.production ?? undefined,
      backendSandbox: backends.sandbox,
    });
    for (const doc of api.docs ?? []) putApiDoc(db, id, doc);
  }
  return t.apis.length;
}

export async function createDemo(
  db: Db,
  opts: { force: boolean },
): Promise<{ tenants: string[]; apis: number }> {
  // Refuse before the slow part; checked again inside the transaction, since another call
  // may have filled the workspace while the definitions were being parsed.
  refuseUnlessEmpty(db, opts.force);

  const dir = demoResourcesDir();
  const tenants = await loadDemo(dir, DEMO_TENANTS);

  let apis = 0;
  const fill = db.transaction(() => {
    refuseUnlessEmpty(db, opts.force);
    if (opts.force) clearWorkspace(db);
    for (const t of tenants) apis += createDemoTenant(db, t);
  });
  inBatch(db, 'the demo', () => fill());

  const domains = tenants.map((t) => t.domain);
  log.info({ tenants: domains, apis, resources: dir, force: opts.force }, 'created the demo');
  return { tenants: domains, apis };
}

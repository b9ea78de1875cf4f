// Publishing at the scale the product promises: 50 tenants x 200 APIs, 10,000 routes on one
// Caddy, reached as one admin change and in sync afterwards.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBackend, type RunningBackend } from '../support/backend.js';
import { startCaddy, type RunningCaddy } from '../support/caddy.js';
import { FIXTURES, tempCore } from '../support/workspace.js';

const APOD = fs.readFileSync(path.join(FIXTURES, 'publish', 'nasa-apod.json'), 'utf8');
const TENANTS = 50;
const APIS_PER_TENANT = 200;

let caddy: RunningCaddy;
let backend: RunningBackend;
const t = tempCore();

beforeAll(async () => {
  [caddy, backend] = await Promise.all([startCaddy(), startBackend('scale')]);
});

afterAll(async () => {
  t.cleanup();
  await Promise.all([caddy?.stop(), backend?.stop()]);
});

// One real import per tenant, then copies of it under other contexts straight into the
// workspace file: parsing the same definition 10,000 times would test the parser, not this.
async function fillWorkspace(): Promise<string[]> {
  const domains = Array.from({ length: TENANTS }, (_, i) => `tenant${i}.example`);
  for (const domain of domains) {
    await t.core.invoke('tenant.create', { domain, name: domain });
    const api = await t.core.invoke('api.import', {
      tenant: domain,
      fileName: 'nasa-apod.json',
      content: APOD,
      backend: backend.url,
    });
    await t.core.invoke('api.update', { id: api.id, patch: { lifecycle: 'published' } });
  }

  const raw = new Database(t.file);
  raw.transaction(() => {
    const copy = raw.prepare(
      `INSERT INTO apis (id, tenant_id, name, version, context, description, backend_production,
         backend_sandbox, lifecycle, visibility, tags_json, openapi_version, definition_format,
         source, created_at, updated_at)
       SELECT id || '-' || ?, tenant_id, name, version, context || '-' || ?, description,
         backend_production, backend_sandbox, lifecycle, visibility, tags_json, openapi_version,
         definition_format, source, created_at, updated_at FROM apis
       WHERE instr(id, '-') = 0`,
    );
    for (let n = 1; n < APIS_PER_TENANT; n++) copy.run(String(n), String(n));
  })();
  raw.close();
  return domains;
}

it('publishes 10,000 routes in one change and is in sync afterwards', async () => {
  const domains = await fillWorkspace();
  await t.core.invoke('gateway.add', {
    name: 'scale',
    kind: 'caddy',
    adminUrl: caddy.adminUrl,
    listen: caddy.listen,
    tenants: domains,
  });

  const plan = await t.core.invoke('publish.plan', { gateway: 'scale' });
  expect(plan.changes).toHaveLength(TENANTS * APIS_PER_TENANT);

  const result = await t.core.invoke('publish.apply', { gateway: 'scale' });
  expect(result.revision?.summary).toBe('10000 created, 0 updated, 0 deleted');
  expect((await t.core.invoke('publish.plan', { gateway: 'scale' })).inSync).toBe(true);

  const res = await fetch(`http://${caddy.listen}/t/tenant49.example/apod-199/1.0.0/x`, {
    headers: { Connection: 'close' },
  });
  expect(await res.json()).toMatchObject({ backend: 'scale', path: '/x' });
});

// An API page says where to call the API: on each gateway the tenant is published to, the
// full URL, which answers.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type RunningBackend } from '../support/backend.js';
import { startCaddy, type RunningCaddy } from '../support/caddy.js';
import { FIXTURES, tempCore } from '../support/workspace.js';

const XKCD = fs.readFileSync(path.join(FIXTURES, 'cli', 'xkcd-3.0.yaml'), 'utf8');

let caddy: RunningCaddy;
let backend: RunningBackend;
let t: ReturnType<typeof tempCore>;

beforeAll(async () => {
  [caddy, backend] = await Promise.all([startCaddy(), startBackend('comics')]);
  t = tempCore();
});

afterAll(async () => {
  t?.cleanup();
  await caddy?.stop();
  await backend?.stop();
});

describe('endpoints on the API page', () => {
  it('appear once the tenant is published to a gateway, and answer', async () => {
    const { core } = t;
    await core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });
    const api = await core.invoke('api.import', { tenant: 'acme.com', fileName: 'xkcd.yaml',
      content: XKCD, context: '/comics', version: 'v1', backend: backend.url });
    await core.invoke('api.lifecycle', { id: api.id, state: 'published' });
    await core.invoke('gateway.add', { name: 'edge', kind: 'caddy', adminUrl: caddy.adminUrl,
      listen: caddy.listen, environment: 'staging', tenants: ['acme.com'] });
    const page = { kind: 'api' as const, apiId: api.id };
    const url = `http://${caddy.listen}/t/acme.com/comics/v1`;

    const before = await core.invoke('storefront.render', { domain: 'acme.com', page });
    expect(before.html).not.toContain(url);

    await core.invoke('publish.apply', { gateway: 'edge' });
    const after = await core.invoke('storefront.render', { domain: 'acme.com', page });
    expect(after.html).toContain(`<code>${url}</code>`);
    expect(after.html).toContain('staging · edge');
    expect(after.html).not.toContain(`href="${url}`);

    const res = await fetch(`${url}/info.0.json`, { headers: { connection: 'close' } });
    expect(res.status).toBe(200);
  });
});

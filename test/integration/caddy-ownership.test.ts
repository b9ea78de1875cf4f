// Two workspaces that name a gateway alike and point it at one Caddy: the second must not
// replace the first one's routes without a word.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type RunningBackend } from '../support/backend.js';
import { startCaddy, type RunningCaddy } from '../support/caddy.js';
import { FIXTURES, tempCore } from '../support/workspace.js';

const XKCD = fs.readFileSync(path.join(FIXTURES, 'cli', 'xkcd-3.0.yaml'), 'utf8');

let caddy: RunningCaddy;
let backend: RunningBackend;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  [caddy, backend] = await Promise.all([startCaddy(), startBackend('first')]);
});

afterAll(async () => {
  cleanups.forEach((c) => c());
  await caddy?.stop();
  await backend?.stop();
});

async function workspaceWith(domain: string) {
  const t = tempCore();
  cleanups.push(t.cleanup);
  await t.core.invoke('tenant.create', { domain, name: domain });
  const api = await t.core.invoke('api.import', {
    tenant: domain, fileName: 'xkcd.yaml', content: XKCD, backend: backend.url,
  });
  await t.core.invoke('api.lifecycle', { id: api.id, state: 'published' });
  await t.core.invoke('gateway.add', {
    name: 'local', kind: 'caddy', adminUrl: caddy.adminUrl, listen: caddy.listen,
    tenants: [domain],
  });
  return { core: t.core, api };
}

describe('a gateway name shared by two workspaces', () => {
  it('warns in the plan and refuses to publish over the other workspace\'s routes', async () => {
    const first = await workspaceWith('first.example');
    expect((await first.core.invoke('publish.apply', { gateway: 'local' })).revision)
      .not.toBeNull();

    const second = await workspaceWith('second.example');
    const plan = await second.core.invoke('publish.plan', { gateway: 'local' });
    expect(plan.notEnforced.join('\n')).toMatch(/never published/);

    const r = await second.core.dispatch('publish.apply', { gateway: 'local' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await second.core.invoke('revision.list', { gateway: 'local' })).toEqual([]);

    const url = `http://${caddy.listen}/t/first.example${first.api.context}/` +
      `${first.api.version}/info.0.json`;
    const res = await fetch(url, { headers: { connection: 'close' } });
    expect(res.status).toBe(200);
  });
});

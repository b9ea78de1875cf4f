// Faults on a real Caddy 2.6: killed while it takes a publish of 200 APIs, stuck behind a
// proxy that never forwards the write, and an admin endpoint that fails before it answers.
// In each case the report says what happened, nothing is recorded, and the next publish
// converges.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openWorkspace } from '../../src-main/core/db/open.js';
import { applyPlan } from '../../src-main/core/publish/engine.js';
import { getGateway } from '../../src-main/core/workspace/gateways.js';
import { startAdminProxy } from '../support/admin-proxy.js';
import { startBackend } from '../support/backend.js';
import { startCaddy } from '../support/caddy.js';
import { FIXTURES, tempCore } from '../support/workspace.js';

const APOD = fs.readFileSync(path.join(FIXTURES, 'publish', 'nasa-apod.json'), 'utf8');
const APIS = 200;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

// A workspace with one tenant and `count` published APIs on `backend`: one real import, the
// rest copies under other contexts written straight into the file.
async function workspaceWithApis(backend: string, count: number) {
  const t = tempCore();
  cleanups.push(t.cleanup);
  await t.core.invoke('tenant.create', { domain: 'faults.example', name: 'Faults' });
  const api = await t.core.invoke('api.import', {
    tenant: 'faults.example',
    fileName: 'nasa-apod.json',
    content: APOD,
    backend,
  });
  await t.core.invoke('api.update', { id: api.id, patch: { lifecycle: 'published' } });

  const raw = new Database(t.file);
  raw.transaction(() => {
    const copy = raw.prepare(
      `INSERT INTO apis (id, tenant_id, name, version, context, description, backend_production,
         backend_sandbox, lifecycle, visibility, tags_json, openapi_version, definition_format,
         source, created_at, updated_at)
       SELECT id || '-' || ?, tenant_id, name, version, context || '-' || ?, description,
         backend_production, backend_sandbox, lifecycle, visibility, tags_json, openapi_version,
         definition_format, source, created_at, updated_at FROM apis
       WHERE id = ?`,
    );
    for (let n = 1; n < count; n++) copy.run(String(n), String(n), api.id);
  })();
  raw.close();
  return { ...t, api };
}

async function started() {
  const [caddy, backend] = await Promise.all([startCaddy(), startBackend('faults')]);
  cleanups.push(() => caddy.stop(), () => backend.stop());
  const proxy = await startAdminProxy(Number(new URL(caddy.adminUrl).port));
  cleanups.push(() => proxy.stop());
  return { caddy, backend, proxy };
}

const get = async (url: string) => {
  const res = await fetch(url, { headers: { Connection: 'close' } });
  return (await res.json()) as { backend: string; path: string };
};

it('reports a Caddy killed during a publish of 200 APIs, records nothing, then converges',
  async () => {
    const { caddy, backend, proxy } = await started();
    const t = await workspaceWithApis(backend.url, APIS);
    await t.core.invoke('gateway.add', {
      name: 'killed',
      kind: 'caddy',
      adminUrl: proxy.url,
      listen: caddy.listen,
      tenants: ['faults.example'],
    });

    // The moment the write of the 200 routes starts to reach Caddy, Caddy dies.
    const killedPid = caddy.pid;
    proxy.onWrite = () => process.kill(killedPid, 'SIGKILL');
    const failure = t.core.invoke('publish.apply', { gateway: 'killed' });
    await expect(failure).rejects.toMatchObject({
      code: 'gateway_error',
      message: expect.stringMatching(
        new RegExp(
          `^gateway killed: POST ${proxy.url}/config/apps/http/servers/main/routes failed: ` +
            '.+; Caddy may or may not have applied the change before the answer was lost; ' +
            'no revision was recorded; plan again to see what the gateway holds$',
        ),
      ),
    });
    expect(await t.core.invoke('revision.list', { gateway: 'killed' })).toEqual([]);

    // Restarted on its config file, Caddy holds none of it; the next publish puts it all.
    proxy.onWrite = null;
    await caddy.restart();
    expect(caddy.pid).not.toBe(killedPid);
    expect((await t.core.invoke('publish.plan', { gateway: 'killed' })).changes).toHaveLength(
      APIS,
    );

    const result = await t.core.invoke('publish.apply', { gateway: 'killed' });
    expect(result.revision).toMatchObject({
      number: 1,
      summary: '200 created, 0 updated, 0 deleted',
    });
    expect((await t.core.invoke('publish.plan', { gateway: 'killed' })).inSync).toBe(true);
    const reply = await get(`http://${caddy.listen}/t/faults.example${t.api.context}-199/1.0.0/a`);
    expect(reply).toEqual(expect.objectContaining({ backend: 'faults', path: '/a' }));
  });

it('times out on a Caddy that never answers the write, records nothing, then converges',
  async () => {
    const { caddy, backend, proxy } = await started();
    const t = await workspaceWithApis(backend.url, 3);
    await t.core.invoke('gateway.add', {
      name: 'stuck',
      kind: 'caddy',
      adminUrl: proxy.url,
      listen: caddy.listen,
      tenants: ['faults.example'],
    });

    // The engine itself, with a one-second write budget, on a second connection to the file.
    const db = openWorkspace(t.file);
    cleanups.push(() => db.close());
    const gateway = getGateway(db, 'stuck');

    proxy.mode = { kind: 'stall-writes' };
    await expect(applyPlan(db, gateway, { writeTimeoutMs: 1_000 })).rejects.toMatchObject({
      code: 'gateway_error',
      message: expect.stringMatching(
        new RegExp(
          '^gateway stuck: POST \\S+/routes failed: no answer within 1 s; ' +
            'Caddy may or may not .*no revision was recorded',
        ),
      ),
    });
    expect(await t.core.invoke('revision.list', { gateway: 'stuck' })).toEqual([]);
    // The write never reached Caddy.
    expect((await t.core.invoke('publish.plan', { gateway: 'stuck' })).changes).toHaveLength(3);

    // Slow but within the budget is fine.
    proxy.mode = { kind: 'delay', ms: 300 };
    const result = await applyPlan(db, gateway, { readTimeoutMs: 2_000, writeTimeoutMs: 2_000 });
    expect(result.revision?.number).toBe(1);
    proxy.mode = { kind: 'pass' };
    expect((await t.core.invoke('publish.plan', { gateway: 'stuck' })).inSync).toBe(true);
  });

// A stand-in admin endpoint: GET answers follow a script, then the real answer.
async function fakeAdmin(script: { status: number; headers?: Record<string, string> }[]) {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    const scripted = req.method === 'GET' ? script.shift() : { status: 500 };
    if (scripted) {
      res.writeHead(scripted.status, { 'Content-Type': 'application/json', ...scripted.headers });
      return void res.end(JSON.stringify({ error: `scripted ${scripted.status}` }));
    }
    if (req.url?.startsWith('/id/')) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify({ error: 'unknown object ID' }));
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ http: { servers: { main: { listen: [':1'], routes: [] } } } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => server.close(r)));
  return { url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, seen };
}

it('retries reads that fail twice and goes on; never retries a write', async () => {
  const admin = await fakeAdmin([
    { status: 503 },
    { status: 429, headers: { 'Retry-After': '0' } },
  ]);
  const t = await workspaceWithApis('http://127.0.0.1:9', 1);
  await t.core.invoke('gateway.add', {
    name: 'flaky',
    kind: 'caddy',
    adminUrl: admin.url,
    listen: ':1',
    tenants: ['faults.example'],
  });

  const plan = await t.core.invoke('publish.plan', { gateway: 'flaky' });
  expect(plan.changes.map((c) => c.action)).toEqual(['create']);
  expect(admin.seen).toEqual(Array(3).fill('GET /id/marquee-flaky'));

  admin.seen.length = 0;
  await expect(t.core.invoke('publish.apply', { gateway: 'flaky' })).rejects.toMatchObject({
    code: 'gateway_error',
    message: expect.stringMatching(/POST \S+ failed: HTTP 500: scripted 500; no revision was/),
  });
  expect(admin.seen.filter((s) => s.startsWith('POST'))).toHaveLength(1);
});

it('gives up on a read after three tries and says so', async () => {
  const admin = await fakeAdmin(Array(5).fill({ status: 502 }));
  const t = await workspaceWithApis('http://127.0.0.1:9', 1);
  await t.core.invoke('gateway.add', {
    name: 'down',
    kind: 'caddy',
    adminUrl: admin.url,
    listen: ':1',
    tenants: ['faults.example'],
  });

  await expect(t.core.invoke('publish.plan', { gateway: 'down' })).rejects.toMatchObject({
    code: 'gateway_error',
    message: `gateway down: GET ${admin.url}/id/marquee-down failed: HTTP 502: scripted 502 ` +
      '(3 tries)',
  });
  expect(admin.seen).toHaveLength(3);
});

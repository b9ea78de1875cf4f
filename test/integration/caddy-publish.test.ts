// Publishing to a real Caddy 2.6: plans, applies, routes requests to a real backend, leaves
// routes made by hand alone, and says so when a gateway cannot be reached.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDetail } from '../../src-shared/model.js';
import { startBackend, type EchoReply, type RunningBackend } from '../support/backend.js';
import { freePort, startCaddy, type RunningCaddy } from '../support/caddy.js';
import { FIXTURES, tempCore } from '../support/workspace.js';

const APOD = fs.readFileSync(path.join(FIXTURES, 'publish', 'nasa-apod.json'), 'utf8');

// The starting config of the shared Caddy: a route made by hand for /hello, and a catch-all
// made by hand at the end of the same server.
const handMade = (listen: string) => ({
  apps: {
    http: {
      servers: {
        main: {
          listen: [listen],
          routes: [
            {
              match: [{ path: ['/hello'] }],
              handle: [{ handler: 'static_response', body: 'hello, by hand' }],
            },
            { handle: [{ handler: 'static_response', status_code: 404, body: 'nothing here' }] },
          ],
        },
      },
    },
  },
});

let caddy: RunningCaddy;
let backendA: RunningBackend;
let backendB: RunningBackend;
const cleanups: (() => void | Promise<void>)[] = [];

beforeAll(async () => {
  [caddy, backendA, backendB] = await Promise.all([
    startCaddy({ config: ({ listen }) => handMade(listen) }),
    startBackend('A'),
    startBackend('B'),
  ]);
});

afterAll(async () => {
  await Promise.all([caddy?.stop(), backendA?.stop(), backendB?.stop()]);
});

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

type Setup = Awaited<ReturnType<typeof publishingSetup>>;

// A fresh workspace with one tenant, the APOD API published on `backend`, and a gateway on
// the given Caddy serving that tenant.
async function publishingSetup(opts: {
  domain: string;
  backend: string | null;
  gateway?: string;
  target?: Pick<RunningCaddy, 'adminUrl' | 'listen'>;
}) {
  const t = tempCore();
  cleanups.push(t.cleanup);
  const { core } = t;
  const target = opts.target ?? caddy;

  await core.invoke('tenant.create', { domain: opts.domain, name: opts.domain });
  const imported = await core.invoke('api.import', {
    tenant: opts.domain,
    fileName: 'nasa-apod.json',
    content: APOD,
  });
  const api: ApiDetail = await core.invoke('api.update', {
    id: imported.id,
    patch: { backendProduction: opts.backend, lifecycle: 'published' },
  });
  const gateway = await core.invoke('gateway.add', {
    name: opts.gateway ?? `gw-${opts.domain.replace(/\./g, '-')}`,
    kind: 'caddy',
    adminUrl: target.adminUrl,
    listen: target.listen,
    tenants: [opts.domain],
  });
  const base = `http://${target.listen}/t/${opts.domain}${api.context}/${api.version}`;
  return { core, api, gateway, base };
}

// No kept-alive connections: Caddy replaces its admin listener and its servers on every
// config change, and a pooled socket would fail the next request at random.
const once = { Connection: 'close' };

async function get(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { headers: once, signal: AbortSignal.timeout(5_000) });
  return { status: res.status, text: await res.text() };
}

async function echo(url: string): Promise<EchoReply> {
  const res = await get(url);
  expect(res.status, res.text).toBe(200);
  return JSON.parse(res.text) as EchoReply;
}

async function caddyConfig(at: Pick<RunningCaddy, 'adminUrl'>, p = '/config/') {
  const res = await fetch(at.adminUrl + p, { headers: once, signal: AbortSignal.timeout(5_000) });
  return (await res.json()) as any;
}

const plan = (s: Setup) => s.core.invoke('publish.plan', { gateway: s.gateway.name });
const apply = (s: Setup) => s.core.invoke('publish.apply', { gateway: s.gateway.name });
const revisions = (s: Setup) => s.core.invoke('revision.list', { gateway: s.gateway.name });

describe('publishing to a real Caddy', () => {
  it('plans a create, publishes it, and routes requests to the backend without the prefix',
    async () => {
      const s = await publishingSetup({ domain: 'acme.com', backend: backendA.url });

      const first = await plan(s);
      expect(first.inSync).toBe(false);
      expect(first.changes).toEqual([
        expect.objectContaining({
          action: 'create',
          entity: 'route',
          key: `marquee-${s.gateway.name}-${s.api.id}`,
          tenant: 'acme.com',
          api: s.api.id,
        }),
      ]);
      expect(first.changes[0].fields).toContainEqual({
        field: 'backend',
        before: null,
        after: backendA.url,
      });
      expect(first.notEnforced.join('\n')).toMatch(
        /acme\.com APOD 1\.0\.0: tier limits are not enforced \(Bronze 1000\/minute/,
      );
      expect(first.notEnforced.join('\n')).toMatch(/API keys and subscriptions are not checked/);

      const result = await apply(s);
      expect(result.revision?.number).toBe(1);
      expect(result.revision?.summary).toBe('1 created, 0 updated, 0 deleted');
      expect(result.applied).toHaveLength(1);

      const reply = await echo(`${s.base}/pets/1?limit=2`);
      expect(reply).toMatchObject({
        backend: 'A',
        method: 'GET',
        path: '/pets/1',
        query: '?limit=2',
        host: `127.0.0.1:${backendA.port}`,
      });
      expect((await echo(s.base)).path).toBe('/');
    });

  it('is in sync after a publish: a second publish changes nothing and records nothing',
    async () => {
      const s = await publishingSetup({ domain: 'sync.example', backend: backendA.url });
      await apply(s);

      const again = await plan(s);
      expect(again.inSync).toBe(true);
      expect(again.changes).toEqual([]);

      const second = await apply(s);
      expect(second).toMatchObject({ applied: [], revision: null, message: 'nothing to change' });
      expect(await revisions(s)).toHaveLength(1);
    });

  it('leaves routes made by hand answering through several publishes', async () => {
    const s = await publishingSetup({ domain: 'hands.example', backend: backendA.url });
    const routesPath = '/config/apps/http/servers/main/routes';
    const handRoutes = (routes: any[]) =>
      routes.filter((r) => !String(r['@id']).startsWith('marquee-'));
    const before = (await caddyConfig(caddy, routesPath)) as any[];

    await apply(s);
    await s.core.invoke('api.update', { id: s.api.id, patch: { backendProduction: backendB.url } });
    await apply(s);
    await s.core.invoke('api.update', { id: s.api.id, patch: { lifecycle: 'blocked' } });
    await apply(s);
    expect(await revisions(s)).toHaveLength(3);

    expect(await get(`http://${caddy.listen}/hello`)).toEqual({
      status: 200,
      text: 'hello, by hand',
    });
    expect(await get(`http://${caddy.listen}/elsewhere`)).toEqual({
      status: 404,
      text: 'nothing here',
    });
    const after = (await caddyConfig(caddy, routesPath)) as any[];
    expect(handRoutes(after)).toEqual(handRoutes(before));

    // The admin section was never touched.
    expect((await caddyConfig(caddy)).admin.listen).toBe(new URL(caddy.adminUrl).host);
  });

  it('shows a changed backend as a field update and converges on apply', async () => {
    const s = await publishingSetup({ domain: 'moving.example', backend: backendA.url });
    await apply(s);
    await s.core.invoke('api.update', {
      id: s.api.id,
      patch: { backendProduction: `${backendB.url}/v2/` },
    });

    const p = await plan(s);
    expect(p.changes).toHaveLength(1);
    expect(p.changes[0]).toMatchObject({ action: 'update', api: s.api.id });
    expect(p.changes[0].fields).toEqual([
      { field: 'backend', before: backendA.url, after: `${backendB.url}/v2` },
      { field: 'host', before: `127.0.0.1:${backendA.port}`, after: `127.0.0.1:${backendB.port}` },
    ]);

    const result = await apply(s);
    expect(result.revision).toMatchObject({
      number: 2,
      summary: '0 created, 1 updated, 0 deleted',
    });
    expect(await echo(`${s.base}/planetary/apod?hd=true`)).toMatchObject({
      backend: 'B',
      path: '/v2/planetary/apod',
      query: '?hd=true',
    });
    expect((await plan(s)).inSync).toBe(true);
  });

  it('deletes the route of a retired API and the path no longer reaches a backend', async () => {
    const s = await publishingSetup({ domain: 'retiring.example', backend: backendA.url });
    await apply(s);
    // Published APIs retire by way of deprecated (WSO2's lifecycle).
    await s.core.invoke('api.update', { id: s.api.id, patch: { lifecycle: 'deprecated' } });
    await s.core.invoke('api.update', { id: s.api.id, patch: { lifecycle: 'retired' } });

    const p = await plan(s);
    expect(p.changes).toEqual([
      expect.objectContaining({
        action: 'delete',
        key: `marquee-${s.gateway.name}-${s.api.id}`,
        tenant: 'retiring.example',
        api: s.api.id,
      }),
    ]);

    await apply(s);
    // Falls through to the catch-all made by hand.
    expect(await get(`${s.base}/pets`)).toEqual({ status: 404, text: 'nothing here' });
    expect((await plan(s)).inSync).toBe(true);
    expect((await revisions(s)).map((r) => r.number)).toEqual([2, 1]);
  });

  it('sees hand edits inside the routes it owns as changes and puts them back', async () => {
    const s = await publishingSetup({ domain: 'drift.example', backend: backendA.url });
    await apply(s);
    const ownedId = `marquee-${s.gateway.name}`;
    const apiRouteId = `${ownedId}-${s.api.id}`;

    // Someone points the API's route at another backend and slips a route of their own into
    // the subtree Marquee owns.
    const edit = async (p: string, method: string, value: unknown) => {
      const res = await fetch(caddy.adminUrl + p, {
        method,
        headers: { ...once, 'Content-Type': 'application/json' },
        body: JSON.stringify(value),
      });
      expect(res.status, await res.text()).toBe(200);
    };
    const dial = `127.0.0.1:${backendB.port}`;
    await edit(`/id/${apiRouteId}/handle/1/upstreams/0/dial`, 'PATCH', dial);
    await edit(`/id/${ownedId}/handle/0/routes`, 'POST', {
      match: [{ path: ['/t/drift.example/stray'] }],
      handle: [{ handler: 'static_response', body: 'stray' }],
    });

    const p = await plan(s);
    expect(p.changes).toEqual([
      expect.objectContaining({
        action: 'update',
        key: apiRouteId,
        fields: [
          {
            field: 'backend',
            before: `http://127.0.0.1:${backendB.port}`,
            after: `http://127.0.0.1:${backendA.port}`,
          },
        ],
      }),
      expect.objectContaining({ action: 'delete', tenant: 'drift.example', api: null }),
    ]);

    await apply(s);
    expect((await plan(s)).inSync).toBe(true);
    expect((await echo(`${s.base}/x`)).backend).toBe('A');
  });

  it('answers 503 with a JSON body for a blocked API', async () => {
    const s = await publishingSetup({ domain: 'blocked.example', backend: backendA.url });
    await apply(s);
    await s.core.invoke('api.update', { id: s.api.id, patch: { lifecycle: 'blocked' } });

    const p = await plan(s);
    expect(p.changes[0].fields).toContainEqual({ field: 'blocked', before: false, after: true });
    await apply(s);

    const res = await get(`${s.base}/pets/1`);
    expect(res.status).toBe(503);
    expect(JSON.parse(res.text)).toEqual({
      error: 'blocked',
      message: `API ${s.api.name} ${s.api.version} of blocked.example is blocked`,
    });
  });

  it('skips an API without a backend and one still being created, and says why', async () => {
    const s = await publishingSetup({ domain: 'bare.example', backend: null });
    const draft = await s.core.invoke('api.import', {
      tenant: 'bare.example',
      fileName: 'nasa-apod.json',
      content: APOD,
      context: '/draft',
      backend: backendA.url,
    });
    expect(draft.lifecycle).toBe('created');

    const p = await plan(s);
    expect(p.changes).toEqual([]);
    expect(p.inSync).toBe(true);
    expect(p.notEnforced).toContainEqual(
      expect.stringMatching(/bare\.example APOD 1\.0\.0 \(published\) has no production backend/),
    );
    expect(await apply(s)).toMatchObject({ revision: null, message: 'nothing to change' });
  });

  it('publishes an https backend with TLS to the upstream and its own Host', async () => {
    // Loopback only: Caddy dials nothing until a request comes, and none is sent here.
    const port = await freePort();
    const s = await publishingSetup({
      domain: 'secure.example',
      backend: `https://localhost:${port}/base`,
    });
    await apply(s);

    const route = await caddyConfig(caddy, `/id/marquee-${s.gateway.name}-${s.api.id}`);
    const proxy = route.handle.find((h: any) => h.handler === 'reverse_proxy');
    expect(proxy.upstreams).toEqual([{ dial: `localhost:${port}` }]);
    expect(proxy.transport).toEqual({ protocol: 'http', tls: {} });
    expect(proxy.headers.request.set.Host).toEqual([`localhost:${port}`]);
    expect(route.handle).toContainEqual({
      handler: 'rewrite',
      uri: '/base{http.request.uri.path}',
    });
  });

  it('reports a gateway whose admin URL refuses connections and records nothing', async () => {
    const closedPort = await freePort();
    const s = await publishingSetup({
      domain: 'offline.example',
      backend: backendA.url,
      target: { adminUrl: `http://127.0.0.1:${closedPort}`, listen: caddy.listen },
    });

    const refused = new RegExp(
      `gateway ${s.gateway.name}: GET http://127\\.0\\.0\\.1:${closedPort}/id/.* failed: ` +
        'ECONNREFUSED',
    );
    await expect(plan(s)).rejects.toMatchObject({ code: 'gateway_error', message: refused });
    await expect(apply(s)).rejects.toMatchObject({ code: 'gateway_error', message: refused });
    expect(await revisions(s)).toEqual([]);

    const test = await s.core.invoke('gateway.test', { name: s.gateway.name });
    expect(test.reachable).toBe(false);
    expect(test.message).toMatch(/ECONNREFUSED/);
  });

  it('says a reachable gateway is reachable', async () => {
    const s = await publishingSetup({ domain: 'probe.example', backend: backendA.url });
    const test = await s.core.invoke('gateway.test', { name: s.gateway.name });
    expect(test).toEqual({
      reachable: true,
      message: `Caddy answers at ${caddy.adminUrl}: 1 HTTP server(s); nothing published yet`,
    });
  });
});

describe('publishing to a Caddy without an http app', () => {
  let bare: RunningCaddy;
  beforeAll(async () => {
    bare = await startCaddy({ config: {} });
  });
  afterAll(async () => {
    await bare?.stop();
  });

  it('creates a server for the gateway and keeps the admin section as it was', async () => {
    const adminBefore = (await caddyConfig(bare)).admin;
    const s = await publishingSetup({
      domain: 'fresh.example',
      backend: backendA.url,
      gateway: 'fresh',
      target: bare,
    });

    const result = await apply(s);
    expect(result.message).toMatch(/new server marquee-fresh/);

    const config = await caddyConfig(bare);
    expect(config.admin).toEqual(adminBefore);
    expect(config.apps.http.servers['marquee-fresh'].listen).toEqual([bare.listen]);
    expect((await echo(`${s.base}/pets/9`)).path).toBe('/pets/9');
    expect((await plan(s)).inSync).toBe(true);
  });
});

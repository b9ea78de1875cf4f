// Publishing to Kong, against a local fake that keeps state and answers as Kong's Admin API
// reference describes: converges and stays in sync, leaves what it did not make alone,
// frees names before taking them, puts everything back when one entity fails, and runs
// with any bounded concurrency.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src-main/core/db/open.js';
import { planKong } from '../../src-main/core/publish/kong/publisher.js';
import { getGateway } from '../../src-main/core/workspace/gateways.js';
import { startKongFake, type Entity, type Kind, type KongFake } from '../support/kong-fake.js';
import { FIXTURES, tempCore } from '../support/workspace.js';
import { KINDS } from '../support/kong-fake-schema.js';

const APOD = fs.readFileSync(path.join(FIXTURES, 'publish', 'nasa-apod.json'), 'utf8');
const TENANT = 'shop.example';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fake(options: Parameters<typeof startKongFake>[0] = {}): Promise<KongFake> {
  const f = await startKongFake(options);
  cleanups.push(() => f.stop());
  return f;
}

async function workspace() {
  const t = tempCore();
  cleanups.push(t.cleanup);
  await t.core.invoke('tenant.create', { domain: TENANT, name: 'Shop' });
  return t;
}

type Core = Awaited<ReturnType<typeof workspace>>['core'];

// Prototypes: their routes are open (no key, no subscription), so these tests see the
// services, routes and limits alone; keys and subscriptions are kong-consumers.test.ts's.
async function addApi(core: Core, context: string, backend: string, tiers?: string[]) {
  const api = await core.invoke('api.import', {
    tenant: TENANT,
    fileName: 'nasa-apod.json',
    content: APOD,
    context,
    backend,
  });
  return core.invoke('api.update', {
    id: api.id,
    patch: { lifecycle: 'prototyped', ...(tiers ? { tiers } : {}) },
  });
}

// Kong's state without what Kong stamps on every write, for before/after comparisons.
function content(f: KongFake): Record<Kind, Record<string, unknown>[]> {
  const strip = ({ created_at: _c, updated_at: _u, ...rest }: Entity) => rest;
  const s = f.state();
  return Object.fromEntries(KINDS.map((k) => [k, s[k].map(strip)])) as unknown as Record<
    Kind,
    Record<string, unknown>[]
  >;
}

const names = (f: KongFake, kind: Kind) => f.state()[kind].map((e) => e.name).sort();

describe('publishing to Kong', () => {
  it('publishes services, routes and a tier limit, then plans no changes', async () => {
    const kong = await fake();
    const { core } = await workspace();
    await addApi(core, '/apod', 'http://127.0.0.1:9/base');
    await addApi(core, '/limited', 'https://api.example.net', ['Bronze', 'Gold']);
    await core.invoke('gateway.add', {
      name: 'kong1',
      kind: 'kong',
      adminUrl: kong.url,
      tenants: [TENANT],
    });

    const plan = await core.invoke('publish.plan', { gateway: 'kong1' });
    expect(plan.changes.map((c) => `${c.action} ${c.entity} ${c.key}`)).toEqual([
      'create service shop.example~apod~1.0.0',
      'create service shop.example~limited~1.0.0',
      'create route shop.example~apod~1.0.0',
      'create route shop.example~limited~1.0.0',
      'create plugin rate-limiting@shop.example~limited~1.0.0',
    ]);
    expect(plan.notEnforced.join('\n')).toMatch(/one rate limit for every caller \(Gold, 5000/);

    const result = await core.invoke('publish.apply', { gateway: 'kong1' });
    expect(result.revision).toMatchObject({
      number: 1,
      summary: '5 created, 0 updated, 0 deleted',
    });
    expect(result.outcomes?.every((o) => o.outcome === 'applied')).toBe(true);

    const state = kong.state();
    const apod = state.services.find((s) => s.name === 'shop.example~apod~1.0.0')!;
    expect(apod).toMatchObject({ protocol: 'http', host: '127.0.0.1', port: 9, path: '/base' });
    expect(apod.tags).toEqual(['marquee', 'marquee-gw:kong1', `tenant:${TENANT}`]);
    const route = state.routes.find((r) => r.name === 'shop.example~apod~1.0.0')!;
    expect(route).toMatchObject({
      paths: [`/t/${TENANT}/apod/1.0.0`],
      strip_path: true,
      service: { id: apod.id },
    });
    expect(state.plugins).toEqual([
      expect.objectContaining({
        name: 'rate-limiting',
        config: expect.objectContaining({ minute: 5000, policy: 'local', fault_tolerant: true }),
      }),
    ]);

    // Kong filled in its defaults (timeouts, retries, protocols, plugin config): no change.
    const again = await core.invoke('publish.plan', { gateway: 'kong1' });
    expect(again.changes).toEqual([]);
    expect(again.inSync).toBe(true);
    expect(await core.invoke('publish.apply', { gateway: 'kong1' })).toMatchObject({
      revision: null,
      message: 'nothing to change',
    });
  });

  it('leaves a service and route made by hand alone through publishes', async () => {
    const kong = await fake();
    const hand = kong.seed('services', { name: 'by-hand', host: 'hand.example.net' });
    kong.seed('routes', { name: 'by-hand', paths: ['/hand'], service: { id: hand.id } });
    const { core } = await workspace();
    const api = await addApi(core, '/apod', 'http://127.0.0.1:9');
    await core.invoke('gateway.add', {
      name: 'kong2',
      kind: 'kong',
      adminUrl: kong.url,
      tenants: [TENANT],
    });

    await core.invoke('publish.apply', { gateway: 'kong2' });
    await core.invoke('api.delete', { id: api.id });
    const plan = await core.invoke('publish.plan', { gateway: 'kong2' });
    expect(plan.changes.map((c) => `${c.action} ${c.entity} ${c.key}`)).toEqual([
      'delete route shop.example~apod~1.0.0',
      'delete service shop.example~apod~1.0.0',
    ]);
    await core.invoke('publish.apply', { gateway: 'kong2' });

    expect(names(kong, 'services')).toEqual(['by-hand']);
    expect(names(kong, 'routes')).toEqual(['by-hand']);
  });

  it('frees a name before it is taken again: rename, retire and replace in one publish',
    async () => {
      const kong = await fake();
      const { core } = await workspace();
      const a = await addApi(core, '/apod', 'http://127.0.0.1:9');
      const b = await addApi(core, '/orders', 'http://127.0.0.1:9');
      await core.invoke('gateway.add', {
        name: 'kong3',
        kind: 'kong',
        adminUrl: kong.url,
        tenants: [TENANT],
      });
      await core.invoke('publish.apply', { gateway: 'kong3' });

      // A moves to /pictures; B goes away and a new API C takes B's context (and so its
      // Kong names); D takes A's old context.
      await core.invoke('api.update', { id: a.id, patch: { context: '/pictures' } });
      await core.invoke('api.delete', { id: b.id });
      await addApi(core, '/orders', 'http://127.0.0.1:10');
      await addApi(core, '/apod', 'http://127.0.0.1:11');
      kong.requests.length = 0;

      const result = await core.invoke('publish.apply', { gateway: 'kong3' });
      expect(result.revision?.summary).toBe('4 created, 2 updated, 2 deleted');
      expect(names(kong, 'services')).toEqual([
        'shop.example~apod~1.0.0',
        'shop.example~orders~1.0.0',
        'shop.example~pictures~1.0.0',
      ]);

      // The writes in order: deletes, then the renames, then the creates.
      const writes = kong.requests.filter((r) => r.method !== 'GET');
      const firstPut = writes.findIndex((r) => r.method === 'PUT');
      expect(writes.slice(0, firstPut).map((r) => `${r.method} ${r.kind}`)).toEqual([
        'DELETE routes',
        'DELETE services',
      ]);
      expect((await core.invoke('publish.plan', { gateway: 'kong3' })).inSync).toBe(true);
    });

  it('stops at an entity that fails with 500, names it, and restores the state before',
    async () => {
      const kong = await fake();
      const { core } = await workspace();
      const a = await addApi(core, '/apod', 'http://127.0.0.1:9');
      await addApi(core, '/orders', 'http://127.0.0.1:9');
      await core.invoke('gateway.add', {
        name: 'kong4',
        kind: 'kong',
        adminUrl: kong.url,
        tenants: [TENANT],
      });
      await core.invoke('publish.apply', { gateway: 'kong4' });
      const before = content(kong);

      // Three kinds of change at once: a deleted API, a moved backend, and two new APIs,
      // one of whose routes Kong refuses with 500 every time.
      await core.invoke('api.update', {
        id: a.id,
        patch: { backendProduction: 'http://10.0.0.1' },
      });
      const orders = (await core.invoke('api.list', { tenant: TENANT })).find(
        (x) => x.context === '/orders',
      )!;
      await core.invoke('api.delete', { id: orders.id });
      await addApi(core, '/new', 'http://127.0.0.1:9');
      await addApi(core, '/broken', 'http://127.0.0.1:9');
      kong.failWith = (r) =>
        r.method === 'PUT' && r.kind === 'routes' &&
        (r.body as { name?: string })?.name === 'shop.example~broken~1.0.0'
          ? 500
          : null;

      const failure = core.invoke('publish.apply', { gateway: 'kong4' });
      await expect(failure).rejects.toMatchObject({
        code: 'gateway_error',
        message: expect.stringMatching(
          new RegExp(
            '^gateway kong4: the publish failed at route shop\\.example~broken~1\\.0\\.0: ' +
              'gateway kong4: PUT \\S+/routes/\\S+ failed: HTTP 500: An unexpected error ' +
              'occurred \\(3 tries\\); \\d+ of 7 changes had been applied; restored: Kong holds ' +
              'exactly what it held before the publish .*; no revision was recorded$',
          ),
        ),
      });
      const details = (await failure.catch((e: { details: unknown }) => e.details)) as {
        outcomes: { entity: string; key: string; outcome: string }[];
      };
      expect(details.outcomes).toContainEqual(
        expect.objectContaining({
          entity: 'route',
          key: 'shop.example~broken~1.0.0',
          outcome: 'failed',
        }),
      );

      expect(content(kong)).toEqual(before);
      expect((await core.invoke('revision.list', { gateway: 'kong4' })).map((r) => r.number))
        .toEqual([1]);

      // Once Kong takes the route again, the next publish converges.
      kong.failWith = null;
      const result = await core.invoke('publish.apply', { gateway: 'kong4' });
      expect(result.revision?.number).toBe(2);
      expect((await core.invoke('publish.plan', { gateway: 'kong4' })).inSync).toBe(true);
    });

  it('leaves a failed apply as it stopped when restore is off, and says so', async () => {
    const kong = await fake();
    const { core } = await workspace();
    await addApi(core, '/apod', 'http://127.0.0.1:9');
    await core.invoke('gateway.add', {
      name: 'kong5',
      kind: 'kong',
      adminUrl: kong.url,
      tenants: [TENANT],
      restoreOnFailure: false,
    });
    kong.failWith = (r) => (r.method === 'PUT' && r.kind === 'routes' ? 500 : null);

    await expect(core.invoke('publish.apply', { gateway: 'kong5' })).rejects.toMatchObject({
      message: expect.stringMatching(
        /1 of 2 changes had been applied; not restored \(restore on failure is off\)/,
      ),
    });
    expect(names(kong, 'services')).toEqual(['shop.example~apod~1.0.0']);
    expect(names(kong, 'routes')).toEqual([]);
  });

  it('converges with one request at a time and with eight, reading every page', async () => {
    const [one, eight] = [await fake(), await fake()];
    one.delayMs = 5;
    eight.delayMs = 5;
    const t = await workspace();
    for (let i = 0; i < 12; i++) await addApi(t.core, `/api${i}`, 'http://127.0.0.1:9');
    for (const [name, kong, concurrency] of [
      ['serial', one, 1],
      ['parallel', eight, 8],
    ] as const) {
      await t.core.invoke('gateway.add', {
        name,
        kind: 'kong',
        adminUrl: kong.url,
        tenants: [TENANT],
        concurrency,
      });
      const result = await t.core.invoke('publish.apply', { gateway: name });
      expect(result.revision?.summary).toBe('24 created, 0 updated, 0 deleted');
      expect((await t.core.invoke('publish.plan', { gateway: name })).inSync).toBe(true);
    }
    expect(one.maxInFlight).toBe(1);
    expect(eight.maxInFlight).toBeGreaterThan(1);
    expect(eight.maxInFlight).toBeLessThanOrEqual(8);
    expect(names(one, 'routes')).toEqual(names(eight, 'routes'));

    // Pages of five: 24 entities over several pages, still in sync.
    const db = openWorkspace(t.file);
    cleanups.push(() => db.close());
    one.requests.length = 0;
    expect((await planKong(db, getGateway(db, 'serial'), { pageSize: 5 })).inSync).toBe(true);
    const pages = one.requests.filter((r) => r.method === 'GET' && r.kind === 'services');
    expect(pages).toHaveLength(3);
  });

  it('retries through 429s, sends the admin token, and never shows it', async () => {
    const kong = await fake({ token: 'sekrit-token-1' });
    const { core } = await workspace();
    await addApi(core, '/apod', 'http://127.0.0.1:9');
    await core.invoke('gateway.add', {
      name: 'locked',
      kind: 'kong',
      adminUrl: kong.url,
      tenants: [TENANT],
      token: 'sekrit-token-1',
    });
    await core.invoke('gateway.add', {
      name: 'no-token',
      kind: 'kong',
      adminUrl: kong.url,
      tenants: [TENANT],
    });

    kong.tooManyRequests = 2;
    const result = await core.invoke('publish.apply', { gateway: 'locked' });
    expect(result.revision?.number).toBe(1);
    expect(await core.invoke('gateway.test', { name: 'locked' })).toEqual({
      reachable: true,
      message: `Kong 3.9.1 answers at ${kong.url}`,
    });

    const refused = core.invoke('publish.plan', { gateway: 'no-token' });
    await expect(refused).rejects.toMatchObject({
      code: 'gateway_error',
      message: expect.stringMatching(/HTTP 401: Invalid credentials/),
    });
    expect(JSON.stringify(await core.invoke('gateway.list', {}))).not.toMatch(/sekrit/);
  });

  it('rolls back to revision 1 exactly and sees a hand edit as drift', async () => {
    const kong = await fake();
    const { core } = await workspace();
    const a = await addApi(core, '/apod', 'http://127.0.0.1:9');
    await core.invoke('gateway.add', {
      name: 'kong6',
      kind: 'kong',
      adminUrl: kong.url,
      tenants: [TENANT],
    });
    await core.invoke('publish.apply', { gateway: 'kong6' });
    const atRevision1 = content(kong);

    await core.invoke('api.update', { id: a.id, patch: { backendProduction: 'http://10.0.0.2' } });
    await addApi(core, '/more', 'http://127.0.0.1:9', ['Gold']);
    await core.invoke('publish.apply', { gateway: 'kong6' });

    const back = await core.invoke('revision.rollback', { gateway: 'kong6', number: 1 });
    expect(back.revision).toMatchObject({
      number: 3,
      summary: 'rollback to #1: 0 created, 1 updated, 3 deleted',
    });
    expect(content(kong)).toEqual(atRevision1);
    expect((await core.invoke('publish.drift', { gateway: 'kong6' })).drifted).toBe(false);

    // Someone changes Marquee's service by hand through the Admin API.
    const service = kong.state().services[0];
    const edit = await fetch(`${kong.url}/services/${service.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ host: '10.9.9.9' }),
    });
    expect(edit.status).toBe(200);
    const drift = await core.invoke('publish.drift', { gateway: 'kong6' });
    expect(drift).toMatchObject({ revision: 3, drifted: true });
    expect(drift.changes).toEqual([
      expect.objectContaining({
        action: 'update',
        entity: 'service',
        key: 'shop.example~apod~1.0.0',
        fields: [{ field: 'host', before: '10.9.9.9', after: '127.0.0.1' }],
      }),
    ]);
  });

  it('adds a Kong gateway with a token from the CLI and never prints the token', () => {
    const root = path.resolve(__dirname, '..', '..');
    if (!fs.existsSync(path.join(root, 'dist-node', 'src-main', 'cli', 'index.js'))) {
      throw new Error('the CLI is not built: run `npm run build` (npm test does it)');
    }
    const t = tempCore();
    cleanups.push(t.cleanup);
    const run = (args: string[]) =>
      spawnSync(process.execPath, [path.join(root, 'bin', 'marquee.js'), '--workspace', t.file,
        ...args], { encoding: 'utf8', env: { ...process.env, MARQUEE_WORKSPACE: '' } });

    const added = run(['--json', 'gateway', 'add', 'k', '--kind', 'kong', '--admin-url',
      'http://127.0.0.1:8001', '--token', 'sekrit-cli-token', '--concurrency', '4']);
    expect(added.status, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ name: 'k', kind: 'kong' });
    expect(added.stdout + added.stderr).not.toMatch(/sekrit/);

    const odd = run(['gateway', 'add', 'x', '--kind', 'nginx', '--admin-url', 'http://a.b']);
    expect(odd.status).toBe(2);
    expect(odd.stderr).toMatch(/unknown gateway kind nginx \(this version knows: caddy, kong\)/);
  });
});

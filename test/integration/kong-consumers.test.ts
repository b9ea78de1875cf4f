// Keys and subscriptions on Kong, proven through the fake's proxy: a subscribed application's
// key passes, an unsubscribed one's gets 403, no key 401; rotating a key or removing a
// subscription takes effect with the next publish; and no key ever shows in a plan, a
// revision, an error or a log line.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLogLevel } from '../../src-main/core/log.js';
import { startBackend } from '../support/backend.js';
import { startKongFake, type KongFake } from '../support/kong-fake.js';
import { FIXTURES, tempCore } from '../support/workspace.js';

const APOD = fs.readFileSync(path.join(FIXTURES, 'publish', 'nasa-apod.json'), 'utf8');
const TENANT = 'shop.example';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  setLogLevel(process.env.MARQUEE_LOG_LEVEL ?? 'warn');
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(lifecycle: 'published' | 'prototyped' = 'published') {
  const kong = await startKongFake({ proxy: true });
  cleanups.push(() => kong.stop());
  const backend = await startBackend('apod');
  cleanups.push(() => backend.stop());
  const t = tempCore();
  cleanups.push(t.cleanup);
  const { core } = t;
  await core.invoke('tenant.create', { domain: TENANT, name: 'Shop' });
  const imported = await core.invoke('api.import', {
    tenant: TENANT,
    fileName: 'nasa-apod.json',
    content: APOD,
    context: '/apod',
    backend: `${backend.url}/base`,
  });
  const api = await core.invoke('api.update', {
    id: imported.id,
    patch: { lifecycle, tiers: ['Bronze', 'Gold'] },
  });
  const mobile = await core.invoke('application.add', { tenant: TENANT, name: 'mobile' });
  const web = await core.invoke('application.add', { tenant: TENANT, name: 'web' });
  if (lifecycle === 'published') {
    await core.invoke('subscription.add', {
      tenant: TENANT,
      application: 'mobile',
      apiId: api.id,
      tier: 'Gold',
    });
  }
  await core.invoke('gateway.add', {
    name: 'kong',
    kind: 'kong',
    adminUrl: kong.url,
    tenants: [TENANT],
  });
  return { kong, core, api, file: t.file, keys: { mobile: mobile.apiKey, web: web.apiKey } };
}

async function call(kong: KongFake, key: string | null): Promise<number> {
  const res = await fetch(`${kong.proxyUrl}/t/${TENANT}/apod/1.0.0/planetary?x=1`, {
    headers: key ? { apikey: key } : {},
  });
  await res.arrayBuffer();
  return res.status;
}

// Everything Marquee keeps of its publishes, as text.
function revisionsText(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return JSON.stringify(db.prepare(`SELECT desired_json, changes_json, summary FROM revisions`)
      .all());
  } finally {
    db.close();
  }
}

describe('keys and subscriptions on Kong', () => {
  it('lets only subscribed applications through, and follows rotation and unsubscribe',
    async () => {
      const { kong, core, api, file, keys } = await setup();

      const plan = await core.invoke('publish.plan', { gateway: 'kong' });
      expect(plan.changes.map((c) => `${c.action} ${c.entity} ${c.key}`)).toEqual([
        'create service shop.example~apod~1.0.0',
        'create route shop.example~apod~1.0.0',
        'create consumer shop.example:mobile',
        'create consumer shop.example:web',
        'create key credential shop.example:mobile',
        'create key credential shop.example:web',
        `create acl group shop.example:mobile→api:${api.id}`,
        'create plugin acl@shop.example~apod~1.0.0',
        'create plugin key-auth@shop.example~apod~1.0.0',
        'create plugin rate-limiting@shop.example~apod~1.0.0#shop.example:mobile',
      ]);
      const keyField = plan.changes.find((c) => c.entity === 'key credential')!.fields
        .find((f) => f.field === 'key');
      expect(keyField?.after).toMatch(/^key set \(….{4}\)$/);

      await core.invoke('publish.apply', { gateway: 'kong' });
      expect(await call(kong, keys.mobile)).toBe(200);
      expect(await call(kong, keys.web)).toBe(403);
      expect(await call(kong, null)).toBe(401);
      expect(await call(kong, 'mqk_not-a-key-anyone-has')).toBe(401);

      // The subscription's tier is the consumer's limit on that route, not one for all.
      const limits = kong.state().plugins.filter((p) => p.name === 'rate-limiting');
      expect(limits).toEqual([
        expect.objectContaining({
          consumer: { id: expect.any(String) },
          config: expect.objectContaining({ minute: 5000 }),
        }),
      ]);
      expect((await core.invoke('publish.plan', { gateway: 'kong' })).inSync).toBe(true);

      // A new key: the plan says the key changed without saying what it is.
      const rotated = await core.invoke('application.rotateKey', { tenant: TENANT,
        name: 'mobile' });
      const afterRotate = await core.invoke('publish.plan', { gateway: 'kong' });
      expect(afterRotate.changes).toEqual([
        expect.objectContaining({
          action: 'update',
          entity: 'key credential',
          key: 'shop.example:mobile',
          fields: [{ field: 'key', before: 'another key', after:
            `key changed (…${rotated.apiKey.slice(-4)})` }],
        }),
      ]);
      await core.invoke('publish.apply', { gateway: 'kong' });
      expect(await call(kong, keys.mobile)).toBe(401);
      expect(await call(kong, rotated.apiKey)).toBe(200);

      await core.invoke('subscription.remove', { tenant: TENANT, application: 'mobile',
        apiId: api.id });
      const result = await core.invoke('publish.apply', { gateway: 'kong' });
      expect(result.applied.map((c) => `${c.action} ${c.entity}`).sort()).toEqual([
        'delete acl group',
        'delete plugin',
      ]);
      expect(await call(kong, rotated.apiKey)).toBe(403);

      const kept = revisionsText(file) + JSON.stringify(afterRotate) + JSON.stringify(result);
      for (const key of [keys.mobile, keys.web, rotated.apiKey]) expect(kept).not.toContain(key);
      expect(kept).toContain('sha256:');
    });

  it('keeps prototypes open to every caller and says so', async () => {
    const { kong, core } = await setup('prototyped');
    const plan = await core.invoke('publish.plan', { gateway: 'kong' });
    expect(plan.notEnforced).toContainEqual(
      expect.stringMatching(
        new RegExp(
          '^shop\\.example APOD 1\\.0\\.0 is prototyped: tried without a key or a ' +
            'subscription, its Kong route is open to every caller with one rate limit for ' +
            'every caller \\(Gold',
        ),
      ),
    );
    await core.invoke('publish.apply', { gateway: 'kong' });
    expect(await call(kong, null)).toBe(200);
  });

  it('never puts a key in an error or a log line, even when Kong quotes it', async () => {
    const { kong, core, keys } = await setup();
    // Someone made a consumer by hand that already holds mobile's key: Kong refuses the
    // second copy with 409 and quotes the key in its message.
    const hand = kong.seed('consumers', { username: 'by-hand' });
    kong.seed('key-auths', { consumer: { id: hand.id }, key: keys.mobile });

    const lines: string[] = [];
    const write = fs.writeSync;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: unknown, ...rest: never[]) => {
      if (fd === 2) {
        lines.push(String(data));
        return String(data).length;
      }
      return (write as (...a: unknown[]) => number)(fd, data, ...rest);
    }) as typeof fs.writeSync);
    setLogLevel('debug');

    const failure = core.invoke('publish.apply', { gateway: 'kong' });
    await expect(failure).rejects.toMatchObject({
      code: 'gateway_error',
      message: expect.stringMatching(
        new RegExp(
          'key credential shop\\.example:mobile: .*HTTP 409: unique constraint violation: ' +
            `UNIQUE violation detected on '\\{key="\\[redacted\\]"\\}'.*restored`,
        ),
      ),
    });
    const error = await failure.catch((e: unknown) => e);
    await core.invoke('publish.plan', { gateway: 'kong' });
    setLogLevel('warn');

    expect(lines.join('')).toMatch(/kong request/);
    const shown = JSON.stringify(error) + String((error as Error).message) + lines.join('');
    for (const key of [keys.mobile, keys.web]) expect(shown).not.toContain(key);
  });
});

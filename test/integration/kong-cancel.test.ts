// Cancelling a publish to Kong part way: it stops between requests, puts back what it had
// changed, records no revision, and says so truthfully.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startKongFake } from '../support/kong-fake.js';
import { FIXTURES, tempCore } from '../support/workspace.js';

const APOD = fs.readFileSync(path.join(FIXTURES, 'publish', 'nasa-apod.json'), 'utf8');
const T = 'shop.example';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('cancelling a publish', () => {
  it('stops a Kong apply midway, restores what it changed and records nothing', async () => {
    const kong = await startKongFake();
    cleanups.push(() => kong.stop());
    const t = tempCore();
    cleanups.push(t.cleanup);
    const { core } = t;
    await core.invoke('tenant.create', { domain: T, name: 'Shop' });
    const add = async (context: string) => {
      const api = await core.invoke('api.import', { tenant: T, fileName: 'nasa-apod.json',
        content: APOD, context, backend: 'http://127.0.0.1:9' });
      await core.invoke('api.update', { id: api.id, patch: { lifecycle: 'prototyped' } });
    };
    await add('/first');
    await core.invoke('gateway.add', { name: 'k', kind: 'kong', adminUrl: kong.url,
      tenants: [T], concurrency: 1 });
    await core.invoke('publish.apply', { gateway: 'k' });
    // Kong's content without what it stamps on every write.
    const content = () => JSON.stringify(kong.state(), (k, v) =>
      k === 'created_at' || k === 'updated_at' ? undefined : v);
    const before = content();

    for (let i = 0; i < 10; i++) await add(`/api${i}`);
    expect(await core.invoke('publish.cancel', { gateway: 'k' })).toEqual({
      cancelled: false,
      message: 'no publish to k is running in this process',
    });

    kong.delayMs = 20;
    kong.requests.length = 0;
    const running = core.invoke('publish.apply', { gateway: 'k' });
    const failed = running.catch((e: unknown) => e);
    // Wait (bounded) until a few entities have been written, then cancel.
    for (let i = 0; i < 500 && kong.requests.filter((r) => r.method === 'PUT').length < 3; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    // Midway, the app can see how far the apply has got, entity by entity.
    const midway = await core.invoke('publish.progress', { gateway: 'k' });
    expect(midway).toMatchObject({ running: true, cancelling: false, total: 20, failed: 0 });
    // Three writes reached Kong; the last may still be waiting for its answer.
    expect(midway.completed).toBeGreaterThanOrEqual(2);
    expect(midway.completed).toBeLessThan(20);
    expect(midway.recent.every((o) => o.outcome === 'applied')).toBe(true);

    const cancel = await core.invoke('publish.cancel', { gateway: 'k' });
    expect(cancel.cancelled).toBe(true);
    expect((await core.invoke('publish.progress', { gateway: 'k' })).cancelling).toBe(true);

    const error = (await failed) as { message: string; details: { cancelled: boolean;
      outcomes: { outcome: string }[] } };
    expect(error.message).toMatch(
      new RegExp(
        '^gateway k: the publish was cancelled; (\\d+) of 20 changes had been applied; ' +
          'restored: Kong holds exactly what it held before the publish \\(\\1 entities ' +
          'put back\\); no revision was recorded$',
      ),
    );
    const applied = Number(/; (\d+) of 20/.exec(error.message)![1]);
    expect(applied).toBeGreaterThanOrEqual(3);
    expect(applied).toBeLessThan(20);
    expect(error.details.cancelled).toBe(true);
    expect(error.details.outcomes.filter((o) => o.outcome === 'not-run').length)
      .toBe(20 - applied);

    kong.delayMs = 0;
    expect((await core.invoke('publish.progress', { gateway: 'k' })).running).toBe(false);
    expect(content()).toBe(before);
    expect((await core.invoke('revision.list', { gateway: 'k' })).map((r) => r.number))
      .toEqual([1]);

    // Nothing is left registered: the next publish runs to the end.
    const next = await core.invoke('publish.apply', { gateway: 'k' });
    expect(next.revision?.number).toBe(2);
  });

  it('says there is nothing to stop on a gateway that applies in one request', async () => {
    const t = tempCore();
    cleanups.push(t.cleanup);
    await t.core.invoke('gateway.add', { name: 'c', kind: 'caddy',
      adminUrl: 'http://127.0.0.1:9' });
    expect(await t.core.invoke('publish.cancel', { gateway: 'c' })).toEqual({
      cancelled: false,
      message: 'c (caddy) applies in one request; there is nothing to stop midway',
    });
  });
});

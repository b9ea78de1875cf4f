// Kong Enterprise: each tenant in its own workspace (made when missing), tier limits through
// consumer groups, and a publish that plans no changes afterwards.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackend } from '../support/backend.js';
import { startKongFake } from '../support/kong-fake.js';
import { FIXTURES, tempCore } from '../support/workspace.js';

const APOD = fs.readFileSync(path.join(FIXTURES, 'publish', 'nasa-apod.json'), 'utf8');

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('publishing to Kong Enterprise', () => {
  it('puts each tenant in its own workspace with tier groups, then is in sync', async () => {
    const kong = await startKongFake({ edition: 'enterprise', proxy: true });
    cleanups.push(() => kong.stop());
    const backend = await startBackend();
    cleanups.push(() => backend.stop());
    const t = tempCore();
    cleanups.push(t.cleanup);
    const { core } = t;

    const apis: Record<string, string> = {};
    for (const domain of ['shop.example', 'bank.example']) {
      await core.invoke('tenant.create', { domain, name: domain });
      const api = await core.invoke('api.import', {
        tenant: domain,
        fileName: 'nasa-apod.json',
        content: APOD,
        context: '/apod',
        backend: backend.url,
      });
      await core.invoke('api.update', {
        id: api.id,
        patch: { lifecycle: 'published', tiers: ['Bronze', 'Gold'] },
      });
      apis[domain] = api.id;
    }
    const app = await core.invoke('application.add', { tenant: 'shop.example', name: 'mobile' });
    await core.invoke('subscription.add', { tenant: 'shop.example', application: 'mobile',
      apiId: apis['shop.example'], tier: 'Bronze' });
    await core.invoke('gateway.add', {
      name: 'ee',
      kind: 'kong',
      adminUrl: kong.url,
      tenants: ['shop.example', 'bank.example'],
      edition: 'enterprise',
    });

    // Neither workspace exists yet: Kong answers 404 for them, and the plan creates all.
    expect(kong.workspaces()).toEqual(['default']);
    const plan = await core.invoke('publish.plan', { gateway: 'ee' });
    expect(plan.changes.every((c) => c.action === 'create')).toBe(true);
    expect(plan.changes.filter((c) => c.entity === 'consumer group').map((c) => c.key))
      .toEqual(['tier:Bronze']);

    const result = await core.invoke('publish.apply', { gateway: 'ee' });
    expect(result.revision?.number).toBe(1);
    expect(kong.workspaces()).toEqual(['bank.example', 'default', 'shop.example']);
    expect(kong.state().services).toEqual([]);

    const shop = kong.stateOf('shop.example');
    expect(shop.services.map((s) => s.name)).toEqual(['shop.example~apod~1.0.0']);
    expect(shop.consumers.map((c) => c.username)).toEqual(['shop.example:mobile']);
    expect(shop.consumer_groups.map((g) => g.name)).toEqual(['tier:Bronze']);
    const limit = shop.plugins.find((p) => p.name === 'rate-limiting-advanced')!;
    expect(limit).toMatchObject({
      consumer_group: { id: shop.consumer_groups[0].id },
      config: expect.objectContaining({ limit: [1000], window_size: [60] }),
    });
    expect(kong.membersOf('shop.example')).toEqual({
      [shop.consumer_groups[0].id]: [shop.consumers[0].id],
    });
    const bank = kong.stateOf('bank.example');
    expect(bank.routes.map((r) => r.name)).toEqual(['bank.example~apod~1.0.0']);
    expect(bank.consumers).toEqual([]);

    const again = await core.invoke('publish.plan', { gateway: 'ee' });
    expect(again.changes).toEqual([]);
    expect((await core.invoke('publish.drift', { gateway: 'ee' })).drifted).toBe(false);

    const call = async (tenant: string) =>
      (await fetch(`${kong.proxyUrl}/t/${tenant}/apod/1.0.0/`, {
        headers: { apikey: app.apiKey },
      })).status;
    expect(await call('shop.example')).toBe(200);
    expect(await call('bank.example')).toBe(401);

    // Someone removes the membership by hand: drift, and the next publish puts it back.
    const group = shop.consumer_groups[0].id;
    const out = await fetch(
      `${kong.url}/shop.example/consumer_groups/${group}/consumers/${shop.consumers[0].id}`,
      { method: 'DELETE' },
    );
    expect(out.status).toBe(204);
    const drift = await core.invoke('publish.drift', { gateway: 'ee' });
    expect(drift.changes.map((c) => `${c.action} ${c.entity} ${c.key}`)).toEqual([
      'create group membership shop.example:mobile∈tier:Bronze',
    ]);
    await core.invoke('publish.apply', { gateway: 'ee' });
    expect((await core.invoke('publish.plan', { gateway: 'ee' })).inSync).toBe(true);
  });

  it('answers 404 for a workspace that does not exist, as Kong does', async () => {
    const kong = await startKongFake({ edition: 'enterprise' });
    cleanups.push(() => kong.stop());
    const res = await fetch(`${kong.url}/nowhere.example/services`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'Not found' });
  });
});

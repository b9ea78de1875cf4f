// The activity log: every change to the workspace with what, when, before and after, newest
// first, filterable by entity and tenant; a change that fails leaves no entry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import { fixture } from '../support/storefront.js';
import { tempCore } from '../support/workspace.js';

let core: Core;
let cleanup: () => void;

beforeEach(() => {
  const t = tempCore();
  core = t.core;
  cleanup = t.cleanup;
});
afterEach(() => cleanup());

const activity = (input: { entity?: never; tenant?: string; limit?: number } = {}) =>
  core.invoke('activity.list', { limit: 100, ...input });

describe('activity log', () => {
  it('records tenant, branding, API, role, member and gateway changes newest first', async () => {
    await core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });
    await core.invoke('tenant.update', { domain: 'acme.com', name: 'Acme Corp' });
    await core.invoke('branding.update', {
      domain: 'acme.com',
      patch: { primaryColor: '#112233' },
    });
    const api = await core.invoke('api.import', {
      tenant: 'acme.com',
      fileName: 'request-baskets.json',
      content: fixture('request-baskets.json'),
    });
    await core.invoke('api.lifecycle', { id: api.id, state: 'published' });
    await core.invoke('role.add', { tenant: 'acme.com', name: 'partner' });
    await core.invoke('member.add', { tenant: 'acme.com', username: 'pat', roles: ['partner'] });
    await core.invoke('gateway.add', {
      name: 'dev', kind: 'caddy', adminUrl: 'http://admin:s3cret@127.0.0.1:1', tenants: [],
    });
    await core.invoke('api.delete', { id: api.id });

    const rows = await activity();
    expect(rows.map((r) => [r.action, r.entity])).toEqual([
      ['delete', 'api'],
      ['create', 'gateway'],
      ['create', 'member'],
      ['create', 'role'],
      ['update', 'api'],
      ['create', 'api'],
      ['update', 'branding'],
      ['update', 'tenant'],
      ['create', 'tenant'],
    ]);
    expect(rows.every((r) => !Number.isNaN(Date.parse(r.at)))).toBe(true);

    const rename = rows.find((r) => r.entity === 'tenant' && r.action === 'update')!;
    expect(rename).toMatchObject({
      key: 'acme.com',
      tenant: 'acme.com',
      before: { name: 'Acme' },
      after: { name: 'Acme Corp' },
    });
    const publish = rows.find((r) => r.entity === 'api' && r.action === 'update')!;
    expect(publish.before).toEqual({ lifecycle: 'created' });
    expect(publish.after).toEqual({ lifecycle: 'published' });
    const colour = rows.find((r) => r.entity === 'branding')!;
    expect(colour.after).toEqual({ primaryColor: '#112233' });
  });

  it('keeps credentials in a gateway URL out of the log', async () => {
    await core.invoke('gateway.add', {
      name: 'dev', kind: 'caddy', adminUrl: 'http://admin:s3cret@127.0.0.1:2019', tenants: [],
    });
    const [row] = await activity();
    expect(JSON.stringify(row)).not.toContain('s3cret');
    expect(row.after).toMatchObject({ adminUrl: 'http://127.0.0.1:2019' });
  });

  it('filters by entity and tenant and honours the limit', async () => {
    await core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });
    await core.invoke('tenant.create', { domain: 'globex.io', name: 'Globex' });
    await core.invoke('role.add', { tenant: 'globex.io', name: 'partner' });
    await core.invoke('tier.add', { tenant: 'acme.com', tier: { name: 'Trial', rateLimit: 1 } });

    expect((await activity({ tenant: 'globex.io' })).map((r) => r.summary)).toEqual([
      'added role partner',
      'added tenant globex.io',
    ]);
    expect((await activity({ entity: 'tier' as never })).map((r) => r.key)).toEqual(['Trial']);
    expect(await activity({ limit: 1 })).toHaveLength(1);
  });

  it('records nothing for a change that was refused', async () => {
    await core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });
    const before = await activity();
    await expect(core.invoke('tier.delete', { tenant: 'acme.com', name: 'Iron' }))
      .rejects.toThrow();
    await expect(core.invoke('role.add', { tenant: 'acme.com', name: 'bad name' })).rejects
      .toThrow();
    expect(await activity()).toEqual(before);
  });

  it('records an update that changes nothing as no activity', async () => {
    await core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });
    await core.invoke('tenant.update', { domain: 'acme.com', name: 'Acme' });
    expect(await activity()).toHaveLength(1);
  });

  it('keeps the log of a tenant after the tenant is removed', async () => {
    await core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });
    await core.invoke('tenant.delete', { domain: 'acme.com' });
    expect((await activity({ tenant: 'acme.com' })).map((r) => r.action)).toEqual([
      'delete',
      'create',
    ]);
  });
});

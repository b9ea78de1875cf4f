// Tiers of a tenant: the defaults, adding, editing and deleting, and refusals that name what
// a tier is used by.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import { fixture } from '../support/storefront.js';
import { tempCore } from '../support/workspace.js';

let core: Core;
let cleanup: () => void;

beforeEach(async () => {
  const t = tempCore();
  core = t.core;
  cleanup = t.cleanup;
  await core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });
});
afterEach(() => cleanup());

const tiers = () => core.invoke('tier.list', { tenant: 'acme.com' });

async function importApi(name: string, tiersOffered: string[]) {
  const api = await core.invoke('api.import', {
    tenant: 'acme.com',
    fileName: 'request-baskets.json',
    content: fixture('request-baskets.json'),
  });
  return core.invoke('api.update', { id: api.id, patch: { name, tiers: tiersOffered } });
}

describe('tiers', () => {
  it('starts every tenant with Bronze, Silver, Gold and Unlimited', async () => {
    expect((await tiers()).map((t) => [t.name, t.rateLimit, t.rateUnit])).toEqual([
      ['Bronze', 1000, 'minute'],
      ['Silver', 2000, 'minute'],
      ['Gold', 5000, 'minute'],
      ['Unlimited', null, 'minute'],
    ]);
  });

  it('adds a tier with a rate per second, hour or day and an optional monthly quota', async () => {
    await core.invoke('tier.add', {
      tenant: 'acme.com',
      tier: { name: 'Trial', rateLimit: 5, rateUnit: 'second', quota: 10_000, description: 'Try' },
    });
    await core.invoke('tier.add', {
      tenant: 'acme.com',
      tier: { name: 'Daily', rateLimit: 50_000, rateUnit: 'day' },
    });
    const byName = Object.fromEntries((await tiers()).map((t) => [t.name, t]));
    expect(byName.Trial).toEqual({
      name: 'Trial', rateLimit: 5, rateUnit: 'second', quota: 10_000, description: 'Try',
    });
    expect(byName.Daily).toMatchObject({ rateUnit: 'day', quota: null, description: '' });
  });

  it('refuses a duplicate name, whatever its case, and a rate that is not positive', async () => {
    await expect(core.invoke('tier.add', {
      tenant: 'acme.com', tier: { name: 'gold', rateLimit: 1 },
    })).rejects.toMatchObject({
      code: 'conflict',
      message: 'acme.com already has a tier named Gold',
    });
    await expect(core.invoke('tier.add', {
      tenant: 'acme.com', tier: { name: 'Zero', rateLimit: 0 },
    })).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/^tier\.rateLimit/),
    });
    expect(await tiers()).toHaveLength(4);
  });

  it('edits a tier, renaming it without losing the APIs that offer it', async () => {
    const api = await importApi('Baskets', ['Gold']);
    const gold = await core.invoke('tier.update', {
      tenant: 'acme.com',
      name: 'Gold',
      patch: { name: 'Platinum', rateLimit: 10, rateUnit: 'hour', quota: 500 },
    });
    expect(gold).toEqual({
      name: 'Platinum', rateLimit: 10, rateUnit: 'hour', quota: 500, description: 'High volume',
    });
    expect((await core.invoke('api.get', { id: api.id })).tiers).toEqual(['Platinum']);
  });

  it('deletes an unused tier', async () => {
    await importApi('Baskets', ['Gold']);
    await core.invoke('tier.delete', { tenant: 'acme.com', name: 'Bronze' });
    expect((await tiers()).map((t) => t.name)).toEqual(['Silver', 'Gold', 'Unlimited']);
  });

  it('refuses deleting a tier an API offers, naming the API', async () => {
    await importApi('Baskets', ['Gold', 'Silver']);
    await importApi('Buckets', ['Gold']);
    await expect(core.invoke('tier.delete', { tenant: 'acme.com', name: 'Gold' }))
      .rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(
          /^tier Gold of acme\.com is in use: offered by Baskets .*, Buckets/,
        ),
      });
    expect((await tiers()).map((t) => t.name)).toContain('Gold');
  });

  it('refuses deleting a tier a subscription uses, naming the application', async () => {
    const api = await importApi('Baskets', ['Gold']);
    await core.invoke('api.lifecycle', { id: api.id, state: 'published' });
    await core.invoke('application.add', { tenant: 'acme.com', name: 'Tracker' });
    await core.invoke('subscription.add', {
      tenant: 'acme.com', application: 'Tracker', apiId: api.id, tier: 'Gold',
    });
    // The API stops offering Gold; the subscription still holds it.
    await core.invoke('api.update', { id: api.id, patch: { tiers: ['Silver'] } });

    await expect(core.invoke('tier.delete', { tenant: 'acme.com', name: 'Gold' }))
      .rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(
          /used by the subscriptions of Tracker \(acme\.com\) to Baskets/,
        ),
      });
  });

  it('says which tier is missing', async () => {
    await expect(core.invoke('tier.update', { tenant: 'acme.com', name: 'Iron', patch: {} }))
      .rejects.toMatchObject({ code: 'not_found', message: 'acme.com has no tier named Iron' });
  });
});

// The lifecycle of an API: WSO2's moves allowed and every other refused, each move kept in
// the API's history, and what each state means for subscriptions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import { TRANSITIONS } from '../../src-main/core/tenancy/lifecycle.js';
import { LIFECYCLE_STATES } from '../../src-shared/model.js';
import { moveTo } from '../support/lifecycle.js';
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

async function newApi(): Promise<string> {
  const api = await core.invoke('api.import', {
    tenant: 'acme.com',
    fileName: 'request-baskets.json',
    content: fixture('request-baskets.json'),
  });
  return api.id;
}

// WSO2 API Manager's default lifecycle, written out once more by hand so that a change to
// the table in the code has to be made on purpose in both places.
const WSO2: Record<string, string[]> = {
  created: ['prototyped', 'published'],
  prototyped: ['created', 'published'],
  published: ['blocked', 'created', 'deprecated', 'prototyped'],
  blocked: ['deprecated', 'published'],
  deprecated: ['retired'],
  retired: [],
};

describe('lifecycle', () => {
  it('allows exactly the moves of WSO2 default lifecycle', () => {
    for (const from of LIFECYCLE_STATES) {
      expect([...TRANSITIONS[from]].sort(), from).toEqual(WSO2[from]);
    }
  });

  for (const from of LIFECYCLE_STATES) {
    for (const to of LIFECYCLE_STATES) {
      if (from === to) continue;
      const allowed = WSO2[from].includes(to);
      it(`${allowed ? 'allows' : 'refuses'} ${from} → ${to}`, async () => {
        const id = await newApi();
        await moveTo(core, id, from);
        const move = core.invoke('api.lifecycle', { id, state: to });
        if (allowed) {
          expect((await move).state).toBe(to);
        } else {
          await expect(move).rejects.toMatchObject({
            code: 'bad_input',
            message: expect.stringMatching(new RegExp(`^lifecycle: .* from ${from} to ${to}`)),
          });
          expect((await core.invoke('api.get', { id })).lifecycle).toBe(from);
        }
      });
    }
  }

  it('refuses a move through api.update too, changing nothing else of the patch', async () => {
    const id = await newApi();
    await expect(core.invoke('api.update', {
      id, patch: { name: 'Renamed', lifecycle: 'retired' },
    })).rejects.toMatchObject({ code: 'bad_input' });
    expect((await core.invoke('api.get', { id })).name).not.toBe('Renamed');
  });

  it('keeps every move in the history, oldest first, with the next allowed moves', async () => {
    const id = await newApi();
    await moveTo(core, id, 'retired');
    const h = await core.invoke('api.history', { id });
    expect(h.history.map((e) => [e.from, e.to])).toEqual([
      [null, 'created'],
      ['created', 'published'],
      ['published', 'deprecated'],
      ['deprecated', 'retired'],
    ]);
    expect(h.history.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect(h).toMatchObject({ state: 'retired', allowed: [] });
  });

  it('lets a deprecated API keep its subscriptions but take no new ones', async () => {
    const id = await newApi();
    await moveTo(core, id, 'published');
    await core.invoke('application.add', { tenant: 'acme.com', name: 'Old' });
    await core.invoke('application.add', { tenant: 'acme.com', name: 'New' });
    await core.invoke('subscription.add', { application: 'Old', apiId: id, tier: 'Gold' });

    await core.invoke('api.lifecycle', { id, state: 'deprecated' });
    await expect(core.invoke('subscription.add', { application: 'New', apiId: id, tier: 'Gold' }))
      .rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/deprecated: no new subscriptions/),
      });
    const subs = await core.invoke('subscription.list', { tenant: 'acme.com' });
    expect(subs.map((s) => s.application)).toEqual(['Old']);
  });

  it('takes subscriptions only while published', async () => {
    const id = await newApi();
    await core.invoke('application.add', { tenant: 'acme.com', name: 'App' });
    const sub = () =>
      core.invoke('subscription.add', { application: 'App', apiId: id, tier: 'Gold' });

    await expect(sub()).rejects.toMatchObject({ message: expect.stringMatching(/created: in no/) });
    await core.invoke('api.lifecycle', { id, state: 'prototyped' });
    await expect(sub()).rejects.toMatchObject({ message: expect.stringMatching(/prototype/) });
    await core.invoke('api.lifecycle', { id, state: 'published' });
    expect((await sub()).tier).toBe('Gold');
  });
});

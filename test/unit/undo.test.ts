// Undo of the last change: each kind of change it covers comes back exactly as it was, each
// it does not cover is refused naming the change and why, and a refusal changes nothing.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import { fixture } from '../support/storefront.js';
import { tempCore } from '../support/workspace.js';

let core: Core;
let file: string;
let cleanup: () => void;

beforeEach(() => {
  const t = tempCore();
  core = t.core;
  file = t.file;
  cleanup = t.cleanup;
});
afterEach(() => cleanup());

const TENANT = 'acme.com';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQ' +
    'AAAABJRU5ErkJggg==',
  'base64',
);

// Everything a person sees of the tenant, without the clocks that move on every write.
async function state() {
  const drop = <T extends object>(o: T, ...keys: string[]) =>
    Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
  const apis = await core.invoke('api.list', { tenant: TENANT });
  return {
    tenant: drop(await core.invoke('tenant.get', { domain: TENANT }), 'updatedAt'),
    branding: await core.invoke('branding.get', { domain: TENANT }),
    apis: await Promise.all(
      apis.map(async (a) => drop(await core.invoke('api.get', { id: a.id }), 'updatedAt')),
    ),
    tiers: await core.invoke('tier.list', { tenant: TENANT }),
    roles: await core.invoke('role.list', { tenant: TENANT }),
    members: (await core.invoke('member.list', { tenant: TENANT })).map((m) =>
      drop(m, 'createdAt')),
    applications: await core.invoke('application.list', { tenant: TENANT }),
    subscriptions: (await core.invoke('subscription.list', { tenant: TENANT })).map((s) =>
      drop(s, 'id', 'createdAt')),
  };
}

const undo = () => core.invoke('activity.undo', {});
const latest = async () => (await core.invoke('activity.list', { limit: 1 }))[0];

async function seed() {
  await core.invoke('tenant.create', { domain: TENANT, name: 'Acme' });
  await core.invoke('role.add', { tenant: TENANT, name: 'partner' });
  await core.invoke('member.add', { tenant: TENANT, username: 'pat', roles: ['partner'] });
  const api = await core.invoke('api.import', {
    tenant: TENANT,
    fileName: 'request-baskets.json',
    content: fixture('request-baskets.json'),
    context: '/baskets',
  });
  await core.invoke('api.lifecycle', { id: api.id, state: 'published' });
  const app = await core.invoke('application.add', { tenant: TENANT, name: 'Shop' });
  return { apiId: api.id, key: app.apiKey };
}

// Makes one change, undoes it, and checks the workspace is as before the change.
async function expectRevertedExactly(change: () => Promise<unknown>) {
  const before = await state();
  await change();
  expect(await state()).not.toEqual(before);

  const result = await undo();
  expect(await state()).toEqual(before);
  return result;
}

describe('undo takes back the last change exactly', () => {
  it('tenant name and description, logging the undo as a change of its own', async () => {
    await seed();
    const result = await expectRevertedExactly(() =>
      core.invoke('tenant.update', { domain: TENANT, name: 'Acme Corp', description: 'New' }),
    );

    expect(result.undone.summary).toBe('changed tenant acme.com');
    expect(result.message).toBe('Undid: changed tenant acme.com');
    const entry = await latest();
    expect(entry.summary).toBe('undid: changed tenant acme.com');
    expect(entry.before).toEqual({ name: 'Acme Corp', description: 'New' });
    expect(entry.after).toEqual({ name: 'Acme', description: '' });
  });

  it('branding fields, and an image added where there was none', async () => {
    await seed();
    await expectRevertedExactly(() =>
      core.invoke('branding.update', {
        domain: TENANT,
        patch: { primaryColor: '#112233', heroTitle: 'Hello', theme: 'dark', customCss: 'a{}' },
      }),
    );
    await expectRevertedExactly(() =>
      core.invoke('branding.setImage', {
        domain: TENANT, slot: 'logo', mediaType: 'image/png', dataBase64: PNG.toString('base64'),
      }),
    );
  });

  it('every field of an API edit', async () => {
    const { apiId } = await seed();
    await core.invoke('tenant.create', { domain: 'globex.io', name: 'Globex' });
    await expectRevertedExactly(() =>
      core.invoke('api.update', {
        id: apiId,
        patch: {
          name: 'Baskets',
          version: 'v9',
          context: '/bins',
          description: 'Other words',
          backendProduction: 'https://prod.example.test',
          backendSandbox: 'https://sandbox.example.test',
          tags: ['x', 'y'],
          visibility: 'restricted',
          visibleRoles: ['partner'],
          tiers: ['Gold'],
        },
      }),
    );
    // Offers to other tenants go with public APIs only, so that is an edit of its own.
    await expectRevertedExactly(() =>
      core.invoke('api.update', {
        id: apiId,
        patch: { subscriptionAvailability: 'specific-tenants', availableTenants: ['globex.io'] },
      }),
    );
  });

  it('a lifecycle move, back even where the lifecycle allows no such move', async () => {
    const { apiId } = await seed();
    await core.invoke('api.lifecycle', { id: apiId, state: 'deprecated' });

    const result = await undo();
    expect(result.message).toContain('outside the usual moves');
    const lifecycle = await core.invoke('api.history', { id: apiId });
    expect(lifecycle.state).toBe('published');
    expect(lifecycle.history.at(-1)).toMatchObject({ from: 'deprecated', to: 'published' });
    expect((await latest()).summary).toContain('moved back from deprecated to published');
  });

  it('tier add, edit and removal', async () => {
    await seed();
    await expectRevertedExactly(() =>
      core.invoke('tier.add', { tenant: TENANT, tier: { name: 'Platinum', rateLimit: 9000 } }),
    );
    await expectRevertedExactly(() =>
      core.invoke('tier.update', {
        tenant: TENANT, name: 'Silver', patch: { name: 'Argent', rateLimit: 2500, quota: 10 },
      }),
    );
    await core.invoke('tier.add', { tenant: TENANT, tier: { name: 'Spare', rateLimit: 5 } });
    await expectRevertedExactly(() =>
      core.invoke('tier.delete', { tenant: TENANT, name: 'Spare' }),
    );
  });

  it('role and member adds, edits and removals, giving a removed role back to its holders',
    async () => {
      await seed();
      await expectRevertedExactly(() =>
        core.invoke('role.add', { tenant: TENANT, name: 'internal' }),
      );
      await expectRevertedExactly(() =>
        core.invoke('role.remove', { tenant: TENANT, name: 'partner' }),
      );
      await expectRevertedExactly(() =>
        core.invoke('member.add', { tenant: TENANT, username: 'sam', roles: ['partner'] }),
      );
      await expectRevertedExactly(() =>
        core.invoke('member.set', { tenant: TENANT, username: 'pat', roles: [] }),
      );
      await expectRevertedExactly(() =>
        core.invoke('member.remove', { tenant: TENANT, username: 'pat' }),
      );
    });

  it('an application added, and subscriptions added and removed', async () => {
    const { apiId } = await seed();
    await expectRevertedExactly(() =>
      core.invoke('application.add', { tenant: TENANT, name: 'Kiosk' }),
    );
    await expectRevertedExactly(() =>
      core.invoke('subscription.add', {
        tenant: TENANT, application: 'Shop', apiId, tier: 'Gold',
      }),
    );
    await core.invoke('subscription.add', {
      tenant: TENANT, application: 'Shop', apiId, tier: 'Gold',
    });
    await expectRevertedExactly(() =>
      core.invoke('subscription.remove', { tenant: TENANT, application: 'Shop', apiId }),
    );
  });

  it('walks back one change per undo and never takes one back twice', async () => {
    await seed();
    const original = await state();
    await core.invoke('tenant.update', { domain: TENANT, name: 'Two' });
    await core.invoke('tenant.update', { domain: TENANT, name: 'Three' });

    await undo();
    expect((await core.invoke('tenant.get', { domain: TENANT })).name).toBe('Two');
    await undo();
    expect(await state()).toEqual(original);
    // Next in line is the application added by seed().
    expect((await undo()).undone.summary).toMatch(/^added application Shop/);
  });
});

describe('undo refuses what it cannot take back whole, and changes nothing', () => {
  async function expectRefused(pattern: RegExp) {
    const before = await state();
    const log = await core.invoke('activity.list', { limit: 1000 });
    await expect(undo()).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(pattern),
    });
    expect(await state()).toEqual(before);
    expect(await core.invoke('activity.list', { limit: 1000 })).toEqual(log);
  }

  it('a key rotation, since the earlier key is kept nowhere', async () => {
    await seed();
    await core.invoke('application.rotateKey', { tenant: TENANT, name: 'Shop' });
    await expectRefused(/rotated the key of application Shop.*kept in clear nowhere/);
  });

  it('an application with subscriptions made since, and an image that replaced another',
    async () => {
      const { apiId } = await seed();
      const image = { domain: TENANT, slot: 'logo' as const, mediaType: 'image/png' as const,
        dataBase64: PNG.toString('base64') };
      await core.invoke('branding.setImage', image);
      // Another file: the log tells images apart by type and size.
      const other = Buffer.concat([PNG, Buffer.alloc(16)]).toString('base64');
      await core.invoke('branding.setImage', { ...image, dataBase64: other });
      await expectRefused(/earlier logo of acme.com \(image\/png, \d+ bytes\) is not kept/);

      // A subscription the log never saw (written by hand) still holds the application back.
      await core.invoke('application.add', { tenant: TENANT, name: 'Kiosk' });
      const raw = new Database(file);
      raw.prepare(
        `INSERT INTO subscriptions (application_id, api_id, tier_id, created_at)
         SELECT ap.id, ?, ti.id, 'x' FROM applications ap, tiers ti
         WHERE ap.name = 'Kiosk' AND ti.name = 'Gold'`,
      ).run(apiId);
      raw.close();
      await expectRefused(/added application Kiosk.*1 subscription\(s\) since/);
    });

  it('imports, removals of APIs and tenants, and tenant creation', async () => {
    const { apiId } = await seed();
    await core.invoke('api.import', {
      tenant: TENANT, fileName: 'b.json', content: fixture('request-baskets.json'),
      context: '/other',
    });
    await expectRefused(/added API .*does not remove imported APIs/);

    await core.invoke('api.delete', { id: apiId });
    await expectRefused(/removed API .*definition is not kept/);

    await core.invoke('tenant.create', { domain: 'globex.io', name: 'Globex' });
    await expectRefused(/added tenant globex.io.*take everything added to it since/);
    await core.invoke('tenant.delete', { domain: 'globex.io' });
    await expectRefused(/removed tenant globex.io.*gone with its APIs/);
  });

  it('any single piece of a bundle import', async () => {
    await seed();
    const bundle = await core.invoke('bundle.export', { domains: [TENANT] });
    await core.invoke('bundle.import', { dataBase64: bundle.dataBase64, onConflict: 'rename' });
    await expectRefused(/one of many changes made by a bundle import/);
  });

  it('a change to an entity that has changed again since, naming the field', async () => {
    await seed();
    await core.invoke('tenant.update', { domain: TENANT, name: 'Acme Corp' });
    const raw = new Database(file);
    raw.prepare(`UPDATE tenants SET name = 'Someone else' WHERE domain = ?`).run(TENANT);
    raw.close();
    await expectRefused(/changed tenant acme.com.*has changed since \(name\)/);
  });

  it('when there is nothing left to undo', async () => {
    await expect(undo()).rejects.toMatchObject({ code: 'conflict', message: /nothing to undo/ });
  });
});

describe('undo preview', () => {
  it('names the change an undo would take back, or why it would refuse, changing nothing',
    async () => {
      expect(await core.invoke('activity.undoable', {})).toEqual({
        entry: null, refusal: expect.stringContaining('nothing to undo'),
      });

      await seed();
      await core.invoke('tenant.update', { domain: TENANT, name: 'Acme Corp' });
      const before = await state();
      const preview = await core.invoke('activity.undoable', {});
      expect(preview.entry?.summary).toBe('changed tenant acme.com');
      expect(preview.refusal).toBeNull();
      expect(await state()).toEqual(before);

      await core.invoke('application.rotateKey', { tenant: TENANT, name: 'Shop' });
      const refused = await core.invoke('activity.undoable', {});
      expect(refused.entry?.summary).toBe('rotated the key of application Shop');
      expect(refused.refusal).toMatch(/kept in clear nowhere/);
    });
});

// The capability report per gateway kind: what each cannot enforce of the model, said per
// API and exactly — Caddy 2.6 neither limits nor checks keys; Kong enforces keys,
// subscriptions and tier limits, and says what is left (open prototypes, quotas).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src-main/core/db/open.js';
import { desiredState } from '../../src-main/core/publish/desired.js';
import { compileKong } from '../../src-main/core/publish/kong/compile.js';
import { getGateway } from '../../src-main/core/workspace/gateways.js';
import { moveTo } from '../support/lifecycle.js';
import { FIXTURES, tempCore } from '../support/workspace.js';

const APOD = fs.readFileSync(path.join(FIXTURES, 'publish', 'nasa-apod.json'), 'utf8');
const T = 'shop.example';

const cleanups: (() => unknown)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

async function workspace(kind: 'caddy' | 'kong') {
  const t = tempCore();
  cleanups.push(t.cleanup);
  const { core } = t;
  await core.invoke('tenant.create', { domain: T, name: 'Shop' });
  await core.invoke('role.add', { tenant: T, name: 'partner' });
  const add = async (context: string, state: 'published' | 'prototyped' | 'blocked',
    patch: Record<string, unknown> = {}) => {
    const api = await core.invoke('api.import', { tenant: T, fileName: 'nasa-apod.json',
      content: APOD, context, backend: 'http://127.0.0.1:9' });
    await core.invoke('api.update', { id: api.id, patch: { name: context.slice(1),
      tiers: ['Bronze', 'Gold'], ...patch } });
    await moveTo(core, api.id, state);
    return api.id;
  };
  const open = await add('/open', 'published');
  await add('/partners', 'published', { visibility: 'restricted', visibleRoles: ['partner'] });
  await add('/trial', 'prototyped', { visibility: 'private' });
  await add('/stopped', 'blocked');
  await core.invoke('application.add', { tenant: T, name: 'mobile' });
  await core.invoke('subscription.add', { tenant: T, application: 'mobile', apiId: open,
    tier: 'Gold' });
  await core.invoke('gateway.add', { name: 'g', kind, adminUrl: 'http://127.0.0.1:9',
    tenants: [T] });
  const db = openWorkspace(t.file);
  cleanups.push(() => db.close());
  return { db, g: getGateway(db, 'g') };
}

describe('what a gateway cannot enforce', () => {
  it('Caddy 2.6: per API, the tiers it does not limit and the keys it does not check',
    async () => {
      const { db, g } = await workspace('caddy');
      const notes = desiredState(db, g).notEnforced;
      const about = (api: string) => notes.filter((n) => n.startsWith(`${T} ${api} 1.0.0`));

      expect(about('open')).toEqual([
        `${T} open 1.0.0: tier limits are not enforced (Bronze 1000/minute; Gold 5000/minute): ` +
          'Caddy 2.6 from Debian has no rate-limit module',
        `${T} open 1.0.0: API keys and subscriptions are not checked (${T}:mobile at Gold): ` +
          'Caddy 2.6 from Debian has no key-auth module, so its route is open to every caller',
      ]);
      expect(about('partners')).toContainEqual(
        expect.stringMatching(/not checked \(no application is subscribed\)/),
      );
      expect(about('partners')).toContainEqual(
        `${T} partners 1.0.0 is restricted in the storefront, but its gateway route is open ` +
          'to everyone',
      );
      // A prototype needs no key anyway; only its limits and its visibility go unenforced.
      expect(about('trial').some((n) => /keys/.test(n))).toBe(false);
      expect(about('trial')).toHaveLength(2);
      // Blocked answers 503 on Caddy too: nothing left unenforced.
      expect(about('stopped')).toEqual([]);
    });

  it('Kong: keys, subscriptions and tiers are enforced; open prototypes are said', async () => {
    const { db, g } = await workspace('kong');
    const notes = compileKong(db, g, null).notes;
    const about = (api: string) => notes.filter((n) => n.startsWith(`${T} ${api} 1.0.0`));

    expect(about('open')).toEqual([]);
    expect(about('stopped')).toEqual([]);
    expect(about('partners')).toEqual([
      `${T} partners 1.0.0 is restricted: Kong admits the subscribed applications; a ` +
        'subscription made before its owner lost access keeps working until it is removed',
    ]);
    expect(about('trial')).toEqual([
      `${T} trial 1.0.0 is prototyped: tried without a key or a subscription, its Kong route ` +
        'is open to every caller with one rate limit for every caller (Gold, 5000/minute, the ' +
        'best tier it offers), though it is private in the storefront',
    ]);
    expect(notes).toContainEqual(expect.stringMatching(/^shop\.example: rate limits count per/));
  });
});

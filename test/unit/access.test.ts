// Who sees what, case by case: the access matrix of a tenant with one API per rule, and the
// combinations of visibility and subscription availability the core refuses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import { decideAccess } from '../../src-main/core/tenancy/access.js';
import type { AccessMatrix } from '../../src-shared/tenancy.js';
import { seedTenancy, type AcmeApis } from '../support/tenancy.js';
import { tempCore } from '../support/workspace.js';

let core: Core;
let apis: AcmeApis;
let cleanup: () => void;

beforeEach(async () => {
  const t = tempCore();
  core = t.core;
  cleanup = t.cleanup;
  apis = await seedTenancy(core);
});
afterEach(() => cleanup());

const AUDIENCES = [
  'anonymous',
  'role:internal',
  'role:partner',
  'member',
  'tenant:globex.io',
  'tenant:initech.dev',
];

// S: sees and may subscribe; V: sees only; -: does not see. One letter per audience above.
const EXPECTED: Record<keyof AcmeApis, string> = {
  open: 'VSSSVV',
  offeredAll: 'VSSSSS',
  offeredGlobex: 'VSSSSV',
  partner: '--S---',
  internalOrPartner: '-SS---',
  private: '-SSS--',
  prototype: 'VVVVVV',
  deprecated: 'VVVVVV',
  blocked: '------',
  draft: '------',
  retired: '------',
  tierless: 'VVVVVV',
};

const letter = (c: { canSee: boolean; canSubscribe: boolean }) =>
  c.canSubscribe ? 'S' : c.canSee ? 'V' : '-';

function row(m: AccessMatrix, id: string) {
  const api = m.apis.find((a) => a.id === id)!;
  return Object.fromEntries(api.cells.map((c) => [c.audience, c]));
}

describe('access matrix', () => {
  it('lists anonymous, each role, a member and each other tenant, in that order', async () => {
    const m = await core.invoke('access.matrix', { tenant: 'acme.com' });
    expect(m.audiences).toEqual(AUDIENCES);
    expect(m.apis).toHaveLength(Object.keys(EXPECTED).length);
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`decides ${name} as ${expected} for ${AUDIENCES.join(', ')}`, async () => {
      const m = await core.invoke('access.matrix', { tenant: 'acme.com' });
      const api = m.apis.find((a) => a.id === apis[name as keyof AcmeApis])!;
      expect(api.cells.map((c) => c.audience)).toEqual(AUDIENCES);
      expect(api.cells.map(letter).join('')).toBe(expected);
    });
  }

  it('names the rule that decided each cell', async () => {
    const m = await core.invoke('access.matrix', { tenant: 'acme.com' });
    expect(row(m, apis.open)['anonymous'].rule).toBe('public; sign in to subscribe');
    expect(row(m, apis.open)['tenant:globex.io'].rule).toBe('public; not offered to globex.io');
    expect(row(m, apis.offeredGlobex)['tenant:globex.io'].rule).toBe(
      'public; offered to globex.io',
    );
    expect(row(m, apis.partner)['role:internal'].rule).toBe('restricted to partner; holds none');
    expect(row(m, apis.partner)['member'].rule).toBe('restricted to partner; no role');
    expect(row(m, apis.partner)['tenant:globex.io'].rule).toMatch(/acme\.com roles partner/);
    expect(row(m, apis.private)['anonymous'].rule).toBe('private to acme.com members');
    expect(row(m, apis.deprecated)['member'].rule).toMatch(/deprecated: no new subscriptions/);
    expect(row(m, apis.prototype)['member'].rule).toMatch(/prototype/);
    expect(row(m, apis.retired)['member'].rule).toBe('retired: in no storefront');
    expect(row(m, apis.tierless)['member'].rule).toMatch(/offers no tier/);
  });

  it('treats a user of the API tenant itself as a member, whatever the audience says', () => {
    const api = {
      tenant: 'acme.com',
      lifecycle: 'published' as const,
      visibility: 'private' as const,
      visibleRoles: [],
      subscriptionAvailability: 'current-tenant' as const,
      availableTenants: [],
      tiers: ['Gold'],
    };
    expect(decideAccess(api, { tenant: 'acme.com', roles: [] }).canSubscribe).toBe(true);
    expect(decideAccess(api, { tenant: 'globex.io', roles: ['partner'] }).canSee).toBe(false);
  });

  it('changes its answer when an API is offered to another tenant', async () => {
    await core.invoke('api.update', {
      id: apis.open,
      patch: { subscriptionAvailability: 'specific-tenants', availableTenants: ['initech.dev'] },
    });
    const m = await core.invoke('access.matrix', { tenant: 'acme.com' });
    expect(row(m, apis.open)['tenant:initech.dev'].canSubscribe).toBe(true);
    expect(row(m, apis.open)['tenant:globex.io'].canSubscribe).toBe(false);
  });
});

describe('visibility and availability combinations', () => {
  const refuse = async (id: string, patch: object, message: RegExp) => {
    const before = await core.invoke('api.get', { id });
    await expect(core.invoke('api.update', { id, patch })).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(message),
    });
    expect(await core.invoke('api.get', { id })).toEqual(before);
  };

  it('refuses offering a private or restricted API to other tenants', async () => {
    await refuse(apis.private, { subscriptionAvailability: 'all-tenants' },
      /^subscriptionAvailability: only public APIs/);
    await refuse(apis.offeredAll, { visibility: 'private' },
      /^subscriptionAvailability: only public APIs/);
  });

  it('refuses a restricted API without roles and roles on a public one', async () => {
    await refuse(apis.open, { visibility: 'restricted' }, /^visibleRoles: .*at least one role/);
    await refuse(apis.open, { visibleRoles: ['partner'] }, /^visibleRoles: only a restricted/);
    await refuse(apis.partner, { visibleRoles: ['nobody'] }, /acme\.com has no role named nobody/);
  });

  it('refuses specific tenants that are missing, unknown or the API tenant itself', async () => {
    await refuse(apis.open, { subscriptionAvailability: 'specific-tenants' },
      /^availableTenants: list at least one/);
    await refuse(apis.open,
      { subscriptionAvailability: 'specific-tenants', availableTenants: ['hooli.xyz'] },
      /no tenant hooli\.xyz/);
    await refuse(apis.open,
      { subscriptionAvailability: 'specific-tenants', availableTenants: ['acme.com'] },
      /own tenant/);
  });

  it('clears the roles when a restricted API becomes public', async () => {
    const api = await core.invoke('api.update', {
      id: apis.partner,
      patch: { visibility: 'public' },
    });
    expect(api.visibleRoles).toEqual([]);
  });

  it('refuses removing a role an API is restricted to, naming the API', async () => {
    await expect(core.invoke('role.remove', { tenant: 'acme.com', name: 'internal' }))
      .rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/internal-or-partner/),
      });
  });
});

// Three tenants for the tenancy tests. acme.com has roles, members and one API per case the
// access rules decide; globex.io and initech.dev are the other tenants whose users look in.
import type { Core } from '../../src-main/core/core.js';
import type { ApiPatch } from '../../src-shared/model.js';
import { moveTo } from './lifecycle.js';
import { fixture } from './storefront.js';

export type AcmeApis = Record<
  | 'open'
  | 'offeredAll'
  | 'offeredGlobex'
  | 'partner'
  | 'internalOrPartner'
  | 'private'
  | 'prototype'
  | 'deprecated'
  | 'blocked'
  | 'draft'
  | 'retired'
  | 'tierless',
  string
>;

export async function seedTenancy(core: Core): Promise<AcmeApis> {
  for (const [domain, name] of [['acme.com', 'Acme'], ['globex.io', 'Globex'],
    ['initech.dev', 'Initech']]) {
    await core.invoke('tenant.create', { domain, name });
  }
  await core.invoke('role.add', { tenant: 'acme.com', name: 'partner' });
  await core.invoke('role.add', { tenant: 'acme.com', name: 'internal' });
  await core.invoke('member.add', { tenant: 'acme.com', username: 'pat', roles: ['partner'] });

  const content = fixture('request-baskets.json');
  const add = async (context: string, state: ApiPatch['lifecycle'], patch: ApiPatch = {}) => {
    const api = await core.invoke('api.import', {
      tenant: 'acme.com',
      fileName: 'request-baskets.json',
      content,
      context,
    });
    await core.invoke('api.update', { id: api.id, patch: { name: context.slice(1), ...patch } });
    await moveTo(core, api.id, state!);
    return api.id;
  };

  return {
    open: await add('/open', 'published'),
    offeredAll: await add('/offered-all', 'published', {
      subscriptionAvailability: 'all-tenants',
    }),
    offeredGlobex: await add('/offered-globex', 'published', {
      subscriptionAvailability: 'specific-tenants',
      availableTenants: ['globex.io'],
    }),
    partner: await add('/partner', 'published', {
      visibility: 'restricted',
      visibleRoles: ['partner'],
    }),
    internalOrPartner: await add('/internal-or-partner', 'published', {
      visibility: 'restricted',
      visibleRoles: ['internal', 'partner'],
    }),
    private: await add('/private', 'published', { visibility: 'private' }),
    prototype: await add('/prototype', 'prototyped', { subscriptionAvailability: 'all-tenants' }),
    deprecated: await add('/deprecated', 'deprecated', {
      subscriptionAvailability: 'all-tenants',
    }),
    blocked: await add('/blocked', 'blocked'),
    draft: await add('/draft', 'created'),
    retired: await add('/retired', 'retired'),
    tierless: await add('/tierless', 'published', { tiers: [] }),
  };
}

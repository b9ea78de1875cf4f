// Reverting changes to a tenant's tiers, roles, members, applications and subscriptions.
// Each revert goes through the writer a person would use, so the same rules hold (a tier in
// use stays, a subscription must be allowed) and a refusal names what stands in the way.
import type { Tenant } from '../../../src-shared/model.js';
import { TierInput, TierPatch } from '../../../src-shared/tenancy.js';
import type { Db } from '../db/open.js';
import { conflict } from '../errors.js';
import { getApplication, removeApplication } from '../tenancy/applications.js';
import {
  addMember,
  addRole,
  findMember,
  listRoles,
  removeMember,
  removeRole,
  setMember,
} from '../tenancy/roles.js';
import { listSubscriptions, subscribe, unsubscribe } from '../tenancy/subscriptions.js';
import { addTier, deleteTier, getTier, updateTier } from '../tenancy/tiers.js';
import { listTiers } from '../workspace/tiers.js';
import { assertUnchanged, type Fields } from './compare.js';
import type { Revert } from './revert.js';

type Change = { tenant: Tenant; key: string; before: Fields; after: Fields };

const names = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export function revertTier(db: Db, action: string, c: Change): Revert {
  const { tenant, key } = c;
  if (action === 'delete') {
    if (listTiers(db, tenant.id).some((t) => t.name.toLowerCase() === key.toLowerCase())) {
      throw conflict(`${tenant.domain} has a tier named ${key} again`);
    }
    const tier = TierInput.parse(c.before) as Required<TierInput>;
    return { apply: () => addTier(db, tenant, tier) };
  }

  // The entry's key is the tier's name after the change, which is its name now.
  const current = getTier(db, tenant, key);
  assertUnchanged(`tier ${key} of ${tenant.domain}`, current, c.after);
  if (action === 'create') return { apply: () => deleteTier(db, tenant, key) };
  const patch = TierPatch.parse(c.before);
  return { apply: () => updateTier(db, tenant, key, patch) };
}

export function revertRole(db: Db, action: string, c: Change): Revert {
  const { tenant, key } = c;
  const role = listRoles(db, tenant.id).find((r) => r.name === key);

  if (action === 'create') {
    if (!role) throw conflict(`${tenant.domain} has no role ${key} any more`);
    if (role.members > 0) {
      throw conflict(`role ${key} of ${tenant.domain} is held by ${role.members} member(s) now`);
    }
    return { apply: () => removeRole(db, tenant, key) };
  }

  if (role) throw conflict(`${tenant.domain} has a role named ${key} again`);
  if (!Array.isArray(c.before.members)) {
    throw conflict(`the log of that removal does not say which members held role ${key}`);
  }
  const holders = names(c.before.members);
  for (const username of holders) {
    if (!findMember(db, tenant.id, username)) {
      throw conflict(
        `${username}, who held role ${key}, is no longer a member of ${tenant.domain}`,
      );
    }
  }
  return {
    apply: () => {
      addRole(db, tenant, key, String(c.before.description ?? ''));
      for (const username of holders) {
        const member = findMember(db, tenant.id, username)!;
        setMember(db, tenant, username, [...member.roles, key]);
      }
    },
  };
}

export function revertMember(db: Db, action: string, c: Change): Revert {
  const { tenant, key } = c;
  const member = findMember(db, tenant.id, key);

  if (action === 'delete') {
    if (member) throw conflict(`${tenant.domain} has a member ${key} again`);
    return { apply: () => addMember(db, tenant, key, names(c.before.roles)) };
  }

  if (!member) throw conflict(`${tenant.domain} has no member ${key} any more`);
  assertUnchanged(`member ${key} of ${tenant.domain}`, { ...member }, c.after);
  if (action === 'create') return { apply: () => removeMember(db, tenant, key) };
  return { apply: () => setMember(db, tenant, key, names(c.before.roles)) };
}

// Only an application's creation comes back: a rotation or a removal would need the earlier
// key, and keys are kept in clear nowhere, on purpose.
export function revertApplicationAdd(db: Db, c: Change): Revert {
  const app = getApplication(db, c.tenant, c.key);
  assertUnchanged(`application ${c.key} of ${c.tenant.domain}`, { ...app }, c.after);
  if (app.subscriptions > 0) {
    throw conflict(
      `application ${c.key} has ${app.subscriptions} subscription(s) since; remove those first`,
    );
  }
  return { apply: () => removeApplication(db, c.tenant, c.key) };
}

export function revertSubscription(db: Db, action: string, c: Change): Revert {
  const side = action === 'create' ? c.after : c.before;
  const application = String(side.application);
  const apiId = String(side.api);
  const app = getApplication(db, c.tenant, application);
  const current = listSubscriptions(db, { applicationId: app.id }).find((s) => s.apiId === apiId);

  if (action === 'delete') {
    if (current) throw conflict(`application ${application} is subscribed to ${apiId} again`);
    const tier = String(c.before.tier);
    return { apply: () => subscribe(db, c.tenant, { application, apiId, tier }) };
  }

  if (!current) throw conflict(`application ${application} has no subscription to ${apiId} now`);
  assertUnchanged(
    `the subscription of ${application} to ${apiId}`,
    { application, api: current.apiId, apiTenant: current.apiTenant, tier: current.tier },
    c.after,
  );
  return { apply: () => unsubscribe(db, c.tenant, { application, apiId }) };
}

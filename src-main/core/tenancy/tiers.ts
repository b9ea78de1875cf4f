// Creating, editing and removing a tenant's tiers. A tier in use stays: removing it would
// change what APIs offer and what subscribers pay for without anyone deciding so.
import type { Tenant, Tier } from '../../../src-shared/model.js';
import type { TierInput, TierPatch } from '../../../src-shared/tenancy.js';
import type { Db } from '../db/open.js';
import { conflict, notFound } from '../errors.js';
import { insertTier, listTiers } from '../workspace/tiers.js';
import { recordActivity } from './activity.js';
import { apisOfferingTier, nameSome, subscriptionsOnTier } from './usage.js';

function tierId(db: Db, tenant: Tenant, name: string): number {
  const row = db.prepare(`SELECT id FROM tiers WHERE tenant_id = ? AND name = ?`).get(
    tenant.id,
    name,
  ) as { id: number } | undefined;
  if (!row) throw notFound(`${tenant.domain} has no tier named ${name}`);
  return row.id;
}

export function getTier(db: Db, tenant: Tenant, name: string): Tier {
  tierId(db, tenant, name);
  return listTiers(db, tenant.id).find((t) => t.name === name)!;
}

function refuseTaken(db: Db, tenant: Tenant, name: string): void {
  // Tier names are compared without case: "gold" beside "Gold" only confuses subscribers.
  const taken = db
    .prepare(`SELECT name FROM tiers WHERE tenant_id = ? AND lower(name) = lower(?)`)
    .get(tenant.id, name) as { name: string } | undefined;
  if (taken) throw conflict(`${tenant.domain} already has a tier named ${taken.name}`);
}

export function addTier(db: Db, tenant: Tenant, input: Required<TierInput>): Tier {
  refuseTaken(db, tenant, input.name);

  db.transaction(() => {
    insertTier(db, tenant.id, input);
    recordActivity(db, {
      action: 'create',
      entity: 'tier',
      key: input.name,
      tenant: tenant.domain,
      summary: `added tier ${input.name}`,
      after: { ...input },
    });
  })();
  return getTier(db, tenant, input.name);
}

export function updateTier(db: Db, tenant: Tenant, name: string, patch: TierPatch): Tier {
  const before = getTier(db, tenant, name);
  const id = tierId(db, tenant, name);
  const next: Tier = {
    name: patch.name ?? before.name,
    rateLimit: patch.rateLimit === undefined ? before.rateLimit : patch.rateLimit,
    rateUnit: patch.rateUnit ?? before.rateUnit,
    quota: patch.quota === undefined ? before.quota : patch.quota,
    description: patch.description ?? before.description,
  };
  if (next.name.toLowerCase() !== before.name.toLowerCase()) refuseTaken(db, tenant, next.name);

  // Subscriptions and API offers point at the tier's id, so a rename carries them along.
  db.transaction(() => {
    db.prepare(
      `UPDATE tiers SET name = ?, rate_limit = ?, rate_unit = ?, quota = ?, description = ?
       WHERE id = ?`,
    ).run(next.name, next.rateLimit, next.rateUnit, next.quota, next.description, id);
    recordActivity(db, {
      action: 'update',
      entity: 'tier',
      key: next.name,
      tenant: tenant.domain,
      summary: `changed tier ${next.name}`,
      before: { ...before },
      after: { ...next },
    });
  })();
  return getTier(db, tenant, next.name);
}

export function deleteTier(db: Db, tenant: Tenant, name: string): void {
  const before = getTier(db, tenant, name);
  const id = tierId(db, tenant, name);

  const apis = apisOfferingTier(db, id);
  const subscriptions = subscriptionsOnTier(db, id);
  const uses = [
    apis.length ? `offered by ${nameSome(apis)}` : '',
    subscriptions.length ? `used by the subscriptions of ${nameSome(subscriptions)}` : '',
  ].filter(Boolean);
  if (uses.length > 0) {
    throw conflict(`tier ${name} of ${tenant.domain} is in use: ${uses.join('; ')}`);
  }

  db.transaction(() => {
    db.prepare(`DELETE FROM tiers WHERE id = ?`).run(id);
    recordActivity(db, {
      action: 'delete',
      entity: 'tier',
      key: name,
      tenant: tenant.domain,
      summary: `removed tier ${name}`,
      before: { ...before },
    });
  })();
}

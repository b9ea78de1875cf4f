// Subscription tiers of a tenant. Every new tenant starts with WSO2's familiar defaults.
import type { Tier } from '../../../src-shared/model.js';
import type { Db } from '../db/open.js';

export const DEFAULT_TIERS: readonly Tier[] = [
  { name: 'Bronze', rateLimit: 1000, rateUnit: 'minute', quota: null, description: 'Entry level' },
  { name: 'Silver', rateLimit: 2000, rateUnit: 'minute', quota: null, description: 'Standard' },
  { name: 'Gold', rateLimit: 5000, rateUnit: 'minute', quota: null, description: 'High volume' },
  { name: 'Unlimited', rateLimit: null, rateUnit: 'minute', quota: null, description: 'No limit' },
];

type TierRow = {
  name: string;
  rate_limit: number | null;
  rate_unit: Tier['rateUnit'];
  quota: number | null;
  description: string;
};

export function insertTier(db: Db, tenantId: number, t: Tier): void {
  db.prepare(
    `INSERT INTO tiers (tenant_id, name, rate_limit, rate_unit, quota, description)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(tenantId, t.name, t.rateLimit, t.rateUnit, t.quota, t.description);
}

export function createDefaultTiers(db: Db, tenantId: number): void {
  for (const t of DEFAULT_TIERS) insertTier(db, tenantId, t);
}

export function listTiers(db: Db, tenantId: number): Tier[] {
  const rows = db
    .prepare(`SELECT * FROM tiers WHERE tenant_id = ? ORDER BY coalesce(rate_limit, 1e18), name`)
    .all(tenantId) as TierRow[];
  return rows.map((r) => ({
    name: r.name,
    rateLimit: r.rate_limit,
    rateUnit: r.rate_unit,
    quota: r.quota,
    description: r.description,
  }));
}

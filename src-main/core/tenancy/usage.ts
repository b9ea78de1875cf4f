// What uses a role, a tier or an API: asked before removing one, so the refusal can name
// every user instead of letting a cascade take them along silently.
import type { Db } from '../db/open.js';

// "Maps and Tiles v1, Shipping Labels v1 and 3 more"
export function nameSome(names: string[], max = 5): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

export function apisRestrictedTo(db: Db, roleId: number): string[] {
  const rows = db
    .prepare(
      `SELECT a.name || ' ' || a.version AS label FROM api_roles ar
       JOIN apis a ON a.id = ar.api_id WHERE ar.role_id = ? ORDER BY a.name, a.version`,
    )
    .all(roleId) as { label: string }[];
  return rows.map((r) => r.label);
}

export function apisOfferingTier(db: Db, tierId: number): string[] {
  const rows = db
    .prepare(
      `SELECT a.name || ' ' || a.version AS label FROM api_tiers at
       JOIN apis a ON a.id = at.api_id WHERE at.tier_id = ? ORDER BY a.name, a.version`,
    )
    .all(tierId) as { label: string }[];
  return rows.map((r) => r.label);
}

// "app-name (tenant) → API version"
export function subscriptionsOnTier(db: Db, tierId: number): string[] {
  const rows = db
    .prepare(
      `SELECT ap.name || ' (' || t.domain || ') to ' || a.name || ' ' || a.version AS label
       FROM subscriptions s JOIN applications ap ON ap.id = s.application_id
       JOIN tenants t ON t.id = ap.tenant_id JOIN apis a ON a.id = s.api_id
       WHERE s.tier_id = ? ORDER BY t.domain, ap.name`,
    )
    .all(tierId) as { label: string }[];
  return rows.map((r) => r.label);
}

export function subscribersOf(db: Db, apiId: string): string[] {
  const rows = db
    .prepare(
      `SELECT ap.name || ' (' || t.domain || ')' AS label
       FROM subscriptions s JOIN applications ap ON ap.id = s.application_id
       JOIN tenants t ON t.id = ap.tenant_id WHERE s.api_id = ? ORDER BY t.domain, ap.name`,
    )
    .all(apiId) as { label: string }[];
  return rows.map((r) => r.label);
}

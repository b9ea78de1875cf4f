// Where a tenant's APIs answer: every gateway that serves the tenant, has been published to
// (it holds a revision) and listens on a known address. Shown as text on API pages, never as
// links, so a storefront opened anywhere fetches nothing from those hosts.
import type { Db } from '../db/open.js';

export type Endpoint = { gateway: string; environment: string; origin: string };

export function publishedEndpoints(db: Db, tenantId: number): Endpoint[] {
  const rows = db
    .prepare(
      `SELECT g.name, g.environment, g.listen FROM gateways g
       JOIN gateway_tenants gt ON gt.gateway_id = g.id AND gt.tenant_id = ?
       WHERE g.listen IS NOT NULL AND EXISTS (SELECT 1 FROM revisions r WHERE r.gateway_id = g.id)
       ORDER BY g.environment, g.name`,
    )
    .all(tenantId) as { name: string; environment: string; listen: string }[];
  return rows.map((r) => ({ gateway: r.name, environment: r.environment,
    origin: originOf(r.listen) }));
}

// ":8080" listens on every address; a visitor on this machine reaches it as localhost.
function originOf(listen: string): string {
  return `http://${listen.startsWith(':') ? `localhost${listen}` : listen}`;
}

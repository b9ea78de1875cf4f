// Gateways Marquee publishes to, and which tenants each serves.
import type { Gateway } from '../../../src-shared/model.js';
import { conflict, notFound } from '../errors.js';
import type { Db } from '../db/open.js';
import { now } from './time.js';
import { getTenant } from './tenants.js';
import { recordActivity } from '../tenancy/activity.js';
import { gatewaySnapshot } from '../tenancy/snapshots.js';

type GatewayRow = {
  id: number;
  name: string;
  kind: Gateway['kind'];
  admin_url: string;
  listen: string | null;
  environment: string;
  created_at: string;
};

function toGateway(db: Db, r: GatewayRow): Gateway {
  const tenants = db
    .prepare(
      `SELECT t.domain FROM gateway_tenants gt JOIN tenants t ON t.id = gt.tenant_id
       WHERE gt.gateway_id = ? ORDER BY t.domain`,
    )
    .all(r.id) as { domain: string }[];
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    adminUrl: r.admin_url,
    listen: r.listen,
    environment: r.environment,
    tenants: tenants.map((t) => t.domain),
    createdAt: r.created_at,
  };
}

export function listGateways(db: Db): Gateway[] {
  const rows = db.prepare(`SELECT * FROM gateways ORDER BY name`).all() as GatewayRow[];
  return rows.map((r) => toGateway(db, r));
}

export function getGateway(db: Db, name: string): Gateway {
  const row = db.prepare(`SELECT * FROM gateways WHERE name = ?`).get(name) as
    | GatewayRow
    | undefined;
  if (!row) throw notFound(`no gateway named ${name}`);
  return toGateway(db, row);
}

export function addGateway(
  db: Db,
  g: {
    name: string;
    kind: Gateway['kind'];
    adminUrl: string;
    listen?: string;
    environment: string;
    tenants: string[];
    token?: string;
    concurrency?: number;
    restoreOnFailure?: boolean;
    edition?: 'oss' | 'enterprise';
  },
): Gateway {
  if (db.prepare(`SELECT 1 FROM gateways WHERE name = ?`).get(g.name)) {
    throw conflict(`a gateway named ${g.name} already exists`);
  }
  const tenantIds = g.tenants.map((d) => getTenant(db, d).id);
  const settings = {
    concurrency: g.concurrency,
    restoreOnFailure: g.restoreOnFailure,
    edition: g.edition,
  };

  db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO gateways (name, kind, admin_url, listen, environment, created_at,
           credentials, settings_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        g.name,
        g.kind,
        g.adminUrl.replace(/\/+$/, ''),
        g.listen ?? null,
        g.environment,
        now(),
        g.token ?? null,
        JSON.stringify(settings),
      );
    const link = db.prepare(`INSERT INTO gateway_tenants (gateway_id, tenant_id) VALUES (?, ?)`);
    for (const id of tenantIds) link.run(Number(lastInsertRowid), id);
    recordActivity(db, {
      action: 'create',
      entity: 'gateway',
      key: g.name,
      tenant: null,
      summary: `added gateway ${g.name}`,
      after: gatewaySnapshot(getGateway(db, g.name)),
    });
  })();
  return getGateway(db, g.name);
}

export function removeGateway(db: Db, name: string): void {
  const g = getGateway(db, name);
  db.transaction(() => {
    db.prepare(`DELETE FROM gateways WHERE id = ?`).run(g.id);
    recordActivity(db, {
      action: 'delete',
      entity: 'gateway',
      key: g.name,
      tenant: null,
      summary: `removed gateway ${g.name}`,
      before: gatewaySnapshot(g),
    });
  })();
}

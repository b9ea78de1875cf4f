// Subscriptions: an application of one tenant subscribing to an API (of its own tenant or,
// when offered, of another) at one of the tiers the API offers. Whether it may is decided by
// the same rule that decides what storefronts show (access.ts).
import type { ApiSummary, Tenant } from '../../../src-shared/model.js';
import type { Subscription } from '../../../src-shared/tenancy.js';
import type { Db } from '../db/open.js';
import { badInput, conflict, notFound } from '../errors.js';
import { getApi } from '../workspace/apis.js';
import { now } from '../workspace/time.js';
import { decideAccess, type Viewer } from './access.js';
import { recordActivity } from './activity.js';
import { getApplication } from './applications.js';
import { findMember } from './roles.js';
import { apiLabel } from './snapshots.js';

type SubscriptionRow = {
  id: number;
  application: string;
  application_tenant: string;
  api_id: string;
  api_name: string;
  api_version: string;
  api_tenant: string;
  tier: string;
  created_at: string;
};

const SELECT = `
  SELECT s.id, ap.name AS application, apt.domain AS application_tenant, a.id AS api_id,
    a.name AS api_name, a.version AS api_version, t.domain AS api_tenant, ti.name AS tier,
    s.created_at
  FROM subscriptions s
  JOIN applications ap ON ap.id = s.application_id
  JOIN tenants apt ON apt.id = ap.tenant_id
  JOIN apis a ON a.id = s.api_id
  JOIN tenants t ON t.id = a.tenant_id
  JOIN tiers ti ON ti.id = s.tier_id`;

const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  application: r.application,
  applicationTenant: r.application_tenant,
  apiId: r.api_id,
  apiName: r.api_name,
  apiVersion: r.api_version,
  apiTenant: r.api_tenant,
  tier: r.tier,
  createdAt: r.created_at,
});

// Subscriptions of one tenant's applications, or of one application, or every one.
export function listSubscriptions(
  db: Db,
  opts: { tenantId?: number; applicationId?: number } = {},
): Subscription[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (opts.tenantId !== undefined) {
    where.push('ap.tenant_id = ?');
    params.push(opts.tenantId);
  }
  if (opts.applicationId !== undefined) {
    where.push('ap.id = ?');
    params.push(opts.applicationId);
  }
  const sql = `${SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY apt.domain, ap.name, t.domain, a.name, a.version`;
  return (db.prepare(sql).all(...params) as SubscriptionRow[]).map(toSubscription);
}

// An application acts for its owner: a member of its tenant with the owner's roles, or a
// plain member when it has no owner. In another tenant it is simply a user of its own.
function viewerForApplication(db: Db, tenant: Tenant, owner: string | null, api: ApiSummary) {
  if (tenant.domain !== api.tenant) return { tenant: tenant.domain, roles: [] } as Viewer;
  const member = owner ? findMember(db, tenant.id, owner) : null;
  return { tenant: tenant.domain, roles: member?.roles ?? [] } as Viewer;
}

export function subscribe(
  db: Db,
  tenant: Tenant,
  input: { application: string; apiId: string; tier: string },
): Subscription {
  const app = getApplication(db, tenant, input.application);
  const api = getApi(db, input.apiId);

  const decision = decideAccess(api, viewerForApplication(db, tenant, app.owner, api));
  if (!decision.canSubscribe) {
    throw conflict(
      `application ${app.name} of ${tenant.domain} cannot subscribe to ${apiLabel(api)} of ` +
        `${api.tenant}: ${decision.rule}`,
    );
  }
  if (!api.tiers.includes(input.tier)) {
    throw badInput(
      `tier: ${apiLabel(api)} offers ${api.tiers.join(', ')}; it has no tier ${input.tier}`,
    );
  }
  if (db.prepare(`SELECT 1 FROM subscriptions WHERE application_id = ? AND api_id = ?`)
    .get(app.id, api.id)) {
    throw conflict(`application ${app.name} is already subscribed to ${apiLabel(api)}`);
  }

  const tierId = (db
    .prepare(`SELECT ti.id FROM tiers ti JOIN tenants t ON t.id = ti.tenant_id
              WHERE t.domain = ? AND ti.name = ?`)
    .get(api.tenant, input.tier) as { id: number }).id;
  let id = 0;
  db.transaction(() => {
    id = Number(
      db.prepare(
        `INSERT INTO subscriptions (application_id, api_id, tier_id, created_at)
         VALUES (?, ?, ?, ?)`,
      ).run(app.id, api.id, tierId, now()).lastInsertRowid,
    );
    recordActivity(db, {
      action: 'create',
      entity: 'subscription',
      key: `${app.name}→${api.id}`,
      tenant: tenant.domain,
      summary: `subscribed ${app.name} to ${apiLabel(api)} of ${api.tenant} at ${input.tier}`,
      after: { application: app.name, api: api.id, apiTenant: api.tenant, tier: input.tier },
    });
  })();
  return toSubscription(db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SubscriptionRow);
}

export function unsubscribe(
  db: Db,
  tenant: Tenant,
  input: { application: string; apiId: string },
): void {
  const app = getApplication(db, tenant, input.application);
  const row = db
    .prepare(`${SELECT} WHERE s.application_id = ? AND s.api_id = ?`)
    .get(app.id, input.apiId) as SubscriptionRow | undefined;
  if (!row) throw notFound(`application ${app.name} has no subscription to ${input.apiId}`);

  db.transaction(() => {
    db.prepare(`DELETE FROM subscriptions WHERE id = ?`).run(row.id);
    recordActivity(db, {
      action: 'delete',
      entity: 'subscription',
      key: `${app.name}→${row.api_id}`,
      tenant: tenant.domain,
      summary: `removed the subscription of ${app.name} to ${row.api_name} ${row.api_version}`,
      before: { application: app.name, api: row.api_id, apiTenant: row.api_tenant, tier: row.tier },
    });
  })();
}

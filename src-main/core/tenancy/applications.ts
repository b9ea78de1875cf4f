// Applications of a tenant and their API keys. Marquee generates each key, seals it with the
// workspace's SecretBox before it reaches SQLite, and hands it out in clear exactly once: in
// the answer to the call that created or rotated it. Logs, the activity log and errors only
// ever carry the key's hint.
import { randomBytes } from 'node:crypto';
import type { Tenant } from '../../../src-shared/model.js';
import type { Application, IssuedKey } from '../../../src-shared/tenancy.js';
import type { Db } from '../db/open.js';
import { badInput, conflict, notFound } from '../errors.js';
import { logger } from '../log.js';
import { now } from '../workspace/time.js';
import { recordActivity } from './activity.js';
import { findMember } from './roles.js';
import type { SecretBox } from './secrets.js';

const log = logger('tenancy');

// 32 random bytes: as strong as the AES key sealing it.
export const newApiKey = (): string => `mqk_${randomBytes(32).toString('base64url')}`;

const hintOf = (key: string): string => `mqk_…${key.slice(-4)}`;

type AppRow = {
  id: number;
  domain: string;
  name: string;
  description: string;
  owner: string | null;
  key_hint: string;
  key_created_at: string;
  created_at: string;
  subscriptions: number;
};

// Never selects key_sealed: nothing but openApplicationKey needs it.
const SELECT = `
  SELECT ap.id, t.domain, ap.name, ap.description, ap.owner, ap.key_hint, ap.key_created_at,
    ap.created_at,
    (SELECT count(*) FROM subscriptions s WHERE s.application_id = ap.id) AS subscriptions
  FROM applications ap JOIN tenants t ON t.id = ap.tenant_id`;

const toApplication = (r: AppRow): Application => ({
  id: r.id,
  tenant: r.domain,
  name: r.name,
  description: r.description,
  owner: r.owner,
  keyHint: r.key_hint,
  keyCreatedAt: r.key_created_at,
  subscriptions: r.subscriptions,
  createdAt: r.created_at,
});

const snapshot = (a: Application) => ({
  name: a.name,
  description: a.description,
  owner: a.owner,
  keyHint: a.keyHint,
});

export function listApplications(db: Db, tenantId?: number): Application[] {
  const rows = (
    tenantId === undefined
      ? db.prepare(`${SELECT} ORDER BY t.domain, ap.name`).all()
      : db.prepare(`${SELECT} WHERE ap.tenant_id = ? ORDER BY ap.name`).all(tenantId)
  ) as AppRow[];
  return rows.map(toApplication);
}

export function getApplication(db: Db, tenant: Tenant, name: string): Application {
  const row = db.prepare(`${SELECT} WHERE ap.tenant_id = ? AND ap.name = ?`).get(
    tenant.id,
    name,
  ) as AppRow | undefined;
  if (!row) throw notFound(`${tenant.domain} has no application named ${name}`);
  return toApplication(row);
}

// The tenants holding an application of this name, for commands that leave the tenant out.
export function tenantsWithApplication(db: Db, name: string): string[] {
  const rows = db
    .prepare(
      `SELECT t.domain FROM applications ap JOIN tenants t ON t.id = ap.tenant_id
       WHERE ap.name = ? ORDER BY t.domain`,
    )
    .all(name) as { domain: string }[];
  return rows.map((r) => r.domain);
}

export function addApplication(
  db: Db,
  box: SecretBox,
  tenant: Tenant,
  input: { name: string; description?: string; owner?: string },
): IssuedKey {
  if (db.prepare(`SELECT 1 FROM applications WHERE tenant_id = ? AND name = ?`)
    .get(tenant.id, input.name)) {
    throw conflict(`${tenant.domain} already has an application named ${input.name}`);
  }
  if (input.owner && !findMember(db, tenant.id, input.owner)) {
    throw badInput(`owner: ${tenant.domain} has no member ${input.owner}`);
  }

  const apiKey = newApiKey();
  const sealed = box.seal(apiKey);
  const stamp = now();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO applications (tenant_id, name, description, owner, key_sealed, key_hint,
         key_created_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      tenant.id,
      input.name,
      input.description ?? '',
      input.owner ?? null,
      sealed,
      hintOf(apiKey),
      stamp,
      stamp,
    );
    const app = getApplication(db, tenant, input.name);
    recordActivity(db, {
      action: 'create',
      entity: 'application',
      key: input.name,
      tenant: tenant.domain,
      summary: `added application ${input.name} with key ${app.keyHint}`,
      after: snapshot(app),
    });
  })();

  const application = getApplication(db, tenant, input.name);
  log.info({ tenant: tenant.domain, application: input.name, keyHint: application.keyHint },
    'issued an application key');
  return { application, apiKey };
}

// The old key stops being the application's at once; there is no grace period yet.
export function rotateApplicationKey(
  db: Db,
  box: SecretBox,
  tenant: Tenant,
  name: string,
): IssuedKey {
  const before = getApplication(db, tenant, name);
  const apiKey = newApiKey();
  const sealed = box.seal(apiKey);

  db.transaction(() => {
    db.prepare(
      `UPDATE applications SET key_sealed = ?, key_hint = ?, key_created_at = ? WHERE id = ?`,
    ).run(sealed, hintOf(apiKey), now(), before.id);
    recordActivity(db, {
      action: 'update',
      entity: 'application',
      key: name,
      tenant: tenant.domain,
      summary: `rotated the key of application ${name}`,
      before: snapshot(before),
      after: snapshot(getApplication(db, tenant, name)),
    });
  })();

  const application = getApplication(db, tenant, name);
  log.info({ tenant: tenant.domain, application: name, keyHint: application.keyHint },
    'rotated an application key');
  return { application, apiKey };
}

export function removeApplication(db: Db, tenant: Tenant, name: string): void {
  const before = getApplication(db, tenant, name);
  db.transaction(() => {
    // Its subscriptions go with it: they mean nothing without the application's key.
    db.prepare(`DELETE FROM applications WHERE id = ?`).run(before.id);
    recordActivity(db, {
      action: 'delete',
      entity: 'application',
      key: name,
      tenant: tenant.domain,
      summary: `removed application ${name} and its ${before.subscriptions} subscription(s)`,
      before: snapshot(before),
    });
  })();
}

// The key in clear, for a publisher that must hand it to a gateway (Kong key-auth
// credentials, for one). Not part of the contract: no shell can ask for a stored key.
export function openApplicationKey(db: Db, box: SecretBox, tenant: Tenant, name: string): string {
  const app = getApplication(db, tenant, name);
  const row = db.prepare(`SELECT key_sealed FROM applications WHERE id = ?`).get(app.id) as {
    key_sealed: string;
  };
  return box.open(row.key_sealed);
}

// APIs of a tenant: the definition text exactly as imported, and what is derived from it.
import type { ApiDetail, ApiPatch, ApiSummary, Operation } from '../../../src-shared/model.js';
import { badInput, conflict, notFound } from '../errors.js';
import type { Db } from '../db/open.js';
import { contextFromName, extractFacts, versionSegment } from '../openapi/extract.js';
import type { ParsedDefinition } from '../openapi/parse.js';
import { recordActivity } from '../tenancy/activity.js';
import {
  DEFAULT_AUDIENCE,
  nextAudience,
  touchesAudience,
  writeAudience,
} from '../tenancy/api-audience.js';
import { assertTransition, recordTransition } from '../tenancy/lifecycle.js';
import { apiLabel, apiSnapshot } from '../tenancy/snapshots.js';
import { nameSome, subscribersOf } from '../tenancy/usage.js';
import { newApiId } from './ids.js';
import { now } from './time.js';

type ApiRow = {
  id: string;
  tenant_id: number;
  domain: string;
  name: string;
  version: string;
  context: string;
  description: string;
  backend_production: string | null;
  backend_sandbox: string | null;
  lifecycle: ApiSummary['lifecycle'];
  visibility: ApiSummary['visibility'];
  tags_json: string;
  openapi_version: string;
  definition_format: 'json' | 'yaml';
  source: string;
  updated_at: string;
  operation_count: number;
  tier_names: string | null;
  subscription_availability: ApiSummary['subscriptionAvailability'];
  role_names: string | null;
  offered_domains: string | null;
};

const COLUMNS = `
    a.id, a.tenant_id, t.domain, a.name, a.version, a.context, a.description,
    a.backend_production, a.backend_sandbox, a.lifecycle, a.visibility, a.tags_json,
    a.openapi_version, a.definition_format, a.source, a.updated_at, a.subscription_availability,
    (SELECT count(*) FROM operations o WHERE o.api_id = a.id) AS operation_count`;

const FROM = `FROM apis a JOIN tenants t ON t.id = a.tenant_id`;

// One API: its names come from subqueries. Lists read them in sets (see withNames).
const SELECT = `
  SELECT ${COLUMNS},
    (SELECT group_concat(name, char(31)) FROM (
       SELECT ti.name FROM api_tiers at JOIN tiers ti ON ti.id = at.tier_id
       WHERE at.api_id = a.id ORDER BY coalesce(ti.rate_limit, 1e18), ti.name)) AS tier_names,
    (SELECT group_concat(name, char(31)) FROM (
       SELECT r.name FROM api_roles ar JOIN roles r ON r.id = ar.role_id
       WHERE ar.api_id = a.id ORDER BY r.name)) AS role_names,
    (SELECT group_concat(domain, char(31)) FROM (
       SELECT domain FROM api_available_tenants WHERE api_id = a.id ORDER BY domain))
      AS offered_domains
  ${FROM}`;

const LIST_SELECT = `
  SELECT ${COLUMNS}, NULL AS tier_names, NULL AS role_names, NULL AS offered_domains
  ${FROM}`;

function toSummary(r: ApiRow): ApiSummary {
  return {
    id: r.id,
    tenant: r.domain,
    name: r.name,
    version: r.version,
    context: r.context,
    description: r.description,
    backendProduction: r.backend_production,
    backendSandbox: r.backend_sandbox,
    lifecycle: r.lifecycle,
    visibility: r.visibility,
    visibleRoles: r.role_names ? r.role_names.split('\u001f') : [],
    subscriptionAvailability: r.subscription_availability,
    availableTenants: r.offered_domains ? r.offered_domains.split('\u001f') : [],
    tags: JSON.parse(r.tags_json) as string[],
    tiers: r.tier_names ? r.tier_names.split('\u001f') : [],
    operationCount: r.operation_count,
    openapiVersion: r.openapi_version,
    source: r.source,
    updatedAt: r.updated_at,
  };
}

// A person's search text as an FTS5 query: every word must match as a prefix. Words are
// quoted, so FTS syntax in the text (NEAR, *, ^, quotes) is taken literally.
export function searchQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.slice(0, 12).map((w) => `"${w}"*`).join(' ');
}

export function listApis(db: Db, opts: { tenantId?: number; query?: string } = {}): ApiSummary[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (opts.tenantId !== undefined) {
    where.push('a.tenant_id = ?');
    params.push(opts.tenantId);
  }

  const match = opts.query ? searchQuery(opts.query) : null;
  if (opts.query?.trim() && !match) return [];
  if (match) {
    where.push('a.rowid IN (SELECT rowid FROM api_search WHERE api_search MATCH ?)');
    params.push(match);
  }

  const sql = `${LIST_SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY t.domain, a.name, a.version`;
  const rows = db.prepare(sql).all(...params) as ApiRow[];
  return withNames(db, rows).map(toSummary);
}

// Lists read the names beside each API (tiers, roles, offered tenants) in three set queries
// over the matched ids instead of three subqueries per row: a broad search matching 1,500
// APIs then costs three index scans, not 4,500 small queries.
const NAMES = {
  tier_names: `SELECT at.api_id AS id, ti.name AS name FROM api_tiers at
    JOIN tiers ti ON ti.id = at.tier_id WHERE at.api_id IN (SELECT value FROM json_each(?))
    ORDER BY coalesce(ti.rate_limit, 1e18), ti.name`,
  role_names: `SELECT ar.api_id AS id, r.name AS name FROM api_roles ar
    JOIN roles r ON r.id = ar.role_id WHERE ar.api_id IN (SELECT value FROM json_each(?))
    ORDER BY r.name`,
  offered_domains: `SELECT api_id AS id, domain AS name FROM api_available_tenants
    WHERE api_id IN (SELECT value FROM json_each(?)) ORDER BY domain`,
} as const;

function withNames(db: Db, rows: ApiRow[]): ApiRow[] {
  if (rows.length === 0) return rows;
  const ids = JSON.stringify(rows.map((r) => r.id));
  const byId = new Map(rows.map((r) => [r.id, r]));

  for (const [column, sql] of Object.entries(NAMES) as [keyof typeof NAMES, string][]) {
    const grouped = new Map<string, string[]>();
    for (const { id, name } of db.prepare(sql).all(ids) as { id: string; name: string }[]) {
      const list = grouped.get(id);
      if (list) list.push(name);
      else grouped.set(id, [name]);
    }
    for (const [id, names] of grouped) byId.get(id)![column] = names.join('\u001f');
  }
  return rows;
}

// Keeps the API's row in the catalog search index in step with the API.
function indexApi(db: Db, id: string): void {
  const row = db.prepare(`SELECT rowid AS r FROM apis WHERE id = ?`).get(id) as { r: number };
  db.prepare(`DELETE FROM api_search WHERE rowid = ?`).run(row.r);
  db.prepare(
    `INSERT INTO api_search (rowid, name, context, tags, description, operations)
     SELECT a.rowid, a.name, a.context, a.tags_json, a.description,
       coalesce((SELECT group_concat(o.method || ' ' || o.path || ' ' || o.summary, char(10))
                 FROM operations o WHERE o.api_id = a.id), '')
     FROM apis a WHERE a.id = ?`,
  ).run(id);
}

export function listOperations(db: Db, apiId: string): Operation[] {
  const rows = db
    .prepare(`SELECT * FROM operations WHERE api_id = ? ORDER BY ordinal`)
    .all(apiId) as {
    method: string;
    path: string;
    operation_id: string | null;
    summary: string;
    tags_json: string;
    deprecated: number;
  }[];
  return rows.map((r) => ({
    method: r.method,
    path: r.path,
    operationId: r.operation_id,
    summary: r.summary,
    tags: JSON.parse(r.tags_json) as string[],
    deprecated: r.deprecated === 1,
  }));
}

function getRow(db: Db, id: string): ApiRow {
  const row = db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as ApiRow | undefined;
  if (!row) throw notFound(`no API with id ${id}`);
  return row;
}

export function getApi(db: Db, id: string): ApiDetail {
  const row = getRow(db, id);
  return {
    ...toSummary(row),
    definitionFormat: row.definition_format,
    operations: listOperations(db, id),
  };
}

export function getDefinition(db: Db, id: string): { format: 'json' | 'yaml'; text: string } {
  const row = db
    .prepare(
      `SELECT a.definition_format AS format, d.text AS text
       FROM apis a JOIN api_definitions d ON d.api_id = a.id WHERE a.id = ?`,
    )
    .get(id) as { format: 'json' | 'yaml'; text: string } | undefined;
  if (!row) throw notFound(`no API with id ${id}`);
  return row;
}

function contextTaken(db: Db, tenantId: number, context: string, version: string, except = '') {
  return (
    db
      .prepare(`SELECT 1 FROM apis WHERE tenant_id = ? AND context = ? AND version = ? AND id != ?`)
      .get(tenantId, context, version, except) !== undefined
  );
}

function insertOperations(db: Db, apiId: string, ops: Operation[]): void {
  const insert = db.prepare(
    `INSERT INTO operations (api_id, ordinal, method, path, operation_id, summary, tags_json,
       deprecated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  ops.forEach((o, i) =>
    insert.run(apiId, i, o.method, o.path, o.operationId, o.summary, JSON.stringify(o.tags),
      o.deprecated ? 1 : 0),
  );
}

export type NewApi = {
  tenantId: number;
  fileName: string;
  text: string;
  parsed: ParsedDefinition;
  context?: string;
  version?: string;
  backend?: string;
  // Set by bundle import and the demo, which carry these decisions along with the API.
  id?: string;
  lifecycle?: ApiSummary['lifecycle'];
  visibility?: ApiSummary['visibility'];
  tiers?: string[];
  name?: string;
  tags?: string[];
  description?: string;
  backendSandbox?: string | null;
  visibleRoles?: string[];
  subscriptionAvailability?: ApiSummary['subscriptionAvailability'];
  availableTenants?: string[];
};

export function insertApi(db: Db, a: NewApi): string {
  const facts = extractFacts(a.parsed.document);
  const version = a.version ?? versionSegment(facts.version);

  let context = a.context ?? contextFromName(facts.name);
  if (contextTaken(db, a.tenantId, context, version)) {
    if (a.context) {
      throw conflict(`context ${context} version ${version} is already used in this tenant`);
    }
    let n = 2;
    while (contextTaken(db, a.tenantId, `${context}-${n}`, version)) n++;
    context = `${context}-${n}`;
  }

  const domain = (db.prepare(`SELECT domain FROM tenants WHERE id = ?`).get(a.tenantId) as {
    domain: string;
  }).domain;
  const audience = nextAudience(
    db,
    { tenantId: a.tenantId, domain },
    { ...DEFAULT_AUDIENCE, visibility: a.visibility ?? 'public' },
    {
      visibleRoles: a.visibleRoles,
      subscriptionAvailability: a.subscriptionAvailability,
      availableTenants: a.availableTenants,
    },
    false,
  );

  const id = a.id ?? newApiId();
  const stamp = now();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO apis (id, tenant_id, name, version, context, description, backend_production,
         backend_sandbox, lifecycle, visibility, tags_json, openapi_version, definition_format,
         source, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      a.tenantId,
      a.name ?? facts.name,
      version,
      context,
      a.description ?? facts.description,
      a.backend ?? facts.server,
      a.backendSandbox ?? null,
      a.lifecycle ?? 'created',
      a.visibility ?? 'public',
      JSON.stringify(a.tags ?? facts.tags),
      a.parsed.openapiVersion,
      a.parsed.format,
      a.fileName,
      stamp,
      stamp,
    );
    db.prepare(`INSERT INTO api_definitions (api_id, text) VALUES (?, ?)`).run(id, a.text);
    insertOperations(db, id, facts.operations);
    setApiTiers(db, id, a.tenantId, a.tiers ?? ['Bronze', 'Silver', 'Gold', 'Unlimited']);
    writeAudience(db, id, a.tenantId, audience);
    indexApi(db, id);

    const created = toSummary(getRow(db, id));
    recordTransition(db, id, null, created.lifecycle);
    recordActivity(db, {
      action: 'create',
      entity: 'api',
      key: id,
      tenant: domain,
      summary: `added API ${apiLabel(created)}`,
      after: apiSnapshot(created),
    });
  })();
  return id;
}

function setApiTiers(db: Db, apiId: string, tenantId: number, names: string[]): void {
  db.prepare(`DELETE FROM api_tiers WHERE api_id = ?`).run(apiId);
  const find = db.prepare(`SELECT id FROM tiers WHERE tenant_id = ? AND name = ?`);
  const insert = db.prepare(`INSERT OR IGNORE INTO api_tiers (api_id, tier_id) VALUES (?, ?)`);
  for (const name of names) {
    const tier = find.get(tenantId, name) as { id: number } | undefined;
    if (!tier) throw badInput(`tiers: this tenant has no tier named ${name}`);
    insert.run(apiId, tier.id);
  }
}

export function updateApi(db: Db, id: string, patch: ApiPatch): ApiDetail {
  const row = getRow(db, id);
  const next = {
    name: patch.name ?? row.name,
    version: patch.version ?? row.version,
    context: patch.context ?? row.context,
    description: patch.description ?? row.description,
    backendProduction:
      patch.backendProduction === undefined ? row.backend_production : patch.backendProduction,
    backendSandbox: patch.backendSandbox === undefined ? row.backend_sandbox : patch.backendSandbox,
    lifecycle: patch.lifecycle ?? row.lifecycle,
    visibility: patch.visibility ?? row.visibility,
    tags: patch.tags ?? (JSON.parse(row.tags_json) as string[]),
  };
  if (contextTaken(db, row.tenant_id, next.context, next.version, id)) {
    throw conflict(
      `context ${next.context} version ${next.version} is already used by another API ` +
        `of ${row.domain}`,
    );
  }
  const before = toSummary(row);
  assertTransition(apiLabel(before), row.lifecycle, next.lifecycle);
  const audience = touchesAudience(patch)
    ? nextAudience(db, { tenantId: row.tenant_id, domain: row.domain }, before, patch)
    : null;

  db.transaction(() => {
    db.prepare(
      `UPDATE apis SET name = ?, version = ?, context = ?, description = ?,
         backend_production = ?, backend_sandbox = ?, lifecycle = ?, visibility = ?,
         tags_json = ?, updated_at = ? WHERE id = ?`,
    ).run(
      next.name,
      next.version,
      next.context,
      next.description,
      next.backendProduction,
      next.backendSandbox,
      next.lifecycle,
      next.visibility,
      JSON.stringify(next.tags),
      now(),
      id,
    );
    if (patch.tiers) setApiTiers(db, id, row.tenant_id, patch.tiers);
    if (audience) writeAudience(db, id, row.tenant_id, audience);
    indexApi(db, id);

    recordTransition(db, id, row.lifecycle, next.lifecycle);
    const after = toSummary(getRow(db, id));
    recordActivity(db, {
      action: 'update',
      entity: 'api',
      key: id,
      tenant: row.domain,
      summary: `changed API ${apiLabel(after)}`,
      before: apiSnapshot(before),
      after: apiSnapshot(after),
    });
  })();
  return getApi(db, id);
}

export function deleteApi(db: Db, id: string): void {
  const before = toSummary(getRow(db, id));
  // As in WSO2, an API with subscriptions stays until they are removed: deleting it would
  // silently cut off those applications.
  const subscribers = subscribersOf(db, id);
  if (subscribers.length > 0) {
    throw conflict(
      `API ${apiLabel(before)} has subscriptions from ${nameSome(subscribers)}; ` +
        'remove them first',
    );
  }

  db.transaction(() => {
    db.prepare(`DELETE FROM apis WHERE id = ?`).run(id);
    recordActivity(db, {
      action: 'delete',
      entity: 'api',
      key: id,
      tenant: before.tenant,
      summary: `removed API ${apiLabel(before)}`,
      before: apiSnapshot(before),
    });
  })();
}

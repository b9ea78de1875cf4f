// The activity log: every change to the workspace with what changed, when, and the values
// before and after. Writers call recordActivity inside the transaction of the change itself,
// so the log never claims a change that was rolled back nor misses one that stayed.
import type { Activity } from '../../../src-shared/tenancy.js';
import type { Db } from '../db/open.js';
import { currentBatch } from '../undo/batch.js';
import { now } from '../workspace/time.js';

export type ActivityEntry = {
  action: Activity['action'];
  entity: Activity['entity'];
  key: string;
  tenant: string | null;
  summary: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  // Set by undo: the id of the entry this change took back.
  undoes?: number;
};

// Long texts (API descriptions, custom CSS) are cut: the log says that they changed and how
// they began, and the workspace holds the full text.
const MAX_TEXT = 2000;

export function clip(value: unknown): unknown {
  if (typeof value === 'string' && value.length > MAX_TEXT) {
    return `${value.slice(0, MAX_TEXT)}… (${value.length} characters)`;
  }
  if (Array.isArray(value)) return value.map(clip);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clip(v)]));
  }
  return value;
}

// For an update only the fields that changed are kept, on both sides.
function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): [Record<string, unknown>, Record<string, unknown>] {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return [b, a];
}

export function recordActivity(db: Db, e: ActivityEntry): void {
  let before = e.before ?? null;
  let after = e.after ?? null;
  if (e.action === 'update' && before && after) {
    [before, after] = changedFields(before, after);
    // An update that changed nothing is no activity.
    if (Object.keys(after).length === 0) return;
  }

  db.prepare(
    `INSERT INTO activity (at, action, entity, entity_key, tenant, summary, before_json,
       after_json, undoes, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    now(),
    e.action,
    e.entity,
    e.key,
    e.tenant,
    e.summary,
    before === null ? null : JSON.stringify(clip(before)),
    after === null ? null : JSON.stringify(clip(after)),
    e.undoes ?? null,
    currentBatch(db),
  );
}

export type ActivityRow = {
  id: number;
  at: string;
  action: Activity['action'];
  entity: Activity['entity'];
  entity_key: string;
  tenant: string | null;
  summary: string;
  before_json: string | null;
  after_json: string | null;
};

// Newest first.
export function listActivity(
  db: Db,
  opts: { entity?: Activity['entity']; tenant?: string; limit: number },
): Activity[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (opts.entity) {
    where.push('entity = ?');
    params.push(opts.entity);
  }
  if (opts.tenant) {
    where.push('tenant = ?');
    params.push(opts.tenant);
  }

  const sql = `SELECT * FROM activity ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY id DESC LIMIT ?`;
  const rows = db.prepare(sql).all(...params, opts.limit) as ActivityRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    entity: r.entity,
    key: r.entity_key,
    tenant: r.tenant,
    summary: r.summary,
    before: r.before_json === null ? null : JSON.parse(r.before_json),
    after: r.after_json === null ? null : JSON.parse(r.after_json),
  }));
}

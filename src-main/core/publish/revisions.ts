// Revisions: one row per applied publish, holding the full desired subtree so history,
// drift checks and rollback can work from it later.
import type { Gateway, PlanChange, Revision } from '../../../src-shared/model.js';
import type { Db } from '../db/open.js';
import { notFound } from '../errors.js';
import { now } from '../workspace/time.js';

type RevisionRow = {
  id: number;
  number: number;
  created_at: string;
  change_count: number;
  summary: string;
};

const toRevision = (g: Gateway, r: RevisionRow): Revision => ({
  id: r.id,
  gateway: g.name,
  number: r.number,
  createdAt: r.created_at,
  changeCount: r.change_count,
  summary: r.summary,
});

const SELECT = `SELECT id, number, created_at, json_array_length(changes_json) AS change_count,
  summary FROM revisions`;

export function listRevisions(db: Db, g: Gateway): Revision[] {
  const rows = db
    .prepare(`${SELECT} WHERE gateway_id = ? ORDER BY number DESC`)
    .all(g.id) as RevisionRow[];
  return rows.map((r) => toRevision(g, r));
}

export function recordRevision(
  db: Db,
  g: Gateway,
  desired: unknown,
  changes: PlanChange[],
  summary: string,
): Revision {
  const insert = db.transaction(() => {
    const { next } = db
      .prepare(`SELECT coalesce(max(number), 0) + 1 AS next FROM revisions WHERE gateway_id = ?`)
      .get(g.id) as { next: number };
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO revisions (gateway_id, number, created_at, desired_json, changes_json,
           summary) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(g.id, next, now(), JSON.stringify(desired), JSON.stringify(changes), summary);
    return Number(lastInsertRowid);
  });
  const id = insert();

  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as RevisionRow;
  return toRevision(g, row);
}

export type StoredRevision = { revision: Revision; desired: unknown };

// One revision with the desired state it recorded; not_found names what exists instead.
export function getRevisionState(db: Db, g: Gateway, number: number): StoredRevision {
  const row = db
    .prepare(`${SELECT} WHERE gateway_id = ? AND number = ?`)
    .get(g.id, number) as RevisionRow | undefined;
  if (!row) {
    const count = listRevisions(db, g).length;
    throw notFound(
      `gateway ${g.name} has no revision #${number} ` +
        (count ? `(it has #1 to #${count})` : '(nothing has been published to it yet)'),
    );
  }
  return { revision: toRevision(g, row), desired: desiredOf(db, row.id) };
}

// The newest revision with its desired state, or null before the first publish.
export function latestRevisionState(db: Db, g: Gateway): StoredRevision | null {
  const row = db
    .prepare(`${SELECT} WHERE gateway_id = ? ORDER BY number DESC LIMIT 1`)
    .get(g.id) as RevisionRow | undefined;
  return row ? { revision: toRevision(g, row), desired: desiredOf(db, row.id) } : null;
}

function desiredOf(db: Db, id: number): unknown {
  const { desired_json } = db
    .prepare(`SELECT desired_json FROM revisions WHERE id = ?`)
    .get(id) as { desired_json: string };
  return JSON.parse(desired_json) as unknown;
}

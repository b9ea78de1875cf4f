// Revisions: one row per applied publish, holding the full desired subtree so history,
// drift checks and rollback can work from it later.
import type { Gateway, PlanChange, Revision } from '../../../src-shared/model.js';
import type { Db } from '../db/open.js';
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

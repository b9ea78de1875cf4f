// Reading the activity log the way undo needs it: the newest change not yet taken back.
import type { Activity } from '../../../src-shared/tenancy.js';
import type { Db } from '../db/open.js';
import type { ActivityRow } from '../tenancy/activity.js';

export type LoggedChange = Activity & {
  // The operation that wrote this entry among many (a bundle import, the demo), if any.
  batch: string | null;
};

type Row = ActivityRow & { batch: string | null };

// Undo entries are never candidates themselves: each undo reaches one change further back,
// and there is no redo.
export function latestUndoable(db: Db): LoggedChange | null {
  const row = db
    .prepare(
      `SELECT a.* FROM activity a
       WHERE a.undoes IS NULL
         AND NOT EXISTS (SELECT 1 FROM activity u WHERE u.undoes = a.id)
       ORDER BY a.id DESC LIMIT 1`,
    )
    .get() as Row | undefined;
  if (!row) return null;

  return {
    id: row.id,
    at: row.at,
    action: row.action,
    entity: row.entity,
    key: row.entity_key,
    tenant: row.tenant,
    summary: row.summary,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    batch: row.batch,
  };
}

export const lastActivityId = (db: Db): number =>
  (db.prepare(`SELECT coalesce(max(id), 0) AS id FROM activity`).get() as { id: number }).id;

// Undo of the last change: takes back the newest change in the activity log that no undo
// has taken back yet, in one transaction, and logs the undo itself as a change that points
// at the entry it undid. A second undo therefore reaches one change further back; there is
// no redo. What cannot be taken back whole is refused, naming the change and the reason,
// and nothing is changed then.
import { ZodError } from 'zod';
import type { Activity } from '../../../src-shared/tenancy.js';
import type { Db } from '../db/open.js';
import { conflict, MarqueeError } from '../errors.js';
import { logger } from '../log.js';
import { recordActivity } from '../tenancy/activity.js';
import { lastActivityId, latestUndoable, type LoggedChange } from './entries.js';
import { planRevert, type Revert } from './revert.js';

// Undo belongs with the activity log, which is tenancy's.
const log = logger('tenancy');

export type UndoResult = { undone: Activity; message: string };

const INVERSE = { create: 'delete', update: 'update', delete: 'create' } as const;

const describe = (e: LoggedChange): string => `"${e.summary}"`;

function publicEntry({ batch: _batch, ...entry }: LoggedChange): Activity {
  return entry;
}

function plan(db: Db, entry: LoggedChange): Revert {
  try {
    return planRevert(db, entry);
  } catch (err) {
    throw refusal(entry, err);
  }
}

function refusal(entry: LoggedChange, err: unknown): unknown {
  const reason =
    err instanceof MarqueeError
      ? err.message
      : err instanceof ZodError
        ? 'its logged values no longer fit the workspace'
        : null;
  if (reason === null) return err;
  return conflict(`cannot undo the last change, ${describe(entry)}: ${reason}`);
}

function undoInside(db: Db): UndoResult {
  const entry = latestUndoable(db);
  if (!entry) throw conflict('nothing to undo: the activity log has no change left to take back');

  const revert = plan(db, entry);
  const mark = lastActivityId(db);
  try {
    revert.apply();
  } catch (err) {
    throw refusal(entry, err);
  }

  // The writers the revert went through logged their own entries; one entry stands for the
  // whole undo instead, with the values exactly swapped.
  db.prepare(`DELETE FROM activity WHERE id > ?`).run(mark);
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const key = entry.entity === 'tier' && typeof before.name === 'string' ? before.name : entry.key;
  const note = revert.note ? ` (${revert.note})` : '';
  recordActivity(db, {
    action: INVERSE[entry.action],
    entity: entry.entity,
    key,
    tenant: entry.tenant,
    summary: `undid: ${entry.summary}${note}`,
    before: (entry.after ?? null) as Record<string, unknown> | null,
    after: (entry.before ?? null) as Record<string, unknown> | null,
    undoes: entry.id,
  });

  return { undone: publicEntry(entry), message: `Undid: ${entry.summary}${note}` };
}

export function undoLast(db: Db): UndoResult {
  const result = db.transaction(() => undoInside(db))();
  log.info({ undone: result.undone.id, entity: result.undone.entity }, 'undid a change');
  return result;
}

class Rollback extends Error {}

// What an undo would do now, by doing it and rolling it back: the answer cannot drift from
// what undo really does.
export function previewUndo(db: Db): { entry: Activity | null; refusal: string | null } {
  let entry: Activity | null = null;
  try {
    db.transaction(() => {
      entry = undoInside(db).undone;
      throw new Rollback();
    })();
  } catch (err) {
    if (err instanceof Rollback) return { entry, refusal: null };
    if (!(err instanceof MarqueeError)) throw err;
    const latest = latestUndoable(db);
    return { entry: latest ? publicEntry(latest) : null, refusal: err.message };
  }
  return { entry, refusal: null };
}

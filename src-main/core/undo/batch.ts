// Operations that write many activity entries in one transaction (a bundle import, the
// demo) mark them with their name, so undo can tell one piece of a larger whole from a
// change of its own and refuse to take back only that piece.
import type { Db } from '../db/open.js';

const running = new WeakMap<Db, string>();

// The work is synchronous (a better-sqlite3 transaction), so no other call can write while
// the mark is set.
export function inBatch<T>(db: Db, label: string, work: () => T): T {
  const outer = running.get(db);
  running.set(db, outer ?? label);
  try {
    return work();
  } finally {
    if (outer === undefined) running.delete(db);
  }
}

export const currentBatch = (db: Db): string | null => running.get(db) ?? null;

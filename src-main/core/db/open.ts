// Opening a workspace file on purpose: WAL, foreign keys, a busy timeout, a backup before
// any migration, and a clear refusal of a file written by a newer Marquee.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { MarqueeError } from '../errors.js';
import { logger } from '../log.js';
import { MIGRATIONS, type Migration } from './migrations.js';

export type Db = Database.Database;

const log = logger('workspace');

export type OpenOptions = {
  // Electron loads a better-sqlite3 binary built for its own ABI; Node keeps the default.
  nativeBinding?: string;
  // Tests replay other migration lists; the app always runs MIGRATIONS.
  migrations?: readonly Migration[];
};

export function openWorkspace(file: string, options: OpenOptions = {}): Db {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

  let db: Db;
  try {
    db = new Database(file, { nativeBinding: options.nativeBinding });
    db.pragma('journal_mode = WAL');
  } catch (err) {
    throw new MarqueeError(
      'workspace_error',
      `cannot open workspace ${file}: ${(err as Error).message}`,
    );
  }

  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the
  // last transactions, which is the usual trade for a desktop workspace.
  db.pragma('synchronous = NORMAL');

  try {
    migrate(db, file, options.migrations ?? MIGRATIONS);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, file: string, migrations: readonly Migration[]): void {
  const latest = migrations[migrations.length - 1].version;
  const current = readVersion(db, file);
  if (current > latest) {
    throw new MarqueeError(
      'workspace_error',
      `workspace ${file} was written by a newer Marquee (schema ${current}; ` +
        `this one knows up to ${latest}). Update Marquee to open it.`,
    );
  }

  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;

  if (current > 0) backup(db, file, current);

  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    log.info({ file, version: m.version, name: m.name }, 'migrated workspace');
  }
}

function readVersion(db: Db, file: string): number {
  try {
    return schemaVersion(db);
  } catch (err) {
    throw new MarqueeError(
      'workspace_error',
      `${file} is not a Marquee workspace (SQLite says: ${(err as Error).message})`,
    );
  }
}

function backup(db: Db, file: string, version: number): void {
  const target = `${file}.v${version}.${Date.now()}.bak`;
  db.pragma('wal_checkpoint(TRUNCATE)');
  fs.copyFileSync(file, target);
  log.info({ file, backup: target }, 'backed up workspace before migrating');
}

export function closeWorkspace(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
  } catch (err) {
    // A read-only or busy file cannot be optimised; closing it must still succeed.
    log.debug({ err }, 'skipped PRAGMA optimize on close');
  }
  db.close();
}

// A consistent copy of the workspace beside it, taken before something replaces its content.
// VACUUM INTO writes a complete, compacted database in one statement, WAL included.
import { MarqueeError } from '../errors.js';
import { logger } from '../log.js';
import type { Db } from './open.js';

const log = logger('workspace');

export function snapshotWorkspace(db: Db, workspacePath: string, reason: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${workspacePath}.${reason}.${stamp}.bak`;
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } catch (err) {
    throw new MarqueeError(
      'workspace_error',
      `could not keep a copy of the workspace at ${target} (${(err as Error).message}); ` +
        'nothing was changed',
    );
  }
  log.info({ backup: target, reason }, 'kept a copy of the workspace');
  return target;
}

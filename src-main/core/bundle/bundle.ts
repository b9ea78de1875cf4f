// Tenant bundles: portable archives of one or more tenants. Export packs them; import checks
// a whole bundle in memory first and then writes it in one transaction, so a bad or hostile
// bundle changes nothing.
import type { Db } from '../db/open.js';
import { logger } from '../log.js';
import { inBatch } from '../undo/batch.js';
import { checkBundle } from './check.js';
import { readArchive } from './read.js';
import { writeTenants, type ConflictPolicy, type ImportResult } from './write.js';

export { exportBundle } from './export.js';
export type { ConflictPolicy, ImportResult } from './write.js';

const log = logger('bundle');

export async function importBundle(
  db: Db,
  bytes: Buffer,
  onConflict: ConflictPolicy,
): Promise<ImportResult> {
  const archive = readArchive(bytes);
  const planned = await checkBundle(archive);
  const result = inBatch(db, 'a bundle import', () => writeTenants(db, planned, onConflict));

  log.info({ ...result, onConflict }, 'bundle imported');
  return result;
}

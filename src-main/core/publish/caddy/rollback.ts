// Rollback on Caddy: the owned route a revision recorded goes back as one admin change, is
// read back, and becomes a new revision that says which one it restored.
import type { Gateway, PublishResult } from '../../../../src-shared/model.js';
import type { Db } from '../../db/open.js';
import { MarqueeError } from '../../errors.js';
import { logger } from '../../log.js';
import { diffRoutes, storedRoutes, summarise } from '../diff.js';
import { nothingRecorded, readOwned, serialised, writeOwned } from '../engine.js';
import * as revisions from '../revisions.js';
import { caddyAdmin } from './admin.js';
import type { CaddyRoute } from './compile.js';

const log = logger('publish');

function asOwnedRoute(g: Gateway, n: number, desired: unknown): CaddyRoute {
  if (desired && typeof desired === 'object' && !Array.isArray(desired)) {
    return desired as CaddyRoute;
  }
  throw new MarqueeError(
    'workspace_error',
    `gateway ${g.name}: revision #${n} holds no Caddy route; it cannot be rolled back to`,
  );
}

async function rollback(db: Db, g: Gateway, number: number): Promise<PublishResult> {
  const stored = revisions.getRevisionState(db, g, number);
  const desired = asOwnedRoute(g, number, stored.desired);
  const admin = caddyAdmin(g);

  const actual = await readOwned(admin, g);
  const changes = diffRoutes(g, storedRoutes(g, desired), actual);
  if (changes.length === 0) {
    return {
      gateway: g.name,
      applied: [],
      revision: null,
      message: `${g.name} already holds revision #${number}: nothing to change`,
    };
  }

  let where: string;
  try {
    where = await writeOwned(admin, g, desired, actual !== null);
  } catch (err) {
    throw nothingRecorded(err);
  }

  const summary = `rollback to #${number}: ${summarise(changes)}`;
  const revision = revisions.recordRevision(db, g, desired, changes, summary);
  log.info({ gateway: g.name, revision: revision.number, summary, where }, 'rolled back');
  return {
    gateway: g.name,
    applied: changes,
    revision,
    message: `revision ${revision.number}: ${summary} (${where})`,
  };
}

export function rollbackCaddy(db: Db, g: Gateway, number: number): Promise<PublishResult> {
  return serialised(g.name, () => rollback(db, g, number));
}

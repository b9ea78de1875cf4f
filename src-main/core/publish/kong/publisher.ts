// Publishing to Kong: plan against the entities tagged as this gateway's, apply one request
// per entity in dependency order, read back and verify, and on a failure put back the
// state read before the apply, saying exactly what was changed, restored, or left.
import type {
  Drift,
  EntityOutcome,
  Gateway,
  Plan,
  PlanChange,
  PublishResult,
} from '../../../../src-shared/model.js';
import type { Db } from '../../db/open.js';
import { MarqueeError } from '../../errors.js';
import { logger } from '../../log.js';
import { summarise } from '../diff.js';
import { serialised } from '../engine.js';
import type { PublishOptions } from '../options.js';
import * as revisions from '../revisions.js';
import { gatewayAccess } from '../settings.js';
import { kongAdmin, type KongAdmin, type KongObject } from './client.js';
import { compileKong, ownedTags, type KongDesired, type KongEntity } from './compile.js';
import { diffKong, stateAsEntities, type KongState } from './diff.js';
import { runOps } from './run.js';

const log = logger('publish');

const DEFAULT_CONCURRENCY = 8;

export type KongPublishOptions = PublishOptions & { pageSize?: number };

type Session = { admin: KongAdmin; concurrency: number; restore: boolean };

function session(db: Db, g: Gateway, opts: KongPublishOptions): Session {
  const access = gatewayAccess(db, g);
  const merged = { ...access.options, ...opts };
  return {
    admin: kongAdmin(g, { ...merged, token: access.token }),
    concurrency: merged.concurrency ?? DEFAULT_CONCURRENCY,
    restore: merged.restoreOnFailure ?? true,
  };
}

async function readState(admin: KongAdmin, g: Gateway): Promise<KongState> {
  const tags = ownedTags(g);
  const byId = (list: KongObject[]) => new Map(list.map((o) => [o.id, o]));
  // One kind after the other: reading stays within any concurrency setting, even 1.
  const services = byId(await admin.list('services', tags));
  const routes = byId(await admin.list('routes', tags));
  const plugins = byId(await admin.list('plugins', tags));
  return { services, routes, plugins };
}

export async function planKong(db: Db, g: Gateway, opts: KongPublishOptions = {}): Promise<Plan> {
  const { admin } = session(db, g, opts);
  const { desired, notes } = compileKong(db, g);
  const ops = diffKong(desired.entities, await readState(admin, g));
  const changes = ops.map((o) => o.change);
  return { gateway: g.name, changes, notEnforced: notes, inSync: changes.length === 0 };
}

const count = (os: EntityOutcome[], o: EntityOutcome['outcome']) =>
  os.filter((x) => x.outcome === o).length;

// Puts the state read before the apply back, and says how far that got.
async function restore(s: Session, g: Gateway, before: KongState): Promise<string> {
  let ops;
  try {
    ops = diffKong(stateAsEntities(before), await readState(s.admin, g));
  } catch (err) {
    return `could not read Kong to restore it (${(err as Error).message}); ` +
      `what was applied above is still there`;
  }
  const run = await runOps(s.admin, ops, s.concurrency);
  const left = run.outcomes.filter((o) => o.outcome !== 'applied');
  if (left.length > 0) {
    const names = left.map((o) => `${o.entity} ${o.key}`).join(', ');
    return `restore put back ${count(run.outcomes, 'applied')} of ${ops.length} entities; ` +
      `these could not be put back: ${names} (${run.failed?.error ?? 'not run'})`;
  }

  const after = diffKong(stateAsEntities(before), await readState(s.admin, g));
  return after.length === 0
    ? `restored: Kong holds exactly what it held before the publish (${ops.length} ` +
        `entit${ops.length === 1 ? 'y' : 'ies'} put back)`
    : `restore ran, but ${after.length} entities still differ from before the publish: ` +
        after.map((o) => `${o.change.entity} ${o.change.key}`).join(', ');
}

async function applyDesired(
  db: Db,
  g: Gateway,
  s: Session,
  desired: KongDesired,
  summaryOf: (changes: PlanChange[]) => string,
): Promise<PublishResult> {
  const before = await readState(s.admin, g);
  const ops = diffKong(desired.entities, before);
  if (ops.length === 0) {
    return { gateway: g.name, applied: [], revision: null, message: 'nothing to change' };
  }

  const run = await runOps(s.admin, ops, s.concurrency);
  let failure = run.failed ? `${run.failed.entity} ${run.failed.key}: ${run.failed.error}` : null;
  if (!failure) {
    const left = diffKong(desired.entities, await readState(s.admin, g));
    if (left.length > 0) {
      failure = `Kong accepted every change, but reading back shows ${left.length} ` +
        `entities differ: ${left.map((o) => `${o.change.entity} ${o.change.key}`).join(', ')}`;
    }
  }

  if (failure) {
    const applied = count(run.outcomes, 'applied');
    const after = s.restore
      ? await restore(s, g, before)
      : `not restored (restore on failure is off): the ${applied} applied change(s) stay`;
    log.warn({ gateway: g.name, failure, after }, 'publish failed');
    throw new MarqueeError(
      'gateway_error',
      `gateway ${g.name}: the publish failed at ${failure}; ${applied} of ${ops.length} ` +
        `changes had been applied; ${after}; no revision was recorded`,
      { outcomes: run.outcomes },
    );
  }

  const changes = ops.map((o) => o.change);
  const summary = summaryOf(changes);
  const revision = revisions.recordRevision(db, g, desired, changes, summary);
  log.info({ gateway: g.name, revision: revision.number, summary }, 'published');
  return {
    gateway: g.name,
    applied: changes,
    revision,
    message: `revision ${revision.number}: ${summary}`,
    outcomes: run.outcomes,
  };
}

export function applyKong(
  db: Db,
  g: Gateway,
  opts: KongPublishOptions = {},
): Promise<PublishResult> {
  return serialised(g.name, async () => {
    const { desired } = compileKong(db, g);
    return applyDesired(db, g, session(db, g, opts), desired, summarise);
  });
}

function storedDesired(g: Gateway, n: number, value: unknown): KongDesired {
  const d = value as Partial<KongDesired> | null;
  if (d?.kind === 'kong' && Array.isArray(d.entities)) return d as KongDesired;
  throw new MarqueeError(
    'workspace_error',
    `gateway ${g.name}: revision #${n} holds no Kong entities; it cannot be used here`,
  );
}

export function rollbackKong(
  db: Db,
  g: Gateway,
  number: number,
  opts: KongPublishOptions = {},
): Promise<PublishResult> {
  return serialised(g.name, async () => {
    const stored = revisions.getRevisionState(db, g, number);
    const desired = storedDesired(g, number, stored.desired);
    const result = await applyDesired(db, g, session(db, g, opts), desired, (changes) =>
      `rollback to #${number}: ${summarise(changes)}`,
    );
    if (result.revision) return result;
    return { ...result, message: `${g.name} already holds revision #${number}: nothing to change` };
  });
}

export async function driftKong(db: Db, g: Gateway, opts: KongPublishOptions = {}): Promise<Drift> {
  const last = revisions.latestRevisionState(db, g);
  if (!last) {
    return {
      gateway: g.name,
      revision: null,
      drifted: false,
      changes: [],
      message: `nothing has been published to ${g.name} yet, so there is nothing to drift from`,
    };
  }
  const n = last.revision.number;
  const recorded: KongEntity[] = storedDesired(g, n, last.desired).entities;
  const changes = diffKong(recorded, await readState(session(db, g, opts).admin, g)).map(
    (o) => o.change,
  );
  return {
    gateway: g.name,
    revision: n,
    drifted: changes.length > 0,
    changes,
    message:
      changes.length === 0
        ? `${g.name} holds exactly what revision #${n} published`
        : `${g.name} has drifted from revision #${n}: ${changes.length} ` +
          `entit${changes.length === 1 ? 'y differs' : 'ies differ'}`,
  };
}

export async function testKong(
  db: Db,
  g: Gateway,
): Promise<{ reachable: boolean; message: string }> {
  const { admin } = session(db, g, { readTimeoutMs: 3_000 });
  try {
    const info = await admin.info();
    const version = typeof info.version === 'string' ? info.version : 'unknown version';
    return { reachable: true, message: `Kong ${version} answers at ${admin.url}` };
  } catch (err) {
    if (err instanceof MarqueeError) return { reachable: false, message: err.message };
    throw err;
  }
}

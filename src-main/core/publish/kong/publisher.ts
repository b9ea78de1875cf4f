// Publishing to Kong: plan against the entities tagged as this gateway's, apply one request
// per entity in dependency order, read back and verify, and on a failure or a cancel put back
// the state read before the apply, saying exactly what was changed, restored, or left.
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
import type { SecretBox } from '../../tenancy/secrets.js';
import { beginApply, runningApply } from '../cancel.js';
import { summarise } from '../diff.js';
import { serialised } from '../engine.js';
import type { PublishOptions } from '../options.js';
import * as revisions from '../revisions.js';
import { gatewayAccess } from '../settings.js';
import { kongAdmin, type KongAdmin } from './client.js';
import { compileKong, type KongDesired, type KongEdition } from './compile.js';
import { diffKong, stateAsEntities, type KongOp } from './diff.js';
import { openRecordedKeys } from './keys.js';
import { readState, type Places } from './read.js';
import { runOps } from './run.js';
import { withoutSecretValues } from './secret.js';
import { driftReport } from '../drift-report.js';

const log = logger('publish');

const DEFAULT_CONCURRENCY = 8;

export type KongPublishOptions = PublishOptions & {
  pageSize?: number;
  // Opens application keys; without one, key credentials can be planned but not sent.
  secrets?: SecretBox;
  // Stops the apply between requests; what was applied is then restored.
  signal?: AbortSignal;
};

type Session = {
  admin: KongAdmin;
  concurrency: number;
  restore: boolean;
  edition: KongEdition;
  box: SecretBox | null;
};

function session(db: Db, g: Gateway, opts: KongPublishOptions): Session {
  const access = gatewayAccess(db, g);
  const merged = { ...access.options, ...opts };
  return {
    admin: kongAdmin(g, { ...merged, token: access.token }),
    concurrency: merged.concurrency ?? DEFAULT_CONCURRENCY,
    restore: merged.restoreOnFailure ?? true,
    edition: access.edition,
    box: opts.secrets ?? null,
  };
}

// Where Marquee's entities may be: the workspaces wanted now and those of the last revision
// (a tenant the gateway no longer serves still has entities to remove).
function places(db: Db, g: Gateway, s: Session, desired: KongDesired): Places {
  if (s.edition === 'oss') return { workspaces: null };
  const last = revisions.latestRevisionState(db, g)?.desired as Partial<KongDesired> | undefined;
  const recorded = Array.isArray(last?.workspaces) ? last.workspaces : [];
  return { workspaces: [...new Set([...(desired.workspaces ?? []), ...recorded])].sort() };
}

export async function planKong(db: Db, g: Gateway, opts: KongPublishOptions = {}): Promise<Plan> {
  const s = session(db, g, opts);
  const { desired, notes } = compileKong(db, g, s.box, s.edition);
  const state = await readState(s.admin, g, places(db, g, s, desired));
  const changes = diffKong(desired.entities, state).map((o) => o.change);
  return { gateway: g.name, changes, notEnforced: notes, inSync: changes.length === 0 };
}

const count = (os: EntityOutcome[], o: EntityOutcome['outcome']) =>
  os.filter((x) => x.outcome === o).length;

const listed = (ops: KongOp[]) => ops.map((o) => `${o.change.entity} ${o.change.key}`).join(', ');

// Puts the state read before the apply back, and says how far that got.
async function restore(s: Session, g: Gateway, where: Places, before: KongStateOf) {
  const wanted = stateAsEntities(before);
  let ops;
  try {
    ops = diffKong(wanted, await readState(s.admin, g, where));
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

  const after = diffKong(wanted, await readState(s.admin, g, where));
  return after.length === 0
    ? `restored: Kong holds exactly what it held before the publish (${ops.length} ` +
        `entit${ops.length === 1 ? 'y' : 'ies'} put back)`
    : `restore ran, but ${after.length} entities still differ from before the publish: ` +
        listed(after);
}

type KongStateOf = Awaited<ReturnType<typeof readState>>;

// Creates the Enterprise workspaces that are not there yet; says which it made.
async function ensureWorkspaces(s: Session, g: Gateway, desired: KongDesired): Promise<string[]> {
  const made: string[] = [];
  for (const ws of desired.workspaces ?? []) {
    if (await s.admin.hasWorkspace(ws)) continue;
    // Workspaces take no tags; the comment says who made it.
    await s.admin.createWorkspace(ws, `made by Marquee for gateway ${g.name}`);
    made.push(ws);
  }
  if (made.length > 0) log.info({ gateway: g.name, workspaces: made }, 'created workspaces');
  return made;
}

function refuseUnsendable(g: Gateway, ops: KongOp[]): void {
  const blind = ops.filter((o) => o.missingSecret);
  if (blind.length === 0) return;
  throw new MarqueeError(
    'gateway_error',
    `gateway ${g.name}: the keys of ${listed(blind)} cannot be sent: no key store was ` +
      `given to open them; nothing was changed`,
  );
}

async function applyDesired(
  db: Db,
  g: Gateway,
  s: Session,
  desired: KongDesired,
  signal: AbortSignal | undefined,
  summaryOf: (changes: PlanChange[]) => string,
): Promise<PublishResult> {
  const where = places(db, g, s, desired);
  const before = await readState(s.admin, g, where);
  const ops = diffKong(desired.entities, before);
  if (ops.length === 0) {
    return { gateway: g.name, applied: [], revision: null, message: 'nothing to change' };
  }
  refuseUnsendable(g, ops);
  const made = await ensureWorkspaces(s, g, desired);

  const progress = runningApply(g.name);
  progress?.expect(ops.length);
  const run = await runOps(s.admin, ops, s.concurrency, signal, progress?.report);
  const cancelled = !run.failed && signal?.aborted === true;
  let failure = run.failed ? `${run.failed.entity} ${run.failed.key}: ${run.failed.error}` : null;
  if (!failure && !cancelled) {
    const left = diffKong(desired.entities, await readState(s.admin, g, where));
    if (left.length > 0) {
      failure = `Kong accepted every change, but reading back shows ${left.length} ` +
        `entities differ: ${listed(left)}`;
    }
  }

  if (failure || cancelled) {
    const applied = count(run.outcomes, 'applied');
    const after = s.restore
      ? await restore(s, g, where, before)
      : `not restored (restore on failure is off): the ${applied} applied change(s) stay`;
    const kept = made.length
      ? `; the workspace(s) ${made.join(', ')} created for it stay, empty or not`
      : '';
    const what = cancelled ? 'the publish was cancelled' : `the publish failed at ${failure}`;
    log.warn({ gateway: g.name, failure, cancelled, after }, 'publish did not complete');
    throw new MarqueeError(
      'gateway_error',
      `gateway ${g.name}: ${what}; ${applied} of ${ops.length} changes had been applied; ` +
        `${after}${kept}; no revision was recorded`,
      { outcomes: run.outcomes, cancelled },
    );
  }

  const changes = ops.map((o) => o.change);
  const summary = summaryOf(changes);
  // Keys stay out of history: a revision keeps each key's hash and hint only.
  const kept: KongDesired = { ...desired, entities: withoutSecretValues(desired.entities) };
  const revision = revisions.recordRevision(db, g, kept, changes, summary);
  log.info({ gateway: g.name, revision: revision.number, summary }, 'published');
  return {
    gateway: g.name,
    applied: changes,
    revision,
    message: `revision ${revision.number}: ${summary}`,
    outcomes: run.outcomes,
  };
}

// Runs an apply registered for cancelling, unless the caller brought its own signal.
async function cancellable<T>(
  g: Gateway,
  opts: KongPublishOptions,
  work: (signal: AbortSignal) => Promise<T>,
) {
  if (opts.signal) return work(opts.signal);
  const { signal, done } = beginApply(g.name);
  try {
    return await work(signal);
  } finally {
    done();
  }
}

export function applyKong(
  db: Db,
  g: Gateway,
  opts: KongPublishOptions = {},
): Promise<PublishResult> {
  return serialised(g.name, () =>
    cancellable(g, opts, async (signal) => {
      const s = session(db, g, opts);
      const { desired } = compileKong(db, g, s.box, s.edition);
      return applyDesired(db, g, s, desired, signal, summarise);
    }),
  );
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
  return serialised(g.name, () =>
    cancellable(g, opts, async (signal) => {
      const s = session(db, g, opts);
      const stored = storedDesired(g, number, revisions.getRevisionState(db, g, number).desired);
      const { desired, notes } = openRecordedKeys(db, g, s.box, stored, number);
      const result = await applyDesired(db, g, s, desired, signal, (changes) =>
        `rollback to #${number}: ${summarise(changes)}`,
      );
      const said = notes.length ? ` (${notes.join('; ')})` : '';
      if (result.revision) return { ...result, message: `${result.message}${said}` };
      return {
        ...result,
        message: `${g.name} already holds revision #${number}: nothing to change${said}`,
      };
    }),
  );
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
  const s = session(db, g, opts);
  const recorded = storedDesired(g, n, last.desired);
  // Keys compare by the hash the revision kept; no key needs opening to see drift.
  const state = await readState(s.admin, g, places(db, g, s, recorded));
  const changes = diffKong(recorded.entities, state).map((o) => o.change);
  return driftReport(g, n, changes);
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

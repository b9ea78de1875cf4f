// Publishing to a Caddy 2.6 gateway: plan what differs, apply it as one admin change to the
// route Marquee owns, read it back, and keep a revision of what was applied.
import type {
  Gateway,
  Plan,
  PlanChange,
  PublishResult,
  Revision,
} from '../../../src-shared/model.js';
import type { Db } from '../db/open.js';
import { MarqueeError } from '../errors.js';
import { logger } from '../log.js';
import { caddyAdmin, type CaddyAdmin } from './caddy/admin.js';
import {
  compileRoute,
  innerRoutes,
  ownedRoute,
  ownedRouteId,
  type CaddyRoute,
} from './caddy/compile.js';
import { placeOwnedRoute } from './caddy/place.js';
import { canonical } from './canonical.js';
import { desiredState } from './desired.js';
import { diffRoutes, summarise } from './diff.js';
import type { PublishOptions } from './options.js';
import * as revisions from './revisions.js';

const log = logger('publish');

type Snapshot = {
  plan: Plan;
  desired: CaddyRoute;
  // Whether Caddy holds the owned route yet.
  present: boolean;
  // Why the owned route on Caddy is not this workspace's to change, if it is not.
  foreign: string | null;
};

// The owned route as Caddy holds it, or null when it is not there (404 on its @id).
export async function readOwned(admin: CaddyAdmin, g: Gateway): Promise<CaddyRoute | null> {
  const value = await admin.get(`/id/${encodeURIComponent(ownedRouteId(g))}`);
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new MarqueeError(
      'gateway_error',
      `gateway ${g.name}: the object @id ${ownedRouteId(g)} at ${admin.url} is not a route; ` +
        `remove or rename it so Marquee can own that id`,
    );
  }
  return value as CaddyRoute;
}

async function snapshot(db: Db, g: Gateway, admin: CaddyAdmin): Promise<Snapshot> {
  const state = desiredState(db, g);
  const routes = state.routes.map((intent) => ({ intent, route: compileRoute(g, intent) }));
  const actual = await readOwned(admin, g);

  const changes: PlanChange[] = diffRoutes(g, routes, actual);
  const foreign = foreignOwner(db, g, actual, admin.url);
  const notEnforced = foreign ? [foreign, ...state.notEnforced] : state.notEnforced;
  return {
    plan: { gateway: g.name, changes, notEnforced, inSync: !changes.length },
    desired: ownedRoute(g, routes.map((r) => r.route)),
    present: actual !== null,
    foreign,
  };
}

// Marquee's route on a Caddy that this workspace never published to belongs to someone else:
// another workspace with a gateway of the same name, most likely. Publishing would replace
// their routes, so the plan says so and apply refuses until the owner is sorted out.
function foreignOwner(db: Db, g: Gateway, actual: CaddyRoute | null, url: string) {
  if (!actual || innerRoutes(actual).length === 0) return null;
  if (revisions.listRevisions(db, g).length > 0) return null;
  return (
    `Caddy at ${url} already holds ${innerRoutes(actual).length} route(s) under ` +
    `@id ${ownedRouteId(g)} that this workspace never published (another workspace with a ` +
    `gateway named ${g.name}?). Register this gateway under another name, or delete ` +
    `${url}/id/${ownedRouteId(g)} if those routes are stale`
  );
}

export async function computePlan(db: Db, g: Gateway, opts: PublishOptions = {}): Promise<Plan> {
  return (await snapshot(db, g, caddyAdmin(g, opts))).plan;
}

// Two applies to one gateway at once would each plan against the same state; run them one
// after the other within this process.
const applying = new Map<string, Promise<unknown>>();

export function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
  const run = (applying.get(key) ?? Promise.resolve()).then(work);
  const settled = run.catch(() => undefined);
  applying.set(key, settled);
  void settled.then(() => {
    if (applying.get(key) === settled) applying.delete(key);
  });
  return run;
}

async function verify(admin: CaddyAdmin, g: Gateway, desired: CaddyRoute): Promise<void> {
  const after = await readOwned(admin, g);
  if (after && canonical(after) === canonical(desired)) return;
  throw new MarqueeError(
    'gateway_error',
    `gateway ${g.name}: Caddy at ${admin.url} accepted the change, but reading back ` +
      `@id ${ownedRouteId(g)} shows ${after ? 'a different route' : 'no route'} than was ` +
      `sent; no revision was recorded; plan again to see what is there`,
  );
}

// Puts a whole owned route into Caddy as one admin change, reads it back, and says where it
// went. Used by publish and by rollback alike.
export async function writeOwned(
  admin: CaddyAdmin,
  g: Gateway,
  desired: CaddyRoute,
  present: boolean,
): Promise<string> {
  let where = 'its route';
  if (present) await admin.patch(`/id/${encodeURIComponent(ownedRouteId(g))}`, desired);
  else where = await placeOwnedRoute(admin, g, desired);
  await verify(admin, g, desired);
  return where;
}

// A failed write ends the publish before a revision is written; the message says so, since
// a person reading "failed" alone could not tell whether history moved.
export function nothingRecorded(err: unknown): unknown {
  if (!(err instanceof MarqueeError) || /no revision was recorded/.test(err.message)) return err;
  return new MarqueeError(
    err.code,
    `${err.message}; no revision was recorded; plan again to see what the gateway holds`,
    err.details,
  );
}

// KNOWN LIMIT: the read and the write are not bound together. Caddy 2.6 sends its ETag as a
// trailer, which fetch does not expose, so If-Match cannot guard against a change made in
// between; the read-back check below catches the result instead. Lift it with Caddy 2.7+.
async function apply(db: Db, g: Gateway, opts: PublishOptions): Promise<PublishResult> {
  const admin = caddyAdmin(g, opts);
  const { plan, desired, present, foreign } = await snapshot(db, g, admin);
  if (foreign && !plan.inSync) throw new MarqueeError('conflict', `gateway ${g.name}: ${foreign}`);
  if (plan.inSync) {
    return { gateway: g.name, applied: [], revision: null, message: 'nothing to change' };
  }

  // One admin change for the whole owned subtree: Caddy re-provisions its full config on
  // every change, so one request per route would not scale.
  let where: string;
  try {
    where = await writeOwned(admin, g, desired, present);
  } catch (err) {
    throw nothingRecorded(err);
  }

  const summary = summarise(plan.changes);
  const revision = revisions.recordRevision(db, g, desired, plan.changes, summary);
  log.info({ gateway: g.name, revision: revision.number, summary, where }, 'published');
  return {
    gateway: g.name,
    applied: plan.changes,
    revision,
    message: `revision ${revision.number}: ${summary} (${where})`,
  };
}

export function applyPlan(db: Db, g: Gateway, opts: PublishOptions = {}): Promise<PublishResult> {
  return serialised(g.name, () => apply(db, g, opts));
}

export function listRevisions(db: Db, g: Gateway): Revision[] {
  return revisions.listRevisions(db, g);
}

const TEST_TIMEOUT_MS = 3_000;

export async function testGateway(g: Gateway): Promise<{ reachable: boolean; message: string }> {
  const admin = caddyAdmin(g);
  try {
    const config = (await admin.get('/config/', TEST_TIMEOUT_MS)) as {
      apps?: { http?: { servers?: Record<string, unknown> } };
    } | null;
    const servers = Object.keys(config?.apps?.http?.servers ?? {}).length;
    const owned = (await readOwned(admin, g)) !== null;
    return {
      reachable: true,
      message:
        `Caddy answers at ${admin.url}: ${servers} HTTP server(s); ` +
        (owned ? `Marquee's route ${ownedRouteId(g)} is there` : 'nothing published yet'),
    };
  } catch (err) {
    if (err instanceof MarqueeError) return { reachable: false, message: err.message };
    throw err;
  }
}

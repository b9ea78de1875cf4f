// The plan: per-API routes the workspace wants, compared with those Caddy holds inside the
// route Marquee owns. Field-level for updates, so a person sees what moves before it moves.
import type { Gateway, PlanChange } from '../../../src-shared/model.js';
import { canonical } from './canonical.js';
import { innerRoutes, ownedRoute, ownedRouteId, type CaddyRoute } from './caddy/compile.js';
import { describeRoute, tenantOfPath, type RouteFacts } from './caddy/describe.js';
import type { RouteIntent } from './desired.js';

// Only what a plan names of an intent: rollback and drift rebuild these from stored routes.
export type DesiredRoute = { intent: Pick<RouteIntent, 'tenant' | 'apiId'>; route: CaddyRoute };

type Field = PlanChange['fields'][number];

function fieldChanges(before: CaddyRoute, after: CaddyRoute): Field[] {
  const b = describeRoute(before);
  const a = describeRoute(after);
  const fields: Field[] = (Object.keys(a) as (keyof RouteFacts)[])
    .filter((k) => b[k] !== a[k])
    .map((k) => ({ field: k, before: b[k], after: a[k] }));

  // Something beyond the summary differs (edited by hand, or a detail such as the blocked
  // message): show the whole route rather than claim there is nothing to see.
  return fields.length > 0 ? fields : [{ field: 'route', before, after }];
}

function createChange(d: DesiredRoute): PlanChange {
  const facts = describeRoute(d.route);
  return {
    action: 'create',
    entity: 'route',
    key: String(d.route['@id']),
    tenant: d.intent.tenant,
    api: d.intent.apiId,
    fields: (Object.keys(facts) as (keyof RouteFacts)[]).map((k) => ({
      field: k,
      before: null,
      after: facts[k],
    })),
  };
}

function deleteChange(g: Gateway, key: string, route: CaddyRoute): PlanChange {
  const facts = describeRoute(route);
  const prefix = `${ownedRouteId(g)}-`;
  const id = typeof route['@id'] === 'string' ? route['@id'] : '';
  return {
    action: 'delete',
    entity: 'route',
    key,
    tenant: tenantOfPath(facts.path),
    api: id.startsWith(prefix) ? id.slice(prefix.length) : null,
    fields: (Object.keys(facts) as (keyof RouteFacts)[]).map((k) => ({
      field: k,
      before: facts[k],
      after: null,
    })),
  };
}

// The owned route's own shape (match and handler, without the per-API routes) drifted.
function envelopeChange(g: Gateway, actual: CaddyRoute): PlanChange | null {
  const bare = (r: CaddyRoute) => ({ ...r, handle: r.handle?.map((h) => ({ ...h, routes: [] })) });
  const want = bare(ownedRoute(g, []));
  const have = bare(actual);
  if (canonical(want) === canonical(have)) return null;
  return {
    action: 'update',
    entity: 'route',
    key: ownedRouteId(g),
    tenant: null,
    api: null,
    fields: [{ field: 'envelope', before: have, after: want }],
  };
}

export function diffRoutes(
  g: Gateway,
  desired: DesiredRoute[],
  actualOwned: CaddyRoute | null,
): PlanChange[] {
  const actual = new Map<string, CaddyRoute>();
  // Routes without an @id, or repeating one (Caddy 2.6 accepts duplicates silently), are
  // strays inside what Marquee owns: the apply removes them, so the plan says so.
  const strays: { key: string; route: CaddyRoute }[] = [];
  for (const r of actualOwned ? innerRoutes(actualOwned) : []) {
    const id = typeof r?.['@id'] === 'string' ? r['@id'] : null;
    if (id && !actual.has(id)) actual.set(id, r);
    else strays.push({ key: id ? `${id} (duplicate)` : `(route without @id)`, route: r });
  }

  const changes: PlanChange[] = [];
  const envelope = actualOwned ? envelopeChange(g, actualOwned) : null;
  if (envelope) changes.push(envelope);

  for (const d of desired) {
    const key = String(d.route['@id']);
    const have = actual.get(key);
    actual.delete(key);
    if (!have) changes.push(createChange(d));
    else if (canonical(have) !== canonical(d.route)) {
      changes.push({
        action: 'update',
        entity: 'route',
        key,
        tenant: d.intent.tenant,
        api: d.intent.apiId,
        fields: fieldChanges(have, d.route),
      });
    }
  }

  for (const [key, route] of actual) changes.push(deleteChange(g, key, route));
  for (const s of strays) changes.push(deleteChange(g, s.key, s.route));
  return changes;
}

// The per-API routes of a stored owned route (a revision's desired state) in the shape the
// diff takes: tenant and API are read back from each route's path and @id.
export function storedRoutes(g: Gateway, owned: CaddyRoute): DesiredRoute[] {
  const prefix = `${ownedRouteId(g)}-`;
  return innerRoutes(owned).map((route) => {
    const id = typeof route['@id'] === 'string' ? route['@id'] : '';
    return {
      intent: {
        tenant: tenantOfPath(describeRoute(route).path) ?? '',
        apiId: id.startsWith(prefix) ? id.slice(prefix.length) : id,
      },
      route,
    };
  });
}

export function summarise(changes: PlanChange[]): string {
  const count = (a: PlanChange['action']) => changes.filter((c) => c.action === a).length;
  return `${count('create')} created, ${count('update')} updated, ${count('delete')} deleted`;
}

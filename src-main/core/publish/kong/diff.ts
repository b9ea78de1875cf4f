// Kong's state against what Marquee wants, normalised: only the fields Marquee sets are
// compared (Kong fills in ids, timestamps, timeouts, retries, protocols and plugin config
// defaults; none of those is a change), tags compare as sets, and null equals absent.
// The changes come out in the order an apply must run them.
import type { PlanChange } from '../../../../src-shared/model.js';
import { canonical } from '../canonical.js';
import type { KongKind, KongObject } from './client.js';
import type { KongEntity } from './compile.js';

export type KongState = Record<'services' | 'routes' | 'plugins', Map<string, KongObject>>;

export type KongOp = {
  action: PlanChange['action'];
  kind: KongKind;
  id: string;
  // The body to PUT for a create or update; null for a delete.
  body: Record<string, unknown> | null;
  change: PlanChange;
};

const SINGULAR: Record<KongKind, string> = {
  services: 'service',
  routes: 'route',
  plugins: 'plugin',
  consumers: 'consumer',
};

const isPlain = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function normalise(key: string, v: unknown): unknown {
  if (v === undefined) return null;
  if (key === 'tags' && Array.isArray(v)) return [...v].map(String).sort();
  return v;
}

// The fields of `want` whose value `have` does not hold; objects compare field by field,
// so defaults Kong adds inside a plugin's config are not differences.
function differences(want: Record<string, unknown>, have: Record<string, unknown>, at = '') {
  const out: PlanChange['fields'] = [];
  for (const key of Object.keys(want)) {
    const w = normalise(key, want[key]);
    const h = normalise(key, have[key]);
    if (isPlain(w) && isPlain(h)) out.push(...differences(w, h, `${at}${key}.`));
    else if (canonical(w) !== canonical(h)) out.push({ field: `${at}${key}`, before: h, after: w });
  }
  return out;
}

function flatten(body: Record<string, unknown>, at = ''): [string, unknown][] {
  return Object.entries(body).flatMap(([k, v]) =>
    isPlain(v) ? flatten(v, `${at}${k}.`) : [[`${at}${k}`, v] as [string, unknown]],
  );
}

const tenantOf = (o: KongObject): string | null => {
  const tag = (Array.isArray(o.tags) ? o.tags : []).find(
    (t) => typeof t === 'string' && t.startsWith('tenant:'),
  ) as string | undefined;
  return tag ? tag.slice('tenant:'.length) : null;
};

// What a person reads for an entity found on the gateway.
function keyOf(kind: KongKind, o: KongObject, state: KongState): string {
  if (kind !== 'plugins') return typeof o.name === 'string' ? o.name : o.id;
  const routeId = (o.route as { id?: string } | null)?.id;
  const route = routeId ? state.routes.get(routeId) : undefined;
  return `${String(o.name)}@${route?.name ?? routeId ?? 'global'}`;
}

// Deletes first, dependants before what they hang on (plugins, routes, services), so a name
// is free before anything takes it; then updates and creates, what others hang on first.
const ORDER: [PlanChange['action'], KongKind][] = [
  ['delete', 'plugins'],
  ['delete', 'routes'],
  ['delete', 'services'],
  ['update', 'services'],
  ['update', 'routes'],
  ['update', 'plugins'],
  ['create', 'services'],
  ['create', 'routes'],
  ['create', 'plugins'],
];

export const stepOf = (op: Pick<KongOp, 'action' | 'kind'>): number =>
  ORDER.findIndex(([a, k]) => a === op.action && k === op.kind);

export function diffKong(desired: KongEntity[], state: KongState): KongOp[] {
  const ops: KongOp[] = [];
  const wanted = new Set<string>();

  for (const e of desired) {
    wanted.add(`${e.kind}:${e.id}`);
    const have = state[e.kind as keyof KongState]?.get(e.id);
    const base = { entity: SINGULAR[e.kind], key: e.key, tenant: e.tenant, api: e.api };
    if (!have) {
      const fields = flatten(e.body).map(([field, after]) => ({ field, before: null, after }));
      ops.push({
        action: 'create',
        kind: e.kind,
        id: e.id,
        body: e.body,
        change: { action: 'create', ...base, fields },
      });
      continue;
    }
    const fields = differences(e.body, have);
    if (fields.length > 0) {
      ops.push({
        action: 'update',
        kind: e.kind,
        id: e.id,
        body: e.body,
        change: { action: 'update', ...base, fields },
      });
    }
  }

  for (const kind of ['plugins', 'routes', 'services'] as const) {
    for (const [id, have] of state[kind]) {
      if (wanted.has(`${kind}:${id}`)) continue;
      const fields = flatten(stripServerFields(have)).map(([field, before]) => ({
        field,
        before,
        after: null,
      }));
      ops.push({
        action: 'delete',
        kind,
        id,
        body: null,
        change: {
          action: 'delete',
          entity: SINGULAR[kind],
          key: keyOf(kind, have, state),
          tenant: tenantOf(have),
          api: null,
          fields,
        },
      });
    }
  }

  return ops.sort((a, b) => stepOf(a) - stepOf(b) || a.change.key.localeCompare(b.change.key));
}

// Fields Kong sets on its own and refuses or ignores on a write.
const SERVER_FIELDS = new Set(['id', 'created_at', 'updated_at']);

export function stripServerFields(o: KongObject): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !SERVER_FIELDS.has(k)));
}

// A state read from Kong as desired entities: what a restore puts back, exactly.
export function stateAsEntities(state: KongState): KongEntity[] {
  const out: KongEntity[] = [];
  for (const kind of ['services', 'routes', 'plugins'] as const) {
    for (const [id, o] of state[kind]) {
      out.push({
        kind,
        id,
        key: keyOf(kind, o, state),
        tenant: tenantOf(o),
        api: null,
        body: stripServerFields(o),
      });
    }
  }
  return out;
}

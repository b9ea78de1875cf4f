// Kong's state against what Marquee wants, normalised: only the fields Marquee sets are
// compared (Kong fills in ids, timestamps, timeouts, retries, protocols and plugin config
// defaults; none of those is a change), tags compare as sets, and null equals absent. A key
// compares by its hash and shows as "key changed", never in clear.
// The changes come out in the order an apply must run them.
import type { PlanChange } from '../../../../src-shared/model.js';
import { canonical } from '../canonical.js';
import type { KongKind, KongObject } from './client.js';
import type { KongEntity } from './compile.js';
import { hashSecret, hintOf } from './secret.js';

export const KINDS: KongKind[] = [
  'services',
  'routes',
  'plugins',
  'consumers',
  'key-auths',
  'acls',
  'consumer_groups',
  'consumer_group_consumers',
];

export type KongState = Record<KongKind, Map<string, KongObject>> & {
  // The Kong workspace each entity was read from (`KIND:ID`), on Enterprise.
  where?: Map<string, string>;
};

export const emptyState = (): KongState =>
  Object.fromEntries(KINDS.map((k) => [k, new Map()])) as KongState;

export type KongOp = {
  action: PlanChange['action'];
  kind: KongKind;
  id: string;
  workspace: string | null;
  // The body to PUT for a create or update (with a secret in clear); null for a delete.
  body: Record<string, unknown> | null;
  // A create or update whose secret was not opened: it cannot be sent.
  missingSecret?: boolean;
  change: PlanChange;
};

const SINGULAR: Record<KongKind, string> = {
  services: 'service',
  routes: 'route',
  plugins: 'plugin',
  consumers: 'consumer',
  'key-auths': 'key credential',
  acls: 'acl group',
  consumer_groups: 'consumer group',
  consumer_group_consumers: 'group membership',
};

// Fields shown in a plan only as a mark, whatever they hold.
const SECRET_FIELDS: Partial<Record<KongKind, string[]>> = { 'key-auths': ['key'] };

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

const refId = (o: KongObject, field: string): string | undefined =>
  (o[field] as { id?: string } | null | undefined)?.id;

// What a person reads for an entity found on the gateway.
function keyOf(kind: KongKind, o: KongObject, state: KongState): string {
  const consumer = (id: string | undefined) => {
    const c = id ? state.consumers.get(id) : undefined;
    return String(c?.username ?? id ?? '?');
  };
  const group = (id: string | undefined) =>
    String((id ? state.consumer_groups.get(id)?.name : undefined) ?? id ?? '?');
  switch (kind) {
    case 'plugins': {
      const routeId = refId(o, 'route');
      const groupId = refId(o, 'consumer_group');
      const where = routeId
        ? String(state.routes.get(routeId)?.name ?? routeId)
        : groupId
          ? group(groupId)
          : 'global';
      const who = refId(o, 'consumer') ? `#${consumer(refId(o, 'consumer'))}` : '';
      return `${String(o.name)}@${where}${who}`;
    }
    case 'consumers':
      return String(o.username ?? o.custom_id ?? o.id);
    case 'key-auths':
      return consumer(refId(o, 'consumer'));
    case 'acls':
      return `${consumer(refId(o, 'consumer'))}→${String(o.group)}`;
    case 'consumer_group_consumers':
      return `${consumer(refId(o, 'consumer'))}∈${group(refId(o, 'consumer_group'))}`;
    default:
      return typeof o.name === 'string' ? o.name : o.id;
  }
}

// Deletes first, dependants before what they hang on, so a name (or a key) is free before
// anything takes it; then updates and creates, what others hang on first.
const ORDER: [PlanChange['action'], KongKind][] = [
  ['delete', 'plugins'],
  ['delete', 'consumer_group_consumers'],
  ['delete', 'acls'],
  ['delete', 'key-auths'],
  ['delete', 'routes'],
  ['delete', 'services'],
  ['delete', 'consumer_groups'],
  ['delete', 'consumers'],
  ['update', 'services'],
  ['update', 'routes'],
  ['update', 'consumers'],
  ['update', 'consumer_groups'],
  ['update', 'key-auths'],
  ['update', 'acls'],
  ['update', 'plugins'],
  ['create', 'services'],
  ['create', 'routes'],
  ['create', 'consumers'],
  ['create', 'consumer_groups'],
  ['create', 'consumer_group_consumers'],
  ['create', 'key-auths'],
  ['create', 'acls'],
  ['create', 'plugins'],
];

export const stepOf = (op: Pick<KongOp, 'action' | 'kind'>): number =>
  ORDER.findIndex(([a, k]) => a === op.action && k === op.kind);

// The body a PUT sends: Marquee's fields and, when opened, the secret in clear.
function sendable(e: KongEntity): { body: Record<string, unknown>; missingSecret: boolean } {
  if (!e.secret) return { body: e.body, missingSecret: false };
  if (e.secret.value === undefined) return { body: e.body, missingSecret: true };
  return { body: { ...e.body, [e.secret.field]: e.secret.value }, missingSecret: false };
}

function secretChange(e: KongEntity, have: KongObject | undefined): PlanChange['fields'] {
  const s = e.secret;
  if (!s) return [];
  if (!have) return [{ field: s.field, before: null, after: `key set (${s.hint})` }];
  // Without the hash (no key opened) there is nothing to compare.
  if (!s.hash) return [];
  const held = have[s.field];
  if (typeof held === 'string' && hashSecret(held) === s.hash) return [];
  return [{ field: s.field, before: 'another key', after: `key changed (${s.hint})` }];
}

function shown(kind: KongKind, o: KongObject): [string, unknown][] {
  const hidden = new Set(SECRET_FIELDS[kind] ?? []);
  return flatten(stripServerFields(o)).map(([field, v]) => [
    field,
    hidden.has(field) && typeof v === 'string' ? `a key (${hintOf(v)})` : v,
  ]);
}

export function diffKong(desired: KongEntity[], state: KongState): KongOp[] {
  const ops: KongOp[] = [];
  const wanted = new Set<string>();

  for (const e of desired) {
    wanted.add(`${e.kind}:${e.id}`);
    const have = state[e.kind]?.get(e.id);
    const base = { entity: SINGULAR[e.kind], key: e.key, tenant: e.tenant, api: e.api };
    const workspace = e.workspace ?? null;
    const { body, missingSecret } = sendable(e);
    if (!have) {
      const fields = [
        ...flatten(e.body).map(([field, after]) => ({ field, before: null, after })),
        ...secretChange(e, undefined),
      ];
      ops.push({
        action: 'create',
        kind: e.kind,
        id: e.id,
        workspace,
        body,
        missingSecret,
        change: { action: 'create', ...base, fields },
      });
      continue;
    }
    const fields = [...differences(e.body, have), ...secretChange(e, have)];
    if (fields.length > 0) {
      ops.push({
        action: 'update',
        kind: e.kind,
        id: e.id,
        workspace,
        body,
        missingSecret,
        change: { action: 'update', ...base, fields },
      });
    }
  }

  for (const kind of KINDS) {
    for (const [id, have] of state[kind]) {
      if (wanted.has(`${kind}:${id}`)) continue;
      const fields = shown(kind, have).map(([field, before]) => ({ field, before, after: null }));
      ops.push({
        action: 'delete',
        kind,
        id,
        workspace: state.where?.get(`${kind}:${id}`) ?? null,
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

// A state read from Kong as desired entities: what a restore puts back, exactly. A key read
// from Kong goes back as a secret, so a restore shows it no more than a publish does.
export function stateAsEntities(state: KongState): KongEntity[] {
  const out: KongEntity[] = [];
  for (const kind of KINDS) {
    for (const [id, o] of state[kind]) {
      const body = stripServerFields(o);
      const e: KongEntity = {
        kind,
        id,
        key: keyOf(kind, o, state),
        tenant: tenantOf(o),
        api: null,
        workspace: state.where?.get(`${kind}:${id}`) ?? null,
        body,
      };
      for (const field of SECRET_FIELDS[kind] ?? []) {
        const value = body[field];
        if (typeof value !== 'string') continue;
        delete body[field];
        e.secret = { field: 'key', hash: hashSecret(value), hint: hintOf(value), app: null, value };
      }
      out.push(e);
    }
  }
  return out;
}

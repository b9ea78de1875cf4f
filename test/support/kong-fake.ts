// A stand-in for Kong's Admin API on a loopback port, keeping its entities in memory and
// answering as Kong's Admin API reference describes: list with `size`/`offset` paging and
// `tags` filters (`,` all of, `/` any of), get/put/patch/delete by id or name, upsert by
// PUT, unique fields (409), references that must exist (400), defaults filled in on write,
// consumers with key-auth and acl credentials (top level and under /consumers/{id}/), and
// `GET /` with the version. As Enterprise it also has workspaces (paths prefixed
// /WORKSPACE/, 404 for one that does not exist) and consumer groups with members.
// With `proxy: true` it also runs a tiny proxy port (kong-fake-proxy.ts). Faults can be
// injected per request.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';
import { startFakeProxy } from './kong-fake-proxy.js';
import {
  CASCADES,
  defaults,
  ENTERPRISE_KINDS,
  ENTERPRISE_PLUGINS,
  KINDS,
  PLUGIN_CONFIG_DEFAULTS,
  REFERENCES,
  REQUIRED,
  UNIQUE,
  type Entity,
  type Kind,
} from './kong-fake-schema.js';

export type { Entity, Kind } from './kong-fake-schema.js';

export type FakeRequest = {
  method: string;
  kind: Kind | null;
  key: string | null;
  body: unknown;
  // The workspace named in the path (Enterprise), null for the default one.
  workspace: string | null;
};

export type KongFakeOptions = {
  // When set, every request needs this value in Kong-Admin-Token.
  token?: string;
  version?: string;
  edition?: 'oss' | 'enterprise';
  // Also run the proxy port, applying key-auth, acl and request-termination.
  proxy?: boolean;
};

// One workspace's entities, and its consumer group memberships (group id → consumer ids).
export type Store = {
  entities: Record<Kind, Map<string, Entity>>;
  members: Map<string, Set<string>>;
};

export type KongFake = {
  url: string;
  // Where the proxy listens, when started with `proxy: true`.
  proxyUrl: string | null;
  // Entities by kind in the default workspace, as Kong would hand them out.
  state(): Record<Kind, Entity[]>;
  // The same for a named workspace (Enterprise).
  stateOf(workspace: string): Record<Kind, Entity[]>;
  workspaces(): string[];
  // Consumer ids per consumer group id in a workspace.
  membersOf(workspace: string): Record<string, string[]>;
  // Creates an entity directly, as someone using Kong by hand would (defaults filled in).
  seed(kind: Kind, body: Record<string, unknown>, workspace?: string): Entity;
  // A status to answer instead of handling the request; null to handle it.
  failWith: ((req: FakeRequest) => number | null) | null;
  // The next N requests answer 429 with Retry-After: 0.
  tooManyRequests: number;
  // Every request waits this long before it is handled.
  delayMs: number;
  requests: FakeRequest[];
  // Most requests in flight at once so far.
  maxInFlight: number;
  stop(): Promise<void>;
};

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WORKSPACE_NAME = /^[A-Za-z0-9._~-]+$/;
const DEFAULT_WS = 'default';

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

const notFound: Answer = { status: 404, body: { message: 'Not found' } };

function schemaViolation(fields: Record<string, string>): Answer {
  const message = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  return {
    status: 400,
    body: { code: 2, name: 'schema violation', message: `schema violation (${message})`, fields },
  };
}

const newStore = (): Store => ({
  entities: Object.fromEntries(KINDS.map((k) => [k, new Map()])) as Store['entities'],
  members: new Map(),
});

const refOf = (v: unknown): string | undefined => (v as { id?: string } | null)?.id;

// What the unique check compares: a reference by its id, anything else as it is.
const uniqueValue = (e: Entity, fields: string[]): string | null => {
  const values = fields.map((f) => (REFERENCES.some(([r]) => r === f) ? refOf(e[f]) : e[f]));
  if (values.some((v) => v === null || v === undefined)) return null;
  return JSON.stringify(values);
};

export async function startKongFake(options: KongFakeOptions = {}): Promise<KongFake> {
  const enterprise = options.edition === 'enterprise';
  const spaces = new Map<string, Store>([[DEFAULT_WS, newStore()]]);
  let clock = 1_700_000_000;
  let inFlight = 0;

  const nameField = (kind: Kind) =>
    kind === 'consumers' ? 'username' : kind === 'key-auths' ? 'key' : 'name';

  const find = (s: Store, kind: Kind, key: string): Entity | undefined => {
    if (UUID_RE.test(key)) return s.entities[kind].get(key.toLowerCase());
    const field = nameField(kind);
    return [...s.entities[kind].values()].find((e) => e[field] === key);
  };

  function check(s: Store, kind: Kind, e: Entity): Answer | null {
    for (const fields of UNIQUE[kind]) {
      const value = uniqueValue(e, fields);
      if (value === null) continue;
      // Field by field rather than through uniqueValue's JSON: this runs for every entity on
      // every write, and 10,000-entity publishes would otherwise spend their time here.
      const same = (o: Entity, f: string) =>
        REFERENCES.some(([r]) => r === f) ? refOf(o[f]) === refOf(e[f]) : o[f] === e[f];
      let clash: Entity | undefined;
      for (const o of s.entities[kind].values()) {
        if (o.id !== e.id && fields.every((f) => same(o, f))) {
          clash = o;
          break;
        }
      }
      if (clash) {
        // As Kong does, the message quotes the values at fault (a key too).
        const shown = fields.map((f) => `${f}="${String(refOf(e[f]) ?? e[f])}"`).join(', ');
        return {
          status: 409,
          body: {
            code: 5,
            name: 'unique constraint violation',
            message: `UNIQUE violation detected on '{${shown}}'`,
            fields: Object.fromEntries(fields.map((f) => [f, String(refOf(e[f]) ?? e[f])])),
          },
        };
      }
    }
    for (const field of REQUIRED[kind] ?? []) {
      if (e[field] === null || e[field] === undefined || e[field] === '') {
        return schemaViolation({ [field]: 'required field missing' });
      }
    }
    if (kind === 'routes') {
      const paths = e.paths as unknown[] | null;
      if (!paths?.length && !(e.hosts as unknown[] | null)?.length) {
        return schemaViolation({ '@entity': "must set one of 'methods', 'hosts', 'paths'" });
      }
    }
    if (kind === 'plugins' && !enterprise && ENTERPRISE_PLUGINS.has(String(e.name))) {
      return schemaViolation({ name: `plugin '${String(e.name)}' not enabled; is it installed?` });
    }
    for (const [field, target] of REFERENCES) {
      const ref = e[field] as { id?: string } | null;
      if (ref && (!ref.id || !s.entities[target].has(ref.id))) {
        return {
          status: 400,
          body: {
            code: 4,
            name: 'foreign key violation',
            message:
              `the foreign key '{id="${ref.id}"}' does not reference an existing ` +
              `'${target}' entity.`,
            fields: { [field]: { id: ref.id } },
          },
        };
      }
    }
    return null;
  }

  function build(kind: Kind, id: string, body: Record<string, unknown>, old?: Entity): Entity {
    const now = clock++;
    const e: Entity = { ...defaults(kind), ...body, id, created_at: old?.created_at ?? now };
    if (kind === 'services' || kind === 'routes' || kind === 'plugins') e.updated_at = now;
    if (kind === 'plugins') {
      const base = PLUGIN_CONFIG_DEFAULTS[String(e.name)] ?? {};
      e.config = { ...base, ...((body.config as object) ?? {}) };
    }
    // Kong makes up a key when none is given.
    if (kind === 'key-auths' && !e.key) e.key = randomUUID().replace(/-/g, '');
    return e;
  }

  function write(s: Store, kind: Kind, e: Entity, created: boolean): Answer {
    const problem = check(s, kind, e);
    if (problem) return problem;
    s.entities[kind].set(e.id, e);
    return { status: created ? 201 : 200, body: e };
  }

  function remove(s: Store, kind: Kind, e: Entity): void {
    s.entities[kind].delete(e.id);
    if (kind === 'consumer_groups') s.members.delete(e.id);
    if (kind === 'consumers') for (const m of s.members.values()) m.delete(e.id);
    const field = kind === 'consumer_groups' ? 'consumer_group' : kind.slice(0, -1);
    for (const other of CASCADES[kind] ?? []) {
      for (const o of [...s.entities[other].values()]) {
        if (refOf(o[field]) === e.id) s.entities[other].delete(o.id);
      }
    }
  }

  // Entities that name this one in a foreign key, and are not deleted with it.
  function referencedBy(s: Store, kind: Kind, id: string): string | null {
    const field = kind === 'consumer_groups' ? 'consumer_group' : kind.slice(0, -1);
    const cascaded = new Set(CASCADES[kind] ?? []);
    for (const other of KINDS) {
      if (cascaded.has(other)) continue;
      for (const e of s.entities[other].values()) {
        if (refOf(e[field]) === id) return other;
      }
    }
    return null;
  }

  function page(all: Entity[], query: URLSearchParams, base: string): Answer {
    const size = Number(query.get('size') ?? 100);
    if (!Number.isInteger(size) || size < 1 || size > 1000) {
      return schemaViolation({ size: 'must be an integer between 1 and 1000' });
    }
    const tags = query.get('tags');
    let list = [...all].sort((a, b) => a.id.localeCompare(b.id));
    if (tags) {
      if (tags.includes(',') && tags.includes('/')) {
        return schemaViolation({ tags: 'invalid filter: mixing AND and OR is not supported' });
      }
      const wanted = tags.split(/[,/]/);
      if (wanted.length > 5) return schemaViolation({ tags: 'cannot query more than 5 tags' });
      const any = tags.includes('/');
      list = list.filter((e) => {
        const have = new Set((e.tags as string[] | null) ?? []);
        return any ? wanted.some((t) => have.has(t)) : wanted.every((t) => have.has(t));
      });
    }

    // The offset is opaque to clients; here it is the id to start after, encoded.
    const offset = query.get('offset');
    let start = 0;
    if (offset) {
      const after = Buffer.from(offset, 'base64url').toString();
      if (!UUID_RE.test(after)) return schemaViolation({ offset: 'invalid offset' });
      start = list.findIndex((e) => e.id.localeCompare(after) > 0);
      if (start < 0) start = list.length;
    }
    const data = list.slice(start, start + size);
    const more = start + size < list.length;
    if (!more) return { status: 200, body: { data, next: null } };

    const next = Buffer.from(data[data.length - 1].id).toString('base64url');
    const q = new URLSearchParams({ offset: next, size: String(size) });
    if (tags) q.set('tags', tags);
    return { status: 200, body: { data, next: `${base}?${q}`, offset: next } };
  }

  function handle(
    s: Store,
    method: string,
    kind: Kind,
    key: string | null,
    input: Record<string, unknown>,
    q: URLSearchParams,
    base: string,
    scope?: Record<string, unknown>,
  ): Answer {
    if (key === null) {
      if (method === 'GET') {
        const all = [...s.entities[kind].values()].filter((e) =>
          Object.entries(scope ?? {}).every(([f, v]) => refOf(e[f]) === refOf(v)),
        );
        return page(all, q, base);
      }
      if (method === 'POST') {
        const id = typeof input.id === 'string' ? input.id : randomUUID();
        return write(s, kind, build(kind, id, { ...input, ...scope }), true);
      }
      return { status: 405, body: { message: 'Method not allowed' } };
    }

    const existing = find(s, kind, key);
    if (existing && scope && !Object.entries(scope).every(([f, v]) =>
      refOf(existing[f]) === refOf(v))) return notFound;
    switch (method) {
      case 'GET':
        return existing ? { status: 200, body: existing } : notFound;
      case 'DELETE': {
        if (!existing) return { status: 204 };
        const user = referencedBy(s, kind, existing.id);
        if (user) {
          return {
            status: 400,
            body: {
              code: 4,
              name: 'foreign key violation',
              message: `an existing '${user}' entity references this '${kind}' entity`,
            },
          };
        }
        remove(s, kind, existing);
        return { status: 204 };
      }
      case 'PATCH':
        if (!existing) return notFound;
        return write(s, kind, build(kind, existing.id, { ...existing, ...input }, existing), false);
      case 'PUT': {
        // Upsert: the path names the entity by id or by name; the body is the whole entity.
        const id = existing?.id ?? (UUID_RE.test(key) ? key.toLowerCase() : randomUUID());
        const named = UUID_RE.test(key) ? input : { ...input, [nameField(kind)]: key };
        return write(s, kind, build(kind, id, { ...named, ...scope }, existing), !existing);
      }
    }
    return { status: 405, body: { message: 'Method not allowed' } };
  }

  // /consumer_groups/{group}/consumers[/{consumer}]
  function membership(
    s: Store,
    method: string,
    group: Entity,
    consumerKey: string | null,
    input: Record<string, unknown>,
    q: URLSearchParams,
    base: string,
  ): Answer {
    const members = s.members.get(group.id) ?? new Set<string>();
    s.members.set(group.id, members);
    if (consumerKey === null && method === 'GET') {
      const all = [...members].map((id) => s.entities.consumers.get(id)!).filter(Boolean);
      return page(all, q, base);
    }
    if (consumerKey === null && method === 'POST') {
      const ref = input.consumer;
      const c = typeof ref === 'string' ? find(s, 'consumers', ref) : undefined;
      if (!c) return schemaViolation({ consumer: 'no such consumer' });
      if (members.has(c.id)) {
        return {
          status: 409,
          body: { message: `Consumer '${c.id}' already in group '${group.id}'` },
        };
      }
      members.add(c.id);
      return { status: 201, body: { consumer_group: group, consumers: [c] } };
    }
    if (consumerKey !== null && method === 'DELETE') {
      const c = find(s, 'consumers', consumerKey);
      if (!c || !members.has(c.id)) return notFound;
      members.delete(c.id);
      return { status: 204 };
    }
    return { status: 405, body: { message: 'Method not allowed' } };
  }

  function workspaces(method: string, name: string | null, input: Record<string, unknown>) {
    if (name !== null) {
      if (method !== 'GET') return { status: 405, body: { message: 'Method not allowed' } };
      return spaces.has(name) ? { status: 200, body: { id: name, name } } : notFound;
    }
    if (method === 'GET') {
      return { status: 200, body: { data: [...spaces.keys()].map((n) => ({ id: n, name: n })),
        next: null } };
    }
    if (method !== 'POST') return { status: 405, body: { message: 'Method not allowed' } };
    const wanted = typeof input.name === 'string' ? input.name : '';
    if (!WORKSPACE_NAME.test(wanted)) return schemaViolation({ name: 'invalid workspace name' });
    if (spaces.has(wanted)) {
      return { status: 409, body: { name: 'unique constraint violation',
        message: `UNIQUE violation detected on '{name="${wanted}"}'` } };
    }
    spaces.set(wanted, newStore());
    return { status: 201, body: { id: wanted, name: wanted, comment: input.comment ?? null } };
  }

  // Sorts a path into workspace, kind and what follows.
  function route(parts: string[]): { ws: string; rest: string[] } | null {
    const first = parts[0];
    if (!enterprise || first === undefined || first === 'workspaces' ||
      KINDS.includes(first as Kind)) {
      return { ws: DEFAULT_WS, rest: parts };
    }
    if (!spaces.has(first)) return null;
    return { ws: first, rest: parts.slice(1) };
  }

  const listOf = (s: Store) =>
    Object.fromEntries(
      KINDS.map((k) => [
        k,
        [...s.entities[k].values()]
          .sort((a, b) => a.id.localeCompare(b.id))
          .map((e) => structuredClone(e)),
      ]),
    ) as Record<Kind, Entity[]>;

  const fake: KongFake = {
    url: '',
    proxyUrl: null,
    state: () => listOf(spaces.get(DEFAULT_WS)!),
    stateOf: (ws) => listOf(spaces.get(ws) ?? newStore()),
    workspaces: () => [...spaces.keys()].sort(),
    membersOf: (ws) =>
      Object.fromEntries(
        [...(spaces.get(ws)?.members ?? new Map<string, Set<string>>())].map(([g, m]) => [
          g,
          [...m].sort(),
        ]),
      ),
    seed: (kind, body, ws = DEFAULT_WS) => {
      const s = spaces.get(ws);
      if (!s) throw new Error(`seed failed: no workspace ${ws}`);
      const answer = write(s, kind, build(kind, randomUUID(), body), true);
      if (answer.status >= 300) throw new Error(`seed failed: ${JSON.stringify(answer.body)}`);
      return answer.body as Entity;
    },
    failWith: null,
    tooManyRequests: 0,
    delayMs: 0,
    requests: [],
    maxInFlight: 0,
    stop: async () => {
      await proxy?.stop();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };

  function dispatch(method: string, url: URL, input: Record<string, unknown>): Answer {
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const placed = route(parts);
    if (!placed) return notFound;
    const { ws, rest } = placed;
    const s = spaces.get(ws)!;
    const prefix = ws === DEFAULT_WS ? '' : `/${ws}`;
    const q = url.searchParams;

    if (rest[0] === 'workspaces') {
      if (!enterprise) return notFound;
      return workspaces(method, rest[1] ?? null, input);
    }
    const kind = KINDS.find((k) => k === rest[0]);
    if (!kind || (!enterprise && ENTERPRISE_KINDS.has(kind))) return notFound;
    if (rest.length <= 2) {
      return handle(s, method, kind, rest[1] ?? null, input, q, `${prefix}/${kind}`);
    }

    // Nested: a consumer's credentials, or a group's members.
    const parent = find(s, kind, rest[1]);
    if (!parent) return notFound;
    const nested = rest[2];
    if (kind === 'consumers' && (nested === 'key-auth' || nested === 'acls') && rest.length <= 4) {
      const child: Kind = nested === 'key-auth' ? 'key-auths' : 'acls';
      const base = `${prefix}/consumers/${parent.id}/${nested}`;
      return handle(s, method, child, rest[3] ?? null, input, q, base,
        { consumer: { id: parent.id } });
    }
    if (kind === 'consumer_groups' && nested === 'consumers' && rest.length <= 4) {
      const base = `${prefix}/consumer_groups/${parent.id}/consumers`;
      return membership(s, method, parent, rest[3] ?? null, input, q, base);
    }
    return notFound;
  }

  async function answer(req: http.IncomingMessage, text: string): Promise<Answer> {
    const url = new URL(req.url ?? '/', 'http://kong.invalid');
    const method = req.method ?? 'GET';
    if (options.token && req.headers['kong-admin-token'] !== options.token) {
      return {
        status: 401,
        body: { message: 'Invalid credentials. Token or User credentials required' },
      };
    }

    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const placed = route(parts);
    const rest = placed?.rest ?? [];
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        return { status: 400, body: { message: 'Cannot parse JSON body' } };
      }
    }
    const seen: FakeRequest = {
      method,
      kind: KINDS.find((k) => k === rest[0]) ?? null,
      key: rest[1] ?? null,
      body,
      workspace: placed && placed.ws !== DEFAULT_WS ? placed.ws : null,
    };
    fake.requests.push(seen);

    if (fake.delayMs > 0) await new Promise((r) => setTimeout(r, fake.delayMs));
    if (fake.tooManyRequests > 0) {
      fake.tooManyRequests--;
      return {
        status: 429,
        body: { message: 'API rate limit exceeded' },
        headers: { 'Retry-After': '0' },
      };
    }
    const injected = fake.failWith?.(seen);
    if (injected) return { status: injected, body: { message: 'An unexpected error occurred' } };

    if (parts.length === 0 && method === 'GET') {
      return {
        status: 200,
        body: {
          version: options.version ?? (enterprise ? '3.9.1.0-enterprise-edition' : '3.9.1'),
          tagline: 'Welcome to kong',
          configuration: { database: 'postgres' },
          plugins: { available_on_server: Object.fromEntries(
            Object.keys(PLUGIN_CONFIG_DEFAULTS)
              .filter((p) => enterprise || !ENTERPRISE_PLUGINS_LIST.includes(p))
              .map((p) => [p, true])) },
        },
      };
    }
    return dispatch(method, url, (body ?? {}) as Record<string, unknown>);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      inFlight++;
      fake.maxInFlight = Math.max(fake.maxInFlight, inFlight);
      void answer(req, Buffer.concat(chunks).toString()).then((a) => {
        inFlight--;
        res.writeHead(a.status, { 'Content-Type': 'application/json', ...a.headers });
        res.end(a.body === undefined ? undefined : JSON.stringify(a.body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;

  const proxy = options.proxy ? await startFakeProxy(() => [...spaces.values()]) : null;
  fake.proxyUrl = proxy?.url ?? null;
  return fake;
}

const ENTERPRISE_PLUGINS_LIST = [...ENTERPRISE_PLUGINS];

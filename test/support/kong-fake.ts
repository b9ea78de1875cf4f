// A stand-in for Kong's Admin API on a loopback port, keeping its entities in memory and
// answering as Kong's Admin API reference describes: list with `size`/`offset` paging and
// `tags` filters (`,` all of, `/` any of), get/put/patch/delete by id or name, upsert by
// PUT, unique names (409), references that must exist (400), defaults filled in on write,
// and `GET /` with the version. Faults can be injected per request.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';

export type Kind = 'services' | 'routes' | 'plugins' | 'consumers';
const KINDS: Kind[] = ['services', 'routes', 'plugins', 'consumers'];

export type Entity = Record<string, unknown> & { id: string };

export type FakeRequest = { method: string; kind: Kind | null; key: string | null; body: unknown };

export type KongFakeOptions = {
  // When set, every request needs this value in Kong-Admin-Token.
  token?: string;
  version?: string;
};

export type KongFake = {
  url: string;
  // Entities by kind, as Kong would hand them out.
  state(): Record<Kind, Entity[]>;
  // Creates an entity directly, as someone using Kong by hand would (defaults filled in).
  seed(kind: Kind, body: Record<string, unknown>): Entity;
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

// Kong's own defaults per kind, filled in on every write as Kong does.
function defaults(kind: Kind): Record<string, unknown> {
  switch (kind) {
    case 'services':
      return {
        name: null,
        protocol: 'http',
        host: null,
        port: 80,
        path: null,
        retries: 5,
        connect_timeout: 60000,
        write_timeout: 60000,
        read_timeout: 60000,
        tags: null,
        client_certificate: null,
        tls_verify: null,
        tls_verify_depth: null,
        ca_certificates: null,
        enabled: true,
      };
    case 'routes':
      return {
        name: null,
        protocols: ['http', 'https'],
        methods: null,
        hosts: null,
        paths: null,
        headers: null,
        https_redirect_status_code: 426,
        regex_priority: 0,
        strip_path: true,
        path_handling: 'v0',
        preserve_host: false,
        request_buffering: true,
        response_buffering: true,
        snis: null,
        sources: null,
        destinations: null,
        tags: null,
        service: null,
      };
    case 'plugins':
      return {
        name: null,
        instance_name: null,
        route: null,
        service: null,
        consumer: null,
        config: {},
        protocols: ['grpc', 'grpcs', 'http', 'https'],
        enabled: true,
        tags: null,
      };
    case 'consumers':
      return { username: null, custom_id: null, tags: null };
  }
}

// Config defaults of the plugins Marquee uses, merged under what a request sets.
const PLUGIN_CONFIG_DEFAULTS: Record<string, Record<string, unknown>> = {
  'rate-limiting': {
    second: null,
    minute: null,
    hour: null,
    day: null,
    month: null,
    year: null,
    limit_by: 'consumer',
    policy: 'local',
    fault_tolerant: true,
    hide_client_headers: false,
    error_code: 429,
    error_message: 'API rate limit exceeded',
  },
  'request-termination': { status_code: 503, message: null, body: null, content_type: null },
};

const UNIQUE: Record<Kind, string[]> = {
  services: ['name'],
  routes: ['name'],
  plugins: ['instance_name'],
  consumers: ['username', 'custom_id'],
};

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

export async function startKongFake(options: KongFakeOptions = {}): Promise<KongFake> {
  const store: Record<Kind, Map<string, Entity>> = {
    services: new Map(),
    routes: new Map(),
    plugins: new Map(),
    consumers: new Map(),
  };
  let clock = 1_700_000_000;
  let inFlight = 0;

  const find = (kind: Kind, key: string): Entity | undefined => {
    if (UUID_RE.test(key)) return store[kind].get(key.toLowerCase());
    const field = kind === 'consumers' ? 'username' : 'name';
    return [...store[kind].values()].find((e) => e[field] === key);
  };

  function check(kind: Kind, e: Entity): Answer | null {
    for (const field of UNIQUE[kind]) {
      const value = e[field];
      if (value === null || value === undefined) continue;
      const clash = [...store[kind].values()].find((o) => o.id !== e.id && o[field] === value);
      if (clash) {
        return {
          status: 409,
          body: {
            code: 5,
            name: 'unique constraint violation',
            message: `UNIQUE violation detected on '{${field}="${String(value)}"}'`,
            fields: { [field]: String(value) },
          },
        };
      }
    }
    if (kind === 'services' && !e.host) return schemaViolation({ host: 'required field missing' });
    if (kind === 'routes') {
      const paths = e.paths as unknown[] | null;
      if (!paths?.length && !(e.hosts as unknown[] | null)?.length) {
        return schemaViolation({ '@entity': "must set one of 'methods', 'hosts', 'paths'" });
      }
    }
    if (kind === 'plugins' && !e.name) return schemaViolation({ name: 'required field missing' });
    for (const [field, target] of [
      ['service', 'services'],
      ['route', 'routes'],
      ['consumer', 'consumers'],
    ] as const) {
      const ref = e[field] as { id?: string } | null;
      if (ref && (!ref.id || !store[target].has(ref.id))) {
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
    const e: Entity = {
      ...defaults(kind),
      ...body,
      id,
      created_at: old?.created_at ?? now,
    };
    if (kind !== 'consumers') e.updated_at = now;
    if (kind === 'plugins') {
      const base = PLUGIN_CONFIG_DEFAULTS[String(e.name)] ?? {};
      e.config = { ...base, ...((body.config as object) ?? {}) };
    }
    return e;
  }

  function write(kind: Kind, e: Entity, created: boolean): Answer {
    const problem = check(kind, e);
    if (problem) return problem;
    store[kind].set(e.id, e);
    return { status: created ? 201 : 200, body: e };
  }

  // Entities that name this one in a foreign key.
  function referencedBy(kind: Kind, id: string): string | null {
    const field = kind.slice(0, -1);
    for (const other of KINDS) {
      for (const e of store[other].values()) {
        if ((e[field] as { id?: string } | null)?.id === id) return other;
      }
    }
    return null;
  }

  function list(kind: Kind, query: URLSearchParams): Answer {
    const size = Number(query.get('size') ?? 100);
    if (!Number.isInteger(size) || size < 1 || size > 1000) {
      return schemaViolation({ size: 'must be an integer between 1 and 1000' });
    }
    const tags = query.get('tags');
    let all = [...store[kind].values()].sort((a, b) => a.id.localeCompare(b.id));
    if (tags) {
      if (tags.includes(',') && tags.includes('/')) {
        return schemaViolation({ tags: 'invalid filter: mixing AND and OR is not supported' });
      }
      const wanted = tags.split(/[,/]/);
      if (wanted.length > 5) return schemaViolation({ tags: 'cannot query more than 5 tags' });
      const any = tags.includes('/');
      all = all.filter((e) => {
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
      start = all.findIndex((e) => e.id.localeCompare(after) > 0);
      if (start < 0) start = all.length;
    }
    const data = all.slice(start, start + size);
    const more = start + size < all.length;
    if (!more) return { status: 200, body: { data, next: null } };

    const next = Buffer.from(data[data.length - 1].id).toString('base64url');
    const q = new URLSearchParams({ offset: next, size: String(size) });
    if (tags) q.set('tags', tags);
    return { status: 200, body: { data, next: `/${kind}?${q}`, offset: next } };
  }

  function handle(
    method: string,
    kind: Kind,
    key: string | null,
    body: unknown,
    q: URLSearchParams,
  ): Answer {
    const input = (body ?? {}) as Record<string, unknown>;
    if (key === null) {
      if (method === 'GET') return list(kind, q);
      if (method === 'POST') {
        const id = typeof input.id === 'string' ? input.id : randomUUID();
        return write(kind, build(kind, id, input), true);
      }
      return { status: 405, body: { message: 'Method not allowed' } };
    }

    const existing = find(kind, key);
    switch (method) {
      case 'GET':
        return existing ? { status: 200, body: existing } : notFound;
      case 'DELETE': {
        if (!existing) return { status: 204 };
        const user = referencedBy(kind, existing.id);
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
        store[kind].delete(existing.id);
        return { status: 204 };
      }
      case 'PATCH':
        if (!existing) return notFound;
        return write(kind, build(kind, existing.id, { ...existing, ...input }, existing), false);
      case 'PUT': {
        // Upsert: the path names the entity by id or by name; the body is the whole entity.
        const id = existing?.id ?? (UUID_RE.test(key) ? key.toLowerCase() : randomUUID());
        const named = UUID_RE.test(key) ? input : { ...input, name: key };
        return write(kind, build(kind, id, named, existing), !existing);
      }
    }
    return { status: 405, body: { message: 'Method not allowed' } };
  }

  const fake: KongFake = {
    url: '',
    state: () =>
      Object.fromEntries(
        KINDS.map((k) => [
          k,
          [...store[k].values()]
            .sort((a, b) => a.id.localeCompare(b.id))
            .map((e) => structuredClone(e)),
        ]),
      ) as Record<Kind, Entity[]>,
    seed: (kind, body) => {
      const answer = write(kind, build(kind, randomUUID(), body), true);
      if (answer.status >= 300) throw new Error(`seed failed: ${JSON.stringify(answer.body)}`);
      return answer.body as Entity;
    },
    failWith: null,
    tooManyRequests: 0,
    delayMs: 0,
    requests: [],
    maxInFlight: 0,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

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
    const kind = KINDS.find((k) => k === parts[0]) ?? null;
    const key = parts[1] ?? null;
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        return { status: 400, body: { message: 'Cannot parse JSON body' } };
      }
    }
    const seen: FakeRequest = { method, kind, key, body };
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
          version: options.version ?? '3.9.1',
          tagline: 'Welcome to kong',
          configuration: { database: 'postgres' },
          plugins: { available_on_server: { 'rate-limiting': true, 'request-termination': true } },
        },
      };
    }
    if (!kind || parts.length > 2) return notFound;
    return handle(method, kind, key, body, url.searchParams);
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
  return fake;
}

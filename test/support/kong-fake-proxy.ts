// The Kong fake's proxy port: just enough of Kong's proxy to prove what a publish enforces.
// A request goes to the route whose path is the longest prefix of its path; then, in Kong's
// plugin order, key-auth (401 without a key or with an unknown one), acl (403 unless the
// consumer holds an allowed group) and request-termination; then on to the service with the
// route's path stripped. Rate limits are not counted here.
import http from 'node:http';
import type net from 'node:net';
import type { Store } from './kong-fake.js';
import type { Entity } from './kong-fake-schema.js';

type Found = { store: Store; route: Entity; service: Entity; rest: string };

const refOf = (v: unknown): string | undefined => (v as { id?: string } | null)?.id;

function match(stores: Store[], path: string): Found | null {
  let best: Found | null = null;
  let length = -1;
  for (const store of stores) {
    for (const route of store.entities.routes.values()) {
      for (const p of (route.paths as string[] | null) ?? []) {
        const hit = path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`);
        if (!hit || p.length <= length) continue;
        const service = store.entities.services.get(refOf(route.service) ?? '');
        if (!service) continue;
        best = { store, route, service, rest: route.strip_path ? path.slice(p.length) : path };
        length = p.length;
      }
    }
  }
  return best;
}

const pluginsOf = (f: Found, name: string): Entity[] =>
  [...f.store.entities.plugins.values()].filter(
    (p) => p.name === name && p.enabled !== false && refOf(p.route) === f.route.id &&
      !refOf(p.consumer),
  );

type Verdict = { status: number; message: string } | { consumer: Entity | null };

function authorise(f: Found, url: URL, req: http.IncomingMessage): Verdict {
  let consumer: Entity | null = null;
  const [keyAuth] = pluginsOf(f, 'key-auth');
  if (keyAuth) {
    const names = ((keyAuth.config as { key_names?: string[] }).key_names ?? ['apikey']);
    const given = names
      .map((n) => (req.headers[n.toLowerCase()] as string | undefined) ?? url.searchParams.get(n))
      .find((v) => typeof v === 'string' && v.length > 0);
    if (!given) return { status: 401, message: 'No API key found in request' };
    const cred = [...f.store.entities['key-auths'].values()].find((c) => c.key === given);
    if (!cred) return { status: 401, message: 'Invalid authentication credentials' };
    consumer = f.store.entities.consumers.get(refOf(cred.consumer) ?? '') ?? null;
    if ((keyAuth.config as { hide_credentials?: boolean }).hide_credentials) {
      for (const n of names) url.searchParams.delete(n);
    }
  }
  const [acl] = pluginsOf(f, 'acl');
  if (acl) {
    const allow = (acl.config as { allow?: string[] | null }).allow ?? [];
    const groups = [...f.store.entities.acls.values()]
      .filter((a) => consumer && refOf(a.consumer) === consumer.id)
      .map((a) => String(a.group));
    if (!groups.some((g) => allow.includes(g))) {
      return { status: 403, message: 'You cannot consume this service' };
    }
  }
  const [stop] = pluginsOf(f, 'request-termination');
  if (stop) {
    const c = stop.config as { status_code?: number; message?: string | null };
    return { status: c.status_code ?? 503, message: c.message ?? 'Service unavailable' };
  }
  return { consumer };
}

function reply(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ message }));
}

export async function startFakeProxy(
  stores: () => Store[],
): Promise<{ url: string; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy.invalid');
    const found = match(stores(), url.pathname);
    if (!found) return reply(res, 404, 'no Route matched with those values');
    const verdict = authorise(found, url, req);
    if ('status' in verdict) return reply(res, verdict.status, verdict.message);

    const s = found.service;
    const base = String(s.path ?? '').replace(/\/+$/, '');
    const headers = { ...req.headers };
    delete headers.apikey;
    headers.host = `${String(s.host)}:${Number(s.port)}`;
    if (verdict.consumer) headers['x-consumer-username'] = String(verdict.consumer.username);
    const upstream = http.request(
      {
        host: String(s.host),
        port: Number(s.port),
        method: req.method,
        path: `${base}${found.rest || '/'}${url.search}`,
        headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () =>
      reply(res, 502, 'An invalid response was received from the upstream server'),
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

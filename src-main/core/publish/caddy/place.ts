// First publish to a Caddy: the owned route goes into the HTTP server that listens on the
// gateway's address, or into a new server made for it. Only the levels that are missing
// are created, and only below apps/http; the admin section and other apps stay as they are.
import type { Gateway } from '../../../../src-shared/model.js';
import { badInput, MarqueeError } from '../../errors.js';
import { seg, type CaddyAdmin } from './admin.js';
import type { CaddyRoute } from './compile.js';

type Server = { listen?: unknown; routes?: unknown };
type Apps = { http?: { servers?: Record<string, Server> | null } | null } | null;

type Address = { host: string; port: string };

const WILDCARD_HOSTS = new Set(['', '0.0.0.0', '::', '[::]']);

function parseAddress(addr: string): Address | null {
  const bare = addr.replace(/^(tcp|tcp4|tcp6)\//, '');
  const colon = bare.lastIndexOf(':');
  if (colon < 0) return null;
  return { host: bare.slice(0, colon).toLowerCase(), port: bare.slice(colon + 1) };
}

// A server serves the gateway's address when the ports agree and the hosts do, or either
// side listens on every interface.
function serves(server: Server, listen: string): boolean {
  const want = parseAddress(listen);
  const addrs = Array.isArray(server.listen) ? server.listen : [];
  return addrs.some((a) => {
    const have = typeof a === 'string' ? parseAddress(a) : null;
    if (!want || !have || have.port !== want.port) return false;
    const anyHost = WILDCARD_HOSTS.has(have.host) || WILDCARD_HOSTS.has(want.host);
    return anyHost || have.host === want.host;
  });
}

function chooseServer(g: Gateway, servers: Record<string, Server>): string | null {
  const names = Object.keys(servers).sort();
  if (g.listen) return names.find((n) => serves(servers[n] ?? {}, g.listen!)) ?? null;
  if (names.length === 1) return names[0];
  throw badInput(
    `gateway ${g.name} has no listen address and its Caddy has ${names.length} HTTP ` +
      `servers; set the gateway's listen (HOST:PORT) so Marquee knows where to publish`,
  );
}

async function addToServer(admin: CaddyAdmin, name: string, server: Server, route: CaddyRoute) {
  const routesPath = `/config/apps/http/servers/${seg(name)}/routes`;
  const routes = server.routes;

  // In front: a hand-made catch-all at the end of a server would otherwise shadow every API.
  // The owned route matches only /t/*, so it takes nothing from routes for other paths.
  if (Array.isArray(routes) && routes.length > 0) await admin.put(`${routesPath}/0`, route);
  else if (Array.isArray(routes)) await admin.post(routesPath, route);
  else await admin.put(routesPath, [route]);
}

async function createServer(admin: CaddyAdmin, g: Gateway, apps: Apps, route: CaddyRoute) {
  if (!g.listen) {
    throw badInput(`gateway ${g.name} has no listen address; set one (HOST:PORT) to publish`);
  }
  const name = `marquee-${g.name}`;
  const server = { listen: [g.listen], routes: [route] };
  const servers = apps?.http?.servers;
  if (servers && name in servers) {
    throw new MarqueeError(
      'gateway_error',
      `gateway ${g.name}: Caddy at ${admin.url} already has a server named ${name} that does ` +
        `not listen on ${g.listen}; rename it or set the gateway's listen to its address`,
    );
  }

  if (!apps) await admin.put('/config/apps', { http: { servers: { [name]: server } } });
  else if (!apps.http) await admin.put('/config/apps/http', { servers: { [name]: server } });
  else if (!servers) await admin.put('/config/apps/http/servers', { [name]: server });
  else await admin.put(`/config/apps/http/servers/${seg(name)}`, server);
  return name;
}

// Puts the owned route into Caddy as one admin change and says where it went.
export async function placeOwnedRoute(
  admin: CaddyAdmin,
  g: Gateway,
  route: CaddyRoute,
): Promise<string> {
  const apps = (await admin.get('/config/apps')) as Apps;
  const servers = apps?.http?.servers ?? {};
  const name = chooseServer(g, servers);

  if (name) {
    await addToServer(admin, name, servers[name] ?? {}, route);
    return `server ${name}`;
  }
  return `new server ${await createServer(admin, g, apps, route)}`;
}

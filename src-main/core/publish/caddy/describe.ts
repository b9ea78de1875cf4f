// Reads a per-API route back into the few facts a person compares in a plan: its path, its
// backend and whether it is blocked. Used on both sides of a diff so both read alike.
import type { CaddyRoute } from './compile.js';

export type RouteFacts = {
  path: string | null;
  // Where requests go: scheme, the dialled address (default port left out) and base path.
  backend: string | null;
  // The Host header the backend receives.
  host: string | null;
  blocked: boolean;
};

type Handler = Record<string, unknown>;

function asHandlers(route: CaddyRoute): Handler[] {
  return Array.isArray(route.handle) ? route.handle.filter((h) => h && typeof h === 'object') : [];
}

function firstString(value: unknown): string | null {
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null;
}

function backendOf(handlers: Handler[], proxy: Handler): string | null {
  const upstreams = proxy.upstreams as { dial?: unknown }[] | undefined;
  const dial = typeof upstreams?.[0]?.dial === 'string' ? upstreams[0].dial : null;
  if (!dial) return null;

  const transport = proxy.transport as { tls?: unknown } | undefined;
  const scheme = transport?.tls ? 'https' : 'http';
  const defaultPort = scheme === 'https' ? ':443' : ':80';
  const address = dial.endsWith(defaultPort) ? dial.slice(0, -defaultPort.length) : dial;

  const prefixRewrite = handlers.find((h) => h.handler === 'rewrite' && typeof h.uri === 'string');
  const basePath = prefixRewrite
    ? String(prefixRewrite.uri).replace('{http.request.uri.path}', '')
    : '';
  return `${scheme}://${address}${basePath}`;
}

export function describeRoute(route: CaddyRoute): RouteFacts {
  const handlers = asHandlers(route);
  const proxy = handlers.find((h) => h.handler === 'reverse_proxy');
  const headers = proxy?.headers as { request?: { set?: { Host?: unknown } } } | undefined;
  return {
    path: firstString(route.match?.[0]?.path),
    backend: proxy ? backendOf(handlers, proxy) : null,
    host: firstString(headers?.request?.set?.Host),
    blocked: handlers.some(
      (h) => h.handler === 'static_response' && Number(h.status_code) === 503,
    ),
  };
}

// The tenant a route serves, read from its path /t/TENANT-DOMAIN/...
export function tenantOfPath(path: string | null): string | null {
  const m = path ? /^\/t\/([^/]+)\//.exec(path) : null;
  return m ? m[1] : null;
}

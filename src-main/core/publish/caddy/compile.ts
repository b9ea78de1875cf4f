// Route intents become Caddy http-app JSON. Marquee owns exactly one route per gateway; the
// per-API routes live in its subroute, each with an @id so plans can name them.
import type { Gateway } from '../../../../src-shared/model.js';
import type { RouteIntent } from '../desired.js';

export type CaddyRoute = {
  '@id'?: string;
  match?: { path?: string[] }[];
  handle?: Record<string, unknown>[];
  [key: string]: unknown;
};

// Everything Marquee publishes sits below /t/, so the owned route never shadows a route
// someone made by hand for other paths of the same server.
export const OWNED_MATCH = '/t/*';

export const ownedRouteId = (g: Pick<Gateway, 'name'>): string => `marquee-${g.name}`;

export const apiRouteId = (g: Pick<Gateway, 'name'>, apiId: string): string =>
  `marquee-${g.name}-${apiId}`;

// Caddy expands {placeholders} in a static body; JSON braces inside string values are
// written as \u escapes so no text of the workspace can ever be read as one.
const braceSafe = (json: string): string =>
  json.replace(/\{/g, '\\u007b').replace(/\}/g, '\\u007d');

function blockedBody(r: RouteIntent): string {
  const message = `API ${r.name} ${r.version} of ${r.tenant} is blocked`;
  return `{"error":"blocked","message":${braceSafe(JSON.stringify(message))}}`;
}

function proxyHandlers(r: RouteIntent, backend: string): Record<string, unknown>[] {
  const url = new URL(backend);
  const https = url.protocol === 'https:';
  const port = url.port || (https ? '443' : '80');
  const basePath = url.pathname.replace(/\/+$/, '');

  const handlers: Record<string, unknown>[] = [
    { handler: 'rewrite', strip_path_prefix: r.prefix },
  ];
  if (basePath) {
    // The backend URL's own path prefix goes back in front of what is left of the path;
    // a rewrite of only the path keeps the query string as it came.
    handlers.push({ handler: 'rewrite', uri: `${basePath}{http.request.uri.path}` });
  }

  const proxy: Record<string, unknown> = {
    handler: 'reverse_proxy',
    upstreams: [{ dial: `${url.hostname}:${port}` }],
    headers: { request: { set: { Host: [url.host] } } },
  };
  if (https) {
    // TLS to the upstream; Go names the server (SNI) after the dial host, the backend's own.
    proxy.transport = { protocol: 'http', tls: {} };
  }
  handlers.push(proxy);
  return handlers;
}

export function compileRoute(g: Pick<Gateway, 'name'>, r: RouteIntent): CaddyRoute {
  const handle =
    r.mode === 'blocked' || !r.backend
      ? [
          {
            handler: 'static_response',
            status_code: 503,
            headers: { 'Content-Type': ['application/json'] },
            body: blockedBody(r),
          },
        ]
      : proxyHandlers(r, r.backend);

  return {
    '@id': apiRouteId(g, r.apiId),
    match: [{ path: [r.prefix, `${r.prefix}/*`] }],
    handle,
  };
}

export function ownedRoute(g: Pick<Gateway, 'name'>, routes: CaddyRoute[]): CaddyRoute {
  return {
    '@id': ownedRouteId(g),
    match: [{ path: [OWNED_MATCH] }],
    handle: [{ handler: 'subroute', routes }],
  };
}

// The per-API routes inside an owned route as read from Caddy; [] when the shape is not ours.
export function innerRoutes(owned: CaddyRoute): CaddyRoute[] {
  const sub = owned.handle?.[0];
  const routes = sub?.handler === 'subroute' ? sub.routes : undefined;
  return Array.isArray(routes) ? (routes as CaddyRoute[]) : [];
}

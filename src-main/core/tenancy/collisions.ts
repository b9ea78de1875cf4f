// Contexts that would collide on a shared gateway. Within a tenant, context and version are
// unique already (the apis table says so); on a gateway serving several tenants the route
// paths still may clash, depending on how a gateway kind builds them, and one path may sit
// below another's so that the longer API is unreachable through a gateway matching prefixes
// in order. Paths are compared without case because some gateways match them so (Caddy's
// path matcher does), and a clash on one of them is a clash to report.
import type { ApiSummary } from '../../../src-shared/model.js';
import type { ContextCollision } from '../../../src-shared/tenancy.js';

export type RoutedApi = Pick<ApiSummary, 'id' | 'tenant' | 'name' | 'version' | 'context'>;

// Lifecycle states that get a gateway route; created and retired APIs collide with nothing.
export const ROUTED_STATES: ReadonlySet<ApiSummary['lifecycle']> = new Set([
  'prototyped',
  'published',
  'deprecated',
  'blocked',
]);

const norm = (p: string): string => p.replace(/\/+$/, '').toLowerCase() || '/';

const describe = (a: RoutedApi): string => `${a.tenant} ${a.name} ${a.version}`;

// pathOf is the gateway kind's own route path for an API, so each publisher can ask with
// the scheme it publishes (the Caddy publisher's is /t/TENANT/CONTEXT/VERSION).
export function findRouteCollisions(
  apis: readonly RoutedApi[],
  pathOf: (api: RoutedApi) => string,
): ContextCollision[] {
  const byPath = new Map<string, (RoutedApi & { path: string })[]>();
  for (const api of apis) {
    const path = pathOf(api);
    const key = norm(path);
    byPath.set(key, [...(byPath.get(key) ?? []), { ...api, path }]);
  }

  const found: ContextCollision[] = [];
  for (const [key, group] of [...byPath].sort(([x], [y]) => x.localeCompare(y))) {
    if (group.length > 1) {
      found.push({
        kind: 'same',
        path: group[0].path,
        apis: group,
        message: `${group.map(describe).join(' and ')} would share the route ${group[0].path}`,
      });
    }

    // Every shorter path at a segment boundary that also belongs to an API.
    const segments = key.split('/');
    for (let n = segments.length - 1; n > 1; n--) {
      const parent = byPath.get(segments.slice(0, n).join('/'));
      if (!parent) continue;
      found.push({
        kind: 'nested',
        path: group[0].path,
        apis: [...parent, ...group],
        message:
          `${group.map(describe).join(' and ')} at ${group[0].path} sits below the route of ` +
          `${parent.map(describe).join(' and ')} at ${parent[0].path}`,
      });
    }
  }
  return found;
}

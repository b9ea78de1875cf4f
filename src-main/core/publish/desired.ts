// What the workspace wants on a gateway: one route intent per routed API of the tenants the
// gateway serves, plus an honest list, per API, of what a Caddy 2.6 gateway cannot enforce
// of it (Kong has its own list: kong/notes.ts).
import type { ApiSummary, Gateway, Tier } from '../../../src-shared/model.js';
import type { Subscription } from '../../../src-shared/tenancy.js';
import type { Db } from '../db/open.js';
import { listSubscriptions } from '../tenancy/subscriptions.js';
import { listApis } from '../workspace/apis.js';
import { getTenant } from '../workspace/tenants.js';
import { listTiers } from '../workspace/tiers.js';

// Lifecycle states that get a route, and how. `created` and `retired` get none.
const ROUTED: Partial<Record<ApiSummary['lifecycle'], 'proxy' | 'blocked'>> = {
  prototyped: 'proxy',
  published: 'proxy',
  deprecated: 'proxy',
  blocked: 'blocked',
};

export type RouteIntent = {
  apiId: string;
  tenant: string;
  name: string;
  version: string;
  // The public path prefix: /t/TENANT-DOMAIN/CONTEXT/VERSION
  prefix: string;
  mode: 'proxy' | 'blocked';
  // Null only for a blocked API: its route answers 503 and never reaches a backend.
  backend: string | null;
};

export type DesiredState = {
  routes: RouteIntent[];
  notEnforced: string[];
};

export const routePrefix = (a: Pick<ApiSummary, 'tenant' | 'context' | 'version'>): string =>
  `/t/${a.tenant}${a.context}/${a.version}`;

const label = (a: ApiSummary): string => `${a.tenant} ${a.name} ${a.version}`;

function formatTier(t: Tier): string {
  const rate = t.rateLimit === null ? null : `${t.rateLimit}/${t.rateUnit}`;
  const quota = t.quota === null ? null : `quota ${t.quota}`;
  return `${t.name} ${[rate, quota].filter(Boolean).join(', ')}`;
}

// What Caddy 2.6 from Debian cannot enforce of one routed API, said per API: its tiers'
// limits (no rate-limit module) and, where calls need a key and a subscription (published
// and deprecated APIs), the keys and subscriptions (no key-auth module). Prototypes are
// tried without a subscription and blocked APIs answer 503: both hold on Caddy as they are.
function caddyLimits(a: ApiSummary, tiers: Tier[], subs: Subscription[]): string[] {
  if (a.lifecycle === 'blocked') return [];
  const notes: string[] = [];
  const limited = tiers.filter(
    (t) => a.tiers.includes(t.name) && (t.rateLimit !== null || t.quota !== null),
  );
  if (limited.length > 0) {
    notes.push(
      `${label(a)}: tier limits are not enforced (${limited.map(formatTier).join('; ')}): ` +
        `Caddy 2.6 from Debian has no rate-limit module`,
    );
  }
  if (a.lifecycle === 'published' || a.lifecycle === 'deprecated') {
    const mine = subs.filter((s) => s.apiId === a.id);
    const who = mine.length === 0
      ? 'no application is subscribed'
      : mine.map((s) => `${s.applicationTenant}:${s.application} at ${s.tier}`).join(', ');
    notes.push(
      `${label(a)}: API keys and subscriptions are not checked (${who}): Caddy 2.6 from ` +
        `Debian has no key-auth module, so its route is open to every caller`,
    );
  }
  return notes;
}

function apiNotes(a: ApiSummary): string[] {
  const notes: string[] = [];
  if (a.visibility !== 'public') {
    notes.push(
      `${label(a)} is ${a.visibility} in the storefront, but its gateway route is open ` +
        `to everyone`,
    );
  }
  if (a.backendSandbox) {
    notes.push(`${label(a)}: the sandbox backend is not published; gateways serve production`);
  }
  return notes;
}

export function desiredState(db: Db, gateway: Gateway): DesiredState {
  const routes: RouteIntent[] = [];
  const notEnforced: string[] = [];
  const subs = listSubscriptions(db);

  for (const tenant of gateway.tenants) {
    const apis = listApis(db, { tenantId: getTenant(db, tenant).id });
    const routed: ApiSummary[] = [];

    for (const a of apis) {
      const mode = ROUTED[a.lifecycle];
      if (!mode) continue;
      if (!a.backendProduction && mode === 'proxy') {
        notEnforced.push(
          `${label(a)} (${a.lifecycle}) has no production backend, so it gets no route`,
        );
        continue;
      }
      routed.push(a);
      notEnforced.push(...apiNotes(a));
      routes.push({
        apiId: a.id,
        tenant: a.tenant,
        name: a.name,
        version: a.version,
        prefix: routePrefix(a),
        mode,
        backend: a.backendProduction ?? null,
      });
    }
    const tiers = listTiers(db, getTenant(db, tenant).id);
    for (const a of routed) notEnforced.push(...caddyLimits(a, tiers, subs));
  }

  // Longest prefix first: a context may sit below another one's path (/shop/1 and /shop),
  // and Caddy takes the first route that matches.
  routes.sort((x, y) => y.prefix.length - x.prefix.length || x.prefix.localeCompare(y.prefix));
  return { routes, notEnforced };
}

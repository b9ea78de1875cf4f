// The workspace as Kong entities: per routed API one service (the backend) and one route
// (its public path, prefix stripped), a rate-limiting plugin on the route from the best
// tier the API offers, and a request-termination plugin on blocked APIs. Every entity
// carries Marquee's tags and an id derived from the gateway and the API, so a publish
// always names the same entity and a rename keeps its id.
import { createHash } from 'node:crypto';
import type { ApiSummary, Gateway, Tier } from '../../../../src-shared/model.js';
import type { Db } from '../../db/open.js';
import { listApis } from '../../workspace/apis.js';
import { getTenant } from '../../workspace/tenants.js';
import { listTiers } from '../../workspace/tiers.js';
import { desiredState, type RouteIntent } from '../desired.js';
import type { KongKind } from './client.js';

export type KongEntity = {
  kind: KongKind;
  id: string;
  // What a person reads in a plan: the entity's name, or for a plugin its name @ route.
  key: string;
  tenant: string | null;
  api: string | null;
  // The fields Marquee sets; everything else is Kong's to fill in.
  body: Record<string, unknown>;
};

export type KongDesired = { kind: 'kong'; entities: KongEntity[] };

export const OWNER_TAG = 'marquee';
export const gatewayTag = (g: Pick<Gateway, 'name'>): string => `marquee-gw:${g.name}`;
export const ownedTags = (g: Pick<Gateway, 'name'>): string[] => [OWNER_TAG, gatewayTag(g)];

// A UUID (version 5 layout) from a stable text, so ids survive renames and republishes.
export function stableId(text: string): string {
  const h = createHash('sha1').update(`marquee:${text}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  const parts = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20)];
  return `${parts.join('-')}-${hex.slice(20)}`;
}

// Kong names allow letters, digits and . - _ ~ only: path slashes become ~.
export const entityName = (r: Pick<RouteIntent, 'tenant' | 'prefix'>): string =>
  `${r.tenant}${r.prefix.slice(`/t/${r.tenant}`.length).replace(/\//g, '~')}`;

const PER_MINUTE: Record<Tier['rateUnit'], number> = {
  second: 60,
  minute: 1,
  hour: 1 / 60,
  day: 1 / 1440,
};

// The most generous tier offered: an unlimited one means no limit at all.
export function bestTier(api: ApiSummary, tiers: Tier[]): Tier | null {
  const offered = tiers.filter((t) => api.tiers.includes(t.name));
  if (offered.length === 0 || offered.some((t) => t.rateLimit === null)) return null;
  return offered.reduce((a, b) =>
    b.rateLimit! * PER_MINUTE[b.rateUnit] > a.rateLimit! * PER_MINUTE[a.rateUnit] ? b : a,
  );
}

function backendFields(backend: string | null): Record<string, unknown> {
  if (!backend) {
    // A blocked API without a backend: the route never forwards, the service needs a host.
    return { protocol: 'http', host: 'blocked.invalid', port: 80, path: null };
  }
  const url = new URL(backend);
  const https = url.protocol === 'https:';
  const path = url.pathname.replace(/\/+$/, '');
  return {
    protocol: https ? 'https' : 'http',
    host: url.hostname,
    port: Number(url.port || (https ? 443 : 80)),
    path: path || null,
  };
}

function entitiesOf(g: Gateway, r: RouteIntent, api: ApiSummary, tiers: Tier[]): KongEntity[] {
  const name = entityName(r);
  const tags = [...ownedTags(g), `tenant:${r.tenant}`];
  const idOf = (what: string) => stableId(`${g.name}:${r.apiId}:${what}`);
  const serviceId = idOf('service');
  const routeId = idOf('route');
  const of = { tenant: r.tenant, api: r.apiId };

  const out: KongEntity[] = [
    {
      kind: 'services',
      id: serviceId,
      key: name,
      ...of,
      body: { name, ...backendFields(r.backend), tags },
    },
    {
      kind: 'routes',
      id: routeId,
      key: name,
      ...of,
      body: {
        name,
        paths: [r.prefix],
        strip_path: true,
        service: { id: serviceId },
        tags,
      },
    },
  ];

  if (r.mode === 'blocked') {
    const message = `API ${r.name} ${r.version} of ${r.tenant} is blocked`;
    out.push({
      kind: 'plugins',
      id: idOf('request-termination'),
      key: `request-termination@${name}`,
      ...of,
      body: {
        name: 'request-termination',
        route: { id: routeId },
        config: { status_code: 503, message },
        tags,
      },
    });
  }

  const tier = bestTier(api, tiers);
  if (tier && r.mode === 'proxy') {
    out.push({
      kind: 'plugins',
      id: idOf('rate-limiting'),
      key: `rate-limiting@${name}`,
      ...of,
      body: {
        name: 'rate-limiting',
        route: { id: routeId },
        config: { [tier.rateUnit]: tier.rateLimit, policy: 'local' },
        tags,
      },
    });
  }
  return out;
}

function kongNotes(apis: ApiSummary[], tiers: Tier[]): string[] {
  const notes: string[] = [];
  for (const a of apis) {
    const label = `${a.tenant} ${a.name} ${a.version}`;
    const tier = bestTier(a, tiers);
    if (tier) {
      notes.push(
        `${label}: one rate limit for every caller (${tier.name}, ${tier.rateLimit}/` +
          `${tier.rateUnit}, the best tier it offers): per-subscription tiers need ` +
          `consumers, which this version does not publish to Kong`,
      );
    }
    if (a.tiers.length > 0 && tiers.some((t) => a.tiers.includes(t.name) && t.quota !== null)) {
      notes.push(`${label}: tier quotas are not enforced on Kong`);
    }
    if (a.visibility !== 'public') {
      notes.push(`${label} is ${a.visibility} in the storefront, but its Kong route is open`);
    }
    if (a.backendSandbox) {
      notes.push(`${label}: the sandbox backend is not published; gateways serve production`);
    }
  }
  return notes;
}

// KNOWN LIMIT: applications, keys and subscriptions are not published (no consumers,
// key-auth or ACL yet), so every route is open; the plan says so per tenant.
export function compileKong(db: Db, g: Gateway): { desired: KongDesired; notes: string[] } {
  const state = desiredState(db, g);
  const entities: KongEntity[] = [];
  const notes: string[] = [];

  for (const tenant of g.tenants) {
    const tenantId = getTenant(db, tenant).id;
    const tiers = listTiers(db, tenantId);
    const byId = new Map(listApis(db, { tenantId }).map((a) => [a.id, a]));
    const routed = state.routes.filter((r) => r.tenant === tenant);

    for (const r of routed) entities.push(...entitiesOf(g, r, byId.get(r.apiId)!, tiers));
    notes.push(...kongNotes(routed.map((r) => byId.get(r.apiId)!), tiers));
    if (routed.length > 0) {
      notes.push(
        `${tenant}: API keys and subscriptions are not checked: consumers and key-auth are ` +
          `not published to Kong yet, so the routes of its ${routed.length} API(s) are open`,
      );
    }
  }
  // The skip reasons the shared desired state gives (no backend, and the like) hold here too.
  notes.push(...state.notEnforced.filter((n) => /gets no route/.test(n)));
  return { desired: { kind: 'kong', entities }, notes };
}

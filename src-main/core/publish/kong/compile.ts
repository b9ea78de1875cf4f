// The workspace as Kong entities. Per routed API one service (the backend) and one route (its
// public path, prefix stripped); then who may call it:
// - published and deprecated APIs need a key and a subscription, as on WSO2 API Manager
//   (deprecated APIs keep serving the subscriptions they have): a key-auth plugin and an acl
//   plugin allowing only the group `api:API-ID` on the route, and the applications as
//   consumers (consumers.ts). With no subscription at all, every call is refused: that is
//   what the model says, and the plan says so too;
// - prototyped APIs are tried without a subscription (decideAccess says the same): their
//   route stays open, limited by the best tier the API offers;
// - blocked APIs answer 503 to everyone through request-termination.
// Every entity carries Marquee's tags and an id derived from the gateway and what it stands
// for, so a publish always names the same entity and a rename keeps its id.
import { createHash } from 'node:crypto';
import type { ApiSummary, Gateway, Tier } from '../../../../src-shared/model.js';
import type { Db } from '../../db/open.js';
import type { SecretBox } from '../../tenancy/secrets.js';
import { listApis } from '../../workspace/apis.js';
import { getTenant } from '../../workspace/tenants.js';
import { listTiers } from '../../workspace/tiers.js';
import { desiredState, type RouteIntent } from '../desired.js';
import type { KongKind } from './client.js';
import { aclGroup, compileConsumers, type KeyedApi } from './consumers.js';
import { tierGroups } from './groups.js';
import { kongNotes } from './notes.js';
import type { KongSecret } from './secret.js';

export type KongEdition = 'oss' | 'enterprise';

export type KongEntity = {
  kind: KongKind;
  id: string;
  // What a person reads in a plan: the entity's name, or for a plugin its name @ route.
  key: string;
  tenant: string | null;
  api: string | null;
  // The Kong workspace it lives in (Enterprise); null or absent on OSS.
  workspace?: string | null;
  // The fields Marquee sets; everything else is Kong's to fill in.
  body: Record<string, unknown>;
  // A field sent to Kong but never shown or kept in clear (a key-auth credential's key).
  secret?: KongSecret;
};

export type KongDesired = {
  kind: 'kong';
  entities: KongEntity[];
  // The Kong workspaces this state lives in (Enterprise); absent on OSS.
  workspaces?: string[];
};

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

// On Enterprise each tenant lives in a Kong workspace named after its domain.
export const workspaceOf = (edition: KongEdition, tenant: string): string | null =>
  edition === 'enterprise' ? tenant : null;

const PER_MINUTE: Record<Tier['rateUnit'], number> = {
  second: 60,
  minute: 1,
  hour: 1 / 60,
  day: 1 / 1440,
};

export const perMinute = (t: Tier): number =>
  t.rateLimit === null ? Infinity : t.rateLimit * PER_MINUTE[t.rateUnit];

// The most generous tier offered: an unlimited one means no limit at all.
export function bestTier(api: ApiSummary, tiers: Tier[]): Tier | null {
  const offered = tiers.filter((t) => api.tiers.includes(t.name));
  if (offered.length === 0 || offered.some((t) => t.rateLimit === null)) return null;
  return offered.reduce((a, b) => (perMinute(b) > perMinute(a) ? b : a));
}

// Whether calls to an API need a key and a subscription (see the top of this file).
export const needsKey = (r: RouteIntent, api: ApiSummary): boolean =>
  r.mode === 'proxy' && (api.lifecycle === 'published' || api.lifecycle === 'deprecated');

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

type Place = { g: Gateway; workspace: string | null; tags: string[] };

export const routeIdOf = (g: Gateway, apiId: string): string =>
  stableId(`${g.name}:${apiId}:route`);

function entitiesOf(p: Place, r: RouteIntent, api: ApiSummary, tiers: Tier[]): KongEntity[] {
  const name = entityName(r);
  const tags = p.tags;
  const idOf = (what: string) => stableId(`${p.g.name}:${r.apiId}:${what}`);
  const serviceId = idOf('service');
  const routeId = routeIdOf(p.g, r.apiId);
  const of = { tenant: r.tenant, api: r.apiId, workspace: p.workspace };
  const plugin = (plugin: string, config: Record<string, unknown>): KongEntity => ({
    kind: 'plugins',
    id: idOf(plugin),
    key: `${plugin}@${name}`,
    ...of,
    body: { name: plugin, route: { id: routeId }, config, tags },
  });

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
      body: { name, paths: [r.prefix], strip_path: true, service: { id: serviceId }, tags },
    },
  ];

  if (r.mode === 'blocked') {
    const message = `API ${r.name} ${r.version} of ${r.tenant} is blocked`;
    out.push(plugin('request-termination', { status_code: 503, message }));
    return out;
  }
  if (needsKey(r, api)) {
    // The key is read from the apikey header or query parameter and not passed on.
    out.push(plugin('key-auth', { key_names: ['apikey'], hide_credentials: true }));
    out.push(plugin('acl', { allow: [aclGroup(r.apiId)], hide_groups_header: true }));
    return out;
  }
  const tier = bestTier(api, tiers);
  if (tier) {
    out.push(plugin('rate-limiting', { [tier.rateUnit]: tier.rateLimit, policy: 'local' }));
  }
  return out;
}

export type KongCompiled = { desired: KongDesired; notes: string[] };

// `box` opens application keys; without one, key credentials carry no key (plans compare
// nothing about them, and an apply refuses to run).
export function compileKong(
  db: Db,
  g: Gateway,
  box: SecretBox | null,
  edition: KongEdition = 'oss',
): KongCompiled {
  const state = desiredState(db, g);
  const entities: KongEntity[] = [];
  const notes: string[] = [];
  const keyedAll: KeyedApi[] = [];
  const tagsFor = (tenant: string) => [...ownedTags(g), `tenant:${tenant}`];
  const cx = { db, g, box, tags: tagsFor, idOf: (t: string) => stableId(`${g.name}:${t}`) };

  for (const tenant of g.tenants) {
    const tiers = listTiers(db, getTenant(db, tenant).id);
    const apis = listApis(db, { tenantId: getTenant(db, tenant).id });
    const byId = new Map(apis.map((a) => [a.id, a]));
    const routed = state.routes.filter((r) => r.tenant === tenant);
    const place = { g, workspace: workspaceOf(edition, tenant), tags: tagsFor(tenant) };
    const keyed: KeyedApi[] = [];

    for (const r of routed) {
      const api = byId.get(r.apiId)!;
      entities.push(...entitiesOf(place, r, api, tiers));
      if (needsKey(r, api)) {
        const routeName = entityName(r);
        keyed.push({ api, routeId: routeIdOf(g, r.apiId), routeName, workspace: place.workspace,
          tiers });
      }
    }
    keyedAll.push(...keyed);
    notes.push(...kongNotes(routed.map((r) => ({ route: r, api: byId.get(r.apiId)! })),
      tiers));

    // On Enterprise the consumers of a tenant's APIs live in its workspace, limited by
    // consumer groups per tier; on OSS they are compiled once for all tenants below.
    if (edition === 'enterprise') {
      const plan = compileConsumers(cx, keyed, [tenant], place.workspace, false);
      entities.push(...plan.entities);
      const groups = tierGroups(cx, place.workspace!, tenant, plan.tiersOf);
      entities.push(...groups.entities);
      notes.push(...groups.notes);
    }
  }
  if (edition === 'oss') entities.push(...compileConsumers(cx, keyedAll, g.tenants, null, true)
    .entities);

  // The skip reasons the shared desired state gives (no backend, and the like) hold here too.
  notes.push(...state.notEnforced.filter((n) => /gets no route/.test(n)));
  const workspaces = edition === 'enterprise' ? [...g.tenants] : undefined;
  return { desired: { kind: 'kong', entities, ...(workspaces ? { workspaces } : {}) }, notes };
}

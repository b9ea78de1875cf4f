// Applications as Kong consumers. Each application that can call something on this gateway
// becomes one consumer (username TENANT:APP, custom_id the application's id) with one
// key-auth credential holding its key, one ACL group credential per API it is subscribed to
// (`api:API-ID`, the group the API's acl plugin allows), and per subscription a rate limit
// from the subscription's tier, scoped to the consumer and the API's route.
import type { ApiSummary, Gateway, Tier } from '../../../../src-shared/model.js';
import type { Application, Subscription } from '../../../../src-shared/tenancy.js';
import type { Db } from '../../db/open.js';
import { listApplications, openApplicationKey } from '../../tenancy/applications.js';
import type { SecretBox } from '../../tenancy/secrets.js';
import { listSubscriptions } from '../../tenancy/subscriptions.js';
import { getTenant } from '../../workspace/tenants.js';
import type { KongEntity } from './compile.js';
import { hashSecret, hintOf, type KongSecret } from './secret.js';

// An API whose route asks for a key, with what a consumer's entities hang on.
export type KeyedApi = {
  api: ApiSummary;
  routeId: string;
  routeName: string;
  // Where its entities live: the tenant's Kong workspace on Enterprise, null on OSS.
  workspace: string | null;
  tiers: Tier[];
};

export type ConsumerContext = {
  db: Db;
  g: Gateway;
  // Opens application keys; without one the plan cannot say whether Kong holds the key.
  box: SecretBox | null;
  tags: (tenant: string) => string[];
  idOf: (text: string) => string;
};

export const aclGroup = (apiId: string): string => `api:${apiId}`;

export const consumerName = (a: Pick<Application, 'tenant' | 'name'>): string =>
  `${a.tenant}:${a.name}`;

function secretOf(cx: ConsumerContext, app: Application): KongSecret {
  const ref = { tenant: app.tenant, name: app.name, id: app.id };
  if (!cx.box) return { field: 'key', hash: '', hint: app.keyHint, app: ref };
  const value = openApplicationKey(cx.db, cx.box, getTenant(cx.db, app.tenant), app.name);
  return { field: 'key', hash: hashSecret(value), hint: hintOf(value), app: ref, value };
}

// The applications that get a consumer in one place (a Kong workspace, or all of Kong on
// OSS): those of the tenants living there, and those of other tenants subscribed to an API
// living there (cross-tenant subscriptions).
function applicationsFor(
  apps: Application[],
  subs: Subscription[],
  tenants: Set<string>,
): Application[] {
  const subscribed = new Set(subs.map((s) => `${s.applicationTenant}\n${s.application}`));
  return apps.filter(
    (a) => tenants.has(a.tenant) || subscribed.has(`${a.tenant}\n${a.name}`),
  );
}

function rateLimit(
  cx: ConsumerContext,
  k: KeyedApi,
  consumerId: string,
  app: Application,
  tier: Tier,
): KongEntity {
  const tenant = k.api.tenant;
  return {
    kind: 'plugins',
    id: cx.idOf(`${k.workspace ?? ''}:rate-limiting:${app.id}:${k.api.id}`),
    key: `rate-limiting@${k.routeName}#${consumerName(app)}`,
    tenant,
    api: k.api.id,
    workspace: k.workspace,
    body: {
      name: 'rate-limiting',
      route: { id: k.routeId },
      consumer: { id: consumerId },
      config: { [tier.rateUnit]: tier.rateLimit, policy: 'local' },
      tags: cx.tags(tenant),
    },
  };
}

export type ConsumerPlan = {
  entities: KongEntity[];
  // Per consumer in each place, the tiers of its subscriptions there (for consumer groups).
  tiersOf: Map<string, { consumerId: string; app: Application; tiers: Tier[] }>;
};

// Consumers, credentials and per-subscription limits for the keyed APIs of one place.
// `perSubscriptionLimits` is false where tiers are enforced otherwise (consumer groups).
export function compileConsumers(
  cx: ConsumerContext,
  keyed: KeyedApi[],
  tenants: string[],
  workspace: string | null,
  perSubscriptionLimits: boolean,
): ConsumerPlan {
  const byApi = new Map(keyed.map((k) => [k.api.id, k]));
  const subs = listSubscriptions(cx.db).filter((s) => byApi.has(s.apiId));
  const apps = applicationsFor(listApplications(cx.db), subs, new Set(tenants));
  const entities: KongEntity[] = [];
  const tiersOf: ConsumerPlan['tiersOf'] = new Map();

  for (const app of apps) {
    const tenant = app.tenant;
    const consumerId = cx.idOf(`${workspace ?? ''}:consumer:${app.id}`);
    const consumer = { id: consumerId };
    const name = consumerName(app);
    const of = { tenant, api: null, workspace };
    entities.push({
      kind: 'consumers',
      id: consumerId,
      key: name,
      ...of,
      body: { username: name, custom_id: String(app.id), tags: cx.tags(tenant) },
    });
    entities.push({
      kind: 'key-auths',
      id: cx.idOf(`${workspace ?? ''}:key-auth:${app.id}`),
      key: name,
      ...of,
      body: { consumer, tags: cx.tags(tenant) },
      secret: secretOf(cx, app),
    });

    const mine = subs.filter((s) => s.applicationTenant === tenant && s.application === app.name);
    const tiers: Tier[] = [];
    for (const s of mine) {
      const k = byApi.get(s.apiId)!;
      entities.push({
        kind: 'acls',
        id: cx.idOf(`${workspace ?? ''}:acl:${app.id}:${s.apiId}`),
        key: `${name}→${aclGroup(s.apiId)}`,
        tenant,
        api: s.apiId,
        workspace,
        body: { consumer, group: aclGroup(s.apiId), tags: cx.tags(tenant) },
      });
      const tier = k.tiers.find((t) => t.name === s.tier);
      if (!tier) continue;
      tiers.push(tier);
      if (perSubscriptionLimits && tier.rateLimit !== null) {
        entities.push(rateLimit(cx, k, consumerId, app, tier));
      }
    }
    tiersOf.set(consumerId, { consumerId, app, tiers });
  }
  return { entities, tiersOf };
}

// The capability report for Kong: what a publish does not enforce of the model, per API.
// What is enforced is left out: keys and subscriptions on published and deprecated APIs
// (key-auth and acl), each subscription's tier rate limit (per consumer on OSS, per consumer
// group on Enterprise), blocked APIs (503). Who may subscribe at all — visibility, roles,
// cross-tenant offers — is decided by decideAccess when the subscription is made, so the
// acl group of the subscribers carries it to Kong.
import type { ApiSummary, Tier } from '../../../../src-shared/model.js';
import type { RouteIntent } from '../desired.js';
import { bestTier, needsKey } from './compile.js';

const label = (a: ApiSummary): string => `${a.tenant} ${a.name} ${a.version}`;

export function kongNotes(
  routed: { route: RouteIntent; api: ApiSummary }[],
  tiers: Tier[],
): string[] {
  const notes: string[] = [];
  for (const { route, api: a } of routed) {
    const offered = tiers.filter((t) => a.tiers.includes(t.name));
    const keyed = needsKey(route, a);
    if (route.mode === 'proxy' && !keyed) {
      const tier = bestTier(a, tiers);
      const limit = tier
        ? `one rate limit for every caller (${tier.name}, ${tier.rateLimit}/${tier.rateUnit}, ` +
          `the best tier it offers)`
        : 'no rate limit';
      notes.push(
        `${label(a)} is ${a.lifecycle}: tried without a key or a subscription, its Kong route ` +
          `is open to every caller with ${limit}` +
          (a.visibility === 'public' ? '' : `, though it is ${a.visibility} in the storefront`),
      );
    }
    const quotas = offered.filter((t) => t.quota !== null);
    if (route.mode === 'proxy' && quotas.length > 0) {
      notes.push(
        `${label(a)}: tier quotas are not enforced on Kong (${quotas.map((t) => `${t.name} ` +
          `quota ${t.quota}`).join('; ')}); only the rate limits are`,
      );
    }
    if (keyed && a.visibility !== 'public') {
      notes.push(
        `${label(a)} is ${a.visibility}: Kong admits the subscribed applications; a ` +
          `subscription made before its owner lost access keeps working until it is removed`,
      );
    }
    if (a.backendSandbox) {
      notes.push(`${label(a)}: the sandbox backend is not published; gateways serve production`);
    }
  }
  if (routed.some((r) => r.route.mode === 'proxy') && tiers.some((t) => t.rateLimit !== null)) {
    const tenant = routed[0].api.tenant;
    notes.push(
      `${tenant}: rate limits count per Kong node (policy local): behind several nodes a ` +
        `caller gets the limit once per node`,
    );
  }
  return notes;
}

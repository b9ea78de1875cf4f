// Tier limits on Kong Enterprise: one consumer group per tier in use in a tenant's workspace,
// each with a rate-limiting-advanced plugin scoped to the group, and every consumer in the
// group of its tier. A consumer sits in one group, so an application subscribed at several
// tiers within one tenant is limited by the most generous of them; the plan says so.
import type { Application } from '../../../../src-shared/tenancy.js';
import type { Tier } from '../../../../src-shared/model.js';
import type { KongEntity } from './compile.js';
import { perMinute } from './compile.js';
import type { ConsumerContext, ConsumerPlan } from './consumers.js';
import { consumerName } from './consumers.js';

const WINDOW_SECONDS: Record<Tier['rateUnit'], number> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86400,
};

export const groupName = (t: Pick<Tier, 'name'>): string => `tier:${t.name}`;

// Memberships are not entities of their own in Kong; Marquee names one `GROUP-ID:CONSUMER-ID`.
export const membershipId = (groupId: string, consumerId: string): string =>
  `${groupId}:${consumerId}`;

function bestOf(tiers: Tier[]): Tier | null {
  if (tiers.length === 0 || tiers.some((t) => t.rateLimit === null)) return null;
  return tiers.reduce((a, b) => (perMinute(b) > perMinute(a) ? b : a));
}

function spread(app: Application, tiers: Tier[], best: Tier | null, tenant: string) {
  const names = [...new Set(tiers.map((t) => t.name))];
  if (names.length < 2) return null;
  return (
    `${consumerName(app)} is subscribed to ${tenant} APIs at ${names.join(', ')}: on Kong ` +
    `Enterprise a consumer is in one tier group, so all its calls there are limited by ` +
    (best ? `${best.name} (${best.rateLimit}/${best.rateUnit})` : 'no limit (an unlimited tier)')
  );
}

export function tierGroups(
  cx: ConsumerContext,
  workspace: string,
  tenant: string,
  tiersOf: ConsumerPlan['tiersOf'],
): { entities: KongEntity[]; notes: string[] } {
  const entities: KongEntity[] = [];
  const notes: string[] = [];
  const groups = new Map<string, string>();
  const tags = cx.tags(tenant);
  const of = { tenant, api: null, workspace };

  const groupOf = (tier: Tier): string => {
    const known = groups.get(tier.name);
    if (known) return known;
    const id = cx.idOf(`${workspace}:group:${tier.name}`);
    groups.set(tier.name, id);
    entities.push({
      kind: 'consumer_groups',
      id,
      key: groupName(tier),
      ...of,
      body: { name: groupName(tier), tags },
    });
    entities.push({
      kind: 'plugins',
      id: cx.idOf(`${workspace}:group-limit:${tier.name}`),
      key: `rate-limiting-advanced@${groupName(tier)}`,
      ...of,
      body: {
        name: 'rate-limiting-advanced',
        consumer_group: { id },
        config: {
          limit: [tier.rateLimit],
          window_size: [WINDOW_SECONDS[tier.rateUnit]],
          identifier: 'consumer',
          strategy: 'local',
        },
        tags,
      },
    });
    return id;
  };

  for (const { consumerId, app, tiers } of tiersOf.values()) {
    const best = bestOf(tiers);
    const note = spread(app, tiers, best, tenant);
    if (note) notes.push(note);
    if (!best) continue;
    const groupId = groupOf(best);
    entities.push({
      kind: 'consumer_group_consumers',
      id: membershipId(groupId, consumerId),
      key: `${consumerName(app)}∈${groupName(best)}`,
      ...of,
      body: { consumer_group: { id: groupId }, consumer: { id: consumerId } },
    });
  }
  return { entities, notes };
}

// Tenancy as it crosses the contract: roles and members, tiers, applications and their
// subscriptions, who sees what, the lifecycle history and the activity log. Portable like
// model.ts (zod only), so the renderer and the CLI parse audiences the same way the core does.
import { z } from 'zod';
import { Domain, LIFECYCLE_STATES, RATE_UNITS, VISIBILITIES } from './model.js';

export { SUBSCRIPTION_AVAILABILITIES, SubscriptionAvailability } from './model.js';

const NAME_RULE = 'use 1-60 letters, digits, . _ - (starting with a letter or digit)';

export const RoleName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/, NAME_RULE);

export const Username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}$/, 'use letters, digits and . _ @ + -');

// Tier and application names show in storefronts and CLI tables; spaces are fine there.
export const TierName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,59}$/, 'use 1-60 letters, digits, spaces, . _ -');

export const ApplicationName = TierName;

export const Role = z.object({
  name: z.string(),
  description: z.string(),
  members: z.number().int(),
  // APIs restricted to this role.
  apis: z.number().int(),
});
export type Role = z.infer<typeof Role>;

export const Member = z.object({
  username: z.string(),
  roles: z.array(z.string()),
  createdAt: z.string(),
});
export type Member = z.infer<typeof Member>;

const PositiveCount = z.number().int().positive().max(1_000_000_000_000);

// A tier as a person enters it. rateLimit null means unlimited; quota counts requests per
// calendar month and is optional.
export const TierInput = z
  .object({
    name: TierName,
    rateLimit: PositiveCount.nullable(),
    rateUnit: z.enum(RATE_UNITS).default('minute'),
    quota: PositiveCount.nullable().default(null),
    description: z.string().max(500).default(''),
  })
  .strict();
export type TierInput = z.input<typeof TierInput>;

export const TierPatch = z
  .object({
    name: TierName,
    rateLimit: PositiveCount.nullable(),
    rateUnit: z.enum(RATE_UNITS),
    quota: PositiveCount.nullable(),
    description: z.string().max(500),
  })
  .partial()
  .strict();
export type TierPatch = z.infer<typeof TierPatch>;

export const Application = z.object({
  id: z.number().int(),
  tenant: z.string(),
  name: z.string(),
  description: z.string(),
  // The member who owns the application; their roles decide what it may subscribe to.
  owner: z.string().nullable(),
  // Enough of the key to tell keys apart ("mqk_…a1b2"), never enough to use one.
  keyHint: z.string(),
  keyCreatedAt: z.string(),
  subscriptions: z.number().int(),
  createdAt: z.string(),
});
export type Application = z.infer<typeof Application>;

// The one answer that carries a key in clear: application.add and application.rotateKey.
// Nothing stores or shows it again.
export const IssuedKey = z.object({
  application: Application,
  apiKey: z.string(),
});
export type IssuedKey = z.infer<typeof IssuedKey>;

export const Subscription = z.object({
  id: z.number().int(),
  application: z.string(),
  applicationTenant: z.string(),
  apiId: z.string(),
  apiName: z.string(),
  apiVersion: z.string(),
  apiTenant: z.string(),
  tier: z.string(),
  createdAt: z.string(),
});
export type Subscription = z.infer<typeof Subscription>;

// Who looks at a storefront, relative to the tenant that owns it.
export type Audience =
  | { kind: 'anonymous' }
  | { kind: 'member' }
  | { kind: 'role'; role: string }
  | { kind: 'tenant'; domain: string };

// Audiences written as text: anonymous, member, role:NAME, tenant:OTHER-DOMAIN.
export function parseAudience(text: string): Audience | null {
  const t = text.trim();
  if (t === 'anonymous') return { kind: 'anonymous' };
  if (t === 'member') return { kind: 'member' };
  if (t.startsWith('role:')) {
    const role = RoleName.safeParse(t.slice(5));
    return role.success ? { kind: 'role', role: role.data } : null;
  }
  if (t.startsWith('tenant:')) {
    const domain = Domain.safeParse(t.slice(7));
    return domain.success ? { kind: 'tenant', domain: domain.data } : null;
  }
  return null;
}

export function formatAudience(a: Audience): string {
  switch (a.kind) {
    case 'anonymous':
    case 'member':
      return a.kind;
    case 'role':
      return `role:${a.role}`;
    case 'tenant':
      return `tenant:${a.domain}`;
  }
}

export const AudienceText = z
  .string()
  .trim()
  .refine(
    (s) => parseAudience(s) !== null,
    'must be anonymous, member, role:NAME or tenant:OTHER-DOMAIN',
  );

export const AccessDecision = z.object({
  canSee: z.boolean(),
  canSubscribe: z.boolean(),
  // The rule that decided, in a few words a person can read in a table cell.
  rule: z.string(),
});
export type AccessDecision = z.infer<typeof AccessDecision>;

export const AccessMatrix = z.object({
  tenant: z.string(),
  audiences: z.array(z.string()),
  apis: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      version: z.string(),
      lifecycle: z.enum(LIFECYCLE_STATES),
      visibility: z.enum(VISIBILITIES),
      // One decision per audience, in the order of `audiences`.
      cells: z.array(AccessDecision.extend({ audience: z.string() })),
    }),
  ),
});
export type AccessMatrix = z.infer<typeof AccessMatrix>;

export const LifecycleEvent = z.object({
  from: z.enum(LIFECYCLE_STATES).nullable(),
  to: z.enum(LIFECYCLE_STATES),
  at: z.string(),
});
export type LifecycleEvent = z.infer<typeof LifecycleEvent>;

export const ApiLifecycle = z.object({
  id: z.string(),
  state: z.enum(LIFECYCLE_STATES),
  // The states this API may move to next.
  allowed: z.array(z.enum(LIFECYCLE_STATES)),
  history: z.array(LifecycleEvent),
});
export type ApiLifecycle = z.infer<typeof ApiLifecycle>;

export const ContextCollision = z.object({
  // 'same' when two APIs get one route path; 'nested' when one path sits below another's.
  kind: z.enum(['same', 'nested']),
  path: z.string(),
  apis: z.array(
    z.object({
      id: z.string(),
      tenant: z.string(),
      name: z.string(),
      version: z.string(),
      context: z.string(),
      path: z.string(),
    }),
  ),
  message: z.string(),
});
export type ContextCollision = z.infer<typeof ContextCollision>;

export const ACTIVITY_ENTITIES = [
  'tenant',
  'branding',
  'api',
  'tier',
  'role',
  'member',
  'application',
  'subscription',
  'gateway',
  'document',
] as const;

export const Activity = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.enum(['create', 'update', 'delete']),
  entity: z.enum(ACTIVITY_ENTITIES),
  key: z.string(),
  tenant: z.string().nullable(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type Activity = z.infer<typeof Activity>;

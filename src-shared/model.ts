// The domain model as it crosses the contract. Portable: imported by the core, the renderer
// and the CLI alike, so it depends on zod only.
import { z } from 'zod';

export const LIFECYCLE_STATES = [
  'created',
  'prototyped',
  'published',
  'blocked',
  'deprecated',
  'retired',
] as const;

export const VISIBILITIES = ['public', 'restricted', 'private'] as const;

// WSO2's subscription availability: the API's own tenant only, every tenant, or listed ones.
export const SUBSCRIPTION_AVAILABILITIES = [
  'current-tenant',
  'all-tenants',
  'specific-tenants',
] as const;
export const SubscriptionAvailability = z.enum(SUBSCRIPTION_AVAILABILITIES);
export type SubscriptionAvailability = z.infer<typeof SubscriptionAvailability>;

export const GATEWAY_KINDS = ['caddy', 'kong'] as const;

export const RATE_UNITS = ['second', 'minute', 'hour', 'day'] as const;

// A tenant domain: lower-case labels of letters, digits and hyphens, at least two labels.
// Internationalised names arrive here already in punycode (xn--…); the core converts them.
const DOMAIN_RE = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;

export const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(DOMAIN_RE, 'must be a domain name such as acme.com');

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
export const Color = z.string().regex(HEX_COLOR, 'must be a colour like #1a2b3c');

// A context path: one or more segments of letters, digits, dot, dash or underscore, with a
// leading slash and no trailing one. It becomes part of gateway routes, so it stays strict.
export const ContextPath = z
  .string()
  .trim()
  .max(200, 'must be at most 200 characters')
  .regex(/^(\/[A-Za-z0-9._-]+)+$/, 'must look like /payments or /shop/orders')
  // Gateways clean request paths, so a route under /./ or /../ could never be reached.
  .refine((p) => !p.split('/').some((s) => s === '.' || s === '..'),
    'must not contain . or .. segments');

export const Version = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,40}$/, 'must be letters, digits, dot, dash or underscore');

export const BackendUrl = z
  .string()
  .trim()
  .url('must be an http(s) URL')
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');

export const Tenant = z.object({
  id: z.number().int(),
  domain: z.string(),
  name: z.string(),
  description: z.string(),
  apiCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Tenant = z.infer<typeof Tenant>;

export const FooterLink = z.object({
  label: z.string().trim().min(1, 'a footer link needs a label').max(60),
  url: z
    .string()
    .trim()
    .max(500)
    .regex(/^(https?:\/\/[^\s"'<>]+|mailto:[^\s"'<>]+)$/i, 'must be an http(s) or mailto: address'),
});
export type FooterLink = z.infer<typeof FooterLink>;

export const Branding = z.object({
  primaryColor: Color,
  accentColor: Color,
  backgroundColor: Color,
  textColor: Color,
  heroTitle: z.string().max(200),
  heroText: z.string().max(2000),
  footerText: z.string().max(500),
  // Links in the storefront's footer (terms, status page, support). Only web and mail
  // addresses: anything else (javascript:, data:) never reaches a page.
  footerLinks: z.array(FooterLink).max(8, 'at most 8 footer links'),
  theme: z.enum(['light', 'dark']),
  // Right-to-left storefronts (Arabic, Hebrew, Persian) mirror their layout.
  direction: z.enum(['ltr', 'rtl']),
  fontFamily: z.string().max(200),
  customCss: z.string().max(100_000),
  // Data URLs of the stored assets, or null: the renderer and the storefront need no
  // second round trip to show them.
  logo: z.string().nullable(),
  favicon: z.string().nullable(),
});
export type Branding = z.infer<typeof Branding>;

export const BrandingPatch = Branding.omit({ logo: true, favicon: true }).partial();
export type BrandingPatch = z.infer<typeof BrandingPatch>;

export const ImageMediaType = z.enum(['image/svg+xml', 'image/png', 'image/jpeg', 'image/webp']);

export const Operation = z.object({
  method: z.string(),
  path: z.string(),
  operationId: z.string().nullable(),
  summary: z.string(),
  tags: z.array(z.string()),
  deprecated: z.boolean(),
});
export type Operation = z.infer<typeof Operation>;

export const ApiSummary = z.object({
  id: z.string(),
  tenant: z.string(),
  name: z.string(),
  version: z.string(),
  context: z.string(),
  description: z.string(),
  backendProduction: z.string().nullable(),
  backendSandbox: z.string().nullable(),
  lifecycle: z.enum(LIFECYCLE_STATES),
  visibility: z.enum(VISIBILITIES),
  // The roles a restricted API is shown to; empty for public and private APIs.
  visibleRoles: z.array(z.string()),
  subscriptionAvailability: SubscriptionAvailability,
  // The tenants offered a subscription when availability is specific-tenants.
  availableTenants: z.array(z.string()),
  tags: z.array(z.string()),
  tiers: z.array(z.string()),
  operationCount: z.number().int(),
  openapiVersion: z.string(),
  source: z.string(),
  updatedAt: z.string(),
});
export type ApiSummary = z.infer<typeof ApiSummary>;

export const ApiDetail = ApiSummary.extend({
  operations: z.array(Operation),
  definitionFormat: z.enum(['json', 'yaml']),
});
export type ApiDetail = z.infer<typeof ApiDetail>;

export const ApiPatch = z
  .object({
    name: z.string().trim().min(1).max(200),
    version: Version,
    context: ContextPath,
    description: z.string().max(100_000),
    backendProduction: BackendUrl.nullable(),
    backendSandbox: BackendUrl.nullable(),
    lifecycle: z.enum(LIFECYCLE_STATES),
    visibility: z.enum(VISIBILITIES),
    tags: z.array(z.string().trim().min(1).max(60)).max(50),
    tiers: z.array(z.string()).max(50),
    visibleRoles: z.array(z.string().trim().min(1).max(60)).max(50),
    subscriptionAvailability: SubscriptionAvailability,
    availableTenants: z.array(Domain).max(500),
  })
  .partial();
export type ApiPatch = z.infer<typeof ApiPatch>;

export const Tier = z.object({
  name: z.string(),
  rateLimit: z.number().int().nullable(),
  rateUnit: z.enum(RATE_UNITS),
  quota: z.number().int().nullable(),
  description: z.string(),
});
export type Tier = z.infer<typeof Tier>;

export const Gateway = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(GATEWAY_KINDS),
  adminUrl: z.string(),
  listen: z.string().nullable(),
  environment: z.string(),
  tenants: z.array(z.string()),
  createdAt: z.string(),
});
export type Gateway = z.infer<typeof Gateway>;

export const ChangeAction = z.enum(['create', 'update', 'delete']);

export const PlanChange = z.object({
  action: ChangeAction,
  entity: z.string(),
  key: z.string(),
  tenant: z.string().nullable(),
  api: z.string().nullable(),
  fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type PlanChange = z.infer<typeof PlanChange>;

export const Plan = z.object({
  gateway: z.string(),
  changes: z.array(PlanChange),
  // What this gateway kind cannot enforce of the desired state, said instead of pretended.
  notEnforced: z.array(z.string()),
  inSync: z.boolean(),
});
export type Plan = z.infer<typeof Plan>;

export const Revision = z.object({
  id: z.number().int(),
  gateway: z.string(),
  number: z.number().int(),
  createdAt: z.string(),
  changeCount: z.number().int(),
  summary: z.string(),
});
export type Revision = z.infer<typeof Revision>;

// What happened to one entity in an apply that runs one request per entity (Kong).
export const EntityOutcome = z.object({
  action: ChangeAction,
  entity: z.string(),
  key: z.string(),
  outcome: z.enum(['applied', 'failed', 'not-run']),
  error: z.string().nullable(),
});
export type EntityOutcome = z.infer<typeof EntityOutcome>;

export const PublishResult = z.object({
  gateway: z.string(),
  applied: z.array(PlanChange),
  revision: Revision.nullable(),
  message: z.string(),
  // Per entity, where the gateway takes one request per entity; absent for one-shot applies.
  outcomes: z.array(EntityOutcome).optional(),
});
export type PublishResult = z.infer<typeof PublishResult>;

// Whether a gateway still holds what its last revision published. `changes` are in plan
// form: before = what the gateway holds now, after = what the revision recorded.
export const Drift = z.object({
  gateway: z.string(),
  // The revision compared with; null before the first publish.
  revision: z.number().int().nullable(),
  drifted: z.boolean(),
  changes: z.array(PlanChange),
  message: z.string(),
});
export type Drift = z.infer<typeof Drift>;

export const StorefrontPage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('home') }),
  z.object({ kind: z.literal('catalog') }),
  z.object({ kind: z.literal('api'), apiId: z.string() }),
  z.object({ kind: z.literal('plans') }),
  z.object({ kind: z.literal('doc'), apiId: z.string(), slug: z.string() }),
]);
export type StorefrontPage = z.infer<typeof StorefrontPage>;

export const ConflictPolicy = z.enum(['fail', 'replace', 'rename']);

export const WorkspaceInfo = z.object({
  path: z.string(),
  schemaVersion: z.number().int(),
  tenants: z.number().int(),
  apis: z.number().int(),
  gateways: z.number().int(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

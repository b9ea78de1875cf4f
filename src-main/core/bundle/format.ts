// The bundle format, version 1: a zip with manifest.json and, per tenant, tenant.json, its
// definitions and its images. The schemas here are what an import trusts, so they are strict:
// an unknown field is refused rather than silently dropped.
import { z } from 'zod';
import {
  FooterLink,
  Color,
  ContextPath,
  LIFECYCLE_STATES,
  RATE_UNITS,
  VISIBILITIES,
  SUBSCRIPTION_AVAILABILITIES,
  Version,
} from '../../../src-shared/model.js';
import { DOC_MAX_CHARS, DocSlug } from '../../../src-shared/docs.js';
import { RoleName, Username } from '../../../src-shared/tenancy.js';

export const FORMAT = 'marquee-bundle';
export const FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';

// Limits an import checks on the sizes the archive declares, before anything is inflated.
export const LIMITS = {
  entries: 20_000,
  totalBytes: 200 * 1024 * 1024,
  entryBytes: 50 * 1024 * 1024,
  imageBytes: 5 * 1024 * 1024,
};

export const IMAGE_EXTENSIONS: Record<string, string> = {
  'image/svg+xml': 'svg',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

// API ids end up in entry names and storefront links, so only plain characters pass.
export const ApiId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be letters, digits, _ or -');

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256');

export const Manifest = z
  .object({
    format: z.literal(FORMAT),
    formatVersion: z.number().int().positive(),
    createdAt: z.string(),
    producer: z.string(),
    tenants: z.array(z.string()).min(1, 'lists no tenants'),
    files: z.record(
      z.string(),
      z.object({ sha256: Sha256, size: z.number().int().nonnegative() }).strict(),
    ),
  })
  .strict();
export type Manifest = z.infer<typeof Manifest>;

// Free text is capped generously rather than to the editor's limits: names, descriptions and
// tags may come straight from an imported definition, and a bundle must take back whatever a
// workspace can hold. Values that reach routes or CSS (context, version, colours, backends)
// stay strict.
const Text = (max: number) => z.string().max(max);
const Backend = z
  .string()
  .max(2000)
  .regex(/^https?:\/\//i, 'must be an http(s) URL')
  .nullable();

export const BundleTier = z
  .object({
    name: Text(200).min(1),
    rateLimit: z.number().int().nonnegative().nullable(),
    rateUnit: z.enum(RATE_UNITS),
    quota: z.number().int().nonnegative().nullable(),
    description: Text(10_000),
  })
  .strict();

// An API's documents travel inline in tenant.json: they are text, and small.
export const BundleDoc = z
  .object({ slug: DocSlug, title: Text(200).min(1), markdown: Text(DOC_MAX_CHARS) })
  .strict();

const BundleDocs = z
  .array(BundleDoc)
  .max(200)
  .refine((docs) => new Set(docs.map((d) => d.slug)).size === docs.length, {
    message: 'two documents have the same slug',
  });

export const BundleApi = z
  .object({
    id: ApiId,
    name: Text(1000).min(1),
    version: Version,
    context: ContextPath,
    description: Text(1_000_000),
    backendProduction: Backend,
    backendSandbox: Backend,
    lifecycle: z.enum(LIFECYCLE_STATES),
    visibility: z.enum(VISIBILITIES),
    tags: z.array(Text(500)).max(100),
    tiers: z.array(z.string()).max(100),
    // Who a restricted API is shown to and who may subscribe; absent in older bundles.
    visibleRoles: z.array(RoleName).max(50).default([]),
    subscriptionAvailability: z.enum(SUBSCRIPTION_AVAILABILITIES).default('current-tenant'),
    availableTenants: z.array(z.string().max(253)).max(500).default([]),
    openapiVersion: z.string(),
    definitionFormat: z.enum(['json', 'yaml']),
    source: Text(1000),
    // The entry holding the definition text, relative to the archive root.
    definition: z.string(),
    // Bundles written before API documents carry none.
    documents: BundleDocs.default([]),
  })
  .strict();
export type BundleApi = z.infer<typeof BundleApi>;

export const BundleBranding = z
  .object({
    primaryColor: Color,
    accentColor: Color,
    backgroundColor: Color,
    textColor: Color,
    heroTitle: Text(10_000),
    heroText: Text(100_000),
    footerText: Text(100_000),
    // Bundles written before footer links carry none.
    footerLinks: z.array(FooterLink).max(8).default([]),
    theme: z.enum(['light', 'dark']),
    // Bundles written before right-to-left storefronts read left to right.
    direction: z.enum(['ltr', 'rtl']).default('ltr'),
    fontFamily: Text(1000),
    customCss: Text(1_000_000),
    // Entry names of the images instead of the data URLs the contract carries.
    logo: z.string().nullable(),
    favicon: z.string().nullable(),
  })
  .strict();

export const TenantFile = z
  .object({
    domain: z.string(),
    name: Text(1000).min(1),
    description: Text(100_000),
    branding: BundleBranding,
    tiers: z.array(BundleTier).max(100),
    // Roles and members travel with their tenant; applications and keys do not (export.ts).
    roles: z
      .array(z.object({ name: RoleName, description: Text(500) }).strict())
      .max(1000)
      .default([]),
    members: z
      .array(z.object({ username: Username, roles: z.array(RoleName).max(1000) }).strict())
      .max(100_000)
      .default([]),
    apis: z.array(BundleApi).max(10_000),
  })
  .strict();
export type TenantFile = z.infer<typeof TenantFile>;

export const tenantDir = (domain: string): string => `tenants/${domain}`;
export const tenantFilePath = (domain: string): string => `${tenantDir(domain)}/tenant.json`;
export const definitionPath = (domain: string, apiId: string, format: 'json' | 'yaml'): string =>
  `${tenantDir(domain)}/definitions/${apiId}.${format}`;
export const assetPath = (domain: string, sha256: string, mediaType: string): string =>
  `${tenantDir(domain)}/assets/${sha256}.${IMAGE_EXTENSIONS[mediaType]}`;

// Formats zod issues as "field: problem" so a message names what is wrong in the file.
export function describeIssues(err: z.ZodError): string {
  return err.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

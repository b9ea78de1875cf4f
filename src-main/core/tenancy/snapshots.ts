// What the activity log keeps of each entity before and after a change: the fields a person
// edits, never secrets (gateway credentials, keys) nor bulk data (images are named by size).
import type { ApiSummary, Branding, Gateway, Tenant } from '../../../src-shared/model.js';

export type Snapshot = Record<string, unknown>;

export const apiSnapshot = (a: ApiSummary): Snapshot => ({
  name: a.name,
  version: a.version,
  context: a.context,
  description: a.description,
  backendProduction: a.backendProduction,
  backendSandbox: a.backendSandbox,
  lifecycle: a.lifecycle,
  visibility: a.visibility,
  visibleRoles: a.visibleRoles,
  subscriptionAvailability: a.subscriptionAvailability,
  availableTenants: a.availableTenants,
  tags: a.tags,
  tiers: a.tiers,
});

export const apiLabel = (a: Pick<ApiSummary, 'name' | 'version' | 'context'>): string =>
  `${a.name} ${a.version} (${a.context})`;

export const tenantSnapshot = (t: Pick<Tenant, 'domain' | 'name' | 'description'>): Snapshot => ({
  domain: t.domain,
  name: t.name,
  description: t.description,
});

// Images as a short description: a data URL can be megabytes.
const imageNote = (dataUrl: string | null): string | null =>
  dataUrl === null ? null : `${dataUrl.slice(5, dataUrl.indexOf(';'))}, ${dataUrl.length} bytes`;

export const brandingSnapshot = (b: Branding): Snapshot => ({
  ...b,
  logo: imageNote(b.logo),
  favicon: imageNote(b.favicon),
});

// An admin URL may carry user:password@; the log keeps only scheme, host and path.
function withoutUserinfo(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '(unparsable URL)';
  }
}

export const gatewaySnapshot = (g: Gateway): Snapshot => ({
  name: g.name,
  kind: g.kind,
  adminUrl: withoutUserinfo(g.adminUrl),
  listen: g.listen,
  environment: g.environment,
  tenants: g.tenants,
});

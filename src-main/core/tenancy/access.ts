// Who sees what: the one rule deciding, for an API and someone looking at it, whether they
// see it in a storefront, whether they may subscribe to it, and which rule decided. The
// storefront pages, the static site, the access matrix and subscriptions all ask here.
//
// The semantics follow WSO2 API Manager:
// - an API is in a storefront only while prototyped, published or deprecated;
// - public APIs are seen by everyone, anonymous visitors too; private ones by the members of
//   the API's tenant; restricted ones by members holding one of the listed roles;
// - subscribing needs a signed-in user, a published API (a prototype is tried out without a
//   subscription, a deprecated API takes no new ones) and at least one offered tier;
// - users of another tenant subscribe only to public APIs whose subscription availability
//   includes their tenant (roles belong to a tenant, so restricted and private APIs are never
//   offered across tenants; the core refuses such a combination when it is set).
import type { ApiSummary } from '../../../src-shared/model.js';
import type { AccessDecision, Audience } from '../../../src-shared/tenancy.js';

export type AccessApi = Pick<
  ApiSummary,
  | 'tenant'
  | 'lifecycle'
  | 'visibility'
  | 'visibleRoles'
  | 'subscriptionAvailability'
  | 'availableTenants'
  | 'tiers'
>;

// Someone signed in (tenant set) or not (null), with the roles they hold in that tenant.
export type Viewer = { tenant: string | null; roles: readonly string[] };

export const ANONYMOUS_VIEWER: Viewer = { tenant: null, roles: [] };

// An audience is always relative to the tenant whose storefront it looks at.
export function viewerOf(audience: Audience, ownTenant: string): Viewer {
  switch (audience.kind) {
    case 'anonymous':
      return ANONYMOUS_VIEWER;
    case 'member':
      return { tenant: ownTenant, roles: [] };
    case 'role':
      return { tenant: ownTenant, roles: [audience.role] };
    case 'tenant':
      return { tenant: audience.domain, roles: [] };
  }
}

const IN_STOREFRONT: ReadonlySet<ApiSummary['lifecycle']> = new Set([
  'published',
  'prototyped',
  'deprecated',
]);

const hidden = (rule: string): AccessDecision => ({ canSee: false, canSubscribe: false, rule });
const seenOnly = (rule: string): AccessDecision => ({ canSee: true, canSubscribe: false, rule });

function visibilityRule(api: AccessApi, viewer: Viewer): AccessDecision | string {
  const own = viewer.tenant === api.tenant;
  switch (api.visibility) {
    case 'public':
      return 'public';
    case 'private':
      return own ? `private to ${api.tenant} members` : hidden(`private to ${api.tenant} members`);
    case 'restricted': {
      const roles = api.visibleRoles.join(', ') || '(no roles)';
      if (!own) return hidden(`restricted to ${api.tenant} roles ${roles}`);
      const held = api.visibleRoles.find((r) => viewer.roles.includes(r));
      if (held) return `restricted to ${roles}; holds ${held}`;
      return hidden(`restricted to ${roles}; ${viewer.roles.length ? 'holds none' : 'no role'}`);
    }
  }
}

function offeredTo(api: AccessApi, tenant: string): boolean {
  switch (api.subscriptionAvailability) {
    case 'current-tenant':
      return false;
    case 'all-tenants':
      return true;
    case 'specific-tenants':
      return api.availableTenants.includes(tenant);
  }
}

export function decideAccess(api: AccessApi, viewer: Viewer): AccessDecision {
  if (!IN_STOREFRONT.has(api.lifecycle)) return hidden(`${api.lifecycle}: in no storefront`);

  const seen = visibilityRule(api, viewer);
  if (typeof seen !== 'string') return seen;

  if (viewer.tenant === null) return seenOnly(`${seen}; sign in to subscribe`);
  if (api.lifecycle === 'prototyped') {
    return seenOnly(`${seen}; prototype: tried without a subscription`);
  }
  if (api.lifecycle === 'deprecated') {
    return seenOnly(`${seen}; deprecated: no new subscriptions`);
  }

  if (viewer.tenant !== api.tenant && !offeredTo(api, viewer.tenant)) {
    return seenOnly(`${seen}; not offered to ${viewer.tenant}`);
  }
  if (api.tiers.length === 0) return seenOnly(`${seen}; offers no tier`);

  const across = viewer.tenant === api.tenant ? '' : `; offered to ${viewer.tenant}`;
  return { canSee: true, canSubscribe: true, rule: `${seen}${across}` };
}

export function decideForAudience(api: AccessApi, audience: Audience): AccessDecision {
  return decideAccess(api, viewerOf(audience, api.tenant));
}

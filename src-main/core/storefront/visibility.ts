// Who may see which API in a storefront. One rule in one place: the storefront pages, the
// static site and (later) the "view as" preview all ask here.
import type { Audience } from '../../../src-shared/tenancy.js';
import { decideForAudience, type AccessApi } from '../tenancy/access.js';

// Audiences (anonymous, member, role:NAME, tenant:OTHER-DOMAIN) and the rule itself live in
// tenancy/access.ts, which also decides subscriptions; the storefront only asks it.
export type { Audience };

export const ANONYMOUS: Audience = { kind: 'anonymous' };

export function canSeeApi(api: AccessApi, audience: Audience): boolean {
  return decideForAudience(api, audience).canSee;
}

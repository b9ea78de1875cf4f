// Who may see which API in a storefront. One rule in one place: the storefront pages, the
// static site and (later) the "view as" preview all ask here.
import type { ApiSummary } from '../../../src-shared/model.js';

// The foundation knows only the anonymous visitor; roles, members and users of other
// tenants extend this union (and the rule below) when audiences land.
export type Audience = { kind: 'anonymous' };

export const ANONYMOUS: Audience = { kind: 'anonymous' };

// Lifecycle states in which an API appears in a storefront at all, as in WSO2's
// Developer Portal: prototypes are shown to try out, deprecated ones until retired.
const LISTED_STATES: ReadonlySet<ApiSummary['lifecycle']> = new Set([
  'published',
  'prototyped',
  'deprecated',
]);

export function canSeeApi(
  api: Pick<ApiSummary, 'lifecycle' | 'visibility'>,
  audience: Audience,
): boolean {
  if (!LISTED_STATES.has(api.lifecycle)) return false;

  switch (audience.kind) {
    case 'anonymous':
      return api.visibility === 'public';
  }
}

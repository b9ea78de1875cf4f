import { buildStorefrontSite } from '../storefront/site.js';
import { renderStorefrontPage } from '../storefront/render.js';
import { resolveAudience } from '../tenancy/matrix.js';
import { getTenant } from '../workspace/tenants.js';
import type { HandlerMap } from './types.js';

export const storefrontHandlers: HandlerMap<'storefront.render' | 'storefront.build'> = {
  'storefront.render': (input, ctx) => {
    const audience = resolveAudience(ctx.db, getTenant(ctx.db, input.domain), input.audience);
    return {
      html: renderStorefrontPage(ctx.db, input.domain, input.page, input.brandingDraft, audience),
    };
  },
  'storefront.build': (input, ctx) => {
    const audience = resolveAudience(ctx.db, getTenant(ctx.db, input.domain), input.audience);
    return buildStorefrontSite(ctx.db, input.domain, input.outDir, audience);
  },
};

import { buildStorefrontSite } from '../storefront/site.js';
import { renderStorefrontPage } from '../storefront/render.js';
import type { HandlerMap } from './types.js';

export const storefrontHandlers: HandlerMap<'storefront.render' | 'storefront.build'> = {
  'storefront.render': (input, ctx) => ({
    html: renderStorefrontPage(ctx.db, input.domain, input.page, input.brandingDraft),
  }),
  'storefront.build': (input, ctx) => buildStorefrontSite(ctx.db, input.domain, input.outDir),
};

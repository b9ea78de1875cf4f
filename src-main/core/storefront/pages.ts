// Renders one storefront page for a prepared context; the preview and the static build
// both come through here, so they show the same pages under the same rules.
import type { StorefrontPage } from '../../../src-shared/model.js';
import type { Db } from '../db/open.js';
import { notFound } from '../errors.js';
import { listOperations } from '../workspace/apis.js';
import { renderApiPage } from './api-page.js';
import { renderCatalog } from './catalog.js';
import { renderHome } from './home.js';
import type { PageContext } from './view.js';

export function renderPage(db: Db, ctx: PageContext, page: StorefrontPage): string {
  switch (page.kind) {
    case 'home':
      return renderHome(ctx);
    case 'catalog':
      return renderCatalog(ctx);
    case 'api': {
      // The same answer whether the API is hidden from this audience, belongs to another
      // tenant or does not exist: a storefront does not reveal what it does not show.
      const api = ctx.data.apis.find((a) => a.id === page.apiId);
      if (!api) {
        throw notFound(`the storefront of ${ctx.data.tenant.domain} has no API ${page.apiId}`);
      }
      return renderApiPage(ctx, api, listOperations(db, api.id));
    }
  }
}

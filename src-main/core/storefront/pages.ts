// Renders one storefront page for a prepared context; the preview and the static build
// both come through here, so they show the same pages under the same rules.
import type { StorefrontPage } from '../../../src-shared/model.js';
import type { Db } from '../db/open.js';
import { notFound } from '../errors.js';
import { getApiDoc, listApiDocs } from '../workspace/api-docs.js';
import { listOperations } from '../workspace/apis.js';
import { renderApiPage } from './api-page.js';
import { renderCatalog } from './catalog.js';
import { renderDocPage } from './doc-page.js';
import { renderHome } from './home.js';
import { renderPlans } from './plans.js';
import type { PageContext } from './view.js';

// The same answer whether the API is hidden from this audience, belongs to another tenant or
// does not exist: a storefront does not reveal what it does not show.
function visibleApi(ctx: PageContext, apiId: string) {
  const api = ctx.data.apis.find((a) => a.id === apiId);
  if (!api) throw notFound(`the storefront of ${ctx.data.tenant.domain} has no API ${apiId}`);
  return api;
}

export function renderPage(db: Db, ctx: PageContext, page: StorefrontPage): string {
  switch (page.kind) {
    case 'home':
      return renderHome(ctx);
    case 'catalog':
      return renderCatalog(ctx);
    case 'api': {
      const api = visibleApi(ctx, page.apiId);
      return renderApiPage(ctx, api, listOperations(db, api.id), listApiDocs(db, api.id));
    }
    case 'plans':
      return renderPlans(ctx);
    case 'doc': {
      const api = visibleApi(ctx, page.apiId);
      const doc = getApiDoc(db, api.id, page.slug);
      return renderDocPage(ctx, api, doc, listApiDocs(db, api.id));
    }
  }
}

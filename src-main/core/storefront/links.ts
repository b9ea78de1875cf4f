// Where storefront links and images point, which depends on where the page will be shown:
// - preview: inside the app's sandboxed iframe (srcdoc), where links cannot navigate and
//   carry the target page for the page script to post to the app instead;
// - static: files of a built site, linked relatively so it opens from disk or any host.
import { createHash } from 'node:crypto';
import type { StorefrontPage } from '../../../src-shared/model.js';
import { html, type SafeHtml } from './html.js';

export type LinkMode =
  | { kind: 'preview' }
  // depth: how many folders below the site root the page sits (api pages are in api/).
  | { kind: 'static'; depth: number };

const SAFE_FILE_ID = /^[A-Za-z0-9_-]{1,80}$/;

// An API id as a file name. Ids made by Marquee are already safe; one that arrived in a
// bundle from elsewhere is hashed rather than trusted as a path.
export function apiFileName(apiId: string): string {
  return `${safeName(apiId, 'api')}.html`;
}

function safeName(id: string, prefix: string): string {
  if (SAFE_FILE_ID.test(id)) return id;
  return `${prefix}-${createHash('sha256').update(id).digest('hex').slice(0, 20)}`;
}

export function sitePath(page: StorefrontPage): string {
  switch (page.kind) {
    case 'home':
      return 'index.html';
    case 'catalog':
      return 'catalog.html';
    case 'api':
      return `api/${apiFileName(page.apiId)}`;
    case 'plans':
      return 'plans.html';
    // Documents sit in a folder named like their API's page: api/ID.html, api/ID/SLUG.html.
    case 'doc':
      return `api/${safeName(page.apiId, 'api')}/${safeName(page.slug, 'doc')}.html`;
  }
}

const up = (depth: number): string => '../'.repeat(depth);

// The attributes of a link to another storefront page.
export function pageLink(mode: LinkMode, page: StorefrontPage): SafeHtml {
  if (mode.kind === 'preview') {
    return html`href="#" data-marquee-page="${JSON.stringify(page)}"`;
  }
  return html`href="${up(mode.depth) + sitePath(page)}"`;
}

// A path inside the static site (an asset) as seen from the page.
export function siteAsset(mode: LinkMode, file: string): string {
  return mode.kind === 'static' ? up(mode.depth) + file : file;
}

// One storefront page for the in-app preview, with the branding editor's unsaved draft
// applied. The page is shown in a sandboxed iframe; its links post messages instead of
// navigating (see links.ts).
import type { BrandingPatch, StorefrontPage } from '../../../src-shared/model.js';
import type { Db } from '../db/open.js';
import { renderPage } from './pages.js';
import { ANONYMOUS, type Audience } from './visibility.js';
import { loadStorefront, previewImages } from './view.js';

export function renderStorefrontPage(
  db: Db,
  domain: string,
  page: StorefrontPage,
  draft?: BrandingPatch,
  audience: Audience = ANONYMOUS,
): string {
  const data = loadStorefront(db, domain, draft, audience);
  const images = previewImages(data.branding);
  return renderPage(db, { data, mode: { kind: 'preview' }, images }, page);
}

// Placeholder until the storefront renderer lands (being written now).
import type { BrandingPatch, StorefrontPage } from '../../../src-shared/model.js';
import type { Db } from '../db/open.js';
import { MarqueeError } from '../errors.js';

export function renderStorefrontPage(
  _db: Db,
  _domain: string,
  _page: StorefrontPage,
  _draft?: BrandingPatch,
): string {
  throw new MarqueeError('internal', 'the storefront is not built yet');
}

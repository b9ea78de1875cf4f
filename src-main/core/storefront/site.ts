// Placeholder until the static storefront build lands (being written now).
import type { Db } from '../db/open.js';
import { MarqueeError } from '../errors.js';

export function buildStorefrontSite(
  _db: Db,
  _domain: string,
  _outDir: string,
): { dir: string; files: number; pages: number } {
  throw new MarqueeError('internal', 'the storefront build is not built yet');
}

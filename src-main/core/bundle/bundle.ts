// Placeholder until bundles land (being written now).
import type { Db } from '../db/open.js';
import { MarqueeError } from '../errors.js';

export function exportBundle(_db: Db, _domains: string[]): Uint8Array {
  throw new MarqueeError('internal', 'bundles are not built yet');
}
export function importBundle(
  _db: Db,
  _bytes: Buffer,
  _onConflict: 'fail' | 'replace' | 'rename',
): { tenants: string[]; apis: number } {
  throw new MarqueeError('internal', 'bundles are not built yet');
}

// Placeholder until the demo workspace lands (being written now).
import type { Db } from '../db/open.js';
import { MarqueeError } from '../errors.js';

export function createDemo(
  _db: Db,
  _opts: { force: boolean },
): Promise<{ tenants: string[]; apis: number }> {
  throw new MarqueeError('internal', 'the demo is not built yet');
}

// Drift on Caddy: does the owned route still hold what the last revision put there? A hand
// edit inside Marquee's subtree, or a Caddy restarted on an older config, shows up here.
import type { Drift, Gateway } from '../../../../src-shared/model.js';
import type { Db } from '../../db/open.js';
import { diffRoutes, storedRoutes } from '../diff.js';
import { readOwned } from '../engine.js';
import * as revisions from '../revisions.js';
import { caddyAdmin } from './admin.js';
import type { CaddyRoute } from './compile.js';
import { driftReport } from '../drift-report.js';

export async function driftCaddy(db: Db, g: Gateway): Promise<Drift> {
  const last = revisions.latestRevisionState(db, g);
  if (!last) {
    return {
      gateway: g.name,
      revision: null,
      drifted: false,
      changes: [],
      message: `nothing has been published to ${g.name} yet, so there is nothing to drift from`,
    };
  }

  const recorded = last.desired as CaddyRoute;
  const actual = await readOwned(caddyAdmin(g), g);
  const changes = diffRoutes(g, storedRoutes(g, recorded), actual);
  const n = last.revision.number;
  return driftReport(g, n, changes);
}

import { snapshotWorkspace } from '../db/snapshot.js';
import { createDemo } from '../demo/demo.js';
import { listTenants } from '../workspace/tenants.js';
import type { HandlerMap } from './types.js';

export const demoHandlers: HandlerMap<'demo.create'> = {
  'demo.create': async (input, ctx) => {
    // --force replaces everything: keep what was there beside the file first.
    const backup = input.force && listTenants(ctx.db).length > 0
      ? snapshotWorkspace(ctx.db, ctx.workspacePath, 'before-demo')
      : null;
    return { ...(await createDemo(ctx.db, { force: input.force })), backup };
  },
};

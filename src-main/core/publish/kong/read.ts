// Reading what Marquee owns on a Kong: every entity carrying this gateway's tags, kind after
// kind (so reading stays within any concurrency setting, even 1). On Enterprise each of the
// given workspaces is read in turn; a workspace that is not there holds nothing yet.
import type { Gateway } from '../../../../src-shared/model.js';
import type { KongAdmin, KongKind } from './client.js';
import { ownedTags } from './compile.js';
import { emptyState, type KongState } from './diff.js';

// null: OSS, one space; otherwise the Enterprise workspaces to read.
export type Places = { workspaces: string[] | null };

const TAGGED: KongKind[] = ['services', 'routes', 'plugins', 'consumers', 'key-auths', 'acls'];

export async function readState(admin: KongAdmin, g: Gateway, where: Places): Promise<KongState> {
  const state = emptyState();
  const tags = ownedTags(g);
  if (where.workspaces === null) {
    for (const kind of TAGGED) {
      for (const o of await admin.list(kind, tags)) state[kind].set(o.id, o);
    }
    return state;
  }

  state.where = new Map();
  for (const ws of where.workspaces) {
    if (!(await admin.hasWorkspace(ws))) continue;
    for (const kind of [...TAGGED, 'consumer_groups'] as KongKind[]) {
      for (const o of await admin.list(kind, tags, ws)) {
        state[kind].set(o.id, o);
        state.where.set(`${kind}:${o.id}`, ws);
      }
    }
    // Memberships carry no tags: those of Marquee's groups are Marquee's.
    for (const group of [...state.consumer_groups.keys()]) {
      if (state.where.get(`consumer_groups:${group}`) !== ws) continue;
      for (const m of await admin.members(group, ws)) {
        state.consumer_group_consumers.set(m.id, m);
        state.where.set(`consumer_group_consumers:${m.id}`, ws);
      }
    }
  }
  return state;
}

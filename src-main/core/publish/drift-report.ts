// How a drift check reads, whatever the gateway kind: which revision it compared with and
// the entities that differ, in the plan's own form.
import type { Drift, Gateway, PlanChange } from '../../../src-shared/model.js';

export function driftReport(g: Gateway, revision: number, changes: PlanChange[]): Drift {
  return {
    gateway: g.name,
    revision,
    drifted: changes.length > 0,
    changes,
    message:
      changes.length === 0
        ? `${g.name} holds exactly what revision #${revision} published`
        : `${g.name} has drifted from revision #${revision}: ${changes.length} ` +
          `entit${changes.length === 1 ? 'y differs' : 'ies differ'}`,
  };
}

// Runs Kong operations step by step in the diff's order, each step with at most
// `concurrency` requests in flight. After a failure nothing new starts: the requests already
// in flight finish, the rest is reported as not run.
import type { EntityOutcome } from '../../../../src-shared/model.js';
import { MarqueeError } from '../../errors.js';
import type { KongAdmin } from './client.js';
import { stepOf, type KongOp } from './diff.js';

export type RunResult = { outcomes: EntityOutcome[]; failed: EntityOutcome | null };

const outcomeOf = (op: KongOp, outcome: EntityOutcome['outcome'], error: string | null) => ({
  action: op.action,
  entity: op.change.entity,
  key: op.change.key,
  outcome,
  error,
});

async function runOne(admin: KongAdmin, op: KongOp): Promise<void> {
  if (op.action === 'delete') await admin.remove(op.kind, op.id, op.workspace);
  else await admin.put(op.kind, op.id, op.body ?? {}, op.workspace);
}

export async function runOps(
  admin: KongAdmin,
  ops: KongOp[],
  concurrency: number,
  signal?: AbortSignal,
  onOutcome?: (o: EntityOutcome) => void,
): Promise<RunResult> {
  const outcomes = new Map<KongOp, EntityOutcome>();
  let failed: EntityOutcome | null = null;

  const steps = new Map<number, KongOp[]>();
  for (const op of ops) steps.set(stepOf(op), [...(steps.get(stepOf(op)) ?? []), op]);

  for (const step of [...steps.keys()].sort((a, b) => a - b)) {
    const queue = [...steps.get(step)!];
    const worker = async () => {
      for (let op = queue.shift(); op; op = queue.shift()) {
        if (failed || signal?.aborted) return;
        try {
          await runOne(admin, op);
          const o = outcomeOf(op, 'applied', null);
          outcomes.set(op, o);
          onOutcome?.(o);
        } catch (err) {
          const message = err instanceof MarqueeError ? err.message : String(err);
          const o = outcomeOf(op, 'failed', message);
          outcomes.set(op, o);
          onOutcome?.(o);
          failed ??= o;
        }
      }
    };
    const width = Math.max(1, Math.min(concurrency, queue.length));
    await Promise.all(Array.from({ length: width }, worker));
    if (failed || signal?.aborted) break;
  }

  return {
    outcomes: ops.map((op) => outcomes.get(op) ?? outcomeOf(op, 'not-run', null)),
    failed,
  };
}

// An API's operations grouped by tag, the way developer portals list them. An operation
// with several tags appears under each; untagged ones gather at the end. One pass, so a
// definition with thousands of operations groups as fast as it is read.
import type { Operation } from '../../../src-shared/model.js';

export type OperationGroup = { tag: string; anchor: string; operations: Operation[] };

const UNTAGGED = 'Other operations';

export function groupOperations(operations: Operation[], declaredTags: string[]): OperationGroup[] {
  const groups = new Map<string, Operation[]>();
  // Declared tags first, in the definition's order; tags only used by operations follow.
  for (const tag of declaredTags) groups.set(tag, []);

  const untagged: Operation[] = [];
  for (const op of operations) {
    if (op.tags.length === 0) untagged.push(op);
    for (const tag of new Set(op.tags)) {
      const list = groups.get(tag);
      if (list) list.push(op);
      else groups.set(tag, [op]);
    }
  }

  const result: OperationGroup[] = [];
  for (const [tag, ops] of groups) {
    if (ops.length > 0) result.push({ tag, anchor: `ops-${result.length + 1}`, operations: ops });
  }
  if (untagged.length > 0) {
    result.push({ tag: UNTAGGED, anchor: `ops-${result.length + 1}`, operations: untagged });
  }
  return result;
}

// Placeholder until the publishing engine lands (being written now).
import type { Gateway, Plan, PublishResult, Revision } from '../../../src-shared/model.js';
import type { Db } from '../db/open.js';
import { MarqueeError } from '../errors.js';

const todo = (): never => {
  throw new MarqueeError('internal', 'publishing is not built yet');
};
export const computePlan = (_db: Db, _g: Gateway): Promise<Plan> => todo();
export const applyPlan = (_db: Db, _g: Gateway): Promise<PublishResult> => todo();
export const listRevisions = (_db: Db, _g: Gateway): Revision[] => todo();
export const testGateway = (_g: Gateway): Promise<{ reachable: boolean; message: string }> =>
  todo();

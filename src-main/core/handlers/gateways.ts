import { addGateway, getGateway, listGateways, removeGateway } from '../workspace/gateways.js';
import { applyPlan, computePlan, listRevisions, testGateway } from '../publish/engine.js';
import type { HandlerMap } from './types.js';

type M =
  | 'gateway.list'
  | 'gateway.add'
  | 'gateway.remove'
  | 'gateway.test'
  | 'publish.plan'
  | 'publish.apply'
  | 'revision.list';

export const gatewayHandlers: HandlerMap<M> = {
  'gateway.list': (_input, ctx) => listGateways(ctx.db),
  'gateway.add': (input, ctx) => addGateway(ctx.db, input),
  'gateway.remove': (input, ctx) => {
    removeGateway(ctx.db, input.name);
    return { ok: true as const };
  },
  'gateway.test': (input, ctx) => testGateway(getGateway(ctx.db, input.name)),
  'publish.plan': (input, ctx) => computePlan(ctx.db, getGateway(ctx.db, input.gateway)),
  'publish.apply': (input, ctx) => applyPlan(ctx.db, getGateway(ctx.db, input.gateway)),
  'revision.list': (input, ctx) => listRevisions(ctx.db, getGateway(ctx.db, input.gateway)),
};

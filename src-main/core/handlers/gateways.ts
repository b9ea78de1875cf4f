import { addGateway, getGateway, listGateways, removeGateway } from '../workspace/gateways.js';
import { listRevisions } from '../publish/engine.js';
import { publisherFor } from '../publish/gateway-kinds.js';
import type { HandlerMap } from './types.js';

type M =
  | 'gateway.list'
  | 'gateway.add'
  | 'gateway.remove'
  | 'gateway.test'
  | 'publish.plan'
  | 'publish.apply'
  | 'revision.list'
  | 'revision.rollback'
  | 'publish.drift';

export const gatewayHandlers: HandlerMap<M> = {
  'gateway.list': (_input, ctx) => listGateways(ctx.db),
  'gateway.add': (input, ctx) => addGateway(ctx.db, input),
  'gateway.remove': (input, ctx) => {
    removeGateway(ctx.db, input.name);
    return { ok: true as const };
  },
  'gateway.test': (input, ctx) => {
    const g = getGateway(ctx.db, input.name);
    return publisherFor(g).test(ctx.db, g);
  },
  'publish.plan': (input, ctx) => {
    const g = getGateway(ctx.db, input.gateway);
    return publisherFor(g).plan(ctx.db, g);
  },
  'publish.apply': (input, ctx) => {
    const g = getGateway(ctx.db, input.gateway);
    return publisherFor(g).apply(ctx.db, g);
  },
  'revision.list': (input, ctx) => listRevisions(ctx.db, getGateway(ctx.db, input.gateway)),
  'revision.rollback': (input, ctx) => {
    const g = getGateway(ctx.db, input.gateway);
    return publisherFor(g).rollback(ctx.db, g, input.number);
  },
  'publish.drift': (input, ctx) => {
    const g = getGateway(ctx.db, input.gateway);
    return publisherFor(g).drift(ctx.db, g);
  },
};

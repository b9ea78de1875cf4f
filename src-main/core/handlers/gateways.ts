import { addGateway, getGateway, listGateways, removeGateway } from '../workspace/gateways.js';
import { listRevisions } from '../publish/engine.js';
import { applyProgress, cancelApply } from '../publish/cancel.js';
import { publisherFor, type PublishEnv } from '../publish/gateway-kinds.js';
import type { CoreContext } from '../context.js';
import { fileSecretBox } from '../tenancy/secrets.js';
import type { HandlerMap } from './types.js';

// Publishers that hand keys to a gateway open them with the workspace's box.
const envOf = (ctx: CoreContext): PublishEnv => ({
  secrets: ctx.secrets ?? fileSecretBox(ctx.workspacePath),
});

type M =
  | 'gateway.list'
  | 'gateway.add'
  | 'gateway.remove'
  | 'gateway.test'
  | 'publish.plan'
  | 'publish.apply'
  | 'publish.cancel'
  | 'publish.progress'
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
    return publisherFor(g).plan(ctx.db, g, envOf(ctx));
  },
  'publish.apply': (input, ctx) => {
    const g = getGateway(ctx.db, input.gateway);
    return publisherFor(g).apply(ctx.db, g, envOf(ctx));
  },
  'publish.progress': (input, ctx) => {
    const g = getGateway(ctx.db, input.gateway);
    return { ...applyProgress(g.name), cancellable: publisherFor(g).cancellable };
  },
  'publish.cancel': (input, ctx) => {
    const g = getGateway(ctx.db, input.gateway);
    if (!publisherFor(g).cancellable) {
      return {
        cancelled: false,
        message: `${g.name} (${g.kind}) applies in one request; there is nothing to stop midway`,
      };
    }
    const cancelled = cancelApply(g.name);
    return {
      cancelled,
      message: cancelled
        ? `the publish to ${g.name} stops after the requests in flight, then restores`
        : `no publish to ${g.name} is running in this process`,
    };
  },
  'revision.list': (input, ctx) => listRevisions(ctx.db, getGateway(ctx.db, input.gateway)),
  'revision.rollback': (input, ctx) => {
    const g = getGateway(ctx.db, input.gateway);
    return publisherFor(g).rollback(ctx.db, g, input.number, envOf(ctx));
  },
  'publish.drift': (input, ctx) => {
    const g = getGateway(ctx.db, input.gateway);
    return publisherFor(g).drift(ctx.db, g);
  },
};

import { createDemo } from '../demo/demo.js';
import type { HandlerMap } from './types.js';

export const demoHandlers: HandlerMap<'demo.create'> = {
  'demo.create': (input, ctx) => createDemo(ctx.db, { force: input.force }),
};

import type { Method, Output, ParsedInput } from '../../../src-shared/contract.js';
import type { CoreContext } from '../context.js';

export type Handler<M extends Method> = (
  input: ParsedInput<M>,
  ctx: CoreContext,
) => Output<M> | Promise<Output<M>>;

export type HandlerMap<K extends Method> = { [M in K]: Handler<M> };

// The core: one object that owns a workspace and answers every method of the contract.
// Shells call `dispatch` (or `invoke`, which throws) and never reach past it.
import { ZodError } from 'zod';
import {
  contract,
  isMethod,
  type Envelope,
  type Input,
  type Method,
  type Output,
} from '../../src-shared/contract.js';
import type { CoreContext } from './context.js';
import { closeWorkspace, openWorkspace, type OpenOptions } from './db/open.js';
import { MarqueeError } from './errors.js';
import { apiDocHandlers } from './handlers/api-docs.js';
import { apiHandlers } from './handlers/apis.js';
import { bundleHandlers } from './handlers/bundle.js';
import { demoHandlers } from './handlers/demo.js';
import { gatewayHandlers } from './handlers/gateways.js';
import { storefrontHandlers } from './handlers/storefront.js';
import { tenancyHandlers } from './handlers/tenancy.js';
import { themeHandlers } from './handlers/themes.js';
import { undoHandlers } from './handlers/undo.js';
import type { Handler } from './handlers/types.js';
import { workspaceHandlers } from './handlers/workspace.js';
import { logger } from './log.js';
import type { SecretBox } from './tenancy/secrets.js';

const log = logger('core');

const handlers: { [M in Method]: Handler<M> } = {
  ...workspaceHandlers,
  ...apiHandlers,
  ...apiDocHandlers,
  ...gatewayHandlers,
  ...storefrontHandlers,
  ...bundleHandlers,
  ...demoHandlers,
  ...tenancyHandlers,
  ...themeHandlers,
  ...undoHandlers,
};

export type Core = {
  readonly workspacePath: string;
  dispatch(method: string, input: unknown): Promise<Envelope<unknown>>;
  invoke<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  close(): void;
};

function formatZodError(err: ZodError): string {
  return err.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export function toWireError(err: unknown): Envelope<never> {
  if (err instanceof MarqueeError) return { ok: false, error: err.toWire() };
  if (err instanceof ZodError) {
    return { ok: false, error: { code: 'bad_input', message: formatZodError(err) } };
  }
  const e = err as { code?: string; message?: string };
  if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT')) {
    return { ok: false, error: { code: 'conflict', message: e.message ?? 'constraint failed' } };
  }
  if (e?.code === 'SQLITE_READONLY' || e?.code === 'SQLITE_READONLY_DBMOVED') {
    return {
      ok: false,
      error: {
        code: 'workspace_error',
        message: 'the workspace file is read-only; nothing was changed',
      },
    };
  }
  if (e?.code === 'SQLITE_FULL' || e?.code === 'ENOSPC') {
    return {
      ok: false,
      error: { code: 'workspace_error', message: 'the disk is full; nothing was changed' },
    };
  }
  log.error({ err }, 'unexpected error');
  return { ok: false, error: { code: 'internal', message: e?.message ?? String(err) } };
}

export type CoreOptions = OpenOptions & {
  // The Electron app passes a box over safeStorage; the CLI and shell use the key file.
  secrets?: SecretBox;
};

export function createCore(workspacePath: string, options: CoreOptions = {}): Core {
  const db = openWorkspace(workspacePath, options);
  const ctx: CoreContext = { db, workspacePath, secrets: options.secrets };

  async function dispatch(method: string, input: unknown): Promise<Envelope<unknown>> {
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'bad_input', message: `unknown method ${method}` } };
    }
    try {
      const parsed = contract[method].input.parse(input ?? {});
      const handler = handlers[method] as Handler<Method>;
      const value = await handler(parsed as never, ctx);
      return { ok: true, value };
    } catch (err) {
      return toWireError(err);
    }
  }

  async function invoke<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    const result = await dispatch(method, input);
    if (!result.ok) {
      throw new MarqueeError(result.error.code, result.error.message, result.error.details);
    }
    return result.value as Output<M>;
  }

  return {
    workspacePath,
    dispatch,
    invoke,
    close: () => closeWorkspace(db),
  };
}

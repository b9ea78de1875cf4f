import { parseDefinition } from '../openapi/parse.js';
import {
  deleteApi,
  getApi,
  getDefinition,
  insertApi,
  listApis,
  updateApi,
} from '../workspace/apis.js';
import { getTenant } from '../workspace/tenants.js';
import type { HandlerMap } from './types.js';

type M = 'api.list' | 'api.get' | 'api.import' | 'api.update' | 'api.delete' | 'api.definition';

export const apiHandlers: HandlerMap<M> = {
  'api.list': (input, ctx) =>
    listApis(ctx.db, {
      tenantId: input.tenant ? getTenant(ctx.db, input.tenant).id : undefined,
      query: input.query,
    }),

  'api.get': (input, ctx) => getApi(ctx.db, input.id),

  'api.import': async (input, ctx) => {
    const tenant = getTenant(ctx.db, input.tenant);
    // Parse and validate fully before anything touches the workspace: a broken file stores
    // nothing.
    const parsed = await parseDefinition(input.fileName, input.content);
    const id = insertApi(ctx.db, {
      tenantId: tenant.id,
      fileName: input.fileName,
      text: input.content,
      parsed,
      context: input.context,
      version: input.version,
      backend: input.backend,
    });
    return getApi(ctx.db, id);
  },

  'api.update': (input, ctx) => updateApi(ctx.db, input.id, input.patch),
  'api.delete': (input, ctx) => {
    deleteApi(ctx.db, input.id);
    return { ok: true as const };
  },
  'api.definition': (input, ctx) => getDefinition(ctx.db, input.id),
};

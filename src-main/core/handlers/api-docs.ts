import { deleteApiDoc, listApiDocs, putApiDoc } from '../workspace/api-docs.js';
import type { HandlerMap } from './types.js';

export const apiDocHandlers: HandlerMap<'api.doc.list' | 'api.doc.put' | 'api.doc.delete'> = {
  'api.doc.list': (input, ctx) => listApiDocs(ctx.db, input.apiId),
  'api.doc.put': (input, ctx) => putApiDoc(ctx.db, input.apiId, input),
  'api.doc.delete': (input, ctx) => {
    deleteApiDoc(ctx.db, input.apiId, input.slug);
    return { ok: true as const };
  },
};

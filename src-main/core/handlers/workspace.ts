import { schemaVersion } from '../db/open.js';
import { getBranding, setBrandingImage, updateBranding } from '../workspace/branding.js';
import {
  createTenant,
  deleteTenant,
  getTenant,
  listTenants,
  updateTenant,
} from '../workspace/tenants.js';
import { listTiers } from '../workspace/tiers.js';
import type { HandlerMap } from './types.js';

type M =
  | 'workspace.info'
  | 'tenant.list'
  | 'tenant.get'
  | 'tenant.create'
  | 'tenant.update'
  | 'tenant.delete'
  | 'branding.get'
  | 'branding.update'
  | 'branding.setImage'
  | 'tier.list';

const count = (ctx: { db: import('../db/open.js').Db }, table: string): number =>
  (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

export const workspaceHandlers: HandlerMap<M> = {
  'workspace.info': (_input, ctx) => ({
    path: ctx.workspacePath,
    schemaVersion: schemaVersion(ctx.db),
    tenants: count(ctx, 'tenants'),
    apis: count(ctx, 'apis'),
    gateways: count(ctx, 'gateways'),
  }),

  'tenant.list': (_input, ctx) => listTenants(ctx.db),
  'tenant.get': (input, ctx) => getTenant(ctx.db, input.domain),
  'tenant.create': (input, ctx) => createTenant(ctx.db, input),
  'tenant.update': (input, ctx) => updateTenant(ctx.db, input),
  'tenant.delete': (input, ctx) => {
    deleteTenant(ctx.db, input.domain);
    return { ok: true as const };
  },

  'branding.get': (input, ctx) => getBranding(ctx.db, getTenant(ctx.db, input.domain).id),
  'branding.update': (input, ctx) =>
    updateBranding(ctx.db, getTenant(ctx.db, input.domain).id, input.patch),
  'branding.setImage': (input, ctx) =>
    setBrandingImage(
      ctx.db,
      getTenant(ctx.db, input.domain).id,
      input.slot,
      input.mediaType,
      input.dataBase64 === null ? null : Buffer.from(input.dataBase64, 'base64'),
    ),

  'tier.list': (input, ctx) => listTiers(ctx.db, getTenant(ctx.db, input.tenant).id),
};

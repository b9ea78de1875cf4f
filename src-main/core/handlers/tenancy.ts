import { MarqueeError, notFound } from '../errors.js';
import { routePrefix } from '../publish/desired.js';
import { listActivity } from '../tenancy/activity.js';
import {
  addApplication,
  getApplication,
  listApplications,
  removeApplication,
  rotateApplicationKey,
  tenantsWithApplication,
} from '../tenancy/applications.js';
import { findRouteCollisions, ROUTED_STATES } from '../tenancy/collisions.js';
import { lifecycleOf } from '../tenancy/lifecycle.js';
import { accessMatrix } from '../tenancy/matrix.js';
import {
  addMember,
  addRole,
  listMembers,
  listRoles,
  removeMember,
  removeRole,
  setMember,
} from '../tenancy/roles.js';
import { fileSecretBox, type SecretBox } from '../tenancy/secrets.js';
import { listSubscriptions, subscribe, unsubscribe } from '../tenancy/subscriptions.js';
import { addTier, deleteTier, updateTier } from '../tenancy/tiers.js';
import { listApis, updateApi } from '../workspace/apis.js';
import { getGateway } from '../workspace/gateways.js';
import { getTenant, listTenants } from '../workspace/tenants.js';
import type { Tenant } from '../../../src-shared/model.js';
import type { CoreContext } from '../context.js';
import type { HandlerMap } from './types.js';

type M =
  | 'role.list'
  | 'role.add'
  | 'role.remove'
  | 'member.list'
  | 'member.add'
  | 'member.set'
  | 'member.remove'
  | 'tier.add'
  | 'tier.update'
  | 'tier.delete'
  | 'application.list'
  | 'application.add'
  | 'application.rotateKey'
  | 'application.remove'
  | 'subscription.list'
  | 'subscription.add'
  | 'subscription.remove'
  | 'api.lifecycle'
  | 'api.history'
  | 'access.matrix'
  | 'gateway.collisions'
  | 'activity.list';

const ok = { ok: true as const };

const secretsOf = (ctx: CoreContext): SecretBox => ctx.secrets ?? fileSecretBox(ctx.workspacePath);

// The tenant holding an application of this name: the one given, or the only one there is.
function applicationTenant(ctx: CoreContext, name: string, domain?: string): Tenant {
  if (domain) return getTenant(ctx.db, domain);
  const holders = tenantsWithApplication(ctx.db, name);
  if (holders.length === 0) throw notFound(`no application named ${name}`);
  if (holders.length > 1) {
    throw new MarqueeError(
      'bad_input',
      `tenant: ${holders.join(', ')} each have an application named ${name}; say which`,
    );
  }
  return getTenant(ctx.db, holders[0]);
}

export const tenancyHandlers: HandlerMap<M> = {
  'role.list': (input, ctx) => listRoles(ctx.db, getTenant(ctx.db, input.tenant).id),
  'role.add': (input, ctx) =>
    addRole(ctx.db, getTenant(ctx.db, input.tenant), input.name, input.description),
  'role.remove': (input, ctx) => {
    removeRole(ctx.db, getTenant(ctx.db, input.tenant), input.name);
    return ok;
  },

  'member.list': (input, ctx) => listMembers(ctx.db, getTenant(ctx.db, input.tenant).id),
  'member.add': (input, ctx) =>
    addMember(ctx.db, getTenant(ctx.db, input.tenant), input.username, input.roles),
  'member.set': (input, ctx) =>
    setMember(ctx.db, getTenant(ctx.db, input.tenant), input.username, input.roles),
  'member.remove': (input, ctx) => {
    removeMember(ctx.db, getTenant(ctx.db, input.tenant), input.username);
    return ok;
  },

  'tier.add': (input, ctx) => addTier(ctx.db, getTenant(ctx.db, input.tenant), input.tier),
  'tier.update': (input, ctx) =>
    updateTier(ctx.db, getTenant(ctx.db, input.tenant), input.name, input.patch),
  'tier.delete': (input, ctx) => {
    deleteTier(ctx.db, getTenant(ctx.db, input.tenant), input.name);
    return ok;
  },

  'application.list': (input, ctx) =>
    listApplications(ctx.db, input.tenant ? getTenant(ctx.db, input.tenant).id : undefined),
  'application.add': (input, ctx) =>
    addApplication(ctx.db, secretsOf(ctx), getTenant(ctx.db, input.tenant), input),
  'application.rotateKey': (input, ctx) =>
    rotateApplicationKey(
      ctx.db,
      secretsOf(ctx),
      applicationTenant(ctx, input.name, input.tenant),
      input.name,
    ),
  'application.remove': (input, ctx) => {
    removeApplication(ctx.db, getTenant(ctx.db, input.tenant), input.name);
    return ok;
  },

  'subscription.list': (input, ctx) => {
    if (input.application) {
      const tenant = applicationTenant(ctx, input.application, input.tenant);
      const app = getApplication(ctx.db, tenant, input.application);
      return listSubscriptions(ctx.db, { applicationId: app.id });
    }
    return listSubscriptions(ctx.db, {
      tenantId: input.tenant ? getTenant(ctx.db, input.tenant).id : undefined,
    });
  },
  'subscription.add': (input, ctx) =>
    subscribe(ctx.db, applicationTenant(ctx, input.application, input.tenant), input),
  'subscription.remove': (input, ctx) => {
    unsubscribe(ctx.db, applicationTenant(ctx, input.application, input.tenant), input);
    return ok;
  },

  'api.lifecycle': (input, ctx) => {
    updateApi(ctx.db, input.id, { lifecycle: input.state });
    return lifecycleOf(ctx.db, input.id);
  },
  'api.history': (input, ctx) => lifecycleOf(ctx.db, input.id),

  'access.matrix': (input, ctx) => accessMatrix(ctx.db, getTenant(ctx.db, input.tenant)),

  'gateway.collisions': (input, ctx) => {
    const domains = input.gateway
      ? getGateway(ctx.db, input.gateway).tenants
      : listTenants(ctx.db).map((t) => t.domain);
    const apis = domains
      .flatMap((d) => listApis(ctx.db, { tenantId: getTenant(ctx.db, d).id }))
      .filter((a) => ROUTED_STATES.has(a.lifecycle));
    return findRouteCollisions(apis, routePrefix);
  },

  'activity.list': (input, ctx) => listActivity(ctx.db, input),
};

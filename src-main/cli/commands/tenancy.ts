// Tenancy from the command line: roles and members, tiers, applications and their keys,
// subscriptions, lifecycle moves, the access matrix, route collisions and the activity log.
import type { Command } from 'commander';
import { RATE_UNITS } from '../../../src-shared/model.js';
import type { IssuedKey } from '../../../src-shared/tenancy.js';
import { action, UsageError, type Cli } from '../context.js';
import { table } from '../output.js';
import { resolveApiId, splitList } from '../resolve.js';

// An existing command group (api, gateway), so tenancy subcommands sit where people look.
function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name)
    .description(description);
}

// "unlimited" or a positive whole number.
function parseRate(text: string): number | null {
  if (text === 'unlimited') return null;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) {
    throw new UsageError(`--rate must be a positive whole number or "unlimited", not ${text}`);
  }
  return n;
}

function parseQuota(text: string): number | null {
  return text === 'none' ? null : parseRate(text === 'unlimited' ? 'x' : text);
}

function parseUnit(text: string): (typeof RATE_UNITS)[number] {
  const unit = text.replace(/s$/, '') as (typeof RATE_UNITS)[number];
  if (!RATE_UNITS.includes(unit)) throw new UsageError(`--per must be ${RATE_UNITS.join('|')}`);
  return unit;
}

// The key goes to stdout alone, so `KEY=$(marquee app add …)` works; the warning to stderr.
function showKey(cli: Cli, issued: IssuedKey, verb: string): void {
  cli.out.result(issued, () => issued.apiKey);
  if (!cli.out.json) {
    cli.out.note(
      `${verb} ${issued.application.name} of ${issued.application.tenant}: store this key ` +
        'now; Marquee never shows it again',
    );
  }
}

function roleCommands(program: Command): void {
  const role = program.command('role').description('roles of a tenant (partner, internal, …)');
  role
    .command('add <name>')
    .description('add a role to a tenant')
    .requiredOption('--tenant <domain>', 'the tenant')
    .option('--description <text>', 'what the role is for', '')
    .action(
      action(async (cli, name: string, opts: { tenant: string; description: string }) => {
        const r = await cli.call('role.add', { ...opts, name });
        cli.out.result(r, () => `role ${r.name} added to ${opts.tenant}`);
      }),
    );
  role
    .command('list')
    .description('list the roles of a tenant')
    .requiredOption('--tenant <domain>', 'the tenant')
    .action(
      action(async (cli, opts: { tenant: string }) => {
        const roles = await cli.call('role.list', { tenant: opts.tenant });
        cli.out.result(roles, () =>
          table(
            ['ROLE', 'MEMBERS', 'RESTRICTED APIS', 'DESCRIPTION'],
            roles.map((r) => [r.name, String(r.members), String(r.apis), r.description]),
          ),
        );
      }),
    );
  role
    .command('remove <name>')
    .description('remove a role (refused while an API is restricted to it)')
    .requiredOption('--tenant <domain>', 'the tenant')
    .action(
      action(async (cli, name: string, opts: { tenant: string }) => {
        await cli.call('role.remove', { tenant: opts.tenant, name });
        cli.out.result({ ok: true }, () => `role ${name} removed from ${opts.tenant}`);
      }),
    );
}

function memberCommands(program: Command): void {
  const member = program.command('member').description('members (users) of a tenant');
  member
    .command('add <username>')
    .description('add a member holding some roles')
    .requiredOption('--tenant <domain>', 'the tenant')
    .option('--roles <names>', 'comma-separated roles', '')
    .action(
      action(async (cli, username: string, opts: { tenant: string; roles: string }) => {
        const m = await cli.call('member.add', {
          tenant: opts.tenant,
          username,
          roles: splitList(opts.roles) ?? [],
        });
        cli.out.result(m, () => `${m.username} added (${m.roles.join(', ') || 'no roles'})`);
      }),
    );
  member
    .command('set <username>')
    .description("replace a member's roles")
    .requiredOption('--tenant <domain>', 'the tenant')
    .requiredOption('--roles <names>', 'comma-separated roles ("" for none)')
    .action(
      action(async (cli, username: string, opts: { tenant: string; roles: string }) => {
        const m = await cli.call('member.set', {
          tenant: opts.tenant,
          username,
          roles: splitList(opts.roles) ?? [],
        });
        cli.out.result(m, () => `${m.username} now holds ${m.roles.join(', ') || 'no roles'}`);
      }),
    );
  member
    .command('list')
    .description('list the members of a tenant')
    .requiredOption('--tenant <domain>', 'the tenant')
    .action(
      action(async (cli, opts: { tenant: string }) => {
        const members = await cli.call('member.list', { tenant: opts.tenant });
        cli.out.result(members, () =>
          table(['MEMBER', 'ROLES'], members.map((m) => [m.username, m.roles.join(', ')])),
        );
      }),
    );
  member
    .command('remove <username>')
    .description('remove a member')
    .requiredOption('--tenant <domain>', 'the tenant')
    .action(
      action(async (cli, username: string, opts: { tenant: string }) => {
        await cli.call('member.remove', { tenant: opts.tenant, username });
        cli.out.result({ ok: true }, () => `${username} removed from ${opts.tenant}`);
      }),
    );
}

type TierOpts = {
  tenant: string;
  name?: string;
  rate?: string;
  per?: string;
  quota?: string;
  description?: string;
};

function tierCommands(program: Command): void {
  const tier = program.command('tier').description('subscription tiers of a tenant');
  tier
    .command('list')
    .description('list the tiers of a tenant')
    .requiredOption('--tenant <domain>', 'the tenant')
    .action(
      action(async (cli, opts: { tenant: string }) => {
        const tiers = await cli.call('tier.list', { tenant: opts.tenant });
        cli.out.result(tiers, () =>
          table(
            ['TIER', 'RATE LIMIT', 'QUOTA/MONTH', 'DESCRIPTION'],
            tiers.map((t) => [
              t.name,
              t.rateLimit === null ? 'unlimited' : `${t.rateLimit}/${t.rateUnit}`,
              t.quota === null ? '-' : String(t.quota),
              t.description,
            ]),
          ),
        );
      }),
    );
  tier
    .command('add <name>')
    .description('add a tier')
    .requiredOption('--tenant <domain>', 'the tenant')
    .requiredOption('--rate <n>', 'requests allowed per unit, or "unlimited"')
    .option('--per <unit>', RATE_UNITS.join('|'), 'minute')
    .option('--quota <n>', 'requests per month (optional)')
    .option('--description <text>', 'shown in storefronts', '')
    .action(
      action(async (cli, name: string, opts: TierOpts) => {
        const t = await cli.call('tier.add', {
          tenant: opts.tenant,
          tier: {
            name,
            rateLimit: parseRate(opts.rate!),
            rateUnit: parseUnit(opts.per!),
            quota: opts.quota === undefined ? null : parseQuota(opts.quota),
            description: opts.description,
          },
        });
        cli.out.result(t, () => `tier ${t.name} added to ${opts.tenant}`);
      }),
    );
  tier
    .command('set <name>')
    .description('change a tier')
    .requiredOption('--tenant <domain>', 'the tenant')
    .option('--name <new>', 'rename the tier')
    .option('--rate <n>', 'requests allowed per unit, or "unlimited"')
    .option('--per <unit>', RATE_UNITS.join('|'))
    .option('--quota <n>', 'requests per month, or "none"')
    .option('--description <text>')
    .action(
      action(async (cli, name: string, opts: TierOpts) => {
        const t = await cli.call('tier.update', {
          tenant: opts.tenant,
          name,
          patch: {
            name: opts.name,
            rateLimit: opts.rate === undefined ? undefined : parseRate(opts.rate),
            rateUnit: opts.per === undefined ? undefined : parseUnit(opts.per),
            quota: opts.quota === undefined ? undefined : parseQuota(opts.quota),
            description: opts.description,
          },
        });
        cli.out.result(t, () => `tier ${t.name} of ${opts.tenant} changed`);
      }),
    );
  tier
    .command('delete <name>')
    .description('delete a tier (refused while an API offers it or a subscription uses it)')
    .requiredOption('--tenant <domain>', 'the tenant')
    .action(
      action(async (cli, name: string, opts: { tenant: string }) => {
        await cli.call('tier.delete', { tenant: opts.tenant, name });
        cli.out.result({ ok: true }, () => `tier ${name} deleted from ${opts.tenant}`);
      }),
    );
}

function appCommands(program: Command): void {
  const app = program.command('app').description('applications and their API keys');
  app
    .command('add <name>')
    .description('add an application; prints its new API key once')
    .requiredOption('--tenant <domain>', 'the tenant the application belongs to')
    .option('--owner <username>', 'the member it acts for (their roles count)')
    .option('--description <text>', 'what the application is', '')
    .action(
      action(async (cli, name: string, opts: { tenant: string; owner?: string;
        description: string }) => {
        const issued = await cli.call('application.add', { ...opts, name });
        showKey(cli, issued, 'added');
      }),
    );
  app
    .command('rotate-key <name>')
    .description('replace the API key of an application; prints the new key once')
    .option('--tenant <domain>', 'needed only when several tenants have this name')
    .action(
      action(async (cli, name: string, opts: { tenant?: string }) => {
        const issued = await cli.call('application.rotateKey', { tenant: opts.tenant, name });
        showKey(cli, issued, 'rotated the key of');
      }),
    );
  app
    .command('list')
    .description('list applications (keys show as hints only)')
    .option('--tenant <domain>', 'only this tenant')
    .action(
      action(async (cli, opts: { tenant?: string }) => {
        const apps = await cli.call('application.list', { tenant: opts.tenant });
        cli.out.result(apps, () =>
          table(
            ['TENANT', 'APPLICATION', 'OWNER', 'KEY', 'SUBSCRIPTIONS'],
            apps.map((a) => [a.tenant, a.name, a.owner ?? '-', a.keyHint, String(a.subscriptions)]),
          ),
        );
      }),
    );
  app
    .command('remove <name>')
    .description('remove an application with its subscriptions')
    .requiredOption('--tenant <domain>', 'the tenant')
    .action(
      action(async (cli, name: string, opts: { tenant: string }) => {
        await cli.call('application.remove', { tenant: opts.tenant, name });
        cli.out.result({ ok: true }, () => `application ${name} removed from ${opts.tenant}`);
      }),
    );
}

function subscriptionCommands(program: Command): void {
  program
    .command('subscribe <app> <api>')
    .description('subscribe an application to an API (id, name or context) at a tier')
    .requiredOption('--tier <name>', 'one of the tiers the API offers')
    .option('--tenant <domain>', "the application's tenant, if its name is not unique")
    .option('--api-tenant <domain>', "the API's tenant, if its name is not unique")
    .action(
      action(async (cli, app: string, api: string, opts: { tier: string; tenant?: string;
        apiTenant?: string }) => {
        const apiId = await resolveApiId(cli, api, opts.apiTenant, opts.tenant);
        const s = await cli.call('subscription.add', {
          tenant: opts.tenant,
          application: app,
          apiId,
          tier: opts.tier,
        });
        cli.out.result(s, () =>
          `${s.application} (${s.applicationTenant}) subscribed to ${s.apiName} ${s.apiVersion} ` +
          `of ${s.apiTenant} at ${s.tier}`,
        );
      }),
    );
  program
    .command('unsubscribe <app> <api>')
    .description("remove an application's subscription to an API")
    .option('--tenant <domain>', "the application's tenant, if its name is not unique")
    .option('--api-tenant <domain>', "the API's tenant, if its name is not unique")
    .action(
      action(async (cli, app: string, api: string, opts: { tenant?: string;
        apiTenant?: string }) => {
        const apiId = await resolveApiId(cli, api, opts.apiTenant, opts.tenant);
        await cli.call('subscription.remove', { tenant: opts.tenant, application: app, apiId });
        cli.out.result({ ok: true }, () => `${app} unsubscribed from ${api}`);
      }),
    );
  program
    .command('subscriptions')
    .description('list subscriptions of a tenant, an application, or all')
    .option('--tenant <domain>', "only this tenant's applications")
    .option('--app <name>', 'only this application')
    .action(
      action(async (cli, opts: { tenant?: string; app?: string }) => {
        const subs = await cli.call('subscription.list', {
          tenant: opts.tenant,
          application: opts.app,
        });
        cli.out.result(subs, () =>
          table(
            ['APPLICATION', 'OF', 'API', 'VERSION', 'API TENANT', 'TIER'],
            subs.map((s) => [s.application, s.applicationTenant, s.apiName, s.apiVersion,
              s.apiTenant, s.tier]),
          ),
        );
      }),
    );
}

function lifecycleCommands(program: Command): void {
  const api = group(program, 'api', 'list and import APIs');
  api
    .command('lifecycle <api> <state>')
    .description('move an API to another lifecycle state (WSO2 moves only)')
    .option('--tenant <domain>', 'the tenant, if the API name is not unique')
    .action(
      action(async (cli, ref: string, state: string, opts: { tenant?: string }) => {
        const id = await resolveApiId(cli, ref, opts.tenant);
        const l = await cli.call('api.lifecycle', { id, state: state as never });
        cli.out.result(l, () =>
          `${id} is ${l.state}; next: ${l.allowed.join(', ') || '(none, retired is final)'}`);
      }),
    );
  api
    .command('history <api>')
    .description("an API's lifecycle moves, oldest first")
    .option('--tenant <domain>', 'the tenant, if the API name is not unique')
    .action(
      action(async (cli, ref: string, opts: { tenant?: string }) => {
        const l = await cli.call('api.history', { id: await resolveApiId(cli, ref, opts.tenant) });
        cli.out.result(l, () =>
          table(['AT', 'FROM', 'TO'], l.history.map((h) => [h.at, h.from ?? '-', h.to])));
      }),
    );
}

function accessCommands(program: Command): void {
  program
    .command('access <domain>')
    .description('who sees what: every API of a tenant against every audience')
    .action(
      action(async (cli, domain: string) => {
        const m = await cli.call('access.matrix', { tenant: domain });
        // see+sub, see, or -, one column per audience; the rules follow below the table.
        const mark = (c: { canSee: boolean; canSubscribe: boolean }) =>
          c.canSubscribe ? 'see+sub' : c.canSee ? 'see' : '-';
        cli.out.result(m, () =>
          [
            table(
              ['API', 'VERSION', ...m.audiences],
              m.apis.map((a) => [a.name, a.version, ...a.cells.map(mark)]),
            ),
            '',
            ...m.apis.flatMap((a) =>
              a.cells.map((c) => `${a.name} ${a.version} / ${c.audience}: ${c.rule}`)),
          ].join('\n'),
        );
      }),
    );

  const gateway = group(program, 'gateway', 'gateways Marquee publishes to');
  gateway
    .command('collisions')
    .description('route paths that would clash on one gateway (or on one serving every tenant)')
    .option('--gateway <name>', 'only the tenants this gateway serves')
    .action(
      action(async (cli, opts: { gateway?: string }) => {
        const found = await cli.call('gateway.collisions', { gateway: opts.gateway });
        cli.out.result(found, () =>
          found.length === 0 ? 'no route collisions' : found.map((c) => c.message).join('\n'));
      }),
    );
}

function activityCommands(program: Command): void {
  program
    .command('activity')
    .description('the latest changes to the workspace, newest first')
    .option('--tenant <domain>', 'only changes of this tenant')
    .option('--entity <kind>', 'tenant, branding, api, tier, role, member, application, …')
    .option('--limit <n>', 'how many', '50')
    .action(
      action(async (cli, opts: { tenant?: string; entity?: string; limit: string }) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1) {
          throw new UsageError('--limit must be a positive whole number');
        }
        const rows = await cli.call('activity.list', {
          tenant: opts.tenant,
          entity: opts.entity as never,
          limit,
        });
        cli.out.result(rows, () =>
          table(
            ['AT', 'TENANT', 'WHAT'],
            rows.map((r) => [r.at.replace('T', ' ').slice(0, 19), r.tenant ?? '-', r.summary]),
          ),
        );
      }),
    );
}

export function tenancyCommands(program: Command): void {
  roleCommands(program);
  memberCommands(program);
  tierCommands(program);
  appCommands(program);
  subscriptionCommands(program);
  lifecycleCommands(program);
  accessCommands(program);
  activityCommands(program);
}

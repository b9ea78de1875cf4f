import type { Command } from 'commander';
import { GATEWAY_KINDS, type Plan, type PlanChange } from '../../../src-shared/model.js';
import { action, UsageError } from '../context.js';
import { confirmProduction } from '../confirm.js';
import { table } from '../output.js';

const SIGN = { create: '+', update: '~', delete: '-' } as const;

function describeChange(c: PlanChange): string {
  const head = `${SIGN[c.action]} ${c.action} ${c.entity} ${c.key}`;
  const fields = c.fields.map(
    (f) => `    ${f.field}: ${JSON.stringify(f.before)} -> ${JSON.stringify(f.after)}`,
  );
  return [head, ...(c.action === 'update' ? fields : [])].join('\n');
}

export function describePlan(plan: Plan): string {
  const lines = plan.inSync
    ? [`${plan.gateway} is in sync: nothing to change.`]
    : [
        `${plan.changes.length} change(s) for ${plan.gateway}:`,
        ...plan.changes.map(describeChange),
      ];
  if (plan.notEnforced.length > 0) {
    lines.push('', 'Not enforced by this gateway:', ...plan.notEnforced.map((n) => `  ! ${n}`));
  }
  return lines.join('\n');
}

type GatewayAddOptions = {
  kind: string;
  adminUrl: string;
  listen?: string;
  tenants: string;
  environment: string;
  concurrency?: string;
  token?: string;
  restore?: boolean;
  edition?: string;
};

type RollbackOptions = { gateway: string; to?: string; revision?: string; yes?: boolean };

export function gatewayCommands(program: Command): void {
  const gateway = program.command('gateway').description('register and list gateways');

  gateway
    .command('add <name>')
    .description('register a gateway Marquee publishes to')
    .requiredOption('--kind <kind>', `gateway kind (${GATEWAY_KINDS.join(', ')})`)
    .requiredOption('--admin-url <url>', 'admin API URL, such as http://127.0.0.1:2019')
    .option('--listen <host:port>', 'address the gateway serves APIs on')
    .option('--tenants <domains>', 'comma-separated tenant domains it serves', '')
    .option('--environment <label>', 'environment label (dev, staging, prod)', 'dev')
    .option('--token <token>', 'admin API token (sent as Kong-Admin-Token on Kong)')
    .option('--concurrency <n>', 'entity requests in flight at once (Kong; default 8)')
    .option('--no-restore', 'leave a failed apply as it stopped instead of restoring')
    .option('--edition <edition>', 'Kong edition: oss (default) or enterprise (workspaces)')
    .action(
      action(async (cli, name: string, opts: GatewayAddOptions) => {
        const kind = GATEWAY_KINDS.find((k) => k === opts.kind);
        if (!kind) {
          throw new UsageError(
            `unknown gateway kind ${opts.kind} (this version knows: ${GATEWAY_KINDS.join(', ')})`,
          );
        }
        const concurrency = opts.concurrency === undefined ? undefined : Number(opts.concurrency);
        if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
          throw new UsageError('--concurrency must be a whole number from 1');
        }
        const edition = opts.edition === undefined ? undefined : opts.edition;
        if (edition !== undefined && edition !== 'oss' && edition !== 'enterprise') {
          throw new UsageError(`--edition must be oss or enterprise, not ${edition}`);
        }
        const g = await cli.call('gateway.add', {
          name,
          kind,
          edition,
          token: opts.token,
          concurrency,
          // Only said when turned off, so the core's default stays the one place it is set.
          restoreOnFailure: opts.restore === false ? false : undefined,
          adminUrl: opts.adminUrl,
          listen: opts.listen,
          environment: opts.environment,
          tenants: opts.tenants.split(',').map((s) => s.trim()).filter(Boolean),
        });
        cli.out.result(g, () => String(g.id));
      }),
    );

  gateway
    .command('list')
    .description('list registered gateways')
    .action(
      action(async (cli) => {
        const gs = await cli.call('gateway.list', {});
        cli.out.result(gs, () =>
          table(
            ['ID', 'NAME', 'KIND', 'ENV', 'ADMIN URL', 'LISTEN', 'TENANTS'],
            gs.map((g) => [String(g.id), g.name, g.kind, g.environment, g.adminUrl,
              g.listen ?? '', g.tenants.join(',')]),
          ),
        );
      }),
    );

  gateway
    .command('remove <name>')
    .description('forget a gateway (its configuration on the gateway is left as it is)')
    .action(
      action(async (cli, name: string) => {
        await cli.call('gateway.remove', { name });
        cli.out.result({ ok: true, name }, () => `${name} removed`);
      }),
    );

  program
    .command('plan')
    .description('show what a publish would change on a gateway')
    .requiredOption('--gateway <name>', 'the gateway to plan for')
    .action(
      action(async (cli, opts: { gateway: string }) => {
        const plan = await cli.call('publish.plan', { gateway: opts.gateway });
        cli.out.result(cli.out.json ? plan.changes : plan, () => describePlan(plan));
      }),
    );

  program
    .command('publish')
    .description('apply the plan to a gateway and record a revision')
    .requiredOption('--gateway <name>', 'the gateway to publish to')
    .option('--yes', 'do not ask (required for production gateways without a terminal)')
    .action(
      action(async (cli, opts: { gateway: string; yes?: boolean }) => {
        const gateways = await cli.call('gateway.list', {});
        const g = gateways.find((x) => x.name === opts.gateway);
        if (g) await confirmProduction(g, 'publish to', Boolean(opts.yes));
        const result = await cli.call('publish.apply', { gateway: opts.gateway });
        cli.out.result(result, () =>
          [result.message, ...result.applied.map(describeChange)].join('\n'),
        );
      }),
    );

  program
    .command('revisions')
    .description('list the revisions published to a gateway')
    .requiredOption('--gateway <name>')
    .action(
      action(async (cli, opts: { gateway: string }) => {
        const revs = await cli.call('revision.list', { gateway: opts.gateway });
        cli.out.result(revs, () =>
          table(
            ['#', 'WHEN', 'CHANGES', 'SUMMARY'],
            revs.map((r) => [String(r.number), r.createdAt, String(r.changeCount), r.summary]),
          ),
        );
      }),
    );

  program
    .command('rollback')
    .description('put an earlier revision back on a gateway, recorded as a new revision')
    .requiredOption('--gateway <name>', 'the gateway to roll back')
    .option('--to <n>', 'the revision number to restore')
    .option('--revision <n>', 'the same as --to')
    .option('--yes', 'do not ask (required for production gateways without a terminal)')
    .action(
      action(async (cli, opts: RollbackOptions) => {
        const wanted = opts.to ?? opts.revision;
        const number = Number(wanted);
        if (!wanted || !Number.isInteger(number) || number < 1) {
          throw new UsageError('give the revision to restore as --to N (a number from 1)');
        }
        const gateways = await cli.call('gateway.list', {});
        const g = gateways.find((x) => x.name === opts.gateway);
        if (g) await confirmProduction(g, 'roll back', Boolean(opts.yes));
        const result = await cli.call('revision.rollback', { gateway: opts.gateway, number });
        cli.out.result(result, () =>
          [result.message, ...result.applied.map(describeChange)].join('\n'),
        );
      }),
    );

  program
    .command('drift')
    .description("check whether a gateway still holds what Marquee's last revision published")
    .requiredOption('--gateway <name>', 'the gateway to check')
    .action(
      action(async (cli, opts: { gateway: string }) => {
        const drift = await cli.call('publish.drift', { gateway: opts.gateway });
        cli.out.result(drift, () =>
          [drift.message, ...drift.changes.map(describeChange)].join('\n'),
        );
        // Drift is a finding, not a failure of the command; scripts read --json's `drifted`.
      }),
    );
}

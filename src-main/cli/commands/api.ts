import type { Command } from 'commander';
import path from 'node:path';
import { action } from '../context.js';
import { readDefinitionFile } from '../files.js';
import { table } from '../output.js';
import { resolveApiId, splitList } from '../resolve.js';
import type { ApiPatch } from '../../../src-shared/model.js';

type SetBy = 'subscriptionAvailability' | 'availableTenants';

// --available-to: current-tenant, all-tenants, or the domains of the tenants offered to.
function availability(text: string | undefined): Pick<ApiPatch, SetBy> {
  if (text === undefined) return {};
  if (text === 'current-tenant' || text === 'all-tenants') {
    return { subscriptionAvailability: text, availableTenants: [] };
  }
  return {
    subscriptionAvailability: 'specific-tenants' as const,
    availableTenants: splitList(text),
  };
}

export function apiCommands(program: Command): void {
  const api = program.command('api').description('list and import APIs');

  api
    .command('list')
    .description('list APIs, of one tenant or all')
    .option('--tenant <domain>', 'only this tenant')
    .option('--search <text>', 'only APIs matching this text')
    .action(
      action(async (cli, opts: { tenant?: string; search?: string }) => {
        const apis = await cli.call('api.list', { tenant: opts.tenant, query: opts.search });
        cli.out.result(apis, () =>
          table(
            ['ID', 'TENANT', 'NAME', 'VERSION', 'CONTEXT', 'LIFECYCLE', 'VISIBILITY', 'OPS'],
            apis.map((a) => [
              a.id,
              a.tenant,
              a.name,
              a.version,
              a.context,
              a.lifecycle,
              a.visibility,
              String(a.operationCount),
            ]),
          ),
        );
      }),
    );

  api
    .command('import <file>')
    .description('import an OpenAPI 3.0/3.1 or Swagger 2.0 definition (JSON or YAML)')
    .requiredOption('--tenant <domain>', 'the tenant that offers the API')
    .option('--context <path>', 'context path, such as /payments (default: from the title)')
    .option('--version <v>', 'version segment (default: from the definition)')
    .option('--backend <url>', 'production backend URL (default: the first server)')
    .action(
      action(async (cli, file: string, opts: Record<string, string | undefined>) => {
        const content = readDefinitionFile(file);
        const a = await cli.call('api.import', {
          tenant: opts.tenant!,
          fileName: path.basename(file),
          content,
          context: opts.context,
          version: opts.version,
          backend: opts.backend,
        });
        cli.out.result(a, () => a.id);
        if (!cli.out.json) {
          cli.out.note(
            `imported ${a.name} ${a.version} at ${a.context} with ` +
              `${a.operations.length} operations`,
          );
        }
      }),
    );

  api
    .command('show <api>')
    .description('show one API (id, name or context) with its operations')
    .option('--tenant <domain>', 'the API\'s tenant, if its name is not unique')
    .action(
      action(async (cli, ref: string, opts: { tenant?: string }) => {
        const a = await cli.call('api.get', { id: await resolveApiId(cli, ref, opts.tenant) });
        cli.out.result(a, () =>
          [
            `${a.name} ${a.version}  (${a.id}, ${a.tenant})`,
            `context ${a.context}, ${a.lifecycle}, ${a.visibility}, ` +
              `backend ${a.backendProduction ?? '(none)'}`,
            `tiers: ${a.tiers.join(', ') || '(none)'}`,
            '',
            table(
              ['METHOD', 'PATH', 'SUMMARY'],
              a.operations.map((o) => [o.method, o.path, o.summary]),
            ),
          ].join('\n'),
        );
      }),
    );

  api
    .command('set <api>')
    .description('change an API (id, name or context): backend, lifecycle, visibility, …')
    .option('--name <name>')
    .option('--context <path>')
    .option('--version <v>')
    .option('--backend <url>', 'production backend URL')
    .option('--lifecycle <state>', 'created|prototyped|published|blocked|deprecated|retired')
    .option('--visibility <v>', 'public|restricted|private')
    .option('--tiers <names>', 'comma-separated tier names offered')
    .option('--roles <names>', 'comma-separated roles a restricted API is shown to')
    .option('--available-to <who>', 'current-tenant, all-tenants or domain,domain (subscribers)')
    .option('--tenant <domain>', 'the tenant, if the API name is not unique')
    .action(
      action(async (cli, ref: string, opts: Record<string, string | undefined>) => {
        const id = await resolveApiId(cli, ref, opts.tenant);
        const patch = {
          name: opts.name,
          context: opts.context,
          version: opts.version,
          backendProduction: opts.backend,
          lifecycle: opts.lifecycle as never,
          visibility: opts.visibility as never,
          tiers: opts.tiers?.split(',').map((s) => s.trim()).filter(Boolean),
          visibleRoles: splitList(opts.roles),
          ...availability(opts.availableTo),
        };
        const a = await cli.call('api.update', { id, patch });
        cli.out.result(a, () => `${a.id} updated`);
      }),
    );

  api
    .command('delete <api>')
    .description('delete an API (id, name or context)')
    .option('--tenant <domain>', 'the API\'s tenant, if its name is not unique')
    .action(
      action(async (cli, ref: string, opts: { tenant?: string }) => {
        const id = await resolveApiId(cli, ref, opts.tenant);
        await cli.call('api.delete', { id });
        cli.out.result({ ok: true, id }, () => `${id} deleted`);
      }),
    );
}

import type { Command } from 'commander';
import { action } from '../context.js';
import { table } from '../output.js';

export function tenantCommands(program: Command): void {
  const tenant = program.command('tenant').description('list, add and show tenants');

  tenant
    .command('list')
    .description('list the tenants of the workspace')
    .action(
      action(async (cli) => {
        const tenants = await cli.call('tenant.list', {});
        cli.out.result(tenants, () =>
          table(
            ['DOMAIN', 'NAME', 'APIS'],
            tenants.map((t) => [t.domain, t.name, String(t.apiCount)]),
          ),
        );
      }),
    );

  tenant
    .command('add <domain>')
    .description('add a tenant, keyed by its domain (acme.com)')
    .requiredOption('--name <name>', 'display name of the organisation')
    .option('--description <text>', 'a short description', '')
    .action(
      action(async (cli, domain: string, opts: { name: string; description: string }) => {
        const t = await cli.call('tenant.create', {
          domain,
          name: opts.name,
          description: opts.description,
        });
        cli.out.result(t, () => String(t.domain));
      }),
    );

  tenant
    .command('show <domain>')
    .description('show a tenant with its branding and tiers')
    .action(
      action(async (cli, domain: string) => {
        const t = await cli.call('tenant.get', { domain });
        const branding = await cli.call('branding.get', { domain: t.domain });
        const tiers = await cli.call('tier.list', { tenant: t.domain });
        const { logo, favicon, ...colours } = branding;
        cli.out.result({ ...t, branding: { ...colours, hasLogo: !!logo, hasFavicon: !!favicon },
          tiers }, () =>
          [
            `${t.name} (${t.domain})`,
            t.description,
            `APIs: ${t.apiCount}`,
            `Branding: primary ${branding.primaryColor}, accent ${branding.accentColor}, ` +
              `${branding.theme} theme${logo ? ', logo' : ''}`,
            `Hero: ${branding.heroTitle}`,
            `Tiers: ${tiers.map((x) => x.name).join(', ')}`,
          ]
            .filter(Boolean)
            .join('\n'),
        );
      }),
    );
}

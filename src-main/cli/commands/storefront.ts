import type { Command } from 'commander';
import path from 'node:path';
import { action } from '../context.js';

export function storefrontCommands(program: Command): void {
  const storefront = program.command('storefront').description('build storefronts');

  storefront
    .command('build <domain>')
    .description('write the tenant storefront as static files that open from disk')
    .requiredOption('-o, --out <dir>', 'output folder')
    .option('--as <audience>', 'anonymous, member, role:NAME or tenant:OTHER-DOMAIN')
    .action(
      action(async (cli, domain: string, opts: { out: string; as?: string }) => {
        const r = await cli.call('storefront.build', {
          domain,
          outDir: path.resolve(opts.out),
          audience: opts.as,
        });
        cli.out.result(r, () => `wrote ${r.pages} pages (${r.files} files) to ${r.dir}`);
      }),
    );
}

import type { Command } from 'commander';
import { action } from '../context.js';

export function demoCommands(program: Command): void {
  program
    .command('demo')
    .description('fill the workspace with the demo: three branded tenants and real APIs')
    .option('--force', 'replace whatever the workspace holds')
    .action(
      action(async (cli, opts: { force?: boolean }) => {
        const r = await cli.call('demo.create', { force: Boolean(opts.force) });
        cli.out.result({ ...r, workspace: cli.workspacePath }, () =>
          [
            `demo workspace ${cli.workspacePath}: ${r.tenants.join(', ')} with ${r.apis} APIs`,
            ...(r.backup ? [`what it held before is kept in ${r.backup}`] : []),
          ].join('\n'),
        );
      }),
    );
}

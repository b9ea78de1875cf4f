// The `marquee` command: scripting and CI use over the same core as the app.
import { Command, CommanderError } from 'commander';
import { apiCommands } from './commands/api.js';
import { bundleCommands } from './commands/bundle.js';
import { demoCommands } from './commands/demo.js';
import { docCommands } from './commands/docs.js';
import { gatewayCommands } from './commands/gateway.js';
import { serveCommands } from './commands/serve.js';
import { storefrontCommands } from './commands/storefront.js';
import { tenantCommands } from './commands/tenant.js';
import { tenancyCommands } from './commands/tenancy.js';
import { themeCommands } from './commands/theme.js';
import { undoCommands } from './commands/undo.js';

export function buildProgram(): Command {
  const program = new Command('marquee')
    .description('Marquee: multi-tenant API storefronts from one workspace')
    .version('0.1.0')
    .option('--workspace <path>', 'workspace file (else $MARQUEE_WORKSPACE, else the default)')
    .option('--json', 'machine-readable output')
    .showHelpAfterError()
    .exitOverride();

  demoCommands(program);
  tenantCommands(program);
  apiCommands(program);
  docCommands(program);
  gatewayCommands(program);
  storefrontCommands(program);
  themeCommands(program);
  bundleCommands(program);
  serveCommands(program);
  // After api and gateway: it adds subcommands to those groups.
  tenancyCommands(program);
  undoCommands(program);

  program.commands.forEach(function override(c: Command) {
    c.exitOverride();
    c.commands.forEach(override);
  });
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successes; anything else commander refuses is bad usage.
      const fine = ['commander.helpDisplayed', 'commander.version'];
      process.exitCode = fine.includes(err.code) ? 0 : 2;
      return;
    }
    throw err;
  }
}

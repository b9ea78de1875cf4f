import type { Command } from 'commander';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startShellServer } from '../../shell/server.js';
import { cliFor, describeError } from '../context.js';

// Built renderer, relative to this file in dist-node/src-main/cli/commands/.
const RENDERER = path.resolve(path.dirname(fileURLToPath(import.meta.url)),
  '../../../../out/renderer');

export function serveCommands(program: Command): void {
  program
    .command('serve')
    .description('serve the app to a browser on this machine (prints the URL with its token)')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <n>', 'port (default: a free one)', '0')
    .action(async (opts: { host: string; port: string }, cmd: Command) => {
      const cli = cliFor(cmd);
      try {
        const server = await startShellServer({
          core: cli.core(),
          rendererDir: process.env.MARQUEE_RENDERER_DIR ?? RENDERER,
          host: opts.host,
          port: Number(opts.port),
        });
        cli.out.result({ url: server.url, workspace: cli.workspacePath }, () =>
          `Marquee is serving ${cli.workspacePath}\nOpen: ${server.url}\n(Ctrl+C to stop)`);

        const stop = () => {
          server.close().finally(() => {
            cli.close();
            process.exit(0);
          });
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (err) {
        process.stderr.write(`marquee: ${describeError(err).message}\n`);
        cli.close();
        process.exitCode = 1;
      }
    });
}

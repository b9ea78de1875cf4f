import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { MarqueeError } from '../../core/errors.js';
import { action, UsageError } from '../context.js';

// Refuses before any work: a folder that is not there, or a file that would be lost.
export function checkWritable(file: string, force: boolean): void {
  if (!fs.existsSync(path.dirname(file))) {
    throw new MarqueeError('bad_input', `folder ${path.dirname(file)} does not exist`);
  }
  if (fs.existsSync(file) && !force) {
    throw new MarqueeError('conflict', `${file} already exists; add --force to replace it`);
  }
}

export function bundleCommands(program: Command): void {
  program
    .command('export <domains>')
    .description('pack one tenant (or several, comma-separated) into a bundle file')
    .requiredOption('-o, --out <file>', 'bundle file to write')
    .option('--force', 'replace the file if it exists')
    .action(
      action(async (cli, domains: string, opts: { out: string; force?: boolean }) => {
        const list = domains.split(',').map((d) => d.trim()).filter(Boolean);
        const file = path.resolve(opts.out);
        checkWritable(file, Boolean(opts.force));
        const r = await cli.call('bundle.export', { domains: list });
        // Write beside the target and rename, so a failed write never leaves half a bundle.
        const tmp = `${file}.partial`;
        fs.writeFileSync(tmp, Buffer.from(r.dataBase64, 'base64'));
        fs.renameSync(tmp, file);
        const size = fs.statSync(file).size;
        cli.out.result({ file, size, tenants: list }, () => `wrote ${file} (${size} bytes)`);
      }),
    );

  program
    .command('import <file>')
    .description('import a bundle into the workspace')
    .option('--on-conflict <policy>', 'fail | replace | rename', 'fail')
    .action(
      action(async (cli, file: string, opts: { onConflict: string }) => {
        if (!['fail', 'replace', 'rename'].includes(opts.onConflict)) {
          throw new UsageError(`--on-conflict must be fail, replace or rename`);
        }
        let bytes: Buffer;
        try {
          bytes = fs.readFileSync(file);
        } catch (err) {
          throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
        }
        const r = await cli.call('bundle.import', {
          dataBase64: bytes.toString('base64'),
          onConflict: opts.onConflict as 'fail' | 'replace' | 'rename',
        });
        cli.out.result(r, () =>
          [
            `imported ${r.tenants.join(', ')} with ${r.apis} APIs`,
            ...Object.entries(r.renamed).map(([from, to]) => `  ${from} was renamed to ${to}`),
          ].join('\n'),
        );
      }),
    );
}

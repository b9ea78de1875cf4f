import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { action, UsageError } from '../context.js';

export function themeCommands(program: Command): void {
  const theme = program
    .command('theme')
    .description('exchange storefront branding with WSO2 Developer Portal tenant themes');

  theme
    .command('export <domain>')
    .description('write the tenant branding as a WSO2 tenant theme zip')
    .requiredOption('-o, --out <file>', 'zip file to write')
    .action(
      action(async (cli, domain: string, opts: { out: string }) => {
        const r = await cli.call('theme.export', { domain });
        const file = path.resolve(opts.out);
        // Write beside the target and rename, so a failed write never leaves half a zip.
        const tmp = `${file}.partial`;
        fs.writeFileSync(tmp, Buffer.from(r.dataBase64, 'base64'));
        fs.renameSync(tmp, file);
        const size = fs.statSync(file).size;
        cli.out.result({ file, size }, () => `wrote ${file} (${size} bytes)`);
      }),
    );

  theme
    .command('import <domain> <file>')
    .description("set the tenant branding from a WSO2 tenant theme zip's apim/ folder")
    .action(
      action(async (cli, domain: string, file: string) => {
        let bytes: Buffer;
        try {
          bytes = fs.readFileSync(file);
        } catch (err) {
          throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
        }
        const r = await cli.call('theme.import', { domain, dataBase64: bytes.toString('base64') });
        cli.out.result(r, () =>
          [`imported ${path.basename(file)} into ${domain}`, ...r.notes.map((n) => `  note: ${n}`)]
            .join('\n'),
        );
      }),
    );
}

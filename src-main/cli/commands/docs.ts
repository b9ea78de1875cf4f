// API documents from the command line: `marquee api doc add|list|remove`, beside the other
// api subcommands.
import type { Command } from 'commander';
import fs from 'node:fs';
import { action, UsageError } from '../context.js';
import { decodeText } from '../files.js';
import { table } from '../output.js';
import { resolveApiId } from '../resolve.js';

function readMarkdown(file: string): string {
  try {
    return decodeText(fs.readFileSync(file));
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
}

export function docCommands(program: Command): void {
  const api = program.commands.find((c) => c.name() === 'api');
  if (!api) throw new Error('docCommands must be added after the api command group');
  const doc = api.command('doc').description('Markdown documents of an API (guides)');

  doc
    .command('add <api>')
    .description('add a document to an API (id, name or context), or replace one by its slug')
    .requiredOption('--slug <slug>', 'short name in the page address, such as getting-started')
    .requiredOption('--title <title>', 'title shown in the storefront')
    .requiredOption('--file <file.md>', 'the Markdown text')
    .option('--tenant <domain>', 'the API\'s tenant, if its name is not unique')
    .action(
      action(async (cli, ref: string, opts: Record<string, string | undefined>) => {
        const markdown = readMarkdown(opts.file!);
        const apiId = await resolveApiId(cli, ref, opts.tenant);
        const d = await cli.call('api.doc.put', {
          apiId,
          slug: opts.slug!,
          title: opts.title!,
          markdown,
        });
        cli.out.result(d, () => `${apiId} document ${d.slug} saved (${d.title})`);
      }),
    );

  doc
    .command('list <api>')
    .description('list the documents of an API (id, name or context)')
    .option('--tenant <domain>', 'the API\'s tenant, if its name is not unique')
    .action(
      action(async (cli, ref: string, opts: { tenant?: string }) => {
        const docs = await cli.call('api.doc.list', {
          apiId: await resolveApiId(cli, ref, opts.tenant),
        });
        cli.out.result(docs, () =>
          table(
            ['SLUG', 'TITLE', 'CHARACTERS', 'UPDATED'],
            docs.map((d) => [d.slug, d.title, String(d.markdown.length), d.updatedAt]),
          ),
        );
      }),
    );

  doc
    .command('remove <api>')
    .description('remove a document from an API (id, name or context)')
    .requiredOption('--slug <slug>', 'the document to remove')
    .option('--tenant <domain>', 'the API\'s tenant, if its name is not unique')
    .action(
      action(async (cli, ref: string, opts: { slug: string; tenant?: string }) => {
        const apiId = await resolveApiId(cli, ref, opts.tenant);
        await cli.call('api.doc.delete', { apiId, slug: opts.slug });
        cli.out.result({ ok: true, apiId, slug: opts.slug }, () =>
          `${apiId} document ${opts.slug} removed`);
      }),
    );
}

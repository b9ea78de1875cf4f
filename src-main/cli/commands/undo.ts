// `marquee undo`: takes back the last change of the workspace, as the app's Undo does.
import type { Command } from 'commander';
import { action } from '../context.js';

export function undoCommands(program: Command): void {
  program
    .command('undo')
    .description('take back the last change (see `marquee activity`); each undo goes one further')
    .option('--dry-run', 'only say what would be taken back, or why it would be refused')
    .action(
      action(async (cli, opts: { dryRun?: boolean }) => {
        if (opts.dryRun) {
          const preview = await cli.call('activity.undoable', {});
          cli.out.result(preview, () =>
            preview.refusal ?? `would undo: ${preview.entry?.summary ?? 'nothing'}`);
          return;
        }
        const result = await cli.call('activity.undo', {});
        cli.out.result(result, () => result.message);
      }),
    );
}

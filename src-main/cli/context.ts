// One CLI invocation: options shared by every command, a core opened lazily on the chosen
// workspace, and the mapping of failures to exit codes (1 failure, 2 bad usage).
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import type { Input, Method, Output } from '../../src-shared/contract.js';
import { createCore, type Core } from '../core/core.js';
import { MarqueeError } from '../core/errors.js';
import { resolveWorkspacePath } from '../core/paths.js';
import { makeOut, type Out } from './output.js';

export type Cli = {
  out: Out;
  workspacePath: string;
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  core(): Core;
  close(): void;
};

export function cliFor(cmd: Command): Cli {
  const opts = cmd.optsWithGlobals() as { workspace?: string; json?: boolean };
  const out = makeOut(Boolean(opts.json));
  const workspacePath = resolveWorkspacePath(opts.workspace);
  let core: Core | null = null;

  // A path someone typed whose folder is missing is almost always a typo: say so rather than
  // make the folders and answer from a new, empty workspace. The default folder is made.
  const explicit = Boolean(opts.workspace || process.env.MARQUEE_WORKSPACE);
  const open = (): Core => {
    if (!core && explicit && !fs.existsSync(path.dirname(workspacePath))) {
      throw new MarqueeError(
        'workspace_error',
        `folder ${path.dirname(workspacePath)} does not exist; check the workspace path ` +
          `${workspacePath} or create the folder first`,
      );
    }
    core ??= createCore(workspacePath);
    return core;
  };

  return {
    out,
    workspacePath,
    core: open,
    call: (method, input) => open().invoke(method, input),
    close: () => core?.close(),
  };
}

export class UsageError extends Error {}

export function exitCodeFor(err: unknown): number {
  if (err instanceof UsageError) return 2;
  return 1;
}

export function describeError(err: unknown): { code: string; message: string } {
  if (err instanceof MarqueeError) return { code: err.code, message: err.message };
  if (err instanceof UsageError) return { code: 'usage', message: err.message };
  return { code: 'internal', message: (err as Error)?.message ?? String(err) };
}

// Wraps a command action: opens nothing until asked, closes the workspace, and turns any
// failure into a message and an exit code instead of a stack trace.
export function action<A extends unknown[]>(
  run: (cli: Cli, ...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const cmd = args[args.length - 1] as Command;
    const cli = cliFor(cmd);
    try {
      await run(cli, ...args);
    } catch (err) {
      const e = describeError(err);
      if (cli.out.json) {
        process.stdout.write(JSON.stringify({ error: e }, null, 2) + '\n');
      } else {
        process.stderr.write(`marquee: ${e.message}\n`);
      }
      process.exitCode = exitCodeFor(err);
    } finally {
      cli.close();
    }
  };
}

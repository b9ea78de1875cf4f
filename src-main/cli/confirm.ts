// Production gateways ask for their name before anything changes on them, as the app does.
// With a terminal, the person types it; without one (scripts, CI), --yes is the answer.
import readline from 'node:readline/promises';
import type { Gateway } from '../../src-shared/model.js';
import { UsageError } from './context.js';

export const isProduction = (g: Pick<Gateway, 'environment'>): boolean =>
  /^prod/i.test(g.environment);

export async function confirmProduction(g: Gateway, action: string, yes: boolean): Promise<void> {
  if (!isProduction(g) || yes) return;

  if (!process.stdin.isTTY) {
    throw new UsageError(`${g.name} is a production gateway: add --yes to ${action} it`);
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    const typed = await rl.question(
      `${g.name} is a ${g.environment} gateway. Type its name to ${action} it: `,
    );
    if (typed.trim() !== g.name) {
      throw new UsageError(`the name did not match; nothing was sent to ${g.name}`);
    }
  } finally {
    rl.close();
  }
}

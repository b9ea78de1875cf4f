// One pino logger for the process, one named child per area. Logs go to stderr so the CLI's
// stdout stays clean for --json; secrets are redacted before anything is written.
import { pino, type Logger } from 'pino';

const REDACT = [
  '*.token',
  '*.apiKey',
  '*.password',
  '*.secret',
  '*.credentials',
  '*.authorization',
  'token',
  'apiKey',
  'password',
  'credentials',
];

let root: Logger | null = null;

function rootLogger(): Logger {
  if (!root) {
    root = pino(
      {
        level: process.env.MARQUEE_LOG_LEVEL ?? 'warn',
        redact: { paths: REDACT, censor: '[redacted]' },
        base: undefined,
      },
      pino.destination({ fd: 2, sync: true }),
    );
  }
  return root;
}

export type Area =
  | 'workspace'
  | 'openapi'
  | 'storefront'
  | 'publish'
  | 'caddy'
  | 'bundle'
  | 'demo'
  | 'shell'
  | 'cli'
  | 'electron'
  | 'tenancy'
  | 'core';

export function logger(area: Area): Logger {
  return rootLogger().child({ area });
}

export function setLogLevel(level: string): void {
  rootLogger().level = level;
}

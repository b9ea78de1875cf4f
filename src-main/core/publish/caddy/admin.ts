// A small client of Caddy's JSON admin API. Every failure becomes a gateway_error whose
// message names the gateway, the admin URL and what Caddy (or the network) answered.
import type { Gateway } from '../../../../src-shared/model.js';
import { MarqueeError } from '../../errors.js';
import { logger } from '../../log.js';
import {
  DEFAULT_RETRY,
  isRetryableStatus,
  Retryable,
  retryAfterMs,
  withRetries,
  type RetryPolicy,
} from '../net/retry.js';

const log = logger('caddy');

// Each admin change re-provisions the whole config (10,000 routes take about 0.6 s here),
// so writes get room; reads and the reachability test stay short.
const READ_TIMEOUT_MS = 5_000;
const WRITE_TIMEOUT_MS = 30_000;

export type AdminOptions = {
  readTimeoutMs?: number;
  writeTimeoutMs?: number;
  retry?: RetryPolicy;
};

type Method = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

export type CaddyAdmin = {
  readonly url: string;
  // The value at a /config/ or /id/ path; null when Caddy says the id or path is absent.
  // Retried with backoff on connection errors, 429 and 5xx; never on a timeout.
  get(path: string, timeoutMs?: number): Promise<unknown>;
  // Writes are tried once: a write whose answer was lost may have been applied, and the
  // caller must read before it decides anything.
  put(path: string, value: unknown): Promise<void>;
  post(path: string, value: unknown): Promise<void>;
  patch(path: string, value: unknown): Promise<void>;
};

const isTimeout = (err: unknown): boolean => {
  const name = (err as { name?: string })?.name;
  return name === 'TimeoutError' || name === 'AbortError';
};

function networkReason(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}

// Caddy answers errors as {"error": "..."}; anything else is quoted as it came.
function caddyReason(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown };
    if (typeof body?.error === 'string') return `HTTP ${status}: ${body.error}`;
  } catch {
    // not JSON: fall through and quote the text
  }
  return `HTTP ${status}: ${text.trim().slice(0, 500) || '(empty body)'}`;
}

const WRITE_UNKNOWN =
  'Caddy may or may not have applied the change before the answer was lost';

export function caddyAdmin(gateway: Gateway, options: AdminOptions = {}): CaddyAdmin {
  const base = gateway.adminUrl.replace(/\/+$/, '');
  const retry = options.retry ?? DEFAULT_RETRY;

  const fail = (method: Method, path: string, reason: string) =>
    new MarqueeError(
      'gateway_error',
      `gateway ${gateway.name}: ${method} ${base}${path} failed: ${reason}`,
    );

  // One request; a lost connection or a timeout becomes a Retryable or a final error.
  async function send(method: Method, path: string, value: unknown, timeout: number) {
    const started = Date.now();
    let res: Response;
    let text: string;
    try {
      res = await fetch(base + path, {
        method,
        headers: {
          // Caddy restarts its admin listener on every config change, which drops any
          // kept-alive connection: a pooled socket would fail the next request at random.
          Connection: 'close',
          ...(value === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: value === undefined ? undefined : JSON.stringify(value),
        signal: AbortSignal.timeout(timeout),
        redirect: 'error',
      });
      text = await res.text();
    } catch (err) {
      const write = method !== 'GET';
      if (isTimeout(err)) {
        const reason = `no answer within ${timeout / 1000} s`;
        throw fail(method, path, write ? `${reason}; ${WRITE_UNKNOWN}` : reason);
      }
      if (write) throw fail(method, path, `${networkReason(err)}; ${WRITE_UNKNOWN}`);
      throw new Retryable(networkReason(err));
    }
    const ms = Date.now() - started;
    log.debug({ gateway: gateway.name, method, path, status: res.status, ms }, 'admin request');
    return { res, text };
  }

  async function write(method: Method, path: string, value: unknown): Promise<void> {
    const timeout = options.writeTimeoutMs ?? WRITE_TIMEOUT_MS;
    const { res, text } = await send(method, path, value, timeout);
    if (!res.ok) throw fail(method, path, caddyReason(res.status, text));
  }

  return {
    url: base,

    async get(path, timeoutMs) {
      const timeout = timeoutMs ?? options.readTimeoutMs ?? READ_TIMEOUT_MS;
      const { res, text } = await withRetries(
        retry,
        async () => {
          const answer = await send('GET', path, undefined, timeout);
          const { status, headers } = answer.res;
          if (isRetryableStatus(status)) {
            const after = retryAfterMs(headers.get('retry-after'));
            throw new Retryable(caddyReason(status, answer.text), after);
          }
          return answer;
        },
        (reason, tries) => fail('GET', path, tries > 1 ? `${reason} (${tries} tries)` : reason),
      );
      if (res.status === 404 && path.startsWith('/id/')) return null;
      if (!res.ok) throw fail('GET', path, caddyReason(res.status, text));
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw fail('GET', path, `the answer is not JSON: ${text.slice(0, 200)}`);
      }
    },

    put: (path, value) => write('PUT', path, value),
    post: (path, value) => write('POST', path, value),
    patch: (path, value) => write('PATCH', path, value),
  };
}

// Path segments of /config/ paths are keys of the JSON config; encode them so a server name
// can never be read as a deeper path.
export const seg = (key: string): string => encodeURIComponent(key);

// A small client of Caddy's JSON admin API. Every failure becomes a gateway_error whose
// message names the gateway, the admin URL and what Caddy (or the network) answered.
import type { Gateway } from '../../../../src-shared/model.js';
import { MarqueeError } from '../../errors.js';
import { logger } from '../../log.js';

const log = logger('caddy');

// Each admin change re-provisions the whole config (10,000 routes take about 0.6 s here),
// so writes get room; reads and the reachability test stay short.
const READ_TIMEOUT_MS = 5_000;
const WRITE_TIMEOUT_MS = 30_000;

type Method = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

export type CaddyAdmin = {
  readonly url: string;
  // The value at a /config/ or /id/ path; null when Caddy says the id or path is absent.
  get(path: string, timeoutMs?: number): Promise<unknown>;
  put(path: string, value: unknown): Promise<void>;
  post(path: string, value: unknown): Promise<void>;
  patch(path: string, value: unknown): Promise<void>;
};

function networkReason(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return `no answer within ${timeoutMs / 1000} s`;
  }
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

export function caddyAdmin(gateway: Gateway): CaddyAdmin {
  const base = gateway.adminUrl.replace(/\/+$/, '');

  async function send(method: Method, path: string, value?: unknown, timeoutMs?: number) {
    const timeout = timeoutMs ?? (method === 'GET' ? READ_TIMEOUT_MS : WRITE_TIMEOUT_MS);
    const where = `${method} ${base}${path}`;
    const fail = (reason: string) =>
      new MarqueeError('gateway_error', `gateway ${gateway.name}: ${where} failed: ${reason}`);

    let res: Response;
    let text: string;
    const started = Date.now();
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
      throw fail(networkReason(err, timeout));
    }
    const ms = Date.now() - started;
    log.debug({ gateway: gateway.name, method, path, status: res.status, ms }, 'admin request');
    return { res, text, fail };
  }

  async function write(method: Method, path: string, value: unknown): Promise<void> {
    const { res, text, fail } = await send(method, path, value);
    if (!res.ok) throw fail(caddyReason(res.status, text));
  }

  return {
    url: base,

    async get(path, timeoutMs) {
      const { res, text, fail } = await send('GET', path, undefined, timeoutMs);
      if (res.status === 404 && path.startsWith('/id/')) return null;
      if (!res.ok) throw fail(caddyReason(res.status, text));
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw fail(`the answer is not JSON: ${text.slice(0, 200)}`);
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

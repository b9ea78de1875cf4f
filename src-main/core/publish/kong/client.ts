// A small client of Kong's Admin API. Every request names its entity by id, so every one is
// safe to repeat (PUT upserts, DELETE of a missing entity is a success): all of them are
// retried with backoff on connection errors, 429 and 5xx. The admin token goes in the
// Kong-Admin-Token header and nowhere else: not in messages, not in logs.
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
import { redactCredentialText } from './secret.js';

const log = logger('publish');

const READ_TIMEOUT_MS = 10_000;
const WRITE_TIMEOUT_MS = 15_000;
// Kong allows up to 1000 per page; smaller pages keep each answer quick on a busy node.
export const DEFAULT_PAGE_SIZE = 200;

export type KongKind =
  | 'services'
  | 'routes'
  | 'plugins'
  | 'consumers'
  | 'key-auths'
  | 'acls'
  | 'consumer_groups'
  // Kong Enterprise: a consumer's membership of a group (not an entity of its own in Kong).
  | 'consumer_group_consumers';

export type KongObject = Record<string, unknown> & { id: string };

export type KongClientOptions = {
  token: string | null;
  retry?: RetryPolicy;
  readTimeoutMs?: number;
  writeTimeoutMs?: number;
  pageSize?: number;
};

// `ws` names a Kong Enterprise workspace: its paths are prefixed /WORKSPACE/. Left out, the
// request goes to Kong's default workspace (all there is on OSS).
export type KongAdmin = {
  readonly url: string;
  info(): Promise<Record<string, unknown>>;
  // Every entity of a kind carrying all the given tags, page after page.
  list(kind: KongKind, tags: string[], ws?: string | null): Promise<KongObject[]>;
  // The memberships of one consumer group, as {id, consumer_group, consumer} objects.
  members(groupId: string, ws?: string | null): Promise<KongObject[]>;
  put(
    kind: KongKind,
    id: string,
    body: Record<string, unknown>,
    ws?: string | null,
  ): Promise<KongObject>;
  // True when it was there; a missing entity counts as deleted.
  remove(kind: KongKind, id: string, ws?: string | null): Promise<boolean>;
  // Kong Enterprise: whether a workspace exists, and creating one.
  hasWorkspace(name: string): Promise<boolean>;
  createWorkspace(name: string, comment: string): Promise<void>;
};

type Page = { data?: unknown; next?: unknown; offset?: unknown };

// Kong answers errors as {"message": ..., "name": ..., "fields": ...}. Some quote the value
// at fault, a credential's key among them: that value is blanked before anyone reads it.
function kongReason(status: number, text: string): string {
  return redactCredentialText(rawReason(status, text));
}

function rawReason(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown; name?: unknown };
    if (typeof body?.message === 'string') {
      const name = typeof body.name === 'string' ? `${body.name}: ` : '';
      return `HTTP ${status}: ${name}${body.message}`;
    }
  } catch {
    // not JSON: quote it
  }
  return `HTTP ${status}: ${text.trim().slice(0, 300) || '(empty body)'}`;
}

function networkReason(err: unknown, timeout: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return `no answer within ${timeout / 1000} s`;
  }
  return e?.cause?.code ?? e?.message ?? String(err);
}

export function kongAdmin(g: Gateway, options: KongClientOptions): KongAdmin {
  const base = g.adminUrl.replace(/\/+$/, '');
  const retry = options.retry ?? DEFAULT_RETRY;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;

  const fail = (method: string, path: string, reason: string) =>
    new MarqueeError(
      'gateway_error',
      `gateway ${g.name}: ${method} ${base}${path} failed: ${reason}`,
    );

  async function request(method: string, path: string, body?: unknown) {
    const timeout =
      method === 'GET'
        ? (options.readTimeoutMs ?? READ_TIMEOUT_MS)
        : (options.writeTimeoutMs ?? WRITE_TIMEOUT_MS);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.token) headers['Kong-Admin-Token'] = options.token;

    return withRetries(
      retry,
      async () => {
        let res: Response;
        let text: string;
        try {
          res = await fetch(base + path, {
            method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
            signal: AbortSignal.timeout(timeout),
            redirect: 'error',
          });
          text = await res.text();
        } catch (err) {
          const reason = networkReason(err, timeout);
          // A gateway that does not answer in time is not retried: see net/retry.ts.
          if (reason.startsWith('no answer')) throw fail(method, path, reason);
          throw new Retryable(reason);
        }
        log.debug({ gateway: g.name, method, path, status: res.status }, 'kong request');
        if (isRetryableStatus(res.status)) {
          throw new Retryable(
            kongReason(res.status, text),
            retryAfterMs(res.headers.get('retry-after')),
          );
        }
        return { status: res.status, text };
      },
      (reason, tries) => fail(method, path, tries > 1 ? `${reason} (${tries} tries)` : reason),
    );
  }

  const json = (method: string, path: string, text: string): unknown => {
    try {
      return text ? (JSON.parse(text) as unknown) : null;
    } catch {
      throw fail(method, path, `the answer is not JSON: ${text.slice(0, 200)}`);
    }
  };

  return {
    url: base,

    async info() {
      const { status, text } = await request('GET', '/');
      if (status !== 200) throw fail('GET', '/', kongReason(status, text));
      return (json('GET', '/', text) ?? {}) as Record<string, unknown>;
    },

    async list(kind, tags, ws) {
      const query = new URLSearchParams({ size: String(pageSize), tags: tags.join(',') });
      return pages(`${prefix(ws)}/${kind}?${query}`);
    },

    async members(groupId, ws) {
      const query = new URLSearchParams({ size: String(pageSize) });
      const path = `${prefix(ws)}/consumer_groups/${encodeURIComponent(groupId)}/consumers`;
      const consumers = await pages(`${path}?${query}`);
      return consumers.map((c) => ({
        id: `${groupId}:${c.id}`,
        consumer_group: { id: groupId },
        consumer: { id: c.id },
      }));
    },

    async put(kind, id, body, ws) {
      if (kind === 'consumer_group_consumers') return join(body, ws);
      const path = `${prefix(ws)}/${kind}/${encodeURIComponent(id)}`;
      const { status, text } = await request('PUT', path, body);
      if (status !== 200 && status !== 201) throw fail('PUT', path, kongReason(status, text));
      return json('PUT', path, text) as KongObject;
    },

    async remove(kind, id, ws) {
      let path = `${prefix(ws)}/${kind}/${encodeURIComponent(id)}`;
      if (kind === 'consumer_group_consumers') {
        const [group, consumer] = splitMembership(id);
        path = `${prefix(ws)}/consumer_groups/${group}/consumers/${consumer}`;
      }
      const { status, text } = await request('DELETE', path);
      if (status === 404) return false;
      if (status !== 204 && status !== 200) throw fail('DELETE', path, kongReason(status, text));
      return true;
    },

    async hasWorkspace(name) {
      const path = `/workspaces/${encodeURIComponent(name)}`;
      const { status, text } = await request('GET', path);
      if (status === 404) return false;
      if (status !== 200) throw fail('GET', path, kongReason(status, text));
      return true;
    },

    async createWorkspace(name, comment) {
      const path = '/workspaces';
      const { status, text } = await request('POST', path, { name, comment });
      // 409: someone made it in between; it is there, which is all that is asked.
      if (status !== 201 && status !== 200 && status !== 409) {
        throw fail('POST', path, kongReason(status, text));
      }
    },
  };

  // Pages of a list until `next` runs out.
  async function pages(first: string): Promise<KongObject[]> {
    const out: KongObject[] = [];
    let path: string | null = first;
    // Bounded: a gateway whose `next` never ends would otherwise keep this loop going.
    for (let n = 0; path !== null; n++) {
      if (n > 10_000) throw fail('GET', first, 'more than 10,000 pages');
      const { status, text } = await request('GET', path);
      if (status !== 200) throw fail('GET', path, kongReason(status, text));
      const page = json('GET', path, text) as Page;
      if (!Array.isArray(page?.data)) throw fail('GET', path, 'the answer has no data list');
      out.push(...(page.data as KongObject[]));
      path = typeof page.next === 'string' && page.next ? nextPath(page.next) : null;
    }
    return out;
  }

  // Adding a consumer to a group is a POST to the group; being in it already is no failure.
  async function join(body: Record<string, unknown>, ws?: string | null): Promise<KongObject> {
    const group = (body.consumer_group as { id: string }).id;
    const consumer = (body.consumer as { id: string }).id;
    const path = `${prefix(ws)}/consumer_groups/${encodeURIComponent(group)}/consumers`;
    const { status, text } = await request('POST', path, { consumer });
    if (status !== 200 && status !== 201 && status !== 409) {
      throw fail('POST', path, kongReason(status, text));
    }
    return {
      id: `${group}:${consumer}`,
      consumer_group: { id: group },
      consumer: { id: consumer },
    };
  }
}

const prefix = (ws?: string | null): string => (ws ? `/${encodeURIComponent(ws)}` : '');

function splitMembership(id: string): [string, string] {
  const at = id.indexOf(':');
  return [encodeURIComponent(id.slice(0, at)), encodeURIComponent(id.slice(at + 1))];
}

// Kong's `next` is a path with its query (/services?offset=...), sometimes a full URL.
function nextPath(next: string): string {
  if (next.startsWith('/')) return next;
  const u = new URL(next);
  return `${u.pathname}${u.search}`;
}

// The browser shell: the built renderer and the contract over HTTP, for headless machines,
// demos on another screen and end-to-end tests. It binds to loopback by default and answers
// nothing without its random access token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/core.js';
import { logger } from '../core/log.js';
import { RENDERER_CSP_HEADER } from './csp.js';

const log = logger('shell');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const CSP = RENDERER_CSP_HEADER;

const MAX_BODY = 64 * 1024 * 1024;

export type ShellServer = { url: string; token: string; port: number; close(): Promise<void> };

export type ShellOptions = {
  core: Core;
  rendererDir: string;
  host?: string;
  port?: number;
  token?: string;
};

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

const COOKIE = 'marquee_token';

function cookieToken(req: http.IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? '';
  const found = header.split(/;\s*/).find((c) => c.startsWith(COOKIE + '='));
  return found?.slice(COOKIE.length + 1);
}

// The contract only accepts the token as a header, so another site cannot call it through a
// form or a link. Pages and assets also accept the cookie set when the printed URL (with
// ?token=) was opened, because the browser sends no header for <script src>.
function tokenOf(req: http.IncomingMessage, url: URL, rpc: boolean): string | undefined {
  const header = req.headers['x-marquee-token'];
  if (typeof header === 'string') return header;
  if (rpc) return undefined;
  return url.searchParams.get('token') ?? cookieToken(req);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
}

async function handleRpc(core: Core, method: string, req: http.IncomingMessage,
  res: http.ServerResponse): Promise<void> {
  let input: unknown;
  try {
    const body = await readBody(req);
    input = body ? JSON.parse(body) : {};
  } catch (err) {
    const message = `request body is not JSON: ${(err as Error).message}`;
    send(res, 400, JSON.stringify({ ok: false, error: { code: 'bad_input', message } }),
      'application/json');
    return;
  }
  const result = await core.dispatch(method, input);
  send(res, 200, JSON.stringify(result), 'application/json');
}

function serveFile(rendererDir: string, pathname: string, res: http.ServerResponse): void {
  // A mistyped or hostile URL must answer 404, never take the process down: decoding can
  // throw on broken escapes, and a NUL byte makes fs throw synchronously.
  let rel: string;
  try {
    rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    send(res, 400, 'malformed URL', 'text/plain');
    return;
  }
  const file = path.resolve(rendererDir, rel);
  if (rel.includes('\0') || !file.startsWith(path.resolve(rendererDir) + path.sep)) {
    send(res, 404, 'not found', 'text/plain');
    return;
  }
  fs.readFile(file, (err, data) => {
    if (err) {
      send(res, 404, 'not found', 'text/plain');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(data);
  });
}

export async function startShellServer(opts: ShellOptions): Promise<ShellServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const host = opts.host ?? '127.0.0.1';
  const indexHtml = path.join(opts.rendererDir, 'index.html');
  if (!fs.existsSync(indexHtml)) {
    throw new Error(`the renderer is not built (${indexHtml} is missing): run npm run build`);
  }

  const server = http.createServer((req, res) => {
    try {
      route(req, res);
    } catch (err) {
      // Nothing a request carries may stop the shell: answer it and carry on.
      log.error({ err, path: req.url }, 'request failed');
      if (!res.headersSent) send(res, 500, 'internal error', 'text/plain');
    }
  });

  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://shell.invalid');

    // Every request needs the token, the page and its assets included.
    const rpc = /^\/rpc\/([a-z]+\.[A-Za-z]+)$/.exec(url.pathname);
    if (!sameToken(tokenOf(req, url, rpc !== null), token)) {
      log.warn({ path: url.pathname }, 'refused request without a valid token');
      send(res, 401, 'missing or wrong access token', 'text/plain; charset=utf-8');
      return;
    }
    if (url.searchParams.has('token')) {
      res.setHeader('set-cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }

    if (rpc && req.method === 'POST') {
      handleRpc(opts.core, rpc[1], req, res).catch((err) => {
        log.error({ err }, 'rpc failed');
        send(res, 500, JSON.stringify({ ok: false, error: { code: 'internal',
          message: String(err) } }), 'application/json');
      });
      return;
    }
    if (req.method === 'GET') {
      serveFile(opts.rendererDir, url.pathname, res);
      return;
    }
    send(res, 405, 'method not allowed', 'text/plain');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shown}:${port}/?token=${token}`;
  log.info({ host, port }, 'browser shell listening');

  return {
    url,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

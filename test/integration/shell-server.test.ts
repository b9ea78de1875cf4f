// The browser shell: loopback by default, nothing without the token, the contract only with
// the token as a header.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShellServer, type ShellServer } from '../../src-main/shell/server.js';
import { tempCore, tempDir } from '../support/workspace.js';

let server: ShellServer;
let base: string;
let cleanup: () => void;

beforeAll(async () => {
  const t = tempCore();
  const renderer = tempDir('marquee-renderer-');
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Marquee</title>');
  fs.mkdirSync(path.join(renderer, 'assets'));
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'export {}');
  fs.writeFileSync(path.join(t.dir, 'secret.txt'), 'do not serve me');
  server = await startShellServer({ core: t.core, rendererDir: renderer });
  base = `http://127.0.0.1:${server.port}`;
  cleanup = () => {
    t.cleanup();
    fs.rmSync(renderer, { recursive: true, force: true });
  };
});

afterAll(async () => {
  await server.close();
  cleanup();
});

const rpc = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('browser shell server', () => {
  it('binds to loopback and prints a URL that carries the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('refuses the page, assets and the contract without the token', async () => {
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/assets/app.js`)).status).toBe(401);
    expect((await rpc('tenant.list', {})).status).toBe(401);
    expect((await rpc('tenant.list', {}, { 'x-marquee-token': 'wrong' })).status).toBe(401);
  });

  it('serves the page with the token and sets a cookie good for assets only', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const cookie = page.headers.get('set-cookie')!.split(';')[0];

    expect((await fetch(`${base}/assets/app.js`, { headers: { cookie } })).status).toBe(200);
    // The cookie alone does not open the contract: a page on another site could send it.
    expect((await rpc('tenant.list', {}, { cookie })).status).toBe(401);
  });

  it('answers the contract with the token header, errors as data', async () => {
    const h = { 'x-marquee-token': server.token };
    const created = await (await rpc('tenant.create', { domain: 'acme.com', name: 'Acme' }, h))
      .json();
    expect(created).toMatchObject({ ok: true, value: { domain: 'acme.com' } });

    const bad = await (await rpc('tenant.create', { domain: '??', name: 'X' }, h)).json();
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_input' } });

    const notJson = await fetch(`${base}/rpc/tenant.list`, {
      method: 'POST',
      headers: h,
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
  });

  it('survives broken and hostile URLs and keeps serving', async () => {
    const h = { 'x-marquee-token': server.token };
    for (const p of ['/%00', '/%E0%A4%A', '/assets/%00app.js', '/%', '/%2F%00']) {
      const r = await fetch(`${base}${p}`, { headers: h });
      expect([400, 404], p).toContain(r.status);
    }
    expect((await rpc('tenant.list', {}, h)).status).toBe(200);
  });

  it('serves nothing outside the renderer folder', async () => {
    const h = { 'x-marquee-token': server.token };
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const r = await fetch(`${base}${p}`, { headers: h });
      expect(r.status, p).toBe(404);
    }
  });
});

// The built CLI over the demo workspace: roles, members, tiers, applications with keys shown
// once, subscriptions, lifecycle moves, storefronts per audience, the matrix and activity.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/workspace.js';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'marquee.js');

let dir: string;
let ws: string;

function marquee(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, '--workspace', ws, ...args], {
    encoding: 'utf8',
    env: { ...process.env, MARQUEE_WORKSPACE: '', ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json<T = any>(args: string[]): T {
  const r = marquee(['--json', ...args]);
  expect(r.code, r.stderr + r.stdout).toBe(0);
  return JSON.parse(r.stdout) as T;
}

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist-node', 'src-main', 'cli', 'index.js'))) {
    throw new Error('the CLI is not built: run `npx tsc -p tsconfig.node.json`');
  }
  dir = tempDir('marquee-cli-tenancy-');
  ws = path.join(dir, 'ws.sqlite');
  expect(marquee(['demo']).code).toBe(0);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('marquee tenancy commands', () => {
  it('adds roles and members, refusing a duplicate and an unknown role', () => {
    expect(marquee(['role', 'add', 'auditor', '--tenant', 'acme.com']).code).toBe(0);
    const dup = marquee(['role', 'add', 'auditor', '--tenant', 'acme.com']);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('acme.com already has a role named auditor');

    const m = json(['member', 'add', 'vic', '--tenant', 'acme.com', '--roles', 'auditor,partner']);
    expect(m).toMatchObject({ username: 'vic', roles: ['auditor', 'partner'] });
    const bad = marquee(['member', 'add', 'wes', '--tenant', 'acme.com', '--roles', 'ceo']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('acme.com has no role named ceo');
  });

  it('lists, adds, edits and deletes tiers, refusing one in use', () => {
    json(['tier', 'add', 'Trial', '--tenant', 'initech.dev', '--rate', '10', '--per', 'second',
      '--quota', '5000']);
    const set = json(['tier', 'set', 'Trial', '--tenant', 'initech.dev', '--rate', '20']);
    expect(set).toMatchObject({ name: 'Trial', rateLimit: 20, rateUnit: 'second', quota: 5000 });
    const list = marquee(['tier', 'list', '--tenant', 'initech.dev']);
    expect(list.stdout).toMatch(/Trial\s+20\/second/);
    expect(marquee(['tier', 'delete', 'Trial', '--tenant', 'initech.dev']).code).toBe(0);

    const used = marquee(['tier', 'delete', 'Gold', '--tenant', 'initech.dev']);
    expect(used.code).toBe(1);
    expect(used.stderr).toMatch(/tier Gold of initech\.dev is in use: offered by .*Chart Images/);
    expect(marquee(['tier', 'add', 'X', '--tenant', 'initech.dev', '--rate', 'lots']).code)
      .toBe(2);
  });

  it('prints a new key once, alone on stdout, and never on stderr or in the log', () => {
    const r = marquee(['app', 'add', 'Tracker', '--tenant', 'acme.com'],
      { MARQUEE_LOG_LEVEL: 'trace' });
    expect(r.code, r.stderr).toBe(0);
    const key = r.stdout.trim();
    expect(key).toMatch(/^mqk_[A-Za-z0-9_-]{43}$/);
    expect(r.stderr).toContain('never shows it again');
    expect(r.stderr).toContain('issued an application key');
    expect(r.stderr).not.toContain(key);

    const apps = marquee(['app', 'list', '--tenant', 'acme.com']);
    expect(apps.stdout).toContain(`mqk_…${key.slice(-4)}`);
    expect(apps.stdout).not.toContain(key);

    const rotated = json<{ apiKey: string; application: { keyHint: string } }>(
      ['app', 'rotate-key', 'Tracker'],
    );
    expect(rotated.apiKey).not.toBe(key);
    expect(rotated.application.keyHint).toBe(`mqk_…${rotated.apiKey.slice(-4)}`);
    expect(fs.statSync(`${ws}.key`).mode & 0o777).toBe(0o600);
  });

  it('gives --json the key too', () => {
    const r = json<{ apiKey: string }>(['app', 'add', 'Ledger', '--tenant', 'globex.io']);
    expect(r.apiKey).toMatch(/^mqk_/);
  });

  it('subscribes across tenants only where the API is offered', () => {
    const ok = marquee(['subscribe', 'Tracker', 'Settlement Currency Rates', '--tier', 'Gold']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Tracker (acme.com) subscribed to Settlement Currency Rates v1');

    const hidden = marquee(['subscribe', 'Tracker', 'Confirmation of Funds', '--tier', 'Gold']);
    expect(hidden.code).toBe(1);
    expect(hidden.stderr).toMatch(/cannot subscribe .*restricted to globex\.io roles partner/);
    expect(json(['subscriptions', '--app', 'Tracker'])).toHaveLength(1);
  });

  it('sets visibility, roles and availability of an API by its name', () => {
    const a = json(['api', 'set', 'Card Payments', '--visibility', 'restricted', '--roles',
      'partner,internal']);
    expect(a).toMatchObject({ visibility: 'restricted', visibleRoles: ['internal', 'partner'] });

    const b = json(['api', 'set', 'IBAN Validation', '--available-to', 'acme.com,initech.dev']);
    expect(b).toMatchObject({
      subscriptionAvailability: 'specific-tenants',
      availableTenants: ['acme.com', 'initech.dev'],
    });
    const bad = marquee(['api', 'set', 'Card Payments', '--available-to', 'all-tenants']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('only public APIs are offered to other tenants');
  });

  it('moves an API through its lifecycle and refuses a move WSO2 does not allow', () => {
    const refused = marquee(['api', 'lifecycle', 'Text Translation', 'retired']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/cannot move from created to retired/);

    expect(marquee(['api', 'lifecycle', 'Text Translation', 'published']).code).toBe(0);
    const h = json(['api', 'history', 'Text Translation']);
    expect(h.history.map((e: { to: string }) => e.to)).toEqual(['created', 'published']);
    expect(marquee(['api', 'lifecycle', 'Text Translation']).code).toBe(2);
  });

  it('builds the storefront each audience sees', () => {
    const pages = (audience: string) => {
      const out = path.join(dir, `site-${audience.replace(/[:.]/g, '-')}`);
      const r = marquee(['storefront', 'build', 'globex.io', '--as', audience, '-o', out]);
      expect(r.code, r.stderr).toBe(0);
      return fs.readFileSync(path.join(out, 'catalog.html'), 'utf8');
    };
    expect(pages('role:partner')).toContain('Confirmation of Funds');
    expect(pages('role:internal')).not.toContain('Confirmation of Funds');
    expect(pages('anonymous')).not.toContain('Confirmation of Funds');
    expect(pages('tenant:acme.com')).toContain('Settlement Currency Rates');

    const bad = marquee(['storefront', 'build', 'globex.io', '--as', 'boss', '-o',
      path.join(dir, 'x')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('audience: must be anonymous, member, role:NAME');
  });

  it('prints the access matrix and the activity log', () => {
    const m = json(['access', 'initech.dev']);
    expect(m.audiences).toEqual(['anonymous', 'role:internal', 'member', 'tenant:acme.com',
      'tenant:globex.io']);
    const registry = m.apis.find((a: { name: string }) => a.name === 'Container Registry');
    expect(registry.cells.map((c: { canSee: boolean }) => c.canSee)).toEqual(
      [false, true, true, false, false],
    );
    expect(marquee(['access', 'initech.dev']).stdout)
      .toMatch(/Container Registry\s+v1\s+-\s+see\+sub/);

    const log = json(['activity', '--limit', '3']);
    expect(log).toHaveLength(3);
    expect(marquee(['activity', '--tenant', 'acme.com']).stdout)
      .toContain('added application Tracker');
  });
});

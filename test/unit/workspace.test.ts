import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/core.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src-main/core/db/migrations.js';
import { closeWorkspace, openWorkspace } from '../../src-main/core/db/open.js';
import { tempCore, tempDir } from '../support/workspace.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('workspace file', () => {
  it('is created with WAL, foreign keys and the latest schema version', async () => {
    const t = tempCore();
    cleanups.push(t.cleanup);

    const info = await t.core.invoke('workspace.info', {});
    expect(info.schemaVersion).toBe(LATEST_VERSION);

    const raw = new Database(t.file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('refuses a workspace written by a newer Marquee and leaves it untouched', () => {
    const dir = tempDir();
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'future.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();

    expect(() => createCore(file)).toThrow(/newer Marquee/);
    const again = new Database(file, { readonly: true });
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 5);
    again.close();
  });

  it('refuses a file that is not a workspace with a clear message', () => {
    const dir = tempDir();
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(file, 'these are my notes, not a database '.repeat(200));

    expect(() => createCore(file)).toThrow(/notes\.sqlite/);
  });

  it('backs up an older workspace before migrating it, and keeps it whole on failure', () => {
    const dir = tempDir();
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'old.sqlite');

    // A workspace written by this version, with a tenant in it.
    const first = openWorkspace(file);
    first.prepare(`INSERT INTO tenants (domain, name, created_at, updated_at)
      VALUES ('acme.com', 'Acme', 'x', 'x')`).run();
    closeWorkspace(first);

    // A next version whose migration fails halfway: nothing of it may stay.
    const broken = [...MIGRATIONS, {
      version: LATEST_VERSION + 1,
      name: 'broken',
      sql: 'ALTER TABLE tenants ADD COLUMN motto TEXT; SELECT * FROM no_such_table;',
    }];
    expect(() => openWorkspace(file, { migrations: broken })).toThrow(/no_such_table/);

    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const cols = after.prepare('PRAGMA table_info(tenants)').all() as { name: string }[];
    expect(cols.map((c) => c.name)).not.toContain('motto');
    expect(after.prepare('SELECT domain FROM tenants').all()).toEqual([{ domain: 'acme.com' }]);
    after.close();

    // A good next version migrates, and the file as it was is kept beside it first.
    const good = [...MIGRATIONS, {
      version: LATEST_VERSION + 1,
      name: 'motto',
      sql: 'ALTER TABLE tenants ADD COLUMN motto TEXT',
    }];
    closeWorkspace(openWorkspace(file, { migrations: good }));
    const backups = fs.readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups.length).toBe(2);
    const copy = new Database(path.join(dir, backups.sort()[1]), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(copy.prepare('SELECT domain FROM tenants').all()).toEqual([{ domain: 'acme.com' }]);
    copy.close();
  });
});

describe('tenants', () => {
  it('creates a tenant with default branding and the four default tiers', async () => {
    const t = tempCore();
    cleanups.push(t.cleanup);

    const tenant = await t.core.invoke('tenant.create', { domain: 'Acme.COM', name: 'Acme' });
    expect(tenant.domain).toBe('acme.com');

    const tiers = await t.core.invoke('tier.list', { tenant: 'acme.com' });
    expect(tiers.map((x) => [x.name, x.rateLimit])).toEqual([
      ['Bronze', 1000],
      ['Silver', 2000],
      ['Gold', 5000],
      ['Unlimited', null],
    ]);
    const branding = await t.core.invoke('branding.get', { domain: 'acme.com' });
    expect(branding.heroTitle).toContain('Acme');
  });

  it('stores an internationalised domain in punycode', async () => {
    const t = tempCore();
    cleanups.push(t.cleanup);

    const tenant = await t.core.invoke('tenant.create', { domain: 'bücher.de', name: 'Bücher' });
    expect(tenant.domain).toBe('xn--bcher-kva.de');
  });

  it('refuses a bad domain and a duplicate with errors that name the problem', async () => {
    const t = tempCore();
    cleanups.push(t.cleanup);

    const bad = await t.core.dispatch('tenant.create', { domain: 'not a domain', name: 'X' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(!bad.ok && bad.error.message).toMatch(/not a domain/);

    await t.core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });
    const dup = await t.core.dispatch('tenant.create', { domain: 'acme.com', name: 'Again' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await t.core.invoke('tenant.list', {})).length).toBe(1);
  });

  it('rejects unknown methods and malformed input at the contract', async () => {
    const t = tempCore();
    cleanups.push(t.cleanup);

    expect(await t.core.dispatch('tenant.explode', {})).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
    const r = await t.core.dispatch('tenant.create', { domain: 'a.com', name: 'A', extra: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });
});

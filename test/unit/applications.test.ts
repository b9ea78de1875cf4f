// Applications and their API keys: shown once, sealed at rest, and absent from the rows,
// the files, the logs, the activity log, bundles and error messages.
import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import { setLogLevel } from '../../src-main/core/log.js';
import { openApplicationKey } from '../../src-main/core/tenancy/applications.js';
import { fileSecretBox, keyFilePath } from '../../src-main/core/tenancy/secrets.js';
import { openWorkspace } from '../../src-main/core/db/open.js';
import { getTenant } from '../../src-main/core/workspace/tenants.js';
import { fixture } from '../support/storefront.js';
import { tempCore } from '../support/workspace.js';

let core: Core;
let file: string;
let cleanup: () => void;

beforeEach(async () => {
  const t = tempCore();
  core = t.core;
  file = t.file;
  cleanup = t.cleanup;
  await core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });
});
afterEach(() => {
  vi.restoreAllMocks();
  setLogLevel(process.env.MARQUEE_LOG_LEVEL ?? 'error');
  cleanup();
});

// Everything the workspace keeps on disk: the database, its WAL and the key file.
function workspaceBytes(): string {
  return [file, `${file}-wal`, keyFilePath(file)]
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString('latin1'))
    .join('\n');
}

async function publishedApi(): Promise<string> {
  const api = await core.invoke('api.import', {
    tenant: 'acme.com',
    fileName: 'request-baskets.json',
    content: fixture('request-baskets.json'),
  });
  await core.invoke('api.lifecycle', { id: api.id, state: 'published' });
  return api.id;
}

describe('application keys', () => {
  it('shows a new key once, then only its hint', async () => {
    const issued = await core.invoke('application.add', { tenant: 'acme.com', name: 'Tracker' });
    expect(issued.apiKey).toMatch(/^mqk_[A-Za-z0-9_-]{43}$/);
    expect(issued.application.keyHint).toBe(`mqk_…${issued.apiKey.slice(-4)}`);

    const listed = await core.invoke('application.list', { tenant: 'acme.com' });
    expect(JSON.stringify(listed)).not.toContain(issued.apiKey);
    expect(listed[0]).toMatchObject({ name: 'Tracker', keyHint: issued.application.keyHint });
  });

  it('stores the key sealed: not in the row, not anywhere in the workspace files', async () => {
    const { apiKey } = await core.invoke('application.add', { tenant: 'acme.com', name: 'App' });

    const raw = new Database(file, { readonly: true });
    const row = raw.prepare(`SELECT * FROM applications WHERE name = 'App'`).get() as Record<
      string,
      unknown
    >;
    raw.close();
    expect(row.key_sealed).toMatch(/^file:v1:/);
    expect(JSON.stringify(row)).not.toContain(apiKey);
    expect(JSON.stringify(row)).not.toContain(apiKey.slice(4, 24));
    expect(workspaceBytes()).not.toContain(apiKey.slice(4));
  });

  it('opens the sealed key again with the key file, for a gateway that needs it', async () => {
    const { apiKey } = await core.invoke('application.add', { tenant: 'acme.com', name: 'App' });
    const db = openWorkspace(file);
    try {
      const box = fileSecretBox(file);
      expect(openApplicationKey(db, box, getTenant(db, 'acme.com'), 'App')).toBe(apiKey);
    } finally {
      db.close();
    }
  });

  it('creates the key file readable by its owner only, refuses one others can read', async () => {
    await core.invoke('application.add', { tenant: 'acme.com', name: 'App' });
    expect(fs.statSync(keyFilePath(file)).mode & 0o777).toBe(0o600);

    fs.chmodSync(keyFilePath(file), 0o644);
    await expect(core.invoke('application.rotateKey', { name: 'App' })).rejects.toMatchObject({
      code: 'workspace_error',
      message: expect.stringMatching(/readable by others .*chmod 600/),
    });
  });

  it('rotates the key: a new one shown once, the old one gone', async () => {
    const first = await core.invoke('application.add', { tenant: 'acme.com', name: 'App' });
    const second = await core.invoke('application.rotateKey', { name: 'App' });
    expect(second.apiKey).not.toBe(first.apiKey);
    expect(second.application.keyHint).toBe(`mqk_…${second.apiKey.slice(-4)}`);

    const db = openWorkspace(file);
    try {
      const opened = openApplicationKey(db, fileSecretBox(file), getTenant(db, 'acme.com'), 'App');
      expect(opened).toBe(second.apiKey);
    } finally {
      db.close();
    }
  });

  it('never writes a key to the log, even at trace level', async () => {
    setLogLevel('trace');
    const written: string[] = [];
    const real = fs.writeSync;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: unknown, ...rest: never[]) => {
      if (fd === 2) written.push(String(data));
      return (real as (...a: unknown[]) => number)(fd, data, ...rest);
    }) as typeof fs.writeSync);

    const a = await core.invoke('application.add', { tenant: 'acme.com', name: 'Logged' });
    const b = await core.invoke('application.rotateKey', { name: 'Logged' });

    const log = written.join('');
    expect(log).toContain('issued an application key');
    expect(log).toContain('rotated an application key');
    expect(log).not.toContain(a.apiKey);
    expect(log).not.toContain(b.apiKey);
  });

  it('keeps keys out of the activity log and out of a bundle export', async () => {
    const { apiKey } = await core.invoke('application.add', { tenant: 'acme.com', name: 'App' });

    const activity = await core.invoke('activity.list', { entity: 'application', limit: 10 });
    expect(activity).toHaveLength(1);
    expect(JSON.stringify(activity)).not.toContain(apiKey);

    const bundle = await core.invoke('bundle.export', { domains: ['acme.com'] });
    const entries = unzipSync(Buffer.from(bundle.dataBase64, 'base64'));
    expect(Object.keys(entries).length).toBeGreaterThan(1);
    for (const [name, data] of Object.entries(entries)) {
      expect(Buffer.from(data).toString('latin1'), name).not.toContain(apiKey);
      expect(Buffer.from(data).toString('latin1'), name).not.toContain('key_sealed');
    }
  });

  it('keeps keys out of every error message about the application', async () => {
    const { apiKey } = await core.invoke('application.add', { tenant: 'acme.com', name: 'App' });
    const apiId = await publishedApi();

    const failures = [
      core.invoke('application.add', { tenant: 'acme.com', name: 'App' }),
      core.invoke('subscription.add', { application: 'App', apiId, tier: 'Iron' }),
      core.invoke('subscription.add', { application: 'App', apiId: 'api_missing', tier: 'Gold' }),
      core.invoke('application.rotateKey', { tenant: 'globex.io', name: 'App' }),
    ];
    for (const failure of failures) {
      const err = await failure.then(() => null, (e: Error) => e);
      expect(err).not.toBeNull();
      expect(`${err!.message} ${JSON.stringify(err)}`).not.toContain(apiKey);
    }

    // A key file that is not the one the key was sealed with: the error names the file only.
    fs.writeFileSync(keyFilePath(file), Buffer.alloc(32, 7).toString('base64'), { mode: 0o600 });
    const db = openWorkspace(file);
    try {
      expect(() => openApplicationKey(db, fileSecretBox(file), getTenant(db, 'acme.com'), 'App'))
        .toThrow(/not the one it was sealed with/);
    } finally {
      db.close();
    }
  });
});

describe('applications and subscriptions', () => {
  it('refuses an owner who is not a member of the tenant', async () => {
    await expect(core.invoke('application.add', {
      tenant: 'acme.com', name: 'App', owner: 'ghost',
    })).rejects.toMatchObject({
      code: 'bad_input',
      message: 'owner: acme.com has no member ghost',
    });
  });

  it("subscribes with the owner's roles, at a tier the API offers", async () => {
    const apiId = await publishedApi();
    await core.invoke('role.add', { tenant: 'acme.com', name: 'partner' });
    await core.invoke('member.add', { tenant: 'acme.com', username: 'pat', roles: ['partner'] });
    await core.invoke('api.update', {
      id: apiId, patch: { visibility: 'restricted', visibleRoles: ['partner'], tiers: ['Gold'] },
    });
    await core.invoke('application.add', { tenant: 'acme.com', name: 'Mine', owner: 'pat' });
    await core.invoke('application.add', { tenant: 'acme.com', name: 'Theirs' });

    await expect(core.invoke('subscription.add', { application: 'Theirs', apiId, tier: 'Gold' }))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/restricted/) });
    await expect(core.invoke('subscription.add', { application: 'Mine', apiId, tier: 'Silver' }))
      .rejects.toMatchObject({ code: 'bad_input', message: expect.stringMatching(/offers Gold/) });
    const s = await core.invoke('subscription.add', { application: 'Mine', apiId, tier: 'Gold' });
    expect(s).toMatchObject({ application: 'Mine', apiTenant: 'acme.com', tier: 'Gold' });
  });

  it('lets another tenant subscribe only when the API is offered to it', async () => {
    const apiId = await publishedApi();
    await core.invoke('tenant.create', { domain: 'globex.io', name: 'Globex' });
    await core.invoke('application.add', { tenant: 'globex.io', name: 'Ledger' });
    const sub = () =>
      core.invoke('subscription.add', { application: 'Ledger', apiId, tier: 'Gold' });

    await expect(sub()).rejects.toMatchObject({
      message: expect.stringMatching(/not offered to globex\.io/),
    });
    await core.invoke('api.update', {
      id: apiId,
      patch: { subscriptionAvailability: 'specific-tenants', availableTenants: ['globex.io'] },
    });
    expect(await sub()).toMatchObject({ applicationTenant: 'globex.io', apiTenant: 'acme.com' });
  });

  it('refuses deleting an API with subscriptions, naming the applications', async () => {
    const apiId = await publishedApi();
    await core.invoke('application.add', { tenant: 'acme.com', name: 'App' });
    await core.invoke('subscription.add', { application: 'App', apiId, tier: 'Gold' });
    await expect(core.invoke('api.delete', { id: apiId })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/subscriptions from App \(acme\.com\)/),
    });
    await core.invoke('subscription.remove', { application: 'App', apiId });
    await core.invoke('api.delete', { id: apiId });
  });
});

// demo --force replaces a workspace's content; what was there is kept beside it first.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempCore } from '../support/workspace.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('demo --force', () => {
  it('keeps a readable copy of the replaced workspace and says where', async () => {
    const t = tempCore();
    cleanups.push(t.cleanup);
    await t.core.invoke('tenant.create', { domain: 'mine.example', name: 'Mine' });

    const r = await t.core.invoke('demo.create', { force: true });
    expect(r.backup).toMatch(/before-demo.*\.bak$/);
    const copy = new Database(r.backup!, { readonly: true });
    expect(copy.prepare('SELECT domain FROM tenants').all()).toEqual([{ domain: 'mine.example' }]);
    copy.close();

    expect((await t.core.invoke('tenant.list', {})).map((x) => x.domain))
      .not.toContain('mine.example');
  });

  it('keeps nothing when the workspace was empty', async () => {
    const t = tempCore();
    cleanups.push(t.cleanup);

    const r = await t.core.invoke('demo.create', { force: true });
    expect(r.backup).toBeNull();
    expect(fs.readdirSync(t.dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });
});

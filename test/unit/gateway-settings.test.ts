// Migration 4: gateways get a stored admin token and publish settings. The token is read
// only by the publish code and never comes back through the contract.
import { afterEach, expect, it } from 'vitest';
import { openWorkspace } from '../../src-main/core/db/open.js';
import { MIGRATIONS } from '../../src-main/core/db/migrations.js';
import { gatewayAccess } from '../../src-main/core/publish/settings.js';
import { getGateway } from '../../src-main/core/workspace/gateways.js';
import { tempCore } from '../support/workspace.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

it('keeps a gateway token and settings for publishing and never returns the token', async () => {
  const t = tempCore();
  cleanups.push(t.cleanup);
  const added = await t.core.invoke('gateway.add', {
    name: 'k',
    kind: 'kong',
    adminUrl: 'http://127.0.0.1:8001',
    token: 'sekrit',
    concurrency: 3,
    restoreOnFailure: false,
  });
  await t.core.invoke('gateway.add', { name: 'c', kind: 'caddy', adminUrl: 'http://a.b:2019' });
  expect(JSON.stringify(added)).not.toMatch(/sekrit/);
  expect(JSON.stringify(await t.core.invoke('gateway.list', {}))).not.toMatch(/sekrit/);

  const db = openWorkspace(t.file);
  cleanups.push(() => db.close());
  expect(gatewayAccess(db, getGateway(db, 'k'))).toEqual({
    token: 'sekrit',
    options: { concurrency: 3, restoreOnFailure: false },
    edition: 'oss',
  });
  expect(gatewayAccess(db, getGateway(db, 'c'))).toEqual({
    token: null,
    options: {},
    edition: 'oss',
  });
});

it('gives gateways that existed before migration 4 no token and default settings', () => {
  const t = tempCore();
  cleanups.push(t.cleanup);
  t.core.close();
  const file = `${t.dir}/old.sqlite`;
  const old = openWorkspace(file, { migrations: MIGRATIONS.filter((m) => m.version < 4) });
  old
    .prepare(
      `INSERT INTO gateways (name, kind, admin_url, environment, created_at)
       VALUES ('old', 'caddy', 'http://a.b:2019', 'dev', '2026-01-01T00:00:00Z')`,
    )
    .run();
  old.close();

  const db = openWorkspace(file);
  cleanups.push(() => db.close());
  expect(gatewayAccess(db, getGateway(db, 'old'))).toEqual({
    token: null,
    options: {},
    edition: 'oss',
  });
});

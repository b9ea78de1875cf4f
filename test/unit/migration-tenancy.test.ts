// Migration 3 (tenancy) on a workspace written by schema 2: its APIs keep everything, start
// their lifecycle history in the state they are in, and are offered to their own tenant only.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/core.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src-main/core/db/migrations.js';
import { closeWorkspace, openWorkspace } from '../../src-main/core/db/open.js';
import { tempDir } from '../support/workspace.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('migration 3: tenancy', () => {
  it('upgrades a schema 2 workspace and its APIs', async () => {
    const dir = tempDir();
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'v2.sqlite');

    const v2 = openWorkspace(file, { migrations: MIGRATIONS.filter((m) => m.version <= 2) });
    v2.prepare(`INSERT INTO tenants (id, domain, name, created_at, updated_at)
      VALUES (1, 'acme.com', 'Acme', 'x', 'x')`).run();
    v2.prepare(`INSERT INTO apis (id, tenant_id, name, version, context, lifecycle, visibility,
        openapi_version, definition_format, definition_text, created_at, updated_at)
      VALUES ('api_old', 1, 'Old', 'v1', '/old', 'published', 'restricted', '3.0.0', 'json',
        '{}', '2025-01-02T03:04:05.000Z', 'x')`).run();
    closeWorkspace(v2);

    const core = createCore(file);
    cleanups.push(() => core.close());
    expect((await core.invoke('workspace.info', {})).schemaVersion).toBe(LATEST_VERSION);
    expect(await core.invoke('api.get', { id: 'api_old' })).toMatchObject({
      lifecycle: 'published',
      visibility: 'restricted',
      visibleRoles: [],
      subscriptionAvailability: 'current-tenant',
      availableTenants: [],
    });
    expect(await core.invoke('api.history', { id: 'api_old' })).toMatchObject({
      history: [{ from: null, to: 'published', at: '2025-01-02T03:04:05.000Z' }],
    });
    expect(fs.readdirSync(dir).some((f) => f.startsWith('v2.sqlite.v2.'))).toBe(true);
  });
});

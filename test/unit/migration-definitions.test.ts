// Migration 6 moves each definition out of its API row; a workspace written by schema 5 keeps
// every definition byte for byte, and search and lists still find its APIs.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/core.js';
import { MIGRATIONS } from '../../src-main/core/db/migrations.js';
import { closeWorkspace, openWorkspace } from '../../src-main/core/db/open.js';
import { FIXTURES, tempDir } from '../support/workspace.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('migration 6: definitions beside their APIs', () => {
  it('keeps every definition of a schema 5 workspace exactly', async () => {
    const dir = tempDir();
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'v5.sqlite');
    const text = fs.readFileSync(path.join(FIXTURES, 'cli', 'xkcd-3.0.yaml'), 'utf8');

    const v5 = openWorkspace(file, { migrations: MIGRATIONS.filter((m) => m.version <= 5) });
    v5.prepare(`INSERT INTO tenants (id, domain, name, created_at, updated_at)
      VALUES (1, 'acme.com', 'Acme', 'x', 'x')`).run();
    v5.prepare(`INSERT INTO apis (id, tenant_id, name, version, context, lifecycle, visibility,
        openapi_version, definition_format, definition_text, created_at, updated_at)
      VALUES ('api_old', 1, 'Comics', 'v1', '/comics', 'published', 'public', '3.0.0', 'yaml',
        ?, 'x', 'x')`).run(text);
    v5.prepare(`INSERT INTO api_search (rowid, name, context, tags, description, operations)
      SELECT rowid, name, context, tags_json, description, '' FROM apis`).run();
    closeWorkspace(v5);

    const core = createCore(file);
    cleanups.push(() => core.close());
    expect(await core.invoke('api.definition', { id: 'api_old' })).toEqual({
      format: 'yaml',
      text,
    });
    expect((await core.invoke('api.list', { query: 'comics' })).map((a) => a.id))
      .toEqual(['api_old']);

    await core.invoke('api.delete', { id: 'api_old' });
    expect(await core.dispatch('api.definition', { id: 'api_old' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

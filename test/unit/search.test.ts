// Catalog search as a person uses it: words match names, tags, descriptions and operations,
// as prefixes; odd characters are text, never query syntax.
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { tempCore } from '../support/workspace.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const XKCD = fs.readFileSync(
  path.resolve(__dirname, '..', 'fixtures', 'cli', 'xkcd-3.0.yaml'),
  'utf8',
);

async function setup() {
  const t = tempCore();
  cleanups.push(t.cleanup);
  await t.core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });
  await t.core.invoke('tenant.create', { domain: 'globex.io', name: 'Globex' });
  const a = await t.core.invoke('api.import', {
    tenant: 'acme.com',
    fileName: 'xkcd.yaml',
    content: XKCD,
  });
  const b = await t.core.invoke('api.import', {
    tenant: 'globex.io',
    fileName: 'xkcd.yaml',
    content: XKCD,
  });
  return { ...t, a, b };
}

describe('catalog search', () => {
  it('finds APIs by a prefix of a word in the name, description or an operation path', async () => {
    const { core } = await setup();

    expect((await core.invoke('api.list', { query: 'xkc' })).length).toBe(2);
    expect((await core.invoke('api.list', { query: 'sarcasm' })).length).toBe(2);
    expect((await core.invoke('api.list', { query: 'info.0' })).length).toBe(2);
    expect((await core.invoke('api.list', { query: 'payments' })).length).toBe(0);
  });

  it('narrows to one tenant and follows renames', async () => {
    const { core, a } = await setup();

    expect((await core.invoke('api.list', { tenant: 'acme.com', query: 'xkcd' })).length).toBe(1);
    await core.invoke('api.update', { id: a.id, patch: { name: 'Comics Feed' } });
    const found = await core.invoke('api.list', { query: 'comics feed' });
    expect(found.map((x) => x.id)).toEqual([a.id]);
  });

  it('forgets the APIs of a deleted tenant', async () => {
    const { core, b } = await setup();

    await core.invoke('tenant.delete', { domain: 'acme.com' });
    const found = await core.invoke('api.list', { query: 'xkcd' });
    expect(found.map((x) => x.id)).toEqual([b.id]);
  });

  it('takes query syntax as plain text', async () => {
    const { core } = await setup();

    for (const q of ['"', 'NEAR(', 'xkcd*', '^xkcd', 'a OR', '-', '***']) {
      const r = await core.dispatch('api.list', { query: q });
      expect(r.ok, q).toBe(true);
    }
  });
});

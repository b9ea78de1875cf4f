// API documents travel in bundles: exported with their API, imported as they were, and a
// bundle from before documents existed still imports.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import {
  buildSampleTenant,
  exportBytes,
  importBytes,
  readJson,
  repack,
  unpack,
  writeJson,
} from '../fixtures/bundle/sample.js';
import { tempCore } from '../support/workspace.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function workspace() {
  const t = tempCore();
  cleanups.push(t.cleanup);
  return t;
}

const TENANT_JSON = 'tenants/acme.com/tenant.json';

// Documents by API name, without timestamps that belong to the workspace.
async function docsByApi(core: Core, domain: string) {
  const out: Record<string, { slug: string; title: string; markdown: string }[]> = {};
  for (const api of await core.invoke('api.list', { tenant: domain })) {
    const docs = await core.invoke('api.doc.list', { apiId: api.id });
    out[api.name] = docs.map(({ slug, title, markdown }) => ({ slug, title, markdown }));
  }
  return out;
}

async function sourceWithDocs() {
  const source = workspace();
  const { apiIds } = await buildSampleTenant(source.core, source.file);
  const [first] = apiIds;
  for (const [slug, title, markdown] of [
    ['getting-started', 'Getting started', '# Hello\n\nCall `GET /comics` first.'],
    ['errors', 'Errors', '| code | meaning |\n|---|---|\n| 429 | slow down |'],
  ]) {
    await source.core.invoke('api.doc.put', { apiId: first, slug, title, markdown });
  }
  return source;
}

describe('bundles with API documents', () => {
  it('carries each API\'s documents, in order, into a fresh workspace', async () => {
    const source = await sourceWithDocs();
    const bytes = await exportBytes(source.core, ['acme.com']);

    const target = workspace();
    await importBytes(target.core, bytes);

    const expected = await docsByApi(source.core, 'acme.com');
    expect(Object.values(expected).flat()).toHaveLength(2);
    expect(await docsByApi(target.core, 'acme.com')).toEqual(expected);
  });

  it('imports a bundle written before documents existed', async () => {
    const source = await sourceWithDocs();
    const e = unpack(await exportBytes(source.core, ['acme.com']));
    const tenant = readJson(e, TENANT_JSON);
    for (const api of tenant.apis) delete api.documents;
    writeJson(e, TENANT_JSON, tenant);

    const target = workspace();
    const result = await importBytes(target.core, repack(e, true));

    expect(result.tenants).toEqual(['acme.com']);
    const docs = await docsByApi(target.core, 'acme.com');
    expect(Object.values(docs).flat()).toEqual([]);
  });

  it('refuses a document whose slug could be a path, naming the field', async () => {
    const source = await sourceWithDocs();
    const e = unpack(await exportBytes(source.core, ['acme.com']));
    const tenant = readJson(e, TENANT_JSON);
    const withDocs = tenant.apis.findIndex((a: any) => a.documents.length > 0);
    tenant.apis[withDocs].documents[0].slug = '../../index';
    writeJson(e, TENANT_JSON, tenant);

    const target = workspace();
    await expect(importBytes(target.core, repack(e, true))).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringContaining(`apis.${withDocs}.documents.0.slug`),
    });
    expect(await target.core.invoke('tenant.list', {})).toEqual([]);
  });
});

// Importing definitions as a person would drop them in: Swagger 2.0, OpenAPI 3.0 YAML and
// OpenAPI 3.1 are taken; broken files are refused with the file and line, storing nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import { FIXTURES, tempCore } from '../support/workspace.js';

const DIR = path.join(FIXTURES, 'openapi');
const TENANT = 'acme.com';

const read = (file: string): string => fs.readFileSync(path.join(DIR, file), 'utf8');

let core: Core;
let cleanup: () => void;

beforeEach(async () => {
  ({ core, cleanup } = tempCore());
  await core.invoke('tenant.create', { domain: TENANT, name: 'Acme' });
});
afterEach(() => cleanup());

function importFile(file: string, extra: { context?: string; version?: string } = {}) {
  const input = { tenant: TENANT, fileName: file, content: read(file), ...extra };
  return core.invoke('api.import', input);
}

// Expected values read off each file by hand: info.title, info.version, the openapi/swagger
// field and the number of operations under paths.
const VALID = [
  {
    file: 'httpbin-swagger2.json',
    name: 'httpbin',
    version: '0.9.2',
    openapiVersion: '2.0',
    format: 'json',
    operations: 8,
    backend: 'https://httpbin.org/',
  },
  {
    file: 'giphy-openapi30.yaml',
    name: 'Giphy API',
    version: '1.0',
    openapiVersion: '3.0.0',
    format: 'yaml',
    operations: 10,
    backend: 'https://api.giphy.com/v1',
  },
  {
    file: 'webscraping.ai-openapi31.json',
    name: 'WebScraping.AI',
    version: '3.0.0',
    openapiVersion: '3.1.0',
    format: 'json',
    operations: 4,
    backend: 'https://api.webscraping.ai',
  },
] as const;

describe('api.import of valid definitions', () => {
  for (const v of VALID) {
    it(`takes ${v.file} (${v.openapiVersion}, ${v.format})`, async () => {
      const api = await importFile(v.file);

      expect(api).toMatchObject({
        tenant: TENANT,
        name: v.name,
        version: v.version,
        openapiVersion: v.openapiVersion,
        operationCount: v.operations,
        definitionFormat: v.format,
        backendProduction: v.backend,
        source: v.file,
      });
      expect(api.operations).toHaveLength(v.operations);

      const stored = await core.invoke('api.definition', { id: api.id });
      expect(stored).toEqual({ format: v.format, text: read(v.file) });
    });
  }

  it('lists the Swagger 2.0 operations with their methods and paths', async () => {
    const api = await importFile('httpbin-swagger2.json');

    expect(api.operations.map((o) => `${o.method} ${o.path}`)).toEqual([
      'GET /get',
      'POST /post',
      'PUT /put',
      'DELETE /delete',
      'GET /headers',
      'GET /ip',
      'GET /status/{codes}',
      'GET /uuid',
    ]);
  });
});

const BROKEN = [
  { file: 'broken-syntax.json', where: 'broken-syntax.json:11', says: /not valid JSON/ },
  {
    file: 'broken-indentation.yaml',
    where: 'broken-indentation.yaml:11',
    says: /not valid YAML/,
  },
  {
    file: 'missing-response-description.json',
    where: 'missing-response-description.json:12',
    says: /description/,
  },
  { file: 'paths-as-array.yaml', where: 'paths-as-array.yaml:5', says: /\/paths/ },
  { file: 'not-openapi.json', where: 'not-openapi.json', says: /not an OpenAPI/ },
] as const;

describe('api.import of broken definitions', () => {
  for (const b of BROKEN) {
    it(`refuses ${b.file}, naming the file and line, and stores nothing`, async () => {
      const result = await core.dispatch('api.import', {
        tenant: TENANT,
        fileName: b.file,
        content: read(b.file),
      });

      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid_definition');
      expect(result.error.message).toContain(b.where);
      expect(result.error.message).toMatch(b.says);
      expect(await core.invoke('api.list', {})).toEqual([]);
    });
  }

  it('leaves an API already in the tenant as it was', async () => {
    const before = await importFile('giphy-openapi30.yaml');

    await expect(importFile('broken-syntax.json')).rejects.toMatchObject({
      code: 'invalid_definition',
    });

    const after = await core.invoke('api.list', {});
    expect(after.map((a) => a.id)).toEqual([before.id]);
    expect((await core.invoke('api.definition', { id: before.id })).text).toBe(
      read('giphy-openapi30.yaml'),
    );
  });
});

describe('api.import contexts', () => {
  it('gives a definition imported twice into one tenant a distinct context', async () => {
    const first = await importFile('giphy-openapi30.yaml');
    const second = await importFile('giphy-openapi30.yaml');

    expect(first.context).toBe('/giphy-api');
    expect(second.context).toBe('/giphy-api-2');
    expect(second.version).toBe(first.version);
    expect(await core.invoke('api.list', { tenant: TENANT })).toHaveLength(2);
  });

  it('refuses an explicit context that another API of the tenant uses', async () => {
    await importFile('giphy-openapi30.yaml', { context: '/media', version: 'v1' });

    await expect(
      importFile('webscraping.ai-openapi31.json', { context: '/media', version: 'v1' }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('/media') });

    const apis = await core.invoke('api.list', { tenant: TENANT });
    expect(apis.map((a) => a.name)).toEqual(['Giphy API']);
  });

  it('takes the same explicit context again under another version', async () => {
    await importFile('giphy-openapi30.yaml', { context: '/media', version: 'v1' });
    const v2 = await importFile('giphy-openapi30.yaml', { context: '/media', version: 'v2' });

    expect(v2).toMatchObject({ context: '/media', version: 'v2' });
  });
});

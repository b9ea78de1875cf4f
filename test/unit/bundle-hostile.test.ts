// Bundles made to hurt: each must be refused with an error that names what is wrong, and the
// workspace it was imported into must be exactly as before.
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import { unsafeName } from '../../src-main/core/bundle/read.js';
import {
  buildSampleTenant,
  declareSize,
  exportBytes,
  importBytes,
  readJson,
  repack,
  unpack,
  writeJson,
  type Entries,
} from '../fixtures/bundle/sample.js';
import { tempCore } from '../support/workspace.js';

let valid: Buffer;
let target: ReturnType<typeof tempCore>;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  const source = tempCore();
  cleanups.push(source.cleanup);
  await buildSampleTenant(source.core, source.file);
  valid = await exportBytes(source.core, ['acme.com']);

  // The target already holds a tenant, so "unchanged" means something.
  target = tempCore();
  cleanups.push(target.cleanup);
  await buildSampleTenant(target.core, target.file, 'initech.com');
});
afterAll(() => cleanups.splice(0).forEach((c) => c()));

async function snapshot(core: Core) {
  return {
    tenants: await core.invoke('tenant.list', {}),
    apis: await core.invoke('api.list', {}),
  };
}

// Imports `bytes` with the replace policy (the one that would write most) and expects a
// refusal matching `message`, with the workspace unchanged.
async function expectRefused(bytes: Uint8Array, message: RegExp) {
  const before = await snapshot(target.core);
  const error = await importBytes(target.core, bytes, 'replace').then(
    () => null,
    (err: unknown) => err as { code: string; message: string },
  );
  expect(error, 'the import should have been refused').not.toBeNull();
  expect(error!.code).toBe('bad_input');
  expect(error!.message).toMatch(message);
  expect(await snapshot(target.core)).toEqual(before);
}

const entries = (): Entries => unpack(valid);
const tenantJson = 'tenants/acme.com/tenant.json';
const definitionOf = (e: Entries, context: string): string =>
  readJson(e, tenantJson).apis.find((a: { context: string }) => a.context === context).definition;

describe('hostile bundles', () => {
  it('accepts the untouched bundle, so the refusals below are about the changes', async () => {
    const t = tempCore();
    cleanups.push(t.cleanup);
    await expect(importBytes(t.core, valid)).resolves.toMatchObject({ tenants: ['acme.com'] });
  });

  it('refuses a file that is not a zip', async () => {
    await expectRefused(Buffer.from('these are my holiday photos, honest'), /not a zip/);
  });

  it('refuses a zip without a manifest', async () => {
    const e = entries();
    delete e['manifest.json'];
    await expectRefused(repack(e), /no manifest\.json/);
  });

  it('refuses a definition changed after export (checksum mismatch)', async () => {
    const e = entries();
    const name = definitionOf(e, '/internal/xkcd');
    // Same length, one letter different: only the checksum can tell.
    e[name] = Buffer.from(Buffer.from(e[name]).toString('utf8').replace('XKCD', 'XKCE'));
    await expectRefused(repack(e), new RegExp(`${name}.*SHA-256`));
  });

  it('refuses an entry the manifest does not list', async () => {
    const e = entries();
    e['tenants/acme.com/assets/extra.svg'] = Buffer.from('<svg></svg>');
    await expectRefused(repack(e), /assets\/extra\.svg.*not listed in manifest\.json/);
  });

  it('refuses an entry listed but not used by any tenant', async () => {
    const e = entries();
    e['tenants/acme.com/notes.txt'] = Buffer.from('hello');
    await expectRefused(repack(e, true), /notes\.txt.*not part of any listed tenant/);
  });

  it('refuses an entry whose path climbs out of the bundle', async () => {
    const e = entries();
    e['../evil'] = Buffer.from('#!/bin/sh\n');
    await expectRefused(repack(e, true), /"\.\.\/evil".*"\.\."/);
  });

  it.each([
    ['/etc/passwd', /absolute path/],
    ['C:/Windows/evil.dll', /drive letter/],
    ['tenants\\acme.com\\x', /backslash/],
    ['tenants/acme.com/a\u0000.png', /NUL/],
    ['tenants/acme.com/../../x', /"\.\."/],
    ['__proto__', /outside the tenants\/ folder/],
  ])('finds the entry name %j unsafe', (name, why) => {
    expect(unsafeName(name)).toMatch(why);
  });

  it('refuses a zip bomb: an entry that inflates beyond the per-file limit', async () => {
    const e = entries();
    // 60 MB of zeros deflate to about 60 kB; the declared size gives it away before inflating.
    e['tenants/acme.com/assets/bomb.png'] = new Uint8Array(60 * 1024 * 1024);
    await expectRefused(zipSync(e), /bomb\.png.*60\.0 MB.*limited to 50 MB/);
  });

  it('refuses entries whose declared sizes add up beyond the total limit', async () => {
    const e = entries();
    const names = ['a', 'b', 'c', 'd', 'e'].map((n) => `tenants/acme.com/assets/${n}.png`);
    for (const n of names) e[n] = Buffer.from('tiny');
    let zip: Uint8Array = zipSync(e);
    for (const n of names) zip = declareSize(zip, n, 45 * 1024 * 1024);
    await expectRefused(zip, /more than 200 MB/);
  });

  it('refuses an entry that inflates to more than it declares', async () => {
    const e = entries();
    const name = definitionOf(e, '/internal/xkcd');
    const zip = declareSize(repack(e), name, 100);
    await expectRefused(zip, new RegExp(`${name}.*100 bytes`));
  });

  it('refuses an invalid definition even with correct checksums', async () => {
    const e = entries();
    const name = definitionOf(e, '/internal/xkcd');
    e[name] = Buffer.from(
      '{"openapi":"3.0.0","info":{"title":"X","version":"1"},' +
        '"paths":{"/a":{"get":{"responses":"none"}}}}',
    );
    await expectRefused(repack(e, true), new RegExp(`invalid definition.*${name}`));
  });

  it('refuses a bundle written in a newer format version', async () => {
    const e = entries();
    writeJson(e, 'manifest.json', { ...readJson(e, 'manifest.json'), formatVersion: 2 });
    await expectRefused(repack(e), /formatVersion 2.*newer Marquee/);
  });

  it('refuses an API offering a tier the tenant does not have', async () => {
    const e = entries();
    const tenant = readJson(e, tenantJson);
    tenant.apis[0].tiers = ['Diamond'];
    writeJson(e, tenantJson, tenant);
    await expectRefused(repack(e, true), /tenant\.json.*"Diamond"/);
  });

  it('refuses a tenant.json that breaks its schema, naming the field', async () => {
    const e = entries();
    const tenant = readJson(e, tenantJson);
    tenant.branding.primaryColor = 'red; background: url(//evil)';
    writeJson(e, tenantJson, tenant);
    await expectRefused(repack(e, true), /tenant\.json: branding\.primaryColor/);
  });

  it('refuses an image whose bytes are not an image', async () => {
    const e = entries();
    const tenant = readJson(e, tenantJson);
    e[tenant.branding.logo] = Buffer.from('<script>alert(1)</script>');
    await expectRefused(repack(e, true), /assets\/.*not an SVG, PNG, JPEG or WebP image/);
  });

  it('refuses a manifest tenant that is not a valid domain', async () => {
    const e = entries();
    writeJson(e, 'manifest.json', { ...readJson(e, 'manifest.json'), tenants: ['not a domain'] });
    await expectRefused(repack(e), /manifest\.json: tenants: "not a domain"/);
  });
});

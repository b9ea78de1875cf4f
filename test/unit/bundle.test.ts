import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import {
  APOD_YAML,
  buildSampleTenant,
  CUSTOM_TIER,
  exportBytes,
  FAVICON_SVG,
  importBytes,
  readJson,
  tinyPng,
  unpack,
  XKCD_JSON,
} from '../fixtures/bundle/sample.js';
import { tempCore } from '../support/workspace.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.useRealTimers();
  cleanups.splice(0).forEach((c) => c());
});

function workspace() {
  const t = tempCore();
  cleanups.push(t.cleanup);
  return t;
}

// Everything a person sees of a tenant, minus ids and timestamps that belong to the workspace.
async function tenantView(core: Core, domain: string) {
  const { id: _id, createdAt: _c, updatedAt: _u, ...tenant } = await core.invoke('tenant.get', {
    domain,
  });
  const apis = [];
  for (const summary of await core.invoke('api.list', { tenant: domain })) {
    const { updatedAt: _updated, tenant: _tenant, ...detail } = await core.invoke('api.get', {
      id: summary.id,
    });
    const definition = await core.invoke('api.definition', { id: summary.id });
    apis.push({ ...detail, definition });
  }
  return {
    tenant,
    branding: await core.invoke('branding.get', { domain }),
    tiers: await core.invoke('tier.list', { tenant: domain }),
    roles: await core.invoke('role.list', { tenant: domain }),
    members: (await core.invoke('member.list', { tenant: domain })).map(
      ({ createdAt: _c, ...m }) => m,
    ),
    apis,
  };
}

const dataUrlBytes = (url: string | null) => Buffer.from(url!.split(',')[1], 'base64');

describe('bundle round trip', () => {
  it('brings a tenant into a fresh workspace with nothing lost', async () => {
    const source = workspace();
    const { apiIds } = await buildSampleTenant(source.core, source.file);
    const bytes = await exportBytes(source.core, ['acme.com']);

    const target = workspace();
    const result = await importBytes(target.core, bytes);
    expect(result).toEqual({ tenants: ['acme.com'], apis: 3, renamed: {} });

    const before = await tenantView(source.core, 'acme.com');
    const after = await tenantView(target.core, 'acme.com');
    expect(after).toEqual(before);

    // Spot checks that the comparison above compared something real.
    expect(after.apis.map((a) => a.id).sort()).toEqual([...apiIds].sort());
    expect(after.tiers.map((t) => t.name)).toContain(CUSTOM_TIER.name);
    expect(after.branding.theme).toBe('dark');
    expect(dataUrlBytes(after.branding.logo)).toEqual(tinyPng([11, 114, 133, 255]));
    expect(dataUrlBytes(after.branding.favicon)).toEqual(FAVICON_SVG);
    const byContext = Object.fromEntries(after.apis.map((a) => [a.context, a]));
    expect(byContext['/nasa/apod'].definition).toEqual({ format: 'yaml', text: APOD_YAML });
    expect(byContext['/internal/xkcd'].definition.text).toBe(XKCD_JSON);
    expect(byContext['/internal/xkcd'].backendProduction).toBeNull();
    expect(byContext['/internal/xkcd'].operations.length).toBe(2);
    expect(byContext['/nasa/apod'].lifecycle).toBe('deprecated');
    expect(byContext['/nasa/apod'].visibility).toBe('private');
  });

  it('lays the archive out as the format says, with every entry in the manifest', async () => {
    const source = workspace();
    await buildSampleTenant(source.core, source.file);
    const entries = unpack(await exportBytes(source.core, ['acme.com']));

    const manifest = readJson(entries, 'manifest.json');
    expect(manifest).toMatchObject({
      format: 'marquee-bundle',
      formatVersion: 1,
      producer: expect.stringMatching(/^marquee \d+\.\d+\.\d+/),
      tenants: ['acme.com'],
    });
    const names = Object.keys(entries).filter((n) => n !== 'manifest.json');
    expect(Object.keys(manifest.files).sort()).toEqual(names.sort());
    expect(names.filter((n) => n.includes('/assets/'))).toHaveLength(2);
    expect(names.filter((n) => /\/definitions\/[^/]+\.yaml$/.test(n))).toHaveLength(1);

    const tenant = readJson(entries, 'tenants/acme.com/tenant.json');
    expect(tenant.branding.logo).toMatch(/^tenants\/acme\.com\/assets\/[0-9a-f]{64}\.png$/);
    expect(tenant.branding.favicon).toMatch(/\.svg$/);
  });

  it('exports the same tenant to the same bytes, apart from createdAt', async () => {
    const source = workspace();
    await buildSampleTenant(source.core, source.file);
    vi.useFakeTimers({ toFake: ['Date'] });

    vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
    const first = await exportBytes(source.core, ['acme.com']);
    vi.setSystemTime(new Date('2026-05-09T17:30:00Z'));
    const later = await exportBytes(source.core, ['acme.com']);
    vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
    const again = await exportBytes(source.core, ['acme.com']);

    expect(again.equals(first)).toBe(true);

    const a = unpack(first);
    const b = unpack(later);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a).filter((n) => n !== 'manifest.json')) {
      expect(Buffer.from(b[name]).equals(Buffer.from(a[name])), name).toBe(true);
    }
    const { createdAt: createdA, ...restA } = readJson(a, 'manifest.json');
    const { createdAt: createdB, ...restB } = readJson(b, 'manifest.json');
    expect(restB).toEqual(restA);
    expect(createdA).not.toBe(createdB);
  });

  it('carries several tenants in one bundle', async () => {
    const source = workspace();
    await buildSampleTenant(source.core, source.file, 'acme.com');
    await source.core.invoke('tenant.create', { domain: 'globex.io', name: 'Globex' });
    const bytes = await exportBytes(source.core, ['globex.io', 'acme.com']);

    const target = workspace();
    const result = await importBytes(target.core, bytes);
    expect(result.tenants.sort()).toEqual(['acme.com', 'globex.io']);
    expect(await tenantView(target.core, 'globex.io')).toEqual(
      await tenantView(source.core, 'globex.io'),
    );
  });
});

describe('bundle import conflicts', () => {
  async function sampleBundle() {
    const source = workspace();
    await buildSampleTenant(source.core, source.file);
    return { source, bytes: await exportBytes(source.core, ['acme.com']) };
  }

  it('refuses by default, naming the domain, and changes nothing', async () => {
    const { bytes } = await sampleBundle();
    const target = workspace();
    await target.core.invoke('tenant.create', { domain: 'acme.com', name: 'Other Acme' });
    const before = await tenantView(target.core, 'acme.com');

    await expect(importBytes(target.core, bytes)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('acme.com'),
    });
    expect(await tenantView(target.core, 'acme.com')).toEqual(before);
    expect(await target.core.invoke('tenant.list', {})).toHaveLength(1);
  });

  it('replaces the existing tenant with the bundle when asked', async () => {
    const { source, bytes } = await sampleBundle();
    const target = workspace();
    await target.core.invoke('tenant.create', { domain: 'acme.com', name: 'Other Acme' });
    const stale = await target.core.invoke('api.import', {
      tenant: 'acme.com', fileName: 'old.json', content: XKCD_JSON, context: '/old',
    });

    const result = await importBytes(target.core, bytes, 'replace');
    expect(result.tenants).toEqual(['acme.com']);
    expect(await tenantView(target.core, 'acme.com')).toEqual(
      await tenantView(source.core, 'acme.com'),
    );
    const ids = (await target.core.invoke('api.list', {})).map((a) => a.id);
    expect(ids).not.toContain(stale.id);
  });

  it('refuses to replace a tenant whose applications the bundle cannot carry', async () => {
    const { bytes } = await sampleBundle();
    const target = workspace();
    await target.core.invoke('tenant.create', { domain: 'acme.com', name: 'Other Acme' });
    await target.core.invoke('application.add', { tenant: 'acme.com', name: 'Mobile' });
    const before = await tenantView(target.core, 'acme.com');

    await expect(importBytes(target.core, bytes, 'replace')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/1 application/),
    });
    expect(await tenantView(target.core, 'acme.com')).toEqual(before);
    const apps = await target.core.invoke('application.list', { tenant: 'acme.com' });
    expect(apps.map((a) => a.name)).toEqual(['Mobile']);
  });

  it('imports under the first free domain with new API ids when asked to rename', async () => {
    const { source, bytes } = await sampleBundle();
    const original = await tenantView(source.core, 'acme.com');

    const first = await importBytes(source.core, bytes, 'rename');
    expect(first).toEqual({
      tenants: ['acme-2.com'],
      apis: 3,
      renamed: { 'acme.com': 'acme-2.com' },
    });
    const second = await importBytes(source.core, bytes, 'rename');
    expect(second.tenants).toEqual(['acme-3.com']);

    expect(await tenantView(source.core, 'acme.com')).toEqual(original);
    const copy = await tenantView(source.core, 'acme-2.com');
    expect(copy.tenant).toEqual({ ...original.tenant, domain: 'acme-2.com' });
    expect(copy.branding).toEqual(original.branding);
    const originalIds = new Set(original.apis.map((a) => a.id));
    expect(copy.apis.every((a) => !originalIds.has(a.id))).toBe(true);
    const strip = (apis: typeof original.apis) =>
      apis.map(({ id: _id, ...rest }) => rest).sort((x, y) => x.context.localeCompare(y.context));
    expect(strip(copy.apis)).toEqual(strip(original.apis));
  });
});

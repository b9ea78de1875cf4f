// The demo workspace as an evangelist meets it: three distinct storefronts, real APIs stored
// exactly as shipped, and no way to lose an existing workspace by accident.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import { demoResourcesDir } from '../../src-main/core/demo/resources.js';
import { tempCore, tempDir } from '../support/workspace.js';

const RESOURCES = path.resolve(__dirname, '..', '..', 'resources', 'demo');
const DOMAINS = ['acme.com', 'globex.io', 'initech.dev'];

const cleanups: (() => void)[] = [];
afterEach(() => {
  delete process.env.MARQUEE_RESOURCES;
  cleanups.splice(0).forEach((c) => c());
});

function freshCore(): Core {
  const t = tempCore();
  cleanups.push(t.cleanup);
  return t.core;
}

async function snapshot(core: Core) {
  return {
    tenants: await core.invoke('tenant.list', {}),
    apis: await core.invoke('api.list', {}),
    gateways: await core.invoke('gateway.list', {}),
  };
}

describe('demo.create on an empty workspace', () => {
  it('creates three tenants with clearly different branding', async () => {
    const core = freshCore();

    const result = await core.invoke('demo.create', {});

    expect(result.tenants).toEqual(DOMAINS);
    const tenants = await core.invoke('tenant.list', {});
    expect(tenants.map((t) => t.domain)).toEqual(DOMAINS);

    const brandings = await Promise.all(
      DOMAINS.map((domain) => core.invoke('branding.get', { domain })),
    );
    const distinct = (values: unknown[]) => new Set(values).size;
    expect(distinct(brandings.map((b) => b.primaryColor.toLowerCase()))).toBe(3);
    expect(distinct(brandings.map((b) => b.heroTitle))).toBe(3);
    expect(distinct(brandings.map((b) => b.fontFamily))).toBe(3);
    expect(distinct(brandings.map((b) => b.logo))).toBe(3);
    expect(distinct(brandings.map((b) => b.favicon))).toBe(3);
    expect(brandings.map((b) => b.theme)).toContain('dark');
    expect(brandings.map((b) => b.theme)).toContain('light');
    for (const b of brandings) {
      expect(b.logo).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(b.favicon).toMatch(/^data:image\/svg\+xml;base64,/);
      const svg = Buffer.from(b.logo!.split(',')[1], 'base64').toString('utf8');
      expect(svg.startsWith('<svg')).toBe(true);
    }
  });

  it('spreads real APIs over all tenants with every lifecycle state and visibility', async () => {
    const core = freshCore();

    const result = await core.invoke('demo.create', {});
    const apis = await core.invoke('api.list', {});

    expect(apis.length).toBe(result.apis);
    expect(apis.length).toBeGreaterThanOrEqual(8);
    for (const domain of DOMAINS) {
      expect(apis.filter((a) => a.tenant === domain).length).toBeGreaterThanOrEqual(3);
    }

    const count = (pick: (a: (typeof apis)[number]) => boolean) => apis.filter(pick).length;
    for (const state of ['prototyped', 'deprecated', 'created', 'retired', 'blocked']) {
      expect(count((a) => a.lifecycle === state), state).toBeGreaterThanOrEqual(1);
    }
    expect(count((a) => a.lifecycle === 'published')).toBeGreaterThan(apis.length / 2);
    expect(count((a) => a.visibility === 'restricted')).toBeGreaterThanOrEqual(1);
    expect(count((a) => a.visibility === 'private')).toBeGreaterThanOrEqual(1);
    expect(count((a) => a.visibility === 'public')).toBeGreaterThan(apis.length / 2);

    const premium = apis.filter((a) => a.tiers.join() === 'Gold,Unlimited');
    expect(premium.length).toBeGreaterThanOrEqual(1);
    expect(new Set(apis.map((a) => a.tiers.join())).size).toBeGreaterThanOrEqual(3);

    for (const a of apis) {
      expect(a.context, a.name).toMatch(/^\/[a-z-]+$/);
      expect(a.version, a.name).toMatch(/^v\d+$/);
      expect(a.operationCount, a.name).toBeGreaterThan(0);
      expect(a.tags.length, a.name).toBeGreaterThan(0);
      expect(a.backendProduction, a.name).toMatch(/^https?:\/\/[^{}]+$/);
    }
    const shipments = apis.find((a) => a.tenant === 'acme.com' && a.context === '/shipments');
    expect(shipments).toMatchObject({
      version: 'v1',
      backendProduction: 'https://api.ebay.com/sell/logistics/v1_beta',
    });
  });

  it('stores every definition exactly as its resource file', async () => {
    const core = freshCore();
    await core.invoke('demo.create', {});

    const apis = await core.invoke('api.list', {});
    const files = new Set<string>();
    for (const a of apis) {
      const stored = await core.invoke('api.definition', { id: a.id });
      const original = fs.readFileSync(path.join(RESOURCES, 'apis', a.source), 'utf8');
      expect(stored.text === original, a.source).toBe(true);
      files.add(a.source);
    }
    expect(files.size).toBe(apis.length);
  });
});

describe('demo.create on a workspace that has tenants', () => {
  it('is refused without force and changes nothing', async () => {
    const core = freshCore();
    await core.invoke('demo.create', {});
    const before = await snapshot(core);

    const result = await core.dispatch('demo.create', {});

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('--force') },
    });
    expect(await snapshot(core)).toEqual(before);
  });

  it('keeps a workspace of the user when refused', async () => {
    const core = freshCore();
    await core.invoke('tenant.create', { domain: 'example.org', name: 'Mine' });

    await expect(core.invoke('demo.create', { force: false })).rejects.toMatchObject({
      code: 'conflict',
    });

    const tenants = await core.invoke('tenant.list', {});
    expect(tenants.map((t) => t.domain)).toEqual(['example.org']);
  });

  it('with force replaces tenants and gateways with a fresh demo', async () => {
    const core = freshCore();
    await core.invoke('demo.create', {});
    const firstIds = (await core.invoke('api.list', {})).map((a) => a.id);
    await core.invoke('tenant.create', { domain: 'example.org', name: 'Mine' });
    await core.invoke('gateway.add', {
      name: 'local',
      kind: 'caddy',
      adminUrl: 'http://127.0.0.1:2999',
      tenants: ['example.org'],
    });

    const result = await core.invoke('demo.create', { force: true });

    const after = await snapshot(core);
    expect(after.tenants.map((t) => t.domain)).toEqual(DOMAINS);
    expect(after.gateways).toEqual([]);
    expect(after.apis).toHaveLength(result.apis);
    expect(after.apis.length).toBe(firstIds.length);
    expect(after.apis.some((a) => firstIds.includes(a.id))).toBe(false);
  });

  it('leaves the workspace untouched when the demo fails half way', async () => {
    // A copy of the resources whose last tenant's logo is not an image: the failure comes
    // after the old tenants were deleted and the first demo tenants made, inside the
    // transaction.
    const dir = tempDir('marquee-demo-res-');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.cpSync(RESOURCES, path.join(dir, 'demo'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'demo', 'branding', 'initech-logo.svg'), 'not a picture');
    process.env.MARQUEE_RESOURCES = dir;

    const core = freshCore();
    await core.invoke('tenant.create', { domain: 'example.org', name: 'Mine' });
    await core.invoke('gateway.add', {
      name: 'local',
      kind: 'caddy',
      adminUrl: 'http://127.0.0.1:2999',
    });
    const before = await snapshot(core);

    await expect(core.invoke('demo.create', { force: true })).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringContaining('logo'),
    });

    expect(await snapshot(core)).toEqual(before);
  });

  it('refuses a broken demo definition before touching the workspace', async () => {
    const dir = tempDir('marquee-demo-res-');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.cpSync(RESOURCES, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'apis', 'ibanapi.com.json'), '{ "openapi": ');
    process.env.MARQUEE_RESOURCES = dir;

    const core = freshCore();

    await expect(core.invoke('demo.create', {})).rejects.toMatchObject({
      code: 'invalid_definition',
      message: expect.stringContaining('ibanapi.com.json'),
    });
    expect(await core.invoke('tenant.list', {})).toEqual([]);
  });
});

describe('demo resources', () => {
  type Source = {
    file: string;
    provider: string;
    origin: { url: string };
    license: string | { name: string; url: string | null };
    sha256: string;
  };
  const sources = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'sources.json'), 'utf8')) as {
    collection: { packageLicense: string };
    apis: Source[];
  };

  it('records the provenance and licence of every definition file', () => {
    const files = fs.readdirSync(path.join(RESOURCES, 'apis')).sort();

    expect(sources.apis.map((s) => s.file).sort()).toEqual(files);
    expect(sources.collection.packageLicense).toMatch(/^MIT/);
    for (const s of sources.apis) {
      expect(s.license, s.file).toBeTruthy();
      expect(s.provider, s.file).toBeTruthy();
      expect(s.origin.url, s.file).toMatch(/^https?:\/\//);
      const bytes = fs.readFileSync(path.join(RESOURCES, 'apis', s.file));
      expect(createHash('sha256').update(bytes).digest('hex'), s.file).toBe(s.sha256);
    }
  });

  it('has every branding image as an SVG file', () => {
    for (const file of fs.readdirSync(path.join(RESOURCES, 'branding'))) {
      const text = fs.readFileSync(path.join(RESOURCES, 'branding', file), 'utf8');
      expect(text.startsWith('<svg'), file).toBe(true);
      expect(text.trimEnd().endsWith('</svg>'), file).toBe(true);
    }
  });

  it('are found by walking up from where the module runs', () => {
    const root = tempDir('marquee-layout-');
    cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
    const compiled = path.join(root, 'dist-node', 'src-main', 'core', 'demo');
    fs.mkdirSync(compiled, { recursive: true });
    fs.mkdirSync(path.join(root, 'resources', 'demo'), { recursive: true });
    fs.writeFileSync(path.join(root, 'resources', 'demo', 'sources.json'), '{}');

    expect(demoResourcesDir({}, compiled)).toBe(path.join(root, 'resources', 'demo'));
    expect(demoResourcesDir({})).toBe(RESOURCES);
  });

  it('are found through MARQUEE_RESOURCES, as the packaged app sets it', () => {
    const resources = path.dirname(RESOURCES);

    expect(demoResourcesDir({ MARQUEE_RESOURCES: resources })).toBe(RESOURCES);
    expect(demoResourcesDir({ MARQUEE_RESOURCES: RESOURCES })).toBe(RESOURCES);
    expect(() => demoResourcesDir({ MARQUEE_RESOURCES: '/nowhere/at/all' })).toThrow(
      /MARQUEE_RESOURCES is \/nowhere\/at\/all/,
    );
  });
});

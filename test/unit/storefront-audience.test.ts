// The storefront built for each audience holds exactly the APIs that audience may see, as
// the access matrix says, and names nothing it hides.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import { seedTenancy, type AcmeApis } from '../support/tenancy.js';
import { tempCore, tempDir } from '../support/workspace.js';

let core: Core;
let apis: AcmeApis;
let dir: string;
const cleanups: (() => void)[] = [];

beforeEach(async () => {
  const t = tempCore();
  core = t.core;
  apis = await seedTenancy(core);
  dir = tempDir('marquee-audience-');
  cleanups.push(t.cleanup, () => fs.rmSync(dir, { recursive: true, force: true }));
});
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const apiPages = (site: string): string[] =>
  fs.readdirSync(path.join(site, 'api')).map((f) => f.replace(/\.html$/, '')).sort();

describe('storefront per audience', () => {
  it('builds, for every audience of the matrix, exactly the APIs it may see', async () => {
    const matrix = await core.invoke('access.matrix', { tenant: 'acme.com' });

    for (const [i, audience] of matrix.audiences.entries()) {
      const site = path.join(dir, audience.replace(/[:.]/g, '-'));
      await core.invoke('storefront.build', { domain: 'acme.com', outDir: site, audience });

      const visible = matrix.apis.filter((a) => a.cells[i].canSee).map((a) => a.id).sort();
      expect(apiPages(site), audience).toEqual(visible);

      const catalog = fs.readFileSync(path.join(site, 'catalog.html'), 'utf8');
      for (const a of matrix.apis) {
        expect(catalog.includes(`api/${a.id}.html`), `${audience} ${a.name}`).toBe(
          a.cells[i].canSee,
        );
      }
    }
  });

  it('shows the partner API to role:partner only, and the private one to members', async () => {
    const seen = async (audience: string) => {
      const site = path.join(dir, audience.replace(/[:.]/g, '-'));
      await core.invoke('storefront.build', { domain: 'acme.com', outDir: site, audience });
      return apiPages(site);
    };
    expect(await seen('role:partner')).toContain(apis.partner);
    expect(await seen('member')).not.toContain(apis.partner);
    expect(await seen('member')).toContain(apis.private);
    expect(await seen('anonymous')).not.toContain(apis.private);
    expect(await seen('tenant:globex.io')).not.toContain(apis.private);
    expect(await seen('tenant:globex.io')).toContain(apis.offeredGlobex);
  });

  it('renders the preview for an audience and hides what it may not see', async () => {
    const page = { kind: 'api' as const, apiId: apis.partner };
    const html = await core.invoke('storefront.render', {
      domain: 'acme.com',
      page,
      audience: 'role:partner',
    });
    expect(html.html).toContain('partner');
    await expect(core.invoke('storefront.render', { domain: 'acme.com', page }))
      .rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses an audience that names an unknown role or tenant, or the tenant itself', async () => {
    const render = (audience: string) =>
      core.invoke('storefront.render', { domain: 'acme.com', page: { kind: 'home' }, audience });
    await expect(render('role:ceo')).rejects.toMatchObject({
      code: 'not_found',
      message: 'audience: acme.com has no role named ceo',
    });
    await expect(render('tenant:hooli.xyz')).rejects.toMatchObject({ code: 'not_found' });
    await expect(render('tenant:acme.com')).rejects.toMatchObject({ code: 'bad_input' });
    await expect(render('staff')).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/^audience: must be anonymous, member/),
    });
  });
});

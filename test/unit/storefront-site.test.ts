import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import {
  byClass,
  byTag,
  parsePage,
  seedAcme,
  text,
  type SeededTenant,
} from '../support/storefront.js';
import { tempCore, tempDir } from '../support/workspace.js';

let core: Core;
let acme: SeededTenant;
let out: string;
const cleanups: (() => void)[] = [];

beforeEach(async () => {
  const t = tempCore();
  core = t.core;
  acme = await seedAcme(core);
  const dir = tempDir('marquee-site-');
  out = path.join(dir, 'site');
  cleanups.push(t.cleanup, () => fs.rmSync(dir, { recursive: true, force: true }));
});
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const build = (outDir = out) => core.invoke('storefront.build', { domain: 'acme.com', outDir });

function filesIn(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';

const addDoc = (apiId: string, slug: string, title: string) =>
  core.invoke('api.doc.put', { apiId, slug, title, markdown: `# ${title}\n\nRead me first.` });

describe('static storefront site', () => {
  it('writes home, catalog, plans, each visible API and document, logo, favicon', async () => {
    await addDoc(acme.baskets, 'getting-started', 'Getting started');
    // A document of an API the audience does not see is not written either.
    await addDoc(acme.hidden.private, 'secrets', 'Internal notes');
    for (const slot of ['logo', 'favicon'] as const) {
      await core.invoke('branding.setImage', {
        domain: 'acme.com',
        slot,
        mediaType: 'image/svg+xml',
        dataBase64: Buffer.from(SVG).toString('base64'),
      });
    }

    const result = await build();

    expect(result).toEqual({ dir: out, files: 10, pages: 7 });
    expect(filesIn(out)).toEqual(
      [
        '.marquee-storefront',
        'api/' + acme.baskets + '.html',
        'api/' + acme.baskets + '/getting-started.html',
        'api/' + acme.legacy + '.html',
        'api/' + acme.skins + '.html',
        'assets/logo.svg',
        'catalog.html',
        'favicon.svg',
        'index.html',
        'plans.html',
      ].sort(),
    );
    expect(fs.readFileSync(path.join(out, 'assets/logo.svg'), 'utf8')).toBe(SVG);
  });

  it('links every page only to files of the site and anchors that exist', async () => {
    await core.invoke('branding.setImage', {
      domain: 'acme.com',
      slot: 'favicon',
      mediaType: 'image/svg+xml',
      dataBase64: Buffer.from(SVG).toString('base64'),
    });
    await addDoc(acme.baskets, 'getting-started', 'Getting started');
    await addDoc(acme.baskets, 'authentication', 'Authentication');
    await build();

    const pages = filesIn(out).filter((f) => f.endsWith('.html'));
    expect(pages).toContain('plans.html');
    expect(pages).toContain(`api/${acme.baskets}/authentication.html`);
    let checked = 0;
    for (const file of pages) {
      const page = parsePage(fs.readFileSync(path.join(out, file), 'utf8'));
      const ids = new Set(page.all.map((e) => e.attribs.id).filter(Boolean));

      for (const e of page.all) {
        for (const attr of ['href', 'src']) {
          const value = e.attribs[attr];
          if (value === undefined || value.startsWith('data:')) continue;
          checked++;
          if (value.startsWith('#')) {
            expect(ids.has(value.slice(1)), `${file}: ${value}`).toBe(true);
            continue;
          }
          expect(value, `${file}: ${value}`).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\//i);
          const target = path.resolve(out, path.dirname(file), value.split('#')[0]);
          expect(path.relative(out, target).startsWith('..'), `${file}: ${value}`).toBe(false);
          expect(fs.existsSync(target), `${file}: ${value}`).toBe(true);
        }
      }
      // Nothing in a built page points back into the app.
      expect(page.all.some((e) => e.attribs['data-marquee-page'] !== undefined)).toBe(false);
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('links the plans page from every page and each document from its API page', async () => {
    await addDoc(acme.baskets, 'getting-started', 'Getting started');
    await build();

    const home = parsePage(fs.readFileSync(path.join(out, 'index.html'), 'utf8'));
    const nav = byTag(home, 'a').filter((a) => text(a) === 'Plans');
    expect(nav.map((a) => a.attribs.href)).toContain('plans.html');

    const apiFile = path.join(out, 'api', `${acme.baskets}.html`);
    const apiPage = parsePage(fs.readFileSync(apiFile, 'utf8'));
    const docLinks = byTag(apiPage, 'a').filter((a) => text(a) === 'Getting started');
    expect(docLinks.map((a) => a.attribs.href)).toEqual([
      `../api/${acme.baskets}/getting-started.html`,
    ]);
    const plansLinks = byTag(apiPage, 'a').filter((a) => text(a).startsWith('Compare plans'));
    expect(plansLinks.map((a) => a.attribs.href)).toEqual(['../plans.html']);

    const docFile = path.join(out, 'api', acme.baskets, 'getting-started.html');
    const docPage = parsePage(fs.readFileSync(docFile, 'utf8'));
    const back = byTag(docPage, 'a').filter((a) => text(a) === 'Baskets');
    expect(back.map((a) => a.attribs.href)).toContain(`../../api/${acme.baskets}.html`);
    expect(text(byClass(docPage, 'sf-doc')[0])).toContain('Read me first.');
  });

  it('links from the catalog to each API page and back', async () => {
    await build();

    const catalog = parsePage(fs.readFileSync(path.join(out, 'catalog.html'), 'utf8'));
    const hrefs = byClass(catalog, 'sf-card').map((c) => c.attribs.href).sort();
    expect(hrefs).toEqual(
      [acme.baskets, acme.legacy, acme.skins].map((id) => `api/${id}.html`).sort(),
    );

    const apiPage = parsePage(
      fs.readFileSync(path.join(out, 'api', `${acme.skins}.html`), 'utf8'),
    );
    const crumbs = byTag(apiPage, 'a').filter((a) => text(a) === 'APIs');
    expect(crumbs.map((a) => a.attribs.href)).toContain('../catalog.html');
  });

  it('writes the same bytes for the same workspace', async () => {
    await build();
    const other = path.join(path.dirname(out), 'again');
    await build(other);

    for (const file of filesIn(out)) {
      expect(fs.readFileSync(path.join(other, file)), file).toEqual(
        fs.readFileSync(path.join(out, file)),
      );
    }
  });

  it('rebuilds into its own folder and drops pages of APIs no longer shown', async () => {
    await addDoc(acme.legacy, 'migration', 'Moving off Legacy');
    await build();
    expect(fs.existsSync(path.join(out, 'api', acme.legacy, 'migration.html'))).toBe(true);
    await core.invoke('api.update', { id: acme.legacy, patch: { lifecycle: 'retired' } });

    const again = await build();

    expect(again.pages).toBe(5);
    expect(fs.existsSync(path.join(out, 'api', `${acme.legacy}.html`))).toBe(false);
    expect(fs.existsSync(path.join(out, 'api', acme.legacy))).toBe(false);
    expect(fs.existsSync(path.join(out, 'api', `${acme.baskets}.html`))).toBe(true);
    const catalog = fs.readFileSync(path.join(out, 'catalog.html'), 'utf8');
    expect(catalog).not.toContain('Legacy Baskets');
  });

  it('refuses a folder that holds other files and leaves them alone', async () => {
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'index.html'), 'my own page');

    const result = await core.dispatch('storefront.build', { domain: 'acme.com', outDir: out });

    expect(result).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect((result as { error: { message: string } }).error.message).toContain(out);
    expect(fs.readdirSync(out)).toEqual(['index.html']);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('my own page');
  });

  it('refuses an outDir that is a file', async () => {
    fs.writeFileSync(out, 'not a folder');

    const result = await core.dispatch('storefront.build', { domain: 'acme.com', outDir: out });

    expect(result).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(fs.readFileSync(out, 'utf8')).toBe('not a folder');
  });

  it('never deletes files a tampered marker names outside what a build writes', async () => {
    await build();
    fs.writeFileSync(path.join(out, 'notes.txt'), 'keep me');
    fs.writeFileSync(
      path.join(out, '.marquee-storefront'),
      JSON.stringify({ files: ['notes.txt', '../escape.txt', 'index.html'] }),
    );

    await build();

    expect(fs.readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('keep me');
  });
});

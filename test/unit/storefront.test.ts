import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import { StorefrontPage } from '../../src-shared/model.js';
import {
  byClass,
  byTag,
  cspOf,
  importApi,
  parsePage,
  seedAcme,
  text,
  within,
  type SeededTenant,
} from '../support/storefront.js';
import { tempCore } from '../support/workspace.js';

let core: Core;
let acme: SeededTenant;
let cleanup: () => void;

beforeEach(async () => {
  const t = tempCore();
  core = t.core;
  cleanup = t.cleanup;
  acme = await seedAcme(core);
});
afterEach(() => cleanup());

async function render(page: StorefrontPage, brandingDraft?: object) {
  const { html } = await core.invoke('storefront.render', {
    domain: 'acme.com',
    page,
    ...(brandingDraft && { brandingDraft }),
  });
  return { html, page: parsePage(html) };
}

const cardNames = (p: ReturnType<typeof parsePage>): string[] =>
  byClass(p, 'sf-card').map((card) => text(byTag(within(p, card), 'h3')[0])).sort();

describe('storefront home', () => {
  it('shows the hero title and text and the featured APIs, never a hidden one', async () => {
    await core.invoke('branding.update', {
      domain: 'acme.com',
      patch: { heroTitle: 'Build with Acme', heroText: 'Payments, shipping and more.' },
    });

    const { page } = await render({ kind: 'home' });

    expect(text(byTag(page, 'h1')[0])).toBe('Build with Acme');
    expect(text(byClass(page, 'sf-hero')[0])).toContain('Payments, shipping and more.');
    const featured = byClass(page, 'sf-card').map((c) => text(c));
    expect(featured.some((t) => t.includes('Baskets'))).toBe(true);
    expect(featured.some((t) => t.includes('Skins'))).toBe(true);
    // Deprecated APIs stay in the catalog but are not advertised.
    expect(featured.some((t) => t.includes('Legacy'))).toBe(false);
    for (const hidden of ['Draft', 'Retired', 'Blocked', 'Internal', 'Partner']) {
      expect(text(page.doc)).not.toContain(hidden);
    }
  });

  it('is a complete document with the tenant name, navigation and footer text', async () => {
    const { html, page } = await render({ kind: 'home' });

    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(text(byTag(page, 'title')[0])).toBe('Home · Acme');
    expect(text(byClass(page, 'sf-brand')[0])).toContain('Acme');
    expect(byClass(page, 'sf-nav')[0].children.length).toBeGreaterThan(0);
    expect(text(byClass(page, 'sf-nav')[0])).toBe('Home APIs Plans');
    expect(text(byTag(page, 'footer')[0])).toContain('© Acme');
  });

  it('shows the logo and favicon only through img and link rel=icon', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
    for (const slot of ['logo', 'favicon'] as const) {
      await core.invoke('branding.setImage', {
        domain: 'acme.com',
        slot,
        mediaType: 'image/svg+xml',
        dataBase64: Buffer.from(svg).toString('base64'),
      });
    }

    const { page } = await render({ kind: 'home' });

    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    expect(byTag(page, 'img').filter((i) => i.attribs.src === dataUrl).length).toBe(2);
    const icon = byTag(page, 'link').find((l) => l.attribs.rel === 'icon');
    expect(icon?.attribs.href).toBe(dataUrl);
    expect(byTag(page, 'svg').every((s) => s.attribs.xmlns === undefined)).toBe(true);
  });
});

describe('storefront branding', () => {
  it('puts the primary colour into the CSS and lets a draft override it', async () => {
    await core.invoke('branding.update', {
      domain: 'acme.com',
      patch: { primaryColor: '#aa3311' },
    });

    const stored = await render({ kind: 'home' });
    const css = text(byTag(stored.page, 'style')[0]);
    expect(css).toContain('--sf-primary: #aa3311;');

    const draft = await render({ kind: 'home' }, { primaryColor: '#0077cc', heroTitle: 'Draft' });
    const draftCss = text(byTag(draft.page, 'style')[0]);
    expect(draftCss).toContain('--sf-primary: #0077cc;');
    expect(draftCss).not.toContain('#aa3311');
    expect(text(byTag(draft.page, 'h1')[0])).toBe('Draft');

    // A draft is a preview: the stored branding is unchanged.
    const branding = await core.invoke('branding.get', { domain: 'acme.com' });
    expect(branding.primaryColor).toBe('#aa3311');
  });

  it('renders a readable dark theme even when the stored colours are light ones', async () => {
    const { page, html } = await render({ kind: 'catalog' }, { theme: 'dark' });

    expect(byTag(page, 'html')[0].attribs['data-scheme']).toBe('dark');
    expect(html).toContain('color-scheme: dark;');
    expect(html).not.toContain('--sf-bg: #ffffff;');
  });

  it('keeps the font family to family names', async () => {
    const { html } = await render(
      { kind: 'home' },
      { fontFamily: 'Inter, "Open Sans"; } body { display: none' },
    );
    const fontLine = html.split('\n').find((l) => l.includes('--sf-font:'));
    expect(fontLine).toMatch(/^ {2}--sf-font: Inter, "Open Sans body display none", system-ui/);
    expect(fontLine?.match(/[;{}]/g)).toEqual([';']);
  });
});

describe('storefront catalog', () => {
  it('lists the published, prototyped and deprecated public APIs and nothing else', async () => {
    const { page } = await render({ kind: 'catalog' });

    expect(cardNames(page)).toEqual(['Baskets', 'Legacy Baskets', 'Skins']);
    expect(text(page.doc)).toContain('3 APIs');
  });

  it('marks lifecycle states with badges and shows version, tags and an excerpt', async () => {
    const { page } = await render({ kind: 'catalog' });
    const card = (name: string) => byClass(page, 'sf-card').find((c) => text(c).includes(name))!;

    expect(text(card('Legacy Baskets'))).toContain('Deprecated');
    expect(text(card('Skins'))).toContain('Prototype');
    expect(text(card('Baskets'))).not.toMatch(/Deprecated|Prototype/);
    expect(text(card('Baskets'))).toContain('v1.0.0');
    expect(text(card('Baskets'))).toContain('RESTful API of Request Baskets');
    expect(text(card('Skins'))).toContain('generate');
  });

  it('has a search box and a search text on every card for the page script', async () => {
    const { page } = await render({ kind: 'catalog' });

    expect(byTag(page, 'input').find((i) => i.attribs.id === 'sf-search')).toBeDefined();
    const searchTexts = byClass(page, 'sf-card').map((c) => c.attribs['data-sf-search']);
    expect(searchTexts.every((s) => s && s === s.toLowerCase())).toBe(true);
    expect(searchTexts.some((s) => s.includes('/skins'))).toBe(true);
  });

  it('turns links into page messages for the preview frame', async () => {
    const { page } = await render({ kind: 'catalog' });

    const targets = byTag(page, 'a')
      .filter((a) => a.attribs['data-marquee-page'] !== undefined)
      .map((a) => StorefrontPage.parse(JSON.parse(a.attribs['data-marquee-page'])));
    expect(targets).toContainEqual({ kind: 'home' });
    expect(targets).toContainEqual({ kind: 'api', apiId: acme.baskets });
    expect(targets).toContainEqual({ kind: 'api', apiId: acme.skins });
  });
});

describe('storefront API page', () => {
  it('shows name, version, base path, tiers and the description from Markdown', async () => {
    const { page } = await render({ kind: 'api', apiId: acme.baskets });

    expect(text(byTag(page, 'h1')[0])).toBe('Baskets');
    const basePath = byTag(within(page, byClass(page, 'sf-basepath')[0]), 'code')[0];
    expect(text(basePath)).toBe('/t/acme.com/baskets/1.0.0');
    const tiers = byTag(page, 'li')
      .filter((li) => li.parent === byClass(page, 'sf-tiers')[0])
      .map((li) => li.children.map((c) => text(c as never)).join(' | '));
    expect(tiers).toEqual([
      'Bronze | 1,000 requests / min',
      'Silver | 2,000 requests / min',
      'Gold | 5,000 requests / min',
      'Unlimited | Unlimited',
    ]);
    const doc = byClass(page, 'sf-doc')[0];
    expect(byTag(within(page, doc), 'p').length).toBeGreaterThan(0);
    expect(text(doc)).toContain('Request Baskets is an open source project');
  });

  it('lists the operations grouped by tag with the deprecated ones marked', async () => {
    const { page } = await render({ kind: 'api', apiId: acme.baskets });

    const groups = byClass(page, 'sf-group').map((g) => ({
      tag: text(byTag(within(page, g), 'h3')[0]).split(' ')[0],
      ops: byClass(within(page, g), 'sf-op'),
    }));
    expect(groups.map((g) => g.tag).sort()).toEqual([
      'baskets',
      'requests',
      'responses',
      'service',
    ]);
    expect(groups.reduce((n, g) => n + g.ops.length, 0)).toBe(20);

    const deprecated = byClass(page, 'sf-op-deprecated');
    expect(deprecated.length).toBe(9);
    expect(deprecated.every((op) => text(op).includes('Deprecated'))).toBe(true);
    const first = deprecated.map((op) => text(op))[0];
    expect(first).toMatch(/^GET \/baskets ?Deprecated Get baskets$/);

    const service = groups.find((g) => g.tag === 'service')!;
    expect(text(service.ops[0])).toBe('GET /api/version Get service version');
  });

  it('is not found for an API the audience cannot see or of another tenant', async () => {
    await core.invoke('tenant.create', { domain: 'globex.com', name: 'Globex' });
    const globexApi = await importApi(
      core,
      'globex.com',
      { name: 'rb.json', content: JSON.stringify(minimalDefinition(3)) },
      '/rb',
      { lifecycle: 'published' },
    );

    for (const apiId of [acme.hidden.created, acme.hidden.private, acme.hidden.retired,
      acme.hidden.restricted, globexApi, 'api_doesnotexist']) {
      const result = await core.dispatch('storefront.render', {
        domain: 'acme.com',
        page: { kind: 'api', apiId },
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });

  it('renders all of a thousand operations, read from the operations table', async () => {
    const id = await importApi(
      core,
      'acme.com',
      { name: 'big.json', content: JSON.stringify(minimalDefinition(1000)) },
      '/big',
      { lifecycle: 'published' },
    );

    const { page } = await render({ kind: 'api', apiId: id });

    expect(byClass(page, 'sf-op').length).toBe(1000);
    expect(byClass(page, 'sf-group').length).toBe(20);
    expect(text(byClass(page, 'sf-toc')[0])).toContain('group-7');
  });
});

describe('storefront page security', () => {
  it('allows only its own script, by hash, and nothing from elsewhere', async () => {
    const { page } = await render({ kind: 'home' });

    const csp = cspOf(page);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('img-src data:;');
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'none'");

    const scripts = byTag(page, 'script');
    expect(scripts.length).toBe(1);
    const hash = createHash('sha256').update(scriptText(scripts[0])).digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
  });
});

function scriptText(script: { children: unknown[] }): string {
  return script.children.map((c) => (c as { data?: string }).data ?? '').join('');
}

// A valid OpenAPI 3 definition with n operations spread over 20 tags.
function minimalDefinition(n: number): object {
  const paths: Record<string, object> = {};
  for (let i = 0; i < n; i++) {
    paths[`/items/${i}`] = {
      get: {
        summary: `Get item ${i}`,
        tags: [`group-${i % 20}`],
        deprecated: i % 50 === 0,
        responses: { 200: { description: 'OK' } },
      },
    };
  }
  return { openapi: '3.0.3', info: { title: 'Big API', version: '1.0.0' }, paths };
}

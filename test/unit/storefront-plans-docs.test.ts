// The plans page and API documents: what a visitor reads on them, who is named, and that a
// document's Markdown stays inert however it was written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import { StorefrontPage } from '../../src-shared/model.js';
import {
  byClass,
  byTag,
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

async function render(page: StorefrontPage, audience?: string) {
  const { html } = await core.invoke('storefront.render', {
    domain: 'acme.com',
    page,
    ...(audience && { audience }),
  });
  return parsePage(html);
}

// Each plan card as the visitor reads it: its heading, its limits and the APIs it names.
async function planCards(audience?: string) {
  const page = await render({ kind: 'plans' }, audience);
  return byClass(page, 'sf-plan').map((card) => {
    const c = within(page, card);
    return {
      name: text(byTag(c, 'h2')[0]),
      limits: byTag(c, 'dd').map(text),
      text: text(card),
      apis: byTag(c, 'a').map(text),
    };
  });
}

const putDoc = (apiId: string, slug: string, title: string, markdown: string) =>
  core.invoke('api.doc.put', { apiId, slug, title, markdown });

describe('storefront plans page', () => {
  beforeEach(async () => {
    await core.invoke('tier.add', {
      tenant: 'acme.com',
      tier: {
        name: 'Starter',
        rateLimit: 10,
        rateUnit: 'second',
        quota: 50_000,
        description: 'For side projects',
      },
    });
    await core.invoke('api.update', { id: acme.baskets, patch: { tiers: ['Gold', 'Starter'] } });
    await core.invoke('api.update', { id: acme.skins, patch: { tiers: ['Gold'] } });
    await core.invoke('api.update', { id: acme.legacy, patch: { tiers: ['Bronze'] } });
    // Hidden APIs offer Gold too; the plans page must not give them away.
    await core.invoke('api.update', { id: acme.hidden.private, patch: { tiers: ['Gold'] } });
    await core.invoke('api.update', {
      id: acme.hidden.restricted,
      patch: { tiers: ['Gold', 'Starter'] },
    });
  });

  it('lists every tier with its rate limit, quota and description', async () => {
    const cards = await planCards();

    expect(cards.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Bronze', 'Silver', 'Gold', 'Unlimited', 'Starter']),
    );
    const starter = cards.find((c) => c.name === 'Starter')!;
    expect(starter.limits).toEqual(['10 requests / s', '50,000 requests / month']);
    expect(starter.text).toContain('For side projects');
    const gold = cards.find((c) => c.name === 'Gold')!;
    expect(gold.limits).toEqual(['5,000 requests / min', 'No monthly quota']);
    expect(cards.find((c) => c.name === 'Unlimited')!.limits[0]).toBe('Unlimited');
  });

  it('names the visible APIs offering each tier and never a hidden one', async () => {
    const page = await render({ kind: 'plans' });
    const cards = await planCards();

    expect(cards.find((c) => c.name === 'Gold')!.apis.sort()).toEqual(['Baskets', 'Skins']);
    expect(cards.find((c) => c.name === 'Starter')!.apis).toEqual(['Baskets']);
    expect(cards.find((c) => c.name === 'Bronze')!.apis).toEqual(['Legacy Baskets']);
    expect(cards.find((c) => c.name === 'Silver')!.text).toContain('No API offers this plan');
    for (const hidden of ['Internal Baskets', 'Partner Baskets', 'Draft Baskets']) {
      expect(text(page.doc)).not.toContain(hidden);
    }
    const hiddenIds = Object.values(acme.hidden);
    for (const a of page.all) {
      const target = a.attribs['data-marquee-page'] ?? '';
      for (const id of hiddenIds) expect(target).not.toContain(id);
    }
  });

  it('names a restricted API to the role it is shown to', async () => {
    const cards = await planCards('role:partner');

    expect(cards.find((c) => c.name === 'Starter')!.apis.sort()).toEqual([
      'Baskets',
      'Partner Baskets',
    ]);
    // A draft is shown to nobody, whatever the audience.
    expect(cards.find((c) => c.name === 'Gold')!.apis).not.toContain('Draft Baskets');
  });

  it('is reached from the header and from the tiers box of an API page', async () => {
    const apiPage = await render({ kind: 'api', apiId: acme.baskets });
    const targets = byTag(apiPage, 'a')
      .filter((a) => a.attribs['data-marquee-page'])
      .map((a) => ({ label: text(a), page: JSON.parse(a.attribs['data-marquee-page']) }));

    expect(targets).toContainEqual({ label: 'Plans', page: { kind: 'plans' } });
    expect(targets).toContainEqual({ label: 'Compare plans →', page: { kind: 'plans' } });
    const plans = await render({ kind: 'plans' });
    const current = byClass(plans, 'sf-nav')[0];
    const here = within(plans, current).all.find((e) => e.attribs['aria-current'] === 'page');
    expect(text(here!)).toBe('Plans');
  });
});

const HOSTILE = `# Welcome

Read this <script>window.parent.postMessage('owned', '*')</script> carefully.

[Click me](javascript:alert(1)) and [home](https://evil.example/steal?c=1)

![tracker](https://evil.example/pixel.png)

<img src="https://evil.example/x.png" onerror="alert(2)">
<iframe src="https://evil.example/frame"></iframe>
<a href="javascript:alert(3)" onclick="alert(4)">raw link</a>
<style>body { background: url(https://evil.example/bg.png) }</style>
`;

describe('API documents in the storefront', () => {
  it('renders a document sanitised: no script, no followed link, nothing remote', async () => {
    await putDoc(acme.baskets, 'getting-started', 'Getting started', HOSTILE);

    const page = await render({ kind: 'doc', apiId: acme.baskets, slug: 'getting-started' });
    const doc = byClass(page, 'sf-doc')[0];
    const body = within(page, doc);

    expect(text(byTag(body, 'h1')[0])).toBe('Welcome');
    expect(text(doc)).toContain('Click me');
    expect(text(doc)).toContain('evil.example/steal');
    // The only script on the page is the storefront's own, outside the document.
    expect(byTag(page, 'script')).toHaveLength(1);
    expect(text(byTag(page, 'script')[0])).not.toContain('owned');
    for (const tag of ['script', 'iframe', 'style', 'a', 'img']) {
      expect(byTag(body, tag), tag).toHaveLength(0);
    }
    for (const e of page.all) {
      for (const [name, value] of Object.entries(e.attribs)) {
        expect(name, `${e.name} ${name}`).not.toMatch(/^on/i);
        expect(value, `${e.name} ${name}`).not.toMatch(/^\s*javascript:/i);
        if (name === 'src' || name === 'href') expect(value).not.toMatch(/^(https?:)?\/\//i);
      }
    }
  });

  it('shows the API header and the documents list, current one marked', async () => {
    await putDoc(acme.baskets, 'getting-started', 'Getting started', 'Step one.');
    await putDoc(acme.baskets, 'authentication', 'Authentication', 'Send the key.');

    const page = await render({ kind: 'doc', apiId: acme.baskets, slug: 'authentication' });

    expect(text(byTag(page, 'h1')[0])).toBe('Baskets');
    expect(text(byTag(page, 'title')[0])).toBe('Authentication · Baskets · Acme');
    const list = byClass(page, 'sf-doc-list')[0];
    const links = within(page, list).all.filter((e) => e.name === 'a');
    expect(links.map(text)).toEqual(['Getting started', 'Authentication']);
    expect(links.map((a) => a.attribs['aria-current'])).toEqual([undefined, 'page']);
  });

  it('lists the documents on the API page, in the order they were added', async () => {
    await putDoc(acme.baskets, 'getting-started', 'Getting started', 'one');
    await putDoc(acme.baskets, 'errors', 'Errors', 'two');
    // Replacing a document keeps its place in the list.
    await putDoc(acme.baskets, 'getting-started', 'Quick start', 'one, better');

    const page = await render({ kind: 'api', apiId: acme.baskets });
    const list = byClass(page, 'sf-doc-list')[0];
    const links = within(page, list).all.filter((e) => e.name === 'a');

    expect(links.map(text)).toEqual(['Quick start', 'Errors']);
    expect(links.map((a) => StorefrontPage.parse(JSON.parse(a.attribs['data-marquee-page']))))
      .toEqual([
        { kind: 'doc', apiId: acme.baskets, slug: 'getting-started' },
        { kind: 'doc', apiId: acme.baskets, slug: 'errors' },
      ]);
    const other = await render({ kind: 'api', apiId: acme.skins });
    expect(byClass(other, 'sf-doc-list')).toHaveLength(0);
  });

  it('answers not found for a document of a hidden API, as for the API itself', async () => {
    await putDoc(acme.hidden.private, 'notes', 'Internal notes', 'secret');

    const hidden = core.invoke('storefront.render', {
      domain: 'acme.com',
      page: { kind: 'doc', apiId: acme.hidden.private, slug: 'notes' },
    });
    await expect(hidden).rejects.toMatchObject({
      code: 'not_found',
      message: `the storefront of acme.com has no API ${acme.hidden.private}`,
    });
    const missing = core.invoke('storefront.render', {
      domain: 'acme.com',
      page: { kind: 'doc', apiId: acme.baskets, slug: 'nothing-here' },
    });
    await expect(missing).rejects.toMatchObject({ code: 'not_found' });
    // A member of the tenant sees the private API and so its document.
    const member = await render({ kind: 'doc', apiId: acme.hidden.private, slug: 'notes' },
      'member');
    expect(text(byClass(member, 'sf-doc')[0])).toBe('secret');
  });
});

describe('API document methods', () => {
  it('refuses a bad slug and an empty title, naming the field', async () => {
    await expect(putDoc(acme.baskets, 'Getting Started', 'x', '')).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/^slug: slug must be lower-case/),
    });
    await expect(putDoc(acme.baskets, '../../etc', 'x', '')).rejects.toMatchObject({
      code: 'bad_input',
    });
    await expect(putDoc(acme.baskets, 'ok', '  ', '')).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringContaining('title'),
    });
    expect(await core.invoke('api.doc.list', { apiId: acme.baskets })).toEqual([]);
  });

  it('lists, replaces and deletes, and says what it could not find', async () => {
    await putDoc(acme.baskets, 'faq', 'FAQ', 'Q and A');
    const replaced = await putDoc(acme.baskets, 'faq', 'Questions', 'More Q and A');

    expect(replaced).toMatchObject({ apiId: acme.baskets, slug: 'faq', title: 'Questions' });
    expect(await core.invoke('api.doc.list', { apiId: acme.baskets })).toHaveLength(1);

    await core.invoke('api.doc.delete', { apiId: acme.baskets, slug: 'faq' });
    expect(await core.invoke('api.doc.list', { apiId: acme.baskets })).toEqual([]);
    await expect(
      core.invoke('api.doc.delete', { apiId: acme.baskets, slug: 'faq' }),
    ).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('faq') });
    await expect(core.invoke('api.doc.list', { apiId: 'api_nope' })).rejects.toMatchObject({
      code: 'not_found',
      message: 'apiId: no API with id api_nope',
    });

    const log = await core.invoke('activity.list', { entity: 'document' });
    expect(log.map((a) => a.action)).toEqual(['delete', 'update', 'create']);
  });

  it('goes with its API when the API is deleted', async () => {
    await putDoc(acme.hidden.created, 'draft', 'Draft', 'text');
    await core.invoke('api.delete', { id: acme.hidden.created });

    await expect(core.invoke('api.doc.list', { apiId: acme.hidden.created })).rejects
      .toMatchObject({ code: 'not_found' });
  });
});

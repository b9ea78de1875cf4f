// The storefront in a real browser (Debian's Chromium): the static site opened from disk,
// its catalog search, and the preview's links inside a sandboxed frame.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import { seedAcme, type SeededTenant } from '../support/storefront.js';
import { tempCore, tempDir } from '../support/workspace.js';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">' +
  '<rect width="40" height="20" fill="#2f5bd3"/></svg>';

let core: Core;
let acme: SeededTenant;
let site: string;
let browser: BrowserContext;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  const t = tempCore();
  core = t.core;
  cleanups.push(t.cleanup);
  acme = await seedAcme(core);
  await core.invoke('branding.setImage', {
    domain: 'acme.com',
    slot: 'logo',
    mediaType: 'image/svg+xml',
    dataBase64: Buffer.from(LOGO).toString('base64'),
  });

  const dir = tempDir('marquee-browser-');
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  site = path.join(dir, 'site');
  await core.invoke('storefront.build', { domain: 'acme.com', outDir: site });

  browser = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
});

afterAll(async () => {
  await browser?.close();
  cleanups.splice(0).reverse().forEach((c) => c());
});

// A page that records what it requested and any console error (CSP violations land there).
async function watchedPage(): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, requests, errors };
}

type BrowserGlobals = {
  messages: unknown[];
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
  document: { querySelector(selector: 'iframe'): { srcdoc: string } };
};

const siteUrl = (file: string) => pathToFileURL(path.join(site, file)).href;

describe('static storefront in Chromium', () => {
  it('filters the catalog as the visitor types, from disk', async () => {
    const { page, requests, errors } = await watchedPage();
    await page.goto(siteUrl('catalog.html'));
    const cards = page.locator('.sf-card:visible');

    await expect.poll(() => cards.count()).toBe(3);

    await page.fill('#sf-search', 'skins');
    await expect.poll(() => cards.count()).toBe(1);
    expect(await cards.first().locator('h3').textContent()).toBe('Skins');
    expect(await page.textContent('#sf-count')).toBe('1 API');

    await page.fill('#sf-search', 'no such api');
    await expect.poll(() => cards.count()).toBe(0);
    expect(await page.isVisible('#sf-empty')).toBe(true);

    await page.fill('#sf-search', '');
    await expect.poll(() => cards.count()).toBe(3);

    await page.click('button[data-sf-filter="generate"]');
    await expect.poll(() => cards.count()).toBe(1);
    expect(await page.inputValue('#sf-search')).toBe('generate');

    expect(errors).toEqual([]);
    expect(requests.every((u) => u.startsWith('file:') || u.startsWith('data:'))).toBe(true);
    await page.close();
  });

  it('navigates from home to the catalog to an API page and shows the logo', async () => {
    const { page, requests, errors } = await watchedPage();
    await page.goto(siteUrl('index.html'));

    const logoWidth = await page
      .locator('.sf-brand img')
      .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
    expect(logoWidth).toBe(40);

    await page.click('.sf-nav >> text=APIs');
    await page.waitForURL(/catalog\.html$/);
    await page.click(`.sf-card[href="api/${acme.baskets}.html"]`);
    await page.waitForURL(new RegExp(`api/${acme.baskets}\\.html$`));
    expect(await page.textContent('h1')).toBe('Baskets');
    expect(await page.locator('.sf-op-deprecated').count()).toBe(9);

    await page.click('.sf-crumbs >> text=APIs');
    await page.waitForURL(/catalog\.html$/);

    expect(errors).toEqual([]);
    expect(requests.every((u) => u.startsWith('file:') || u.startsWith('data:'))).toBe(true);
    await page.close();
  });
});

describe('storefront preview in a sandboxed frame', () => {
  it('posts the target page to the app instead of navigating', async () => {
    const { html } = await core.invoke('storefront.render', {
      domain: 'acme.com',
      page: { kind: 'catalog' },
    });
    const { page, errors } = await watchedPage();
    await page.setContent('<iframe sandbox="allow-scripts" style="width:1000px;height:800px">');
    // Runs in the browser; typed loosely because this project compiles without the DOM lib.
    await page.evaluate((srcdoc) => {
      const w = globalThis as unknown as BrowserGlobals;
      w.messages = [];
      w.addEventListener('message', (e) => w.messages.push(e.data));
      w.document.querySelector('iframe').srcdoc = srcdoc;
    }, html);

    const frame = page.frameLocator('iframe');
    await frame.locator(`.sf-card[data-marquee-page*="${acme.skins}"]`).click();
    await page.waitForFunction(() => (globalThis as unknown as BrowserGlobals).messages.length);

    const messages = await page.evaluate(() => (globalThis as unknown as BrowserGlobals).messages);
    expect(messages).toEqual([
      { type: 'marquee-storefront-navigate', page: { kind: 'api', apiId: acme.skins } },
    ]);
    expect(page.frames()[1].url()).toBe('about:srcdoc');

    // The search works in the preview too: the page script runs there by its hash.
    await frame.locator('#sf-search').fill('legacy');
    await expect.poll(() => frame.locator('.sf-card:visible').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

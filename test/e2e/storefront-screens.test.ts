// The three demo tenants' storefronts as a person sees them: home and an API page, light and
// dark, on a phone and on a desktop, opened from disk as the static build writes them. The
// screenshots stay in test-results/storefronts/ for people to look at; the assertions check
// what a visitor would notice first: the page is branded, laid out within the screen, and
// uses the tenant's own font.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/browser.js';
import { tempCore, tempDir } from '../support/workspace.js';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'storefronts');

const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1366, height: 900 },
} as const;

describe.skipIf(!chromiumAvailable() && !process.env.CI)('demo storefront screenshots', () => {
  let workspace: ReturnType<typeof tempCore>;
  let browser: Browser;
  let pages: Record<keyof typeof VIEWPORTS, Page>;
  let sites: string;
  let tenants: string[];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    workspace = tempCore();
    sites = tempDir('marquee-screens-');
    tenants = (await workspace.core.invoke('demo.create', { force: false })).tenants;
    browser = await launchChromium();
    const open = async (viewport: { width: number; height: number }) =>
      (await browser.newContext({ viewport, deviceScaleFactor: 1 })).newPage();
    pages = { phone: await open(VIEWPORTS.phone), desktop: await open(VIEWPORTS.desktop) };
  });

  afterAll(async () => {
    await browser?.close();
    workspace?.cleanup();
    if (sites) fs.rmSync(sites, { recursive: true, force: true });
  });

  async function build(domain: string, scheme: 'light' | 'dark'): Promise<string> {
    await workspace.core.invoke('branding.update', { domain, patch: { theme: scheme } });
    const dir = path.join(sites, `${domain}-${scheme}`);
    await workspace.core.invoke('storefront.build', { domain, outDir: dir });
    return dir;
  }

  it('writes home and API pages of every demo tenant, light and dark, phone and desktop',
    async () => {
      expect(tenants).toHaveLength(3);
      const written: string[] = [];

      for (const domain of tenants) {
        const original = await workspace.core.invoke('branding.get', { domain });
        for (const scheme of ['light', 'dark'] as const) {
          const dir = await build(domain, scheme);
          // api/ also holds a folder of documents per API that has some: take a page.
          const apiPage = fs.readdirSync(path.join(dir, 'api'))
            .filter((f) => f.endsWith('.html')).sort()[0];
          const targets = { home: 'index.html', api: `api/${apiPage}` };

          for (const [size, page] of Object.entries(pages)) {
            for (const [kind, file] of Object.entries(targets)) {
              await page.goto(pathToFileURL(path.join(dir, file)).href);
              await page.evaluate(() => document.fonts.ready);

              const look = await page.evaluate(() => ({
                scheme: document.documentElement.dataset.scheme,
                overflow: document.documentElement.scrollWidth - window.innerWidth,
                font: getComputedStyle(document.body).fontFamily,
                fontsLoaded: [...document.fonts].filter((f) => f.status === 'loaded')
                  .map((f) => f.family.replace(/"/g, '')),
                heading: document.querySelector('h1')?.textContent?.trim() ?? '',
                version: document.querySelector('.sf-badge-version')?.textContent ?? 'v',
                bodyTop: parseFloat(getComputedStyle(
                  document.querySelector('.sf-api-body') ?? document.body).paddingTop),
              }));
              const where = `${domain} ${scheme} ${size} ${kind}`;
              expect(look.scheme, where).toBe(scheme);
              // Nothing wider than the screen: no sideways scrolling on a phone.
              expect(look.overflow, where).toBeLessThanOrEqual(0);
              expect(look.heading.length, where).toBeGreaterThan(0);
              const family = original.fontFamily.split(',')[0].replace(/"/g, '').trim();
              expect(look.font, where).toContain(family);
              expect(look.fontsLoaded, where).toContain(family);
              expect(look.version, where).toMatch(/^v[^v]/i);
              // The API page's body keeps its distance from the head on every width.
              if (kind === 'api') expect(look.bodyTop, where).toBeGreaterThan(0);

              const shot = path.join(SHOTS, `${domain}-${kind}-${scheme}-${size}.png`);
              await page.screenshot({ path: shot, fullPage: kind === 'home' });
              written.push(shot);
            }
          }
        }
        await workspace.core.invoke('branding.update', {
          domain,
          patch: { theme: original.theme },
        });
      }

      expect(written).toHaveLength(3 * 2 * 2 * 2);
      for (const shot of written) expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
    });

  it('mirrors a right-to-left storefront and draws it in the bundled Arabic font', async () => {
    const domain = tenants[0];
    await workspace.core.invoke('branding.update', {
      domain,
      patch: {
        direction: 'rtl',
        fontFamily: '"Noto Sans Arabic", Tahoma, system-ui, sans-serif',
        heroTitle: 'واجهات برمجية لكل شحنة',
        heroText: 'خرائط وعناوين وملصقات شحن وبيانات سفر حية لتطبيقاتك.',
      },
    });
    const dir = await build(domain, 'light');

    for (const [size, page] of Object.entries(pages)) {
      await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
      await page.evaluate(() => document.fonts.ready);
      const look = await page.evaluate(() => {
        const brand = document.querySelector('.sf-brand')!.getBoundingClientRect();
        const nav = document.querySelector('.sf-nav')!.getBoundingClientRect();
        return {
          dir: getComputedStyle(document.body).direction,
          navLeftOfBrand: nav.right <= brand.left,
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          arabicLoaded: [...document.fonts].some((f) =>
            f.family.includes('Noto Sans Arabic') && f.status === 'loaded'),
        };
      });
      expect(look, size).toEqual({
        dir: 'rtl', navLeftOfBrand: true, overflow: 0, arabicLoaded: true,
      });
      await page.screenshot({
        path: path.join(SHOTS, `${domain}-home-rtl-${size}.png`),
        fullPage: true,
      });
    }
  });
});

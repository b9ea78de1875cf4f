import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import { BUNDLED_FONTS } from '../../src-shared/fonts.js';
import { byTag, cspOf, parsePage } from '../support/storefront.js';
import { tempCore } from '../support/workspace.js';

let core: Core;
let cleanup: () => void;

beforeEach(async () => {
  const t = tempCore();
  core = t.core;
  cleanup = t.cleanup;
  await core.invoke('tenant.create', { domain: 'souq.example', name: 'Souq' });
});
afterEach(() => cleanup());

const ARABIC = BUNDLED_FONTS.find((f) => f.family === 'Noto Sans Arabic')!;

async function home(brandingDraft?: object) {
  const { html } = await core.invoke('storefront.render', {
    domain: 'souq.example',
    page: { kind: 'home' },
    ...(brandingDraft && { brandingDraft }),
  });
  const page = parsePage(html);
  return { html, page, root: byTag(page, 'html')[0] };
}

describe('right-to-left storefronts', () => {
  it('reads left to right until the tenant says otherwise', async () => {
    expect((await core.invoke('branding.get', { domain: 'souq.example' })).direction).toBe('ltr');
    expect((await home()).root.attribs.dir).toBe('ltr');
  });

  it('sets dir="rtl" when saved, and already in the preview of an unsaved draft', async () => {
    expect((await home({ direction: 'rtl' })).root.attribs.dir).toBe('rtl');

    const saved = await core.invoke('branding.update', {
      domain: 'souq.example',
      patch: { direction: 'rtl' },
    });
    expect(saved.direction).toBe('rtl');
    expect((await home()).root.attribs.dir).toBe('rtl');
  });

  it('refuses a direction that is neither ltr nor rtl, naming the field', async () => {
    await expect(
      core.invoke('branding.update', {
        domain: 'souq.example',
        patch: { direction: 'ttb' as 'rtl' },
      }),
    ).rejects.toThrow(/patch\.direction/);
  });

  it('keeps the direction through a bundle export and import', async () => {
    await core.invoke('branding.update', { domain: 'souq.example', patch: { direction: 'rtl' } });
    const bundle = await core.invoke('bundle.export', { domains: ['souq.example'] });
    await core.invoke('tenant.delete', { domain: 'souq.example' });
    await core.invoke('bundle.import', { dataBase64: bundle.dataBase64 });
    expect((await core.invoke('branding.get', { domain: 'souq.example' })).direction).toBe('rtl');
  });
});

describe('bundled fonts', () => {
  it('inlines the chosen bundled font as data: URLs the page policy allows', async () => {
    const { html, page } = await home({ fontFamily: ARABIC.stack });

    const faces = html.match(/@font-face \{[^}]*\}/g) ?? [];
    expect(faces).toHaveLength(ARABIC.files.length);
    for (const face of faces) {
      expect(face).toContain('font-family: "Noto Sans Arabic"');
      expect(face).toMatch(/src: url\(data:font\/woff2;base64,[A-Za-z0-9+/]{1000,}={0,2}\)/);
    }
    expect(cspOf(page)).toContain('font-src data:');
    expect(html).toContain('--sf-font: "Noto Sans Arabic"');
  });

  it('carries no font bytes for system stacks or stacks that only fall back to one', async () => {
    for (const fontFamily of ['system-ui, sans-serif', 'Georgia, "Inter", serif']) {
      const { html } = await home({ fontFamily });
      expect(html).not.toContain('@font-face');
    }
  });

  it('gives each bundled font its own file bytes, all present in resources/fonts', async () => {
    const seen = new Set<string>();
    for (const font of BUNDLED_FONTS) {
      const { html } = await home({ fontFamily: font.stack });
      const data = html.match(/data:font\/woff2;base64,([A-Za-z0-9+/=]+)/)?.[1];
      expect(data, font.family).toBeTruthy();
      // woff2 files start with the signature wOF2.
      expect(Buffer.from(data!, 'base64').subarray(0, 4).toString('latin1')).toBe('wOF2');
      seen.add(data!.slice(0, 200));
    }
    expect(seen.size).toBe(BUNDLED_FONTS.length);
  });
});

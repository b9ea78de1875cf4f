// Logos and favicons leave Marquee as files (static storefronts, bundles, themes), where an
// SVG opened on its own would run what it holds: SVGs with active content are refused.
import { afterEach, describe, expect, it } from 'vitest';
import { tempCore } from '../support/workspace.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const svg = (inner: string, attrs = '') =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"${attrs}>` +
    `${inner}</svg>`).toString('base64');

describe('SVG logos', () => {
  it('takes a plain SVG', async () => {
    const t = tempCore();
    cleanups.push(t.cleanup);
    await t.core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });

    const b = await t.core.invoke('branding.setImage', { domain: 'acme.com', slot: 'logo',
      mediaType: 'image/svg+xml', dataBase64: svg('<rect width="10" height="10" fill="#f80"/>') });
    expect(b.logo).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('refuses SVGs that would run or fetch something, naming what, and keeps the old logo',
    async () => {
      const t = tempCore();
      cleanups.push(t.cleanup);
      await t.core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });
      const before = await t.core.invoke('branding.get', { domain: 'acme.com' });

      const hostile: [string, RegExp][] = [
        [svg('<script>alert(1)</script>'), /<script>/],
        [svg('<rect width="1" height="1"/>', ' onload="alert(1)"'), /event handler/],
        [svg('<foreignObject><div>x</div></foreignObject>'), /foreignObject/],
        [svg('<a href="javascript:alert(1)"><rect/></a>'), /javascript:/],
        [svg('<image href="https://tracker.example/p.png"/>'), /outside resource/],
        [svg('<style>@import url(https://x.example/a.css);</style>'), /outside resource/],
      ];
      for (const [dataBase64, why] of hostile) {
        const r = await t.core.dispatch('branding.setImage', { domain: 'acme.com',
          slot: 'logo', mediaType: 'image/svg+xml', dataBase64 });
        expect(r).toMatchObject({ ok: false, error: { code: 'bad_input' } });
        expect(!r.ok && r.error.message).toMatch(why);
      }
      expect(await t.core.invoke('branding.get', { domain: 'acme.com' })).toEqual(before);
    });
});

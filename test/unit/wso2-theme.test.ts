import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import { tempCore } from '../support/workspace.js';

let core: Core;
let cleanup: () => void;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/2nQm3wAAAABJRU5ErkJggg==',
  'base64',
);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" ' +
  'height="10" fill="#0a7"/></svg>';

beforeEach(async () => {
  const t = tempCore();
  core = t.core;
  cleanup = t.cleanup;
  await core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });
  await core.invoke('tenant.create', { domain: 'globex.com', name: 'Globex' });
});
afterEach(() => cleanup());

const zip = (files: Zippable): string => Buffer.from(zipSync(files)).toString('base64');
const json = (value: unknown) => strToU8(JSON.stringify(value));

async function importTheme(dataBase64: string, domain = 'globex.com') {
  return core.invoke('theme.import', { domain, dataBase64 });
}

describe('WSO2 tenant theme export', () => {
  it('lays the branding out as WSO2 expects, with the keys its portal reads', async () => {
    await core.invoke('branding.update', {
      domain: 'acme.com',
      patch: { primaryColor: '#aa3300', customCss: '.x { color: red; }', heroTitle: 'A < B' },
    });
    await core.invoke('branding.setImage', {
      domain: 'acme.com', slot: 'logo', mediaType: 'image/svg+xml',
      dataBase64: Buffer.from(SVG).toString('base64'),
    });

    const out = await core.invoke('theme.export', { domain: 'acme.com' });
    expect(out.fileName).toBe('acme.com-wso2-theme.zip');
    const files = unzipSync(Buffer.from(out.dataBase64, 'base64'));
    expect(Object.keys(files).sort()).toEqual([
      'apim/css/custom.css', 'apim/defaultTheme.json', 'apim/images/logo.svg',
    ]);
    const theme = JSON.parse(strFromU8(files['apim/defaultTheme.json']));
    expect(theme.palette.primary.main).toBe('#aa3300');
    expect(theme.custom.appBar.logo)
      .toBe('/site/public/tenant_themes/acme.com/apim/images/logo.svg');
    expect(theme.custom.landingPage.carousel.slides[0].title).toBe('A &lt; B');
    expect(strFromU8(files['apim/css/custom.css'])).toBe('.x { color: red; }');
  });
});

describe('WSO2 tenant theme import', () => {
  it('round-trips: another tenant gets the same colours, texts, direction and images', async () => {
    await core.invoke('branding.update', {
      domain: 'acme.com',
      patch: {
        primaryColor: '#123456', accentColor: '#abcdef', backgroundColor: '#fafafa',
        textColor: '#202020', theme: 'light', direction: 'rtl', heroTitle: 'Tom & Jerry <APIs>',
        heroText: 'Build\nwith us', footerText: '© Acme', fontFamily: '"Inter", sans-serif',
        customCss: 'h1 { letter-spacing: 0 }',
      },
    });
    for (const [slot, data, mediaType] of [['logo', Buffer.from(SVG), 'image/svg+xml'],
      ['favicon', PNG, 'image/png']] as const) {
      await core.invoke('branding.setImage', {
        domain: 'acme.com', slot, mediaType, dataBase64: data.toString('base64'),
      });
    }
    const source = await core.invoke('branding.get', { domain: 'acme.com' });

    const out = await core.invoke('theme.export', { domain: 'acme.com' });
    const { branding, notes } = await importTheme(out.dataBase64);

    expect(branding).toEqual(source);
    // Everything an export writes is read back.
    expect(notes.filter((n) => n.includes('not used'))).toEqual([]);
  });

  it('takes a hand-made theme with only a palette and keeps everything else', async () => {
    const before = await core.invoke('branding.get', { domain: 'globex.com' });
    const { branding, notes } = await importTheme(zip({
      'apim/defaultTheme.json': json({ palette: { primary: { main: '#0A7' }, extra: 1 } }),
    }));
    expect(branding).toEqual({ ...before, primaryColor: '#00aa77' });
    expect(notes).toContain('apim/defaultTheme.json: not used: palette.extra');
  });

  it("accepts WSO2's sample layout, noting the folders and settings it does not read", async () => {
    const { branding, notes } = await importTheme(zip({
      apim: {},
      'apim/defaultTheme.json': json({
        custom: { appBar: { logo: '/site/public/tenant_themes/<tenant-domain>/apim/images/' +
          'custom-logo.png', background: '#1d344f', activeBackground: '#254061' } },
      }),
      'apim/images/custom-logo.png': PNG,
      'login/loginTheme.json': json({}),
      'login/images/favicon.ico': new Uint8Array([0, 0, 1, 0]),
      'analytics/images/custom-logo.png': PNG,
    }));
    expect(branding.logo).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    expect(notes).toContain(
      'apim/defaultTheme.json: not used: custom.appBar (2 settings)',
    );
    expect(notes.some((n) => n.startsWith('login/:'))).toBe(true);
    expect(notes.some((n) => n.startsWith('analytics/:'))).toBe(true);
  });

  it('notes colours it cannot use and a logo that lives elsewhere', async () => {
    const { notes } = await importTheme(zip({
      'apim/defaultTheme.json': json({
        palette: { primary: { main: 'rgba(0,0,0,0.5)' } },
        custom: { appBar: { logo: 'https://cdn.example/logo.png' } },
      }),
    }));
    expect(notes.join('\n')).toMatch(/palette\.primary\.main "rgba\(0,0,0,0\.5\)" is not/);
    expect(notes.join('\n')).toMatch(/custom\.appBar\.logo "https:\/\/cdn\.example\/logo\.png"/);
  });
});

describe('hostile or broken theme zips are refused and change nothing', () => {
  const theme = json({ palette: { primary: { main: '#ff0000' } } });
  const cases: [string, () => string, RegExp][] = [
    ['path traversal', () => zip({ 'apim/defaultTheme.json': theme, 'apim/../../evil.txt':
      strToU8('x') }), /"apim\/\.\.\/\.\.\/evil\.txt" has an empty, "\." or "\.\." path segment/],
    ['an absolute path', () => zip({ 'apim/defaultTheme.json': theme, '/etc/passwd':
      strToU8('x') }), /"\/etc\/passwd" is an absolute path/],
    ['a backslash', () => zip({ 'apim/defaultTheme.json': theme, 'apim\\images\\a.png': PNG }),
      /has a backslash/],
    ['an unknown top-level entry', () => zip({ 'apim/defaultTheme.json': theme,
      'scripts/run.sh': strToU8('rm -rf /') }), /"scripts\/run\.sh" is outside the folders/],
    ['an unknown file in apim/', () => zip({ 'apim/defaultTheme.json': theme,
      'apim/js/app.js': strToU8('alert(1)') }), /"apim\/js\/app\.js" is not part of/],
    ['a non-image in images/', () => zip({ 'apim/defaultTheme.json': theme,
      'apim/images/logo.png': strToU8('<html><script>alert(1)</script>') }),
    /apim\/images\/logo\.png: not an SVG, PNG, JPEG or WebP image/],
    ['invalid JSON', () => zip({ 'apim/defaultTheme.json': strToU8("{ direction: 'rtl' }") }),
      /apim\/defaultTheme\.json: not valid JSON/],
    ['a wrong type', () => zip({ 'apim/defaultTheme.json': json({ direction: 'up' }) }),
      /apim\/defaultTheme\.json: direction:/],
    ['no defaultTheme.json', () => zip({ 'apim/images/logo.png': PNG }),
      /apim\/defaultTheme\.json: missing/],
    ['a logo setting naming a missing image', () => zip({ 'apim/defaultTheme.json':
      json({ custom: { appBar: { logo: 'apim/images/gone.png' } } }) }),
    /names apim\/images\/gone\.png, which the zip lacks/],
    ['an oversized entry', () => zip({ 'apim/defaultTheme.json': theme,
      'apim/images/big.png': new Uint8Array(6 * 1024 * 1024) }), /is 6\.0 MB; files are limited/],
    ['not a zip', () => Buffer.from('hello, not a zip').toString('base64'), /not a zip/],
  ];

  it.each(cases)('%s', async (_name, make, message) => {
    const before = await core.invoke('branding.get', { domain: 'globex.com' });
    const activity = await core.invoke('activity.list', { tenant: 'globex.com' });

    await expect(importTheme(make())).rejects.toThrow(message);

    expect(await core.invoke('branding.get', { domain: 'globex.com' })).toEqual(before);
    expect(await core.invoke('activity.list', { tenant: 'globex.com' })).toEqual(activity);
  });
});

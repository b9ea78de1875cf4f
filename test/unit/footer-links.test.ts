// A tenant's footer links: web and mail addresses only, shown in every storefront page's
// footer, carried by bundles.
import { afterEach, describe, expect, it } from 'vitest';
import { tempCore } from '../support/workspace.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const LINKS = [
  { label: 'Status', url: 'https://status.acme.com/' },
  { label: 'Support', url: 'mailto:help@acme.com' },
];

async function acme() {
  const t = tempCore();
  cleanups.push(t.cleanup);
  await t.core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });
  return t.core;
}

describe('footer links', () => {
  it('appear in the storefront footer as links', async () => {
    const core = await acme();
    await core.invoke('branding.update', { domain: 'acme.com', patch: { footerLinks: LINKS } });

    const { html } = await core.invoke('storefront.render', {
      domain: 'acme.com', page: { kind: 'home' },
    });
    expect(html).toContain('href="https://status.acme.com/" rel="noopener noreferrer">Status');
    expect(html).toContain('href="mailto:help@acme.com"');
  });

  it('refuse anything but web and mail addresses, naming the field', async () => {
    const core = await acme();

    for (const url of ['javascript:alert(1)', 'data:text/html,x', '//evil.example', 'ftp://x']) {
      const r = await core.dispatch('branding.update', {
        domain: 'acme.com', patch: { footerLinks: [{ label: 'x', url }] },
      });
      expect(r, url).toMatchObject({ ok: false, error: { code: 'bad_input' } });
      expect(!r.ok && r.error.message).toMatch(/footerLinks/);
    }
    expect((await core.invoke('branding.get', { domain: 'acme.com' })).footerLinks).toEqual([]);
  });

  it('travel with the tenant in a bundle', async () => {
    const core = await acme();
    await core.invoke('branding.update', { domain: 'acme.com', patch: { footerLinks: LINKS } });
    const bundle = await core.invoke('bundle.export', { domains: ['acme.com'] });

    const other = tempCore();
    cleanups.push(other.cleanup);
    await other.core.invoke('bundle.import', { dataBase64: bundle.dataBase64 });
    expect((await other.core.invoke('branding.get', { domain: 'acme.com' })).footerLinks)
      .toEqual(LINKS);
  });
});

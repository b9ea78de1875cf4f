// The frame every storefront page shares: a complete HTML document with its own strict
// Content-Security-Policy, the tenant's theme, the header with logo and navigation, and the
// footer. Pages hand in their title and main content.
import { sanitizeCustomCss } from './custom-css.js';
import { fontFaceCss } from './fonts.js';
import { html, trusted, type SafeHtml } from './html.js';
import { pageLink, siteAsset } from './links.js';
import { PAGE_SCRIPT, PAGE_SCRIPT_HASH } from './script.js';
import { BASE_CSS } from './styles.js';
import { palette, themeCss } from './theme.js';
import type { PageContext } from './view.js';
import { FooterLink } from '../../../src-shared/model.js';

export type Section = 'home' | 'catalog' | 'api' | 'plans' | 'doc';

// Nothing may be fetched from anywhere: images are data: URLs (or, in a built site, files
// beside the page), styles are inline, and the only script is the page's own, by hash.
function contentSecurityPolicy(ctx: PageContext): string {
  const images = ctx.mode.kind === 'static' ? "img-src data: 'self'" : 'img-src data:';
  return [
    "default-src 'none'",
    images,
    "style-src 'unsafe-inline'",
    'font-src data:',
    `script-src ${PAGE_SCRIPT_HASH}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function imageUrl(ctx: PageContext, source: string | null): string | null {
  if (!source) return null;
  return source.startsWith('data:') ? source : siteAsset(ctx.mode, source);
}

function header(ctx: PageContext, current: Section): SafeHtml {
  const { tenant } = ctx.data;
  const logo = imageUrl(ctx, ctx.images.logo);
  const here = (s: Section) => (s === current ? html` aria-current="page"` : '');
  return html`<header class="sf-header">
  <div class="sf-container">
    <a class="sf-brand" ${pageLink(ctx.mode, { kind: 'home' })}>
      ${logo ? html`<img src="${logo}" alt="">` : ''}
      <span>${tenant.name}</span><small>Developers</small>
    </a>
    <nav class="sf-nav" aria-label="Main">
      <a ${pageLink(ctx.mode, { kind: 'home' })}${here('home')}>Home</a>
      <a ${pageLink(ctx.mode, { kind: 'catalog' })}${here('catalog')}${
        current === 'api' || current === 'doc' ? html` aria-current="true"` : ''}>APIs</a>
      <a ${pageLink(ctx.mode, { kind: 'plans' })}${here('plans')}>Plans</a>
    </nav>
  </div>
</header>`;
}

function footer(ctx: PageContext): SafeHtml {
  return html`<footer class="sf-footer">
  <div class="sf-container">
    <p>${ctx.data.branding.footerText}</p>
    <nav aria-label="Footer">
      <a ${pageLink(ctx.mode, { kind: 'home' })}>Home</a>
      <a ${pageLink(ctx.mode, { kind: 'catalog' })}>API catalog</a>
      <a ${pageLink(ctx.mode, { kind: 'plans' })}>Plans</a>
      ${footerLinks(ctx)}
    </nav>
  </div>
</footer>`;
}

// The tenant's own footer links, checked once more here: a page is the last place they pass.
function footerLinks(ctx: PageContext): SafeHtml[] {
  return ctx.data.branding.footerLinks
    .filter((l) => FooterLink.safeParse(l).success)
    .map((l) => html`<a class="sf-external" href="${l.url}" rel="noopener noreferrer">${
      l.label}</a>`);
}

export function renderDocument(
  ctx: PageContext,
  page: { title: string; description: string; section: Section; main: SafeHtml },
): string {
  const { branding, tenant } = ctx.data;
  const scheme = palette(branding).scheme;
  const favicon = imageUrl(ctx, ctx.images.favicon);
  // Custom CSS is nested under the storefront root, so its selectors reach only the page's
  // content and its declarations sit after the theme's.
  const custom = sanitizeCustomCss(branding.customCss).trim();

  return html`<!doctype html>
<html lang="en" dir="${branding.direction === 'rtl' ? 'rtl' : 'ltr'}" data-scheme="${scheme}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(ctx)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${page.description}">
<meta name="generator" content="Marquee">
<title>${page.title} · ${tenant.name}</title>
${favicon ? html`<link rel="icon" href="${favicon}">\n` : ''}<style>
${trusted(fontFaceCss(branding.fontFamily))}
${trusted(themeCss(branding))}
${trusted(BASE_CSS)}
</style>
${custom ? html`<style>\n.sf-root {\n${trusted(custom)}\n}\n</style>\n` : ''}</head>
<body class="sf-root">
<a class="sf-skip" href="#main">Skip to content</a>
${header(ctx, page.section)}
<main id="main">
${page.main}
</main>
${footer(ctx)}
<script>${trusted(PAGE_SCRIPT)}</script>
</body>
</html>
`.value;
}

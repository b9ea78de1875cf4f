// The storefront's home page: the tenant's hero, a few featured APIs and how to start.
import type { ApiSummary } from '../../../src-shared/model.js';
import { apiCard } from './cards.js';
import { html, type SafeHtml } from './html.js';
import { pageLink, siteAsset } from './links.js';
import { renderDocument } from './layout.js';
import type { PageContext } from './view.js';

const FEATURED_COUNT = 6;

// Published APIs lead, prototypes fill in; deprecated ones are not advertised on the home
// page although the catalog still lists them.
const FEATURE_RANK: Partial<Record<ApiSummary['lifecycle'], number>> = {
  published: 0,
  prototyped: 1,
};

export function featuredApis(apis: ApiSummary[]): ApiSummary[] {
  return apis
    .filter((a) => FEATURE_RANK[a.lifecycle] !== undefined)
    .map((a, i) => ({ a, i }))
    .sort((x, y) => FEATURE_RANK[x.a.lifecycle]! - FEATURE_RANK[y.a.lifecycle]! || x.i - y.i)
    .slice(0, FEATURED_COUNT)
    .map((x) => x.a);
}

function stat(value: number, label: string): SafeHtml {
  return html`<div><strong>${value.toLocaleString('en-US')}</strong>${label}</div>`;
}

function hero(ctx: PageContext): SafeHtml {
  const { branding, apis, tiers } = ctx.data;
  const logo = ctx.images.logo;
  const logoUrl = logo && (logo.startsWith('data:') ? logo : siteAsset(ctx.mode, logo));
  const operations = apis.reduce((n, a) => n + a.operationCount, 0);

  return html`<section class="sf-hero">
  <div class="sf-container">
    ${logoUrl ? html`<div class="sf-hero-logo"><img src="${logoUrl}" alt="${
      ctx.data.tenant.name}"></div>` : ''}
    <h1>${branding.heroTitle}</h1>
    ${branding.heroText ? html`<p>${branding.heroText}</p>` : ''}
    <div class="sf-hero-actions">
      <a class="sf-button sf-button-light" ${pageLink(ctx.mode, { kind: 'catalog' })}>
        Browse APIs</a>
      ${apis.length > 0 ? html`<a class="sf-button sf-button-ghost" href="#featured">
        Featured APIs</a>` : ''}
    </div>
    <div class="sf-hero-stats">
      ${stat(apis.length, apis.length === 1 ? 'API' : 'APIs')}
      ${stat(operations, operations === 1 ? 'operation' : 'operations')}
      ${stat(tiers.length, tiers.length === 1 ? 'subscription tier' : 'subscription tiers')}
    </div>
  </div>
</section>`;
}

function featured(ctx: PageContext): SafeHtml {
  const apis = featuredApis(ctx.data.apis);
  const all = ctx.data.apis.length;

  return html`<section class="sf-section" id="featured">
  <div class="sf-container">
    <div class="sf-section-head">
      <div>
        <div class="sf-eyebrow">Featured</div>
        <h2>Start building with our APIs</h2>
      </div>
      ${all > 0 ? html`<a ${pageLink(ctx.mode, { kind: 'catalog' })}>View all ${all} ${
        all === 1 ? 'API' : 'APIs'} <span class="sf-arrow" aria-hidden="true">→</span></a>`
        : ''}
    </div>
    ${apis.length > 0
      ? html`<div class="sf-grid">${apis.map((a) => apiCard(ctx, a))}</div>`
      : html`<div class="sf-empty">No APIs are published here yet. Check back soon.</div>`}
  </div>
</section>`;
}

function steps(ctx: PageContext): SafeHtml {
  const tierNames = ctx.data.tiers.map((t) => t.name).join(', ');
  return html`<section class="sf-section sf-section-alt">
  <div class="sf-container">
    <div class="sf-section-head"><div>
      <div class="sf-eyebrow">Get started</div>
      <h2>From idea to first call</h2>
    </div></div>
    <div class="sf-steps">
      <div class="sf-step"><b>1</b><h3>Find an API</h3>
        <p>Browse the catalog and read each API's operations and documentation.</p></div>
      <div class="sf-step"><b>2</b><h3>Pick a plan</h3>
        <p>${tierNames
          ? `Subscribe with the tier that fits your traffic: ${tierNames}.`
          : 'Subscribe with the plan that fits your traffic.'}</p></div>
      <div class="sf-step"><b>3</b><h3>Make your first call</h3>
        <p>Call the API through the gateway at its base path with your application's key.</p>
      </div>
    </div>
  </div>
</section>`;
}

export function renderHome(ctx: PageContext): string {
  const { branding, tenant } = ctx.data;
  return renderDocument(ctx, {
    title: 'Home',
    description: branding.heroText || `${tenant.name} developer portal`,
    section: 'home',
    main: html`${hero(ctx)}\n${featured(ctx)}\n${steps(ctx)}`,
  });
}

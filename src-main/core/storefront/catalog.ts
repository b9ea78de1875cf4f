// The catalog: every API the audience may see, as cards, with a search box and tag chips
// that filter the cards in the page itself (no server, so it works from disk too).
import { apiCard } from './cards.js';
import { html, type SafeHtml } from './html.js';
import { renderDocument } from './layout.js';
import type { PageContext } from './view.js';

const MAX_TAG_CHIPS = 12;

// The tags most APIs share, most used first, as quick filters.
function popularTags(ctx: PageContext): string[] {
  const counts = new Map<string, number>();
  for (const api of ctx.data.apis) {
    for (const tag of new Set(api.tags.map((t) => t.toLowerCase()))) {
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_TAG_CHIPS)
    .map(([tag]) => tag);
}

const SEARCH_ICON = html`<svg width="18" height="18" viewBox="0 0 24 24" fill="none"
  stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true">
  <circle cx="11" cy="11" r="7"/><path d="m20 20-3.5-3.5"/></svg>`;

function toolbar(ctx: PageContext): SafeHtml {
  const tags = popularTags(ctx);
  return html`<div class="sf-toolbar" role="search">
  <div class="sf-search">
    ${SEARCH_ICON}
    <input id="sf-search" type="search" placeholder="Search APIs by name, tag or description"
      aria-label="Search APIs" autocomplete="off">
  </div>
  ${tags.length > 1 ? html`<div class="sf-tags" aria-label="Filter by tag">${tags.map(
    (t) => html`<button type="button" class="sf-tag" data-sf-filter="${t}"
      aria-pressed="false">${t}</button>`)}</div>` : ''}
</div>`;
}

export function renderCatalog(ctx: PageContext): string {
  const { apis, tenant } = ctx.data;
  const count = apis.length === 1 ? '1 API' : `${apis.length} APIs`;

  const main = html`<section class="sf-page-head">
  <div class="sf-container">
    <div class="sf-eyebrow">Catalog</div>
    <h1>APIs</h1>
    <p class="sf-lead">Everything ${tenant.name} offers to developers, in one place.</p>
  </div>
</section>
<section class="sf-container sf-catalog">
  ${toolbar(ctx)}
  <p class="sf-count" id="sf-count" aria-live="polite">${count}</p>
  <div class="sf-grid" id="sf-cards">${apis.map((a) => apiCard(ctx, a))}</div>
  <div class="sf-empty" id="sf-empty" ${apis.length > 0 ? html`hidden` : ''}>${
    apis.length > 0 ? 'No API matches your search.' : 'No APIs are published here yet.'}</div>
</section>`;

  return renderDocument(ctx, {
    title: 'APIs',
    description: `The API catalog of ${tenant.name}`,
    section: 'catalog',
    main,
  });
}

// One API's page: what it is, where to call it, which tiers it is offered with, its
// documentation and its operations grouped by tag.
import type { ApiDoc } from '../../../src-shared/docs.js';
import type { ApiSummary, Operation, Tier } from '../../../src-shared/model.js';
import { avatar, lifecycleBadge, operationCountLabel, versionLabel } from './cards.js';
import { escapeHtml, html, trusted, type SafeHtml } from './html.js';
import { pageLink } from './links.js';
import { renderDocument } from './layout.js';
import { markdownExcerpt, renderMarkdown } from './markdown.js';
import { groupOperations, type OperationGroup } from './operations.js';
import type { PageContext } from './view.js';

const UNIT_LABELS: Record<Tier['rateUnit'], string> = {
  second: 's',
  minute: 'min',
  hour: 'h',
  day: 'day',
};

// Where the gateway serves the API, the same shape the publish step writes routes in.
export function basePath(domain: string, api: Pick<ApiSummary, 'context' | 'version'>): string {
  return `/t/${domain}${api.context}/${api.version}`;
}

export function tierLimit(tier: Tier | undefined): string {
  if (!tier || tier.rateLimit === null) return 'Unlimited';
  return `${tier.rateLimit.toLocaleString('en-US')} requests / ${UNIT_LABELS[tier.rateUnit]}`;
}

// Path parameters stand out; the path is escaped first, then its {braces} are wrapped.
function pathMarkup(path: string): SafeHtml {
  return trusted(escapeHtml(path).replace(/\{[^{}]*\}/g, (p) => `<i>${p}</i>`));
}

function operationRow(op: Operation): SafeHtml {
  const method = op.method.toLowerCase().replace(/[^a-z]/g, '');
  return html`<li class="sf-op${op.deprecated ? ' sf-op-deprecated' : ''}">
<span class="sf-method sf-method-${method}">${op.method}</span>
<div><code class="sf-op-path">${pathMarkup(op.path)}</code>${op.deprecated
  ? html`<span class="sf-badge sf-badge-deprecated">Deprecated</span>` : ''}</div>
${op.summary ? html`<div class="sf-op-summary">${op.summary}</div>` : ''}
</li>`;
}

function groupSection(group: OperationGroup): SafeHtml {
  return html`<section class="sf-group" id="${group.anchor}">
<h3>${group.tag} <small>${operationCountLabel(group.operations.length)}</small></h3>
<ul class="sf-ops">${group.operations.map(operationRow)}</ul>
</section>`;
}

function tiersPanel(ctx: PageContext, api: ApiSummary): SafeHtml {
  const byName = new Map(ctx.data.tiers.map((t) => [t.name, t]));
  return html`<section class="sf-panel">
  <h2>Subscription tiers</h2>
  ${api.tiers.length > 0
    ? html`<ul class="sf-tiers">${api.tiers.map(
      (name) => html`<li><b>${name}</b><span>${tierLimit(byName.get(name))}</span></li>`)}</ul>`
    : html`<p class="sf-lead">Not offered for subscription yet.</p>`}
  <a class="sf-panel-link" ${pageLink(ctx.mode, { kind: 'plans' })}>Compare plans <span
    class="sf-arrow" aria-hidden="true">→</span></a>
</section>`;
}

// The API's guides; on a document's own page the one shown is marked as current.
export function docsPanel(
  ctx: PageContext,
  api: ApiSummary,
  docs: Pick<ApiDoc, 'slug' | 'title'>[],
  current?: string,
): SafeHtml | '' {
  if (docs.length === 0) return '';
  return html`<nav class="sf-panel" aria-label="Documents">
  <h2>Documents</h2>
  <ul class="sf-doc-list">${docs.map((d) => html`<li><a ${pageLink(ctx.mode, {
    kind: 'doc', apiId: api.id, slug: d.slug })}${d.slug === current
      ? html` aria-current="page"` : ''}>${d.title}</a></li>`)}</ul>
</nav>`;
}

function tocPanel(groups: OperationGroup[]): SafeHtml | '' {
  if (groups.length < 2) return '';
  return html`<nav class="sf-panel sf-sticky" aria-label="Operation groups">
  <h2>On this page</h2>
  <ul class="sf-toc">${groups.map((g) => html`<li><a href="#${g.anchor}">${g.tag}<small>${
    g.operations.length}</small></a></li>`)}</ul>
</nav>`;
}

// The band at the top of an API's pages; a document's page adds its own title to the trail.
export function apiHead(ctx: PageContext, api: ApiSummary, docTitle?: string): SafeHtml {
  const domain = ctx.data.tenant.domain;
  return html`<section class="sf-api-head">
  <div class="sf-container">
    <nav class="sf-crumbs" aria-label="Breadcrumb">
      <a ${pageLink(ctx.mode, { kind: 'catalog' })}>APIs</a> / ${docTitle === undefined
        ? html`<span>${api.name}</span>`
        : html`<a ${pageLink(ctx.mode, { kind: 'api', apiId: api.id })}>${
          api.name}</a> / <span>${docTitle}</span>`}
    </nav>
    <div class="sf-api-title">
      ${avatar(api.name)}
      <div>
        <h1>${api.name}</h1>
        <div class="sf-card-meta">
          <span class="sf-badge sf-badge-version">${versionLabel(
            api.version)}</span>${lifecycleBadge(api)}
          <span>Context <code>${api.context}</code></span>
        </div>
      </div>
    </div>
    <div class="sf-basepath"><span>Base path</span><code>${basePath(domain, api)}</code></div>
    ${ctx.data.endpoints.map((e) => html`<div class="sf-basepath sf-endpoint"><span>${
      e.environment} · ${e.gateway}</span><code>${e.origin}${basePath(domain, api)}</code></div>`)}
  </div>
</section>`;
}

export function renderApiPage(
  ctx: PageContext,
  api: ApiSummary,
  operations: Operation[],
  docs: Pick<ApiDoc, 'slug' | 'title'>[] = [],
): string {
  const groups = groupOperations(operations, api.tags);

  const main = html`${apiHead(ctx, api)}
<div class="sf-container sf-api-body">
  <article>
    ${api.description.trim()
      ? html`<div class="sf-doc">${renderMarkdown(api.description)}</div>`
      : html`<p class="sf-lead">No description yet.</p>`}
    <div class="sf-ops-head">
      <h2>Operations</h2><span class="sf-count">${operationCountLabel(operations.length)}</span>
    </div>
    ${groups.length > 0
      ? groups.map(groupSection)
      : html`<div class="sf-empty">This API's definition declares no operations.</div>`}
  </article>
  <aside>
    ${docsPanel(ctx, api, docs)}
    ${tiersPanel(ctx, api)}
    ${api.tags.length > 0 ? html`<section class="sf-panel"><h2>Tags</h2><ul class="sf-tags">${
      api.tags.map((t) => html`<li class="sf-tag">${t}</li>`)}</ul></section>` : ''}
    ${tocPanel(groups)}
  </aside>
</div>`;

  return renderDocument(ctx, {
    title: api.name,
    description: markdownExcerpt(api.description) || `${api.name} API`,
    section: 'api',
    main,
  });
}

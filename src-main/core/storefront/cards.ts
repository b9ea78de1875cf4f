// Small pieces shared by the storefront pages: API cards, lifecycle badges, the avatar
// that stands in for an API's logo.
import type { ApiSummary } from '../../../src-shared/model.js';
import { html, type SafeHtml } from './html.js';
import { pageLink } from './links.js';
import { markdownExcerpt } from './markdown.js';
import type { PageContext } from './view.js';

const LIFECYCLE_LABELS: Partial<Record<ApiSummary['lifecycle'], string>> = {
  prototyped: 'Prototype',
  deprecated: 'Deprecated',
};

// Published APIs need no badge; the other states a visitor may see are called out.
export function lifecycleBadge(api: Pick<ApiSummary, 'lifecycle'>): SafeHtml | '' {
  const label = LIFECYCLE_LABELS[api.lifecycle];
  return label ? html`<span class="sf-badge sf-badge-${api.lifecycle}">${label}</span>` : '';
}

// "v2" for version 2, and "v2" (not "vv2") for a version already written so.
export function versionLabel(version: string): string {
  return /^v\d/i.test(version) ? version : `v${version}`;
}

export function initials(name: string): string {
  const words = name.match(/[\p{L}\p{N}]+/gu) ?? [];
  const letters = words.slice(0, 2).map((w) => [...w][0]).join('');
  return (letters || '?').toUpperCase();
}

export function avatar(name: string): SafeHtml {
  return html`<span class="sf-avatar" aria-hidden="true">${initials(name)}</span>`;
}

export function operationCountLabel(n: number): string {
  return n === 1 ? '1 operation' : `${n} operations`;
}

export function apiCard(ctx: PageContext, api: ApiSummary): SafeHtml {
  const excerpt = markdownExcerpt(api.description) || 'No description yet.';
  // What the catalog search matches against, embedded so the search works from disk too.
  const searchText = [api.name, api.version, api.context, ...api.tags, excerpt]
    .join(' ')
    .toLowerCase();
  const tags = api.tags.slice(0, 4);

  return html`<a class="sf-card" ${pageLink(ctx.mode, { kind: 'api', apiId: api.id })}
  data-sf-search="${searchText}">
  <div class="sf-card-head">
    ${avatar(api.name)}
    <div>
      <h3>${api.name}</h3>
      <div class="sf-card-meta">
        <span class="sf-badge sf-badge-version">${versionLabel(api.version)}</span>${
          lifecycleBadge(api)}
      </div>
    </div>
  </div>
  <p>${excerpt}</p>
  ${tags.length > 0
    ? html`<ul class="sf-tags" aria-label="Tags">${tags.map(
      (t) => html`<li class="sf-tag">${t}</li>`)}</ul>`
    : ''}
  <div class="sf-card-foot">
    <code>${api.context}</code><span>${operationCountLabel(api.operationCount)}</span>
  </div>
</a>`;
}

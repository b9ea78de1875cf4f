// A document of an API: its Markdown, sanitised like every description, under the API's own
// header, with the API's other documents beside it.
import type { ApiDoc } from '../../../src-shared/docs.js';
import type { ApiSummary } from '../../../src-shared/model.js';
import { apiHead, docsPanel } from './api-page.js';
import { html } from './html.js';
import { pageLink } from './links.js';
import { renderDocument } from './layout.js';
import { markdownExcerpt, renderMarkdown } from './markdown.js';
import type { PageContext } from './view.js';

export function renderDocPage(
  ctx: PageContext,
  api: ApiSummary,
  doc: ApiDoc,
  docs: Pick<ApiDoc, 'slug' | 'title'>[],
): string {
  const main = html`${apiHead(ctx, api, doc.title)}
<div class="sf-container sf-api-body">
  <article>
    <h2 class="sf-doc-title">${doc.title}</h2>
    ${doc.markdown.trim()
      ? html`<div class="sf-doc">${renderMarkdown(doc.markdown)}</div>`
      : html`<p class="sf-lead">This document is empty.</p>`}
  </article>
  <aside>
    ${docsPanel(ctx, api, docs, doc.slug)}
    <section class="sf-panel">
      <h2>Reference</h2>
      <a class="sf-panel-link" ${pageLink(ctx.mode, { kind: 'api', apiId: api.id })}>Operations
        of ${api.name} <span class="sf-arrow" aria-hidden="true">→</span></a>
    </section>
  </aside>
</div>`;

  return renderDocument(ctx, {
    title: `${doc.title} · ${api.name}`,
    description: markdownExcerpt(doc.markdown) || `${doc.title}, a guide to ${api.name}`,
    section: 'doc',
    main,
  });
}

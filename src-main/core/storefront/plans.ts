// The plans page: every tier of the tenant as a card with its limits and the APIs that offer
// it. Only APIs the audience may see are named, the same rule as the catalog's.
import type { ApiSummary, Tier } from '../../../src-shared/model.js';
import { tierLimit } from './api-page.js';
import { versionLabel } from './cards.js';
import { html, type SafeHtml } from './html.js';
import { pageLink } from './links.js';
import { renderDocument } from './layout.js';
import type { PageContext } from './view.js';

function quotaLabel(tier: Tier): string {
  if (tier.quota === null) return 'No monthly quota';
  return `${tier.quota.toLocaleString('en-US')} requests / month`;
}

function offeredBy(ctx: PageContext, tier: Tier): ApiSummary[] {
  return ctx.data.apis.filter((a) => a.tiers.includes(tier.name));
}

function planCard(ctx: PageContext, tier: Tier): SafeHtml {
  const apis = offeredBy(ctx, tier);
  return html`<article class="sf-plan">
  <h2>${tier.name}</h2>
  ${tier.description ? html`<p class="sf-plan-text">${tier.description}</p>` : ''}
  <dl class="sf-plan-limits">
    <div><dt>Rate limit</dt><dd>${tierLimit(tier)}</dd></div>
    <div><dt>Quota</dt><dd>${quotaLabel(tier)}</dd></div>
  </dl>
  <h3>${apis.length === 1 ? 'Offered with 1 API' : `Offered with ${apis.length} APIs`}</h3>
  ${apis.length > 0
    ? html`<ul class="sf-plan-apis">${apis.map((a) => html`<li><a ${pageLink(ctx.mode, {
      kind: 'api', apiId: a.id })}>${a.name}</a> <small>${versionLabel(a.version)}</small></li>`)
    }</ul>`
    : html`<p class="sf-plan-none">No API offers this plan yet.</p>`}
</article>`;
}

export function renderPlans(ctx: PageContext): string {
  const { tenant, tiers } = ctx.data;

  const main = html`<section class="sf-page-head">
  <div class="sf-container">
    <div class="sf-eyebrow">Plans</div>
    <h1>Subscription plans</h1>
    <p class="sf-lead">Subscribe to an API with the plan that fits your traffic. Each plan sets
      how many requests your application may make.</p>
  </div>
</section>
<section class="sf-container sf-plans-body">
  ${tiers.length > 0
    ? html`<div class="sf-plans">${tiers.map((t) => planCard(ctx, t))}</div>`
    : html`<div class="sf-empty">${tenant.name} offers no plans yet.</div>`}
</section>`;

  return renderDocument(ctx, {
    title: 'Plans',
    description: `Subscription plans of ${tenant.name}`,
    section: 'plans',
    main,
  });
}

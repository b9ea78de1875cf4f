// A tenant's storefront as a static site: plain files with relative links that open from
// disk or from any static host. The build renders every page before it touches the disk,
// writes the same bytes for the same workspace, and only ever replaces a folder it wrote.
import fs from 'node:fs';
import path from 'node:path';
import type { StorefrontPage } from '../../../src-shared/model.js';
import { formatAudience } from '../../../src-shared/tenancy.js';
import type { Db } from '../db/open.js';
import { badInput } from '../errors.js';
import { logger } from '../log.js';
import { listApiDocs } from '../workspace/api-docs.js';
import { sitePath } from './links.js';
import { renderPage } from './pages.js';
import { ANONYMOUS, type Audience } from './visibility.js';
import { loadStorefront, type ImageSources, type StorefrontData } from './view.js';

const log = logger('storefront');

export const SITE_MARKER = '.marquee-storefront';

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
};

// Only paths a build can have written are ever removed on a rebuild, whatever the marker
// file says.
const OWN_FILE = new RegExp(
  '^(index\\.html|catalog\\.html|plans\\.html|api/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)?\\.html|' +
    'favicon\\.(png|jpg|webp|svg)|' +
    'assets/logo\\.(png|jpg|webp|svg))$',
);

type SiteFile = { path: string; data: string | Buffer };

function decodeImage(dataUrl: string | null): { ext: string; data: Buffer } | null {
  const m = dataUrl?.match(/^data:([a-z+/]+);base64,([A-Za-z0-9+/=]+)$/);
  const ext = m && EXTENSIONS[m[1]];
  return m && ext ? { ext, data: Buffer.from(m[2], 'base64') } : null;
}

function imageFiles(data: StorefrontData): { files: SiteFile[]; images: ImageSources } {
  const files: SiteFile[] = [];
  const images: ImageSources = { logo: null, favicon: null };

  const logo = decodeImage(data.branding.logo);
  if (logo) {
    images.logo = `assets/logo.${logo.ext}`;
    files.push({ path: images.logo, data: logo.data });
  }
  const favicon = decodeImage(data.branding.favicon);
  if (favicon) {
    images.favicon = `favicon.${favicon.ext}`;
    files.push({ path: images.favicon, data: favicon.data });
  }
  return { files, images };
}

type RenderedSite = { tenant: string; files: SiteFile[]; pages: number };

function renderSite(db: Db, domain: string, audience: Audience): RenderedSite {
  const data = loadStorefront(db, domain, undefined, audience);
  const { files, images } = imageFiles(data);

  const pages: StorefrontPage[] = [
    { kind: 'home' },
    { kind: 'catalog' },
    { kind: 'plans' },
    ...data.apis.flatMap((a): StorefrontPage[] => [
      { kind: 'api', apiId: a.id },
      ...listApiDocs(db, a.id).map((d) => ({ kind: 'doc' as const, apiId: a.id, slug: d.slug })),
    ]),
  ];
  for (const page of pages) {
    const file = sitePath(page);
    const mode = { kind: 'static' as const, depth: file.split('/').length - 1 };
    files.push({ path: file, data: renderPage(db, { data, mode, images }, page) });
  }
  return { tenant: data.tenant.domain, files, pages: pages.length };
}

// Files a previous build listed in its marker, or null if the folder is not Marquee's.
function previousBuild(dir: string): string[] | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) throw badInput(`outDir ${dir} exists and is not a folder`);

  const entries = fs.readdirSync(dir);
  if (entries.length === 0) return [];
  if (!entries.includes(SITE_MARKER)) return null;

  try {
    const marker = JSON.parse(fs.readFileSync(path.join(dir, SITE_MARKER), 'utf8')) as {
      files?: unknown;
    };
    return Array.isArray(marker.files)
      ? marker.files.filter((f): f is string => typeof f === 'string' && OWN_FILE.test(f))
      : [];
  } catch {
    return [];
  }
}

function removeIfEmpty(folder: string): void {
  try {
    if (fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
  } catch {
    // Already gone, or not ours to judge: a leftover empty folder harms nothing.
  }
}

export function buildStorefrontSite(
  db: Db,
  domain: string,
  outDir: string,
  audience: Audience = ANONYMOUS,
): { dir: string; files: number; pages: number } {
  const dir = path.resolve(outDir);
  const previous = previousBuild(dir);
  if (previous === null) {
    throw badInput(
      `outDir ${dir} is not empty and holds no storefront built by Marquee; ` +
        'choose an empty or new folder',
    );
  }

  const site = renderSite(db, domain, audience);
  const written = new Set(site.files.map((f) => f.path));

  // Pages of APIs that are no longer shown must not linger from an earlier build.
  for (const stale of previous) {
    if (written.has(stale)) continue;
    fs.rmSync(path.join(dir, stale), { force: true });
    // A removed API's documents leave its folder behind; an emptied one goes too.
    if (stale.split('/').length > 2) removeIfEmpty(path.dirname(path.join(dir, stale)));
  }
  for (const file of site.files) {
    const target = path.join(dir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.data);
  }
  const marker = {
    generator: 'Marquee storefront',
    tenant: site.tenant,
    audience: formatAudience(audience),
    files: [...written].sort(),
  };
  fs.writeFileSync(path.join(dir, SITE_MARKER), JSON.stringify(marker, null, 2) + '\n');

  log.info(
    { tenant: site.tenant, dir, pages: site.pages, files: site.files.length },
    'storefront built',
  );
  return { dir, files: site.files.length + 1, pages: site.pages };
}

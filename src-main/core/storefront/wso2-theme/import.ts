// Reading a WSO2 tenant theme zip into a tenant's branding. The zip may be hostile: every
// entry name and size is checked before a byte is inflated, every file is checked by its
// content, and the whole theme is read and validated before the workspace is touched, so a
// theme that is refused changes nothing.
import { unzipSync } from 'fflate';
import { BrandingPatch, type Branding } from '../../../../src-shared/model.js';
import { screenEntries } from '../../archive/screen.js';
import type { Db } from '../../db/open.js';
import { badInput, MarqueeError } from '../../errors.js';
import { logger } from '../../log.js';
import {
  getBranding,
  setBrandingImage,
  acceptImage,
  updateBranding,
} from '../../workspace/branding.js';
import { getTenant } from '../../workspace/tenants.js';
import { classify, CUSTOM_CSS, IMAGES, LIMITS, THEME_JSON, unsafeName } from './layout.js';
import { ThemeJson, unusedSettings } from './schema.js';

const log = logger('storefront');

const MB = 1024 * 1024;

type Image = { name: string; mediaType: string; data: Buffer };

type ReadTheme = {
  patch: BrandingPatch;
  logo: Image | null;
  favicon: Image | null;
  notes: string[];
};

const themeScreen = () =>
  screenEntries({
    archive: 'theme',
    entry: 'theme entry',
    limitWord: 'files',
    limits: LIMITS,
    accept: (file, shown) => {
      const problem = unsafeName(file.name);
      if (problem) throw badInput(`theme entry ${shown} ${problem}`);
      const place = classify(file.name);
      if ('problem' in place) throw badInput(`theme entry ${shown} ${place.problem}`);
      // Only the Developer Portal's files are inflated; the rest is known but not read.
      return 'kind' in place && ['theme-json', 'custom-css', 'image'].includes(place.kind);
    },
  });

function unzip(bytes: Uint8Array): { files: Map<string, Uint8Array>; names: string[] } {
  if (bytes.length > LIMITS.zipBytes) {
    throw badInput(`the theme zip is larger than ${LIMITS.zipBytes / MB} MB`);
  }
  const names: string[] = [];
  const screen = themeScreen();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return screen(f);
      },
    });
  } catch (err) {
    if (err instanceof MarqueeError) throw err;
    const message = (err as Error).message;
    if (/invalid zip data/i.test(message)) throw badInput('the theme file is not a zip archive');
    throw badInput(`the theme's zip data is damaged: ${message}`);
  }
  return { files: new Map(Object.entries(files)), names };
}

function utf8(name: string, data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    throw badInput(`${name}: not UTF-8 text`);
  }
}

function readJson(files: Map<string, Uint8Array>): { theme: ThemeJson; unused: string[] } {
  const data = files.get(THEME_JSON);
  if (!data) {
    throw badInput(`${THEME_JSON}: missing; a WSO2 tenant theme keeps its settings there`);
  }
  if (data.length > LIMITS.jsonBytes) {
    throw badInput(`${THEME_JSON}: larger than ${LIMITS.jsonBytes / MB} MB`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(utf8(THEME_JSON, data));
  } catch (err) {
    if (err instanceof MarqueeError) throw err;
    throw badInput(`${THEME_JSON}: not valid JSON (${(err as Error).message})`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw badInput(`${THEME_JSON}: must be a JSON object`);
  }
  const parsed = ThemeJson.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badInput(`${THEME_JSON}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return { theme: parsed.data, unused: unusedSettings(raw) };
}

// #rgb and #rrggbb, as WSO2's theme files use both; anything else (rgba(), names) is noted.
function hexColor(value: string | undefined, field: string, notes: string[]): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(v)) return v.toLowerCase();
  if (/^#[0-9a-fA-F]{3}$/.test(v)) return ('#' + [...v.slice(1)].map((c) => c + c).join(''))
    .toLowerCase();
  notes.push(`${THEME_JSON}: ${field} ${JSON.stringify(value)} is not a #rrggbb colour; not used`);
  return undefined;
}

// Slide titles are HTML in WSO2 (`Lorem <span>ipsum</span>`); a branding's texts are plain.
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&')
    .trim();
}

function text(value: string | undefined, field: string, max: number, notes: string[]) {
  if (value === undefined) return undefined;
  const plain = plainText(value);
  if (plain.length <= max) return plain;
  notes.push(`${THEME_JSON}: ${field} is longer than ${max} characters; cut to fit`);
  return plain.slice(0, max);
}

function readImages(files: Map<string, Uint8Array>): Map<string, Image> {
  const images = new Map<string, Image>();
  for (const [name, data] of files) {
    if (!name.startsWith(IMAGES)) continue;
    const buffer = Buffer.from(data);
    const mediaType = acceptImage(buffer, name);
    images.set(name.slice(IMAGES.length), { name, mediaType, data: buffer });
  }
  return images;
}

// The image custom.appBar.logo points at, when it points into this theme's apim/images/.
function logoOf(theme: ThemeJson, images: Map<string, Image>, notes: string[]): Image | null {
  const ref = theme.custom?.appBar?.logo;
  if (ref !== undefined) {
    const m = ref.match(/(?:^|\/)apim\/images\/([^/]+)$/) ?? ref.match(/^images\/([^/]+)$/);
    if (!m) {
      notes.push(
        `${THEME_JSON}: custom.appBar.logo ${JSON.stringify(ref)} is not in the theme's ` +
          'images/; the logo was left as it was (a storefront fetches nothing from elsewhere)',
      );
      return null;
    }
    const image = images.get(m[1]);
    if (!image) {
      throw badInput(
        `${THEME_JSON}: custom.appBar.logo names ${IMAGES}${m[1]}, which the zip lacks`,
      );
    }
    return image;
  }
  // No setting: WSO2's sample theme names its logo custom-logo.*.
  const named = [...images.keys()].find((n) => /^(custom-)?logo\./i.test(n));
  return named ? images.get(named)! : null;
}

function readTheme(bytes: Uint8Array): ReadTheme {
  const { files, names } = unzip(bytes);
  const notes: string[] = [];
  const { theme, unused } = readJson(files);
  const images = readImages(files);

  const palette = theme.palette ?? {};
  const slide = theme.custom?.landingPage?.carousel?.slides?.[0];
  const patch: BrandingPatch = {
    primaryColor: hexColor(palette.primary?.main, 'palette.primary.main', notes),
    accentColor: hexColor(palette.secondary?.main, 'palette.secondary.main', notes),
    backgroundColor: hexColor(palette.background?.default, 'palette.background.default', notes),
    textColor: hexColor(palette.text?.primary, 'palette.text.primary', notes),
    theme: palette.mode ?? palette.type,
    direction: theme.direction,
    fontFamily: text(theme.typography?.fontFamily, 'typography.fontFamily', 200, notes),
    heroTitle: text(slide?.title, 'custom.landingPage.carousel.slides[0].title', 200, notes),
    heroText: text(slide?.content, 'custom.landingPage.carousel.slides[0].content', 2000, notes),
    footerText: text(theme.custom?.footer?.text, 'custom.footer.text', 500, notes),
  };

  const css = files.get(CUSTOM_CSS);
  if (css) {
    const value = utf8(CUSTOM_CSS, css);
    if (value.length > LIMITS.cssChars) {
      throw badInput(`${CUSTOM_CSS}: longer than ${LIMITS.cssChars} characters`);
    }
    patch.customCss = value;
    notes.push(
      `${CUSTOM_CSS}: kept as the storefront's custom CSS; its selectors were written for ` +
        "WSO2's pages and may not match the storefront's",
    );
  }

  const logo = logoOf(theme, images, notes);
  const favicon = images.get([...images.keys()].find((n) => /^favicon\./i.test(n)) ?? '') ?? null;
  for (const image of images.values()) {
    if (image !== logo && image !== favicon) notes.push(`${image.name}: not used`);
  }

  if (unused.length > 0) notes.push(`${THEME_JSON}: not used: ${unused.join(', ')}`);
  const others = [...new Set(names.filter((n) => !n.startsWith('apim/') && !n.endsWith('/'))
    .map((n) => n.split('/')[0]))];
  for (const folder of others) {
    notes.push(folder === '__MACOSX' || folder === '.DS_Store'
      ? `${folder}: archiver files; ignored`
      : `${folder}/: themes WSO2's ${folder} pages; not used`);
  }

  // The limits of a branding, checked once more on what the theme produced.
  const checked = BrandingPatch.safeParse(patch);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw badInput(`${THEME_JSON}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return { patch: checked.data, logo, favicon, notes };
}

export function importWso2Theme(
  db: Db,
  domain: string,
  bytes: Uint8Array,
): { branding: Branding; notes: string[] } {
  const tenant = getTenant(db, domain);
  const theme = readTheme(bytes);

  // One transaction: the branding and both images change together or not at all.
  db.transaction(() => {
    updateBranding(db, tenant.id, theme.patch);
    for (const slot of ['logo', 'favicon'] as const) {
      const image = theme[slot];
      if (image) setBrandingImage(db, tenant.id, slot, image.mediaType, image.data);
    }
  })();

  log.info({ tenant: tenant.domain, notes: theme.notes.length }, 'WSO2 tenant theme imported');
  return { branding: getBranding(db, tenant.id), notes: theme.notes };
}

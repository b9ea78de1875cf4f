// A tenant's storefront branding and its image assets. Images are checked by their bytes,
// not by the media type a caller claims, and are only ever shown through <img>, where an
// SVG's scripts and external references stay inert.
import { createHash } from 'node:crypto';
import type { Branding, BrandingPatch } from '../../../src-shared/model.js';
import { badInput } from '../errors.js';
import type { Db } from '../db/open.js';
import { now } from './time.js';
import { recordActivity } from '../tenancy/activity.js';
import { brandingSnapshot } from '../tenancy/snapshots.js';

const domainOf = (db: Db, tenantId: number): string =>
  (db.prepare(`SELECT domain FROM tenants WHERE id = ?`).get(tenantId) as { domain: string })
    .domain;

function recordBrandingChange(db: Db, tenantId: number, before: Branding, what: string): void {
  const domain = domainOf(db, tenantId);
  recordActivity(db, {
    action: 'update',
    entity: 'branding',
    key: domain,
    tenant: domain,
    summary: `changed the ${what} of ${domain}`,
    before: brandingSnapshot(before),
    after: brandingSnapshot(getBranding(db, tenantId)),
  });
}

type BrandingRow = {
  primary_color: string;
  accent_color: string;
  background_color: string;
  text_color: string;
  hero_title: string;
  hero_text: string;
  footer_text: string;
  footer_links_json: string;
  theme: 'light' | 'dark';
  direction: 'ltr' | 'rtl';
  font_family: string;
  custom_css: string;
  logo_asset_id: number | null;
  favicon_asset_id: number | null;
};

const COLUMNS: Record<keyof BrandingPatch, keyof BrandingRow> = {
  primaryColor: 'primary_color',
  accentColor: 'accent_color',
  backgroundColor: 'background_color',
  textColor: 'text_color',
  heroTitle: 'hero_title',
  heroText: 'hero_text',
  footerText: 'footer_text',
  footerLinks: 'footer_links_json',
  theme: 'theme',
  direction: 'direction',
  fontFamily: 'font_family',
  customCss: 'custom_css',
};

export const SYSTEM_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function createDefaultBranding(db: Db, tenantId: number, name: string): void {
  db.prepare(
    `INSERT INTO branding (tenant_id, primary_color, accent_color, background_color,
       text_color, hero_title, hero_text, footer_text, theme, font_family)
     VALUES (?, '#2f5bd3', '#f08c00', '#ffffff', '#1b1f24', ?, ?, ?, 'light', ?)`,
  ).run(
    tenantId,
    `${name} developer portal`,
    `Discover and subscribe to the APIs of ${name}.`,
    `© ${name}`,
    SYSTEM_FONT,
  );
}

function assetDataUrl(db: Db, id: number | null): string | null {
  if (id === null) return null;
  const a = db.prepare(`SELECT media_type, data FROM assets WHERE id = ?`).get(id) as
    | { media_type: string; data: Buffer }
    | undefined;
  return a ? `data:${a.media_type};base64,${a.data.toString('base64')}` : null;
}

export function getBranding(db: Db, tenantId: number): Branding {
  const r = db.prepare(`SELECT * FROM branding WHERE tenant_id = ?`).get(tenantId) as BrandingRow;
  return {
    primaryColor: r.primary_color,
    accentColor: r.accent_color,
    backgroundColor: r.background_color,
    textColor: r.text_color,
    heroTitle: r.hero_title,
    heroText: r.hero_text,
    footerText: r.footer_text,
    footerLinks: JSON.parse(r.footer_links_json) as Branding['footerLinks'],
    theme: r.theme,
    direction: r.direction,
    fontFamily: r.font_family,
    customCss: r.custom_css,
    logo: assetDataUrl(db, r.logo_asset_id),
    favicon: assetDataUrl(db, r.favicon_asset_id),
  };
}

export function updateBranding(db: Db, tenantId: number, patch: BrandingPatch): Branding {
  const keys = (Object.keys(patch) as (keyof BrandingPatch)[]).filter(
    (k) => patch[k] !== undefined,
  );
  if (keys.length > 0) {
    // Column names come from the allow-list above, never from the caller.
    const sets = keys.map((k) => `${COLUMNS[k]} = ?`).join(', ');
    const before = getBranding(db, tenantId);
    db.transaction(() => {
      db.prepare(`UPDATE branding SET ${sets} WHERE tenant_id = ?`).run(
        // Lists are kept as JSON text; everything else is a plain column value.
        ...keys.map((k) => (k === 'footerLinks' ? JSON.stringify(patch[k]) : patch[k])),
        tenantId,
      );
      db.prepare(`UPDATE tenants SET updated_at = ? WHERE id = ?`).run(now(), tenantId);
      recordBrandingChange(db, tenantId, before, 'branding');
    })();
  }
  return getBranding(db, tenantId);
}

// The first bytes of each accepted image type; a file that does not start so is refused.
export function sniffImage(data: Buffer): string | null {
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.subarray(0, 4).toString('latin1') === 'RIFF' &&
      data.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'image/webp';
  }
  const head = data.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) {
    return 'image/svg+xml';
  }
  return null;
}

// SVG is a document format: one opened on its own (a static storefront's assets/logo.svg on a
// host, or a downloaded file) runs its scripts and loads what it links. Marquee shows images
// through <img>, where none of that happens, but a file it writes must be inert wherever it is
// opened, so SVGs with active content are refused with the reason rather than stored.
const ACTIVE_SVG: [RegExp, string][] = [
  [/<script[\s>/]/i, 'a <script> element'],
  [/<foreignObject[\s>/]/i, 'a <foreignObject> (HTML inside the image)'],
  [/\son[a-z]+\s*=/i, 'an event handler attribute (on…=)'],
  [/javascript:/i, 'a javascript: URL'],
  [/(?:href|src)\s*=\s*["']?\s*(?:https?:|\/\/|data:text)/i, 'a link to an outside resource'],
  [/@import|url\(\s*["']?\s*(?:https?:|\/\/)/i, 'a stylesheet that loads an outside resource'],
  [/<!ENTITY/i, 'an XML entity declaration'],
];

// The media type of an image someone hands Marquee, checked by its bytes; throws saying why
// it cannot be used. `label` names the file or field in the message.
export function acceptImage(data: Buffer, label: string): string {
  const mediaType = sniffImage(data);
  if (!mediaType) throw badInput(`${label}: not an SVG, PNG, JPEG or WebP image`);
  if (mediaType === 'image/svg+xml') {
    const text = data.toString('utf8');
    const found = ACTIVE_SVG.find(([re]) => re.test(text));
    if (found) throw badInput(`${label}: the SVG holds ${found[1]}; use an SVG without it`);
  }
  return mediaType;
}

export function storeAsset(db: Db, tenantId: number, mediaType: string, data: Buffer): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO assets (tenant_id, media_type, data, sha256, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .run(tenantId, mediaType, data, createHash('sha256').update(data).digest('hex'), now());
  return Number(lastInsertRowid);
}

export function setBrandingImage(
  db: Db,
  tenantId: number,
  slot: 'logo' | 'favicon',
  mediaType: string | null,
  data: Buffer | null,
): Branding {
  const column = slot === 'logo' ? 'logo_asset_id' : 'favicon_asset_id';

  const before = getBranding(db, tenantId);
  if (data === null) {
    db.transaction(() => {
      db.prepare(`UPDATE branding SET ${column} = NULL WHERE tenant_id = ?`).run(tenantId);
      recordBrandingChange(db, tenantId, before, slot);
    })();
    return getBranding(db, tenantId);
  }

  const sniffed = acceptImage(data, slot);
  if (mediaType && mediaType !== sniffed) {
    throw badInput(`${slot}: the file is ${sniffed}, not ${mediaType} as its name says`);
  }
  if (data.length > 5 * 1024 * 1024) throw badInput(`${slot}: images are limited to 5 MB`);

  db.transaction(() => {
    const old = db.prepare(`SELECT ${column} AS id FROM branding WHERE tenant_id = ?`).get(
      tenantId,
    ) as { id: number | null };
    const id = storeAsset(db, tenantId, sniffed, data);
    db.prepare(`UPDATE branding SET ${column} = ? WHERE tenant_id = ?`).run(id, tenantId);
    if (old.id !== null) db.prepare(`DELETE FROM assets WHERE id = ?`).run(old.id);
    recordBrandingChange(db, tenantId, before, slot);
  })();
  return getBranding(db, tenantId);
}

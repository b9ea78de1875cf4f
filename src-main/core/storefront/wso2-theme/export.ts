// A tenant's branding as a WSO2 API Manager tenant theme zip, ready for the Admin Portal's
// "Tenant Theme" upload: colours, type, direction, hero and footer texts in
// apim/defaultTheme.json (only the settings a branding has; WSO2 keeps its defaults for the
// rest), custom CSS in apim/css/custom.css, the logo and favicon in apim/images/.
import { zipSync, type Zippable } from 'fflate';
import type { Branding } from '../../../../src-shared/model.js';
import type { Db } from '../../db/open.js';
import { logger } from '../../log.js';
import { getBranding } from '../../workspace/branding.js';
import { getTenant } from '../../workspace/tenants.js';
import { CUSTOM_CSS, IMAGES, THEME_JSON } from './layout.js';

const log = logger('storefront');

// Same bytes for the same branding, in every time zone (see bundle/export.ts).
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
};

function decodeImage(dataUrl: string | null): { ext: string; data: Uint8Array } | null {
  const m = dataUrl?.match(/^data:([a-z+/]+);base64,([A-Za-z0-9+/=]+)$/);
  const ext = m && EXTENSIONS[m[1]];
  return m && ext ? { ext, data: new Uint8Array(Buffer.from(m[2], 'base64')) } : null;
}

// WSO2 renders slide titles and texts as HTML; ours are plain text.
const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Where the Developer Portal serves a tenant theme's files.
const served = (domain: string, file: string): string =>
  `/site/public/tenant_themes/${domain}/${file}`;

function themeJson(domain: string, b: Branding, logo: string | null): object {
  return {
    direction: b.direction,
    palette: {
      type: b.theme,
      mode: b.theme,
      primary: { main: b.primaryColor },
      secondary: { main: b.accentColor },
      background: { default: b.backgroundColor, paper: b.backgroundColor },
      text: { primary: b.textColor },
    },
    typography: { fontFamily: b.fontFamily },
    custom: {
      ...(b.customCss.trim() && { tenantCustomCss: served(domain, CUSTOM_CSS) }),
      ...(logo && { appBar: { logo: served(domain, logo) } }),
      landingPage: {
        active: true,
        carousel: {
          active: true,
          slides: [{ title: escapeHtml(b.heroTitle), content: escapeHtml(b.heroText) }],
        },
        // Switched off so WSO2's sample content does not show beside the tenant's own.
        listByTag: { active: false },
        parallax: { active: false },
        contact: { active: false },
      },
      footer: { active: true, text: b.footerText },
    },
  };
}

export function exportWso2Theme(db: Db, domain: string): { fileName: string; data: Uint8Array } {
  const tenant = getTenant(db, domain);
  const branding = getBranding(db, tenant.id);
  const zip: Zippable = {};

  const logo = decodeImage(branding.logo);
  const logoPath = logo ? `${IMAGES}logo.${logo.ext}` : null;
  const json = themeJson(tenant.domain, branding, logoPath);
  zip[THEME_JSON] = new TextEncoder().encode(JSON.stringify(json, null, 2) + '\n');

  if (branding.customCss.trim()) zip[CUSTOM_CSS] = new TextEncoder().encode(branding.customCss);
  if (logo && logoPath) zip[logoPath] = logo.data;
  const favicon = decodeImage(branding.favicon);
  if (favicon) zip[`${IMAGES}favicon.${favicon.ext}`] = favicon.data;

  const data = zipSync(zip, { level: 6, mtime: FIXED_MTIME });
  log.info({ tenant: tenant.domain, entries: Object.keys(zip).length, bytes: data.length },
    'WSO2 tenant theme exported');
  return { fileName: `${tenant.domain}-wso2-theme.zip`, data };
}

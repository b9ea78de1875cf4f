// What a storefront page is made from: the tenant, its branding (with any draft laid over
// it), the APIs the audience may see and the tenant's tiers. Loaded once per render or
// build, so a site of many pages reads the workspace once.
import type {
  ApiSummary,
  Branding,
  BrandingPatch,
  Tenant,
  Tier,
} from '../../../src-shared/model.js';
import type { Db } from '../db/open.js';
import { listApis } from '../workspace/apis.js';
import { getBranding } from '../workspace/branding.js';
import { getTenant } from '../workspace/tenants.js';
import { listTiers } from '../workspace/tiers.js';
import { publishedEndpoints, type Endpoint } from './endpoints.js';
import type { LinkMode } from './links.js';
import { resolveBranding } from './theme.js';
import { ANONYMOUS, canSeeApi, type Audience } from './visibility.js';

export type StorefrontData = {
  tenant: Tenant;
  branding: Branding;
  audience: Audience;
  apis: ApiSummary[];
  tiers: Tier[];
  endpoints: Endpoint[];
};

// Image sources for the header, hero and favicon: data: URLs in the preview, files of the
// site in a static build.
export type ImageSources = { logo: string | null; favicon: string | null };

export type PageContext = {
  data: StorefrontData;
  mode: LinkMode;
  images: ImageSources;
};

export function loadStorefront(
  db: Db,
  domain: string,
  draft?: BrandingPatch,
  audience: Audience = ANONYMOUS,
): StorefrontData {
  const tenant = getTenant(db, domain);
  return {
    tenant,
    branding: resolveBranding(getBranding(db, tenant.id), draft),
    audience,
    apis: listApis(db, { tenantId: tenant.id }).filter((api) => canSeeApi(api, audience)),
    tiers: listTiers(db, tenant.id),
    endpoints: publishedEndpoints(db, tenant.id),
  };
}

const DATA_IMAGE = /^data:image\/(png|jpeg|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/;

// Only data: URLs of the image types Marquee stores ever reach a preview's <img>.
export function previewImages(branding: Branding): ImageSources {
  const ok = (url: string | null): string | null => (url && DATA_IMAGE.test(url) ? url : null);
  return { logo: ok(branding.logo), favicon: ok(branding.favicon) };
}

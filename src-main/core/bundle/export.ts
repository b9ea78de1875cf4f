// Packing tenants into a bundle. The output is deterministic: entries sorted, one fixed
// modification time, stable JSON. Two exports of the same tenants differ only in the
// manifest's createdAt, so a bundle can be diffed, checksummed and kept in version control.
import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import type { Db } from '../db/open.js';
import { logger } from '../log.js';
import { listApiDocs } from '../workspace/api-docs.js';
import { getDefinition, listApis } from '../workspace/apis.js';
import { getBranding } from '../workspace/branding.js';
import { listTiers } from '../workspace/tiers.js';
import { listMembers, listRoles } from '../tenancy/roles.js';
import { getTenant, normaliseDomain } from '../workspace/tenants.js';
import {
  assetPath,
  definitionPath,
  FORMAT,
  FORMAT_VERSION,
  MANIFEST,
  tenantFilePath,
  type Manifest,
  type TenantFile,
} from './format.js';
import { producer } from './producer.js';

const log = logger('bundle');

// DOS times in a zip are local wall-clock fields; a local date writes the same bytes in
// every time zone.
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
const json = (value: unknown): Uint8Array =>
  Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8');

type Entries = Map<string, Uint8Array>;

function addAsset(db: Db, domain: string, assetId: number | null, entries: Entries) {
  if (assetId === null) return null;
  const asset = db.prepare(`SELECT media_type, data FROM assets WHERE id = ?`).get(assetId) as
    | { media_type: string; data: Buffer }
    | undefined;
  if (!asset) return null;

  const file = assetPath(domain, sha256(asset.data), asset.media_type);
  entries.set(file, new Uint8Array(asset.data));
  return file;
}

function addTenant(db: Db, domain: string, entries: Entries): void {
  const tenant = getTenant(db, domain);

  const imageIds = db
    .prepare(`SELECT logo_asset_id AS logo, favicon_asset_id AS favicon FROM branding
      WHERE tenant_id = ?`)
    .get(tenant.id) as { logo: number | null; favicon: number | null };
  const { logo: _logo, favicon: _favicon, ...branding } = getBranding(db, tenant.id);

  const apis = listApis(db, { tenantId: tenant.id }).sort((a, b) => a.id.localeCompare(b.id));
  const file: TenantFile = {
    domain,
    name: tenant.name,
    description: tenant.description,
    branding: {
      ...branding,
      logo: addAsset(db, domain, imageIds.logo, entries),
      favicon: addAsset(db, domain, imageIds.favicon, entries),
    },
    tiers: listTiers(db, tenant.id),
    roles: listRoles(db, tenant.id).map((r) => ({ name: r.name, description: r.description })),
    members: listMembers(db, tenant.id).map((m) => ({ username: m.username, roles: m.roles })),
    apis: apis.map((api) => {
      const def = getDefinition(db, api.id);
      const defPath = definitionPath(domain, api.id, def.format);
      entries.set(defPath, Buffer.from(def.text, 'utf8'));
      return {
        id: api.id,
        name: api.name,
        version: api.version,
        context: api.context,
        description: api.description,
        backendProduction: api.backendProduction,
        backendSandbox: api.backendSandbox,
        lifecycle: api.lifecycle,
        visibility: api.visibility,
        tags: api.tags,
        tiers: api.tiers,
        visibleRoles: api.visibleRoles,
        subscriptionAvailability: api.subscriptionAvailability,
        availableTenants: api.availableTenants,
        openapiVersion: api.openapiVersion,
        definitionFormat: def.format,
        source: api.source,
        definition: defPath,
        documents: listApiDocs(db, api.id).map((d) => ({
          slug: d.slug,
          title: d.title,
          markdown: d.markdown,
        })),
      };
    }),
  };
  entries.set(tenantFilePath(domain), json(file));
}

// Applications, their keys and subscriptions are not carried in bundles yet. When they are,
// keys stay out unless the caller asks for them explicitly. Roles, members and who each API
// is shown and offered to are carried.
export function exportBundle(db: Db, domains: string[]): Uint8Array {
  const tenants = [...new Set(domains.map(normaliseDomain))].sort();

  const entries: Entries = new Map();
  for (const domain of tenants) addTenant(db, domain, entries);

  const paths = [...entries.keys()].sort();
  const files: Manifest['files'] = {};
  for (const p of paths) {
    const data = entries.get(p)!;
    files[p] = { sha256: sha256(data), size: data.length };
  }
  const manifest: Manifest = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    producer: producer(),
    tenants,
    files,
  };

  // Insertion order is entry order in the archive: the manifest first, then sorted paths.
  const zip: Zippable = { [MANIFEST]: json(manifest) };
  for (const p of paths) zip[p] = entries.get(p)!;
  const bytes = zipSync(zip, { level: 6, mtime: FIXED_MTIME });

  log.info({ tenants, entries: paths.length + 1, bytes: bytes.length }, 'bundle exported');
  return bytes;
}

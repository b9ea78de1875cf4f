// Checking what a verified archive says about its tenants, all of it, before anything is
// written: tenant.json against its schema, every image by its bytes, every definition by a
// full parse, every tier an API offers. The result is a plan the writer can apply without
// another question that could fail half-way.
import { createHash } from 'node:crypto';
import { badInput, MarqueeError } from '../errors.js';
import { parseDefinition, type ParsedDefinition } from '../openapi/parse.js';
import { acceptImage } from '../workspace/branding.js';
import { normaliseDomain } from '../workspace/tenants.js';
import {
  assetPath,
  definitionPath,
  describeIssues,
  LIMITS,
  MANIFEST,
  TenantFile,
  tenantFilePath,
  type BundleApi,
} from './format.js';
import type { Archive } from './read.js';

export type PlannedImage = { mediaType: string; data: Buffer };
export type PlannedApi = { api: BundleApi; text: string; parsed: ParsedDefinition };
export type PlannedTenant = {
  domain: string;
  file: TenantFile;
  logo: PlannedImage | null;
  favicon: PlannedImage | null;
  apis: PlannedApi[];
};

// Entries a tenant refers to; whatever is left over at the end is refused.
type Used = Set<string>;

function entry(archive: Archive, name: string, by: string, used: Used): Uint8Array {
  const data = archive.entries.get(name);
  if (!data) throw badInput(`${by} refers to ${JSON.stringify(name)}, which is not in the bundle`);
  used.add(name);
  return data;
}

function readTenantFile(archive: Archive, domain: string, used: Used): TenantFile {
  const name = tenantFilePath(domain);
  const raw = entry(archive, name, `${MANIFEST} (tenant ${domain})`, used);

  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch (err) {
    throw badInput(`${name}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = TenantFile.safeParse(value);
  if (!parsed.success) throw badInput(`${name}: ${describeIssues(parsed.error)}`);
  if (parsed.data.domain !== domain) {
    throw badInput(`${name}: domain is ${parsed.data.domain}, but the folder is ${domain}`);
  }
  return parsed.data;
}

function checkImage(
  archive: Archive,
  domain: string,
  slot: 'logo' | 'favicon',
  ref: string | null,
  used: Used,
): PlannedImage | null {
  if (ref === null) return null;
  const field = `${tenantFilePath(domain)}: branding.${slot}`;
  const data = Buffer.from(entry(archive, ref, field, used));

  if (data.length > LIMITS.imageBytes) throw badInput(`${ref}: images are limited to 5 MB`);
  const mediaType = acceptImage(data, ref);
  const sha = createHash('sha256').update(data).digest('hex');
  if (ref !== assetPath(domain, sha, mediaType)) {
    throw badInput(`${field}: ${ref} should be named ${assetPath(domain, sha, mediaType)}`);
  }
  return { mediaType, data };
}

function decodeText(name: string, data: Uint8Array): string {
  try {
    // ignoreBOM keeps a byte-order mark, so the text stays exactly as it was imported.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data);
  } catch {
    throw badInput(`${name}: not UTF-8 text`);
  }
}

async function checkApi(
  archive: Archive,
  domain: string,
  api: BundleApi,
  tierNames: Set<string>,
  used: Used,
): Promise<PlannedApi> {
  const field = `${tenantFilePath(domain)}: API ${api.id}`;
  const expected = definitionPath(domain, api.id, api.definitionFormat);
  if (api.definition !== expected) {
    throw badInput(`${field}: definition should be ${expected}, not ${api.definition}`);
  }
  const text = decodeText(expected, entry(archive, expected, field, used));

  const missing = api.tiers.find((t) => !tierNames.has(t));
  if (missing !== undefined) {
    throw badInput(`${field}: offers tier ${JSON.stringify(missing)}, which the tenant lacks`);
  }

  let parsed: ParsedDefinition;
  try {
    parsed = await parseDefinition(expected, text);
  } catch (err) {
    if (!(err instanceof MarqueeError)) throw err;
    throw badInput(`invalid definition in the bundle: ${err.message}`, err.details);
  }
  if (parsed.format !== api.definitionFormat) {
    throw badInput(
      `${field}: definitionFormat is ${api.definitionFormat}, the file is ${parsed.format}`,
    );
  }
  if (parsed.openapiVersion !== api.openapiVersion) {
    throw badInput(
      `${field}: openapiVersion is ${api.openapiVersion}, the file says ${parsed.openapiVersion}`,
    );
  }
  return { api, text, parsed };
}

async function checkTenant(
  archive: Archive,
  domain: string,
  apiIds: Set<string>,
  used: Used,
): Promise<PlannedTenant> {
  const file = readTenantFile(archive, domain, used);
  const name = tenantFilePath(domain);

  const tierNames = new Set<string>();
  for (const tier of file.tiers) {
    if (tierNames.has(tier.name)) throw badInput(`${name}: tier ${tier.name} appears twice`);
    tierNames.add(tier.name);
  }

  const contexts = new Set<string>();
  const apis: PlannedApi[] = [];
  for (const api of file.apis) {
    if (apiIds.has(api.id)) throw badInput(`${name}: API id ${api.id} appears twice`);
    apiIds.add(api.id);
    const key = `${api.context} ${api.version}`;
    if (contexts.has(key)) {
      throw badInput(`${name}: context ${api.context} version ${api.version} appears twice`);
    }
    contexts.add(key);
    apis.push(await checkApi(archive, domain, api, tierNames, used));
  }

  return {
    domain,
    file,
    logo: checkImage(archive, domain, 'logo', file.branding.logo, used),
    favicon: checkImage(archive, domain, 'favicon', file.branding.favicon, used),
    apis,
  };
}

function checkDomains(listed: string[]): string[] {
  const seen = new Set<string>();
  for (const domain of listed) {
    let normal: string;
    try {
      normal = normaliseDomain(domain);
    } catch {
      throw badInput(`${MANIFEST}: tenants: ${JSON.stringify(domain)} is not a valid domain`);
    }
    // The domain names a folder in the archive, so only its normal form is accepted.
    if (normal !== domain) {
      throw badInput(`${MANIFEST}: tenants: ${JSON.stringify(domain)} should be ${normal}`);
    }
    if (seen.has(domain)) throw badInput(`${MANIFEST}: tenants: ${domain} appears twice`);
    seen.add(domain);
  }
  return listed;
}

export async function checkBundle(archive: Archive): Promise<PlannedTenant[]> {
  const used: Used = new Set();
  const apiIds = new Set<string>();

  const planned: PlannedTenant[] = [];
  for (const domain of checkDomains(archive.manifest.tenants)) {
    planned.push(await checkTenant(archive, domain, apiIds, used));
  }

  for (const name of archive.entries.keys()) {
    if (name !== MANIFEST && !used.has(name)) {
      throw badInput(`bundle entry ${JSON.stringify(name)} is not part of any listed tenant`);
    }
  }
  return planned;
}

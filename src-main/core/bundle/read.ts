// Opening a bundle someone handed us, which may be hostile. Everything here happens in memory
// and before any of it reaches the workspace: sizes are checked on what the archive declares
// before a byte is inflated (zip bombs), entry names are checked before they are used as keys
// (path traversal), and every entry must be listed in the manifest with a matching checksum.
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { screenEntries, unsafeEntryName } from '../archive/screen.js';
import { badInput, MarqueeError } from '../errors.js';
import { describeIssues, FORMAT, FORMAT_VERSION, LIMITS, Manifest, MANIFEST } from './format.js';

export type Archive = { manifest: Manifest; entries: Map<string, Uint8Array> };


// Why an entry name may not be used, or null when it is safe.
export function unsafeName(name: string): string | null {
  const problem = unsafeEntryName(name, { maxLength: 500, folders: false });
  if (problem) return problem;
  // Besides the manifest, a bundle holds only tenant folders; this also keeps names such as
  // __proto__ away from the plain object the unzipper collects entries in.
  if (name !== MANIFEST && !name.startsWith('tenants/')) return 'is outside the tenants/ folder';
  return null;
}

const screen = () =>
  screenEntries({
    archive: 'bundle',
    entry: 'bundle entry',
    limitWord: 'entries',
    limits: LIMITS,
    accept: (file, shown) => {
      const problem = unsafeName(file.name);
      if (problem) throw badInput(`bundle entry ${shown} ${problem}`);
      return true;
    },
  });

function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  let files: Record<string, Uint8Array>;
  try {
    // fflate inflates each entry into a buffer of its declared size and no larger, so an
    // entry that lies about its size comes out truncated and fails its checksum below.
    files = unzipSync(bytes, { filter: screen() });
  } catch (err) {
    if (err instanceof MarqueeError) throw err;
    const message = (err as Error).message;
    if (/invalid zip data/i.test(message)) {
      throw badInput('the file is not a Marquee bundle: it is not a zip archive');
    }
    throw badInput(`the bundle's zip data is damaged: ${message}`);
  }
  return new Map(Object.entries(files));
}

function readManifest(entries: Map<string, Uint8Array>): Manifest {
  const raw = entries.get(MANIFEST);
  if (!raw) throw badInput(`the bundle has no ${MANIFEST}: it is not a Marquee bundle`);

  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch (err) {
    throw badInput(`${MANIFEST}: not valid JSON (${(err as Error).message})`);
  }

  // Format and version first: a newer bundle may look different in every other field, and
  // the person needs to hear that it is newer, not a list of schema complaints.
  const head = (value ?? {}) as { format?: unknown; formatVersion?: unknown };
  if (head.format !== FORMAT) {
    throw badInput(`${MANIFEST}: format is ${JSON.stringify(head.format)}, not "${FORMAT}"`);
  }
  if (typeof head.formatVersion === 'number' && head.formatVersion > FORMAT_VERSION) {
    throw badInput(
      `${MANIFEST}: formatVersion ${head.formatVersion} was written by a newer Marquee; ` +
        `this one reads formatVersion ${FORMAT_VERSION}. Update Marquee to import it.`,
    );
  }
  if (head.formatVersion !== FORMAT_VERSION) {
    throw badInput(
      `${MANIFEST}: formatVersion ${JSON.stringify(head.formatVersion)} is not known ` +
        `(expected ${FORMAT_VERSION})`,
    );
  }

  const parsed = Manifest.safeParse(value);
  if (!parsed.success) throw badInput(`${MANIFEST}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

function verifyListing(manifest: Manifest, entries: Map<string, Uint8Array>): void {
  for (const [name, declared] of Object.entries(manifest.files)) {
    const shown = JSON.stringify(name);
    const problem = unsafeName(name);
    if (problem || name === MANIFEST) {
      throw badInput(`${MANIFEST}: files lists ${shown}, which ${problem ?? 'is the manifest'}`);
    }
    const data = entries.get(name);
    if (!data) throw badInput(`bundle entry ${shown} is listed in ${MANIFEST} but missing`);
    if (data.length !== declared.size) {
      throw badInput(
        `bundle entry ${shown} is ${data.length} bytes, but ${MANIFEST} says ${declared.size}`,
      );
    }
    const actual = createHash('sha256').update(data).digest('hex');
    if (actual !== declared.sha256) {
      throw badInput(`bundle entry ${shown} does not match its SHA-256 in ${MANIFEST}`);
    }
  }

  for (const name of entries.keys()) {
    if (name !== MANIFEST && !Object.hasOwn(manifest.files, name)) {
      throw badInput(`bundle entry ${JSON.stringify(name)} is not listed in ${MANIFEST}`);
    }
  }
}

export function readArchive(bytes: Uint8Array): Archive {
  const entries = unzip(bytes);
  const manifest = readManifest(entries);
  verifyListing(manifest, entries);
  return { manifest, entries };
}

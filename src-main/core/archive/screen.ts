// Screening the entries of a zip someone handed us (a bundle, a theme) before a byte is
// inflated: names that could escape a folder or smuggle characters, entries listed twice,
// and sizes as the archive declares them, so a zip bomb is refused rather than unpacked.
import type { UnzipFileInfo } from 'fflate';
import { badInput } from '../errors.js';

export type ArchiveLimits = { entries: number; entryBytes: number; totalBytes: number };

const MB = 1024 * 1024;

// Why an entry name may not be used, or null when it is safe. Folders ("images/") are
// allowed only where the caller says so.
export function unsafeEntryName(
  name: string,
  opts: { maxLength: number; folders: boolean },
): string | null {
  if (name.length === 0 || name.length > opts.maxLength) return 'has an empty or overlong name';
  if (name.includes('\0')) return 'has a NUL character in its name';
  if (/[\u0001-\u001f\u007f]/.test(name)) return 'has a control character in its name';
  if (name.includes('\\')) return 'has a backslash in its name';
  if (name.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter';
  const segments = (opts.folders ? name.replace(/\/$/, '') : name).split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) {
    return 'has an empty, "." or ".." path segment';
  }
  return null;
}

export type ScreenOptions = {
  // How messages name the archive and its entries: "bundle" / "bundle entry".
  archive: string;
  entry: string;
  // "entries are limited to…" or "files are limited to…".
  limitWord: string;
  limits: ArchiveLimits;
  // Throws for an entry with no place in this kind of archive; false skips it unread.
  accept(file: UnzipFileInfo, shown: string): boolean;
};

export function screenEntries(o: ScreenOptions): (file: UnzipFileInfo) => boolean {
  const seen = new Set<string>();
  let total = 0;

  return (file) => {
    const shown = JSON.stringify(file.name);
    const read = o.accept(file, shown);
    if (seen.has(file.name)) throw badInput(`${o.entry} ${shown} appears twice`);
    seen.add(file.name);
    if (seen.size > o.limits.entries) {
      throw badInput(`the ${o.archive} has more than ${o.limits.entries} entries`);
    }

    // Both the declared inflated size and the stored size count: a stored entry may declare
    // a small size and carry a large one.
    const size = Math.max(file.originalSize, file.size);
    if (size > o.limits.entryBytes) {
      throw badInput(
        `${o.entry} ${shown} is ${(size / MB).toFixed(1)} MB; ` +
          `${o.limitWord} are limited to ${o.limits.entryBytes / MB} MB`,
      );
    }
    total += size;
    if (total > o.limits.totalBytes) {
      throw badInput(`the ${o.archive} unpacks to more than ${o.limits.totalBytes / MB} MB`);
    }
    return read;
  };
}

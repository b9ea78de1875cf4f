// The layout of a WSO2 API Manager tenant theme zip, as the Admin Portal's "Tenant Theme"
// upload takes it: apim/ holds the Developer Portal's defaultTheme.json, css/custom.css and
// images/; login/ and analytics/ theme other WSO2 apps and are carried but not read here.
// This module only decides which entry names are acceptable and how large they may be.
import { unsafeEntryName } from '../../archive/screen.js';

export const THEME_JSON = 'apim/defaultTheme.json';
export const CUSTOM_CSS = 'apim/css/custom.css';
export const IMAGES = 'apim/images/';

// WSO2's own sample theme has these folders besides apim/.
export const OTHER_WSO2_FOLDERS = ['login', 'analytics'] as const;

// Archivers on macOS add these; they carry nothing of the theme.
const ARCHIVER_JUNK = /(^__MACOSX\/|(^|\/)\.DS_Store$)/;

const MB = 1024 * 1024;

export const LIMITS = {
  zipBytes: 20 * MB,
  entries: 200,
  entryBytes: 5 * MB,
  totalBytes: 25 * MB,
  jsonBytes: 1 * MB,
  cssChars: 100_000,
} as const;

export type EntryKind = 'theme-json' | 'custom-css' | 'image' | 'other-app' | 'junk' | 'folder';

// Why a name may not be used as a path, or null when it is safe.
export function unsafeName(name: string): string | null {
  return unsafeEntryName(name, { maxLength: 300, folders: true });
}

// What an entry is in the theme's layout, or why it has no place in it.
export function classify(name: string): { kind: EntryKind } | { problem: string } {
  if (ARCHIVER_JUNK.test(name)) return { kind: 'junk' };

  const top = name.split('/')[0];
  if (top !== 'apim' && !(OTHER_WSO2_FOLDERS as readonly string[]).includes(top)) {
    return {
      problem:
        `is outside the folders of a WSO2 tenant theme; the zip may hold only apim/, ` +
        `login/ and analytics/ at its top`,
    };
  }
  if (name.endsWith('/')) return { kind: 'folder' };
  if (top !== 'apim') return { kind: 'other-app' };

  if (name === THEME_JSON) return { kind: 'theme-json' };
  if (name === CUSTOM_CSS) return { kind: 'custom-css' };
  if (name.startsWith(IMAGES) && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name.slice(IMAGES.length))) {
    return { kind: 'image' };
  }
  return {
    problem:
      'is not part of a Developer Portal theme; apim/ may hold defaultTheme.json, ' +
      'css/custom.css and images/NAME only',
  };
}

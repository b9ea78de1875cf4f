// What every end-to-end file needs: where the built renderer and the screenshots live, and
// one rule for when the app cannot be driven. Outside CI a missing build or browser skips the
// file with the reason; in CI it must fail instead, so a broken setup never passes as green.
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'vitest';
import { chromiumAvailable } from './browser.js';

export const ROOT = path.resolve(__dirname, '..', '..');
export const RENDERER = path.join(ROOT, 'out', 'renderer');
export const SCREENS = path.join(ROOT, 'test-results', 'screens');

const ready = fs.existsSync(path.join(RENDERER, 'index.html')) && chromiumAvailable();
const skip = !ready && !process.env.CI;

export function describeApp(title: string, body: () => void): void {
  if (skip) {
    describe(title, () => {
      test.skip('out/renderer or /usr/bin/chromium is missing: run `npm test`', () => {});
    });
    return;
  }
  describe(title, body);
}

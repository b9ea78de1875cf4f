// Which Marquee wrote a bundle, for the manifest. The version is read from the app's own
// package.json, found by walking up from this module: the source tree, the tsc output and
// the Electron build each sit at a different depth below it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

function findVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'marquee' && pkg.version) return pkg.version;
    } catch {
      // No package.json at this level: keep walking up.
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return 'unknown';
}

export function producer(): string {
  cached ??= `marquee ${findVersion()}`;
  return cached;
}

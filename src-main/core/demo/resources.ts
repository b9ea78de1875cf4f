// Finding the demo's files at run time. The same module runs from the source tree (vitest),
// from dist-node/ (CLI) and from the Electron bundle, each at a different depth, so it walks
// up to the folder that holds resources/demo/sources.json instead of counting '../'.
// A packaged Electron app keeps resources elsewhere and says where in MARQUEE_RESOURCES.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MarqueeError } from '../errors.js';

const MARKER = 'sources.json';

function isDemoFolder(dir: string): boolean {
  return fs.existsSync(path.join(dir, MARKER));
}

// MARQUEE_RESOURCES may name the resources folder (holding demo/) or the demo folder itself.
function fromEnvironment(value: string): string {
  const candidates = [path.join(value, 'demo'), value].map((p) => path.resolve(p));
  const found = candidates.find(isDemoFolder);
  if (!found) {
    throw new MarqueeError(
      'internal',
      `MARQUEE_RESOURCES is ${value}, but neither it nor its demo/ folder holds ${MARKER}`,
    );
  }
  return found;
}

export function demoResourcesDir(
  env: NodeJS.ProcessEnv = process.env,
  start: string = path.dirname(fileURLToPath(import.meta.url)),
): string {
  if (env.MARQUEE_RESOURCES) return fromEnvironment(env.MARQUEE_RESOURCES);

  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, 'resources', 'demo');
    if (isDemoFolder(candidate)) return candidate;

    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new MarqueeError(
    'internal',
    `cannot find resources/demo/${MARKER} above ${start}; set MARQUEE_RESOURCES to the ` +
      'resources folder',
  );
}

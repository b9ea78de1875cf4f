// The architecture as a test: the core never reaches for Electron, the renderer never for
// Node or the core, and shared code stays portable.
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');

function sources(dir: string): string[] {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)];
  const dynamic = [...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return [...found, ...dynamic].map((m) => m[1]);
}

const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe('process boundaries', () => {
  it('the core, the shell server and the CLI never import electron', () => {
    const offenders = ['src-main/core', 'src-main/shell', 'src-main/cli']
      .flatMap(sources)
      .filter((f) => imports(f).some((i) => i === 'electron' || i.startsWith('electron/')));
    expect(offenders).toEqual([]);
  });

  it('the renderer imports neither Node built-ins nor main-process code', () => {
    const files = sources('src-renderer/src');
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.filter((f) =>
      imports(f).some((i) => NODE.has(i) || i.includes('src-main')),
    );
    expect(offenders).toEqual([]);
  });

  it('shared code imports nothing but zod and itself', () => {
    const offenders = sources('src-shared').filter((f) =>
      imports(f).some((i) => i !== 'zod' && !i.startsWith('./')),
    );
    expect(offenders).toEqual([]);
  });
});

// The built CLI over the demo workspace: adding, listing and removing an API's documents,
// with the storefront build writing them, and bad usage refused with the field named.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/workspace.js';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'marquee.js');

let dir: string;
let ws: string;

function marquee(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--workspace', ws, ...args], {
    encoding: 'utf8',
    env: { ...process.env, MARQUEE_WORKSPACE: '' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json<T = any>(args: string[]): T {
  const r = marquee(['--json', ...args]);
  expect(r.code, r.stderr + r.stdout).toBe(0);
  return JSON.parse(r.stdout) as T;
}

function writeFile(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist-node', 'src-main', 'cli', 'index.js'))) {
    throw new Error('the CLI is not built: run `npx tsc -p tsconfig.node.json`');
  }
  dir = tempDir('marquee-cli-docs-');
  ws = path.join(dir, 'ws.sqlite');
  expect(marquee(['demo']).code).toBe(0);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('marquee api doc', () => {
  it('lists the documents the demo ships with', () => {
    const docs = json(['api', 'doc', 'list', 'Address Geocoder']);
    expect(docs.map((d: { slug: string }) => d.slug)).toEqual(['getting-started', 'rate-limits']);

    const human = marquee(['api', 'doc', 'list', 'Address Geocoder']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/SLUG\s+TITLE/);
    expect(human.stdout).toContain('Getting started');
  });

  it('adds a document from a Markdown file, replaces it and removes it', () => {
    const file = writeFile('quota.md', '# Quotas\n\nEach plan has a monthly quota.\n');
    const added = marquee([
      'api', 'doc', 'add', '/iban', '--tenant', 'globex.io',
      '--slug', 'quotas', '--title', 'Quotas', '--file', file,
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('document quotas saved (Quotas)');

    const again = json([
      'api', 'doc', 'add', 'IBAN Validation', '--slug', 'quotas',
      '--title', 'Quotas and limits', '--file', writeFile('q2.md', 'Shorter.'),
    ]);
    expect(again).toMatchObject({
      slug: 'quotas',
      title: 'Quotas and limits',
      markdown: 'Shorter.',
    });
    expect(json(['api', 'doc', 'list', 'IBAN Validation'])).toHaveLength(1);

    const removed = marquee(['api', 'doc', 'remove', 'IBAN Validation', '--slug', 'quotas']);
    expect(removed.code).toBe(0);
    expect(json(['api', 'doc', 'list', 'IBAN Validation'])).toEqual([]);

    const gone = marquee(['api', 'doc', 'remove', 'IBAN Validation', '--slug', 'quotas']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('has no document quotas');
  });

  it('refuses a bad slug, a missing file and a missing option', () => {
    const file = writeFile('ok.md', 'text');
    const bad = marquee([
      'api', 'doc', 'add', 'Address Geocoder', '--slug', 'Read Me', '--title', 'x', '--file', file,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('slug: slug must be lower-case');

    const missing = marquee([
      'api', 'doc', 'add', 'Address Geocoder', '--slug', 'x', '--title', 'x',
      '--file', path.join(dir, 'nope.md'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.md');

    const usage = marquee(['api', 'doc', 'add', 'Address Geocoder', '--slug', 'x']);
    expect(usage.code).toBe(2);
    expect(json(['api', 'doc', 'list', 'Address Geocoder'])).toHaveLength(2);
  });

  it('builds a storefront with the plans page and each document page', () => {
    const out = path.join(dir, 'site');
    expect(marquee(['storefront', 'build', 'acme.com', '-o', out]).code).toBe(0);

    const [geocoder] = json(['api', 'list', '--tenant', 'acme.com', '--search', 'geocoder']);
    expect(fs.existsSync(path.join(out, 'plans.html'))).toBe(true);
    const doc = path.join(out, 'api', geocoder.id, 'getting-started.html');
    expect(fs.readFileSync(doc, 'utf8')).toContain('Turn a free-form address into coordinates');
  });
});

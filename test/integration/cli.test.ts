// The CLI as a script would use it: exit codes, --json, the workspace flag and variable.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/workspace.js';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'marquee.js');
const XKCD = path.join(ROOT, 'test', 'fixtures', 'cli', 'xkcd-3.0.yaml');

let dir: string;
let ws: string;

function marquee(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, MARQUEE_WORKSPACE: '', ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist-node', 'src-main', 'cli', 'index.js'))) {
    throw new Error('the CLI is not built: run `npm run build` (npm test does it)');
  }
  dir = tempDir('marquee-cli-');
  ws = path.join(dir, 'ws.sqlite');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('marquee CLI', () => {
  it('names every command of the contract in its help', () => {
    const r = marquee(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['demo', 'tenant', 'api', 'gateway', 'plan', 'publish', 'storefront',
      'export', 'import', 'serve']) {
      expect(r.stdout).toMatch(new RegExp(`\\b${c}\\b`));
    }
  });

  it('exits 2 on bad usage', () => {
    expect(marquee(['--workspace', ws, 'tenant', 'add', 'acme.com']).code).toBe(2);
    expect(marquee(['--workspace', ws, 'frobnicate']).code).toBe(2);
  });

  it('adds a tenant, prints its id, and shows it in --json', () => {
    const add = marquee(['--workspace', ws, 'tenant', 'add', 'acme.com', '--name', 'Acme']);
    expect(add.code).toBe(0);
    expect(add.stdout.trim()).toBe('acme.com');

    const list = marquee(['--workspace', ws, '--json', 'tenant', 'list']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject([{ domain: 'acme.com', name: 'Acme' }]);
  });

  it('exits 1 with a clear message on a failure', () => {
    const dup = marquee(['--workspace', ws, 'tenant', 'add', 'acme.com', '--name', 'Again']);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('acme.com already exists');

    const json = marquee(['--workspace', ws, '--json', 'tenant', 'show', 'nope.org']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'not_found' } });
  });

  it('imports a definition and takes its id in later commands', () => {
    const imp = marquee(['--workspace', ws, '--json', 'api', 'import', XKCD,
      '--tenant', 'acme.com', '--context', '/comics', '--backend', 'http://127.0.0.1:9/v1']);
    expect(imp.code, imp.stderr).toBe(0);
    const api = JSON.parse(imp.stdout);
    expect(api).toMatchObject({ context: '/comics', backendProduction: 'http://127.0.0.1:9/v1' });
    expect(api.operations.length).toBeGreaterThan(0);

    const show = marquee(['--workspace', ws, '--json', 'api', 'show', api.id]);
    expect(JSON.parse(show.stdout).id).toBe(api.id);

    const list = marquee(['--workspace', ws, 'api', 'list', '--tenant', 'acme.com']);
    expect(list.stdout).toContain(api.id);
  });

  it('refuses a broken definition naming the file and stores nothing', () => {
    const broken = path.join(dir, 'broken.yaml');
    fs.writeFileSync(broken, 'openapi: 3.0.3\ninfo:\n  title: x\n  version: 1\npaths: [\n');
    const r = marquee(['--workspace', ws, 'api', 'import', broken, '--tenant', 'acme.com']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml(:\d+)?:/);
    const list = marquee(['--workspace', ws, '--json', 'api', 'list']);
    expect(JSON.parse(list.stdout).length).toBe(1);
  });

  it('takes an API by its context, reads UTF-16 files, and names an empty one', () => {
    const show = marquee(['--workspace', ws, '--json', 'api', 'show', '/comics']);
    expect(show.code, show.stderr).toBe(0);
    expect(JSON.parse(show.stdout).context).toBe('/comics');
    expect(marquee(['--workspace', ws, 'api', 'show', '/nothing-here']).code).toBe(1);

    const utf16 = path.join(dir, 'utf16.yaml');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]),
      Buffer.from(fs.readFileSync(XKCD, 'utf8'), 'utf16le')]));
    const imp = marquee(['--workspace', ws, 'api', 'import', utf16, '--tenant', 'acme.com',
      '--context', '/comics16']);
    expect(imp.code, imp.stderr).toBe(0);

    const empty = path.join(dir, 'empty.json');
    fs.writeFileSync(empty, '  \n');
    const r = marquee(['--workspace', ws, 'api', 'import', empty, '--tenant', 'acme.com']);
    expect(r.stderr).toContain('empty.json is empty');
  });

  it('never overwrites a bundle file or guesses a mistyped workspace folder', () => {
    const out = path.join(dir, 'acme.zip');
    expect(marquee(['--workspace', ws, 'export', 'acme.com', '-o', out]).code).toBe(0);
    const again = marquee(['--workspace', ws, 'export', 'acme.com', '-o', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(marquee(['--workspace', ws, 'export', 'acme.com', '-o', out, '--force']).code)
      .toBe(0);

    const typo = path.join(dir, 'no-such-folder', 'ws.sqlite');
    const r = marquee(['--workspace', typo, 'tenant', 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('does not exist');
    expect(fs.existsSync(path.dirname(typo))).toBe(false);
  });

  it('asks for --yes before publishing to a production gateway without a terminal', () => {
    // Nothing listens on port 9: a publish that went ahead would fail differently.
    expect(marquee(['--workspace', ws, 'gateway', 'add', 'edge-prod', '--kind', 'caddy',
      '--admin-url', 'http://127.0.0.1:9', '--environment', 'prod']).code).toBe(0);
    const r = marquee(['--workspace', ws, 'publish', '--gateway', 'edge-prod']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('edge-prod is a production gateway: add --yes');
  });

  it('takes the workspace from MARQUEE_WORKSPACE', () => {
    const r = marquee(['--json', 'tenant', 'list'], { MARQUEE_WORKSPACE: ws });
    expect(JSON.parse(r.stdout).map((t: { domain: string }) => t.domain)).toEqual(['acme.com']);
  });
});

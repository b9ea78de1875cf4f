// `marquee undo` from the built CLI: takes back the last change with a message a person can
// read, one change further per call, and refuses a key rotation with exit code 1.
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

function ok(args: string[]) {
  const r = marquee(args);
  expect(r.code, r.stderr + r.stdout).toBe(0);
  return r;
}

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist-node', 'src-main', 'cli', 'commands', 'undo.js'))) {
    throw new Error('the CLI is not built: run `npx tsc -p tsconfig.node.json`');
  }
  dir = tempDir('marquee-cli-undo-');
  ws = path.join(dir, 'ws.sqlite');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('marquee undo', () => {
  it('takes back the last changes one by one, in words and in JSON', () => {
    ok(['tenant', 'add', 'acme.com', '--name', 'Acme']);
    ok(['role', 'add', 'partner', '--tenant', 'acme.com']);
    ok(['role', 'add', 'auditor', '--tenant', 'acme.com']);

    expect(ok(['undo', '--dry-run']).stdout.trim()).toBe('would undo: added role auditor');
    expect(ok(['undo']).stdout.trim()).toBe('Undid: added role auditor');

    const second = JSON.parse(ok(['--json', 'undo']).stdout);
    expect(second).toMatchObject({
      message: 'Undid: added role partner',
      undone: { action: 'create', entity: 'role', key: 'partner', tenant: 'acme.com' },
    });
    const roles = JSON.parse(ok(['--json', 'role', 'list', '--tenant', 'acme.com']).stdout);
    expect(roles).toEqual([]);
    expect(ok(['activity', '--tenant', 'acme.com']).stdout).toContain('undid: added role partner');
  });

  it('refuses a key rotation with exit code 1, in words and in JSON', () => {
    ok(['app', 'add', 'Shop', '--tenant', 'acme.com']);
    ok(['app', 'rotate-key', 'Shop']);

    const refused = marquee(['undo']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /cannot undo the last change, "rotated the key of application Shop"/,
    );

    const asJson = marquee(['--json', 'undo']);
    expect(asJson.code).toBe(1);
    expect(JSON.parse(asJson.stdout).error).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('kept in clear nowhere'),
    });
  });
});

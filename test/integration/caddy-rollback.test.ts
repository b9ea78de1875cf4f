// Rollback and drift on a real Caddy 2.6: a revision put back is exactly what was published
// then, requests route as they did then, and a hand edit of Marquee's routes is drift.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { canonical } from '../../src-main/core/publish/canonical.js';
import { startBackend, type EchoReply, type RunningBackend } from '../support/backend.js';
import { startCaddy, type RunningCaddy } from '../support/caddy.js';
import { FIXTURES, tempCore } from '../support/workspace.js';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'marquee.js');
const APOD = fs.readFileSync(path.join(FIXTURES, 'publish', 'nasa-apod.json'), 'utf8');
const once = { Connection: 'close' };

let caddy: RunningCaddy;
let backendA: RunningBackend;
let backendB: RunningBackend;
const t = tempCore();

beforeAll(async () => {
  [caddy, backendA, backendB] = await Promise.all([
    startCaddy(),
    startBackend('A'),
    startBackend('B'),
  ]);
});

afterAll(async () => {
  t.cleanup();
  await Promise.all([caddy?.stop(), backendA?.stop(), backendB?.stop()]);
});

async function owned(): Promise<unknown> {
  const res = await fetch(`${caddy.adminUrl}/id/marquee-roll`, {
    headers: once,
    signal: AbortSignal.timeout(5_000),
  });
  expect(res.status).toBe(200);
  return res.json();
}

async function get(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { headers: once, signal: AbortSignal.timeout(5_000) });
  return { status: res.status, text: await res.text() };
}

async function backendOf(url: string): Promise<string> {
  const res = await get(url);
  expect(res.status, res.text).toBe(200);
  return (JSON.parse(res.text) as EchoReply).backend;
}

function marquee(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--workspace', t.file, ...args], {
    encoding: 'utf8',
    env: { ...process.env, MARQUEE_WORKSPACE: '' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

it('rolls back to revision 1 exactly, routes as then, and sees hand edits as drift', async () => {
  const { core } = t;
  await core.invoke('tenant.create', { domain: 'roll.example', name: 'Roll' });
  const first = await core.invoke('api.import', {
    tenant: 'roll.example',
    fileName: 'nasa-apod.json',
    content: APOD,
    backend: backendA.url,
  });
  await core.invoke('api.update', { id: first.id, patch: { lifecycle: 'published' } });
  await core.invoke('gateway.add', {
    name: 'roll',
    kind: 'caddy',
    adminUrl: caddy.adminUrl,
    listen: caddy.listen,
    tenants: ['roll.example'],
  });
  const firstUrl = `http://${caddy.listen}/t/roll.example${first.context}/${first.version}/x`;
  const secondUrl = `http://${caddy.listen}/t/roll.example/second/${first.version}/x`;

  // Revision 1: one API on backend A.
  await core.invoke('publish.apply', { gateway: 'roll' });
  const atRevision1 = await owned();
  expect(await backendOf(firstUrl)).toBe('A');

  // Revision 2: the API moves to B and a second API appears.
  await core.invoke('api.update', { id: first.id, patch: { backendProduction: backendB.url } });
  const second = await core.invoke('api.import', {
    tenant: 'roll.example',
    fileName: 'nasa-apod.json',
    content: APOD,
    context: '/second',
    backend: backendB.url,
  });
  await core.invoke('api.update', { id: second.id, patch: { lifecycle: 'published' } });
  await core.invoke('publish.apply', { gateway: 'roll' });

  // Revision 3: the first API is blocked.
  await core.invoke('api.update', { id: first.id, patch: { lifecycle: 'blocked' } });
  await core.invoke('publish.apply', { gateway: 'roll' });
  expect((await get(firstUrl)).status).toBe(503);
  expect(await backendOf(secondUrl)).toBe('B');

  const result = await core.invoke('revision.rollback', { gateway: 'roll', number: 1 });
  expect(result.revision).toMatchObject({
    number: 4,
    summary: 'rollback to #1: 0 created, 1 updated, 1 deleted',
  });
  expect(result.applied.map((c) => [c.action, c.api])).toEqual([
    ['update', first.id],
    ['delete', second.id],
  ]);

  expect(canonical(await owned())).toBe(canonical(atRevision1));
  expect(await backendOf(firstUrl)).toBe('A');
  // No route matches any more: Caddy answers an unmatched request with an empty 200.
  expect(await get(secondUrl)).toEqual({ status: 200, text: '' });

  // The gateway holds what revision 4 recorded, while the workspace still wants revision 3:
  // drift says nothing moved, the plan says what a publish would bring back.
  expect(await core.invoke('publish.drift', { gateway: 'roll' })).toMatchObject({
    revision: 4,
    drifted: false,
    changes: [],
  });
  expect((await core.invoke('publish.plan', { gateway: 'roll' })).changes).toHaveLength(2);

  // Someone points Marquee's route at backend B by hand, through Caddy's admin API.
  const routeId = `marquee-roll-${first.id}`;
  const edit = await fetch(`${caddy.adminUrl}/id/${routeId}/handle/1/upstreams/0/dial`, {
    method: 'PATCH',
    headers: { ...once, 'Content-Type': 'application/json' },
    body: JSON.stringify(`127.0.0.1:${backendB.port}`),
  });
  expect(edit.status, await edit.text()).toBe(200);

  const drift = await core.invoke('publish.drift', { gateway: 'roll' });
  expect(drift).toMatchObject({ revision: 4, drifted: true });
  expect(drift.changes).toEqual([
    expect.objectContaining({
      action: 'update',
      key: routeId,
      api: first.id,
      fields: [
        {
          field: 'backend',
          before: `http://127.0.0.1:${backendB.port}`,
          after: `http://127.0.0.1:${backendA.port}`,
        },
      ],
    }),
  ]);
  expect(drift.message).toBe('roll has drifted from revision #4: 1 entity differs');

  // Rolling back to the revision that is there repairs the hand edit too.
  const repaired = await core.invoke('revision.rollback', { gateway: 'roll', number: 4 });
  expect(repaired.revision?.summary).toBe('rollback to #4: 0 created, 1 updated, 0 deleted');
  expect(canonical(await owned())).toBe(canonical(atRevision1));
  expect((await core.invoke('publish.drift', { gateway: 'roll' })).drifted).toBe(false);
});

it('refuses a revision that does not exist, naming the ones that do', async () => {
  await expect(
    t.core.invoke('revision.rollback', { gateway: 'roll', number: 99 }),
  ).rejects.toMatchObject({
    code: 'not_found',
    message: 'gateway roll has no revision #99 (it has #1 to #5)',
  });
});

it('rolls back and checks drift from the CLI', () => {
  if (!fs.existsSync(path.join(ROOT, 'dist-node', 'src-main', 'cli', 'index.js'))) {
    throw new Error('the CLI is not built: run `npm run build` (npm test does it)');
  }
  expect(marquee(['rollback', '--gateway', 'roll']).code).toBe(2);

  const back = marquee(['--json', 'rollback', '--gateway', 'roll', '--to', '3']);
  expect(back.code, back.stderr).toBe(0);
  expect(JSON.parse(back.stdout).revision).toMatchObject({ number: 6 });

  const drift = marquee(['drift', '--gateway', 'roll']);
  expect(drift.code, drift.stderr).toBe(0);
  expect(drift.stdout.trim()).toBe('roll holds exactly what revision #6 published');
});

// Publishing 10,000 entities to the Kong fake (the one the tests use, speaking Kong's Admin
// API) at concurrency 1, 10 and 32, against the fake's own request rate: the same number of
// PUTs sent straight to it at concurrency 32, without Marquee.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { loadCore, oneTenantWorkspace, tempDir } from '../core.mjs';
import { measure, row } from '../lib.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const APIS = 5000; // a service and a route each: 10,000 entities

// The fake is TypeScript under test/support; bundle it once for plain Node.
async function loadFake() {
  const out = path.join(ROOT, '.bench-cache', 'kong-fake.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'test', 'support', 'kong-fake.ts')],
    bundle: true, platform: 'node', format: 'esm', outfile: out, packages: 'external',
    logLevel: 'silent',
  });
  return import(out);
}

async function rawPuts(url, n, concurrency) {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      const r = await fetch(`${url}/services/raw-${i}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `raw-${i}`, url: 'http://127.0.0.1:9/', tags: ['raw'] }),
      });
      await r.text();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export async function run({ runs }) {
  const { createCore } = await loadCore();
  const { startKongFake } = await loadFake();
  const dir = tempDir('kong');
  const file = path.join(dir, 'kong.sqlite');
  // Prototyped APIs offering Unlimited get a service and a route, no plugin or key.
  await oneTenantWorkspace(file, { domain: 'kong.example', name: 'Kong bench', count: APIS,
    api: () => ({ backend: 'http://127.0.0.1:9', lifecycle: 'prototyped',
      tiers: ['Unlimited'] }) });
  const core = createCore(file);
  const rows = [];
  const n = Math.max(2, Math.min(runs, 3));

  try {
    const baseline = await measure(async () => {
      const fake = await startKongFake();
      await rawPuts(fake.url, 2 * APIS, 32);
      await fake.stop();
    }, { runs: n, warmup: 0 });

    for (const concurrency of [1, 10, 32]) {
      let entities = 0;
      let i = 0;
      const result = await measure(async () => {
        const fake = await startKongFake();
        const name = `k${concurrency}-${i++}`;
        await core.invoke('gateway.add', { name, kind: 'kong', adminUrl: fake.url,
          tenants: ['kong.example'], concurrency });
        const r = await core.invoke('publish.apply', { gateway: name });
        entities = r.applied.length;
        await fake.stop();
      }, { runs: n, warmup: 0 });
      rows.push(row(`publish to the Kong fake, concurrency ${concurrency}`,
        `${entities} entities from empty`, result,
        { ...baseline, label: 'the same number of raw PUTs to the fake, concurrency 32' },
        '(reported)'));
    }
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export const needsBigWorkspace = false;

// A workspace at realistic scale: 50 tenants × 200 APIs with real definitions. Built once
// per bench run (the build time is reported, not targeted), then opened, searched and held.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { extract, listCorpus } from '../corpus.mjs';
import { loadCore, tempDir } from '../core.mjs';
import { measure, ms, row, summarise } from '../lib.mjs';

export const TENANTS = 50;
export const PER_TENANT = 200;

async function pool(parseDefinition, size) {
  // Small-to-medium real definitions, the kind most tenants hold.
  const files = listCorpus()
    .filter((f) => f.size > 4_000 && f.size < 40_000)
    .slice(0, size * 2)
    .map((f) => f.file);
  const parsed = [];
  for (const abs of extract(files)) {
    const text = fs.readFileSync(abs, 'utf8');
    try {
      parsed.push({ text, parsed: await parseDefinition(path.basename(abs), text) });
    } catch {
      // Some directory entries do not validate; the pool takes only those that do.
    }
    if (parsed.length >= size) break;
  }
  return parsed;
}

export async function buildBigWorkspace(file, { backend = 'http://127.0.0.1:9' } = {}) {
  const { openWorkspace, closeWorkspace, parseDefinition, insertApi, createTenant } =
    await loadCore();
  const defs = await pool(parseDefinition, 200);
  const db = openWorkspace(file);
  const t0 = performance.now();

  for (let t = 0; t < TENANTS; t++) {
    const domain = `tenant${String(t).padStart(2, '0')}.example`;
    const tenantId = createTenant(db, { domain, name: `Tenant ${t}` }).id;
    db.transaction(() => {
      for (let a = 0; a < PER_TENANT; a++) {
        const d = defs[(t * PER_TENANT + a) % defs.length];
        insertApi(db, {
          tenantId,
          fileName: `def-${a}.json`,
          text: d.text,
          parsed: d.parsed,
          context: `/api${a}`,
          version: 'v1',
          backend: `${backend}/t${t}/a${a}`,
          lifecycle: 'published',
          visibility: 'public',
        });
      }
    })();
  }
  const buildMs = performance.now() - t0;
  closeWorkspace(db);
  return { buildMs, poolSize: defs.length, bytes: fs.statSync(file).size };
}

const WORDS = ['payment', 'user', 'weather', 'order', 'search', 'token', 'image', 'zzzz'];

export async function run({ runs, bigWorkspace }) {
  const { createCore } = await loadCore();
  const file = bigWorkspace.file;
  const rows = [];

  rows.push(row('build the big workspace', `${TENANTS} × ${PER_TENANT} APIs`,
    { text: `${ms(bigWorkspace.buildMs)}, ${(bigWorkspace.bytes / 1e6).toFixed(0)} MB file, ` +
      `${bigWorkspace.poolSize} distinct definitions`, median: bigWorkspace.buildMs },
    null, '(reported only)'));

  const baseline = await measure(() => {
    const db = new Database(file, { readonly: true });
    db.prepare('SELECT count(*) FROM apis').get();
    db.close();
  }, { runs });
  const open = await measure(async () => {
    const core = createCore(file);
    await core.invoke('workspace.info', {});
    const tenants = await core.invoke('tenant.list', {});
    await core.invoke('api.list', { tenant: tenants[0].domain });
    core.close();
  }, { runs });
  rows.push(row('open the workspace (info, tenants, first tenant\'s APIs)',
    `${TENANTS * PER_TENANT} APIs`, open,
    { ...baseline, label: 'open SQLite + count rows' }, '< 300 ms'));

  const core = createCore(file);
  const times = [];
  for (let i = 0; i < 10 * runs; i++) {
    for (const w of WORDS) {
      const t0 = performance.now();
      await core.invoke('api.list', { query: w });
      times.push(performance.now() - t0);
    }
  }
  core.close();
  const s = summarise(times);
  rows.push(row('search the catalog (one word, all tenants)', `${TENANTS * PER_TENANT} APIs`,
    { ...s, text: `p50 ${ms(s.median)}, p95 ${ms(s.p95)} (${s.runs} queries)` }, null,
    'p95 < 20 ms'));

  const child = path.join(import.meta.dirname, 'memory-child.mjs');
  const rss = (f) => {
    const r = spawnSync(process.execPath, [child, f], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout).maxRssMb;
  };
  const emptyDir = tempDir('empty');
  const empty = rss(path.join(emptyDir, 'empty.sqlite'));
  const full = rss(file);
  fs.rmSync(emptyDir, { recursive: true, force: true });
  rows.push(row('memory: peak RSS holding the workspace', `${TENANTS * PER_TENANT} APIs`,
    { text: `${full.toFixed(0)} MB`, median: full },
    { text: `${empty.toFixed(0)} MB empty workspace`, median: empty }, '(reported)'));
  return rows;
}

// The app in the browser shell, in Debian's Chromium: time from opening the URL to a usable
// window on the 10,000-API workspace, and how the APIs table keeps up with one tenant holding
// 10,000 APIs (open the tab, type a search, sort a column).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { loadCore, oneTenantWorkspace, tempDir } from '../core.mjs';
import { row, summarise, ms } from '../lib.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function run({ runs, bigWorkspace }) {
  const { createCore } = await loadCore();
  const { startShellServer } = await import(path.join(ROOT, 'dist-node/src-main/shell/server.js'));
  const renderer = path.join(ROOT, 'out', 'renderer');
  if (!fs.existsSync(path.join(renderer, 'index.html'))) throw new Error('run npm run build');

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const rows = [];
  const dir = tempDir('renderer');
  try {
    const core = createCore(bigWorkspace.file);
    const shell = await startShellServer({ core, rendererDir: renderer });
    const usable = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      const t0 = performance.now();
      await page.goto(shell.url);
      await page.getByTestId('tenant-link-tenant49.example').waitFor();
      usable.push(performance.now() - t0);
      await page.close();
    }
    await shell.close();
    core.close();
    const u = summarise(usable);
    rows.push(row('browser shell: open to a usable window', '50 tenants, 10,000 APIs', u, null,
      '(reported)'));

    const file = path.join(dir, 'one-tenant.sqlite');
    await oneTenantWorkspace(file, { domain: 'big.example', name: 'Big', count: 10_000,
      api: (i) => ({ name: `Comics ${i}` }) });
    const big = createCore(file);
    const shell2 = await startShellServer({ core: big, rendererDir: renderer });
    const page = await browser.newPage();
    await page.goto(shell2.url);
    await page.getByTestId('tenant-link-big.example').click();

    const t0 = performance.now();
    await page.getByTestId('tab-apis').click();
    await page.getByTestId('api-row').first().waitFor();
    const openTab = performance.now() - t0;

    const typing = [];
    for (const q of ['Comics 9', 'Comics 99', 'Comics 999', 'Comics 9999']) {
      const s0 = performance.now();
      await page.getByTestId('api-search').fill(q);
      await page.getByTestId('api-row').filter({ hasText: q }).first().waitFor();
      typing.push(performance.now() - s0);
    }
    await page.getByTestId('api-search').fill('');
    const sorting = [];
    for (let i = 0; i < runs; i++) {
      const s0 = performance.now();
      await page.getByTestId('sort-name').click();
      await page.getByTestId('api-row').first().waitFor();
      sorting.push(performance.now() - s0);
    }
    await shell2.close();
    big.close();

    const ty = summarise(typing);
    const so = summarise(sorting);
    rows.push(row('APIs table with 10,000 rows', 'one tenant, 10,000 APIs',
      { text: `open tab ${ms(openTab)}; search keystroke p50 ${ms(ty.median)}; ` +
        `sort p50 ${ms(so.median)}`, median: openTab }, null, 'stays responsive'));
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

// Takes the README's screenshots from the built app on a fresh demo workspace, in Debian's
// Chromium: `npm run build && node scripts/readme-screens.mjs`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'docs', 'screens');
const { createCore } = await import(path.join(ROOT, 'dist-node/src-main/core/core.js'));
const { startShellServer } = await import(path.join(ROOT, 'dist-node/src-main/shell/server.js'));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-screens-'));
const core = createCore(path.join(dir, 'demo.sqlite'));
await core.invoke('demo.create', { force: false });
const shell = await startShellServer({ core, rendererDir: path.join(ROOT, 'out', 'renderer') });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(shell.url);
  await page.getByTestId('tenant-link-globex.io').click();
  await page.getByTestId('tab-storefront').click();
  await page.getByTestId('preview-frame').waitFor();
  await page.waitForTimeout(800);
  fs.mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, 'app-storefront.png') });

  await page.getByTestId('tenant-link-acme.com').click();
  await page.getByTestId('tab-apis').click();
  await page.getByTestId('api-row').first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, 'app-apis.png') });
} finally {
  await browser.close();
  await shell.close();
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

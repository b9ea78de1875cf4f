// Moving a tenant in the app: export it as a bundle, drop the bundle on the import card, and
// import it again under a new domain next to the original.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startShellServer, type ShellServer } from '../../src-main/shell/server.js';
import { describeApp, RENDERER, SCREENS } from '../support/app.js';
import { launchChromium } from '../support/browser.js';
import { FIXTURES, tempCore } from '../support/workspace.js';

const XKCD = fs.readFileSync(path.join(FIXTURES, 'cli', 'xkcd-3.0.yaml'), 'utf8');

describeApp('bundles in the app', () => {
  let workspace: ReturnType<typeof tempCore>;
  let shell: ShellServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.mkdirSync(SCREENS, { recursive: true });
    workspace = tempCore();
    await workspace.core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });
    await workspace.core.invoke('api.import', { tenant: 'acme.com', fileName: 'xkcd.yaml',
      content: XKCD });
    [shell, browser] = await Promise.all([
      startShellServer({ core: workspace.core, rendererDir: RENDERER }),
      launchChromium(),
    ]);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
    workspace?.cleanup();
  });

  test('a dropped bundle imports under a new domain and says so', async () => {
    const bundle = await workspace.core.invoke('bundle.export', { domains: ['acme.com'] });

    await page.goto(shell.url);
    await page.getByTestId('place-bundles').click();
    const card = page.getByTestId('bundle-import');
    const dataTransfer = await page.evaluateHandle(({ b64, name }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type: 'application/zip' }));
      return dt;
    }, { b64: bundle.dataBase64, name: bundle.fileName });
    await card.dispatchEvent('drop', { dataTransfer });
    await card.getByText(bundle.fileName).waitFor();

    await page.getByTestId('bundle-conflict').click();
    await page.getByRole('option', { name: 'Import under a new domain' }).click();
    await page.getByTestId('bundle-import-button').click();

    await page.getByTestId('tenant-link-acme-2.com').waitFor();
    await page.getByText('imported acme.com as acme-2.com', { exact: false }).waitFor();
    await page.screenshot({ path: path.join(SCREENS, 'bundles-import.png') });
    const apis = await workspace.core.invoke('api.list', { tenant: 'acme-2.com' });
    expect(apis.map((a) => a.name)).toEqual(['XKCD']);
  });
});

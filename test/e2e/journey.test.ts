// The foundation's whole path as a person walks it in the browser shell: open the demo,
// import a real definition, change a colour and watch the preview follow, register a real
// Caddy, plan, publish, and call the API through the gateway.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startShellServer, type ShellServer } from '../../src-main/shell/server.js';
import { startBackend, type RunningBackend } from '../support/backend.js';
import { describeApp, RENDERER, SCREENS } from '../support/app.js';
import { launchChromium } from '../support/browser.js';
import { startCaddy, type RunningCaddy } from '../support/caddy.js';
import { FIXTURES, tempCore } from '../support/workspace.js';

const DEFINITION = path.join(FIXTURES, 'cli', 'xkcd-3.0.yaml');


describeApp('journey: demo to a call through Caddy', () => {
  let workspace: ReturnType<typeof tempCore>;
  let shell: ShellServer;
  let caddy: RunningCaddy;
  let backend: RunningBackend;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.mkdirSync(SCREENS, { recursive: true });
    workspace = tempCore();
    [shell, caddy, backend, browser] = await Promise.all([
      startShellServer({ core: workspace.core, rendererDir: RENDERER }),
      startCaddy(),
      startBackend('xkcd-backend'),
      launchChromium(),
    ]);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
    await caddy?.stop();
    await backend?.stop();
    workspace?.cleanup();
  });

  test('creates the demo workspace from the first-run card', async () => {
    await page.goto(shell.url);
    await page.getByTestId('create-demo').click();

    for (const domain of ['acme.com', 'globex.io', 'initech.dev']) {
      await page.getByTestId(`tenant-link-${domain}`).waitFor();
    }
    const apis = await workspace.core.invoke('api.list', {});
    expect(apis.length).toBeGreaterThanOrEqual(8);
  });

  test('imports a definition into a demo tenant and points it at a local backend', async () => {
    await page.getByTestId('tenant-link-acme.com').click();
    await page.getByTestId('tab-apis').click();
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-file-input').setInputFiles(DEFINITION);

    const row = page.getByTestId('api-row').filter({ hasText: 'XKCD' });
    await row.waitFor();
    await row.click();
    await page.getByTestId('api-backend').fill(backend.url);
    // A lifecycle move applies at once; the backend is saved with the form.
    await page.getByTestId('lifecycle-move-published').click();
    await expect.poll(() => page.getByTestId('api-lifecycle-state').textContent())
      .toBe('published');
    await page.getByTestId('api-save').click();

    await expect.poll(async () => {
      const all = await workspace.core.invoke('api.list', { tenant: 'acme.com' });
      const xkcd = all.find((a) => a.name === 'XKCD');
      return xkcd && [xkcd.lifecycle, xkcd.backendProduction];
    }).toEqual(['published', backend.url]);
  });

  test('a colour change shows in the storefront preview at once', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('tab-storefront').click();
    const frame = page.getByTestId('preview-frame');
    await frame.waitFor();

    await page.getByTestId('branding-primaryColor').fill('#0f766e');
    await expect.poll(async () => (await frame.getAttribute('srcdoc'))?.toLowerCase() ?? '')
      .toContain('#0f766e');
    await page.getByTestId('branding-save').click();
    await page.getByTestId('branding-unsaved').waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(SCREENS, 'journey-storefront.png') });
  });

  test('registers the Caddy gateway, plans, publishes, and the API answers through it', async () => {
    await page.getByTestId('place-gateways').click();
    await page.getByTestId('add-gateway').click();
    await page.getByTestId('gateway-name').fill('local-caddy');
    await page.getByTestId('gateway-admin').fill(caddy.adminUrl);
    await page.getByTestId('gateway-listen').fill(caddy.listen);
    await page.getByTestId('gateway-tenants').click();
    await page.getByRole('option', { name: /acme\.com/ }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('gateway-submit').click();
    await page.getByTestId('gateway-row').filter({ hasText: 'local-caddy' }).waitFor();

    await page.getByTestId('place-publish').click();
    await page.getByTestId('publish-gateway').click();
    await page.getByRole('option', { name: /local-caddy/ }).click();
    await page.getByTestId('publish-plan').click();
    await page.getByTestId('plan-change-create').first().waitFor();
    await page.screenshot({ path: path.join(SCREENS, 'journey-plan.png') });

    await page.getByTestId('publish-apply').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('publish-result').waitFor();
    await page.screenshot({ path: path.join(SCREENS, 'journey-published.png') });
    await page.getByTestId('revision-table').getByText('1', { exact: true }).first().waitFor();

    const api = (await workspace.core.invoke('api.list', { tenant: 'acme.com' }))
      .find((a) => a.name === 'XKCD')!;
    const url = `http://${caddy.listen}/t/acme.com${api.context}/${api.version}/info.0.json`;
    const res = await fetch(url, { headers: { connection: 'close' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ backend: 'xkcd-backend', path: '/info.0.json' });

    await page.getByTestId('publish-plan').click();
    await page.getByTestId('plan-in-sync').waitFor();
  });
});

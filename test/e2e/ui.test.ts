// The renderer in the browser shell, driven by Chromium the way a person would: create a
// tenant, import real and broken definitions, edit an API, brand the storefront. Each screen
// is saved to test-results/screens/ for a human look.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startShellServer, type ShellServer } from '../../src-main/shell/server.js';
import { describeApp, RENDERER, SCREENS } from '../support/app.js';
import { launchChromium } from '../support/browser.js';
import { FIXTURES, tempCore } from '../support/workspace.js';

const UI_FIXTURES = path.join(FIXTURES, 'ui');

// Waits for dialogs to finish closing and clears finished notifications, so each picture
// shows the screen itself.
async function screen(page: Page, name: string, keepDialogs = false): Promise<void> {
  await page.mouse.move(700, 60);
  if (!keepDialogs) {
    await expect.poll(() => page.locator('.mantine-Modal-content').count()).toBe(0);
  }
  const closers = page.locator('.mantine-Notification-root .mantine-CloseButton-root');
  for (let n = await closers.count(); n > 0; n -= 1) await closers.first().click();
  await expect.poll(() => page.locator('.mantine-Notification-root').count()).toBe(0);
  // Let opening and closing transitions finish.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`) });
}

describeApp('renderer UI in the browser shell', () => {
  let workspace: ReturnType<typeof tempCore>;
  let shell: ShellServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.mkdirSync(SCREENS, { recursive: true });
    workspace = tempCore();
    shell = await startShellServer({ core: workspace.core, rendererDir: RENDERER });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 },
      colorScheme: 'light' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
    workspace?.cleanup();
  });

  test('refuses the contract and the page without the token', async () => {
    const base = `http://127.0.0.1:${shell.port}`;
    const rpc = await fetch(`${base}/rpc/workspace.info`, { method: 'POST', body: '{}' });
    expect(rpc.status).toBe(401);
    const wrong = await fetch(`${base}/rpc/workspace.info`, {
      method: 'POST', body: '{}', headers: { 'x-marquee-token': 'not-the-token' },
    });
    expect(wrong.status).toBe(401);
    expect((await fetch(`${base}/`)).status).toBe(401);
  });

  test('opens on the first-run card and hides the token from the address bar', async () => {
    await page.goto(shell.url);
    await page.getByTestId('first-run').waitFor();
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => page.getByTestId('workspace-path').textContent())
      .toContain('workspace.sqlite');
    await screen(page, '01-first-run');
  });

  test('creates a tenant through the New tenant dialog', async () => {
    await page.getByTestId('first-run-new-tenant').click();
    await page.getByTestId('new-tenant-domain').fill('Acme.com');
    await page.getByTestId('new-tenant-name').fill('Acme Corporation');
    await page.getByTestId('new-tenant-submit').click();

    await page.getByTestId('tenant-link-acme.com').waitFor();
    await expect.poll(() => page.getByTestId('tenant-title').textContent())
      .toBe('Acme Corporation');
    const tenants = await workspace.core.invoke('tenant.list', {});
    expect(tenants.map((t) => t.domain)).toEqual(['acme.com']);
    await screen(page, '02-tenant-overview');
  });

  test('imports a real OpenAPI file through the file picker', async () => {
    await page.getByTestId('tab-apis').click();
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-file-input')
      .setInputFiles(path.join(UI_FIXTURES, 'nytimes-archive.json'));

    const row = page.getByTestId('api-row').filter({ hasText: 'Archive API' });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('/archive-api');
    await screen(page, '03-apis');
  });

  test('shows the error of a broken file, naming file and line, and changes nothing', async () => {
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-file-input')
      .setInputFiles(path.join(UI_FIXTURES, 'broken.yaml'));

    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/broken\.yaml:8\b/);
    await screen(page, '04-import-error', true);

    await page.keyboard.press('Escape');
    await error.waitFor({ state: 'detached' });
    expect(await page.getByTestId('api-row').count()).toBe(1);
    expect(await workspace.core.invoke('api.list', { tenant: 'acme.com' })).toHaveLength(1);
  });

  test('a definition dropped onto the APIs tab goes through the same import', async () => {
    const content = fs.readFileSync(path.join(UI_FIXTURES, 'broken.yaml'), 'utf8');
    await page.getByTestId('apis-tab').evaluate((tab, text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.yaml', { type: 'application/yaml' }));
      tab.dispatchEvent(new DragEvent('dragover', { bubbles: true, dataTransfer: data }));
      tab.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true,
        dataTransfer: data }));
    }, content);
    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/dropped\.yaml:8\b/);
    await page.keyboard.press('Escape');
    await error.waitFor({ state: 'detached' });
  });

  test("edits an API's lifecycle in the drawer", async () => {
    await page.getByTestId('api-row').first().click();
    await page.getByTestId('api-lifecycle-section').waitFor();
    await page.getByTestId('operation-row').first().waitFor();
    // A lifecycle move applies at once, apart from the form's Save.
    await page.getByTestId('lifecycle-move-published').click();
    await expect.poll(() => page.getByTestId('api-lifecycle-state').textContent())
      .toBe('published');

    // A wrong context is refused inline, with the contract's own words, before saving.
    const context = page.getByTestId('api-context');
    await context.fill('no-slash');
    await page.getByText('must look like /payments or /shop/orders').waitFor();
    expect(await page.getByTestId('api-save').isDisabled()).toBe(true);
    await context.fill('/archive');
    await screen(page, '05-api-drawer', true);

    await page.getByTestId('api-save').click();
    const row = page.getByTestId('api-row').first();
    await expect.poll(() => row.textContent()).toContain('published');
    const [api] = await workspace.core.invoke('api.list', { tenant: 'acme.com' });
    expect(api.lifecycle).toBe('published');
    expect(api.context).toBe('/archive');
    await page.keyboard.press('Escape');
  });

  test('the storefront preview follows an unsaved primary colour', async () => {
    const probe = await workspace.core.dispatch('storefront.render',
      { domain: 'acme.com', page: { kind: 'home' } });
    await page.getByTestId('tab-storefront').click();
    await page.getByTestId('branding-form').waitFor();
    if (!probe.ok) {
      // The storefront renderer is not in the core yet: the tab must say so and stay usable.
      await page.getByTestId('preview-error').waitFor();
      await screen(page, '06-storefront');
      return;
    }

    const frame = page.getByTestId('preview-frame');
    await frame.waitFor();
    await page.getByTestId('branding-primaryColor').fill('#c2410c');
    await expect.poll(async () => (await frame.getAttribute('srcdoc'))?.toLowerCase() ?? '')
      .toContain('#c2410c');
    await page.getByTestId('branding-unsaved').waitFor();
    await page.keyboard.press('Escape');
    await screen(page, '06-storefront');


    await page.getByTestId('branding-save').click();
    await page.getByTestId('branding-unsaved').waitFor({ state: 'detached' });
    const branding = await workspace.core.invoke('branding.get', { domain: 'acme.com' });
    expect(branding.primaryColor.toLowerCase()).toBe('#c2410c');
  });

  // The preview's one inline script is allowed by its hash in the storefront's own policy,
  // but a srcdoc frame also inherits the shell page's policy, which must allow that hash too.
  test('a link inside the preview switches the previewed page', async () => {
    await page.getByTestId('preview-device').getByText('Phone').click();
    // A click while the preview is being re-rendered lands in the page being replaced.
    await page.getByTestId('preview-busy').waitFor({ state: 'detached' });
    await page.frameLocator('[data-testid="preview-frame"]')
      .getByRole('link', { name: 'APIs', exact: true }).first().click();
    await screen(page, '06b-storefront-phone');
    await expect.poll(() => page.getByTestId('preview-page').inputValue(), {
      message: 'the preview did not switch: does the shell CSP allow the storefront script hash?',
    }).toBe('Catalog');
  });

  test('adds a gateway and shows it in the list', async () => {
    await page.getByTestId('place-gateways').click();
    await page.getByTestId('add-gateway').click();
    await page.getByTestId('gateway-name').fill('edge-dev');
    // Nothing listens here: adding a gateway does not contact it.
    await page.getByTestId('gateway-admin').fill('http://127.0.0.1:9');
    await page.getByTestId('gateway-listen').fill('127.0.0.1:18080');
    await page.getByTestId('gateway-submit').click();
    await page.getByTestId('gateway-row').filter({ hasText: 'edge-dev' }).waitFor();
    await screen(page, '07-gateways');
  });

  test('the publish and bundles places render', async () => {
    await page.getByTestId('place-publish').click();
    await page.getByTestId('publish-view').waitFor();
    await screen(page, '08-publish');
    await page.getByTestId('place-bundles').click();
    await page.getByTestId('bundles-view').waitFor();
    await screen(page, '09-bundles');
  });

  test('the command palette jumps to an API', async () => {
    await page.keyboard.press('Control+K');
    await page.getByPlaceholder('Jump to a tenant or API, or run…').fill('archive');
    await page.getByRole('button', { name: /Archive API/ }).waitFor();
    await screen(page, '10-palette', true);
    await page.getByRole('button', { name: /Archive API/ }).click();
    await page.getByTestId('api-lifecycle-section').waitFor();
    await page.keyboard.press('Escape');
  });

  test('switches to dark mode', async () => {
    await page.getByTestId('tab-apis').click();
    await page.getByTestId('color-scheme-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('data-mantine-color-scheme'))
      .toBe('dark');
    await screen(page, '11-dark-apis');
  });

  test('deleting a tenant asks for its domain first', async () => {
    await page.getByTestId('tenant-link-acme.com').click();
    await page.getByTestId('tab-overview').click();
    await page.getByTestId('tenant-delete').click();
    const ok = page.getByTestId('confirm-ok');
    expect(await ok.isDisabled()).toBe(true);
    await page.getByTestId('confirm-type').fill('acme');
    expect(await ok.isDisabled()).toBe(true);
    await page.getByTestId('confirm-type').fill('acme.com');
    await screen(page, '12-delete-tenant-dark', true);
    await ok.click();
    await page.getByTestId('first-run').waitFor();
    expect(await workspace.core.invoke('tenant.list', {})).toEqual([]);
  });
});

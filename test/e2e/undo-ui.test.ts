// Undo as a person uses it in the browser shell: rename a tenant, press Ctrl+Z outside the
// form, and the old name is back on screen with a notification saying what was undone. Also
// the "g" jumps, and the shortcuts dialog (?), saved to test-results/screens/ for a look.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startShellServer, type ShellServer } from '../../src-main/shell/server.js';
import { describeApp, RENDERER, SCREENS } from '../support/app.js';
import { launchChromium } from '../support/browser.js';
import { tempCore } from '../support/workspace.js';


describeApp('undo and shortcuts in the browser shell', () => {
  let workspace: ReturnType<typeof tempCore>;
  let shell: ShellServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.mkdirSync(SCREENS, { recursive: true });
    workspace = tempCore();
    await workspace.core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });
    shell = await startShellServer({ core: workspace.core, rendererDir: RENDERER });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 },
      colorScheme: 'light' });
    page = await context.newPage();
    await page.goto(shell.url);
    await page.getByTestId('tenant-title').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
    workspace?.cleanup();
  });

  const title = () => page.getByTestId('tenant-title').textContent();

  test('Ctrl+Z outside the form takes back a rename and says so', async () => {
    const input = page.getByTestId('tenant-name-input');
    await input.fill('Acme Renamed');
    await page.getByTestId('tenant-save').click();
    await expect.poll(title).toBe('Acme Renamed');

    // Inside the field Ctrl+Z is the field's own: the workspace keeps the new name.
    await input.focus();
    await page.keyboard.press('Control+z');
    expect((await workspace.core.invoke('tenant.get', { domain: 'acme.com' })).name)
      .toBe('Acme Renamed');

    await input.blur();
    await page.keyboard.press('Control+z');
    await expect.poll(title).toBe('Acme');
    await expect.poll(() => input.inputValue()).toBe('Acme');
    await page.getByText('Undid: changed tenant acme.com').waitFor();
    expect((await workspace.core.invoke('tenant.get', { domain: 'acme.com' })).name).toBe('Acme');
  });

  test('the Undo button shows a refusal when the last change cannot be undone', async () => {
    await workspace.core.invoke('tenant.create', { domain: 'globex.io', name: 'Globex' });
    const refusal = /cannot undo the last change, "added tenant globex.io"/;
    await page.getByTestId('undo-button').hover();
    await page.getByRole('tooltip').filter({ hasText: refusal }).waitFor();
    await page.getByTestId('undo-button').click();
    await page.locator('.mantine-Notification-description').filter({ hasText: refusal })
      .waitFor();
    expect(await workspace.core.invoke('tenant.list', {})).toHaveLength(2);
  });

  test('g then a letter jumps to a place, and ? lists the shortcuts', async () => {
    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await page.getByTestId('activity-view').waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('t');
    await page.getByTestId('tenant-view').waitFor();

    // The picture shows the dialog, not the notifications of the tests before.
    const closers = page.locator('.mantine-Notification-root .mantine-CloseButton-root');
    for (let n = await closers.count(); n > 0; n -= 1) await closers.first().click();
    await expect.poll(() => page.locator('.mantine-Notification-root').count()).toBe(0);

    await page.keyboard.press('Shift+?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Undo the last change');
    await page.waitForFunction(() =>
      document.getAnimations().every((a) => a.playState !== 'running'));
    await page.screenshot({ path: path.join(SCREENS, 'shortcuts-dialog.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});

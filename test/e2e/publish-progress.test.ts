// A long publish in the app: progress entity by entity, and Cancel, which puts the gateway
// back as it was. Against the Kong fake, slowed down so the publish takes a while.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startShellServer, type ShellServer } from '../../src-main/shell/server.js';
import { describeApp, RENDERER, SCREENS } from '../support/app.js';
import { launchChromium } from '../support/browser.js';
import { startKongFake, type KongFake } from '../support/kong-fake.js';
import { FIXTURES, tempCore } from '../support/workspace.js';

const APOD = fs.readFileSync(path.join(FIXTURES, 'publish', 'nasa-apod.json'), 'utf8');

describeApp('publish progress and cancel in the app', () => {
  let workspace: ReturnType<typeof tempCore>;
  let shell: ShellServer;
  let kong: KongFake;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fs.mkdirSync(SCREENS, { recursive: true });
    workspace = tempCore();
    const { core } = workspace;
    await core.invoke('tenant.create', { domain: 'shop.example', name: 'Shop' });
    for (let i = 0; i < 12; i++) {
      const api = await core.invoke('api.import', { tenant: 'shop.example',
        fileName: 'nasa-apod.json', content: APOD, context: `/api${i}`,
        backend: 'http://127.0.0.1:9' });
      await core.invoke('api.update', { id: api.id, patch: { lifecycle: 'prototyped' } });
    }
    [shell, kong, browser] = await Promise.all([
      startShellServer({ core, rendererDir: RENDERER }),
      startKongFake(),
      launchChromium(),
    ]);
    await core.invoke('gateway.add', { name: 'kong-dev', kind: 'kong', adminUrl: kong.url,
      tenants: ['shop.example'], concurrency: 1 });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
    await kong?.stop();
    workspace?.cleanup();
  });

  test('shows entities as they are applied, and Cancel restores the gateway', async () => {
    const before = JSON.stringify(kong.state());
    kong.delayMs = 150;

    await page.goto(shell.url);
    await page.getByTestId('place-publish').click();
    await page.getByTestId('publish-plan').click();
    await page.getByTestId('plan-change-create').first().waitFor();
    await page.getByTestId('publish-apply').click();
    await page.getByTestId('confirm-ok').click();

    const progress = page.getByTestId('apply-progress');
    await expect.poll(() => progress.textContent(), { timeout: 20_000 })
      .toMatch(/[1-9]\d* of 24 entities/);
    await page.screenshot({ path: path.join(SCREENS, 'publish-progress.png') });

    await page.getByTestId('apply-cancel').click();
    const result = page.getByTestId('publish-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toMatch(/cancelled/);

    kong.delayMs = 0;
    const strip = (s: string) => s.replace(/"(created|updated)_at":\d+,?/g, '');
    expect(strip(JSON.stringify(kong.state()))).toBe(strip(before));
    expect(await workspace.core.invoke('revision.list', { gateway: 'kong-dev' })).toEqual([]);
  });
});

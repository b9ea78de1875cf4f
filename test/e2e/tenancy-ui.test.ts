// Tenancy and publishing screens in the browser shell, driven by Chromium: roles, members and
// tiers, the who-sees-what matrix following a restriction, an application's key shown once,
// the storefront viewed as a role, the activity log, and a rollback on a real Caddy.
// Each new screen is saved to test-results/screens/ for a human look.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startShellServer, type ShellServer } from '../../src-main/shell/server.js';
import { startBackend, type EchoReply, type RunningBackend } from '../support/backend.js';
import { describeApp, RENDERER, SCREENS } from '../support/app.js';
import { launchChromium } from '../support/browser.js';
import { startCaddy, type RunningCaddy } from '../support/caddy.js';
import { FIXTURES, tempCore } from '../support/workspace.js';

const DEFINITION = path.join(FIXTURES, 'cli', 'xkcd-3.0.yaml');

// Waits for dialogs and transitions to finish and clears notifications, so each picture
// shows the screen itself.
async function screen(page: Page, name: string, keepDialogs = false): Promise<void> {
  await page.mouse.move(700, 60);
  if (!keepDialogs) {
    await expect.poll(() => page.locator('.mantine-Modal-content').count()).toBe(0);
  }
  const closers = page.locator('.mantine-Notification-root .mantine-CloseButton-root');
  for (let n = await closers.count(); n > 0; n -= 1) await closers.first().click();
  await expect.poll(() => page.locator('.mantine-Notification-root').count()).toBe(0);
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`) });
}

async function pick(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

describeApp('tenancy and publishing screens', () => {
  let workspace: ReturnType<typeof tempCore>;
  let shell: ShellServer;
  let caddy: RunningCaddy;
  let backendA: RunningBackend;
  let backendB: RunningBackend;
  let browser: Browser;
  let page: Page;
  let apiId = '';

  const matrixCell = (audience: string) => page.getByTestId('matrix-row')
    .filter({ hasText: 'XKCD' }).locator(`[data-audience="${audience}"]`);

  async function backendThroughCaddy(): Promise<string> {
    const api = await workspace.core.invoke('api.get', { id: apiId });
    const url = `http://${caddy.listen}/t/acme.com${api.context}/${api.version}/info.0.json`;
    const res = await fetch(url, { headers: { connection: 'close' } });
    expect(res.status).toBe(200);
    return ((await res.json()) as EchoReply).backend;
  }

  async function openDrawer() {
    await page.getByTestId('tab-apis').click();
    await page.getByTestId('api-row').filter({ hasText: 'XKCD' }).click();
    await page.getByTestId('api-lifecycle-section').waitFor();
  }

  beforeAll(async () => {
    fs.mkdirSync(SCREENS, { recursive: true });
    workspace = tempCore();
    [shell, caddy, backendA, backendB, browser] = await Promise.all([
      startShellServer({ core: workspace.core, rendererDir: RENDERER }),
      startCaddy(),
      startBackend('A'),
      startBackend('B'),
      launchChromium(),
    ]);
    const { core } = workspace;
    await core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme Corporation' });
    await core.invoke('tenant.create', { domain: 'globex.io', name: 'Globex' });
    const api = await core.invoke('api.import', {
      tenant: 'acme.com', fileName: 'xkcd-3.0.yaml',
      content: fs.readFileSync(DEFINITION, 'utf8'), backend: backendA.url,
    });
    apiId = api.id;
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 },
      colorScheme: 'light' });
    page = await context.newPage();
    await page.goto(shell.url);
    await page.getByTestId('tenant-link-acme.com').click();
  });

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
    await caddy?.stop();
    await backendA?.stop();
    await backendB?.stop();
    workspace?.cleanup();
  });

  test('adds a role, a member holding it, and a tier checked as one types', async () => {
    await page.getByTestId('tab-audiences').click();
    await page.getByTestId('audiences-tab').waitFor();

    await page.getByTestId('role-name').fill('partner');
    await page.getByTestId('role-add').click();
    await page.getByTestId('role-row').filter({ hasText: 'partner' }).waitFor();

    await page.getByTestId('member-username').fill('pat');
    await pick(page, 'member-roles', 'partner');
    await page.keyboard.press('Escape');
    await page.getByTestId('member-add').click();
    await page.getByTestId('member-row').filter({ hasText: 'pat' }).waitFor();

    await page.getByTestId('tier-add').click();
    await page.getByTestId('tier-name').fill('!gold');
    await page.getByText('use 1-60 letters, digits, spaces, . _ -').waitFor();
    expect(await page.getByTestId('tier-submit').isDisabled()).toBe(true);
    await page.getByTestId('tier-name').fill('Partner Gold');
    await page.getByTestId('tier-rate').fill('300');
    await pick(page, 'tier-unit', 'second');
    await page.getByTestId('tier-quota').fill('5000000');
    await screen(page, 'tenancy-01-tier-modal', true);
    await page.getByTestId('tier-submit').click();
    await page.getByTestId('tier-row').filter({ hasText: 'Partner Gold' }).waitFor();

    const tiers = await workspace.core.invoke('tier.list', { tenant: 'acme.com' });
    expect(tiers.find((t) => t.name === 'Partner Gold')).toMatchObject({
      rateLimit: 300, rateUnit: 'second', quota: 5_000_000,
    });
    const members = await workspace.core.invoke('member.list', { tenant: 'acme.com' });
    expect(members).toMatchObject([{ username: 'pat', roles: ['partner'] }]);
    await screen(page, 'tenancy-02-audiences');
  });

  test('a tier in use is kept, with the core naming what uses it', async () => {
    await workspace.core.invoke('api.update', {
      id: apiId, patch: { tiers: ['Bronze', 'Partner Gold'] } });
    await page.getByTestId('tab-overview').click();
    await page.getByTestId('tab-audiences').click();
    await page.getByTestId('tier-row').filter({ hasText: 'Partner Gold' })
      .getByTestId('tier-delete').click();
    await page.getByTestId('confirm-ok').click();
    await page.locator('.mantine-Notification-root').filter({ hasText: 'offered by' })
      .filter({ hasText: 'XKCD' }).waitFor();
    await page.getByTestId('tier-row').filter({ hasText: 'Partner Gold' }).waitFor();
  });

  test('moves the API through its lifecycle with the allowed moves only', async () => {
    await openDrawer();
    expect(await page.getByTestId('lifecycle-move-retired').count()).toBe(0);
    await page.getByTestId('lifecycle-move-published').click();
    await expect.poll(() => page.getByTestId('api-lifecycle-state').textContent())
      .toBe('published');
    await page.getByTestId('lifecycle-move-deprecated').waitFor();
    await page.getByTestId('lifecycle-history').getByText('created → published').waitFor();
    const lifecycle = await workspace.core.invoke('api.history', { id: apiId });
    expect(lifecycle.state).toBe('published');
    await page.keyboard.press('Escape');
  });

  test('the matrix changes when the API becomes restricted to the role', async () => {
    await page.getByTestId('tab-audiences').click();
    await expect.poll(() => matrixCell('anonymous').getAttribute('data-can-see')).toBe('true');

    await openDrawer();
    await pick(page, 'api-visibility', 'restricted');
    await page.getByText('a restricted API needs at least one role').waitFor();
    await pick(page, 'api-roles', 'partner');
    await page.keyboard.press('Escape');
    await screen(page, 'tenancy-03-api-drawer', true);
    await page.getByTestId('api-save').click();
    await expect.poll(async () =>
      (await workspace.core.invoke('api.get', { id: apiId })).visibleRoles).toEqual(['partner']);
    await page.keyboard.press('Escape');

    await page.getByTestId('tab-audiences').click();
    await expect.poll(() => matrixCell('anonymous').getAttribute('data-can-see')).toBe('false');
    expect(await matrixCell('role:partner').getAttribute('data-can-subscribe')).toBe('true');
    expect(await matrixCell('member').getAttribute('data-can-see')).toBe('false');
    await page.getByTestId('matrix-search').fill('nothing like it');
    expect(await page.getByTestId('matrix-row').count()).toBe(0);
    await page.getByTestId('matrix-search').fill('xkc');
    await matrixCell('role:partner').hover();
    await page.getByRole('tooltip').waitFor();
    await page.getByTestId('access-matrix').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENS, 'tenancy-04-matrix.png') });
  });

  test('creates an application and shows its key once', async () => {
    await page.getByTestId('tab-applications').click();
    await page.getByTestId('application-add').click();
    await page.getByTestId('application-name').fill('Partner portal');
    await pick(page, 'application-owner', 'pat');
    await page.getByTestId('application-submit').click();

    const value = page.getByTestId('key-value');
    await value.waitFor();
    const key = (await value.textContent())!.trim();
    expect(key.length).toBeGreaterThan(20);
    await screen(page, 'tenancy-05-key-once', true);
    await page.getByTestId('key-done').click();
    await value.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(key);

    const row = page.getByTestId('application-row').filter({ hasText: 'Partner portal' });
    await row.waitFor();
    expect(await row.textContent()).toContain('pat');
  });

  test('subscribes the application to the restricted API at an offered tier', async () => {
    await page.getByTestId('subscribe-button').click();
    await pick(page, 'subscribe-api', /XKCD/);
    await pick(page, 'subscribe-tier', 'Partner Gold');
    await page.getByTestId('subscribe-submit').click();
    await page.getByTestId('subscription-row').filter({ hasText: 'Partner Gold' }).waitFor();
    await expect.poll(() => page.getByTestId('application-subscriptions').first().textContent())
      .toBe('1');
    await screen(page, 'tenancy-06-applications');
  });

  test('the storefront viewed as role:partner shows the restricted API', async () => {
    await page.getByTestId('tab-storefront').click();
    const frame = page.getByTestId('preview-frame');
    await frame.waitFor();
    await pick(page, 'preview-page', 'Catalog');
    await expect.poll(async () => (await frame.getAttribute('srcdoc')) ?? '')
      .toContain('catalog');
    expect(await frame.getAttribute('srcdoc')).not.toContain('XKCD');

    await pick(page, 'preview-audience', 'role:partner');
    await expect.poll(async () => (await frame.getAttribute('srcdoc')) ?? '').toContain('XKCD');
    await screen(page, 'tenancy-07-storefront-as-partner');

    await pick(page, 'preview-audience', 'tenant:globex.io');
    await expect.poll(async () => (await frame.getAttribute('srcdoc')) ?? '')
      .not.toContain('XKCD');
  });

  test('the activity place lists the changes with before and after', async () => {
    await page.getByTestId('place-activity').click();
    const row = page.getByTestId('activity-row').filter({ hasText: 'added tier Partner Gold' });
    await row.waitFor();
    await pick(page, 'activity-entity', 'tier');
    // The refused delete left no entry: only the tier's creation is there.
    await expect.poll(() => page.getByTestId('activity-row').count()).toBe(1);
    await page.getByTestId('activity-search').fill('partner gold');
    await row.click();
    await expect.poll(() => page.getByTestId('activity-detail').textContent())
      .toContain('"rateLimit": 300');
    await screen(page, 'tenancy-08-activity');
  });

  test('the command palette opens a new application and the activity', async () => {
    await page.keyboard.press('Control+K');
    await page.getByPlaceholder('Jump to a tenant or API, or run…').fill('new application');
    await page.getByRole('button', { name: /New application/ }).click();
    await page.getByTestId('application-name').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('application-name').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+K');
    await page.getByPlaceholder('Jump to a tenant or API, or run…').fill('activity');
    await page.getByRole('button', { name: /^Activity/ }).click();
    await page.getByTestId('activity-view').waitFor();
  });

  test('adding a Kong gateway asks for its admin token as a password', async () => {
    await page.getByTestId('place-gateways').click();
    await page.getByTestId('add-gateway').click();
    await pick(page, 'gateway-kind', 'Kong');
    const token = page.getByTestId('gateway-token');
    await token.waitFor();
    expect(await token.getAttribute('type')).toBe('password');
    expect(await page.getByTestId('gateway-admin').inputValue()).toBe('http://127.0.0.1:8001');
    expect(await page.getByTestId('gateway-listen').count()).toBe(0);
    await page.getByTestId('gateway-name').fill('kong-lab');
    await token.fill('s3cret-admin-token');
    await screen(page, 'tenancy-09-add-kong', true);
    await page.keyboard.press('Escape');
  });

  test('publishes twice to a real Caddy and rolls back to the first revision', async () => {
    await page.getByTestId('add-gateway').click();
    await pick(page, 'gateway-kind', 'Caddy');
    await page.getByTestId('gateway-name').fill('edge-prod');
    await page.getByTestId('gateway-admin').fill(caddy.adminUrl);
    await page.getByTestId('gateway-listen').fill(caddy.listen);
    await page.getByTestId('gateway-environment').fill('prod');
    await pick(page, 'gateway-tenants', /acme\.com/);
    await page.keyboard.press('Escape');
    await page.getByTestId('gateway-submit').click();
    await page.getByTestId('gateway-row').filter({ hasText: 'edge-prod' }).waitFor();
    await page.getByTestId('place-publish').click();
    await pick(page, 'publish-gateway', /edge-prod/);

    const publish = async () => {
      await page.getByTestId('publish-plan').click();
      await page.getByTestId('plan-change-update').or(page.getByTestId('plan-change-create'))
        .first().waitFor();
      await page.getByTestId('publish-apply').click();
      await page.getByTestId('confirm-type').fill('edge-prod');
      await page.getByTestId('confirm-ok').click();
      await page.getByTestId('publish-result').waitFor();
    };
    await publish();
    await page.locator('[data-testid="revision-row"][data-revision="1"]').waitFor();
    expect(await backendThroughCaddy()).toBe('A');

    await workspace.core.invoke('api.update', {
      id: apiId, patch: { backendProduction: backendB.url } });
    await publish();
    await page.locator('[data-testid="revision-row"][data-revision="2"]').waitFor();
    expect(await backendThroughCaddy()).toBe('B');
    await expect.poll(() => page.getByTestId('drift-badge').getAttribute('data-drift'))
      .toBe('in-sync');

    await page.locator('[data-testid="revision-row"][data-revision="1"]')
      .getByTestId('revision-rollback').click();
    const ok = page.getByTestId('confirm-ok');
    expect(await ok.isDisabled()).toBe(true);
    await page.getByTestId('confirm-type').fill('edge-prod');
    await screen(page, 'tenancy-10-rollback-confirm', true);
    await ok.click();
    await page.locator('[data-testid="revision-row"][data-revision="3"]').waitFor();
    expect(await backendThroughCaddy()).toBe('A');
    const revisions = await workspace.core.invoke('revision.list', { gateway: 'edge-prod' });
    expect(revisions.find((r) => r.number === 3)?.summary).toMatch(/rollback to #1/);
    await expect.poll(() => page.getByTestId('drift-badge').getAttribute('data-drift'))
      .toBe('in-sync');
    await screen(page, 'tenancy-11-publish-rollback');
  });
});

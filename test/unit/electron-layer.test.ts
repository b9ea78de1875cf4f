// The Electron layer, run against a stand-in `electron` module: the binary cannot be
// downloaded on these machines, and the layer is thin enough that its rules are all here.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const stand = vi.hoisted(() => ({
  handlers: new Map<string, (...a: unknown[]) => unknown>(),
  exposed: {} as Record<string, unknown>,
  invoked: [] as unknown[][],
  opened: [] as string[],
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => {
      stand.exposed[key] = value;
    },
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      stand.invoked.push(args);
      return Promise.resolve({ ok: true, value: 'from-main' });
    },
  },
}));

import { registerInvoke } from '../../src-main/electron/ipc.js';
import { hardenContents, secureWebPreferences } from '../../src-main/electron/security.js';
import { INVOKE_CHANNEL } from '../../src-main/electron/channel.js';
import type { Core } from '../../src-main/core/core.js';

const APP_URL = 'file:///opt/Marquee/resources/app/out/renderer/index.html';

function fakeContents() {
  const listeners = new Map<string, (...a: unknown[]) => void>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  return {
    on: (name: string, fn: (...a: unknown[]) => void) => listeners.set(name, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => {
      openHandler = fn;
    },
    emit: (name: string, ...args: unknown[]) => listeners.get(name)?.(...args),
    open: (url: string) => openHandler!({ url }),
  };
}

describe('window security', () => {
  it('keeps the renderer sandboxed, isolated and without Node', () => {
    const prefs = secureWebPreferences('/x/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    });
  });

  it('blocks navigation away from the app and opens only http(s) links outside', () => {
    const contents = fakeContents();
    const shell = { openExternal: (u: string) => (stand.opened.push(u), Promise.resolve()) };
    hardenContents(contents as never, APP_URL, shell as never);

    const away = { preventDefault: vi.fn() };
    contents.emit('will-navigate', away, 'https://evil.example/phish');
    expect(away.preventDefault).toHaveBeenCalled();

    const reload = { preventDefault: vi.fn() };
    contents.emit('will-navigate', reload, APP_URL);
    expect(reload.preventDefault).not.toHaveBeenCalled();

    expect(contents.open('https://docs.example.org/')).toEqual({ action: 'deny' });
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(stand.opened).toEqual(['https://docs.example.org/']);
  });
});

describe('IPC', () => {
  beforeEach(() => stand.handlers.clear());

  const ipcMain = {
    handle: (channel: string, fn: (...a: unknown[]) => unknown) => stand.handlers.set(channel, fn),
  };
  const calls: unknown[][] = [];
  const core = {
    dispatch: (m: string, i: unknown) => (calls.push([m, i]), Promise.resolve({ ok: true })),
  } as unknown as Core;

  it('passes calls from the app frame to the core and refuses other frames', async () => {
    registerInvoke(ipcMain as never, () => core, APP_URL);
    const handler = stand.handlers.get(INVOKE_CHANNEL)!;

    const fromApp = { senderFrame: { url: APP_URL, parent: null } };
    expect(await handler(fromApp, 'tenant.list', {})).toEqual({ ok: true });
    expect(calls).toEqual([['tenant.list', {}]]);

    const fromElsewhere = { senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await handler(fromElsewhere, 'tenant.delete', { domain: 'acme.com' })).toMatchObject({
      ok: false,
    });
    const fromSubframe = { senderFrame: { url: APP_URL, parent: {} } };
    expect(await handler(fromSubframe, 'tenant.list', {})).toMatchObject({ ok: false });
    expect(calls.length).toBe(1);
  });
});

describe('preload', () => {
  it('exposes one object whose invoke forwards only contract methods', async () => {
    await import('../../src-main/electron/preload.js');
    const bridge = stand.exposed.marquee as {
      invoke: (m: string, i: unknown) => Promise<unknown>;
    };
    expect(Object.keys(stand.exposed)).toEqual(['marquee']);

    expect(await bridge.invoke('tenant.list', {})).toEqual({ ok: true, value: 'from-main' });
    expect(stand.invoked).toEqual([[INVOKE_CHANNEL, 'tenant.list', {}]]);

    expect(await bridge.invoke('fs.readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
    expect(stand.invoked.length).toBe(1);
  });
});

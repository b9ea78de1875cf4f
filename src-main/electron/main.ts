// Electron main: a thin adapter. It opens the workspace through the core, wires one IPC
// channel and builds a hardened window; everything else lives in the core.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCore, type Core } from '../core/core.js';
import { logger } from '../core/log.js';
import { resolveWorkspacePath } from '../core/paths.js';
import { registerInvoke } from './ipc.js';
import { hardenContents, secureWebPreferences } from './security.js';

const log = logger('electron');

// The built main bundle sits in out/main; renderer and preload are its siblings.
const here = path.dirname(fileURLToPath(import.meta.url));

let core: Core | null = null;

// Electron needs a better-sqlite3 binary built for its own ABI; the Node build stays in
// node_modules for the CLI and tests. Packaging puts it in resources/.
// Not buildable on CI machines here (no Electron headers download): see README.
function nativeBinding(): string | undefined {
  const candidates = [
    process.env.MARQUEE_SQLITE_BINDING,
    path.join(process.resourcesPath ?? '', 'better_sqlite3.node'),
  ];
  return candidates.find((p): p is string => !!p && fs.existsSync(p));
}

function openCore(file: string): Core {
  core?.close();
  core = createCore(file, { nativeBinding: nativeBinding() });
  return core;
}

async function firstStart(c: Core): Promise<void> {
  const info = await c.invoke('workspace.info', {});
  if (info.tenants === 0) await c.invoke('demo.create', { force: false });
}

function buildMenu(win: BrowserWindow): void {
  const template: Electron.MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        {
          label: 'Open Workspace…',
          accelerator: 'CmdOrCtrl+O',
          click: async () => {
            const r = await dialog.showOpenDialog(win, {
              filters: [{ name: 'Marquee workspace', extensions: ['sqlite', 'marquee'] }],
              properties: ['openFile'],
            });
            if (r.canceled || !r.filePaths[0]) return;
            openCore(r.filePaths[0]);
            app.addRecentDocument(r.filePaths[0]);
            win.webContents.reload();
          },
        },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function createWindow(): Promise<void> {
  const rendererIndex = path.join(here, '../renderer/index.html');
  const appUrl = pathToFileURL(rendererIndex).href;
  const preload = path.join(here, '../preload/index.cjs');

  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    show: false,
    title: 'Marquee',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1a1b1e' : '#ffffff',
    ...secureWebPreferences(preload),
  });
  hardenContents(win.webContents, appUrl, shell);
  buildMenu(win);
  win.once('ready-to-show', () => win.show());
  await win.loadURL(appUrl);
}

app.whenReady().then(async () => {
  const file = resolveWorkspacePath();
  const c = openCore(file);
  await firstStart(c).catch((err) => log.error({ err }, 'could not create the demo'));

  registerInvoke(ipcMain, () => core!, pathToFileURL(
    path.join(here, '../renderer/index.html')).href);
  await createWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('window-all-closed', () => {
  core?.close();
  if (process.platform !== 'darwin') app.quit();
});

// Window hardening, kept apart from main.ts so a test can run it against a stand-in
// `electron` module: sandboxed renderer, no navigation away, no new windows, only http(s)
// links handed to the OS browser.
import type { BrowserWindowConstructorOptions, Shell, WebContents } from 'electron';

export function secureWebPreferences(preload: string): BrowserWindowConstructorOptions {
  return {
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const u = new URL(url);
    const a = new URL(appUrl);
    return u.protocol === a.protocol && u.host === a.host && u.pathname === a.pathname;
  } catch {
    return false;
  }
}

export function hardenContents(contents: WebContents, appUrl: string, shell: Shell): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

// Main side of the contract: accept calls only from our own renderer's main frame, and hand
// every payload to the core, which validates it against the contract's schema.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Core } from '../core/core.js';
import { logger } from '../core/log.js';
import { INVOKE_CHANNEL } from './channel.js';
import { isAppUrl } from './security.js';

const log = logger('electron');

export function registerInvoke(ipcMain: IpcMain, core: () => Core, appUrl: string): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown,
    input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(frameUrl, appUrl) || event.senderFrame?.parent) {
      log.warn({ frameUrl }, 'refused a call from an unknown frame');
      return { ok: false, error: { code: 'bad_input', message: 'caller is not the app' } };
    }
    return core().dispatch(String(method), input);
  });
}

// The preload: one object on window, one method, only known contract methods. It runs
// sandboxed with context isolation, so it holds no Node access to hand out.
import { contextBridge, ipcRenderer } from 'electron';
import { isMethod, type Envelope } from '../../src-shared/contract.js';
import { INVOKE_CHANNEL } from './channel.js';

const bridge = {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>> {
    if (!isMethod(method)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'bad_input', message: `unknown method ${method}` },
      });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, input);
  },
  platform: process.platform,
};

contextBridge.exposeInMainWorld('marquee', bridge);

import { exportBundle, importBundle } from '../bundle/bundle.js';
import type { HandlerMap } from './types.js';

export const bundleHandlers: HandlerMap<'bundle.export' | 'bundle.import'> = {
  'bundle.export': (input, ctx) => {
    const bytes = exportBundle(ctx.db, input.domains);
    const fileName = `${input.domains.join('+')}.marquee.zip`;
    return { fileName, dataBase64: Buffer.from(bytes).toString('base64') };
  },
  'bundle.import': (input, ctx) =>
    importBundle(ctx.db, Buffer.from(input.dataBase64, 'base64'), input.onConflict),
};

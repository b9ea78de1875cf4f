import { badInput } from '../errors.js';
import { exportWso2Theme } from '../storefront/wso2-theme/export.js';
import { importWso2Theme } from '../storefront/wso2-theme/import.js';
import { LIMITS } from '../storefront/wso2-theme/layout.js';
import type { HandlerMap } from './types.js';

export const themeHandlers: HandlerMap<'theme.export' | 'theme.import'> = {
  'theme.export': (input, ctx) => {
    const { fileName, data } = exportWso2Theme(ctx.db, input.domain);
    return { fileName, dataBase64: Buffer.from(data).toString('base64') };
  },
  'theme.import': (input, ctx) => {
    // Base64 is a third larger than the bytes: refuse an oversized theme before decoding it.
    if (input.dataBase64.length > Math.ceil((LIMITS.zipBytes * 4) / 3) + 4) {
      throw badInput(`dataBase64: the theme zip is larger than ${LIMITS.zipBytes / 1048576} MB`);
    }
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.dataBase64)) {
      throw badInput('dataBase64: not base64');
    }
    return importWso2Theme(ctx.db, input.domain, Buffer.from(input.dataBase64, 'base64'));
  },
};

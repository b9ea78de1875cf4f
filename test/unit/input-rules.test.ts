// What a person may type, refused with a reason instead of quietly rewritten.
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { tempCore, FIXTURES } from '../support/workspace.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('tenant domains', () => {
  it('refuses paths, escapes, invisible and control characters instead of dropping them', async () => {
    const t = tempCore();
    cleanups.push(t.cleanup);

    for (const domain of ['newco.com/evil/../x', 'a%62c.com', 'zero\u200bwidth.com',
      'new\nline.com', 'x\ty.com', 'acme.com/evil', 'acme.com:443']) {
      const r = await t.core.dispatch('tenant.create', { domain, name: 'X' });
      expect(r, JSON.stringify(domain)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    }
    expect(await t.core.invoke('tenant.list', {})).toEqual([]);
  });

  it('still takes international names and case', async () => {
    const t = tempCore();
    cleanups.push(t.cleanup);

    expect((await t.core.invoke('tenant.create', { domain: 'Bücher.DE', name: 'B' })).domain)
      .toBe('xn--bcher-kva.de');
  });
});

describe('API contexts', () => {
  it('refuses . and .. segments, which no gateway route could ever be reached by', async () => {
    const t = tempCore();
    cleanups.push(t.cleanup);
    await t.core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });
    const api = await t.core.invoke('api.import', {
      tenant: 'acme.com',
      fileName: 'xkcd.yaml',
      content: fs.readFileSync(path.join(FIXTURES, 'cli', 'xkcd-3.0.yaml'), 'utf8'),
    });

    for (const context of ['/../x', '/x/../y', '/./x', '/' + 'a'.repeat(300)]) {
      const r = await t.core.dispatch('api.update', { id: api.id, patch: { context } });
      expect(r, context).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    }
    expect((await t.core.invoke('api.get', { id: api.id })).context).toBe(api.context);
  });
});

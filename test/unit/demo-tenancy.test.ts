// The demo shows what tenancy changes: a public API, a partner-only one, a private one and
// ones offered to other tenants, each seen by exactly the audiences the rules allow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import type { AccessMatrix } from '../../src-shared/tenancy.js';
import { tempCore } from '../support/workspace.js';

let core: Core;
let cleanup: () => void;

beforeAll(async () => {
  ({ core, cleanup } = tempCore());
  await core.invoke('demo.create', {});
});
afterAll(() => cleanup());

async function cells(tenant: string, apiName: string) {
  const m: AccessMatrix = await core.invoke('access.matrix', { tenant });
  const api = m.apis.find((a) => a.name === apiName)!;
  return Object.fromEntries(
    api.cells.map((c) => [c.audience, c.canSubscribe ? 'S' : c.canSee ? 'V' : '-']),
  );
}

describe('demo tenancy', () => {
  it('gives every demo tenant roles and members holding them', async () => {
    expect((await core.invoke('role.list', { tenant: 'globex.io' })).map((r) => r.name))
      .toEqual(['internal', 'partner']);
    expect(await core.invoke('member.list', { tenant: 'acme.com' })).toContainEqual(
      expect.objectContaining({
        username: 'carlos@carrier.example',
        roles: ['carrier', 'partner'],
      }),
    );
    expect(await core.invoke('member.list', { tenant: 'initech.dev' })).toHaveLength(1);
  });

  it('has a partner-only API that only role:partner sees', async () => {
    expect(await cells('globex.io', 'Confirmation of Funds')).toEqual({
      anonymous: '-',
      'role:internal': '-',
      'role:partner': 'S',
      member: '-',
      'tenant:acme.com': '-',
      'tenant:initech.dev': '-',
    });
  });

  it('has a private API for members and an API offered to one other tenant', async () => {
    expect(await cells('initech.dev', 'Container Registry')).toMatchObject({
      anonymous: '-', member: 'S', 'tenant:acme.com': '-',
    });
    expect(await cells('globex.io', 'Settlement Currency Rates')).toMatchObject({
      anonymous: 'V', member: 'S', 'tenant:acme.com': 'S', 'tenant:initech.dev': 'V',
    });
    expect(await cells('acme.com', 'Address Geocoder')).toMatchObject({
      anonymous: 'V', 'tenant:globex.io': 'S', 'tenant:initech.dev': 'S',
    });
    expect(await cells('acme.com', 'Maps and Tiles')).toMatchObject({
      anonymous: 'V', member: 'S', 'tenant:globex.io': 'V',
    });
  });
});

// Route paths that would clash on a shared gateway: the same path, or one path below another.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/core.js';
import { findRouteCollisions, type RoutedApi } from '../../src-main/core/tenancy/collisions.js';
import { moveTo } from '../support/lifecycle.js';
import { fixture } from '../support/storefront.js';
import { tempCore } from '../support/workspace.js';

const api = (id: string, tenant: string, context: string, version = 'v1'): RoutedApi => ({
  id, tenant, name: id, version, context,
});

// A scheme without the tenant in the path, as a gateway shared by tenants might publish.
const bare = (a: RoutedApi) => `${a.context}/${a.version}`;

describe('findRouteCollisions', () => {
  it('reports two tenants publishing the same path, in any letter case', () => {
    const found = findRouteCollisions(
      [api('a', 'acme.com', '/shop'), api('b', 'globex.io', '/Shop'), api('c', 'x.io', '/pay')],
      bare,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'same' });
    expect(found[0].apis.map((a) => a.id)).toEqual(['a', 'b']);
    expect(found[0].message).toBe(
      'acme.com a v1 and globex.io b v1 would share the route /shop/v1',
    );
  });

  it('reports a path that sits below another API path', () => {
    const found = findRouteCollisions(
      [api('outer', 'acme.com', '/shop'), api('inner', 'acme.com', '/shop/v1', 'x')],
      bare,
    );
    expect(found).toEqual([expect.objectContaining({ kind: 'nested', path: '/shop/v1/x' })]);
    expect(found[0].apis.map((a) => a.id)).toEqual(['outer', 'inner']);
  });

  it('finds nothing when paths only share a prefix within a segment', () => {
    expect(findRouteCollisions([api('a', 't.io', '/shop'), api('b', 't.io', '/shopping')], bare))
      .toEqual([]);
  });
});

describe('gateway.collisions', () => {
  let core: Core;
  let cleanup: () => void;
  beforeEach(() => {
    ({ core, cleanup } = tempCore());
  });
  afterEach(() => cleanup());

  it('checks the routed APIs of the workspace with the publisher path scheme', async () => {
    await core.invoke('tenant.create', { domain: 'acme.com', name: 'Acme' });
    const add = async (context: string, version: string) => {
      const a = await core.invoke('api.import', {
        tenant: 'acme.com', fileName: 'b.json', content: fixture('request-baskets.json'),
        context, version,
      });
      await moveTo(core, a.id, 'published');
      return a.id;
    };
    const lower = await add('/shop', 'v1');
    const upper = await add('/Shop', 'v1');
    await add('/pay', 'v1');

    const found = await core.invoke('gateway.collisions', {});
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'same', path: '/t/acme.com/shop/v1' });
    expect(found[0].apis.map((a) => a.id).sort()).toEqual([lower, upper].sort());

    // A created API gets no route, so it collides with nothing.
    await core.invoke('api.lifecycle', { id: upper, state: 'created' });
    expect(await core.invoke('gateway.collisions', {})).toEqual([]);
  });
});

// Publishing the 10,000-API workspace to a real Caddy, against Caddy's own floor: one raw
// POST /load of the same final config, and one read of its config.
import { getConfig, load, startCaddy } from '../caddy.mjs';
import { loadCore } from '../core.mjs';
import { measure, row } from '../lib.mjs';

export async function run({ runs, bigWorkspace }) {
  const { createCore } = await loadCore();
  const caddy = await startCaddy();
  const core = createCore(bigWorkspace.file);
  const rows = [];
  try {
    const tenants = (await core.invoke('tenant.list', {})).map((t) => t.domain);
    await core.invoke('gateway.add', {
      name: 'bench', kind: 'caddy', adminUrl: caddy.adminUrl, listen: caddy.listen, tenants,
    });

    let routes = 0;
    const publish = await measure(async () => {
      await load(caddy.adminUrl, caddy.config);
      const r = await core.invoke('publish.apply', { gateway: 'bench' });
      routes = r.applied.length;
    }, { runs, warmup: 0 });

    const finalConfig = await getConfig(caddy.adminUrl);
    const rawLoad = await measure(async () => {
      await load(caddy.adminUrl, caddy.config);
      await load(caddy.adminUrl, finalConfig);
    }, { runs, warmup: 0 });
    // The floor is the second /load only; the reset before it is part of each run for both.
    const reset = await measure(() => load(caddy.adminUrl, caddy.config), { runs, warmup: 0 });
    const floor = { ...rawLoad, median: rawLoad.median - reset.median };

    rows.push(row('publish everything to Caddy (from empty)', `${routes} routes, one change`,
      { ...publish, median: publish.median - reset.median,
        min: publish.min - reset.median, max: publish.max - reset.median },
      { ...floor, label: 'one raw POST /load of the same config' }, '≤ 2× baseline'));

    await core.invoke('publish.apply', { gateway: 'bench' });
    const plan = await measure(async () => {
      const p = await core.invoke('publish.plan', { gateway: 'bench' });
      if (!p.inSync) throw new Error('expected no changes');
    }, { runs });
    const read = await measure(() => getConfig(caddy.adminUrl), { runs });
    rows.push(row('plan with nothing to change', `${routes} routes on Caddy`, plan,
      { ...read, label: 'GET /config/ once' }, '< 1 s'));
  } finally {
    core.close();
    caddy.stop();
  }
  return rows;
}

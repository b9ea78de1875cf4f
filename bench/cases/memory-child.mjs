// Opens a workspace the way the app does on start and lists everything, then reports the
// process's peak resident memory.
import { loadCore } from '../core.mjs';

const { createCore } = await loadCore();
const core = createCore(process.argv[2]);
await core.invoke('workspace.info', {});
const tenants = await core.invoke('tenant.list', {});
await core.invoke('api.list', {});
for (const t of tenants.slice(0, 5)) await core.invoke('api.list', { tenant: t.domain });
core.close();
process.stdout.write(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 }));

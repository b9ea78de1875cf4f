// The bench drives the compiled core (npm run build), the same code the CLI runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const DIST = path.resolve(import.meta.dirname, '..', 'dist-node', 'src-main', 'core');

export async function loadCore() {
  if (!fs.existsSync(path.join(DIST, 'core.js'))) {
    throw new Error('the core is not built: run `npm run build` first');
  }
  const core = await import(path.join(DIST, 'core.js'));
  const parse = await import(path.join(DIST, 'openapi', 'parse.js'));
  const apis = await import(path.join(DIST, 'workspace', 'apis.js'));
  const tenants = await import(path.join(DIST, 'workspace', 'tenants.js'));
  const open = await import(path.join(DIST, 'db', 'open.js'));
  return { ...core, ...parse, ...apis, ...tenants, ...open };
}

export function tempDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `marquee-bench-${name}-`));
}

// One tenant holding `count` copies of a small real definition (XKCD) under distinct
// contexts: the data for cases that need many APIs but not many distinct definitions.
export async function oneTenantWorkspace(file, { domain, name, count, api = () => ({}) }) {
  const { openWorkspace, closeWorkspace, createTenant, insertApi, parseDefinition } =
    await loadCore();
  const root = path.resolve(import.meta.dirname, '..');
  const text = fs.readFileSync(path.join(root, 'test', 'fixtures', 'cli', 'xkcd-3.0.yaml'),
    'utf8');
  const parsed = await parseDefinition('xkcd.yaml', text);
  const db = openWorkspace(file);
  const tenantId = createTenant(db, { domain, name }).id;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      insertApi(db, { tenantId, fileName: 'xkcd.yaml', text, parsed, context: `/api${i}`,
        version: 'v1', ...api(i) });
    }
  })();
  closeWorkspace(db);
}
